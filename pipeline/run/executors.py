"""Executors: where the per-document work runs. They know nothing of stages (datatrove).

Every executor maps a ``DocumentJob`` over the pending work and yields the outcomes in the
order of the work, whatever finished first, so the outputs are the same for any executor and
any number of workers. At most ``window`` documents are in flight, so memory does not grow
with the corpus.
"""
from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import Protocol

from pipeline.errors import DuiqiError
from pipeline.run.outcome import Outcome
from pipeline.run.worker import DocumentJob, Work

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


@dataclass(frozen=True, slots=True)
class LocalExecutor:
    """This machine: in the calling process for one job, else a pool of ``jobs`` processes.

    Workers are spawned, not forked: a fresh interpreter inherits no BLAS threads or locks
    from the parent, and loads its models once, on its first document.
    """

    jobs: int = 1

    def map(self, job: DocumentJob, work: Iterable[Work]) -> Iterator[Outcome]:
        if self.jobs <= 1:
            yield from map(job, work)
            return
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(self.jobs, mp_context=context) as pool:
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
