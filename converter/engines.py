"""Engines run the conversion of many inputs: in this process, in local processes, or on Dask.

Every engine runs the same function, ``convert_chunk``, on chunks of inputs whose bytes travel with
them, and hands the outcomes back in input order; the main process alone writes files. So outputs
do not depend on the engine or the number of jobs, and Dask workers need no shared file system.
"""
from __future__ import annotations

import gc
import logging
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager, suppress

import attrs

from .errors import BatchStopped, ConversionError, one_line
from .feeds import FeedPiece, feed_piece, jsonl_line
from .output import FORMATS, plain_to_json
from .pipeline import CheckedRelease, convert_bytes_checked, gunzip_input
from .reader import DEFAULT_MAX_BYTES
from .transform import STYLESHEETS

ENGINES = ("local", "dask")
SCHEDULER_TIMEOUT = 30  # seconds to reach a Dask scheduler, or to be without a worker, before the run fails
_DASK_POLL = 5  # seconds between looks at a Dask cluster while a task is waited for
WORKER_DIED = "the worker process died while converting this input (out of memory, or a crash)"
WORKERS_CANNOT_START = ("they die as they start. A script that calls convert_batch with jobs other than 1 "
                        "must make the call under 'if __name__ == \"__main__\":', since each worker "
                        "imports the script first; or pass jobs=1")


@attrs.frozen
class Job:
    """What to make of every input: a format written per release, or the pieces of a feed."""

    to: str = "json"
    feed: bool = False
    params: tuple[tuple[str, str], ...] = ()
    max_bytes: int = DEFAULT_MAX_BYTES
    timeout: float | None = None  # seconds one input may take (local engines; Dask tasks run in threads)


@attrs.frozen
class Item:
    """One input on its way to a worker: its position, its record name and its raw bytes."""

    index: int
    name: str
    data: bytes
    error: tuple[str, str] | None = None  # (message, kind) when it could not even be read


@attrs.frozen
class Outcome:
    """What became of one input: one payload per release, or the error that stopped it."""

    index: int
    payloads: tuple = ()
    warnings: int = 0
    error: str | None = None
    line: int | None = None
    kind: str | None = None

    @property
    def failed(self) -> bool:
        return self.error is not None


def convert_item(job: Job, item: Item) -> Outcome:
    """Convert one input; any failure, even a bug, becomes the input's Outcome, never an exception."""
    if item.error is not None:
        return Outcome(item.index, error=item.error[0], kind=item.error[1])
    try:
        with _time_limit(job.timeout):
            data = gunzip_input(item.data, item.name, job.max_bytes) if item.name.endswith(".gz") else item.data
            releases = convert_bytes_checked(data, item.name, max_bytes=job.max_bytes)
            payloads = tuple(_serialize(job, checked) for checked in releases)
    except _TimeLimit:
        return Outcome(item.index, error=f"took over {job.timeout:g} s to convert; gave up (--timeout)",
                       kind="TimeoutError")
    except ConversionError as error:
        return Outcome(item.index, error=error.message, line=error.line, kind=type(error).__name__)
    except Exception as error:  # a bug in one input's conversion must not stop the batch
        return Outcome(item.index, error=f"internal error: {type(error).__name__}: {error}", kind="InternalError")
    return Outcome(item.index, payloads, sum(len(checked.release.warnings) for checked in releases))


class _TimeLimit(BaseException):
    """Raised by the alarm inside a conversion; a BaseException, so no ``except Exception`` eats it."""


@contextmanager
def _time_limit(seconds: float | None):
    """An alarm after ``seconds``, where signals can be had: a process's main thread, on POSIX."""
    usable = seconds and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def expire(signum, frame):
        raise _TimeLimit()

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def convert_chunk(job: Job, items: list[Item]) -> list[Outcome]:
    return [convert_item(job, item) for item in items]


def _serialize(job: Job, checked: CheckedRelease) -> bytes | FeedPiece:
    if job.feed:
        return feed_piece(checked, job.to, dict(job.params))
    if job.to == "json":
        return plain_to_json([checked.plain])  # to_json, without walking the record again
    if job.to == "jsonl":
        return jsonl_line(checked.plain)
    serialize = FORMATS[job.to][1]
    return serialize([checked.release], dict(job.params)) if job.to in STYLESHEETS else serialize([checked.release])


class InProcessEngine:
    """``--jobs 1``: no pool, no pickling; the reference the other engines must match."""

    def run(self, job: Job, chunks: Iterable[list[Item]]) -> Iterator[list[Outcome]]:
        for chunk in chunks:
            yield convert_chunk(job, chunk)

    def close(self, *, abort: bool = False) -> None:
        pass


class ProcessEngine:
    """``--jobs N``: N local worker processes, at most ``4 * N`` chunks in flight (bounded memory)."""

    def __init__(self, jobs: int):
        self.jobs = jobs
        self._pool: ProcessPoolExecutor | None = None

    def _executor(self) -> ProcessPoolExecutor:
        if self._pool is None:
            context = _context()
            _start_server_deaf_to_ctrl_c(context)
            self._pool = ProcessPoolExecutor(self.jobs, mp_context=context, initializer=_watch_parent,
                                             initargs=(os.getpid(),))
        return self._pool

    def _restart(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
        self._pool = None

    def _submit(self, function, *args) -> Future:
        # A submit may start a worker; Ctrl-C in the middle of that left a worker the pool did not
        # know of, which close(abort=True) could not end: it waits until the submit is done.
        with _ctrl_c_deferred():
            return self._executor().submit(function, *args)

    def run(self, job: Job, chunks: Iterable[list[Item]]) -> Iterator[list[Outcome]]:
        submit = lambda chunk: self._submit(convert_chunk, job, chunk)  # noqa: E731
        pending = _Window(submit, iter(chunks), 4 * self.jobs)
        for chunk, future in pending:
            try:
                yield future.result()
            except BrokenProcessPool:
                # A worker died (killed, out of memory, a crash in C): find the input that did it by
                # running the chunks in flight one input at a time, then go on as before.
                self._restart()
                self._check_workers_start()
                for suspect in [chunk, *pending.drain()]:
                    yield [self._alone(job, item) for item in suspect]

    def _check_workers_start(self) -> None:
        """A worker that is given nothing to convert dies too: none can start, and blaming each
        input in turn would fail the whole batch one input at a time."""
        try:
            self._submit(os.getpid).result()
        except BrokenProcessPool:
            self._restart()
            raise BatchStopped(WORKERS_CANNOT_START, "the worker processes") from None

    def _alone(self, job: Job, item: Item) -> Outcome:
        try:
            return self._submit(convert_item, job, item).result()
        except BrokenProcessPool:
            self._restart()
            return Outcome(item.index, error=WORKER_DIED, kind="WorkerDied")

    def close(self, *, abort: bool = False) -> None:
        """Wait for the workers to finish, or with ``abort`` (Ctrl-C, a run that stopped) end them
        at once: their work is lost anyway, since only this process writes outputs. Waiting on a
        worker that was still starting as the command exited left it unable to find the pool's
        semaphores, and it printed a FileNotFoundError traceback."""
        pool, self._pool = self._pool, None
        if pool is None:
            return
        if not abort:
            pool.shutdown(wait=True, cancel_futures=True)
            return
        # What Python 3.14's ProcessPoolExecutor.terminate_workers() does, for 3.11 to 3.13.
        workers = list((getattr(pool, "_processes", None) or {}).values())
        results = getattr(pool, "_result_queue", None)  # shutdown lets go of these two
        manager = getattr(pool, "_executor_manager_thread", None)
        pool.shutdown(wait=False, cancel_futures=True)
        for worker in workers:
            with suppress(ProcessLookupError, ValueError):
                worker.terminate()
        for worker in workers:
            with suppress(ValueError):
                worker.join(timeout=5)
                if worker.is_alive():
                    worker.kill()
                    worker.join(timeout=5)
        # A worker ended halfway through handing back a result leaves the pool's thread waiting for
        # the rest, and the interpreter waits for that thread at exit. Only the end of the pipe ends
        # the wait: this process holds the last copy of its writing end (nothing here writes to it).
        with suppress(AttributeError, OSError):
            results._writer.close()
        # Python 3.11's exit wakes that thread through a pipe the thread closes as it ends: both at
        # once printed "Bad file descriptor". It ends now, before this returns.
        if manager is not None:
            manager.join(timeout=10)


class DaskEngine:
    """``--engine dask``: the chunks run as tasks on a Dask cluster (``scheduler`` is its address);
    without an address, on a local cluster of ``jobs`` worker processes started for the run."""

    def __init__(self, jobs: int, scheduler: str | None = None, processes: bool = True, client=None):
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise ConversionError("--engine dask needs Dask: pip install 'prconvert[dask]'", "dask") from None
        self._own_cluster, self.client, self._own_client = None, client, client is None
        self.scheduler = scheduler
        try:
            if client is None and scheduler:
                self.client = _client_of(scheduler)
            elif client is None:
                # Its workers log nothing below CRITICAL: tasks cancelled and heartbeats cut when a run
                # stops early are not news, and a failed input is reported by this process.
                # They ignore Ctrl-C (dask_setup, below: each printed pages of tracebacks); this
                # process takes it once the cluster has started, and closes the cluster.
                with _ctrl_c_deferred(), _dask_workers_forked_deaf_to_ctrl_c():
                    self._own_cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=processes,
                                                     dashboard_address=None, silence_logs=logging.CRITICAL,
                                                     scheduler_kwargs={"dashboard_address": ":0"},  # its HTTP server: any free port, not 8787
                                                     preload=[__name__] if processes else [])
                self.client = Client(self._own_cluster)
            if scheduler and not self.client.nthreads():
                _wait_for_a_worker(self.client, scheduler)
            self.window = 4 * max(1, sum(self.client.nthreads().values()))
            _check_workers(self.client)
        except BaseException:
            self.close()
            raise

    def run(self, job: Job, chunks: Iterable[list[Item]]) -> Iterator[list[Outcome]]:
        submit = lambda chunk: self.client.submit(convert_chunk, job, chunk, pure=False)  # noqa: E731
        for chunk, future in _Window(submit, iter(chunks), self.window):
            try:
                yield self._result(future)
            except BatchStopped:
                raise
            except Exception:  # the worker died more often than Dask retries a task, or the client closed
                self._check_client()
                yield [self._alone(job, item) for item in chunk]

    def _alone(self, job: Job, item: Item) -> Outcome:
        """One input of a chunk that killed its workers, as a task of its own: the input that kills
        them fails alone."""
        try:
            return self._result(self.client.submit(convert_item, job, item, pure=False))
        except BatchStopped:
            raise
        except Exception as error:
            self._check_client()
            return Outcome(item.index, error=f"{WORKER_DIED} ({type(error).__name__})", kind="WorkerDied")

    @property
    def _where(self) -> str:
        return self.scheduler or "the local Dask cluster"

    def _check_client(self) -> None:
        if self.client.status not in ("running", "connecting"):
            raise BatchStopped("lost the Dask scheduler; run the same command again to resume", self._where)

    def _result(self, future):
        """The future's result. Dask holds a task for ever when the cluster has lost its last worker
        or the client its scheduler: the run stops after SCHEDULER_TIMEOUT seconds of either."""
        alone_since = None
        while True:
            try:
                return future.result(timeout=_DASK_POLL)
            except TimeoutError:
                pass
            self._check_client()
            try:
                workers = self.client.nthreads()
            except Exception:  # noqa: BLE001 - the scheduler does not answer: no worker for this run
                workers = {}
            if workers:
                alone_since = None
            elif alone_since is None:
                alone_since = time.monotonic()
            elif time.monotonic() - alone_since >= SCHEDULER_TIMEOUT:
                raise BatchStopped(f"the Dask cluster has had no worker for {SCHEDULER_TIMEOUT} s; run the same "
                                   "command again to resume", self._where)

    def close(self, *, abort: bool = False) -> None:
        if self._own_client and self.client is not None:
            self.client.close()
        if self._own_cluster is not None:
            self._own_cluster.close()


@contextmanager
def dask_noise_kept_off_stderr():
    """For the command's run: what distributed prints when the cluster loses the worker holding a
    result ("Couldn't gather 1 keys", then an asyncio "Task exception was never retrieved" traceback)
    is dropped, since this engine tells what came of it (the task run again, or the run stopped).
    Scoped: the filters go when the block ends, and the Python API never sets them."""
    noise = _DaskNoise()
    loggers = [logging.getLogger(name) for name in _DaskNoise.LOGGERS]
    for logger in loggers:
        logger.addFilter(noise)
    try:
        yield
    finally:
        gc.collect()  # a gather task dropped with the client tells its exception when collected: inside the filters
        for logger in loggers:
            logger.removeFilter(noise)


class _DaskNoise(logging.Filter):
    """Passes every record but distributed's lost-result noise (``dask_noise_kept_off_stderr``)."""

    LOGGERS = ("distributed.client", "asyncio")

    def filter(self, record: logging.LogRecord) -> bool:
        if record.name == "distributed.client":
            return not str(record.msg).startswith("Couldn't gather")
        error = record.exc_info[1] if record.exc_info else None
        from_dask = error is not None and type(error).__module__.startswith("distributed")
        return not (from_dask and str(record.msg).startswith("Task exception was never retrieved"))


def _client_of(scheduler: str):
    """A client of the scheduler at ``scheduler``, or a ConversionError within SCHEDULER_TIMEOUT
    seconds or so. Dask's own timeout covers an address where nothing listens; one where something
    else listens (the dashboard's port, another service) it waited on for ever, so the client is
    made in a thread of its own, given up on after the timeout (the thread is left to the exit)."""
    from distributed import Client

    made: dict = {}

    def connect() -> None:
        try:
            made["client"] = Client(scheduler, timeout=SCHEDULER_TIMEOUT)
        except Exception as error:  # noqa: BLE001 - told in the main thread
            made["error"] = error
    waiting = threading.Thread(target=connect, name="prconvert-dask-connect", daemon=True)
    waiting.start()
    waited = SCHEDULER_TIMEOUT + 5  # Dask's own timeout, when it works, tells more
    waiting.join(waited)
    if "client" in made:
        return made["client"]
    if "error" in made:
        error = made["error"]
        raise ConversionError(f"cannot reach the Dask scheduler: {one_line(str(error)) or type(error).__name__}",
                              scheduler) from None
    raise ConversionError(f"no Dask scheduler answered in {waited} s (something else listens there? "
                          "a scheduler's address is tcp://HOST:8786 by default; 8787 is its dashboard)", scheduler)


def _wait_for_a_worker(client, scheduler: str) -> None:
    """A scheduler with no worker would hold the tasks for ever, the command saying nothing."""
    try:
        client.wait_for_workers(1, timeout=SCHEDULER_TIMEOUT)
    except (TimeoutError, OSError):
        raise ConversionError(f"the Dask scheduler has no workers (waited {SCHEDULER_TIMEOUT} s); start some with "
                              f"dask worker {scheduler}", scheduler) from None


def _check_workers(client) -> None:
    """Workers must run this prconvert, or the same inputs would not give the same outputs."""
    from . import __version__

    found = client.run(_worker_version)
    other = {address: version for address, version in found.items() if version != __version__}
    if other:
        address, version = next(iter(other.items()))
        raise ConversionError(f"Dask worker {address} runs prconvert {version}, this is {__version__}", "dask")


def _worker_version() -> str:
    try:
        from converter import __version__
    except ImportError:
        return "none (not installed)"
    return __version__


class _Window:
    """Iterate (chunk, future) in submission order, keeping ``size`` futures in flight."""

    def __init__(self, submit: Callable[[list[Item]], Future], chunks: Iterator[list[Item]], size: int):
        self.submit, self.chunks, self.size = submit, chunks, size
        self.pending: deque = deque()

    def __iter__(self):
        while True:
            while len(self.pending) < self.size and (chunk := next(self.chunks, None)) is not None:
                self.pending.append((chunk, self.submit(chunk)))
            if not self.pending:
                return
            yield self.pending.popleft()

    def drain(self) -> list[list[Item]]:
        """Take the chunks in flight back (their futures are dropped), oldest first."""
        chunks = [chunk for chunk, _ in self.pending]
        self.pending.clear()
        return chunks


def _start_server_deaf_to_ctrl_c(context) -> None:
    """Start the fork server with Ctrl-C ignored, so that it and the workers it forks inherit that.
    Ctrl-C reaches every process of the terminal's group: a worker or a server still importing
    prconvert printed a KeyboardInterrupt traceback of its own. This process handles Ctrl-C: it
    stops the workers (``close``) and removes its temporary files."""
    if context.get_start_method() != "forkserver":
        return
    from multiprocessing import forkserver

    with _sigint_handled_by(signal.SIG_IGN):
        forkserver.ensure_running()  # a no-op once it runs


@contextmanager
def _sigint_handled_by(handler):
    """SIGINT goes to ``handler`` inside the block. Only the main thread can set it, and a handler
    set outside Python (``getsignal`` gives None) could not be put back: both are left as they are."""
    if threading.current_thread() is not threading.main_thread() or signal.getsignal(signal.SIGINT) is None:
        yield
        return
    previous = signal.signal(signal.SIGINT, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


@contextmanager
def _ctrl_c_deferred():
    """Hold a Ctrl-C that comes inside the block until the block is done (main thread only)."""
    caught: list[int] = []
    try:
        with _sigint_handled_by(lambda signum, frame: caught.append(signum)):
            yield
    finally:
        if caught:
            signal.raise_signal(signal.SIGINT)  # now handled as it would have been


@contextmanager
def _dask_workers_forked_deaf_to_ctrl_c():
    """Workers started in the block are forked from the fork server that ignores Ctrl-C, so they
    ignore it from their first instruction: spawned, a worker still starting printed a traceback."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        yield
        return
    import dask

    _start_server_deaf_to_ctrl_c(_context())
    with dask.config.set({"distributed.worker.multiprocessing-method": "forkserver"}):
        yield


def dask_setup(worker) -> None:
    """Run by each worker of a local Dask cluster as it starts (Dask's preload hook): Ctrl-C is
    the command's to handle, which closes the cluster."""
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, signal.SIG_IGN)


def _watch_parent(parent: int) -> None:
    """A worker ends when the command that started it is gone (killed with -9, say), instead of
    waiting forever to hand back a result nobody will read. It leaves Ctrl-C to that command."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    def watch() -> None:
        while True:
            time.sleep(1)
            try:
                os.kill(parent, 0)
            except ProcessLookupError:
                os._exit(1)
            except PermissionError:
                pass

    threading.Thread(target=watch, name="prconvert-parent-watch", daemon=True).start()


def _context():
    """Workers start from a clean server process, not a fork of a threaded parent (tqdm, the pool)."""
    methods = multiprocessing.get_all_start_methods()
    if "forkserver" in methods:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["converter.engines"])
        return context
    return multiprocessing.get_context("spawn")


def make_engine(engine: str = "local", jobs: int | None = None, scheduler: str | None = None):
    """The engine for ``--engine`` and ``--jobs`` (``None`` or 0: all cores)."""
    jobs = jobs or os.cpu_count() or 1
    if engine == "dask":
        return DaskEngine(jobs, scheduler)
    if engine != "local":
        raise ValueError(f"unknown engine {engine!r}; expected one of {', '.join(ENGINES)}")
    return InProcessEngine() if jobs == 1 else ProcessEngine(jobs)
