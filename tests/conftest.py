"""Shared paths and the corpus skip: the corpus lives in ../shared/corpus, never in this repo."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

import converter.pipeline
from converter.cli import build

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
VARIANTS = ROOT / "tests" / "variants"
CORPUS = ROOT.parent / "shared" / "corpus"

EXAMPLE_FILES = sorted(EXAMPLES.glob("*.txt"))
VARIANT_FILES = sorted(VARIANTS.glob("*.txt"))
CORPUS_FILES = sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else []

needs_corpus = pytest.mark.skipif(
    not CORPUS_FILES,
    reason="the development corpus (../shared/corpus) is not beside this checkout; "
    "it is not shipped with the project",
)


def corpus_params():
    """Corpus files as pytest params; one skipped placeholder when the corpus is absent."""
    if not CORPUS_FILES:
        return [pytest.param(None, marks=needs_corpus, id="corpus-absent")]
    return [pytest.param(path, id=path.name) for path in CORPUS_FILES]


def pytest_report_header(config):
    return f"converter: {build()}, from {Path(converter.pipeline.__file__).parent}"


def pytest_sessionstart(session):
    # .ci/run's second pass sets this: a run meant for the compiled build must not test the source
    # folder's pure modules instead (they are found first from the project's root).
    if os.environ.get("PRCONVERT_EXPECT_COMPILED") == "1" and build() != "compiled by mypyc":
        pytest.exit(f"PRCONVERT_EXPECT_COMPILED=1 but the converter imported is {build()} "
                    f"({converter.pipeline.__file__})", returncode=3)
