"""What the report shows, read from an output folder in one pass over its document JSON.

``report.json`` gives the run's counts and failures, ``timings.json`` the seconds per stage,
and the per-document JSON the bead scores, flags, months and facts. One record is in memory
at a time, so a whole newspaper fits.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.errors import InputError
from pipeline.report.facts import Fact, document_facts
from pipeline.settings import AlignSettings
from pipeline.write.folder import OutputFolder

UNDATED = "undated"


@dataclass(slots=True)
class DocumentLine:
    """A document of the worst-documents table."""

    doc_id: str
    date: str | None
    title_zh: str | None
    title_en: str | None
    beads: int
    worst_bead: int | None
    worst_score: float | None
    flags: int


@dataclass(slots=True)
class CorpusView:
    out_dir: Path
    report: dict
    timings: dict | None
    flag_threshold: float
    scores: list[float] = field(default_factory=list)
    flags: Counter = field(default_factory=Counter)
    unaligned_by_month: Counter = field(default_factory=Counter)
    mismatches_by_month: Counter = field(default_factory=Counter)
    documents_by_month: Counter = field(default_factory=Counter)
    documents: list[DocumentLine] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)

    @property
    def months(self) -> list[str]:
        """Every month with a document, in order; undated documents last."""
        return sorted(self.documents_by_month, key=lambda m: (m == UNDATED, m))


def read_corpus(out_dir: Path) -> CorpusView:
    """Everything the report needs from ``out_dir``; raises ``InputError`` (E030, E054, E060)
    when the folder holds no finished run or one of its files cannot be read."""
    folder = OutputFolder(Path(out_dir))
    doc_ids = folder.documents()
    timings = folder.read_json(folder.timings) if folder.timings.exists() else None
    view = CorpusView(folder.root, folder.read_json(folder.report), timings,
                      AlignSettings.Confidence().flag_threshold)
    for doc_id in doc_ids:
        path = folder.output(doc_id, ".json")
        record = folder.read_json(path)
        try:
            _add(view, record)
        except (KeyError, TypeError, ValueError) as exc:
            raise InputError("E060", path=path, detail=f"not a duiqi document: {exc!r}") from exc
    view.documents.sort(key=lambda d: (d.worst_score is None, d.worst_score or 0.0, -d.flags,
                                       d.doc_id))
    return view


def _add(view: CorpusView, record: dict) -> None:
    meta = record["meta"]
    month = (meta.get("date") or "")[:7] or UNDATED
    view.documents_by_month[month] += 1
    view.flag_threshold = record["settings"]["align"].get("confidence", {}).get(
        "flag_threshold", view.flag_threshold)
    view.facts.extend(document_facts(record))
    view.mismatches_by_month[month] += record["stats"].get("numbers", {}).get("mismatch", 0)
    beads = record["beads"]
    if not beads:
        return
    worst = min(beads, key=lambda b: (b["score"], b["id"]))
    for bead in beads:
        view.scores.append(bead["score"])
        view.flags.update(bead["flags"])
        if not bead["src"] or not bead["tgt"]:
            view.unaligned_by_month[month] += len(bead["src"]) + len(bead["tgt"])
    view.documents.append(DocumentLine(
        record["doc_id"], meta.get("date"), meta.get("title_zh"), meta.get("title_en"),
        len(beads), worst["id"], worst["score"], sum(len(b["flags"]) for b in beads)))
