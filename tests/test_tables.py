"""Corpus tables written from document JSON records and read back with pandas."""
from __future__ import annotations

import pandas as pd

from pipeline.write.tables import write_tables

RECORDS = [
    {"doc_id": "b.md", "meta": {"date": "1955-12-31"},
     "entities": [{"lang": "zh", "text": "中央手工业管理局", "label": "ORG", "sentence": 2,
                   "start": 40, "end": 48},
                  {"lang": "en", "text": "Central Handicraft Bureau", "label": "ORG",
                   "sentence": 1, "start": 10, "end": 35}],
     "targets": [{"lang": "zh", "indicator": "产粮", "value": 3.2e10, "unit": "jin",
                  "kind": "level", "comparator": None, "time": "一九五七年", "status": "planned",
                  "text": "三百二十亿斤", "sentence": 5, "start": 90, "end": 96}],
     "entity_pairs": [{"zh": "中央手工业管理局", "en": "Central Handicraft Bureau", "label": "ORG",
                       "confidence": 0.9, "count": 1}]},
    {"doc_id": "a.md", "meta": {"date": None},
     "entities": [], "targets": [],
     "entity_pairs": [{"zh": "中央手工业管理局", "en": "Central Handicraft Bureau", "label": "ORG",
                       "confidence": 0.5, "count": 2}]},
]


def test_tables_round_trip(tmp_path):
    write_tables(RECORDS, tmp_path)
    entities = pd.read_csv(tmp_path / "entities.csv")
    assert list(entities["text"]) == ["Central Handicraft Bureau", "中央手工业管理局"]
    assert set(entities["doc_id"]) == {"b.md"} and set(entities["date"]) == {"1955-12-31"}
    parquet = pd.read_parquet(tmp_path / "entities.parquet")
    assert parquet["text"].tolist() == entities["text"].tolist()
    targets = pd.read_parquet(tmp_path / "targets.parquet")
    row = targets.iloc[0]
    assert (row["doc_id"], row["indicator"], row["value"], row["unit"], row["status"]) == (
        "b.md", "产粮", 3.2e10, "jin", "planned")
    glossary = pd.read_csv(tmp_path / "glossary.csv")
    assert len(glossary) == 1
    row = glossary.iloc[0]
    assert (row["zh"], row["count"], row["documents"], row["doc_ids"]) == (
        "中央手工业管理局", 3, 2, "a.md;b.md")
    assert abs(row["confidence"] - 0.95) < 1e-9


def test_tables_are_deterministic_and_atomic(tmp_path):
    write_tables(RECORDS, tmp_path / "one")
    write_tables(list(reversed(RECORDS)), tmp_path / "two")
    for name in ("entities.csv", "targets.csv", "glossary.csv", "entities.parquet",
                 "targets.parquet"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()
    assert not list((tmp_path / "one").glob("*.tmp"))


def test_empty_corpus_still_has_headers(tmp_path):
    write_tables([], tmp_path)
    assert list(pd.read_csv(tmp_path / "targets.csv").columns)[:3] == ["doc_id", "date", "lang"]
    assert pd.read_parquet(tmp_path / "entities.parquet").empty


def test_records_stream_once_in_batches(tmp_path, monkeypatch):
    """A one-shot generator is enough (one pass), and rows go out in row groups."""
    import pyarrow.parquet as pq

    import pipeline.write.tables as tables

    monkeypatch.setattr(tables, "BATCH_ROWS", 1)
    write_tables((r for r in sorted(RECORDS, key=lambda r: r["doc_id"])), tmp_path)
    assert pq.ParquetFile(tmp_path / "entities.parquet").num_row_groups == 1
    assert len(pd.read_csv(tmp_path / "glossary.csv")) == 1
    write_tables(RECORDS, tmp_path / "list")
    assert (tmp_path / "entities.csv").read_bytes() == (tmp_path / "list" / "entities.csv").read_bytes()
