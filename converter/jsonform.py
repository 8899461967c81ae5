"""The record as JSON (the contract's public form) and back."""
from __future__ import annotations

import json

from .records import Release
from .structure import from_plain, to_plain


def release_to_dict(release: Release) -> dict:
    return to_plain(release)


def release_from_dict(data: dict) -> Release:
    return from_plain(Release, data)


def dumps(data, indent: int | None = 2) -> str:
    """Stable JSON text: keys in record order, non-ASCII kept, a final newline."""
    return json.dumps(data, indent=indent, ensure_ascii=False) + ("\n" if indent is not None else "")
