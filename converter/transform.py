"""Stage 6b: XSLT 1.0 stylesheets turn the canonical XML into HTML, Inline XBRL, text and more.

Every stylesheet, built-in or the user's, runs with file writing, file reading and network access
denied (``XSLTAccessControl.DENY_ALL``). While a stylesheet is loaded it may import or include only
the stylesheets in ``xslt/`` (a user's as ``prconvert:html.xsl``), so a user can override one
template of a built-in format without copying it. Parsing never resolves entities, loads a DTD or
touches the network.
"""
from __future__ import annotations

import os
import re
from datetime import datetime, timezone
from functools import cache
from pathlib import Path
from urllib.parse import urljoin

from lxml import etree

from .errors import TransformError
from .resources import resource_dir

# name -> (stylesheet in xslt/, file extension, one line for `prconvert formats`)
STYLESHEETS: dict[str, tuple[str, str, str]] = {
    "html": ("html.xsl", ".html", "a standalone, accessible HTML5 page"),
    "ixbrl": ("ixbrl.xsl", ".ixbrl.xhtml", "the HTML page as Inline XBRL 1.1, with the facts tagged"),
    # Not ".txt": inputs are .txt, and a golden beside an example must not read as another input.
    "text": ("text.xsl", ".text", "the release re-typeset as plain text: reflowed paragraphs, aligned tables"),
    "md": ("md.xsl", ".md", "Markdown with pipe tables"),
    "csv": ("csv.xsl", ".csv", "one row per XBRL fact, RFC 4180"),
    "atom": ("atom.xsl", ".atom", "an Atom 1.0 entry (a feed when an input holds several releases)"),
    "xbrl": ("xbrl.xsl", ".xbrl", "an XBRL 2.1 instance of the facts (taxonomy: schemas/taxonomy)"),
}

BUILTIN_SCHEME = "prconvert:"
XSL = "http://www.w3.org/1999/XSL/Transform"
PARAM_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]*$")  # an XML NCName, ASCII only


class _StylesheetResolver(etree.Resolver):
    """Lets a stylesheet import files in ``xslt/`` only; any other file or URL is refused."""

    def __init__(self, folder: Path):
        super().__init__()
        self.folder = folder.resolve()

    def resolve(self, url, pubid, context):
        wanted = url
        if url.startswith(BUILTIN_SCHEME):
            url = str(self.folder / url[len(BUILTIN_SCHEME):])
        path = Path(url[len("file://"):] if url.startswith("file://") else url)
        if "://" not in url and path.is_absolute() and path.resolve().is_relative_to(self.folder):
            if path.resolve().is_file():
                return self.resolve_string(path.resolve().read_bytes(), context, base_url=str(path.resolve()))
            raise _Refused(f"no stylesheet {wanted} in prconvert's xslt/", wanted)
        raise _Refused(f"stylesheet may not read {wanted} (only {BUILTIN_SCHEME}NAME.xsl from xslt/)", wanted)


class _Refused(TransformError):
    """An import or include the resolver would not load; ``url`` as the stylesheet asked for it."""

    def __init__(self, message: str, url: str):
        super().__init__(message)
        self.url = url


def safe_parser() -> etree.XMLParser:
    """An XML parser that resolves no entities, loads no DTD and never touches the network."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    parser.resolvers.add(_StylesheetResolver(resource_dir("xslt")))
    return parser


def load_stylesheet(path: str | os.PathLike) -> etree.XSLT:
    """Parse and compile a stylesheet file; a mistake in it is a TransformError at its line."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise TransformError(f"cannot read stylesheet: {error.strerror}", str(path)) from None
    document = None
    try:
        document = etree.fromstring(data, safe_parser(), base_url=str(path.resolve()))
        _refuse_entities(document, path)
        stylesheet = etree.XSLT(document, access_control=etree.XSLTAccessControl.DENY_ALL)
    except _Refused as error:
        raise TransformError(error.message, str(path), _import_line(document, error.url)) from None
    except etree.XMLSyntaxError as error:
        raise TransformError(f"not well-formed XML: {_message(error.msg)}", str(path), error.lineno) from None
    except etree.XSLTParseError as error:
        raise _located(error, path, "not a usable XSLT stylesheet") from None
    # libxslt logs some mistakes (an unknown xsl: element) and compiles the stylesheet all the same.
    if any(entry.level >= etree.ErrorLevels.ERROR for entry in stylesheet.error_log):
        raise _located(None, path, "not a usable XSLT stylesheet", stylesheet.error_log)
    return stylesheet


def _refuse_entities(document: etree._Element, path: Path) -> None:
    """An entity reference is kept, not expanded (no DTD is read): libxslt would drop it from the
    output without a word, so the stylesheet is refused at its line instead."""
    for entity in document.iter(etree.Entity):
        raise TransformError(f"entity {entity.text} is not expanded (stylesheets are read without DTDs): "
                             "write its text instead", str(path), entity.sourceline)


def _import_line(document, url: str) -> int | None:
    """The line of the xsl:import or xsl:include that asked for ``url``, when it is in ``document``."""
    if document is None:
        return None
    base = document.getroottree().docinfo.URL or ""
    for element in document.iter(f"{{{XSL}}}import", f"{{{XSL}}}include"):
        href = element.get("href", "")
        if href == url or urljoin(base, href) == url or str(Path(base).parent / href) == url:
            return element.sourceline
    return None


@cache
def builtin_stylesheet(name: str) -> etree.XSLT:
    return load_stylesheet(resource_dir("xslt") / STYLESHEETS[name][0])


def apply_stylesheet(stylesheet: etree.XSLT, document: etree._Element, params: dict[str, str] | None = None,
                     source: str = "<stylesheet>") -> bytes:
    """Run ``stylesheet`` over ``document`` with string parameters; the bytes its xsl:output asks for."""
    values = {"now": _now()} | dict(params or {})
    for name in values:
        if not PARAM_NAME.match(name):
            raise TransformError(f"parameter name {name!r} is not an XML name", source)
    try:
        result = stylesheet(document, **{k: etree.XSLT.strparam(v) for k, v in values.items()})
    except etree.XSLTApplyError as error:
        raise _located(error, Path(source), "stylesheet failed", stylesheet.error_log) from None
    return bytes(result)


def render(name: str, document: etree._Element, params: dict[str, str] | None = None) -> bytes:
    """Apply the built-in stylesheet of format ``name`` to a canonical XML document (``params``
    checked once beforehand: ``check_params``)."""
    return apply_stylesheet(builtin_stylesheet(name), document, params, STYLESHEETS[name][0])


# Parameters of the built-in stylesheets that are numbers, and the range that makes sense.
_NUMBER_PARAMS = {"width": (20, 1000), "label-width": (8, 200), "header-width": (4, 100)}


def check_params(name: str, params: dict[str, str]) -> None:
    """Refuse a parameter the built-in format ``name`` does not take (a typo would be ignored by
    XSLT without a word) or a number it cannot use (``width=0`` put each word on a line)."""
    taken = builtin_params(name) - {"now"}  # the time of the run, given to every stylesheet
    for param, value in params.items():
        if param not in taken and param != "now":
            raise TransformError(f"--to {name} takes no parameter {param!r}"
                                 + (f" (it takes {', '.join(sorted(taken))})" if taken else " (it takes none)"), "--param")
        low, high = _NUMBER_PARAMS.get(param, (None, None))
        if low is not None and not (value.isdigit() and low <= int(value) <= high):
            raise TransformError(f"{param} must be a whole number from {low} to {high}, not {value!r}", "--param")


@cache
def builtin_params(name: str) -> frozenset[str]:
    """The top-level xsl:param names of built-in stylesheet ``name`` and of those it includes."""
    names, todo, seen = set(), [STYLESHEETS[name][0]], set()
    while todo:
        file = todo.pop()
        if file in seen:
            continue
        seen.add(file)
        root = etree.parse(str(resource_dir("xslt") / file), safe_parser()).getroot()
        for child in root:
            if child.tag == f"{{{XSL}}}param":
                names.add(child.get("name"))
            elif child.tag in (f"{{{XSL}}}include", f"{{{XSL}}}import"):
                todo.append(child.get("href", "").removeprefix("prconvert:"))
    return frozenset(names)


def _now() -> str:
    """The time of the conversion, for formats that require one (Atom's ``updated``).

    ``SOURCE_DATE_EPOCH`` fixes it, as for reproducible builds.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    moment = datetime.fromtimestamp(int(epoch), timezone.utc) if epoch.isdigit() else datetime.now(timezone.utc)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def _located(error: Exception, path: Path, what: str, log=None) -> TransformError:
    """The stylesheet's file and line from the error log, with libxslt's most telling message."""
    entries = [e for e in (log if log is not None else error.error_log) if e.level >= etree.ErrorLevels.ERROR]
    here = [e for e in entries if e.line > 0 and e.filename and Path(e.filename).name == path.name]
    where = (here or [e for e in entries if e.line > 0] or [None])[0]
    told = [_message(e.message) for e in entries if e.message and not _VAGUE.match(e.message)]
    message = (told or [_message(str(error) if error is not None else "")])[0]
    element = _ELEMENT.search(where.message) if where is not None and where.message else None
    if element:
        message = f"{message} (in xsl:{element.group(1)})"
    if where is None:
        return TransformError(f"{what}: {message}", str(path))
    # The line may be in another stylesheet (an imported one): name that file, not ``path``.
    elsewhere = where.filename if where.filename and where.filename != "<string>" else str(path)
    return TransformError(f"{what}: {message}", where.filename if here else elsewhere, where.line)


_VAGUE = re.compile(r"^\s*(unknown error|runtime error\b|compilation error\b|Failed to compile)", re.IGNORECASE)
_ELEMENT = re.compile(r"element '([\w-]+)'")
_LIBXSLT_PREFIX = re.compile(r"^(xslt\w+|xmlXPath\w+|XPath error)\s*:\s*")


def _message(text: str) -> str:
    """The first line of a libxml2/libxslt message, without the C function's name or location."""
    first = text.strip().splitlines()[0] if text.strip() else "unknown error"
    first = _LIBXSLT_PREFIX.sub("", first)
    return re.sub(r",? line \d+, column \d+.*$", "", first).rstrip(". ")
