"""atheris fuzz target over ``converter.convert_bytes`` and every output format.

Run (from the repository root, with atheris installed: ``pip install atheris``)::

    tests/fuzz/run.sh 1200 /tmp/prconvert-fuzz     # 20 minutes, restarting after each finding

or one libFuzzer run by hand::

    mkdir -p /tmp/prconvert-fuzz
    python tests/fuzz/fuzz_convert.py /tmp/prconvert-fuzz tests/fuzz/seeds examples tests/variants \\
        -max_total_time=1200 -timeout=10 -rss_limit_mb=4096 -max_len=65536 -artifact_prefix=/tmp/prconvert-fuzz-

libFuzzer writes new coverage inputs to the first folder and reads the others as seeds; a crash
(any exception but ``ConversionError``, an invalid record, a round trip that differs, output that is
not well-formed) or a run over ``-timeout`` seconds is saved as ``/tmp/prconvert-fuzz-crash-*`` or
``-timeout-*``. Replay one with ``python tests/fuzz/fuzz_convert.py FILE``. Inputs that found bugs are
kept in ``tests/fuzz/regressions/`` and run by ``tests/test_hostile.py``.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the repository root, for tests.fuzz
os.environ.setdefault("SOURCE_DATE_EPOCH", "0")

with atheris.instrument_imports(include=["converter"]):
    import converter  # noqa: F401  (instrumented for coverage)
    from tests.fuzz.invariants import check_input


def TestOneInput(data: bytes) -> None:
    check_input(data)


def main() -> None:
    atheris.Setup(sys.argv, TestOneInput)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
