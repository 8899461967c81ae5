"""prconvert: legacy plain-text press releases to validated records, JSON, XML, XBRL and more."""
from __future__ import annotations

from .batch import BatchOptions, BatchSummary, convert_batch
from .errors import (
    BinaryInputError, ConversionError, EmptyInputError, InputTooLargeError, InvalidRecordError,
    NoReleaseError, TransformError, TruncatedSubmissionError,
)
from .jsonform import release_from_dict, release_to_dict
from .layout import find_inputs
from .pipeline import convert_bytes, convert_path, iter_releases
from .records import Release
from .xmlform import release_from_xml, release_to_xml

__version__ = "0.1.0"

__all__ = [
    "BatchOptions", "BatchSummary", "BinaryInputError", "ConversionError", "EmptyInputError", "InputTooLargeError",
    "InvalidRecordError", "NoReleaseError", "Release", "TransformError", "TruncatedSubmissionError", "__version__",
    "convert_batch", "convert_bytes", "convert_path", "find_inputs", "iter_releases", "release_from_dict",
    "release_from_xml", "release_to_dict", "release_to_xml",
]
