"""Golden files beside each example, compared byte for byte.

Refresh on purpose with:  PRCONVERT_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py
"""
from __future__ import annotations

import os

import pytest

from converter import convert_path
from converter.output import FORMATS

from .conftest import EXAMPLE_FILES

UPDATE = os.environ.get("PRCONVERT_UPDATE_GOLDEN") == "1"
# The XSLT formats' goldens: NAME.html, NAME.ixbrl.xhtml, NAME.text (not .txt: that is an input),
# NAME.md, NAME.csv and NAME.atom.
GOLDEN_FORMATS = ["json", "xml", "html", "ixbrl", "text", "md", "csv", "atom", "xbrl"]


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch):
    """Atom's ``updated`` of an undated release is the conversion time; SOURCE_DATE_EPOCH fixes it."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")


@pytest.mark.parametrize("fmt", GOLDEN_FORMATS)
@pytest.mark.parametrize("example", EXAMPLE_FILES, ids=lambda p: p.name)
def test_golden(example, fmt):
    extension, serialize, _ = FORMATS[fmt]
    produced = serialize(convert_path(example))
    golden = example.with_suffix(extension)
    if UPDATE:
        golden.write_bytes(produced)
    assert golden.exists(), f"{golden.name} missing: run with PRCONVERT_UPDATE_GOLDEN=1 to create it"
    assert produced == golden.read_bytes(), f"{golden.name} differs from the conversion"


def test_every_example_has_goldens():
    assert len(EXAMPLE_FILES) >= 2
    for example in EXAMPLE_FILES:
        for fmt in GOLDEN_FORMATS:
            assert example.with_suffix(FORMATS[fmt][0]).exists()
