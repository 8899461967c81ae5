"""Instructions per input under valgrind's callgrind: a speed figure that does not move with the load
of a shared machine, for telling whether a change made the conversion cheaper.

    python benchmarks/instructions.py            # 60 typical inputs, --to json, in one process
    python benchmarks/instructions.py -n 30

It builds the same corpus as ``batch.py --sizes typical`` (its first N inputs), then counts the
instructions of converting 1 input and of converting N+1 inputs in one process, each under
callgrind, and prints the difference per input: start-up and imports cancel out. Needs valgrind
(Debian's package); wall-clock figures come from ``batch.py``.
"""
from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from batch import ROOT, build_corpus  # noqa: E402

_CONVERT = """
import sys
from pathlib import Path
from converter.engines import Item, Job, convert_item
files = sorted(Path(sys.argv[1]).rglob("*.txt"))[: int(sys.argv[2])]
for number, path in enumerate(files):
    convert_item(Job(to="json"), Item(number, path.name, path.read_bytes()))
"""


def instructions(corpus: Path, count: int) -> int:
    """Instructions of one process converting the first ``count`` inputs of ``corpus``."""
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, "-c", _CONVERT,
         str(corpus), str(count)],
        capture_output=True, text=True, cwd=ROOT, check=True,
    )
    return int(re.search(r"Collected : (\d+)", done.stderr)[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=60, help="inputs to convert (default 60)")
    args = parser.parse_args()
    if not shutil.which("valgrind"):
        sys.exit("valgrind is not installed (Debian: apt-get install valgrind)")
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder)
        build_corpus(corpus, args.n + 1, "typical")
        one, many = instructions(corpus, 1), instructions(corpus, args.n + 1)
    print(f"{(many - one) / args.n / 1e6:.2f} M instructions per input (--to json, {args.n} typical inputs)")


if __name__ == "__main__":
    main()
