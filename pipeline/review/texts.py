"""Mended sentence texts: a reviewer fixes an OCR error, the journal keeps the new text.

A ``text`` entry (``{"side", "sentence", "text"}``) leaves the beads as they are; undo and
redo treat it like any other edit, so the texts in force are those of the entries that are
done, read here with the same undo and redo rules as ``journal.step``. The pipeline's JSON
keeps the original; the reviewed JSON carries the mended text with ``original_text`` beside
it, and the TMX the mended text.
"""
from __future__ import annotations

from pipeline.review.edits import REDO, UNDO

TEXT = "text"


def mended_texts(record: dict, entries: list[dict]) -> dict[tuple[str, int], str]:
    """``(lang, sentence id) -> text`` for every mend still in force after ``entries`` (the
    replayable entries of the record, see ``journal.entries_for``)."""
    done: list[dict] = []
    undone: list[dict] = []
    for entry in entries:
        if entry["op"] == UNDO:
            undone.append(done.pop())
        elif entry["op"] == REDO:
            done.append(undone.pop())
        else:
            done.append(entry)
            undone.clear()
    langs = record["languages"]
    return {(langs[e["args"]["side"]], e["args"]["sentence"]): e["args"]["text"]
            for e in done if e["op"] == TEXT}


def with_texts(record: dict, texts: dict[tuple[str, int], str]) -> dict:
    """The record with its mended sentences, each keeping the pipeline's ``original_text``."""
    if not texts:
        return record
    sentences = {lang: [{**s, "text": texts[lang, s["id"]], "original_text": s["text"]}
                        if (lang, s["id"]) in texts else s for s in items]
                 for lang, items in record["sentences"].items()}
    return {**record, "sentences": sentences}
