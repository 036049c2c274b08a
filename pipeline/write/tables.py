"""Corpus tables for analysts: entities, targets (CSV and Parquet) and the glossary (CSV).

Built from the per-document JSON records, so they can be rebuilt without re-running the
pipeline. Rows are sorted and columns fixed (an empty corpus still gets headers), and every
file is written atomically: same records, same bytes.
"""
from __future__ import annotations

import io
from pathlib import Path

import pandas as pd

from pipeline.extract.crosslingual import corpus_glossary
from pipeline.write.atomic import write_bytes_atomic

ENTITY_COLUMNS = ["doc_id", "date", "lang", "text", "label", "sentence", "start", "end"]
TARGET_COLUMNS = ["doc_id", "date", "lang", "indicator", "value", "unit", "kind", "comparator",
                  "time", "status", "text", "sentence", "start", "end"]
GLOSSARY_COLUMNS = ["zh", "en", "label", "count", "confidence", "documents", "doc_ids"]


def write_tables(records: list[dict], out_dir: Path) -> None:
    out_dir = Path(out_dir)
    entities = _frame(records, "entities", ENTITY_COLUMNS,
                      ["doc_id", "lang", "start", "end", "label", "text"])
    targets = _frame(records, "targets", TARGET_COLUMNS,
                     ["doc_id", "lang", "start", "end", "indicator", "value"])
    for name, frame in (("entities", entities), ("targets", targets)):
        _write_csv(frame, out_dir / f"{name}.csv")
        _write_parquet(frame, out_dir / f"{name}.parquet")
    _write_csv(glossary_frame(records), out_dir / "glossary.csv")


def _frame(records: list[dict], key: str, columns: list[str], order: list[str]) -> pd.DataFrame:
    rows = [{"doc_id": record["doc_id"], "date": (record.get("meta") or {}).get("date"), **item}
            for record in records for item in record.get(key, [])]
    frame = pd.DataFrame(rows, columns=columns)
    return frame.sort_values(order, kind="stable").reset_index(drop=True)


def glossary_frame(records: list[dict]) -> pd.DataFrame:
    """The corpus glossary with the documents each pair was found in."""
    found_in: dict[tuple[str, str, str], set[str]] = {}
    for record in records:
        for pair in record.get("entity_pairs", []):
            found_in.setdefault((pair["zh"], pair["en"], pair["label"]), set()).add(record["doc_id"])
    rows = []
    for pair in corpus_glossary(record.get("entity_pairs", []) for record in records):
        docs = sorted(found_in[pair.zh, pair.en, pair.label])
        rows.append([pair.zh, pair.en, pair.label, pair.count, pair.confidence, len(docs),
                     ";".join(docs)])
    return pd.DataFrame(rows, columns=GLOSSARY_COLUMNS)


def _write_csv(frame: pd.DataFrame, path: Path) -> None:
    write_bytes_atomic(path, frame.to_csv(index=False, lineterminator="\n").encode("utf-8"))


def _write_parquet(frame: pd.DataFrame, path: Path) -> None:
    buffer = io.BytesIO()
    frame.to_parquet(buffer, index=False, engine="pyarrow")
    write_bytes_atomic(path, buffer.getvalue())
