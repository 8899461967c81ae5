"""The record as JSON (the contract's public form) and back."""
from __future__ import annotations

import json
from typing import Final

from .records import Release
from .structure import from_plain, to_plain

try:
    import orjson
except ImportError:  # pragma: no cover - a platform without its wheel
    orjson = None  # type: ignore[assignment]

# Where orjson and ``json`` could print a number differently: floats under 1e-4, which ``json``
# prints as 5e-05 and orjson as 0.00005 or 5e-5. Seen anywhere in orjson's text (even in a
# string), the record is printed by ``json`` instead, so both paths give the same bytes.
_TINY_DECIMAL: Final = b"0.0000"


def release_to_dict(release: Release) -> dict:
    return to_plain(release)


def release_from_dict(data: dict) -> Release:
    return from_plain(Release, data)


def json_bytes(data) -> bytes:
    """Stable JSON text as UTF-8: indented by two, keys in record order, non-ASCII kept, a final
    newline. orjson (a compiled encoder) prints it where its bytes are those of ``json.dumps``,
    the reference and the fallback (integers over 64 bits, tiny floats)."""
    if orjson is not None:
        try:
            text = orjson.dumps(data, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE)
        except (TypeError, orjson.JSONEncodeError):
            text = None
        if text is not None and _TINY_DECIMAL not in text and not _has_exponent(text):
            return text
    return reference_json(data).encode("utf-8")


def _has_exponent(text: bytes) -> bool:
    """Whether ``text`` holds "e-" and a digit: "e-" looked for by bytes.find, which is faster than
    a pattern's scan (an "e" is in most words), and the character after it asked."""
    at = text.find(b"e-")
    while at >= 0:
        if text[at + 2: at + 3].isdigit():
            return True
        at = text.find(b"e-", at + 2)
    return False


def reference_json(data) -> str:
    """``json_bytes`` as ``json.dumps`` prints it."""
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
