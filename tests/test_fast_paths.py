"""The compiled fast paths give exactly what the reference implementations give.

jsonschema-rs decides validity, orjson prints JSON and a generated function per record class
walks records; ``jsonschema``, ``json.dumps`` and the plain recursive walk are the references.
"""
from __future__ import annotations

import json

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from converter import convert_path, release_to_dict
from converter.jsonform import _reference_dumps, dumps_bytes
from converter.validation import fast_validator, reference_validator, validate_record
from converter.errors import InvalidRecordError

from .conftest import EXAMPLE_FILES, VARIANT_FILES, corpus_params


def _walk(value):
    """The plain form the obvious way, as the generated functions must reproduce it."""
    if attrs.has(type(value)):
        return {f.name: _walk(getattr(value, f.name)) for f in attrs.fields(type(value))}
    if isinstance(value, (tuple, list)):
        return [_walk(item) for item in value]
    return value


@pytest.mark.parametrize("path", EXAMPLE_FILES + VARIANT_FILES + corpus_params(), ids=lambda p: p.name)
def test_fast_paths_agree_with_the_references(path):
    for release in convert_path(path):
        plain = release_to_dict(release)
        assert plain == _walk(release)
        assert json.dumps(plain) == json.dumps(_walk(release))  # same key order too
        assert dumps_bytes(plain) == _reference_dumps(plain, 2).encode("utf-8")
        assert fast_validator().is_valid(plain) and reference_validator().is_valid(plain)


_JSON_LEAVES = (st.none() | st.booleans() | st.integers(-2**70, 2**70) | st.text()
                | st.floats(allow_nan=False, allow_infinity=False))


@settings(max_examples=400, deadline=None)
@given(st.recursive(_JSON_LEAVES, lambda inner: st.lists(inner, max_size=4)
                    | st.dictionaries(st.text(max_size=6), inner, max_size=4), max_leaves=12))
def test_json_bytes_are_those_of_json_dumps(data):
    """Tiny floats, integers over 64 bits, escapes: orjson's text is used only where it is identical."""
    assert dumps_bytes(data) == _reference_dumps(data, 2).encode("utf-8")


def test_tiny_and_huge_numbers_fall_back_to_json():
    for value in (5e-05, 1e-7, -3.2e-9, 2**64, [0.00001, "x"]):
        assert dumps_bytes({"v": value}) == (json.dumps({"v": value}, indent=2) + "\n").encode()


def test_broken_records_are_refused_by_both_validators():
    plain = release_to_dict(convert_path(EXAMPLE_FILES[0])[0])
    breakages = [("source", "sha256", "not a hash"), ("dateline", "date", "1998-13-45"), ("headline", None, 7),
                 ("blocks", None, [{"kind": "nonsense", "lines": [1, 1]}]), ("warnings", None, "x")]
    for field, inner, bad in breakages:
        broken = json.loads(json.dumps(plain))
        if inner is None:
            broken[field] = bad
        elif broken.get(field) is not None:
            broken[field][inner] = bad
        else:
            continue
        assert not fast_validator().is_valid(broken), (field, inner)
        assert not reference_validator().is_valid(broken), (field, inner)
        with pytest.raises(InvalidRecordError, match=field):
            validate_record(broken)
