"""Where outputs live: per-document JSON and TMX, and the corpus-level files rebuilt from the
per-document JSON so they never disagree with it."""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from pipeline.errors import Warnings
from pipeline.write.atomic import atomic_open, write_bytes_atomic, write_text_atomic
from pipeline.write.json_doc import dumps
from pipeline.write.tmx import tmx_bytes, write_tmx


def output_path(out_dir: Path, doc_id: str, suffix: str) -> Path:
    return out_dir / f"{doc_id}{suffix}"


def write_document(record: dict, out_dir: Path) -> None:
    """The TMX of a bilingual document, then the JSON; each written atomically."""
    if record["bilingual"]:
        data, removed = tmx_bytes([record], record["signature"])
        if removed:
            record["issues"].append({"code": "W003", "severity": "warning",
                                     "message": Warnings.W003.format(count=removed)})
        write_bytes_atomic(output_path(out_dir, record["doc_id"], ".tmx"), data)
    else:
        remove_outputs(out_dir, record["doc_id"], (".tmx",))
    write_text_atomic(output_path(out_dir, record["doc_id"], ".json"), dumps(record))


def remove_outputs(out_dir: Path, doc_id: str, suffixes: tuple[str, ...]) -> None:
    for suffix in suffixes:
        output_path(out_dir, doc_id, suffix).unlink(missing_ok=True)


def read_records(out_dir: Path, doc_ids: list[str]) -> Iterator[dict]:
    """The document records of ``doc_ids``, one at a time, in the given order."""
    for doc_id in doc_ids:
        with open(output_path(out_dir, doc_id, ".json"), encoding="utf-8") as handle:
            yield json.load(handle)


def pair_rows(record: dict) -> Iterator[dict]:
    """One row per aligned bead (text on both sides), with its provenance, in the layout of
    Hugging Face translation datasets: ``{"translation": {"zh": ..., "en": ...}, ...}``
    (the one layout of ``pairs.jsonl`` and of every export)."""
    langs = record["languages"]
    for bead in record["beads"]:
        if bead["src"] and bead["tgt"]:
            texts = {langs["src"]: bead["src_text"], langs["tgt"]: bead["tgt_text"]}
            yield {
                "translation": dict(sorted(texts.items(), key=lambda item: item[0] != "zh")),
                "doc_id": record["doc_id"],
                "date": record["meta"].get("date"),
                "bead": bead["id"],
                "score": bead["score"],
                "flags": bead["flags"],
                "reviewed": bead["reviewed"],
            }


def write_corpus_files(out_dir: Path, doc_ids: list[str], signature: str) -> None:
    """``corpus.tmx``, ``pairs.jsonl`` and the entity and target tables, streamed."""
    from pipeline.write.tables import write_tables

    bilingual = [r["doc_id"] for r in read_records(out_dir, doc_ids) if r["bilingual"]]
    with atomic_open(out_dir / "corpus.tmx") as handle:
        write_tmx(handle, read_records(out_dir, bilingual), signature)
    with atomic_open(out_dir / "pairs.jsonl") as handle:
        for record in read_records(out_dir, bilingual):
            for row in pair_rows(record):
                handle.write((json.dumps(row, ensure_ascii=False) + "\n").encode("utf-8"))
    write_tables(read_records(out_dir, doc_ids), out_dir)  # one pass, in doc id order
