"""Executors: where the per-document work runs. They know nothing of stages (datatrove).

Every executor maps a ``DocumentJob`` over the pending work and yields the outcomes in the
order of the work, whatever finished first, so the outputs are the same for any executor and
any number of workers. At most ``window`` documents are in flight, so memory does not grow
with the corpus.

A document may run at most ``doc_timeout`` seconds: past it, the process running it is
killed and replaced, the document is reported failed (E056) and the batch goes on. A parser
caught in a loop cannot be stopped from inside, so the limit needs worker processes: with a
limit, even ``jobs=1`` runs its document in one.
"""
from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Protocol

from pipeline.errors import DuiqiError
from pipeline.run.outcome import Outcome
from pipeline.run.worker import DocumentJob, Work

BLAS_THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")
IN_FLIGHT_PER_WORKER = 4  # enough to keep a worker busy while the main process collects
# A People's Daily article takes well under a second; a 30,000-line book a few minutes.
DEFAULT_DOC_TIMEOUT = 600.0
PARENT_POLL_SECONDS = 0.5  # how soon a worker notices that its parent was killed
DASK_POLL_SECONDS = 0.5  # how often the scheduler is asked whether a document has started


def check_timeout(seconds: float | None) -> float | None:
    """``None`` (or 0) means no limit; anything else must be a positive number of seconds."""
    if seconds is None or seconds == 0:
        return None
    if not isinstance(seconds, (int, float)) or isinstance(seconds, bool) or not (
            0 < seconds < float("inf")):
        raise DuiqiError("E052", value=seconds)
    return float(seconds)


class Executor(Protocol):
    def map(self, job: DocumentJob, work: Iterable[Work]) -> Iterator[Outcome]: ...


Settle = Callable[[Work, object], Outcome]


def in_order(submit: Callable[[Work], object], work: Iterable[Work], window: int,
             settle: Settle) -> Iterator[Outcome]:
    """Submit work through ``submit`` (which returns a future) keeping at most ``window``
    futures pending; yield ``settle(item, future)`` in submission order."""
    pending: deque = deque()
    for item in work:
        pending.append((item, submit(item)))
        if len(pending) >= window:
            yield settle(*pending.popleft())
    while pending:
        yield settle(*pending.popleft())


def start_worker(threads: int, parent: int, job: DocumentJob) -> None:
    """Pool worker start-up: BLAS and the encoder use this worker's share of the cores, so
    that N workers do not each claim every core; the worker exits when its parent dies
    (``kill -9`` of ``duiqi run`` must not leave workers of a gigabyte each behind); and it
    loads its models before the clock of its first document starts."""
    for name in BLAS_THREAD_VARIABLES:  # read when numpy first loads, which is after this
        os.environ[name] = str(threads)
    from pipeline.align.encoders import THREADS_ENV

    os.environ[THREADS_ENV] = str(threads)
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()
    job.prepare()


def _exit_with_parent(parent: int) -> None:
    # Polling getppid is portable (prctl's parent-death signal is Linux only).
    while os.getppid() == parent:
        time.sleep(PARENT_POLL_SECONDS)
    os._exit(1)


@dataclass(frozen=True, slots=True)
class LocalExecutor:
    """This machine: in the calling process for one job without a time limit, else a pool
    of ``jobs`` processes.

    Workers are spawned, not forked: a fresh interpreter inherits no BLAS threads or locks
    from the parent, and loads its models once, on its first document. Each gets an equal
    share of the cores. A worker killed for the time limit is replaced by the pool (pebble).
    """

    jobs: int = 1
    doc_timeout: float | None = None  # seconds per document; None: no limit

    def __post_init__(self) -> None:
        if not isinstance(self.jobs, int) or self.jobs < 1:
            raise DuiqiError("E053", value=self.jobs)
        object.__setattr__(self, "doc_timeout", check_timeout(self.doc_timeout))

    def map(self, job: DocumentJob, work: Iterable[Work]) -> Iterator[Outcome]:
        work = list(work)
        if not work:
            return  # no pool, so an unchanged rerun loads no model
        if self.jobs <= 1 and self.doc_timeout is None:
            yield from map(job, work)
            return
        from pebble import ProcessExpired, ProcessPool

        def settle(item: Work, future) -> Outcome:
            try:
                return future.result()
            except FutureTimeout:
                return job.stopped(item, "E056", seconds=f"{self.doc_timeout:g}")
            except (ProcessExpired, BrokenProcessPool) as exc:  # killed, or out of memory
                return job.stopped(item, "E057", detail=str(exc))

        threads = max(1, len(os.sched_getaffinity(0)) // self.jobs)
        pool = ProcessPool(self.jobs, initializer=start_worker,
                           initargs=(threads, os.getpid(), job),
                           context=multiprocessing.get_context("spawn"))
        try:
            yield from in_order(
                lambda item: pool.schedule(job, (item,), timeout=self.doc_timeout), work,
                self.jobs * IN_FLIGHT_PER_WORKER, settle)
            pool.close()
        finally:
            pool.stop()  # on an error or an interrupt too: no worker outlives the run
            pool.join()


@dataclass(frozen=True, slots=True)
class DaskExecutor:
    """A Dask distributed cluster, by scheduler address (``tcp://host:8786``).

    Workers must see the corpus and the output folder at the same paths as this process
    (a shared file system) and have duiqi installed. With a time limit, one document per
    worker thread is in flight and its clock starts when a worker takes it; a worker running
    a document past the limit is restarted by its nanny. A worker lost with its document
    (KilledWorker) fails that document with E057, to be retried by the next run.
    """

    scheduler: str
    connect_timeout: float = 10.0  # seconds to reach the scheduler before giving up
    doc_timeout: float | None = None  # seconds per document; None: no limit

    def __post_init__(self) -> None:
        object.__setattr__(self, "doc_timeout", check_timeout(self.doc_timeout))

    def map(self, job: DocumentJob, work: Iterable[Work]) -> Iterator[Outcome]:
        work = list(work)
        if not work:
            return
        try:
            from distributed import Client

            from pipeline.run.dask_plugin import PrepareModels
        except ImportError as exc:
            raise DuiqiError("E031") from exc
        try:
            client = Client(self.scheduler, set_as_default=False,
                            timeout=self.connect_timeout)
        except (OSError, TimeoutError) as exc:
            raise DuiqiError("E032", address=self.scheduler, detail=exc) from exc
        with client:
            client.register_plugin(PrepareModels(job), name="duiqi-models")
            workers = max(1, sum(client.nthreads().values()))

            def collect(item: Work, future) -> Outcome:
                try:
                    return future.result()
                except Exception as exc:  # noqa: BLE001  KilledWorker, a lost connection
                    detail = f"{type(exc).__name__}: {exc}"[:300]
                    return job.stopped(item, "E057", detail=detail)

            if self.doc_timeout is None:
                yield from in_order(lambda item: client.submit(job, item, pure=False), work,
                                    workers * IN_FLIGHT_PER_WORKER, collect)
                return

            def settle(item: Work, future) -> Outcome:
                if self._finished_in_time(client, future):
                    return collect(item, future)
                self._stop(client, future)
                return job.stopped(item, "E056", seconds=f"{self.doc_timeout:g}")

            yield from in_order(lambda item: client.submit(job, item, pure=False), work,
                                workers, settle)

    def _finished_in_time(self, client, future) -> bool:
        """Wait for ``future``; its clock starts when a worker takes it (the scheduler's
        'processing'), so time in the queue or in a restarting worker does not count."""
        deadline = None
        while True:
            now = time.monotonic()
            if deadline is None and any(future.key in keys
                                        for keys in client.processing().values()):
                deadline = now + self.doc_timeout
            if deadline is not None and now >= deadline:
                return False
            wait = DASK_POLL_SECONDS if deadline is None else min(DASK_POLL_SECONDS,
                                                                 deadline - now)
            try:
                future.result(timeout=max(wait, 0.001))
                return True
            except (TimeoutError, FutureTimeout):
                continue
            except Exception:  # noqa: BLE001  finished, badly: ``collect`` reports it
                return True

    @staticmethod
    def _stop(client, future) -> None:
        """Cancel the document and restart the worker running it (a thread cannot be
        stopped, a process can)."""
        running = [worker for worker, keys in client.processing().items()
                   if future.key in keys]
        client.cancel(future, force=True)
        if running:
            client.restart_workers(running, raise_for_error=False)

