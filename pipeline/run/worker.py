"""The work of one document, the same under every executor: ingest, process, write, mark.

``DocumentJob`` is a small picklable callable, so a process pool or a Dask cluster can run
it. It holds no model: the encoder (``timed_encoder``) and the spaCy pipelines are loaded
when a process meets its first document and cached for the life of the process, so each
worker loads them once and an unchanged rerun, which processes no document, loads none.
"""
from __future__ import annotations

import time
import traceback
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pipeline.errors import DuiqiError, Errors
from pipeline.ingest import read_document, read_pair
from pipeline.run.discover import Task
from pipeline.run.outcome import Outcome
from pipeline.run.state import RunState
from pipeline.settings import Settings
from pipeline.write.corpus import remove_outputs, write_document
from pipeline.write.json_doc import document_to_json, validate

OUTPUT_SUFFIXES = (".json", ".tmx")


class TimedEncoder:
    """An encoder that adds up its seconds, for the encoder's share of the run's time."""

    def __init__(self, encoder) -> None:
        self.encoder, self.name, self.seconds = encoder, encoder.name, 0.0

    def encode(self, texts: list[str]):
        started = time.perf_counter()
        try:
            return self.encoder.encode(texts)
        finally:
            self.seconds += time.perf_counter() - started

    def __getattr__(self, name: str):  # anything else the aligner asks of the encoder
        return getattr(self.encoder, name)


@lru_cache(maxsize=None)
def timed_encoder(name: str) -> TimedEncoder:
    """This process's encoder, loaded when its first document is processed."""
    from pipeline.align import load_encoder

    return TimedEncoder(load_encoder(name))


@dataclass(frozen=True, slots=True)
class Work:
    """A document to (re)process, with the hash of its inputs when they could be read."""

    task: Task
    input_hash: str | None


@dataclass(frozen=True, slots=True)
class DocumentJob:
    """Process one document and leave its completion marker; what every executor runs."""

    root: Path
    out_dir: Path
    settings: Settings

    def __call__(self, work: Work) -> Outcome:
        outcome = process_task(work.task, self.root, self.out_dir, self.settings)
        RunState(self.out_dir, self.settings.signature()).mark(work.task.doc_id,
                                                              work.input_hash, outcome)
        return outcome


def process_task(task: Task, root: Path, out_dir: Path, settings: Settings) -> Outcome:
    """Ingest, process and write one document; never raises for a bad input file.

    A failed document loses the outputs of earlier runs, so that the output folder never
    holds a document the report calls failed.
    """
    from pipeline.stages import process  # spaCy takes seconds to import: only when needed

    timings: dict[str, float] = {}
    try:
        started = time.perf_counter()
        if len(task.paths) == 2:
            doc = read_pair(task.paths[0], task.paths[1], task.doc_id,
                            presplit=settings.pairs.presplit)
        else:
            doc = read_document(task.paths[0], root)
        timings["ingest"] = time.perf_counter() - started
        started = time.perf_counter()
        encoder = timed_encoder(settings.align.encoder)
        timings["load"] = time.perf_counter() - started  # once per process, then nothing
        encoded_before = encoder.seconds
        doc = process(doc, settings, encoder, timings)
        timings["encode"] = encoder.seconds - encoded_before  # a part of "align"
        started = time.perf_counter()
        record = document_to_json(doc, settings)
        validate(record)
        write_document(record, out_dir)
        timings["write"] = time.perf_counter() - started
        return Outcome(task.doc_id, "ok", doc.format, issues=record["issues"], timings=timings)
    except DuiqiError as exc:
        outcome = Outcome(task.doc_id, "failed", error_code=exc.code, error=exc.message,
                          timings=timings)
    except Exception as exc:  # a bug or an input we did not foresee: report it, go on
        where = traceback.extract_tb(exc.__traceback__)[-1]
        error = Errors.E999.format(path=task.doc_id, kind=type(exc).__name__, detail=exc,
                                   where=f"{Path(where.filename).name}:{where.lineno}")
        outcome = Outcome(task.doc_id, "failed", error_code="E999", error=error,
                          timings=timings)
    remove_outputs(out_dir, task.doc_id, OUTPUT_SUFFIXES)
    return outcome
