"""Batch runs over corpus folders: discovery, per-document work, executors, resume, report."""
from pipeline.run.batch import RunResult, run_corpus
from pipeline.run.discover import Task, discover
from pipeline.run.executors import DaskExecutor, Executor, LocalExecutor

__all__ = ["DaskExecutor", "Executor", "LocalExecutor", "RunResult", "Task", "discover",
           "run_corpus"]
