"""Instructions per input under valgrind's callgrind: a speed figure that does not move with the load
of a shared machine, for telling whether a change made the conversion cheaper.

    python benchmarks/instructions.py            # 60 typical inputs, --to json, in one process
    python benchmarks/instructions.py -n 30
    python benchmarks/instructions.py --warm     # as in a long batch: every input converted once before

It builds the same corpus as ``batch.py --sizes typical`` (its first N inputs), then counts the
instructions of converting 1 input and of converting N+1 inputs in one process, each under
callgrind, and prints the difference per input: start-up and imports cancel out. The first pass
over new kinds of text also compiles the patterns it meets for the first time (the ``re`` cache,
cached tables); ``--warm`` converts all N+1 inputs once, uncounted in the difference, before the
counted ones, which gives the steady cost of an input deep in a batch. Per-input caches are
emptied between inputs either way. Needs valgrind (Debian's package); wall-clock figures come
from ``batch.py``.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from batch import ROOT, build, build_corpus  # noqa: E402

_CONVERT = """
import sys
from pathlib import Path
from converter.engines import Item, Job, convert_item
every = sorted(Path(sys.argv[1]).rglob("*.txt"))
if sys.argv[3] == "warm":
    for number, path in enumerate(every):
        convert_item(Job(to="json"), Item(number, path.name, path.read_bytes()))
for number, path in enumerate(every[: int(sys.argv[2])]):
    convert_item(Job(to="json"), Item(number, path.name, path.read_bytes()))
"""


def instructions(corpus: Path, count: int, warm: bool) -> int:
    """Instructions of one process converting the first ``count`` inputs of ``corpus``."""
    done = subprocess.run(
        # -P: the converter this Python has installed (a compiled build), not the source folder beside it.
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, "-P", "-c", _CONVERT,
         str(corpus), str(count), "warm" if warm else "cold"],
        capture_output=True, text=True, cwd=ROOT, check=True,
        env={**os.environ, "PYTHONHASHSEED": "0"},  # one hash seed: set and dict orders, so counts, repeat
    )
    return int(re.search(r"Collected : (\d+)", done.stderr)[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=60, help="inputs to convert (default 60)")
    parser.add_argument("--warm", action="store_true", help="convert every input once before the counted ones")
    args = parser.parse_args()
    if not shutil.which("valgrind"):
        sys.exit("valgrind is not installed (Debian: apt-get install valgrind)")
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder)
        build_corpus(corpus, args.n + 1, "typical")
        one, many = instructions(corpus, 1, args.warm), instructions(corpus, args.n + 1, args.warm)
    state = "warm" if args.warm else "cold"
    print(f"{(many - one) / args.n / 1e6:.2f} M instructions per input (--to json, {args.n} typical inputs, {state}; {build()})")


if __name__ == "__main__":
    main()
