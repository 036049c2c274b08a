"""Run the pipeline over a corpus folder and write every output, resumably.

Per document: ``OUT/<doc id>.json`` (always) and ``OUT/<doc id>.tmx`` (bilingual only).
Per corpus, rebuilt from the per-document JSON: ``corpus.tmx``, ``pairs.jsonl``, the tables
and ``report.json`` (deterministic) plus ``timings.json`` (seconds per stage; varies by run).
A bad file is reported with its cause and the batch goes on.

A document whose input bytes and settings signature match its completion marker is not
processed again, and when no document changed the corpus files are not rebuilt either; so a
killed run resumes where it stopped and an unchanged rerun does no model work.
"""
from __future__ import annotations

import json
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.errors import DuiqiError
from pipeline.run.discover import Task, discover
from pipeline.run.executors import Executor, LocalExecutor
from pipeline.run.outcome import Outcome
from pipeline.run.report import build_report
from pipeline.run.state import RunState, input_hash
from pipeline.run.worker import DocumentJob, Work
from pipeline.settings import Settings
from pipeline.write.atomic import write_text_atomic
from pipeline.write.corpus import write_corpus_files
from pipeline.write.folder import OutputFolder, cause


@dataclass(slots=True)
class RunResult:
    out_dir: Path
    outcomes: list[Outcome]
    report: dict
    seconds: float
    processed: int = 0  # documents run through the pipeline; the rest were current
    timings: dict = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Checked:
    """A discovered document, and its outcome when its outputs are already current."""

    work: Work
    done: Outcome | None


def run_corpus(corpus: Path, out_dir: Path, settings: Settings = Settings(),
               progress: bool = True, executor: Executor | None = None) -> RunResult:
    """Process every new or changed document of ``corpus`` into ``out_dir``, then rebuild
    the corpus files when anything changed. Outputs do not depend on the executor.

    The folder is locked for the run (a second run on it is refused); a disk that fills or
    turns read-only is a named error (E058), and what was written before stays."""
    folder = OutputFolder(out_dir)
    with folder.lock():
        try:
            return _run(Path(corpus).resolve(), folder, settings, progress, executor)
        except OSError as exc:  # a corpus file or the timings: name the folder
            where = Path(exc.filename).parent if exc.filename else folder.root
            raise DuiqiError("E058", path=where, cause=cause(exc)) from exc


def _run(corpus: Path, folder: OutputFolder, settings: Settings, progress: bool,
         executor: Executor | None) -> RunResult:
    from tqdm import tqdm

    started = time.perf_counter()
    folder.sweep_temp_files()
    state = RunState(folder, settings.signature())
    checked = [_check(task, state) for task in discover(corpus, exclude=folder.root)]
    pending = [c.work for c in checked if c.done is None]
    job = DocumentJob(corpus, folder.root, settings)
    fresh = (executor or LocalExecutor()).map(job, pending)
    outcomes, stage_seconds = [], Counter()
    for item in tqdm(checked, desc="duiqi", unit="doc", disable=not progress):
        outcome = item.done or next(fresh)
        stage_seconds.update(outcome.timings)
        outcomes.append(outcome)

    corpus_started = time.perf_counter()
    report = _corpus_files(state, checked, outcomes)
    stage_seconds["corpus"] = time.perf_counter() - corpus_started
    seconds = time.perf_counter() - started
    timings = {"total_seconds": round(seconds, 3),
               "documents": {"processed": len(pending), "current": len(checked) - len(pending)},
               "stages": {k: round(v, 3) for k, v in sorted(stage_seconds.items())}}
    write_text_atomic(folder.timings, json.dumps(timings, indent=1) + "\n")
    return RunResult(folder.root, outcomes, report, seconds, len(pending), timings)


def _check(task: Task, state: RunState) -> Checked:
    digest = input_hash(task)
    return Checked(Work(task, digest), state.finished(task.doc_id, digest))


def _corpus_files(state: RunState, checked: list[Checked], outcomes: list[Outcome]) -> dict:
    """Rebuild the corpus files and the report unless the same documents, unchanged, made
    them last time and they are on disk as written; return the report."""
    folder = state.folder
    ok_ids = [o.doc_id for o in outcomes if o.status == "ok"]
    digest = state.corpus_digest([(c.work.task.doc_id, c.work.input_hash, o.status)
                                  for c, o in zip(checked, outcomes)])
    if state.corpus_current(digest):
        return json.loads(folder.report.read_text("utf-8"))
    write_corpus_files(folder.root, ok_ids, state.signature)
    report = build_report(outcomes, folder.root, ok_ids, state.signature)
    write_text_atomic(folder.report, json.dumps(report, ensure_ascii=False, indent=1) + "\n")
    state.save_corpus(digest, ok_ids)
    return report
