"""The work of one document, the same under every executor: ingest, process, write, mark.

``DocumentJob`` is a small picklable callable, so a process pool or a Dask cluster can run
it. It holds no model: the encoder (``timed_encoder``) and the spaCy pipelines are loaded
when a process meets its first document and cached for the life of the process, so each
worker loads them once and an unchanged rerun, which processes no document, loads none.
"""
from __future__ import annotations

import os
import time
import traceback
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pipeline.errors import RETRIED, DuiqiError, Errors, InputError
from pipeline.ingest import read_document, read_pair
from pipeline.run.discover import Task
from pipeline.run.outcome import Outcome
from pipeline.run.state import RunState
from pipeline.settings import Settings
from pipeline.write.corpus import write_document
from pipeline.write.folder import NAME_MAX, OutputFolder, cause
from pipeline.write.json_doc import document_to_json, validate

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


WARM_UP = ("今年粮食产量增加百分之十。工厂已经完成计划。",
           "Grain output rose by 10% this year. The factory has fulfilled its plan.")


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
        doc_id = work.task.doc_id
        outcome, outputs = process_task(work.task, self.root, self.out_dir, self.settings)
        if outcome.retry:
            return outcome  # no marker: the next run tries again
        try:
            RunState(OutputFolder(self.out_dir), self.settings.signature()).mark(
                doc_id, work.input_hash, outcome, outputs)
        except OSError as exc:
            return environment_failure(doc_id, exc, self.out_dir, outcome.timings)
        return outcome

    def prepare(self) -> None:
        """Load this process's models with a two-sentence document, before its first real
        one, so that a time limit counts a document's own work, not the models' loading.
        A failure here is left for the first document to report, with its name."""
        from pipeline.ingest.plain import parse_pair
        from pipeline.stages import process

        try:
            doc = parse_pair(*WARM_UP, "warm-up", "warm-up.zh", "warm-up.en", "zh", "en", False)
            process(doc, self.settings, timed_encoder(self.settings.align.encoder))
        except Exception:  # noqa: BLE001 (reported by the first document)
            return

    def stopped(self, work: Work, code: str, **details: str) -> Outcome:
        """The outcome of a document whose worker was stopped from outside (time limit,
        killed): retried by the next run, and its earlier outputs and marker kept."""
        message = getattr(Errors, code).format(path=work.task.doc_id, **details)
        return Outcome(work.task.doc_id, "failed", error_code=code, error=message, retry=True)


def environment_failure(doc_id: str, exc: OSError, out_dir: Path,
                        timings: dict[str, float]) -> Outcome:
    """No space, a read-only or unreadable folder, an I/O error: the machine's fault."""
    where = Path(exc.filename).parent if exc.filename else Path(out_dir)
    return Outcome(doc_id, "failed", error_code="E058", timings=timings, retry=True,
                   error=Errors.E058.format(path=f"{doc_id} (in {where})", cause=cause(exc)))


def process_task(task: Task, root: Path, out_dir: Path,
                 settings: Settings) -> tuple[Outcome, dict[str, str]]:
    """Ingest, process and write one document; never raises for a bad input file or a
    failing disk. Returns the outcome and the hashes of the outputs written.

    A document failed by its input loses the outputs of earlier runs, so that the output
    folder never holds a document the report calls failed. A failure of the machine keeps
    them: nothing already written is lost, and the next run redoes the document.
    """
    from pipeline.stages import process  # spaCy takes seconds to import: only when needed

    timings: dict[str, float] = {}
    folder = OutputFolder(out_dir)
    try:
        check_name(task, folder)
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
        outputs = write_document(record, out_dir)
        timings["write"] = time.perf_counter() - started
        return Outcome(task.doc_id, "ok", doc.format, issues=record["issues"],
                       timings=timings), outputs
    except DuiqiError as exc:
        outcome = Outcome(task.doc_id, "failed", error_code=exc.code, error=exc.message,
                          timings=timings, retry=exc.code in RETRIED)
    except OSError as exc:
        return environment_failure(task.doc_id, exc, out_dir, timings), {}
    except MemoryError:
        return Outcome(task.doc_id, "failed", error_code="E057", timings=timings, retry=True,
                       error=Errors.E057.format(path=task.doc_id, detail="out of memory")), {}
    except Exception as exc:  # a bug or an input we did not foresee: report it, go on
        where = traceback.extract_tb(exc.__traceback__)[-1]
        error = Errors.E999.format(path=task.doc_id, kind=type(exc).__name__,
                                   detail=_short(str(exc)),
                                   where=f"{Path(where.filename).name}:{where.lineno}")
        outcome = Outcome(task.doc_id, "failed", error_code="E999", error=error,
                          timings=timings)
    if not outcome.retry:
        try:
            folder.remove_outputs(task.doc_id)
        except OSError as exc:
            return environment_failure(task.doc_id, exc, out_dir, timings), {}
    return outcome, {}


def check_name(task: Task, folder: OutputFolder) -> None:
    """A file name that is not UTF-8, or too long to carry '.json', is a named failure."""
    for path in task.paths:
        try:
            os.fsencode(path.name).decode("utf-8")
        except UnicodeDecodeError:
            raise InputError("E051", path=task.doc_id) from None
    if not folder.name_fits(task.doc_id):
        raise InputError("E050", path=task.doc_id, limit=NAME_MAX)


def _short(text: str, limit: int = 300) -> str:
    return text if len(text) <= limit else text[:limit] + "…"
