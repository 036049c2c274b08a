"""Run the pipeline over a corpus folder and write every output.

Per document: ``OUT/<doc id>.json`` (always) and ``OUT/<doc id>.tmx`` (bilingual only).
Per corpus, rebuilt from the per-document JSON: ``corpus.tmx``, ``pairs.jsonl``, the tables
and ``report.json`` (deterministic) plus ``timings.json`` (seconds per stage; varies by run).
A bad file is reported with its cause and the batch goes on.
"""
from __future__ import annotations

import json
import time
import traceback
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.errors import DuiqiError
from pipeline.ingest import read_document, read_pair
from pipeline.run.discover import Task, discover
from pipeline.run.report import build_report
from pipeline.settings import Settings
from pipeline.stages import process
from pipeline.write.atomic import write_bytes_atomic, write_text_atomic
from pipeline.write.corpus import output_path, write_corpus_files
from pipeline.write.json_doc import document_to_json, dumps, validate
from pipeline.write.tmx import tmx_bytes


@dataclass(slots=True)
class Outcome:
    """What happened to one document: enough for the report, without the document."""

    doc_id: str
    status: str  # ok | failed
    format: str | None = None
    error_code: str | None = None
    error: str | None = None
    issues: list[dict] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)


@dataclass(slots=True)
class RunResult:
    out_dir: Path
    outcomes: list[Outcome]
    report: dict
    seconds: float


def process_task(task: Task, root: Path, out_dir: Path, settings: Settings,
                 encoder=None) -> Outcome:
    """Ingest, process and write one document; never raises for a bad input file."""
    timings: dict[str, float] = {}
    try:
        started = time.perf_counter()
        if len(task.paths) == 2:
            doc = read_pair(task.paths[0], task.paths[1], task.doc_id)
        else:
            doc = read_document(task.paths[0], root)
        timings["ingest"] = time.perf_counter() - started
        doc = process(doc, settings, encoder, timings)
        started = time.perf_counter()
        record = document_to_json(doc, settings)
        validate(record)
        write_document(record, out_dir)
        timings["write"] = time.perf_counter() - started
        return Outcome(task.doc_id, "ok", doc.format, issues=record["issues"], timings=timings)
    except DuiqiError as exc:
        return Outcome(task.doc_id, "failed", error_code=exc.code, error=exc.message,
                       timings=timings)
    except Exception as exc:  # a bug or an input we did not foresee: report it, go on
        where = traceback.extract_tb(exc.__traceback__)[-1]
        return Outcome(task.doc_id, "failed", error_code="E999",
                       error=f"{task.doc_id}: unexpected {type(exc).__name__}: {exc} "
                             f"(at {Path(where.filename).name}:{where.lineno})",
                       timings=timings)


def write_document(record: dict, out_dir: Path) -> None:
    """The JSON, then the TMX of a bilingual document; each written atomically."""
    if record["bilingual"]:
        data, removed = tmx_bytes([record], record["signature"])
        if removed:
            record["issues"].append({"code": "W003", "severity": "warning",
                                     "message": f"{removed} characters that XML forbids were "
                                                f"removed from the TMX"})
        write_bytes_atomic(output_path(out_dir, record["doc_id"], ".tmx"), data)
    write_text_atomic(output_path(out_dir, record["doc_id"], ".json"), dumps(record))


def run_corpus(corpus: Path, out_dir: Path, settings: Settings = Settings(),
               progress: bool = True) -> RunResult:
    from tqdm import tqdm

    started = time.perf_counter()
    corpus, out_dir = Path(corpus), Path(out_dir)
    tasks = discover(corpus)
    outcomes = [process_task(task, corpus.resolve(), out_dir, settings)
                for task in tqdm(tasks, desc="duiqi", unit="doc", disable=not progress)]
    corpus_started = time.perf_counter()
    ok_ids = [o.doc_id for o in outcomes if o.status == "ok"]
    write_corpus_files(out_dir, ok_ids, settings.signature())
    report = build_report(outcomes, out_dir, ok_ids, settings.signature())
    write_text_atomic(out_dir / "report.json", json.dumps(report, ensure_ascii=False, indent=1) + "\n")
    stage_seconds = Counter()
    for outcome in outcomes:
        stage_seconds.update(outcome.timings)
    stage_seconds["corpus"] = time.perf_counter() - corpus_started
    seconds = time.perf_counter() - started
    timings = {"total_seconds": round(seconds, 3),
               "stages": {k: round(v, 3) for k, v in sorted(stage_seconds.items())}}
    write_text_atomic(out_dir / "timings.json", json.dumps(timings, indent=1) + "\n")
    return RunResult(out_dir, outcomes, report, seconds)
