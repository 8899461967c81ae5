"""Batch benchmark: releases per second and peak memory, beside the floor of doing nothing clever.

    python benchmarks/batch.py -n 10000                 # the figures in the README
    python benchmarks/batch.py -n 2000 --sizes typical  # only the 2-10 KB sources
    python benchmarks/batch.py -n 100 --formats json --jobs 1 --no-big

It builds a corpus of N inputs in a temporary folder from examples/ and ../shared/corpus/ (copies
with varied names and a few digits changed, 1,000 a folder), then times `prconvert convert CORPUS
--out-dir OUT --to FORMAT --jobs J` for each format and job count, and the same command run again
(every input skipped). The floor is what any converter pays: read each file, decode it, build an
lxml tree of its paragraphs and write it the same way (temporary name, rename). Each run is a fresh
process, as a user runs it; peak memory is the largest sum of the resident memory of the command
and its worker processes, and CPU time is shown in user code and in the kernel (creating files is
kernel time). Every run writes to a folder of its own, all deleted only at the end: on a disk
without a journal, as this machine's, files created just after thousands were deleted cost the
kernel several times more, which would charge a run for the one before it. Last, single files of
growing size show whether time grows linearly: a release made long (up to 0.4 MB, under the work
limits, then 2 MB, which they refuse) and a pathological text (up to 20 MB: thousands of
table-like rows, then very long lines without line breaks).
"""
from __future__ import annotations

import argparse
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "examples", ROOT.parent / "shared" / "corpus"]
PER_FOLDER = 1000
LAST_CPU = [0.0, 0.0]  # user and kernel CPU seconds of the last command measured
_AMOUNT = re.compile(rb"(?<![\d.,/-])\d{1,3}(?:,\d{3})+(?![\d,])")  # 1,234 or 12,345,678


# --- the corpus ---------------------------------------------------------------------------------

def source_files(sizes: str) -> list[Path]:
    files = sorted(p for folder in SOURCES if folder.is_dir() for p in folder.glob("*.txt"))
    if sizes == "typical":
        files = [p for p in files if 2_000 <= p.stat().st_size <= 10_240]
    if not files:
        sys.exit("no source releases found in examples/ or ../shared/corpus/")
    return files


def perturb(data: bytes, rng: random.Random) -> bytes:
    """A few amounts changed ("1,234" -> "1,237") and a trailing space, so no two copies are equal."""
    amounts = [m.end() - 1 for m in _AMOUNT.finditer(data)]
    changed = bytearray(data)
    for position in rng.sample(amounts, min(3, len(amounts))):
        changed[position] = ord(str(rng.randrange(10)))
    lines = bytes(changed).split(b"\n")
    line = rng.randrange(len(lines))
    lines[line] = lines[line] + b" " if not lines[line].endswith(b"\r") else lines[line]
    return b"\n".join(lines)


def build_corpus(folder: Path, count: int, sizes: str) -> int:
    """``count`` inputs below ``folder``; returns their total size in bytes."""
    sources = [(path.stem, path.read_bytes()) for path in source_files(sizes)]
    rng, total = random.Random(20240601), 0
    for number in range(count):
        stem, data = sources[number % len(sources)]
        target = folder / f"{number // PER_FOLDER:03d}" / f"{number:06d}_{stem}.txt"
        target.parent.mkdir(parents=True, exist_ok=True)
        data = perturb(data, rng)
        target.write_bytes(data)
        total += len(data)
    return total


# --- measuring a command --------------------------------------------------------------------------

def measure(command: list[str], timeout: float = 3600) -> tuple[float, float, int, str]:
    """(seconds, peak MB of the process tree, exit code, last line of stderr). The CPU seconds of
    the command and its workers, in user code and in the kernel, are kept in ``LAST_CPU`` (the
    workers' as sampled every 20 ms)."""
    import psutil

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
    watched, peak = psutil.Process(process.pid), 0
    workers: dict[int, tuple[float, float]] = {}  # CPU seconds last seen of each process below the command
    while process.poll() is None:
        try:
            tree = [watched, *watched.children(recursive=True)]
            peak = max(peak, sum(_rss(p) for p in tree))
            for child in tree[1:]:
                workers[child.pid] = _cpu_times(child) or workers.get(child.pid, (0.0, 0.0))
        except psutil.NoSuchProcess:
            pass
        if time.perf_counter() - started > timeout:
            process.kill()
        time.sleep(0.02)
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)  # every process it started has been waited for
    # The command itself (and what it waited for) from the kernel; its workers, which a forkserver
    # starts and reaps, as last sampled.
    LAST_CPU[:] = [after.ru_utime - before.ru_utime + sum(user for user, _ in workers.values()),
                   after.ru_stime - before.ru_stime + sum(kernel for _, kernel in workers.values())]
    lines = process.stderr.read().decode(errors="replace").strip().splitlines()
    return seconds, peak / 2**20, process.returncode, lines[-1] if lines else ""


def _cpu() -> str:
    """The last command's CPU seconds as two table cells: user code, kernel (file creation is
    kernel time, and on some disks it is a large part of a run)."""
    return f"{LAST_CPU[0]:.1f} | {LAST_CPU[1]:.1f}"


def _cpu_times(process) -> tuple[float, float] | None:
    try:
        times = process.cpu_times()
        return times.user, times.system
    except Exception:
        return None


def _rss(process) -> int:
    try:
        return process.memory_info().rss
    except Exception:
        return 0


def prconvert(*args) -> list[str]:
    # -P: the converter this Python has installed (a compiled build), not the source folder beside it.
    return [sys.executable, "-P", "-m", "converter", "convert", *map(str, args)]


def releases_of(summary: str) -> int:
    found = re.search(r"\((\d+) releases?\)", summary)
    return int(found.group(1)) if found else 0


# --- the floor ----------------------------------------------------------------------------------

def floor_one(job: tuple[str, str]) -> None:
    """Read, decode, build an lxml tree of the paragraphs, serialize and write it (temporary, rename)."""
    from lxml import etree

    from converter.output import write_atomic
    from converter.reader import decode_bytes

    source, target = job
    text = decode_bytes(Path(source).read_bytes())
    root = etree.Element("release")
    paragraph: list[str] = []
    for number, line in enumerate((*text.lines, ""), start=1):
        if line.strip():
            paragraph.append(line.strip())
        elif paragraph:
            element = etree.SubElement(root, "paragraph", first=str(number - len(paragraph)), last=str(number - 1))
            element.text = " ".join(paragraph)
            paragraph = []
    write_atomic(Path(target), etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True),
                 overwrite=True)


def run_floor(corpus: str, out: str, jobs: int) -> None:
    work = [(str(p), str(Path(out) / p.relative_to(corpus).with_suffix(".xml")))
            for p in sorted(Path(corpus).rglob("*.txt"))]
    if jobs == 1:
        for job in work:
            floor_one(job)
    else:
        import multiprocessing

        with multiprocessing.get_context("forkserver").Pool(jobs) as pool:
            for _ in pool.imap(floor_one, work, chunksize=16):
                pass
    print(f"floor: {len(work)} files", file=sys.stderr)


# --- long single files --------------------------------------------------------------------------

def long_release(size: int) -> bytes:
    """A real release (with a table) whose body and table repeat until it is ``size`` bytes."""
    text = (ROOT / "examples" / "011_kestrel_bay_foods_2002.txt").read_bytes()
    paragraphs = text.split(b"\n\n")
    head, body = b"\n\n".join(paragraphs[:3]), b"\n\n".join(paragraphs[3:])  # exhibit, headline, dateline
    grown = bytearray(head + b"\n\n")
    while len(grown) < size:
        grown += body + b"\n\n"
    return bytes(grown[:size]).rsplit(b"\n", 1)[0] + b"\n"


def pathological(size: int) -> bytes:
    """A dateline, thousands of table-like rows, then very long lines without line breaks."""
    rng = random.Random(7)
    head = (b"ACME CORP REPORTS RESULTS\n\nNEW YORK, March 3, 1999 /PRNewswire/ -- Acme Corp (NYSE: ACM) "
            b"today reported results.\n\n                              Three Months Ended\n"
            b"                              1999          1998\n")
    rows = b"".join(b"Net sales line %-20d $ %9s   $ %9s\n" % (n, f"{rng.randint(1, 99999):,}".encode(),
                                                               f"{rng.randint(1, 99999):,}".encode())
                    for n in range(min(5000, size // 200)))
    words = b"A very long line of release text that never breaks, "
    rest = max(0, size - len(head) - len(rows) - 20)
    line = words * (rest // 10 // len(words))
    return head + rows + b"\n" + (line + b"\n\n") * 10


def time_file(folder: Path, name: str, data: bytes) -> tuple[float, float, int, str]:
    path = folder / name
    path.write_bytes(data)
    return measure(prconvert(path, "-o", folder / "out.json", "--overwrite"), timeout=600)


def interpreter() -> str:
    """Which Python runs the figures: two builds of 3.11 converted at speeds a third apart on one
    machine (Debian's, libpython linked into the binary, against pyenv's default build, which
    loads it as a shared library and is built without profile-guided optimization)."""
    try:
        maps = Path("/proc/self/maps").read_text()
    except OSError:
        maps = ""
    linked = "libpython as a shared library" if "libpython" in maps else "libpython linked in"
    return f"Python {sys.version.split()[0]} ({os.path.realpath(sys.executable)}, {linked if maps else 'linking unknown'})"


def build() -> str:
    """Which converter the commands run, as its ``--version`` names it: a mypyc-compiled build
    converts about 1.4 times as fast as the pure-Python package (the README's "A compiled build")."""
    found = subprocess.run([sys.executable, "-P", "-m", "converter", "--version"], capture_output=True, text=True, cwd=ROOT)
    named = re.search(r"\((.+)\)", found.stdout)
    return f"converter {named[1]}" if found.returncode == 0 and named else "converter not importable"


# --- the report -----------------------------------------------------------------------------------

def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=1000, help="inputs in the corpus (100 to 100,000; default 1000)")
    parser.add_argument("--sizes", choices=["all", "typical"], default="all",
                        help="all sources, or only those of 2-10 KB (typical releases)")
    parser.add_argument("--formats", default="json,xml,xbrl,html")
    parser.add_argument("--jobs", default="1,all", help="job counts to try (default: 1,all)")
    parser.add_argument("--no-big", action="store_true", help="skip the long single files")
    parser.add_argument("--floor", nargs=3, metavar=("CORPUS", "OUT", "JOBS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.floor:
        return run_floor(args.floor[0], args.floor[1], int(args.floor[2]))
    try:
        import psutil  # noqa: F401  (measure's; asked here, before minutes of building a corpus)
    except ImportError:
        sys.exit("benchmarks/batch.py reads peak memory with psutil: pip install -e '.[test]'")
    os.environ.setdefault("SOURCE_DATE_EPOCH", "0")
    cores = os.cpu_count() or 1
    jobs = [cores if j == "all" else int(j) for j in args.jobs.split(",")]
    with tempfile.TemporaryDirectory(prefix="prconvert-bench-") as temporary:
        work = Path(temporary)
        corpus = work / "corpus"
        size = build_corpus(corpus, args.n, args.sizes)
        print(f"corpus: {args.n} inputs, {size / 2**20:.1f} MB ({args.sizes} sources), {cores} cores, "
              f"{interpreter()}, {build()}\n")
        print("| what | jobs | releases | seconds | releases/s | CPU user s | CPU kernel s | peak MB | floor s | ratio |")
        print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
        floors = {}
        for job_count in jobs:
            seconds, peak, _, _ = measure([sys.executable, __file__, "--floor", str(corpus),
                                           str(work / f"floor-{job_count}"), str(job_count)])
            floors[job_count] = seconds
            print(f"| floor (read, decode, lxml, write) | {job_count} | {args.n} | {seconds:.1f} | "
                  f"{args.n / seconds:.0f} | {_cpu()} | {peak:.0f} | | |", flush=True)
        for to in args.formats.split(","):
            for job_count in jobs:
                out = work / f"out-{to}-{job_count}"
                seconds, peak, code, summary = measure(prconvert(corpus, "--out-dir", out, "--to", to,
                                                                 "--jobs", job_count))
                count = releases_of(summary)
                print(f"| --to {to} | {job_count} | {count} | {seconds:.1f} | {count / seconds:.0f} | {_cpu()} | "
                      f"{peak:.0f} | {floors[job_count]:.1f} | {seconds / floors[job_count]:.1f} |", flush=True)
                if code not in (0, 1):
                    print(f"  exit {code}: {summary}")
                if to == args.formats.split(",")[0] and job_count == jobs[-1]:
                    again, peak, _, summary = measure(prconvert(corpus, "--out-dir", out, "--to", to,
                                                                "--jobs", job_count))
                    print(f"| same command again (all skipped) | {job_count} | 0 | {again:.1f} | | {_cpu()} | {peak:.0f} | | |")
        if not args.no_big:
            print("\n| single file | MB | seconds | s per MB | peak MB | result |")
            print("| --- | --- | --- | --- | --- | --- |")
            # The work limits (converter.pipeline: 10,000 lines, 500,000 characters of release text)
            # refuse the 2 MB release; the sizes below them show how time grows up to the limit.
            for name, make, sizes in [("long release", long_release, (0.05, 0.1, 0.2, 0.4, 2)),
                                      ("pathological text", pathological, (2.5, 5, 10, 20))]:
                for megabytes in sizes:
                    seconds, peak, code, summary = time_file(work, "big.txt", make(int(megabytes * 2**20)))
                    result = "converted" if code == 0 else f"exit {code}: {summary[:60]}"
                    print(f"| {name} | {megabytes} | {seconds:.2f} | {seconds / megabytes:.2f} | {peak:.0f} | "
                          f"{result} |", flush=True)


if __name__ == "__main__":
    main()
