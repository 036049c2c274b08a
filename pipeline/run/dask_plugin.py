"""A Dask worker plugin that loads the models when a worker starts (and restarts)."""
from __future__ import annotations

from distributed.diagnostics.plugin import WorkerPlugin

from pipeline.run.worker import DocumentJob


class PrepareModels(WorkerPlugin):
    """Every worker, a restarted one too, loads its models before it takes a document, so
    that the time limit counts a document's own work."""

    def __init__(self, job: DocumentJob) -> None:
        self.job = job

    def setup(self, worker) -> None:
        self.job.prepare()
