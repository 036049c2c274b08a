"""Batch runs over corpus folders: discovery, per-document work, corpus files, the report."""
from pipeline.run.batch import RunResult, run_corpus
from pipeline.run.discover import Task, discover

__all__ = ["RunResult", "Task", "discover", "run_corpus"]
