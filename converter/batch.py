"""Batch mode: run an engine over many inputs, write what comes back, report and summarize.

With an output folder every release gets a file (named by ``layout``), and an input whose outputs
exist is skipped, so running the same command again resumes. Without one the releases form one
feed. Outcomes are handled in input order, so outputs do not depend on the engine or on --jobs.
"""
from __future__ import annotations

import errno
import json
import os
import re
import stat
import sys
import time
from collections.abc import Iterable, Iterator
from contextlib import suppress
from pathlib import Path
from typing import BinaryIO

import attrs

from .engines import Item, Job, make_engine
from .errors import BatchStopped, ConversionError, one_line, reason
from .feeds import FEEDS, FeedWriter
from .layout import BatchInput, Missing, extension, release_paths, remove_temporaries
from .output import (TEMPORARY_NAME, file_target, hold, is_stream, refuse_to_replace, remove_temporaries_of,
                     temporary_beside, what_is_in_the_way, write_atomic)
from .pipeline import read_bounded
from .reader import DEFAULT_MAX_BYTES
from .transform import STYLESHEETS, check_params
from .transform import _now as conversion_time

CHUNK_INPUTS, CHUNK_BYTES = 16, 1 << 20  # inputs sent to a worker at once
# Under this many bytes to convert, a batch left to use all cores converts in this process:
# starting the worker processes (about 0.6 s here) costs more than they would save.
SMALL_BATCH_BYTES, SMALL_BATCH_INPUTS = 1 << 20, 1000
SKIP = "skip"
_NUMBERED = re.compile(r"\.[1-9]\d*$")  # an output stem that ends as a release number does: "x.1"
# Writes that no later input can get past: the output disk is full. (Any other error stops the
# batch when the output folder itself turns out unwritable: ``_FileSink.check_can_go_on``.)
_NO_ROOM = {errno.ENOSPC} | ({errno.EDQUOT} if hasattr(errno, "EDQUOT") else set())


@attrs.frozen
class Problem:
    """An input that failed: what the errors file and stderr say about it."""

    input: str
    reason: str
    line: int | None = None
    kind: str = "ConversionError"

    def __str__(self) -> str:
        return one_line(f"{self.input}{'' if self.line is None else f':{self.line}'}: {self.reason}")

    def to_json(self) -> str:
        fields = {"input": self.input, "reason": self.reason, "line": self.line, "error": self.kind}
        text = json.dumps(fields, ensure_ascii=False)
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:  # a file name that is no UTF-8 (os.fsdecode's surrogates):
            text = json.dumps(fields)  # escaped, "\udcff", which json.loads and os.fsencode undo
        return text


@attrs.define
class BatchSummary:
    converted: int = 0  # inputs
    releases: int = 0
    skipped: int = 0
    failed: int = 0
    warnings: int = 0
    seconds: float = 0.0
    problems: list[Problem] = attrs.field(factory=list, repr=False)
    stopped: str | None = None  # why the batch stopped before its last input, if it did
    left: int = 0  # the inputs it did not get to

    @property
    def rate(self) -> float:
        return self.releases / self.seconds if self.seconds > 0 else 0.0

    def __str__(self) -> str:
        releases = "1 release" if self.releases == 1 else f"{self.releases} releases"
        text = (f"{self.converted} converted ({releases}), {self.skipped} skipped, "
                f"{self.failed} failed, {self.warnings} warning{'' if self.warnings == 1 else 's'} in {self.seconds:.1f} s "
                f"({self.rate:.0f} releases/s)")
        if self.stopped:
            text += f"; stopped{f', {self.left} inputs not tried' if self.left else ''}: {self.stopped}"
        return text


@attrs.frozen
class BatchOptions:
    """Everything a batch run needs besides its inputs (the CLI's options, as data)."""

    to: str = "json"
    out_dir: Path | None = None  # one file per release; None: one feed (``to`` in FEEDS)
    output: Path | None = None  # the feed's file; None: the ``stream`` given to convert_batch
    params: dict[str, str] = attrs.field(factory=dict)
    jobs: int | None = None  # None or 0: all cores
    engine: str = "local"
    scheduler: str | None = None
    overwrite: bool = False
    errors: Path | None = None  # JSON Lines, one per failed input
    max_bytes: int = DEFAULT_MAX_BYTES
    timeout: float | None = None  # seconds one input may take before it fails (local engines)


# --- the run ----------------------------------------------------------------------------------

class Reporter:
    """What a run tells as it goes; this one tells nothing (the Python API's default)."""

    def start(self, total: int, done: int) -> None:
        pass

    def advance(self, count: int = 1) -> None:
        pass

    def problem(self, problem: Problem) -> None:
        pass

    def finish(self, summary: BatchSummary) -> None:
        pass


def convert_batch(inputs: list[BatchInput], options: BatchOptions, *, stream: BinaryIO | None = None,
                  reporter: Reporter | None = None, engine=None, missing: Iterable[Missing] = ()) -> BatchSummary:
    """Convert ``inputs``: a file per release below ``options.out_dir``, or one feed (``options.to``
    in FEEDS) to ``options.output`` or ``stream``. A failed input is a Problem, never an exception;
    a write no later input can get past stops the run (``summary.stopped`` says why)."""
    if any(not isinstance(item, BatchInput) for item in inputs):
        raise TypeError("convert_batch takes the inputs find_inputs gives (converter.find_inputs(paths)[0]), "
                        "not paths")
    if options.timeout is not None and options.engine != "local":
        raise ConversionError("works with the local engine only: Dask runs conversions in threads, "
                              "where no timer can stop one", "--timeout")
    if options.params and options.to in STYLESHEETS:
        check_params(options.to, options.params)  # once for the run, not once a release
    if options.errors and options.output and _same_file(options.errors, options.output):
        raise ConversionError("is given as both the feed (-o) and the errors file (--errors)", str(options.output))
    started = time.perf_counter()
    reporter, summary = reporter or Reporter(), BatchSummary()
    params = {"now": conversion_time()} | dict(options.params)  # one time for the whole run
    sink = _FileSink(options) if options.out_dir is not None else _FeedSink(options, params, stream)
    try:
        log = _open_errors_file(options.errors) if options.errors else None
    except BaseException as error:
        sink.close(ok=False)  # a feed's temporary file, the output folder's lock
        if isinstance(error, OSError):
            raise ConversionError(f"cannot write the errors file: {reason(error)}",
                                  str(options.errors)) from None
        raise

    def fail(problem: Problem) -> None:
        summary.failed += 1
        summary.problems.append(problem)
        reporter.problem(problem)
        if log is not None:
            try:
                log.write(problem.to_json() + "\n")  # a line at a time (line-buffered): an error shows here
            except OSError as error:
                raise BatchStopped(f"cannot write the errors file: {reason(error)}", str(options.errors))

    summary.left = len(inputs)
    try:
        try:
            for source in missing:
                fail(Problem(source.source, source.reason, kind="NoInput"))
            todo = []
            for index, (item, verdict) in enumerate(zip(inputs, sink.plan(inputs))):
                if verdict is None:
                    todo.append(index)
                    continue
                summary.left -= 1
                if verdict == SKIP:
                    summary.skipped += 1
                else:
                    fail(Problem(item.shown, verdict, kind="OutputNameTaken"))
            reporter.start(len(inputs), len(inputs) - len(todo))
            if todo:
                job = Job(options.to, options.out_dir is None, tuple(sorted(params.items())), options.max_bytes,
                          options.timeout)
                own = engine is None
                if own:
                    jobs = 1 if options.engine == "local" and not options.jobs and _small(inputs, todo) else options.jobs
                    engine = make_engine(options.engine, jobs, options.scheduler)
                try:
                    _run(engine, job, inputs, todo, sink, summary, fail, reporter)
                except BaseException:  # Ctrl-C, a closed stdout, a full disk: the workers' work is lost
                    if own:
                        engine.close(abort=True)
                    raise
                if own:
                    engine.close()
        except BatchStopped as stop:
            summary.stopped = str(stop)
        try:
            sink.close(ok=summary.stopped is None)
        except BatchStopped as stop:
            summary.stopped = str(stop)
    except BaseException:
        sink.close(ok=False)
        raise
    finally:
        if log is not None:
            try:
                log.close()
            except OSError:
                pass  # every line was flushed when written, or the run stopped saying why
        summary.seconds = time.perf_counter() - started
    reporter.finish(summary)
    return summary


def _open_errors_file(path: Path):
    """The errors file, emptied only once this run holds it: two runs given one errors file (into
    a folder neither has made yet) would write over each other's lines."""
    handle = os.open(path, os.O_WRONLY | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o666)
    try:
        if stat.S_ISREG(os.fstat(handle).st_mode):  # not /dev/stderr, a pipe: shared, as a terminal is
            if hold(handle) is False:
                raise ConversionError("another prconvert run is writing this errors file now; wait for it to end",
                                      str(path))
            os.ftruncate(handle, 0)
        return open(handle, "w", encoding="utf-8", buffering=1)  # a line at a time: an error shows there at once
    except BaseException:
        os.close(handle)
        raise


def _run(engine, job: Job, inputs, todo, sink, summary: BatchSummary, fail, reporter: Reporter) -> None:
    """Hand the outcomes, in input order, to the sink (or to ``fail``). A closed stdout
    (BrokenPipeError: the reader of a feed went away) ends the run; so does BatchStopped."""
    for outcomes in engine.run(job, _chunks(inputs, todo, job.max_bytes)):
        for outcome in outcomes:
            item = inputs[outcome.index]
            summary.left -= 1
            if outcome.failed:
                fail(Problem(item.shown, outcome.error, outcome.line, outcome.kind or "ConversionError"))
            else:
                try:
                    sink.write(item, outcome.payloads)
                except BrokenPipeError:
                    raise
                except BatchStopped:  # before this input's write: it was not tried
                    summary.left += 1
                    raise
                except (OSError, ConversionError) as error:
                    why = error.message if isinstance(error, ConversionError) else _write_failure(error)
                    fail(Problem(item.shown, why, kind="OutputError"))
                    sink.check_can_go_on(error)
                else:
                    summary.converted += 1
                    summary.releases += len(outcome.payloads)
                    summary.warnings += outcome.warnings
            reporter.advance()


def _write_failure(error: OSError) -> str:
    """Why an output was not written, naming its folder: the file that failed is a temporary
    (``.x.json.1a2b3c4d.part``), a name the user never gave."""
    where = ""
    if error.filename:
        name = os.fsdecode(error.filename)
        temporary = TEMPORARY_NAME.fullmatch(os.path.basename(name))
        where = f" in {os.path.dirname(name) or '.'}" if temporary else f" ({name})"  # else a folder to make
    return f"cannot write its output{where}: {reason(error)}"


def _small(inputs: list[BatchInput], todo: list[int]) -> bool:
    """Whether the inputs to convert hold under SMALL_BATCH_BYTES (as their files' sizes say)."""
    if len(todo) > SMALL_BATCH_INPUTS:
        return False
    total = 0
    for index in todo:
        try:
            total += os.stat(inputs[index].path).st_size
        except OSError:
            continue  # it fails when read, in its turn
        if total >= SMALL_BATCH_BYTES:
            return False
    return True


def _chunks(inputs: list[BatchInput], todo: list[int], max_bytes: int) -> Iterator[list[Item]]:
    """The inputs' bytes, read as the engine asks for them, a few inputs (or a megabyte) at a time."""
    chunk, size = [], 0
    for index in todo:
        item = _read_item(index, inputs[index], max_bytes)
        chunk.append(item)
        size += len(item.data)
        if len(chunk) >= CHUNK_INPUTS or size >= CHUNK_BYTES:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def _read_item(index: int, item: BatchInput, max_bytes: int) -> Item:
    try:
        return Item(index, item.name, read_bounded(item.path, max_bytes))
    except OSError as error:
        return Item(index, item.name, b"", (f"cannot read: {reason(error)}", "ReadError"))
    except ConversionError as error:
        return Item(index, item.name, b"", (error.message, type(error).__name__))


class _FileSink:
    """One file per release below the output folder; an input whose outputs exist is skipped."""

    def __init__(self, options: BatchOptions):
        self.out_dir, self.overwrite = Path(options.out_dir), options.overwrite
        self.extension = extension(options.to)
        self._lock: int | None = None
        self._filled: set[str] = set()  # folders holding this run's outputs (written or skipped): one a folder
        self._tried_lock = os.path.isdir(self.out_dir)  # os.path: False, not an error, where it cannot look
        if self._tried_lock:
            self._hold_folder()
            try:
                remove_temporaries(self.out_dir)
            except BaseException:
                self.close(ok=False)
                raise
        elif (blocking := what_is_in_the_way(self.out_dir)) is not None:  # the folder is made by the first write
            raise ConversionError(f"cannot make the output folder: {blocking}", str(self.out_dir))

    def _hold_folder(self) -> None:
        """One run at a time in a folder: a second would delete the first's temporary files as a
        killed run's, and convert the same inputs again. The lock goes with the process."""
        try:
            handle = os.open(self.out_dir, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        except OSError:
            return  # not a folder that can be opened (Windows): runs are not kept apart
        if hold(handle) is False:
            os.close(handle)
            raise ConversionError("another prconvert run is writing to this folder now; wait for it to end",
                                  str(self.out_dir))
        self._lock = handle

    def plan(self, inputs: list[BatchInput]) -> Iterator[str | None]:
        """For each input, None: convert it; SKIP: its outputs exist; else why it cannot be written.

        Two inputs' outputs can share a name only when their stems do, or when one stem is the
        other's plus a release number (x.txt's second release and x.2.txt's output are both x.2):
        the numbered one is refused whatever the order and however many releases x.txt holds, so
        every output has one owner and a file found on a rerun is always its own input's."""
        owners: dict[str, str] = {}  # output stem -> the first input that has it
        for item in inputs:
            owners.setdefault(item.stem, item.shown)
        for item in inputs:
            stem = item.stem
            owner = owners[stem]
            numbered = _NUMBERED.search(stem)
            if owner != item.shown:
                yield f"its output {stem}{self.extension} would also be that of {owner}"
            elif numbered and (bundle := owners.get(stem[:numbered.start()])) is not None:
                yield (f"its output {stem}{self.extension} would also be the name of release "
                       f"{numbered.group()[1:]} of {bundle} when that holds several; rename one of them")
            elif not self.overwrite and self._already_written(stem):
                yield SKIP
            else:
                yield None

    def check_can_go_on(self, error: Exception) -> None:
        """A full or read-only disk, or an output folder that cannot be made or written to (no
        permission, no such place), fails every later output too: stop rather than convert them all.
        An error of one file alone (its name, a subfolder) fails that input only."""
        if not isinstance(error, OSError):
            return
        self.stop_if_folder_gone()  # before _cannot_write_here, which would make it again
        if error.errno not in _NO_ROOM:
            error = self._cannot_write_here()
            if error is None:
                return
        raise BatchStopped(f"{reason(error)}; run the same command again once it can be written",
                           str(self.out_dir))

    def stop_if_folder_gone(self) -> None:
        """BatchStopped when the folder this run holds is no longer the one at its path (removed,
        or replaced by another): the outputs written so far went with it, and making it again
        would end the run saying all were converted. Asked when a write finds a folder missing,
        after a failed write and at the end, never per file."""
        if self._lock is None:
            return  # not held (Windows, or not yet made): nothing to compare
        held = os.fstat(self._lock)
        try:
            there = os.stat(self.out_dir)
        except (FileNotFoundError, NotADirectoryError):
            there = None
        except OSError:
            return  # cannot look: the failed write tells what it can
        if held.st_nlink == 0 or there is None or (there.st_dev, there.st_ino) != (held.st_dev, held.st_ino):
            raise BatchStopped("the output folder was removed during the run, and the outputs written to it "
                               "with it; run the same command again to write them", str(self.out_dir))

    def _folder_missing(self, folder: str) -> None:
        """A write found ``folder`` missing: BatchStopped when it held outputs of this run (removed
        during it, a subfolder as the output folder itself), else it is made for its first output."""
        self.stop_if_folder_gone()
        if folder in self._filled:
            raise BatchStopped("this folder was removed during the run, and the outputs in it with it; "
                               "run the same command again to write them", folder)

    def _cannot_write_here(self) -> OSError | None:
        """Why no file can be written in the output folder itself, if none can (asked after a failed
        write only, so a run that writes nothing leaves no folder behind unless a write got that far)."""
        try:
            os.makedirs(self.out_dir, exist_ok=True)
            handle, probe = temporary_beside(str(self.out_dir / "probe"))
            os.close(handle)
            os.unlink(probe)
        except OSError as error:
            return error
        return None

    def _already_written(self, stem: str) -> bool:
        """Whether an earlier run wrote the input's outputs: the file written last for an input is
        STEM.ext, or STEM.1.ext for several releases. Their folder then holds outputs of this run."""
        finished = [release_paths(self.out_dir, stem, self.extension, 1)[0],
                    release_paths(self.out_dir, stem, self.extension, 2)[0]]
        if not any(os.path.exists(path) for path in finished):
            return False
        self._filled.add(os.path.dirname(finished[0]))
        return True

    def write(self, item: BatchInput, payloads: tuple) -> None:
        if not self._tried_lock:  # the folder is made by this run's first write: held from then on
            self._tried_lock = True
            os.makedirs(self.out_dir, exist_ok=True)
            try:
                self._hold_folder()
            except ConversionError as error:  # another run made it since this one started
                raise BatchStopped(error.message, error.source) from None
        stem = item.stem
        paths = release_paths(self.out_dir, stem, self.extension, len(payloads))  # named for it alone (``plan``)
        # The first file last: it is the mark that the input is done, so a rerun skips it. A later
        # file found here was left by a run killed before the mark (the same bytes) or is the user's.
        for path, payload in reversed(list(zip(paths, payloads))):
            if not self.overwrite and os.path.exists(path):
                if _same_bytes(path, payload):
                    continue
                raise ConversionError(f"{path} exists and is not this input's output; not overwriting it "
                                      "(use --overwrite)", str(item.shown))
            write_atomic(path, payload, overwrite=True, before_making_folder=self._folder_missing)
        self._filled.add(os.path.dirname(paths[0]))

    def close(self, ok: bool) -> None:
        """Let the folder go; a run that went well first checks that its outputs are still there
        (a folder replaced during the run took no failed write to notice)."""
        if self._lock is None:
            return
        try:
            if ok:
                self.stop_if_folder_gone()
        finally:
            os.close(self._lock)
            self._lock = None


def _same_file(one: Path, other: Path) -> bool:
    try:
        return os.path.samefile(one, other)
    except OSError:  # one is not there yet
        return os.path.abspath(one) == os.path.abspath(other)


def _same_bytes(path: str, payload: bytes) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(len(payload) + 1) == payload
    except OSError:
        return False


class _FeedSink:
    """One feed to a file (written under a temporary name, then renamed) or to a stream."""

    def __init__(self, options: BatchOptions, params: dict[str, str], stream: BinaryIO | None):
        if options.to not in FEEDS:
            raise ConversionError(f"--to {options.to} writes a file per release: give --out-dir "
                                  f"(one stream takes {', '.join(sorted(FEEDS))})", options.to)
        self.target, self._temporary, self._own_stream, self._held = options.output, None, False, None
        if self.target is not None and is_stream(self.target):  # -o /dev/stdout, a named pipe: as stdout
            try:
                stream = open(self.target, "ab")  # noqa: SIM115 - closed by close(); "a": /dev/stdout >> log
            except OSError as error:
                raise ConversionError(f"cannot write the feed: {reason(error)}", str(self.target)) from None
            self._own_stream = True
        elif self.target is not None:
            if os.path.isdir(self.target):
                raise ConversionError("is a folder; -o names the feed's file (--out-dir: a file per release)",
                                      str(self.target))
            refuse_to_replace(self.target, options.overwrite)
            if (blocking := what_is_in_the_way(self.target.parent)) is not None:
                raise ConversionError(f"cannot write the feed: {blocking}", str(self.target))
            if not os.path.isdir(self.target.parent):  # a mistyped path is told, not made
                raise ConversionError(f"cannot write the feed: no folder {self.target.parent}", str(self.target))
            self._file = Path(file_target(self.target))  # a link's file is replaced, the link kept
            try:
                handle, name = temporary_beside(str(self._file))
            except OSError as error:
                raise ConversionError(f"cannot write the feed: {reason(error)}", str(self.target)) from None
            self._held = hold(handle)  # kept while it is written: another run leaves it be (remove_temporaries_of)
            try:
                remove_temporaries_of(self._file, keep=name)  # a killed run's: a feed starts again whole
            except BaseException:
                os.close(handle)
                os.unlink(name)
                raise
            self._temporary = Path(name)
            stream = os.fdopen(handle, "wb")
        self.stream = stream if stream is not None else sys.stdout.buffer
        self.writer = FeedWriter(options.to, self.stream, params)

    def plan(self, inputs: list[BatchInput]) -> Iterator[str | None]:
        return (None for _ in inputs)

    def write(self, item: BatchInput, payloads: tuple) -> None:
        for piece in payloads:
            self.writer.add(piece)

    def check_can_go_on(self, error: Exception) -> None:
        """A feed is one file: once a write to it failed, what follows would not be the feed."""
        where = str(self.target) if self.target is not None else (
            "stdout" if self.stream is sys.stdout.buffer else "the feed's stream")
        raise BatchStopped(f"cannot write the feed: {reason(error)}"
                           + ("; nothing was written" if self._temporary is not None else ""), where)

    def close(self, ok: bool) -> None:
        """Finish the feed (``ok``) or give it up; a feed's file is renamed into place only whole."""
        try:
            if ok:
                self.writer.close()  # Atom entries and the last buffered lines are written here
            if self._own_stream:
                self.stream.close()
            elif self._temporary is not None and ok:
                self.stream.flush()
                if not self._held:  # no locks here: closed before it is renamed, as Windows asks
                    self.stream.close()
        except BrokenPipeError:
            ok = False
            raise
        except OSError as error:
            if ok:  # finishing the feed failed: the run stops, saying so
                ok = False
                self.check_can_go_on(error)
            # giving the feed up (an interrupt, a stop): its file goes below, whatever its last write did
        finally:
            if self._temporary is not None:
                if ok:
                    os.replace(self._temporary, self._file)  # held until here: no other run's clean-up takes it
                    with suppress(OSError):
                        self.stream.close()  # flushed above
                else:
                    try:
                        self.stream.close()  # does nothing when closed; else drops what is buffered
                    except OSError:
                        pass  # the file is removed all the same
                    self._temporary.unlink(missing_ok=True)


class ConsoleReporter(Reporter):
    """On stderr: a progress bar when it is a terminal (tqdm), a line per failed input, a summary."""

    def __init__(self, quiet: bool = False, stream=None):
        self.quiet, self.stream, self.bar = quiet, stream or sys.stderr, None

    def start(self, total: int, done: int) -> None:
        if not self.quiet and self.stream.isatty():
            from tqdm import tqdm

            self.bar = tqdm(total=total, initial=done, unit="input", file=self.stream, dynamic_ncols=True,
                            leave=False, smoothing=0.1)

    def advance(self, count: int = 1) -> None:
        if self.bar is not None:
            self.bar.update(count)

    def problem(self, problem: Problem) -> None:
        if self.bar is not None:
            self.bar.write(f"prconvert: {problem}", file=self.stream)
        else:
            print(f"prconvert: {problem}", file=self.stream, flush=True)

    def finish(self, summary: BatchSummary) -> None:
        self.close()
        if not self.quiet:
            print(f"prconvert: {summary}", file=self.stream, flush=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None
