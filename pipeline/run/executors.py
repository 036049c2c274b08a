"""Executors: where the per-document work runs. They know nothing of stages (datatrove).

Every executor maps a ``DocumentJob`` over the pending work and yields the outcomes in the
order of the work, whatever finished first, so the outputs are the same for any executor and
any number of workers. At most ``window`` documents are in flight, so memory does not grow
with the corpus.
"""
from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import Protocol

from pipeline.errors import DuiqiError
from pipeline.run.outcome import Outcome
from pipeline.run.worker import DocumentJob, Work

BLAS_THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")
IN_FLIGHT_PER_WORKER = 4  # enough to keep a worker busy while the main process collects


class Executor(Protocol):
    def map(self, job: DocumentJob, work: Iterable[Work]) -> Iterator[Outcome]: ...


def in_order(submit: Callable[[Work], object], work: Iterable[Work],
             window: int) -> Iterator[Outcome]:
    """Submit work through ``submit`` (which returns a future) keeping at most ``window``
    futures pending; yield their results in submission order."""
    pending: deque = deque()
    for item in work:
        pending.append(submit(item))
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def share_cores(threads: int) -> None:
    """Pool worker start-up: BLAS and the encoder use this worker's share of the cores, so
    that N workers do not each claim every core and slow one another down."""
    for name in BLAS_THREAD_VARIABLES:  # read when numpy first loads, which is after this
        os.environ[name] = str(threads)
    from pipeline.align.encoders import THREADS_ENV

    os.environ[THREADS_ENV] = str(threads)


@dataclass(frozen=True, slots=True)
class LocalExecutor:
    """This machine: in the calling process for one job, else a pool of ``jobs`` processes.

    Workers are spawned, not forked: a fresh interpreter inherits no BLAS threads or locks
    from the parent, and loads its models once, on its first document. Each gets an equal
    share of the cores.
    """

    jobs: int = 1

    def map(self, job: DocumentJob, work: Iterable[Work]) -> Iterator[Outcome]:
        if self.jobs <= 1:
            yield from map(job, work)
            return
        context = multiprocessing.get_context("spawn")
        threads = max(1, len(os.sched_getaffinity(0)) // self.jobs)
        with ProcessPoolExecutor(self.jobs, mp_context=context, initializer=share_cores,
                                 initargs=(threads,)) as pool:
            yield from in_order(lambda item: pool.submit(job, item), work,
                                self.jobs * IN_FLIGHT_PER_WORKER)


@dataclass(frozen=True, slots=True)
class DaskExecutor:
    """A Dask distributed cluster, by scheduler address (``tcp://host:8786``).

    Workers must see the corpus and the output folder at the same paths as this process
    (a shared file system) and have duiqi installed.
    """

    scheduler: str
    connect_timeout: float = 10.0  # seconds to reach the scheduler before giving up

    def map(self, job: DocumentJob, work: Iterable[Work]) -> Iterator[Outcome]:
        try:
            from distributed import Client
        except ImportError as exc:
            raise DuiqiError("E031") from exc
        try:
            client = Client(self.scheduler, set_as_default=False,
                            timeout=self.connect_timeout)
        except (OSError, TimeoutError) as exc:
            raise DuiqiError("E032", address=self.scheduler, detail=exc) from exc
        with client:
            workers = max(1, sum(client.nthreads().values()))
            yield from in_order(lambda item: client.submit(job, item, pure=False), work,
                                workers * IN_FLIGHT_PER_WORKER)
