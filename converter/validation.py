"""Stage 4: every record is checked against the JSON Schema before anything is written.

The check runs on every record, so it must be cheap: jsonschema-rs (a compiled validator) answers
whether a record is valid in microseconds. Only when it says no does the reference implementation,
``jsonschema``, walk the record again to name the first failing field in the message. Where
jsonschema-rs cannot be installed, ``jsonschema`` alone does the whole check (slower, same verdict).
"""
from __future__ import annotations

import json
from functools import cache
from typing import TYPE_CHECKING

from .errors import InvalidRecordError
from .resources import resource_path

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator

try:
    import jsonschema_rs
except ImportError:  # pragma: no cover - a platform without its wheel
    jsonschema_rs = None

SCHEMA_FILE = "release.schema.json"


@cache
def release_schema() -> dict:
    return json.loads(resource_path("schemas", SCHEMA_FILE).read_text(encoding="utf-8"))


@cache
def reference_validator() -> Draft202012Validator:
    """The reference implementation, formats checked: the one that explains a failure. Imported
    here, as few runs need it: importing it took a tenth of every command's start."""
    from jsonschema import Draft202012Validator, FormatChecker

    return Draft202012Validator(release_schema(), format_checker=FormatChecker())


@cache
def fast_validator():
    """The compiled validator with the same dialect and format checks, or None where it is missing."""
    if jsonschema_rs is None:
        return None
    return jsonschema_rs.Draft202012Validator(release_schema(), validate_formats=True)


def validate_record(data: dict, source: str | None = None) -> None:
    """Raise ``InvalidRecordError`` naming the first failing field; a failure here is a bug."""
    fast = fast_validator()
    if fast is not None and fast.is_valid(data):
        return
    errors = sorted(reference_validator().iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        error = errors[0]
        where = "/".join(str(part) for part in error.absolute_path) or "(root)"
        raise InvalidRecordError(f"internal error: record fails its schema at {where}: {error.message}", source)
    if fast is not None:  # the two implementations disagree: trust neither, write nothing
        message = next(iter(fast.iter_errors(data))).message
        raise InvalidRecordError(f"internal error: record fails its schema: {message}", source)
