"""Dataset exports of a finished run: Hugging Face JSON lines, Parquet, Moses, TMX.

Exports read the per-document JSON of the output folder and never rerun the pipeline. The
review journal, when there is one, is replayed over each record first, so reviewed beads
are exported as reviewed. Everything streams: one document in memory at a time.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pipeline.errors import InputError
from pipeline.write.atomic import atomic_open
from pipeline.write.corpus import pair_rows, read_records
from pipeline.write.folder import OutputFolder

FORMATS = ("hf", "parquet", "moses", "tmx")
LANGS = ("zh", "en")  # the two columns of every export
DEFAULT_DEST = {"hf": "export/pairs.jsonl", "parquet": "export/pairs.parquet",
                "moses": "export/pairs", "tmx": "export/pairs.tmx"}  # under the output folder
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
# Line breaks of any kind would shift a Moses file against its twin.
LINE_BREAK_RE = re.compile(r"[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]+")
PARQUET_BATCH = 10_000  # rows per row group: bounded memory, reasonable scan speed


@dataclass(frozen=True, slots=True)
class ExportFilter:
    """Which beads are exported. Dates are ISO prefixes (1955, 1955-12, 1955-12-31) and
    inclusive; with a date bound, documents without a date are left out."""

    min_score: float = 0.0
    drop_flagged: bool = False  # a flagged bead that a reviewer confirmed is kept
    date_from: str | None = None
    date_to: str | None = None

    def __post_init__(self) -> None:
        for value in (self.date_from, self.date_to):
            if value is not None and not DATE_RE.match(value):
                raise InputError("E034", value=value)

    def keeps_document(self, record: dict) -> bool:
        if not record["bilingual"]:
            return False
        date = record["meta"].get("date") or ""
        if (self.date_from or self.date_to) and not DATE_RE.match(date):
            return False
        if self.date_from and date < self.date_from:
            return False
        return not (self.date_to and date[:len(self.date_to)] > self.date_to)

    def keeps_row(self, row: dict) -> bool:
        if row["score"] < self.min_score:
            return False
        return not (self.drop_flagged and row["flags"] and not row["reviewed"])


@dataclass(frozen=True, slots=True)
class ExportResult:
    paths: tuple[Path, ...]
    documents: int  # documents that gave at least one pair
    pairs: int


def export(out_dir: Path, fmt: str, dest: Path | None = None,
           filters: ExportFilter = ExportFilter()) -> ExportResult:
    """Write the aligned pairs of the finished run in ``out_dir`` as ``fmt`` to ``dest``
    (for moses, a prefix: ``dest.zh`` and ``dest.en``)."""
    if fmt not in FORMATS:
        raise InputError("E033", fmt=fmt, formats=", ".join(FORMATS))
    out_dir = Path(out_dir)
    dest = out_dir / DEFAULT_DEST[fmt] if dest is None else Path(dest)
    counter = _Counter()
    records = counter.records(_reviewed_records(out_dir, filters), filters)
    if fmt == "tmx":
        paths = _write_tmx(records, dest, filters, _signature(out_dir))
    else:
        rows = (row for record in records for row in pair_rows(record) if filters.keeps_row(row))
        paths = {"hf": _write_hf, "parquet": _write_parquet, "moses": _write_moses}[fmt](rows, dest)
    return ExportResult(paths, counter.documents, counter.pairs)


class _Counter:
    """Counts the documents and pairs that pass the filters as records stream by."""

    def __init__(self) -> None:
        self.documents = self.pairs = 0

    def records(self, records: Iterator[dict], filters: ExportFilter) -> Iterator[dict]:
        for record in records:
            kept = sum(1 for row in pair_rows(record) if filters.keeps_row(row))
            self.documents += kept > 0
            self.pairs += kept
            yield record


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
            item = {"translation": {lang: row[lang] for lang in LANGS},
                    **{k: v for k, v in row.items() if k not in LANGS}}
            handle.write((json.dumps(item, ensure_ascii=False) + "\n").encode("utf-8"))
    return (dest,)


def _write_parquet(rows: Iterator[dict], dest: Path) -> tuple[Path, ...]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([("zh", pa.string()), ("en", pa.string()), ("doc_id", pa.string()),
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


def _write_moses(rows: Iterator[dict], dest: Path) -> tuple[Path, ...]:
    """``dest.zh`` and ``dest.en``: line n of one translates line n of the other."""
    paths = tuple(dest.with_name(f"{dest.name}.{lang}") for lang in LANGS)
    with atomic_open(paths[0]) as zh, atomic_open(paths[1]) as en:
        for row in rows:
            for handle, lang in ((zh, "zh"), (en, "en")):
                handle.write((LINE_BREAK_RE.sub(" ", row[lang]).strip() + "\n").encode("utf-8"))
    return paths


def _write_tmx(records: Iterator[dict], dest: Path, filters: ExportFilter,
               signature: str) -> tuple[Path, ...]:
    from pipeline.write.tmx import write_tmx

    with atomic_open(dest) as handle:
        write_tmx(handle, records, signature, min_score=filters.min_score,
                  drop_flagged=filters.drop_flagged)
    return (dest,)
