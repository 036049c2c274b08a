"""Search the beads of every document: by text in Chinese or English, by flag, date and fact.

The beads searched are the reviewed ones (the journal replayed, mended texts included), so
a hit opens on the bead the reviewer sees. Dates compare by prefix, so ``1955`` and
``1955-12`` work as bounds; a fact matches by its indicator in either language.
"""
from __future__ import annotations

from dataclasses import dataclass

from pipeline.errors import ReviewError
from pipeline.review.documents import FLAG_KINDS, Library
from pipeline.review.journal import bead_index_by_sentence, joined_text, review_state
from pipeline.review.texts import with_texts
from pipeline.review.view import review_flags

MAX_HITS = 200
LANGS = ("zh", "en")


@dataclass(frozen=True, slots=True)
class Query:
    text: str = ""
    lang: str | None = None  # zh | en | None: both
    flag: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    fact: str = ""

    def check(self) -> None:
        """Raise ``ReviewError`` R005 on a query that cannot be answered."""
        if self.lang is not None and self.lang not in LANGS:
            raise ReviewError("R005", detail=f"lang must be one of {list(LANGS)}, "
                                             f"got {self.lang!r}")
        if self.flag is not None and self.flag not in FLAG_KINDS:
            raise ReviewError("R005", detail=f"flag must be one of {list(FLAG_KINDS)}, "
                                             f"got {self.flag!r}")
        if not (self.text or self.flag or self.date_from or self.date_to or self.fact):
            raise ReviewError("R005", detail="give a text, a flag, a date or a fact to search")

    def dated(self, date: str | None) -> bool:
        if not (self.date_from or self.date_to):
            return True
        if not date:
            return False
        return ((not self.date_from or date[:len(self.date_from)] >= self.date_from)
                and (not self.date_to or date[:len(self.date_to)] <= self.date_to))


def search(library: Library, journal: list[dict], query: Query) -> dict:
    """``{"hits": [...], "total": n}``: at most ``MAX_HITS`` beads, in document order."""
    query.check()
    hits, total = [], 0
    for doc_id in library.doc_ids():
        record = library.record(doc_id)
        if not record["bilingual"] or not query.dated(record["meta"].get("date")):
            continue
        for hit in _document_hits(record, journal, query):
            total += 1
            if len(hits) < MAX_HITS:
                hits.append(hit)
    return {"hits": hits, "total": total}


def _document_hits(record: dict, journal: list[dict], query: Query):
    state = review_state(record, journal)
    mended = with_texts(record, state.texts)
    langs = record["languages"]
    with_fact = _beads_with_fact(record, state.beads, query.fact) if query.fact else None
    flags = review_flags(record, state)
    needle = query.text.casefold()
    meta = record["meta"]
    for index, bead in enumerate(state.beads):
        if query.flag and query.flag not in flags[index]:
            continue
        if with_fact is not None and index not in with_fact:
            continue
        texts = {langs[side]: joined_text(mended, langs[side], bead[side])
                 for side in ("src", "tgt")}
        searched = [query.lang] if query.lang else list(texts)
        if needle and not any(needle in texts.get(lang, "").casefold() for lang in searched):
            continue
        yield {"doc_id": record["doc_id"], "date": meta.get("date"),
               "title_zh": meta.get("title_zh"), "title_en": meta.get("title_en"),
               "bead": index, "score": bead["score"], "flags": flags[index],
               "zh": texts.get("zh", ""), "en": texts.get("en", "")}


def _beads_with_fact(record: dict, beads: list[dict], wanted: str) -> set[int]:
    """The current beads holding a fact mention whose indicator contains ``wanted`` (each
    language's mention carries its own indicator, so both languages are searched)."""
    needle = wanted.casefold()
    where = bead_index_by_sentence(record, beads)
    found = {where.get((target["lang"], target["sentence"]))
             for target in record.get("targets", [])
             if needle in (target.get("indicator") or "").casefold()}
    return found - {None}
