"""XBRL 2.1 instances of releases, the taxonomy package they refer to, and validation with Arelle.

The instance is written by ``xslt/xbrl.xsl`` from the canonical XML. It refers to the taxonomy
by URL (``TAXONOMY_URL``); the taxonomy package built from ``schemas/taxonomy/`` maps that URL
to the shipped files, so Arelle validates offline. Arelle (PyPI ``arelle-release``) is optional:
``validate_xbrl`` says how to install it when it is missing.
"""
from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import zipfile
from functools import cache
from pathlib import Path

from lxml import etree

from .errors import ConversionError
from .records import Release
from .resources import resource_dir

PACKAGE_ROOT = "prconvert-taxonomy"
INSTALL_HINT = "XBRL validation needs Arelle: pip install arelle-release (or pip install 'prconvert[test]')"
_ZIP_TIME = (2024, 1, 1, 0, 0, 0)


class ValidatorMissingError(ConversionError):
    """Arelle is not installed, so an instance cannot be validated."""


def to_xbrl(releases: list[Release]) -> bytes:
    """The XBRL instance of the releases (one instance; several releases are told apart by context)."""
    from .output import releases_to_xml
    from .transform import render

    return render("xbrl", releases_to_xml(releases))


def write_taxonomy_package(path: str | os.PathLike) -> Path:
    """Zip ``schemas/taxonomy/`` as an XBRL taxonomy package at ``path`` (byte for byte the same
    each time, so it can be checked in or cached)."""
    path = Path(path)
    folder = resource_dir("schemas") / "taxonomy"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for file in sorted(p for p in folder.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(f"{PACKAGE_ROOT}/{file.relative_to(folder).as_posix()}", _ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, file.read_bytes())
    return path


@cache
def _package() -> Path:
    """The package zip in the temporary folder, named by a digest of its contents and reused."""
    folder = resource_dir("schemas") / "taxonomy"
    digest = hashlib.sha256()
    for file in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(file.relative_to(folder).as_posix().encode() + b"\0" + file.read_bytes())
    path = Path(tempfile.gettempdir()) / f"{PACKAGE_ROOT}-{digest.hexdigest()[:16]}.zip"
    if not path.exists():
        handle, temporary = tempfile.mkstemp(suffix=".zip.part", dir=path.parent)
        os.close(handle)
        os.replace(write_taxonomy_package(temporary), path)
    return path


def arelle_available() -> bool:
    return importlib.util.find_spec("arelle") is not None


def validate_xbrl(*paths: str | os.PathLike, timeout: int = 300) -> dict[str, list[str]]:
    """Validate XBRL instances with Arelle, offline, in one Arelle run.

    Returns, for each path, its messages of level warning or worse as ``"level code: text"``;
    an empty list means the instance loaded clean.
    """
    if not arelle_available():
        raise ValidatorMissingError(INSTALL_HINT)
    files = [str(Path(path).resolve()) for path in paths]
    with tempfile.TemporaryDirectory(prefix="prconvert-arelle-") as work:
        log = Path(work) / "log.json"
        command = [
            sys.executable, "-m", "arelle.CntlrCmdLine", "--file", json.dumps([{"file": f} for f in files]),
            "--validate", "--internetConnectivity", "offline", "--packages", str(_package()),
            "--validateDuplicateFacts", "inconsistent", "--logFile", str(log), "--logLevel", "warning",
        ]
        environment = dict(os.environ, XDG_CONFIG_HOME=work, HOME=work)
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, env=environment)
        if not log.exists():
            raise ConversionError(f"Arelle did not run: {(done.stderr or done.stdout).strip()[-500:]}")
        return _messages(json.loads(log.read_text(encoding="utf-8") or "{}"), files)


def _messages(log: dict, files: list[str]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {f: [] for f in files}
    for entry in log.get("log", []):
        if entry.get("level", "").lower() in ("info", "debug"):
            continue
        text = entry.get("message", {}).get("text", "") if isinstance(entry.get("message"), dict) else str(entry.get("message"))
        where = _file_of(entry, files)
        found.setdefault(where, []).append(f"{entry.get('level')} {entry.get('code')}: {text}")
    return found


def _file_of(entry: dict, files: list[str]) -> str:
    refs = entry.get("refs") or []
    text = json.dumps(entry)
    for file in files:
        if any(file in json.dumps(ref) for ref in refs) or Path(file).name in text:
            return file
    return files[0] if len(files) == 1 else "(run)"


def instance_root(data: bytes) -> etree._Element:
    """Parse an instance (for tests and tools) without resolving anything."""
    return etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))


def validate_paths(paths: list[str], max_bytes: int | None = None, out=None) -> int:
    """``prconvert validate``: check instances (a release given instead is converted first);
    print each file's messages; 0 when none has an error or inconsistency, else 1."""
    out = out or sys.stdout
    if not arelle_available():
        print(f"prconvert: {INSTALL_HINT}", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="prconvert-validate-") as work:
        instances = {path: _instance_of(Path(path), Path(work), max_bytes) for path in paths}
        results = validate_xbrl(*instances.values())
    failed = False
    for path, instance in instances.items():
        messages = results.get(str(Path(instance).resolve()), [])
        bad = [m for m in messages if not m.startswith("warning")]
        failed = failed or bool(bad)
        print(f"{path}: {'valid' if not bad else 'INVALID'} ({len(bad)} errors, {len(messages) - len(bad)} warnings)", file=out)
        for message in messages:
            print(f"  {message}", file=out)
    return 1 if failed else 0


def _refuse_doctype(path: Path, shown: str | None = None) -> None:
    """An instance goes to Arelle as it is: one with a DOCTYPE (entities, a DTD to fetch) or that
    does not parse without them is refused first, whatever Arelle's parser would do with it."""
    try:
        tree = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False))
    except etree.XMLSyntaxError as error:
        raise ConversionError(f"not well-formed XML: {error.msg}", shown or str(path), error.lineno) from None
    if tree.docinfo.doctype:
        raise ConversionError("XBRL instance declares a DOCTYPE (entities or a DTD); refused", shown or str(path))


def _instance_of(path: Path, work: Path, max_bytes: int | None) -> Path:
    """The file Arelle reads for ``path``: the path itself when it holds an XBRL instance, else the
    instance of the release in it. The input is read once (a pipe cannot be read twice); an
    instance that is no plain file (a pipe, a ``.gz``) is handed on as a copy."""
    from .pipeline import convert_bytes, read_input
    from .reader import DEFAULT_MAX_BYTES

    limit = max_bytes or DEFAULT_MAX_BYTES
    data = read_input(path, limit)
    instance = b"http://www.xbrl.org/2003/instance" in data[:4096]
    if instance and path.is_file() and path.suffix != ".gz":
        _refuse_doctype(path)
        return path
    target = work / f"{len(list(work.iterdir()))}-{path.stem}.xbrl"
    if not instance:
        try:
            data = to_xbrl(convert_bytes(data, path.name, max_bytes=limit))
        except ConversionError as error:
            raise error.at(str(path)) from None
    target.write_bytes(data)
    if instance:
        _refuse_doctype(target, str(path))
    return target
