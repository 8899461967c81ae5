"""Field-by-field accuracy against the hand labels: at least 98% per field.

The labels were written by reading the documents (tests/labels/FORMAT.md); the corpus part is
skipped where ../shared/corpus is absent.
"""
from __future__ import annotations


from .conftest import CORPUS_FILES, needs_corpus
from .scoring import format_table, score

THRESHOLD = 0.98


def _check(groups):
    table, misses = score(groups)
    assert table, "no labelled releases found"
    report = format_table(table) + "\n" + "\n".join(misses[:40])
    for field, (right, total) in table.items():
        assert right / total >= THRESHOLD, f"{field}: {right}/{total}\n{report}"


def test_examples_and_variants():
    _check(("examples", "variants", "heldout"))


@needs_corpus
def test_corpus():
    assert CORPUS_FILES
    _check(("corpus",))


def test_second_blind_set_does_not_regress():
    """tests/heldout2 was written blind and only partly tuned on: it guards against regressions and
    shows the accuracy to expect on unseen layouts (95% of fields when this test was written)."""
    table, misses = score(("heldout2",))
    right = sum(r for r, _ in table.values())
    total = sum(t for _, t in table.values())
    assert right / total >= 0.95, format_table(table) + "\n" + "\n".join(misses)
