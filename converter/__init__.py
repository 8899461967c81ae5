"""prconvert: legacy plain-text press releases to validated records, JSON, XML, XBRL and more."""
from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

__version__ = "0.1.0"

# The public API and the module each name lives in. A name's module is imported when the name is
# first used (PEP 562): ``import converter``, which every command does before it can handle Ctrl-C,
# stays quick, and the third of a second of imports happens where a Ctrl-C is handled.
_PUBLIC = {
    "BatchOptions": "batch", "BatchSummary": "batch", "convert_batch": "batch",
    "BinaryInputError": "errors", "ConversionError": "errors", "EmptyInputError": "errors",
    "InputTooLargeError": "errors", "InvalidRecordError": "errors", "NoReleaseError": "errors",
    "TransformError": "errors", "TruncatedSubmissionError": "errors", "UnreadableInputError": "errors",
    "release_from_dict": "jsonform", "release_to_dict": "jsonform",
    "find_inputs": "layout",
    "convert_bytes": "pipeline", "convert_path": "pipeline", "iter_releases": "pipeline",
    "Release": "records",
    "release_from_xml": "xmlform", "release_to_xml": "xmlform",
}

__all__ = sorted([*_PUBLIC, "__version__"])


def __getattr__(name: str):
    module = _PUBLIC.get(name)
    if module is None:
        raise AttributeError(f"module 'converter' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value  # asked once
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


if TYPE_CHECKING:
    from .batch import BatchOptions, BatchSummary, convert_batch
    from .errors import (
        BinaryInputError, ConversionError, EmptyInputError, InputTooLargeError, InvalidRecordError,
        NoReleaseError, TransformError, TruncatedSubmissionError, UnreadableInputError,
    )
    from .jsonform import release_from_dict, release_to_dict
    from .layout import find_inputs
    from .pipeline import convert_bytes, convert_path, iter_releases
    from .records import Release
    from .xmlform import release_from_xml, release_to_xml
