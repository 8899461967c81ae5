"""Batch mode: many inputs in one command, resumable, in parallel or on Dask, with identical outputs."""
from __future__ import annotations

import errno
import gzip
import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path, PurePosixPath

import pytest

from converter import BatchOptions, convert_batch, convert_path, find_inputs, iter_releases, release_to_dict
from converter import engines
from converter.engines import DaskEngine, InProcessEngine, ProcessEngine
from converter.errors import BatchStopped, ConversionError, InputTooLargeError
from converter.layout import Missing, output_stem, release_paths

from .conftest import EXAMPLES, ROOT, VARIANTS
from .test_formats import assert_valid_atom

BUNDLED = VARIANTS / "bundled_bw_ex99_1996.txt"  # one exhibit holding two releases
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")


@pytest.fixture
def archive(tmp_path) -> Path:
    """A small archive: examples at the top, variants a folder down, one gzipped, goldens beside."""
    root = tmp_path / "archive"
    shutil.copytree(EXAMPLES, root)  # the golden files beside them are not inputs (not *.txt)
    shutil.copytree(VARIANTS, root / "1996" / "variants")
    source = root / "1996" / "variants" / "globenewswire_2006.txt"
    (root / "1996" / "zipped.txt.gz").write_bytes(gzip.compress(source.read_bytes()))
    return root


def run(*args, stdin: bytes | None = None, cwd=None):
    return subprocess.run([sys.executable, "-m", "converter", *map(str, args)], input=stdin, capture_output=True,
                          cwd=cwd, timeout=300)


def tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def batch(sources, out_dir=None, engine=None, **options):
    inputs, missing = find_inputs([str(s) for s in sources])
    return convert_batch(inputs, BatchOptions(out_dir=out_dir, **options), engine=engine, missing=missing)


# --- outputs ---------------------------------------------------------------------------------

def test_out_dir_mirrors_inputs_and_matches_single_conversion(archive, tmp_path):
    out = tmp_path / "out"
    summary = batch([archive], out, jobs=1)
    assert (summary.failed, summary.skipped) == (0, 0) and summary.converted == 4 + 14 + 1
    produced = tree(out)
    assert "1996/variants/globenewswire_2006.json" in produced and "1996/zipped.json" in produced
    assert "1996/variants/bundled_bw_ex99_1996.json" not in produced
    for example in EXAMPLES.glob("*.txt"):  # a file per release is what `convert` writes for it
        assert produced[example.stem + ".json"] == example.with_suffix(".json").read_bytes()
    first, second = (json.loads(produced[f"1996/variants/bundled_bw_ex99_1996.{n}.json"]) for n in (1, 2))
    assert [first, second] == [release_to_dict(r) for r in convert_path(BUNDLED)]


@pytest.mark.parametrize("to", ["xml", "html", "atom"])
def test_jobs_2_gives_the_same_files_as_jobs_1(archive, tmp_path, to):
    batch([archive], tmp_path / "one", to=to, jobs=1)
    batch([archive], tmp_path / "two", to=to, jobs=2)
    assert tree(tmp_path / "one") == tree(tmp_path / "two") and tree(tmp_path / "one")


def test_second_run_skips_everything_and_overwrite_redoes_it(archive, tmp_path):
    out = tmp_path / "out"
    batch([archive], out, jobs=1)
    before = {path: path.stat().st_mtime_ns for path in out.rglob("*")}
    again = batch([archive], out, jobs=1)
    assert (again.converted, again.skipped, again.failed) == (0, 19, 0)
    assert {path: path.stat().st_mtime_ns for path in out.rglob("*")} == before
    redo = batch([archive], out, jobs=1, overwrite=True)
    assert (redo.converted, redo.skipped) == (19, 0)


def test_an_interrupted_run_resumes_to_the_same_outputs(archive, tmp_path):
    clean, broken = tmp_path / "clean", tmp_path / "broken"
    batch([archive], clean, jobs=1)
    batch([archive], broken, jobs=1)
    # What a kill leaves: outputs not yet written, a temporary file, half of a multi-release input.
    (broken / "011_kestrel_bay_foods_2002.json").unlink()
    (broken / "1996" / "variants" / "bundled_bw_ex99_1996.1.json").unlink()
    (broken / ".003_69f0ec2b4db790cd.json.ab_c1234.part").write_bytes(b'{"half": ')
    resumed = batch([archive], broken, jobs=2)
    assert (resumed.converted, resumed.skipped) == (2, 17)
    assert tree(broken) == tree(clean)


def test_killing_the_command_and_running_it_again(tmp_path):
    corpus = tmp_path / "corpus"
    for number in range(120):
        source = sorted(EXAMPLES.glob("*.txt"))[number % 4]
        (corpus / f"{number // 50:02d}").mkdir(parents=True, exist_ok=True)
        (corpus / f"{number // 50:02d}" / f"{number:03d}_{source.name}").write_bytes(source.read_bytes())
    command = [sys.executable, "-m", "converter", "convert", str(corpus), "--out-dir", str(tmp_path / "killed"),
               "--jobs", "2", "-q"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while len(list((tmp_path / "killed").rglob("*.json"))) < 10 and time.monotonic() < deadline:
        time.sleep(0.02)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    assert run("convert", corpus, "--out-dir", tmp_path / "killed", "--jobs", "2").returncode == 0
    assert run("convert", corpus, "--out-dir", tmp_path / "clean", "--jobs", "1").returncode == 0
    assert tree(tmp_path / "killed") == tree(tmp_path / "clean") and len(tree(tmp_path / "clean")) == 120


# --- failures ------------------------------------------------------------------------------------

def test_failures_do_not_stop_the_batch(archive, tmp_path):
    (archive / "empty.txt").write_bytes(b"")
    (archive / "shopping.txt").write_text("Shopping list\n\nmilk\neggs\nbread and butter for the week ahead\n")
    (archive / "cut.txt").write_text("<SEC-DOCUMENT>x.txt\n<SEC-HEADER>\n</SEC-HEADER>\n<DOCUMENT>\n<TYPE>EX-99\n<TEXT>\nACME\n")
    errors = tmp_path / "errors.jsonl"
    result = run("convert", archive, "no-such-folder", "--out-dir", tmp_path / "out", "--errors", errors, "--jobs", "2")
    assert result.returncode == 1
    lines = result.stderr.decode().strip().splitlines()
    assert len(lines) == 5 and lines[-1].startswith("prconvert: 19 converted (20 releases), 0 skipped, 4 failed")
    assert "releases/s" in lines[-1] and "warnings" in lines[-1]
    logged = [json.loads(line) for line in errors.read_text().splitlines()]
    assert sorted(entry["input"].rsplit("/", 1)[-1] for entry in logged) == [
        "cut.txt", "empty.txt", "no-such-folder", "shopping.txt"]
    assert all(set(entry) == {"input", "reason", "line", "error"} for entry in logged)
    cut = next(entry for entry in logged if entry["input"].endswith("cut.txt"))
    assert "cut off" in cut["reason"] and cut["line"] == 6
    assert not list((tmp_path / "out").glob("empty*")) and len(tree(tmp_path / "out")) == 20


def test_usage_errors_exit_2(archive, tmp_path):
    assert run("convert", archive, "--to", "json").returncode == 2  # several files need --out-dir
    assert run("convert", archive, "--out-dir", tmp_path, "--xslt", "mine.xsl").returncode == 2
    assert run("convert", archive, "--out-dir", tmp_path / "o", "-o", tmp_path / "x").returncode == 2
    assert run("convert").returncode == 2


# --- inputs and names ----------------------------------------------------------------------------

def test_globs_gzip_and_a_file_list_on_stdin(archive, tmp_path):
    listed = b"1996/variants/prn_subheadline_2005.txt  \r\n\n  " + str(archive / "010_nordal_instruments_1998.txt").encode()
    result = run("convert", "1996/*.gz", "--files-from", "-", "--out-dir", tmp_path / "out", cwd=archive, stdin=listed)
    assert result.returncode == 0, result.stderr
    assert sorted(tree(tmp_path / "out")) == [
        "010_nordal_instruments_1998.json", "1996/variants/prn_subheadline_2005.json", "zipped.json"]


GLOB_TREE = ["x.txt", "a/y.txt", "a/n.text", "a/b/z.txt", "a/b/.e.txt", "a/b/c/w.txt", "a/b/c/e/k.txt", "a/.h/q.txt",
             ".hid/r.txt", ".dot.txt", "d/v.gz"]
GLOB_PATTERNS = ["t/**/*.txt", "t/**", "t/*", "t/*/*.txt", "**/*.txt", "*/a/*", "t/a/**/*.txt", "t/**/b/*.txt",
                 "t/**/.*", "t/.*/*.txt", "t/*/b", "t/**/", "t/a/**/c/**/*.txt", "t/?/*.t?t", "t/[ad]/*", "**", "*",
                 "t/**/**/*.txt", "t/a/b/**", "./t/*.txt", "t//a/*.txt", "t/**/e/*", "nope/**/*.txt", "t/*/", "*/",
                 "t/**/*", ".*", "t/a/../*.txt", "t/a/b/c/w.tx?"]


def test_glob_patterns_find_what_glob_finds(tmp_path, monkeypatch):
    import glob

    from converter.layout import glob_matches

    for name in GLOB_TREE:
        (tmp_path / "t" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "t" / name).write_text("x")
    monkeypatch.chdir(tmp_path)
    for pattern in GLOB_PATTERNS + [f"{tmp_path}/{p}" for p in GLOB_PATTERNS if p.startswith("t/")]:
        assert glob_matches(pattern) == sorted(set(glob.glob(pattern, recursive=True))), pattern


def test_a_recursive_pattern_lists_each_folder_once(tmp_path, monkeypatch):
    from converter import layout

    for name in GLOB_TREE:
        (tmp_path / "t" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "t" / name).write_text("x")
    monkeypatch.chdir(tmp_path)
    listed, scandir = [], os.scandir
    monkeypatch.setattr(layout.os, "scandir", lambda folder: listed.append(folder) or scandir(folder))
    for pattern in ["t/**/*.txt", "t/**/*", "**/*.t?t", "t/**"]:
        listed.clear()
        assert layout.glob_matches(pattern)
        assert len(listed) == len(set(listed)), pattern


def test_links_to_folders_are_not_gone_down(tmp_path, monkeypatch):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "x.txt").write_bytes((EXAMPLES / "000_9e0e0fb7cf4518a9.txt").read_bytes())
    (tmp_path / "a" / "b" / "loop").symlink_to(tmp_path / "a")  # a link to a folder above: ** would go round it
    (tmp_path / "a" / "link.txt").symlink_to(tmp_path / "a" / "b" / "x.txt")  # a link to a file counts
    monkeypatch.chdir(tmp_path)
    for source, expected in [("a", ["b/x.txt", "link.txt"]), ("a/**/*.txt", ["b/x.txt", "link.txt"]),
                             ("**/*.txt", ["a/b/x.txt", "a/link.txt"]), ("a/**", ["b/x.txt", "link.txt"])]:
        inputs, missing = find_inputs([source])
        assert [str(item.relative) for item in inputs] == expected and not missing, source
    assert [str(i.relative) for i in find_inputs(["a/b/loop/b/*.txt"])[0]] == ["x.txt"]  # named: followed


def test_a_folder_that_cannot_be_listed_is_told_not_passed_over(tmp_path, monkeypatch):
    from converter import layout

    for folder in ["a/ok", "a/locked"]:
        (tmp_path / folder).mkdir(parents=True)
        (tmp_path / folder / "x.txt").write_bytes((EXAMPLES / "000_9e0e0fb7cf4518a9.txt").read_bytes())
    scandir = os.scandir

    def locked(folder="."):  # as a folder its owner closed (root reads any: no chmod test)
        if os.path.basename(os.fspath(folder)) == "locked":
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), folder)
        return scandir(folder)
    monkeypatch.setattr(layout.os, "scandir", locked)
    monkeypatch.chdir(tmp_path)
    told = Missing("a/locked", "cannot read this folder: Permission denied; the files in it were not converted")
    for source in ["a", "a/*", "a/**/*.txt", "**"]:
        inputs, missing = find_inputs([source])
        assert [item.shown for item in inputs] == ["a/ok/x.txt"] and missing == [told], source
    inputs, missing = find_inputs(["a/locked"])  # the folder named itself: told once, not "no file in it"
    assert inputs == [] and missing == [told]


def test_a_link_to_nothing_fails_when_found_by_a_pattern_as_by_a_folder(tmp_path, monkeypatch):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    monkeypatch.chdir(tmp_path)
    for source in ["a", "a/*.txt", "a/*"]:
        inputs, missing = find_inputs([source])
        assert [item.shown for item in inputs] == ["a/gone.txt"] and not missing, source
    summary = batch(["a/*.txt"], tmp_path / "out", jobs=1)
    assert [str(problem) for problem in summary.problems] == ["a/gone.txt: cannot read: No such file or directory"]


def test_output_names_stay_inside_and_are_safe():
    assert output_stem(PurePosixPath("2004/q1/0000891092-04-003383.txt")) == PurePosixPath("2004/q1/0000891092-04-003383")
    assert output_stem(PurePosixPath("x.txt.gz")) == PurePosixPath("x")
    for hostile in ["..", ".hidden.txt", "a\x00b.txt", "a\\..\\b.txt", "con:x?.txt", "x" * 400 + ".txt"]:
        stem = output_stem(PurePosixPath(hostile))
        assert len(stem.parts) == 1 and not stem.name.startswith(".") and ".." != stem.name
        assert "\x00" not in stem.name and "\\" not in stem.name and len(stem.name.encode()) <= 180
    assert output_stem(PurePosixPath("x" * 400 + ".txt")) != output_stem(PurePosixPath("x" * 399 + "y.txt"))
    assert release_paths(Path("out"), "a/x", ".json", 2) == ["out/a/x.1.json", "out/a/x.2.json"]


def test_listed_paths_that_climb_out_land_at_the_top(archive):
    climbing = os.path.relpath(archive / "1996" / "zipped.txt.gz")
    inputs, _ = find_inputs([], [str(archive / "1996" / ".." / "003_69f0ec2b4db790cd.txt"), climbing])
    assert climbing.startswith("..") and [str(i.relative) for i in inputs] == ["003_69f0ec2b4db790cd.txt", "zipped.txt.gz"]


def test_two_inputs_with_one_output_name_fail_the_second(archive, tmp_path):
    (archive / "000_9e0e0fb7cf4518a9.txt.gz").write_bytes(gzip.compress((EXAMPLES / "000_9e0e0fb7cf4518a9.txt").read_bytes()))
    summary = batch([archive], tmp_path / "out", jobs=1)
    assert summary.failed == 1 and "would also be that of" in summary.problems[0].reason


# --- feeds ------------------------------------------------------------------------------------

def test_jsonl_feed_is_one_record_a_line_in_input_order(archive):
    result = run("convert", archive, "--to", "jsonl", "--jobs", "2")
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.decode().splitlines()]
    expected = [release_to_dict(r) for r in iter_releases(i.path for i in find_inputs([str(archive)])[0])]
    assert records == expected and len(records) == 20


def test_atom_feed_is_valid_and_newest_first(archive, tmp_path):
    feed = tmp_path / "feed.atom"
    assert run("convert", archive, "--to", "atom", "-o", feed).returncode == 0
    root = assert_valid_atom(feed.read_bytes())
    updated = [e.findtext(f"{ATOM}updated") for e in root.iter(f"{ATOM}entry")]
    assert updated == sorted(updated, reverse=True)
    assert root.findtext(f"{ATOM}updated") == updated[0]
    assert len({e.findtext(f"{ATOM}id") for e in root.iter(f"{ATOM}entry")}) == 19 == len(updated)  # a copy once
    assert run("convert", archive, "--to", "atom", "-o", feed).returncode == 1  # exists


def test_csv_feed_has_one_header_and_every_fact(archive):
    result = run("convert", archive, "--to", "csv")
    rows = result.stdout.decode().split("\r\n")
    assert rows[0].startswith("concept,label,value") and rows.count(rows[0]) == 1
    single = run("convert", EXAMPLES / "011_kestrel_bay_foods_2002.txt", "--to", "csv").stdout.decode().split("\r\n")
    assert set(single[1:-1]) <= set(rows[1:-1]) and len(single) > 3


# --- engines ----------------------------------------------------------------------------------

def test_engines_hand_back_outcomes_in_input_order(archive, tmp_path):
    for engine, name in [(InProcessEngine(), "a"), (ProcessEngine(2), "b")]:
        try:
            batch([archive], tmp_path / name, engine=engine, to="xbrl")
        finally:
            engine.close()
    assert tree(tmp_path / "a") == tree(tmp_path / "b")


REAL_CHUNK, REAL_ITEM = engines.convert_chunk, engines.convert_item


def crashing_chunk(job, items):
    """Runs in a worker: a worker that dies (as on a segfault or the OOM killer) at one input."""
    if any(item.name == "crash.txt" for item in items):
        os._exit(3)
    return REAL_CHUNK(job, items)


def crashing_item(job, item):
    if item.name == "crash.txt":
        os._exit(3)
    return REAL_ITEM(job, item)


def test_a_dying_worker_fails_only_its_input(archive, tmp_path, monkeypatch):
    shutil.copy(EXAMPLES / "000_9e0e0fb7cf4518a9.txt", archive / "crash.txt")
    monkeypatch.setattr(engines, "convert_chunk", crashing_chunk)
    monkeypatch.setattr(engines, "convert_item", crashing_item)
    engine = ProcessEngine(2)
    try:
        summary = batch([archive], tmp_path / "out", engine=engine)
    finally:
        engine.close()
    assert (summary.converted, summary.failed) == (19, 1) and summary.problems[0].kind == "WorkerDied"
    assert summary.problems[0].input.endswith("crash.txt")


def test_dask_local_cluster_gives_byte_identical_outputs(archive, tmp_path):
    distributed = pytest.importorskip("distributed")
    batch([archive], tmp_path / "local", jobs=1, to="xml")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None) as cluster, \
            distributed.Client(cluster, timeout="30s") as client:
        engine = DaskEngine(1, client=client)
        summary = batch([archive], tmp_path / "dask", engine=engine, to="xml")
        feed = tmp_path / "feed.jsonl"
        batch([archive], None, engine=DaskEngine(1, client=client), to="jsonl", output=feed)
    assert summary.converted == 19 and tree(tmp_path / "dask") == tree(tmp_path / "local")
    assert len(feed.read_text().splitlines()) == 20


def test_iter_releases_can_go_on_past_a_bad_file(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    seen = []
    releases = list(iter_releases([EXAMPLES / "000_9e0e0fb7cf4518a9.txt", bad, tmp_path / "gone.txt", BUNDLED],
                                  on_error=seen.append))
    assert len(releases) == 3 and [str(e) for e in seen] == [f"{bad}: input is empty",
                                                             f"{tmp_path / 'gone.txt'}: no such file"]


def test_readme_documents_batch_mode():
    readme = (ROOT / "README.md").read_text()
    for words in ["--out-dir", "--files-from", "--engine dask", "--scheduler", "--errors", "--jobs", "jsonl"]:
        assert words in readme
    assert (ROOT / "benchmarks" / "batch.py").is_file()


def _readme_python_example() -> str:
    readme = (ROOT / "README.md").read_text()
    blocks = [block.split("```", 1)[0] for block in readme.split("```python\n")[1:]]
    return next(block for block in blocks if "convert_batch" in block)


def test_the_readme_s_python_example_runs_as_a_script(tmp_path):
    (tmp_path / "archive").mkdir()
    (tmp_path / "more").mkdir()
    for example in sorted(EXAMPLES.glob("*.txt")):
        (tmp_path / "archive" / example.name).write_bytes(example.read_bytes())
    (tmp_path / "more" / "bundle.txt.gz").write_bytes(gzip.compress(BUNDLED.read_bytes()))
    (tmp_path / "example.py").write_text(_readme_python_example())
    result = subprocess.run([sys.executable, "example.py"], cwd=tmp_path, capture_output=True, timeout=300)
    assert result.returncode == 0 and result.stderr == b"", result.stderr
    count = len(list(EXAMPLES.glob("*.txt")))
    assert result.stdout.decode().startswith(f"{count + 1} converted ({count + 2} releases), 0 skipped, 0 failed")
    assert len((tmp_path / "releases.jsonl").read_text().splitlines()) == count + 2
    assert len(list((tmp_path / "out").rglob("*.xml"))) == count + 2


def test_a_script_whose_workers_cannot_start_stops_saying_why(tmp_path):
    (tmp_path / "unguarded.py").write_text(
        "import converter\n"  # convert_batch at the top level: each worker, importing the script, runs it
        f"inputs, _ = converter.find_inputs([{str(EXAMPLES)!r}])\n"
        f"options = converter.BatchOptions(out_dir={str(tmp_path / 'out')!r}, jobs=2)\n"
        "print(converter.convert_batch(inputs, options).stopped)\n")
    result = subprocess.run([sys.executable, "unguarded.py"], cwd=tmp_path, capture_output=True, timeout=300)
    assert result.stdout.decode().splitlines()[-1] == f"the worker processes: {engines.WORKERS_CANNOT_START}"
    assert not (tmp_path / "out").exists()


def test_an_input_over_the_time_limit_fails_alone(archive, tmp_path):
    summary = batch([archive / "000_9e0e0fb7cf4518a9.txt"], tmp_path / "out", jobs=1, timeout=0.0001)
    assert summary.failed == 1 and "took over" in summary.problems[0].reason
    assert batch([archive / "000_9e0e0fb7cf4518a9.txt"], tmp_path / "out", jobs=1, timeout=60).converted == 1


def test_engine_dask_on_the_command_line(archive, tmp_path):
    pytest.importorskip("distributed")
    assert run("convert", archive, "--out-dir", tmp_path / "local", "--to", "html", "--jobs", "1").returncode == 0
    result = run("convert", archive, "--out-dir", tmp_path / "dask", "--to", "html", "--engine", "dask", "--jobs", "1")
    assert result.returncode == 0, result.stderr
    assert tree(tmp_path / "dask") == tree(tmp_path / "local")


def test_batch_reads_whole_files_and_refuses_those_over_the_limit(tmp_path):
    from converter.pipeline import read_bounded

    text = (EXAMPLES / "000_9e0e0fb7cf4518a9.txt").read_bytes()
    (tmp_path / "a.txt").write_bytes(text)
    assert read_bounded(tmp_path / "a.txt", len(text)) == text
    with pytest.raises(InputTooLargeError, match=f"input is {len(text):,} bytes"):
        read_bounded(tmp_path / "a.txt", len(text) - 1)
    (tmp_path / "empty.txt").write_bytes(b"")
    assert read_bounded(tmp_path / "empty.txt", 10) == b""


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="no /proc on this system")
def test_batch_reads_files_whose_size_says_zero_to_their_end():
    from converter.pipeline import read_bounded

    assert b"\nPid:" in read_bounded(Path("/proc/self/status"), 1 << 20)  # past the first read of 1 byte
    with pytest.raises(InputTooLargeError, match="over the limit of 10 bytes"):
        read_bounded(Path("/proc/self/status"), 10)


def test_the_summary_counts_releases_in_words_a_reader_expects():
    from converter.batch import BatchSummary

    one, many = BatchSummary(), BatchSummary()
    one.converted = one.releases = 1
    many.converted, many.releases = 2, 3
    assert str(one).startswith("1 converted (1 release), 0 skipped, 0 failed, 0 warnings in ")
    assert str(many).startswith("2 converted (3 releases), 0 skipped, ")


# --- writes that no later input can get past -------------------------------------------------------

def _disk_fills_after(count: int):
    """A stand-in for ``write_atomic`` that writes ``count`` files, then finds the disk full."""
    from converter import output

    written = []

    def write(path, data, overwrite=False, **options):
        if len(written) >= count:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        written.append(path)
        output.write_atomic(path, data, overwrite=overwrite, **options)
    return write


def test_a_full_disk_stops_the_batch_and_the_same_command_resumes(archive, tmp_path, monkeypatch):
    import converter.batch

    clean, full = tmp_path / "clean", tmp_path / "full"
    batch([archive], clean, jobs=1)
    monkeypatch.setattr(converter.batch, "write_atomic", _disk_fills_after(5))
    stopped = batch([archive], full, jobs=2, errors=tmp_path / "errors.jsonl")
    # Every input after the first that could not be written would fail the same way: not tried.
    done = stopped.converted
    assert 3 <= done <= 5 and stopped.failed == 1 and stopped.left == 19 - done - 1
    assert f"{full}: No space left on device; run the same command again" in stopped.stopped
    assert f"; stopped, {stopped.left} inputs not tried: {full}: No space left" in str(stopped)
    assert len((tmp_path / "errors.jsonl").read_text().splitlines()) == 1
    assert not [p for p in full.rglob("*") if p.name.endswith(".part")]
    monkeypatch.undo()
    resumed = batch([archive], full, jobs=1)
    assert (resumed.converted, resumed.skipped, resumed.stopped) == (19 - done, done, None)
    assert tree(full) == tree(clean)


def test_an_input_that_cannot_be_written_for_its_own_reason_does_not_stop_the_batch(archive, tmp_path,
                                                                                   monkeypatch):
    import converter.batch
    from converter import output

    def write(path, data, overwrite=False, **options):
        if "zipped" in str(path):
            raise OSError(errno.ENAMETOOLONG, os.strerror(errno.ENAMETOOLONG))
        output.write_atomic(path, data, overwrite=overwrite, **options)
    monkeypatch.setattr(converter.batch, "write_atomic", write)
    summary = batch([archive], tmp_path / "out", jobs=1)
    assert (summary.converted, summary.failed, summary.stopped) == (18, 1, None)


@pytest.mark.skipif(sys.platform == "win32", reason="the output folder is held open, which Windows does not do")
@pytest.mark.parametrize("how", ["removed", "replaced", "removed under a write"])
def test_an_output_folder_removed_during_the_run_stops_it(archive, tmp_path, monkeypatch, how):
    """The next write made it again, and the run ended saying every input was converted, the
    outputs written before gone with the first folder."""
    import converter.batch
    from converter import output

    clean, out = tmp_path / "clean", tmp_path / "out"
    batch([archive], clean, jobs=1)
    written = []

    def write(path, data, overwrite=False, **options):
        written.append(path)
        if len(written) == 4:
            shutil.rmtree(out)
            if how == "replaced":
                out.mkdir()
            elif how == "removed under a write":  # between the temporary file and its rename
                raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), str(path))
        output.write_atomic(path, data, overwrite=overwrite, **options)
    monkeypatch.setattr(converter.batch, "write_atomic", write)
    summary = batch([archive], out, jobs=1)
    assert summary.stopped == (f"{out}: the output folder was removed during the run, and the outputs written "
                               "to it with it; run the same command again to write them")
    assert summary.converted + summary.failed + summary.left == 19 and summary.converted >= 2
    if how != "replaced":  # stopped at once, and not made again
        assert summary.failed == (how == "removed under a write") and summary.left >= 19 - 4
        assert not out.exists()
    monkeypatch.undo()
    resumed = batch([archive], out, jobs=1)
    assert resumed.stopped is None and tree(out) == tree(clean)


@pytest.mark.parametrize("skipped", [False, True])
def test_a_subfolder_of_the_output_removed_during_the_run_stops_it(archive, tmp_path, monkeypatch, skipped):
    """The next write into it made it again, and the run ended saying every input was converted (or
    skipped), the outputs written there before gone with it."""
    import converter.batch
    from converter import output

    clean, out = tmp_path / "clean", tmp_path / "out"
    batch([archive], clean, jobs=1)
    variants = out / "1996" / "variants"
    if skipped:  # a rerun: the folder's outputs are skipped, then it is removed before the last input
        shutil.copytree(clean, out)
        (variants / "globenewswire_2006.json").unlink()
    into = []

    def write(path, data, overwrite=False, **options):
        if os.path.dirname(path) == str(variants):
            into.append(path)
            if len(into) == (1 if skipped else 3):
                shutil.rmtree(variants)
        output.write_atomic(path, data, overwrite=overwrite, **options)
    monkeypatch.setattr(converter.batch, "write_atomic", write)
    summary = batch([archive], out, jobs=1)
    assert summary.stopped == (f"{variants}: this folder was removed during the run, and the outputs in it "
                               "with it; run the same command again to write them")
    assert not variants.exists() and (out / "1996").is_dir()  # the folder was not made again
    monkeypatch.undo()
    resumed = batch([archive], out, jobs=1)
    assert resumed.stopped is None and tree(out) == tree(clean)


@pytest.mark.skipif(sys.platform == "win32", reason="runs are kept apart with flock, which Windows has not")
def test_a_second_run_into_the_same_folder_is_refused_while_the_first_runs(archive, tmp_path):
    import fcntl

    out = tmp_path / "out"
    assert run("convert", archive, "--out-dir", out, "--jobs", "1").returncode == 0
    killed = out / ".003_69f0ec2b4db790cd.json.ab_c1234.part"  # as a killed run leaves it
    killed.write_bytes(b'{"half": ')
    handle = os.open(out, os.O_RDONLY)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)  # as a run going on holds it
        second = run("convert", archive, "--out-dir", out, "--jobs", "1", "--overwrite")
        assert second.returncode == 1 and second.stderr.decode() == (
            f"prconvert: {out}: another prconvert run is writing to this folder now; wait for it to end\n")
        assert killed.exists()  # the running one's, for all the second run knows
    finally:
        os.close(handle)  # the first run ends
    assert run("convert", archive, "--out-dir", out, "--jobs", "1").returncode == 0
    assert not killed.exists()


@pytest.mark.skipif(sys.platform == "win32", reason="runs are kept apart with flock, which Windows has not")
def test_a_second_run_writing_the_same_feed_is_refused_while_the_first_runs(archive, tmp_path):
    import fcntl

    feed = tmp_path / "all.jsonl"
    writing = tmp_path / ".all.jsonl.0123abcd.part"
    writing.write_bytes(b"{}\n")
    handle = os.open(writing, os.O_RDONLY)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        second = run("convert", archive, "--to", "jsonl", "-o", feed, "--jobs", "1")
        assert second.returncode == 1 and second.stderr.decode() == (
            f"prconvert: {feed}: another prconvert run is writing this file now; wait for it to end\n")
        assert sorted(p.name for p in tmp_path.iterdir()) == [".all.jsonl.0123abcd.part", "archive"]  # its own gone
    finally:
        os.close(handle)
    assert run("convert", archive, "--to", "jsonl", "-o", feed, "--jobs", "1").returncode == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["all.jsonl", "archive"]


@pytest.mark.skipif(sys.platform == "win32", reason="runs are kept apart with flock, which Windows has not")
def test_a_run_into_a_folder_leaves_another_run_s_feed_being_written_there(archive, tmp_path):
    import fcntl

    out = tmp_path / "out"
    out.mkdir()
    live, dead = out / ".feed.jsonl.0123abcd.part", out / "sub" / ".x.json.89abcdef.part"
    dead.parent.mkdir()
    live.write_bytes(b"{}\n")
    dead.write_bytes(b"{")
    handle = os.open(live, os.O_RDONLY)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)  # as the feed's run holds it while it writes
        assert batch([archive], out, jobs=1).failed == 0
        assert live.exists() and not dead.exists()
    finally:
        os.close(handle)


@pytest.mark.skipif(sys.platform == "win32", reason="runs are kept apart with flock, which Windows has not")
def test_a_second_run_given_the_same_errors_file_is_refused_before_emptying_it(archive, tmp_path):
    import fcntl

    errors = tmp_path / "errors.jsonl"
    errors.write_text('{"input": "the first run\'s"}\n')
    handle = os.open(errors, os.O_RDONLY)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        with pytest.raises(ConversionError, match="another prconvert run is writing this errors file now"):
            batch([archive, tmp_path / "absent.txt"], tmp_path / "out", jobs=1, errors=errors)
        assert errors.read_text() == '{"input": "the first run\'s"}\n'
    finally:
        os.close(handle)
    summary = batch([archive, tmp_path / "absent.txt"], tmp_path / "out", jobs=1, errors=errors)
    assert summary.failed == 1 and [json.loads(line)["input"] for line in errors.read_text().splitlines()] == [
        str(tmp_path / "absent.txt")]


def test_a_read_only_subfolder_fails_its_inputs_only(archive, tmp_path, monkeypatch):
    """A read-only file system mounted on one subfolder of the output: the rest can be written."""
    import converter.batch
    from converter import output

    def write(path, data, overwrite=False, **options):
        if "variants" in str(path):
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), path)
        output.write_atomic(path, data, overwrite=overwrite, **options)
    monkeypatch.setattr(converter.batch, "write_atomic", write)
    summary = batch([archive], tmp_path / "out", jobs=1)
    variants = len(list((archive / "1996" / "variants").glob("*.txt")))
    assert (summary.converted, summary.failed, summary.stopped) == (19 - variants, variants, None)


def test_feeds_and_files_written_to_a_device_or_through_a_link(archive, tmp_path):
    if not Path("/dev/null").exists() or sys.platform == "win32":
        pytest.skip("no /dev/null on this system")
    example = EXAMPLES / "000_9e0e0fb7cf4518a9.txt"
    for args in [[example, "-o", "/dev/null"], [example, "-o", "/dev/null", "--overwrite"],
                 [archive, "--to", "jsonl", "-o", "/dev/null", "--overwrite"], [archive, "--to", "csv", "-o", "/dev/null"]]:
        result = run("convert", *args)
        assert result.returncode == 0, (args, result.stderr)
        assert stat.S_ISCHR(os.stat("/dev/null").st_mode)  # written to, not replaced by a file
    (tmp_path / "real.jsonl").write_text("old\n")
    (tmp_path / "link.jsonl").symlink_to("real.jsonl")
    (tmp_path / "real.json").write_text("old\n")
    (tmp_path / "link.json").symlink_to("real.json")
    assert run("convert", archive, "--to", "jsonl", "-o", tmp_path / "link.jsonl", "--overwrite").returncode == 0
    assert run("convert", example, "-o", tmp_path / "link.json", "--overwrite").returncode == 0
    for name in ["link.jsonl", "link.json"]:
        assert (tmp_path / name).is_symlink() and (tmp_path / name).read_text() != "old\n"
    assert len((tmp_path / "real.jsonl").read_text().splitlines()) == 20


def test_an_output_folder_that_is_a_link_to_nothing_is_told_up_front(archive, tmp_path):
    (tmp_path / "out").symlink_to(tmp_path / "gone" / "out")
    result = run("convert", archive, "--out-dir", tmp_path / "out")
    assert result.returncode == 1 and result.stderr.decode() == (
        f"prconvert: {tmp_path / 'out'}: cannot make the output folder: {tmp_path / 'out'} is a link to nothing\n")


def test_a_link_in_a_loop_fails_when_found_by_a_pattern_as_by_a_folder(tmp_path, monkeypatch):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "loop.txt").symlink_to("round")
    (tmp_path / "a" / "round").symlink_to("loop.txt")
    monkeypatch.chdir(tmp_path)
    for source in ["a", "a/*.txt", "a/**/*.txt"]:
        inputs, missing = find_inputs([source])
        assert [item.shown for item in inputs] == ["a/loop.txt"] and not missing, source
    assert [str(p) for p in batch(["a/*.txt"], tmp_path / "out", jobs=1).problems] == [
        "a/loop.txt: cannot read: Too many levels of symbolic links"]


def test_a_named_input_in_a_folder_that_cannot_be_entered_says_so(tmp_path, monkeypatch):
    (tmp_path / "closed").mkdir()
    (tmp_path / "closed" / "x.txt").write_bytes((EXAMPLES / "000_9e0e0fb7cf4518a9.txt").read_bytes())
    monkeypatch.chdir(tmp_path)

    def refusing(real):  # as a folder its owner closed (root enters any: no chmod test)
        def call(path, *args, **kwargs):
            if "closed" in os.fspath(path):
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), path)
            return real(path, *args, **kwargs)
        return call
    for name in ["stat", "lstat", "scandir"]:
        monkeypatch.setattr(os, name, refusing(getattr(os, name)))
    assert find_inputs(["closed/x.txt"]) == ([], [Missing("closed/x.txt", "cannot read: Permission denied")])
    assert find_inputs(["closed/*.txt"]) == ([], [Missing("closed", "cannot read this folder: Permission denied; "
                                                                   "the files in it were not converted")])
    assert find_inputs(["nope.txt"]) == ([], [Missing("nope.txt", "no such file or folder")])


def test_an_errors_file_that_is_a_device_is_shared_not_locked(archive, tmp_path):
    if not Path("/dev/null").exists() or sys.platform == "win32":
        pytest.skip("no /dev/null on this system")
    import fcntl

    handle = os.open("/dev/null", os.O_RDONLY)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)  # as another run given --errors /dev/null
        summary = batch([archive, tmp_path / "absent.txt"], tmp_path / "out", jobs=1, errors=Path("/dev/null"))
        assert (summary.converted, summary.failed) == (19, 1)
    finally:
        os.close(handle)


def test_the_same_file_as_feed_and_errors_file_is_refused(archive, tmp_path):
    result = run("convert", archive, "--to", "jsonl", "-o", tmp_path / "x.jsonl", "--errors", tmp_path / "x.jsonl")
    assert result.returncode == 1 and result.stderr.decode() == (
        f"prconvert: {tmp_path / 'x.jsonl'}: is given as both the feed (-o) and the errors file (--errors)\n")
    assert not (tmp_path / "x.jsonl").exists()


def test_a_pipe_named_as_a_temporary_file_does_not_block_the_next_run(tmp_path):
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes on this system")
    (tmp_path / "out").mkdir()
    os.mkfifo(tmp_path / "out" / ".x.json.abcdefgh.part")
    result = run("convert", EXAMPLES / "000_9e0e0fb7cf4518a9.txt", "--out-dir", tmp_path / "out")  # timeout=300
    assert result.returncode == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["000_9e0e0fb7cf4518a9.json"]


def test_dev_stdout_appends_to_what_stdout_is_and_a_link_to_nothing_is_refused(archive, tmp_path):
    if not Path("/dev/stdout").exists() or sys.platform == "win32":
        pytest.skip("no /dev/stdout on this system")
    example = EXAMPLES / "000_9e0e0fb7cf4518a9.txt"
    log = tmp_path / "app.log"
    log.write_text("old\n")
    for args in [[archive, "--to", "jsonl", "-q"], [example]]:
        with open(log, "ab") as stdout:  # the shell's >> log
            done = subprocess.run([sys.executable, "-m", "converter", "convert", *map(str, args), "-o", "/dev/stdout",
                                   "--overwrite"], stdout=stdout, stderr=subprocess.PIPE, timeout=300)
        assert done.returncode == 0, done.stderr
    assert log.read_text().startswith("old\n{") and not log.is_symlink()
    (tmp_path / "dangling").symlink_to(tmp_path / "nowhere" / "x")
    for args in [[example], [archive, "--to", "jsonl"]]:
        for overwrite in [[], ["--overwrite"]]:
            result = run("convert", *args, "-o", tmp_path / "dangling", *overwrite)
            assert result.returncode == 1 and result.stderr.decode().endswith(
                "dangling: is a link to nothing; not writing through it\n"), (args, overwrite)
    assert (tmp_path / "dangling").is_symlink() and not (tmp_path / "nowhere").exists()


def test_a_single_output_to_a_pipe_whose_reader_left_exits_as_stdout_does(tmp_path):
    if not Path("/dev/stdout").exists() or sys.platform == "win32":
        pytest.skip("no /dev/stdout on this system")
    child = subprocess.Popen([sys.executable, "-m", "converter", "convert", str(EXAMPLES / "000_9e0e0fb7cf4518a9.txt"),
                              "-o", "/dev/stdout"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    child.stdout.close()  # the reader goes away before the output is written
    _, stderr = child.communicate(timeout=300)
    assert child.returncode == 141 and b"Broken pipe" not in stderr


def test_an_errors_file_that_cannot_be_opened_leaves_no_feed_file(archive, tmp_path):
    feeds = tmp_path / "feeds"
    feeds.mkdir()
    with pytest.raises(ConversionError, match="cannot write the errors file: No such file or directory"):
        batch([archive], to="jsonl", output=feeds / "all.jsonl", errors=tmp_path / "absent" / "e.jsonl", jobs=1)
    assert list(feeds.iterdir()) == []


def test_an_output_folder_without_write_permission_stops_the_batch(archive, tmp_path, monkeypatch):
    import converter.batch
    from converter import output

    out = tmp_path / "out"

    def refuse(path):  # as a folder the user may not write to (root may write anywhere: no chmod test)
        if Path(path).parent == out:  # os.open names the temporary it was asked to make
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(out / f".{Path(path).name}.1a2b3c4d.part"))
        return real(path)
    real = output.temporary_beside
    monkeypatch.setattr(output, "temporary_beside", refuse)
    monkeypatch.setattr(converter.batch, "temporary_beside", refuse)
    summary = batch([archive], out, jobs=1)
    assert (summary.converted, summary.failed, summary.left) == (0, 1, 18)
    assert summary.problems[0].reason == f"cannot write its output in {out}: Permission denied"  # not the temporary
    assert summary.stopped == f"{out}: Permission denied; run the same command again once it can be written"


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="no /proc on this system")
def test_an_output_folder_that_cannot_be_made_stops_the_batch(archive):
    result = run("convert", archive, "--out-dir", "/proc/prconvert-out", "--jobs", "1")
    assert result.returncode == 1
    lines = result.stderr.decode().splitlines()
    assert len(lines) == 2 and lines[0].endswith("cannot write its output (/proc/prconvert-out): No such file or directory")
    assert lines[1].endswith("stopped, 18 inputs not tried: /proc/prconvert-out: No such file or directory; "
                             "run the same command again once it can be written")


def test_a_feed_that_cannot_be_written_leaves_no_file(archive, tmp_path, monkeypatch):
    from converter.feeds import FeedWriter

    real_add = FeedWriter.add
    calls = []

    def add(self, piece):
        calls.append(piece)
        if len(calls) == 3:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_add(self, piece)
    monkeypatch.setattr(FeedWriter, "add", add)
    feed = tmp_path / "feeds" / "all.jsonl"
    feed.parent.mkdir()
    summary = batch([archive], to="jsonl", output=feed, jobs=1)
    assert summary.stopped == f"{feed}: cannot write the feed: No space left on device; nothing was written"
    assert (summary.converted, summary.failed, summary.left) == (2, 1, 19 - 3)
    assert list((tmp_path / "feeds").iterdir()) == []  # no feed, no temporary file


def test_a_feed_whose_last_write_fails_leaves_no_file(archive, tmp_path, monkeypatch):
    from converter.feeds import FeedWriter

    def close(self):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    monkeypatch.setattr(FeedWriter, "close", close)
    feed = tmp_path / "feeds" / "all.atom"
    feed.parent.mkdir()
    summary = batch([archive], to="atom", output=feed, jobs=1)
    assert (summary.converted, summary.failed, summary.left) == (19, 0, 0)
    assert summary.stopped.endswith("nothing was written") and "; stopped: " in str(summary)
    assert list((tmp_path / "feeds").iterdir()) == []


@pytest.mark.parametrize("to", ["jsonl", "atom", "csv"])
def test_a_feed_file_that_cannot_be_written_is_told_as_other_files_are(archive, tmp_path, monkeypatch, capsys, to):
    """The feed's -o FILE said "[Errno 28] No space left on device" where a file per release and a
    single -o say "No space left on device": one line naming the file, the system's reason."""
    from converter import cli
    from converter.feeds import FeedWriter

    def close(self):  # the last bytes of every feed are written here
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    monkeypatch.setattr(FeedWriter, "close", close)
    feed = tmp_path / f"all.{to}"
    assert cli.main(["convert", str(archive), "--to", to, "-o", str(feed), "--jobs", "1"]) == 1
    told = capsys.readouterr().err.splitlines()
    assert len(told) == 1 and told[0].endswith(f"; stopped: {feed}: cannot write the feed: No space left on device; "
                                               "nothing was written")
    assert list(tmp_path.iterdir()) == [archive]


def test_the_cli_stops_on_a_full_stdout_or_errors_file(archive, tmp_path):
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full on this system (it makes every write fail: disk full)")
    with open("/dev/full", "wb") as full:
        result = subprocess.run([sys.executable, "-m", "converter", "convert", str(archive), "--to", "jsonl",
                                 "--jobs", "1"], stdout=full, stderr=subprocess.PIPE, timeout=300)
    assert result.returncode == 1
    assert result.stderr.decode().splitlines()[-1].endswith(
        "stopped, 18 inputs not tried: stdout: cannot write the feed: No space left on device")
    result = run("convert", archive, tmp_path / "absent.txt", "--out-dir", tmp_path / "out", "--errors", "/dev/full")
    assert result.returncode == 1 and "Traceback" not in result.stderr.decode()
    assert result.stderr.decode().splitlines()[-1].endswith(
        "; stopped, 19 inputs not tried: /dev/full: cannot write the errors file: No space left on device")
    assert not (tmp_path / "out").exists()


def test_a_feed_reader_that_goes_away_stops_the_batch_quietly(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for number in range(60):  # about 1 MB of JSON Lines: more than a pipe holds
        (corpus / f"{number:03d}.txt").write_bytes((EXAMPLES / "010_nordal_instruments_1998.txt").read_bytes())
    process = subprocess.Popen([sys.executable, "-m", "converter", "convert", str(corpus), "--to", "jsonl",
                                "--jobs", "1"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout.read(100).startswith(b'{"schema_version"')
    process.stdout.close()  # as `| head -c 100` does
    assert process.wait(timeout=120) == 141
    assert process.stderr.read() == b""  # no line per input, no summary, no traceback


def test_a_feed_file_is_readable_as_the_umask_says(archive, tmp_path):
    previous = os.umask(0o022)
    try:
        batch([archive], to="jsonl", output=tmp_path / "all.jsonl", jobs=1)
        batch([archive], tmp_path / "out", jobs=1)
    finally:
        os.umask(previous)
    assert (tmp_path / "all.jsonl").stat().st_mode & 0o777 == 0o644
    assert (tmp_path / "out" / "010_nordal_instruments_1998.json").stat().st_mode & 0o777 == 0o644


@pytest.mark.parametrize("args, message", [
    (["--out-dir", "{file}"], "{file}: cannot make the output folder: {file} is a file"),
    (["--out-dir", "{file}/sub"], "{file}/sub: cannot make the output folder: {file} is a file"),
    (["--out-dir", "{tmp}/out", "--errors", "{tmp}"], "{tmp}: cannot write the errors file: Is a directory"),
    (["--to", "jsonl", "-o", "{file}/feed.jsonl"], "{file}/feed.jsonl: cannot write the feed: {file} is a file"),
    (["--to", "jsonl", "-o", "{tmp}"], "{tmp}: is a folder; -o names the feed's file (--out-dir: a file per release)"),
])
def test_an_output_place_that_cannot_be_written_fails_at_once(archive, tmp_path, args, message):
    (tmp_path / "a-file").write_text("mine")
    names = {"file": str(tmp_path / "a-file"), "tmp": str(tmp_path)}
    result = run("convert", archive, "--jobs", "1", *(arg.format(**names) for arg in args))
    assert result.returncode == 1
    assert result.stderr.decode().splitlines() == [f"prconvert: {message.format(**names)}"]  # one line, no input tried
    assert (tmp_path / "a-file").read_text() == "mine"


def test_one_file_to_a_folder_or_below_a_file_is_one_line(tmp_path):
    (tmp_path / "a-file").write_text("mine")
    example = EXAMPLES / "000_9e0e0fb7cf4518a9.txt"
    result = run("convert", example, "-o", tmp_path, "--overwrite")
    assert result.returncode == 1 and result.stderr.decode() == f"prconvert: {tmp_path}: is a folder; give a file name\n"
    result = run("convert", example, "-o", tmp_path / "a-file" / "x.json")
    assert result.returncode == 1
    assert result.stderr.decode() == f"prconvert: {tmp_path / 'a-file' / 'x.json'}: cannot write: {tmp_path / 'a-file'} is a file\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file"]  # no temporary file left


@pytest.mark.parametrize("order", ["bundle first", "numbered file first"])
def test_a_numbered_input_and_a_bundle_never_share_an_output(tmp_path, order):
    (tmp_path / "x.txt").write_bytes(BUNDLED.read_bytes())  # two releases: x.1.json and x.2.json
    (tmp_path / "x.2.txt").write_bytes((EXAMPLES / "000_9e0e0fb7cf4518a9.txt").read_bytes())  # x.2.json
    (tmp_path / "y.txt").write_bytes((EXAMPLES / "000_9e0e0fb7cf4518a9.txt").read_bytes())
    names = ["x.txt", "x.2.txt", "y.txt"] if order == "bundle first" else ["x.2.txt", "x.txt", "y.txt"]
    bundle = convert_path(tmp_path / "x.txt")
    assert len(bundle) == 2
    for run_number in (1, 2):  # the second run resumes: the bundle is done, not taken for x.2.txt's
        summary = batch([tmp_path / name for name in names], tmp_path / "out", jobs=1)
        assert (summary.converted, summary.skipped, summary.failed) == ((2, 0, 1) if run_number == 1 else (0, 2, 1))
        problem = summary.problems[0]
        assert problem.input.endswith("x.2.txt") and problem.kind == "OutputNameTaken"
        assert problem.reason == (f"its output x.2.json would also be the name of release 2 of {tmp_path / 'x.txt'} "
                                  "when that holds several; rename one of them")
        for number, release in enumerate(bundle, 1):
            assert json.loads((tmp_path / "out" / f"x.{number}.json").read_bytes()) == release_to_dict(release)


def test_a_file_in_the_way_of_a_later_release_is_not_overwritten(tmp_path):
    (tmp_path / "x.txt").write_bytes(BUNDLED.read_bytes())
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "x.2.json").write_text("mine")
    summary = batch([tmp_path / "x.txt"], tmp_path / "out", jobs=1)
    assert summary.failed == 1 and summary.problems[0].reason == (
        f"{tmp_path / 'out' / 'x.2.json'} exists and is not this input's output; not overwriting it (use --overwrite)")
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["x.2.json"]
    assert (tmp_path / "out" / "x.2.json").read_text() == "mine"
    (tmp_path / "out" / "x.2.json").unlink()  # what a run killed after release 2 leaves: its own bytes
    batch([tmp_path / "x.txt"], tmp_path / "out", jobs=1)
    (tmp_path / "out" / "x.1.json").unlink()
    summary = batch([tmp_path / "x.txt"], tmp_path / "out", jobs=1)
    assert (summary.converted, summary.failed) == (1, 0)


def test_a_pattern_never_takes_the_output_folder_s_files_as_inputs(tmp_path):
    for example in sorted(EXAMPLES.glob("*.txt"))[:3]:
        (tmp_path / example.name).write_bytes(example.read_bytes())
    assert run("convert", "**", "--out-dir", "out", "--jobs", "1", cwd=tmp_path).returncode == 0
    for pattern in ["**", "*"]:  # each matches the outputs of the first run, or their folder
        again = run("convert", pattern, "--out-dir", "./out/", "--jobs", "1", cwd=tmp_path)
        assert again.returncode == 0, again.stderr  # every input skipped, no output read as one
        assert again.stderr.decode().startswith("prconvert: 0 converted (0 releases), 3 skipped, 0 failed")
    only = run("convert", "out/*.json", "--out-dir", "out", "--jobs", "1", cwd=tmp_path)
    assert only.returncode == 1
    assert only.stderr.decode().startswith("prconvert: out/*.json: no file matches this pattern")


@pytest.mark.parametrize("option", [["--timeout", "-1"], ["--timeout", "0"], ["--timeout", "nan"],
                                    ["--max-bytes", "0"], ["--max-bytes", "-5"]])
def test_a_limit_of_zero_or_below_is_bad_usage(archive, tmp_path, option):
    result = run("convert", archive, "--out-dir", tmp_path / "out", *option)
    assert result.returncode == 2 and f"argument {option[0]}: expected a number above 0" in result.stderr.decode()
    assert not (tmp_path / "out").exists()


def test_an_input_that_gives_nothing_says_why(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    example = EXAMPLES / "000_9e0e0fb7cf4518a9.txt"
    result = run("convert", tmp_path / "empty", tmp_path / "dangling.txt", "/dev/null", tmp_path / "gone.txt",
                 tmp_path / "*.nc", example, "--out-dir", tmp_path / "out", "-q", "--errors", tmp_path / "e.jsonl")
    assert result.returncode == 1
    reasons = [json.loads(line)["reason"] for line in (tmp_path / "e.jsonl").read_text().splitlines()]
    assert reasons == ["no file in this folder matches --include (*.txt *.txt.gz)", "a link to nothing",
                       "no such file or folder", "no file matches this pattern",
                       "input is empty"]  # /dev/null is read as a file is, as in single mode
    assert (tmp_path / "out" / "000_9e0e0fb7cf4518a9.json").is_file()


@pytest.fixture
def ctrl_c_as_python_sets_it():
    """Ctrl-C raising KeyboardInterrupt here, as in a command run from a terminal: a test suite run
    in the background (``&``, nohup) inherits SIGINT ignored, and these tests read who ignores it."""
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    yield
    signal.signal(signal.SIGINT, previous)


def _ignores_ctrl_c(pid: int) -> bool:
    """Whether process ``pid`` ignores SIGINT (Linux: the SigIgn mask in /proc)."""
    mask = next(line for line in Path(f"/proc/{pid}/status").read_text().splitlines() if line.startswith("SigIgn:"))
    return bool(int(mask.split()[1], 16) & (1 << (signal.SIGINT - 1)))


def test_workers_leave_ctrl_c_to_the_command(archive, tmp_path, ctrl_c_as_python_sets_it):
    """Ctrl-C reaches every process of the terminal's group; the command stops its workers and
    cleans up, so the workers and their fork server ignore it (else each printed a traceback)."""
    if not Path("/proc/self/status").exists():
        pytest.skip("reads signal masks from /proc (Linux)")
    from multiprocessing import forkserver

    engine = ProcessEngine(2)
    try:
        batch([archive], tmp_path / "out", engine=engine)
        workers = list(engine._pool._processes)
        assert workers and all(_ignores_ctrl_c(pid) for pid in workers)
        if engine._pool._mp_context.get_start_method() == "forkserver":
            assert _ignores_ctrl_c(forkserver._forkserver._forkserver_pid)
    finally:
        engine.close()
    assert not _ignores_ctrl_c(os.getpid())  # this process's own Ctrl-C is untouched


def test_a_local_dask_cluster_s_workers_leave_ctrl_c_to_the_command(ctrl_c_as_python_sets_it):
    """Each worker of the cluster started for a run printed pages of tracebacks on Ctrl-C."""
    pytest.importorskip("distributed")
    if not Path("/proc/self/status").exists():
        pytest.skip("reads signal masks from /proc (Linux)")
    engine = DaskEngine(2)
    try:
        workers = list(engine.client.run(os.getpid).values())
        assert len(workers) == 2 and all(_ignores_ctrl_c(pid) for pid in workers)
    finally:
        engine.close()
    assert not _ignores_ctrl_c(os.getpid())


def test_an_interrupt_while_a_feed_cannot_be_written_stays_an_interrupt(archive, tmp_path, monkeypatch):
    from converter.feeds import FeedWriter

    def add(self, piece):
        self.stream.write(b"x" * 100)  # buffered: the write fails only when the file is flushed
        raise KeyboardInterrupt
    monkeypatch.setattr(FeedWriter, "add", add)
    real_open = os.fdopen

    class FullDisk:
        def __init__(self, handle, mode):
            self.file = real_open(handle, mode)

        def write(self, data):
            return len(data)

        def close(self):
            if not self.file.closed:  # as a file does: the first close flushes, and fails
                self.file.close()
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    monkeypatch.setattr(os, "fdopen", FullDisk)
    feed = tmp_path / "feeds" / "all.jsonl"
    feed.parent.mkdir()
    with pytest.raises(KeyboardInterrupt):
        batch([archive], to="jsonl", output=feed, jobs=1)
    assert list((tmp_path / "feeds").iterdir()) == []


def test_a_file_in_the_way_of_an_output_folder_fails_that_input_alone(archive, tmp_path):
    (tmp_path / "out" / "1996").mkdir(parents=True)
    (tmp_path / "out" / "1996" / "variants").write_text("mine")  # where the variants' outputs go
    summary = batch([archive], tmp_path / "out", jobs=1)
    assert summary.converted == 4 + 1 and summary.failed == 14 and summary.stopped is None
    assert all(p.reason.endswith(f"cannot write: {tmp_path / 'out' / '1996' / 'variants'} is a file")
               for p in summary.problems)
    assert (tmp_path / "out" / "1996" / "variants").read_text() == "mine"


def test_an_aborted_pool_ends_its_workers_at_once():
    """Ctrl-C (or a run that stopped) ends the workers, not waiting for what they convert: only
    the command writes outputs, so their work is lost anyway."""
    engine = ProcessEngine(2)
    busy = engine._submit(time.sleep, 120)
    workers = list(engine._pool._processes.values())
    started = time.monotonic()
    while not busy.running() and time.monotonic() - started < 60:
        time.sleep(0.05)
    assert busy.running()
    closing = time.monotonic()
    engine.close(abort=True)
    assert time.monotonic() - closing < 30  # not the 120 s the worker was asked to sleep
    assert workers and not any(worker.is_alive() for worker in workers)


def test_ctrl_c_while_a_worker_starts_comes_after_it_started(ctrl_c_as_python_sets_it):
    """Ctrl-C inside a submit left a worker starting that the pool did not know of (so close could
    not end it): it printed a FileNotFoundError traceback once the command had exited."""
    reached = []

    class StartingPool:  # where ProcessPoolExecutor.submit starts a worker, Ctrl-C comes
        def submit(self, function, *args):
            signal.raise_signal(signal.SIGINT)
            reached.append("the end of the submit")
            return "its future"

    engine = ProcessEngine(2)
    engine._pool = StartingPool()
    with pytest.raises(KeyboardInterrupt):
        engine._submit(print, "x")
    assert reached == ["the end of the submit"]
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


_HALF_A_RESULT = '''
import inspect, struct, sys, time
from pathlib import Path
from converter.engines import ProcessEngine

def half_a_result(marker):
    queue = next(f.frame.f_locals["result_queue"] for f in inspect.stack() if "result_queue" in f.frame.f_locals)
    queue._writer._send(struct.pack("!i", 1 << 20) + b"x" * 10)  # a result cut short by the end
    Path(marker).touch()
    time.sleep(120)

if __name__ == "__main__":
    marker = Path(sys.argv[1])
    engine = ProcessEngine(1)
    engine._submit(half_a_result, str(marker))
    while not marker.exists():
        time.sleep(0.05)
    time.sleep(0.5)  # the pool's thread is reading the result
    engine.close(abort=True)
    print("closed", flush=True)
'''


def test_a_worker_ended_halfway_through_a_result_does_not_hang_the_exit(tmp_path):
    """Ctrl-C can end a worker in the middle of handing back a result; the command then waited at
    exit, for ever, for the pool's thread reading the rest of it."""
    script = tmp_path / "half_a_result.py"
    script.write_text(_HALF_A_RESULT)
    done = subprocess.run([sys.executable, str(script), str(tmp_path / "sent")], capture_output=True,
                          text=True, timeout=60, cwd=ROOT)
    assert (done.returncode, done.stdout, done.stderr) == (0, "closed\n", "")


def test_a_small_batch_left_to_use_all_cores_starts_no_workers(archive, tmp_path, monkeypatch):
    """Starting worker processes costs more than converting a few releases."""
    from converter import batch as batch_module

    made, make = [], batch_module.make_engine
    monkeypatch.setattr(batch_module, "make_engine", lambda engine, jobs, scheduler: made.append(jobs)
                        or make(engine, jobs, scheduler))
    big = tmp_path / "big" / "big.txt"
    big.parent.mkdir()
    big.write_bytes((EXAMPLES / "000_9e0e0fb7cf4518a9.txt").read_bytes() + b"\n" * batch_module.SMALL_BATCH_BYTES)
    batch([archive], tmp_path / "a")  # 19 inputs, 0.1 MB: --jobs left to the default
    batch([archive], tmp_path / "b", jobs=2)  # asked for: as asked
    batch([archive, big.parent], tmp_path / "c")  # over 1 MB: all cores
    assert made == [1, 2, None]


def test_a_file_name_that_is_no_utf8_is_kept_in_the_errors_file(tmp_path):
    """A Latin-1 name (as old archives hold) crashed the batch when its failure was logged."""
    folder = tmp_path / "in"
    folder.mkdir()
    try:
        (folder / os.fsdecode(b"empty\xe9.txt")).write_bytes(b"")
    except (OSError, UnicodeEncodeError):
        pytest.skip("this file system refuses a file name that is no UTF-8")
    (folder / os.fsdecode(b"caf\xe9.txt")).write_bytes((EXAMPLES / "000_9e0e0fb7cf4518a9.txt").read_bytes())
    summary = batch([folder], tmp_path / "out", jobs=1, errors=tmp_path / "errors.jsonl")
    assert (summary.converted, summary.failed) == (1, 1)
    logged = json.loads((tmp_path / "errors.jsonl").read_text(encoding="utf-8"))
    assert os.fsencode(logged["input"]).endswith(b"empty\xe9.txt") and logged["reason"] == "input is empty"


@pytest.mark.parametrize("where, told", [
    (["--out-dir", "out"], "run the same command again to resume"),
    (["--to", "jsonl", "-o", "feed.jsonl"], "feed.jsonl was not written; run the same command again to write it whole"),
    (["--to", "jsonl"], "what reached stdout may stop short; run the same command again for all of it"),
])
def test_ctrl_c_says_what_running_again_does(archive, monkeypatch, capsys, where, told):
    from converter import cli

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "convert_batch", interrupted)
    assert cli.main(["convert", str(archive), *where]) == 130
    assert capsys.readouterr().err == f"prconvert: interrupted; {told}\n"


def test_a_killed_feed_s_temporary_file_goes_with_the_next_run(archive, tmp_path):
    (tmp_path / "feeds").mkdir()
    left = [tmp_path / "feeds" / ".all.jsonl.0a1b2c3d.part", tmp_path / "feeds" / ".all.jsonl.tmp"]
    for path in left:
        path.write_text("half a feed")
    result = run("convert", archive, "--to", "jsonl", "-o", tmp_path / "feeds" / "all.jsonl", "--jobs", "1")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "feeds").iterdir()) == [".all.jsonl.tmp", "all.jsonl"]  # not ours: kept


def test_a_file_named_with_a_line_break_fails_on_one_line(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a\nb.txt").write_bytes(b"")
    (tmp_path / "in" / "c.txt").write_bytes((EXAMPLES / "000_9e0e0fb7cf4518a9.txt").read_bytes())
    result = run("convert", tmp_path / "in", "--out-dir", tmp_path / "out", "--jobs", "1", "--errors", tmp_path / "e.jsonl")
    assert result.returncode == 1
    lines = result.stderr.decode().splitlines()
    assert lines[0] == f"prconvert: {tmp_path / 'in'}/a\\nb.txt: input is empty" and len(lines) == 2
    assert json.loads((tmp_path / "e.jsonl").read_text())["input"] == f"{tmp_path / 'in'}/a\nb.txt"  # the name itself


def test_a_time_limit_on_dask_is_refused_not_ignored(archive, tmp_path):
    result = run("convert", archive, "--out-dir", tmp_path / "out", "--engine", "dask", "--timeout", "5")
    assert result.returncode == 2 and result.stderr.decode() == (
        "prconvert: --timeout works with the local engine only (Dask runs conversions in threads, where no timer "
        "can stop one)\n")
    with pytest.raises(ConversionError, match="^--timeout: works with the local engine only"):
        convert_batch(find_inputs([str(archive)])[0], BatchOptions(out_dir=tmp_path / "out", engine="dask", timeout=5.0))
    assert not (tmp_path / "out").exists()


def test_a_file_name_that_is_no_utf8_shows_its_bytes(tmp_path):
    folder = os.fsencode(tmp_path / "in")
    os.mkdir(folder)
    with open(folder + b"/caf\xe9.txt", "wb"):
        pass  # empty: it fails, and its failure names it
    result = run("convert", tmp_path / "in", "--out-dir", tmp_path / "out", "--jobs", "1")
    assert result.stderr.decode().splitlines()[0] == f"prconvert: {tmp_path / 'in'}/caf\\xe9.txt: input is empty"


def test_a_dask_scheduler_that_is_not_there_fails_in_seconds(monkeypatch):
    """Without a timeout the command waited for ever on an address with no scheduler behind it."""
    pytest.importorskip("distributed")
    monkeypatch.setattr(engines, "SCHEDULER_TIMEOUT", 2)
    started = time.monotonic()
    with pytest.raises(ConversionError, match="^tcp://127.0.0.1:1: cannot reach the Dask scheduler: Timed out"):
        DaskEngine(1, scheduler="tcp://127.0.0.1:1")
    assert time.monotonic() - started < 60


def test_a_dask_address_where_something_else_listens_fails_in_seconds(monkeypatch):
    """Something that accepts and never answers (a dashboard's port, another service): Dask's own
    timeout does not end the wait; the command waited for ever."""
    import socket

    pytest.importorskip("distributed")
    monkeypatch.setattr(engines, "SCHEDULER_TIMEOUT", 1)
    with socket.create_server(("127.0.0.1", 0)) as listener:
        address = f"tcp://127.0.0.1:{listener.getsockname()[1]}"
        started = time.monotonic()
        with pytest.raises(ConversionError, match=f"^{address}: no Dask scheduler answered in 6 s "
                                                  r"\(something else listens there\?"):
            DaskEngine(1, scheduler=address)
        assert time.monotonic() - started < 30


def test_a_dask_scheduler_without_workers_fails_saying_so(monkeypatch):
    distributed = pytest.importorskip("distributed")
    monkeypatch.setattr(engines, "SCHEDULER_TIMEOUT", 1)
    with distributed.LocalCluster(n_workers=0, processes=False, dashboard_address=None) as cluster:
        address = cluster.scheduler_address
        with pytest.raises(ConversionError, match=f"^{address}: the Dask scheduler has no workers "
                                                  rf"\(waited 1 s\); start some with dask worker {address}$"):
            DaskEngine(1, scheduler=address)


def test_a_local_dask_cluster_says_nothing_when_port_8787_is_taken(archive, tmp_path):
    """Its scheduler's HTTP server took 8787 (a dashboard's port) and warned when another had it."""
    import socket

    pytest.importorskip("distributed")
    with socket.socket() as taken:
        try:
            taken.bind(("127.0.0.1", 8787))
            taken.listen()
        except OSError:
            pass  # taken already: as good
        result = run("convert", archive, "--out-dir", tmp_path / "out", "--engine", "dask", "--jobs", "1")
    assert result.returncode == 0
    assert "in use" not in result.stderr.decode() and "Traceback" not in result.stderr.decode()


def test_a_dask_cluster_left_without_workers_stops_the_run(archive, tmp_path, monkeypatch):
    """Dask holds a task for ever once the last worker is gone; the command waited with it."""
    distributed = pytest.importorskip("distributed")
    monkeypatch.setattr(engines, "SCHEDULER_TIMEOUT", 1)
    monkeypatch.setattr(engines, "_DASK_POLL", 0.2)
    with distributed.LocalCluster(n_workers=0, processes=False, dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        started = time.monotonic()
        summary = batch([archive], tmp_path / "out", engine=DaskEngine(1, client=client))
        assert time.monotonic() - started < 30
    assert summary.stopped == ("the local Dask cluster: the Dask cluster has had no worker for 1 s; "
                               "run the same command again to resume")
    assert (summary.converted, summary.failed, summary.left) == (0, 0, 19)


def test_a_dask_client_that_lost_its_scheduler_stops_the_run():
    """Once the client closed, every result failed and each input was sent again, alone, to the
    closed client, whose result was then waited on for ever."""
    from converter.engines import Item, Job

    class Closed:
        status = "closed"

        def submit(self, *args, **kwargs):
            return self

        def result(self, timeout=None):
            raise RuntimeError("the client is closed")
    engine = DaskEngine.__new__(DaskEngine)
    engine.client, engine.scheduler, engine.window = Closed(), "tcp://10.0.0.1:8786", 4
    with pytest.raises(BatchStopped, match="^tcp://10.0.0.1:8786: lost the Dask scheduler; run the same command"):
        list(engine.run(Job("json"), iter([[Item(0, "a.txt", b"x")]])))


def test_convert_batch_given_plain_paths_says_what_it_takes(tmp_path):
    with pytest.raises(TypeError, match=r"convert_batch takes the inputs find_inputs gives"):
        convert_batch([str(EXAMPLES / "000_9e0e0fb7cf4518a9.txt")], BatchOptions(out_dir=tmp_path / "out", jobs=1))


def test_the_command_keeps_dask_s_lost_worker_noise_off_stderr(archive, tmp_path, monkeypatch):
    """A cluster that lost its last worker stopped the run with the command's own line, after
    distributed had printed "Couldn't gather 1 keys" and an asyncio "Task exception was never
    retrieved" traceback. The command drops those two while it runs, and only those; the Python
    API's logging is not touched."""
    import logging

    from converter import cli
    from converter.batch import BatchSummary

    distributed = pytest.importorskip("distributed")
    shown = []

    class Shown(logging.Handler):
        def emit(self, record):
            shown.append(record.getMessage().splitlines()[0])

    def lose_the_last_worker(*args, **kwargs):
        client, loop = logging.getLogger("distributed.client"), logging.getLogger("asyncio")
        client.warning("Couldn't gather %s keys, rescheduling %s", 1, ("convert_chunk-1",))
        try:
            raise distributed.client.AllExit()
        except Exception as error:
            loop.error("Task exception was never retrieved\nfuture: <Task>", exc_info=error)
        client.warning("news of another kind")
        return BatchSummary(stopped="the Dask cluster has had no worker for 30 s")
    handler = Shown()
    loggers = [logging.getLogger(name) for name in ("distributed.client", "asyncio")]
    filters = [list(logger.filters) for logger in loggers]
    for logger in loggers:
        monkeypatch.setattr(logger, "handlers", [*logger.handlers, handler])
    monkeypatch.setattr(cli, "convert_batch", lose_the_last_worker)
    assert cli.main(["convert", str(archive), "--out-dir", str(tmp_path / "out"), "--engine", "dask", "-q"]) == 1
    assert shown == ["news of another kind"]
    assert [list(logger.filters) for logger in loggers] == filters  # scoped to the run
    lose_the_last_worker()  # as the Python API's own run: its logging is as it was
    assert shown[1:] == ["Couldn't gather 1 keys, rescheduling ('convert_chunk-1',)",
                         "Task exception was never retrieved", "news of another kind"]
