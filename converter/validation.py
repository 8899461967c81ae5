"""Stage 4: every record is checked against the JSON Schema before anything is written."""
from __future__ import annotations

import json
from functools import cache

from jsonschema import Draft202012Validator, FormatChecker

from .errors import InvalidRecordError
from .resources import resource_path

SCHEMA_FILE = "release.schema.json"


@cache
def release_schema() -> dict:
    return json.loads(resource_path("schemas", SCHEMA_FILE).read_text(encoding="utf-8"))


@cache
def _validator() -> Draft202012Validator:
    return Draft202012Validator(release_schema(), format_checker=FormatChecker())


def validate_record(data: dict, source: str | None = None) -> None:
    """Raise ``InvalidRecordError`` naming the first failing field; a failure here is a bug."""
    error = next(iter(sorted(_validator().iter_errors(data), key=lambda e: list(e.absolute_path))), None)
    if error is not None:
        where = "/".join(str(part) for part in error.absolute_path) or "(root)"
        raise InvalidRecordError(f"internal error: record fails its schema at {where}: {error.message}", source)
