"""What must hold for any input, shared by the fuzz target and the regression tests (no atheris here).

Conversion returns records that validate against the JSON Schema, round-trip through JSON and XML
and partition their lines into blocks, or raises the project's ``ConversionError`` naming the input
(not ``InvalidRecordError``, which reports a record of ours that fails its schema: a bug);
every output format of the records is well-formed. Anything else raises AssertionError (or the
unexpected exception itself).
"""
from __future__ import annotations

import json
import zlib

from lxml import etree

from converter import ConversionError, InvalidRecordError, convert_bytes, release_from_dict, release_from_xml, release_to_dict, release_to_xml
from converter.output import FORMATS
from converter.validation import validate_record

XML_FORMATS = {"xml", "xbrl", "ixbrl", "atom"}
FORMAT_NAMES = sorted(FORMATS)
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


def check_input(data: bytes, name: str = "fuzz.txt", formats: list[str] | None = None) -> list:
    """Convert ``data`` and check every invariant; ``formats``: all of them, else one chosen by checksum."""
    try:
        releases = convert_bytes(data, name)
    except InvalidRecordError:
        raise  # a record its own schema refuses: the converter's bug, not a refusal of the input
    except ConversionError as error:
        assert str(error).startswith(name), str(error)
        return []
    for release in releases:
        check_release(release)
    for fmt in formats if formats is not None else [FORMAT_NAMES[zlib.crc32(data) % len(FORMAT_NAMES)]]:
        check_format(fmt, releases)
    return releases


def check_release(release) -> None:
    plain = release_to_dict(release)
    validate_record(plain)
    assert release_from_dict(json.loads(json.dumps(plain))) == release, "JSON round trip differs"
    assert release_from_xml(etree.fromstring(etree.tostring(release_to_xml(release)))) == release, "XML round trip differs"
    seen: set[int] = set()
    for block in release.blocks:
        span = set(range(block.lines[0], block.lines[1] + 1))
        assert not span & seen, "a line is in two blocks"
        seen |= span


def check_format(fmt: str, releases) -> bytes:
    payload = FORMATS[fmt][1](releases)
    if fmt in XML_FORMATS:
        etree.fromstring(payload, _PARSER)
    elif fmt == "json":
        json.loads(payload)
    else:
        payload.decode("utf-8")
    return payload
