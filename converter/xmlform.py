"""Stage 5: the canonical XML, element for element the JSON record, in the project's namespace.

Absent values are absent elements; lists are container elements (present even when empty);
``lines`` is ``<lines first=".." last=".."/>``; a null table value is ``<value nil="true"/>``.
"""
from __future__ import annotations

import re
import typing
from collections.abc import Callable
from functools import cache

import attrs
from lxml import etree
from lxml.etree import SubElement

from .records import Release
from .structure import ITEM_NAMES, field_types, is_lines, is_record, is_sequence, item_type, unwrap_optional

NAMESPACE = "urn:x-prconvert:release:1"
_NS = f"{{{NAMESPACE}}}"


def release_to_xml(release: Release) -> etree._Element:
    """The release's canonical XML tree: its text printed, then parsed by libxml2 (a third of the
    time of making each element from Python). A record whose text XML cannot print as it is (an
    empty string, a control character) is built element by element, which says what is wrong."""
    pieces = [_ROOT_START]
    try:
        _print(pieces, release)
        pieces.append(_ROOT_END)
        return etree.fromstring("".join(pieces).encode("utf-8"), _PARSER)
    except (_Unprintable, etree.XMLSyntaxError, UnicodeEncodeError):
        return build_xml(release)


def build_xml(release: Release) -> etree._Element:
    """``release_to_xml`` made element by element (the reference that tests/test_fast_paths.py holds
    the printed tree to, and the way for text that cannot be printed)."""
    root = etree.Element(_NS + "release", nsmap={None: NAMESPACE})
    _fill(root, release)
    return root


def release_from_xml(root: etree._Element) -> Release:
    return _read_record(Release, root)


def _fill(parent, record) -> None:
    _each_field(parent, record, _writer)


def _each_field(out, record, make: Callable) -> None:
    """Each field of the record that holds a value, written to ``out`` by its function from ``make``."""
    for name, write in _field_functions(type(record), make):
        value = getattr(record, name)
        if value is not None:
            write(out, value)


@cache
def _field_functions(cls, make: Callable) -> tuple[tuple[str, Callable], ...]:
    """Each field of a ``cls`` record and the function ``make`` gives for it, made once per class from
    the type hints: asked of the hints for every value, the walk cost more than the conversion."""
    hints = field_types(cls)
    return tuple((f.name, make(f.name, hints[f.name])) for f in attrs.fields(cls))


def _writer(name: str, kind) -> Callable:
    """The function writing a value of ``kind`` as the element ``name`` under a parent."""
    kind, _ = unwrap_optional(kind)
    tag = _NS + name
    if is_lines(kind):
        def write(parent, value):
            SubElement(parent, tag, first=str(value[0]), last=str(value[1]))
    elif is_sequence(kind):
        item_tag, write_item = _NS + ITEM_NAMES[name], _writer(ITEM_NAMES[name], item_type(kind))

        def write(parent, value):
            container = SubElement(parent, tag)
            for item in value:
                if item is None:
                    SubElement(container, item_tag, nil="true")
                else:
                    write_item(container, item)
    elif is_record(kind):
        def write(parent, value):
            _fill(SubElement(parent, tag), value)
    elif str in _members(kind):
        def write(parent, value):
            element = SubElement(parent, tag)
            element.text = value if type(value) is str else _text(value)
            if isinstance(value, (int, float)):  # a number in a field that may hold text says so
                element.set("type", "number")
    else:
        def write(parent, value):
            SubElement(parent, tag).text = _text(value)
    return write


# --- the printed tree -------------------------------------------------------------------------------

_ROOT_START = f'<release xmlns="{NAMESPACE}">'
_ROOT_END = "</release>"
# Our own text, with no DTD, entity or network to refuse; a release is well under libxml2's limits.
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
_MARKUP = re.compile(r"[&<>\r]")  # what element text must escape; "\r" would be read back as "\n"
_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"}


class _Unprintable(Exception):
    """A value that printed text would not give back as the element builder sets it."""


def _print(pieces: list[str], record) -> None:
    _each_field(pieces, record, _printer)


def _printer(name: str, kind) -> Callable:
    """``_writer`` printing: the same elements, attributes and text, as text."""
    kind, _ = unwrap_optional(kind)
    start, end = f"<{name}>", f"</{name}>"
    if is_lines(kind):
        def write(pieces, value):
            pieces.append(f'<{name} first="{value[0]}" last="{value[1]}"/>')
    elif is_sequence(kind):
        nil, print_item = f'<{ITEM_NAMES[name]} nil="true"/>', _printer(ITEM_NAMES[name], item_type(kind))

        def write(pieces, value):
            pieces.append(start)
            for item in value:
                if item is None:
                    pieces.append(nil)
                else:
                    print_item(pieces, item)
            pieces.append(end)
    elif is_record(kind):
        def write(pieces, value):
            pieces.append(start)
            _print(pieces, value)
            pieces.append(end)
    else:
        numbers_marked, number_start = str in _members(kind), f'<{name} type="number">'

        def write(pieces, value):
            text = value if type(value) is str else _text(value)
            if not text:
                raise _Unprintable(name)  # "" is set as an empty text, which a parsed tree has not
            if _MARKUP.search(text):
                text = _MARKUP.sub(_escape, text)
            marked = numbers_marked and isinstance(value, (int, float))
            pieces.append(f"{number_start if marked else start}{text}{end}")
    return write


def _escape(match: re.Match) -> str:
    return _ESCAPES[match.group()]


def _text(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _members(kind) -> tuple:
    return typing.get_args(kind) or (kind,)


def _read_record(cls, element):
    hints = field_types(cls)
    kwargs = {}
    for f in attrs.fields(cls):
        child = element.find(_NS + f.name)
        if child is not None:
            kwargs[f.name] = _read(hints[f.name], child, f.name)
        elif f.default is attrs.NOTHING:
            kwargs[f.name] = None
    return cls(**kwargs)


def _read(kind, element, name: str):
    kind, _ = unwrap_optional(kind)
    if element.get("nil") == "true":
        return None
    if is_lines(kind):
        return (int(element.get("first")), int(element.get("last")))
    if is_sequence(kind):
        return tuple(_read(item_type(kind), child, ITEM_NAMES[name]) for child in element)
    if is_record(kind):
        return _read_record(kind, element)
    return _scalar(kind, element.text or "", element.get("type"))


def _scalar(kind, text: str, declared: str | None):
    members = _members(kind)
    if str in members and declared != "number":
        return text
    if int in members and float not in members:
        return int(text)
    if float in members or int in members:
        return float(text) if any(c in text for c in ".eE") or text in ("inf", "nan") else int(text)
    return text
