"""The record as JSON (the contract's public form) and back."""
from __future__ import annotations

import json
import re

from .records import Release
from .structure import from_plain, to_plain

try:
    import orjson
except ImportError:  # pragma: no cover - a platform without its wheel
    orjson = None

# Where orjson and ``json`` could print a number differently: floats under 1e-4, which ``json``
# prints as 5e-05 and orjson as 0.00005 or 5e-5. Seen anywhere in orjson's text (even in a
# string), the record is printed by ``json`` instead, so both paths give the same bytes.
_TINY_DECIMAL = b"0.0000"
_EXPONENT = re.compile(rb"e-\d")  # a literal start: found at memchr speed, unlike "\de-\d"


def release_to_dict(release: Release) -> dict:
    return to_plain(release)


def release_from_dict(data: dict) -> Release:
    return from_plain(Release, data)


def dumps(data, indent: int | None = 2) -> str:
    """Stable JSON text: keys in record order, non-ASCII kept, a final newline."""
    return dumps_bytes(data, indent).decode("utf-8")


def dumps_bytes(data, indent: int | None = 2) -> bytes:
    """``dumps`` as UTF-8 bytes: orjson (a compiled encoder) where it gives the same bytes as
    ``json.dumps``, which is the reference and the fallback (other indents, integers over 64
    bits, tiny floats)."""
    if orjson is not None and indent == 2:
        try:
            text = orjson.dumps(data, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE)
        except (TypeError, orjson.JSONEncodeError):
            text = None
        if text is not None and _TINY_DECIMAL not in text and not _EXPONENT.search(text):
            return text
    return _reference_dumps(data, indent).encode("utf-8")


def _reference_dumps(data, indent: int | None) -> str:
    return json.dumps(data, indent=indent, ensure_ascii=False) + ("\n" if indent is not None else "")
