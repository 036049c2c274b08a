"""Corpus tables for analysts, written with pandas: entities, targets (one row per mention
of a fact), facts (one row per fact, both languages side by side; CSV and Parquet) and
the glossary (CSV).

Built from the per-document JSON records, so they can be rebuilt without re-running the
pipeline, and streamed: one record in memory at a time, rows written in batches, so the
whole newspaper fits. Rows follow the records' order (the batch runner gives them sorted by
document id; a list is sorted here) and are sorted within a document; columns are fixed, so
an empty corpus still gets headers. Every file is written atomically: same records, same
bytes.
"""
from __future__ import annotations

import calendar
import io
from collections.abc import Iterable
from contextlib import ExitStack
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.link import corpus_glossary
from pipeline.write.atomic import atomic_open

TEXT, NUMBER, INTEGER = pa.string(), pa.float64(), pa.int64()
ENTITY_COLUMNS = {"doc_id": TEXT, "date": TEXT, "lang": TEXT, "text": TEXT, "label": TEXT,
                  "sentence": INTEGER, "start": INTEGER, "end": INTEGER}
TARGET_COLUMNS = {"doc_id": TEXT, "date": TEXT, "lang": TEXT, "fact": TEXT,
                  "indicator": TEXT, "value": NUMBER, "high": NUMBER, "unit": TEXT,
                  "kind": TEXT, "comparator": TEXT, "status": TEXT, "time": TEXT,
                  "time_iso": TEXT, "time_text": TEXT, "text": TEXT, "sentence": INTEGER, "start": INTEGER,
                  "end": INTEGER}
# One row per fact, both languages side by side (targets.csv has one row per mention).
FACT_COLUMNS = {"doc_id": TEXT, "date": TEXT, "fact": TEXT, "bead": INTEGER, "value": NUMBER,
                "high": NUMBER, "unit": TEXT, "kind": TEXT, "comparator": TEXT,
                "status": TEXT, "time": TEXT, "indicator_zh": TEXT, "indicator_en": TEXT,
                "text_zh": TEXT, "text_en": TEXT, "sentence_zh": INTEGER,
                "sentence_en": INTEGER, "start_zh": INTEGER, "start_en": INTEGER,
                "flags": TEXT, "decided": TEXT}
GLOSSARY_COLUMNS = ["zh", "en", "label", "count", "confidence", "documents", "doc_ids"]
ROW_ORDER = {"entities": ("lang", "start", "end", "label", "text"),
             "targets": ("lang", "start", "end", "indicator", "value"),
             "facts": ("fact",)}
BATCH_ROWS = 10_000  # rows per Parquet row group: small enough for memory, big enough to scan


class TableWriter:
    """One table written as CSV and Parquet side by side, a batch of rows at a time."""

    def __init__(self, stack: ExitStack, out_dir: Path, name: str, columns: dict) -> None:
        self.columns = columns
        self.schema = pa.schema(list(columns.items()))
        self.text = io.TextIOWrapper(stack.enter_context(atomic_open(out_dir / f"{name}.csv")),
                                     encoding="utf-8", newline="")
        stack.callback(self.text.detach)  # the atomic handle closes the file, not the wrapper
        stack.callback(self.text.flush)
        self.text.write(",".join(columns) + "\n")
        self.parquet = pq.ParquetWriter(
            stack.enter_context(atomic_open(out_dir / f"{name}.parquet")), self.schema)
        stack.callback(self.flush_and_close)
        self.rows: list[dict] = []

    def add(self, rows: list[dict]) -> None:
        self.rows.extend(rows)
        if len(self.rows) >= BATCH_ROWS:
            self.flush()

    def flush(self) -> None:
        """One batch as a pandas frame: appended to the CSV, one Parquet row group."""
        if self.rows:
            frame = pd.DataFrame(self.rows, columns=list(self.columns))
            for name, kind in self.columns.items():
                if kind == INTEGER:  # nullable: a fact without an English side has no sentence
                    frame[name] = frame[name].astype("Int64")
            frame.to_csv(self.text, header=False, index=False, lineterminator="\n")
            self.parquet.write_table(pa.Table.from_pandas(frame, schema=self.schema,
                                                          preserve_index=False))
        self.rows = []

    def flush_and_close(self) -> None:
        self.flush()
        self.parquet.close()  # no rows: a valid file with the schema and no row groups


def write_tables(records: Iterable[dict], out_dir: Path) -> None:
    """One pass over ``records``; only the entity pairs are kept for the glossary."""
    out_dir = Path(out_dir)
    if isinstance(records, list):
        records = sorted(records, key=lambda record: record["doc_id"])
    pairs: list[tuple[str, list[dict]]] = []
    with ExitStack() as stack:
        writers = {"entities": TableWriter(stack, out_dir, "entities", ENTITY_COLUMNS),
                   "targets": TableWriter(stack, out_dir, "targets", TARGET_COLUMNS),
                   "facts": TableWriter(stack, out_dir, "facts", FACT_COLUMNS)}
        for record in records:
            for key, writer in writers.items():
                writer.add(_rows(record, key, writer.columns))
            pairs.append((record["doc_id"], record.get("entity_pairs", [])))
    _write_glossary(glossary_rows(pairs), out_dir)


def write_facts_table(records: Iterable[dict], dest: Path) -> tuple[Path, ...]:
    """The facts table alone, as ``dest.csv`` and ``dest.parquet`` (``duiqi export``)."""
    dest = Path(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    with ExitStack() as stack:
        writer = TableWriter(stack, dest.parent, dest.name, FACT_COLUMNS)
        for record in records:
            writer.add(_rows(record, "facts", FACT_COLUMNS))
    return dest.with_name(dest.name + ".csv"), dest.with_name(dest.name + ".parquet")


def _rows(record: dict, key: str, columns: dict) -> list[dict]:
    base = {"doc_id": record["doc_id"], "date": (record.get("meta") or {}).get("date")}
    items = ROW_READERS[key](record) if key in ROW_READERS else record.get(key, [])
    rows = [{column: {**base, **item}.get(column) for column in columns} for item in items]
    return sorted(rows, key=lambda row: tuple(_sortable(row[c]) for c in ROW_ORDER[key]))


def _target_rows(record: dict) -> list[dict]:
    """Mentions as the annotation guideline's CSV has them: ``time`` a phrase of the row's
    language ("October 1953", 1953年10月), ``time_iso`` the same as YYYY-MM."""
    return [{**target, "time": time_phrase(target["time"], target["lang"]),
             "time_iso": target["time"]} for target in record.get("targets", [])]


def time_phrase(iso: str | None, lang: str) -> str | None:
    """``1953-10`` as 1953年10月 or "October 1953"; a year stays as it is."""
    if not iso or len(iso) < 7:
        return iso
    year, month = int(iso[:4]), int(iso[5:7])
    return f"{year}年{month}月" if lang == "zh" else f"{calendar.month_name[month]} {year}"


def _fact_rows(record: dict) -> list[dict]:
    """A fact with the text and place of its Chinese and English mentions."""
    targets = record.get("targets", [])
    rows = []
    for fact in record.get("facts", []):
        row = {**fact, "fact": fact["id"], "flags": ";".join(fact["flags"]),
               "decided": ";".join(fact["decided"])}
        for lang in ("zh", "en"):
            mention = targets[fact[lang]] if fact[lang] is not None else {}
            row |= {f"text_{lang}": mention.get("text"), f"sentence_{lang}": mention.get("sentence"),
                    f"start_{lang}": mention.get("start")}
        rows.append(row)
    return rows


# Tables whose rows are not the record's items as they are.
ROW_READERS = {"facts": _fact_rows, "targets": _target_rows}


def _sortable(value) -> tuple:
    return (value is None, value if value is not None else 0)


def glossary_rows(pairs: list[tuple[str, list[dict]]]) -> list[list]:
    """The corpus glossary from ``(doc_id, entity pairs)``, with the documents of each pair."""
    found_in: dict[tuple[str, str, str], set[str]] = {}
    for doc_id, doc_pairs in pairs:
        for pair in doc_pairs:
            found_in.setdefault((pair["zh"], pair["en"], pair["label"]), set()).add(doc_id)
    rows = []
    for pair in corpus_glossary(doc_pairs for _, doc_pairs in pairs):
        docs = sorted(found_in[pair.zh, pair.en, pair.label])
        rows.append([pair.zh, pair.en, pair.label, pair.count, pair.confidence, len(docs),
                     ";".join(docs)])
    return rows


def _write_glossary(rows: list[list], out_dir: Path) -> None:
    with atomic_open(out_dir / "glossary.csv") as handle:
        text = io.TextIOWrapper(handle, encoding="utf-8", newline="")
        pd.DataFrame(rows, columns=GLOSSARY_COLUMNS).to_csv(text, index=False, lineterminator="\n")
        text.flush()
        text.detach()
