"""Every corpus, example and variant file converts, and its blocks partition the non-blank lines."""
from __future__ import annotations

import pytest

from converter import convert_path
from converter.edgar import read_submission
from converter.reader import decode_bytes

from .conftest import EXAMPLE_FILES, VARIANT_FILES, corpus_params

FILES = [pytest.param(p, id=p.name) for p in EXAMPLE_FILES + VARIANT_FILES] + corpus_params()


@pytest.mark.parametrize("path", FILES)
def test_blocks_partition_non_blank_lines(path):
    releases = convert_path(path)
    assert releases
    documents = {d.document: d.lines for d in read_submission(decode_bytes(path.read_bytes()).lines).documents}
    by_document: dict = {}
    for release in releases:
        by_document.setdefault(release.source.document, []).append(release)
    for document, group in by_document.items():
        lines = documents[document]
        owners = [0] * (len(lines) + 1)
        for release in group:
            for block in release.blocks:
                first, last = block.lines
                assert 1 <= first <= last <= len(lines)
                for number in range(first, last + 1):
                    if lines[number - 1].strip():
                        owners[number] += 1
            for block in release.blocks:
                assert any(lines[n - 1].strip() for n in range(block.lines[0], block.lines[1] + 1)), block
        covered = [n for n in range(1, len(lines) + 1) if lines[n - 1].strip() and owners[n]]
        assert all(owners[n] == 1 for n in covered), "a line is in two blocks"
        if len(group) == 1 and not _pasted_in_8k(group[0]):
            missing = [n for n in range(1, len(lines) + 1) if lines[n - 1].strip() and owners[n] == 0]
            assert not missing, f"lines in no block: {missing[:10]}"


def _pasted_in_8k(release) -> bool:
    document = release.source.document
    return bool(document and document.type and not document.type.upper().startswith("EX-"))


@pytest.mark.parametrize("path", corpus_params())
def test_corpus_fields_are_null_with_warning_not_wrong(path):
    for release in convert_path(path):
        codes = {w.code for w in release.warnings}
        if release.dateline is None:
            assert "dateline_missing" in codes
        if release.headline is None:
            assert "headline_missing" in codes
