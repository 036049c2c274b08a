"""Dataset exports of a finished run: Hugging Face JSON lines, Parquet, Moses, TMX, and the
facts table.

Exports read the per-document JSON of the output folder and never rerun the pipeline. The
review journal, when there is one, is replayed over each record first, so reviewed beads
are exported as reviewed. Everything streams: one document in memory at a time (with
``dedupe``, plus a 20-byte digest per pair kept). Every format has the pair layout of
``pairs.jsonl``: ``translation: {zh, en}`` and the same metadata columns. The facts table
has the columns of ``facts.csv``; its filters apply to each fact's bead and flags.
"""
from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pipeline.errors import InputError
from pipeline.write.atomic import atomic_open
from pipeline.write.corpus import pair_rows, read_records
from pipeline.write.folder import OutputFolder

FORMATS = ("hf", "parquet", "moses", "tmx", "facts")
LANGS = ("zh", "en")  # the two columns of every export
DEFAULT_DEST = {"hf": "export/pairs.jsonl", "parquet": "export/pairs.parquet",
                "moses": "export/pairs", "tmx": "export/pairs.tmx",
                "facts": "export/facts"}  # under the output folder; moses, facts: prefixes
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
# A document's date: an ISO date or an ISO 8601 interval of two (a meeting's dates).
DOCUMENT_DATE_RE = re.compile(r"^(\d{4}(?:-\d{2}(?:-\d{2})?)?)(?:/(\d{4}(?:-\d{2}(?:-\d{2})?)?))?$")
# Line breaks of any kind would shift a Moses file against its twin.
LINE_BREAK_RE = re.compile(r"[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]+")
PARQUET_BATCH = 10_000  # rows per row group: bounded memory, reasonable scan speed


@dataclass(frozen=True, slots=True)
class ExportFilter:
    """Which beads are exported. Dates are ISO prefixes (1955, 1955-12, 1955-12-31) and
    inclusive; a document is kept when its date, or its interval of dates, overlaps them
    (at the precision of the coarser of the two); with a date bound, documents without a
    date are left out."""

    min_score: float = 0.0
    drop_flagged: bool = False  # a flagged bead that a reviewer confirmed is kept
    date_from: str | None = None
    date_to: str | None = None
    dedupe: bool = False  # keep the first of identical (zh, en) pairs across documents

    def __post_init__(self) -> None:
        for value in (self.date_from, self.date_to):
            if value is not None and not DATE_RE.match(value):
                raise InputError("E034", value=value)

    def keeps_document(self, record: dict) -> bool:
        return record["bilingual"] and self.keeps_date(record["meta"].get("date"))

    def keeps_date(self, date: str | None) -> bool:
        if not (self.date_from or self.date_to):
            return True
        match = DOCUMENT_DATE_RE.match(date or "")
        if match is None:
            return False
        first, last = match.group(1), match.group(2) or match.group(1)
        if self.date_from and _before(last, self.date_from):
            return False
        return not (self.date_to and _before(self.date_to, first))

    def keeps_row(self, row: dict) -> bool:
        if row["score"] < self.min_score:
            return False
        return not (self.drop_flagged and row["flags"] and not row["reviewed"])


def _before(earlier: str, later: str) -> bool:
    """``earlier`` ends before ``later`` starts: 1955-11 is before 1955-12-01, but
    1955-12 is not before 1955-12-02 (the month holds that day)."""
    size = min(len(earlier), len(later))
    return earlier[:size] < later[:size]


@dataclass(frozen=True, slots=True)
class ExportResult:
    paths: tuple[Path, ...]
    documents: int  # documents that gave at least one pair
    pairs: int


def export(out_dir: Path, fmt: str, dest: Path | None = None,
           filters: ExportFilter = ExportFilter(), mark_documents: bool = False) -> ExportResult:
    """Write the aligned pairs of the finished run in ``out_dir`` as ``fmt`` to ``dest``
    (for moses, a prefix: ``dest.zh`` and ``dest.en``; with ``mark_documents`` an empty
    line on both sides ends each document)."""
    if fmt not in FORMATS:
        raise InputError("E033", fmt=fmt, formats=", ".join(FORMATS))
    out_dir = Path(out_dir)
    dest = out_dir / DEFAULT_DEST[fmt] if dest is None else Path(dest)
    if fmt == "facts":
        return _export_facts(out_dir, dest, filters)
    counter = _Counter()
    records = counter.records(_kept_beads(_reviewed_records(out_dir, filters), filters))
    if fmt == "tmx":
        paths = _write_tmx(records, dest, _signature(out_dir))
    elif fmt == "moses":
        paths = _write_moses(records, dest, mark_documents)
    else:
        rows = (row for record in records for row in pair_rows(record))
        paths = {"hf": _write_hf, "parquet": _write_parquet}[fmt](rows, dest)
    return ExportResult(paths, counter.documents, counter.pairs)


def _export_facts(out_dir: Path, dest: Path, filters: ExportFilter) -> ExportResult:
    """The facts of every document in the dates (English-only records too), without the facts
    whose bead scores below ``min_score`` or that carry a flag (with ``drop_flagged``)."""
    from pipeline.write.tables import write_facts_table

    counts = {"documents": 0, "facts": 0}

    def records() -> Iterator[dict]:
        for record in read_records(out_dir, OutputFolder(out_dir).documents()):
            if not filters.keeps_date(record["meta"].get("date")):
                continue
            scores = {bead["id"]: bead["score"] for bead in record["beads"]}
            kept = [fact for fact in record.get("facts", [])
                    if scores.get(fact["bead"], 1.0) >= filters.min_score
                    and not (filters.drop_flagged and fact["flags"])]
            counts["documents"] += bool(kept)
            counts["facts"] += len(kept)
            yield {**record, "facts": kept}

    paths = write_facts_table(records(), dest)
    return ExportResult(paths, counts["documents"], counts["facts"])


class _Counter:
    """Counts the documents and pairs exported as records stream by."""

    def __init__(self) -> None:
        self.documents = self.pairs = 0

    def records(self, records: Iterator[dict]) -> Iterator[dict]:
        for record in records:
            self.documents += bool(record["beads"])
            self.pairs += len(record["beads"])
            yield record


def _kept_beads(records: Iterator[dict], filters: ExportFilter) -> Iterator[dict]:
    """Each record with only the beads to export: text on both sides, passing the score
    and flag filters and, with ``dedupe``, a pair not seen in an earlier document."""
    seen: set[bytes] = set()
    for record in records:
        kept, rows = [], {row["bead"]: row for row in pair_rows(record)}
        for bead in record["beads"]:
            row = rows.get(bead["id"])
            if row is None or not filters.keeps_row(row):
                continue
            if filters.dedupe:
                digest = _pair_digest(row["translation"])
                if digest in seen:
                    continue
                seen.add(digest)
            kept.append(bead)
        yield {**record, "beads": kept}


def _pair_digest(translation: dict) -> bytes:
    text = "\x00".join(translation[lang] for lang in sorted(translation))
    return hashlib.blake2b(text.encode("utf-8"), digest_size=20).digest()


def _reviewed_records(out_dir: Path, filters: ExportFilter) -> Iterator[dict]:
    """The run's bilingual documents that pass the filters, with review corrections."""
    from pipeline.review.journal import apply_corrections, read_journal

    reviewed = {entry["doc_id"] for entry in read_journal(out_dir)}
    for record in read_records(out_dir, OutputFolder(out_dir).documents()):
        if filters.keeps_document(record):
            yield apply_corrections(record, out_dir) if record["doc_id"] in reviewed else record


def _signature(out_dir: Path) -> str:
    return OutputFolder(out_dir).read_signature()


def _write_hf(rows: Iterator[dict], dest: Path) -> tuple[Path, ...]:
    """One JSON object a line, in the layout of Hugging Face translation datasets."""
    with atomic_open(dest) as handle:
        for row in rows:
            handle.write((json.dumps(row, ensure_ascii=False) + "\n").encode("utf-8"))
    return (dest,)


def _write_parquet(rows: Iterator[dict], dest: Path) -> tuple[Path, ...]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    translation = pa.struct([(lang, pa.string()) for lang in LANGS])
    schema = pa.schema([("translation", translation), ("doc_id", pa.string()),
                        ("date", pa.string()), ("bead", pa.int32()), ("score", pa.float64()),
                        ("flags", pa.list_(pa.string())), ("reviewed", pa.bool_())])
    with atomic_open(dest) as handle, pq.ParquetWriter(handle, schema) as writer:
        batch: list[dict] = []
        for row in rows:
            batch.append(row)
            if len(batch) == PARQUET_BATCH:
                writer.write_table(pa.Table.from_pylist(batch, schema))
                batch.clear()
        writer.write_table(pa.Table.from_pylist(batch, schema))
    return (dest,)


def _write_moses(records: Iterator[dict], dest: Path, mark_documents: bool) -> tuple[Path, ...]:
    """``dest.zh`` and ``dest.en``: line n of one translates line n of the other; with
    ``mark_documents``, an empty line on both sides after each document (the convention
    of document-level MT corpora)."""
    paths = tuple(dest.with_name(f"{dest.name}.{lang}") for lang in LANGS)
    with atomic_open(paths[0]) as zh, atomic_open(paths[1]) as en:
        for record in records:
            for row in pair_rows(record):
                for handle, lang in ((zh, "zh"), (en, "en")):
                    text = LINE_BREAK_RE.sub(" ", row["translation"][lang]).strip()
                    handle.write((text + "\n").encode("utf-8"))
            if mark_documents and record["beads"]:
                zh.write(b"\n")
                en.write(b"\n")
    return paths


def _write_tmx(records: Iterator[dict], dest: Path, signature: str) -> tuple[Path, ...]:
    from pipeline.write.tmx import write_tmx

    with atomic_open(dest) as handle:
        write_tmx(handle, records, signature)
    return (dest,)
