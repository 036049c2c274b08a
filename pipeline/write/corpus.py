"""Per-document JSON and TMX, and the corpus-level files rebuilt from the per-document JSON
so they never disagree with it. Where each file lives is ``pipeline.write.folder``'s call."""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path

from pipeline.errors import Warnings
from pipeline.write.atomic import atomic_open, write_bytes_atomic
from pipeline.write.folder import OutputFolder
from pipeline.write.json_doc import dumps
from pipeline.write.tmx import tmx_bytes, write_tmx


def output_path(out_dir: Path, doc_id: str, suffix: str) -> Path:
    return OutputFolder(out_dir).output(doc_id, suffix)


def write_document(record: dict, out_dir: Path) -> dict[str, str]:
    """The TMX of a bilingual document, then the JSON; each written atomically. Returns the
    SHA-256 of each file written, by suffix, for the completion marker."""
    folder, written = OutputFolder(out_dir), {}
    if record["bilingual"]:
        data, removed = tmx_bytes([record], record["signature"])
        if removed:
            record["issues"].append({"code": "W003", "severity": "warning",
                                     "message": Warnings.W003.format(count=removed)})
        write_bytes_atomic(folder.output(record["doc_id"], ".tmx"), data)
        written[".tmx"] = hashlib.sha256(data).hexdigest()
    else:
        folder.remove_outputs(record["doc_id"], (".tmx",))
    data = dumps(record).encode("utf-8")
    write_bytes_atomic(folder.output(record["doc_id"], ".json"), data)
    written[".json"] = hashlib.sha256(data).hexdigest()
    return dict(sorted(written.items()))


def read_records(out_dir: Path, doc_ids: list[str]) -> Iterator[dict]:
    """The document records of ``doc_ids``, one at a time, in the given order; a damaged
    one is a named error (E054), not a traceback."""
    folder = OutputFolder(out_dir)
    for doc_id in doc_ids:
        yield folder.read_json(folder.output(doc_id, ".json"))


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
    with atomic_open(Path(out_dir) / "corpus.tmx") as handle:
        write_tmx(handle, read_records(out_dir, bilingual), signature)
    with atomic_open(Path(out_dir) / "pairs.jsonl") as handle:
        for record in read_records(out_dir, bilingual):
            for row in pair_rows(record):
                handle.write((json.dumps(row, ensure_ascii=False) + "\n").encode("utf-8"))
    write_tables(read_records(out_dir, doc_ids), out_dir)  # one pass, in doc id order
