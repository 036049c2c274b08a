"""``duiqi apply-corrections``: the reviewed JSON and TMX of every document, in another folder.

The pipeline's output stays as it is (the journal replays over it); the reviewed copies go
to ``DEST`` with the same layout and the same corpus files as a run writes (``corpus.tmx``,
``pairs.jsonl``, the entity and target tables), rebuilt from the reviewed documents.
"""
from __future__ import annotations

from pathlib import Path

from pipeline.review.documents import Library
from pipeline.errors import ReviewError
from pipeline.review.journal import apply_corrections
from pipeline.write.corpus import write_corpus_files, write_document
from pipeline.write.folder import OutputFolder
from pipeline.write.json_doc import validate


def export_reviewed(out_dir: Path, dest: Path | None = None) -> tuple[Path, list[str]]:
    """Write every document of ``out_dir`` with its corrections to ``dest``; return the
    folder and the ids of the documents that had corrections."""
    out_dir = Path(out_dir)
    dest = OutputFolder(out_dir).reviewed if dest is None else Path(dest)
    if dest.resolve() == out_dir.resolve():
        raise ReviewError("R023", dest=dest)
    library = Library(out_dir)
    doc_ids, corrected, signatures = library.doc_ids(), [], set()
    for doc_id in doc_ids:
        record = apply_corrections(library.record(doc_id), out_dir)
        validate(record)
        if "corrections" in record:
            corrected.append(doc_id)
        write_document(record, dest)
        signatures.add(record["signature"])
    write_corpus_files(dest, doc_ids, " || ".join(sorted(signatures)))
    return dest, corrected
