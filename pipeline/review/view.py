"""What the document page shows: beads with their sentences and the spans to highlight.

Highlights are computed here, on the current beads, so the browser only draws them: a
number is ``number-ok`` when its matched number sits in the same bead, ``number-bad`` when
it has no match, when its match sits in another bead (merging the right beads turns it
green) or when the pair is one number misread (10.41% for 100.41%), and ``number-added``
when the translation completes a date the Chinese gives in part (新华社二日电 → "January
2nd": the month has nothing to match, and that is no error). An entity is marked when it
belongs to a pair of ``entity_pairs``. Mended texts (``pipeline.review.texts``) are shown
with their original.
"""
from __future__ import annotations

from pipeline.link.numbers import completed_dates, same_value
from pipeline.record import Number
from pipeline.review.journal import ReviewState, bead_index_by_sentence
from pipeline.review.texts import with_texts

MARK_PRIORITY = {"number-ok": 0, "number-bad": 0, "number-added": 0, "entity": 1}


def document_view(record: dict, state: ReviewState) -> dict:
    record = with_texts(record, state.texts)
    langs = record["languages"]
    marks = sentence_marks(record, state)
    sentences = record["sentences"]
    flags = review_flags(record, state)

    def side_view(side: str, ids: list[int]) -> list[dict]:
        lang = langs[side]
        return [{"id": i, "text": sentences[lang][i]["text"], "marks": marks.get((lang, i), []),
                 "original": sentences[lang][i].get("original_text")}
                for i in ids]

    meta = record["meta"]
    return {
        "doc_id": record["doc_id"],
        "content_hash": record["content_hash"],
        "version": state.version,
        "can_undo": state.can_undo,
        "can_redo": state.can_redo,
        "set_aside": state.set_aside,
        "languages": langs,
        "meta": {key: meta.get(key) for key in ("title_en", "title_zh", "date")},
        "beads": [{"id": index, "score": bead["score"], "flags": flags[index],
                   "reviewed": bead["reviewed"],
                   "src": side_view("src", bead["src"]), "tgt": side_view("tgt", bead["tgt"])}
                  for index, bead in enumerate(state.beads)],
    }


def sentence_marks(record: dict, state: ReviewState) -> dict[tuple[str, int], list[dict]]:
    """``(lang, sentence id) -> [{start, end, kind, title}]``, offsets into the sentence text,
    sorted and without overlaps."""
    sentences = record["sentences"]
    found: dict[tuple[str, int], list[dict]] = {}
    for lang, sentence, text, source_start, kind, title in [
            *_number_marks(record, state), *_entity_marks(record)]:
        span = locate(sentences[lang][sentence], text, source_start)
        if span is not None:
            found.setdefault((lang, sentence), []).append(
                {"start": span[0], "end": span[1], "kind": kind, "title": title})
    return {key: _without_overlaps(marks) for key, marks in sorted(found.items())}


def fact_disagreements(record: dict) -> dict[int, str]:
    """``number index -> what its fact's two languages disagree on`` (the link stage's fact
    flags, each with both readings: "fact F0003: time zh 1955 / en 1956")."""
    targets = record.get("targets", [])
    found = {}
    for fact in record.get("facts", []):
        if not fact["flags"] or fact["zh"] is None or fact["en"] is None:
            continue
        zh, en = targets[fact["zh"]], targets[fact["en"]]
        fields = [flag.removesuffix("_mismatch") for flag in fact["flags"]]
        said = "; ".join(f"{name} zh {zh.get(name)} / en {en.get(name)}" for name in fields)
        for target in (zh, en):
            if target.get("number") is not None:
                found[target["number"]] = f"fact {fact['id']}: {said}"
    return found


def _number_marks(record: dict, state: ReviewState):
    numbers = record["numbers"]
    typed = [Number(**number) for number in numbers]
    where = bead_index_by_sentence(record, state.beads)
    added = completed_dates(typed)
    disagreements = fact_disagreements(record)
    for index, number in enumerate(numbers):
        partner = numbers[number["match"]] if number["match"] is not None else None
        here = where.get((number["lang"], number["sentence"]))
        if index in added:
            kind, title = "number-added", ("added by the translation: the Chinese gives the "
                                           "day, the English adds the " + number["unit"])
        elif partner is None:
            kind, title = "number-bad", "no matching number on the other side"
        elif where.get((partner["lang"], partner["sentence"])) != here:
            kind, title = "number-bad", f"matches {partner['text']} in another bead"
        elif not same_value(typed[index], typed[number["match"]]):
            kind, title = "number-bad", f"paired with {partner['text']}: one of them is misread"
        else:
            kind, title = "number-ok", f"matches {partner['text']}"
        if index in disagreements:
            kind, title = "number-bad", f"{title}; {disagreements[index]}"
        yield number["lang"], number["sentence"], number["text"], number["start"], kind, title


def review_flags(record: dict, state: ReviewState) -> list[list[str]]:
    """The flags of each current bead as the reviewer sees them (page, list and search):
    ``number_missing`` is dropped when the numbers a bead holds without a match are all
    dates the translation completed (outputs written before the link stage knew these
    still carry the flag)."""
    added = completed_dates([Number(**number) for number in record["numbers"]])
    where = bead_index_by_sentence(record, state.beads)
    unmatched: dict[int | None, set[int]] = {}
    for index, number in enumerate(record["numbers"]):
        if number["match"] is None:
            unmatched.setdefault(where.get((number["lang"], number["sentence"])), set()).add(index)
    return [[flag for flag in bead["flags"] if flag != "number_missing"]
            if unmatched.get(index) and unmatched[index] <= added else bead["flags"]
            for index, bead in enumerate(state.beads)]


def _entity_marks(record: dict):
    pairs: dict[tuple[str, str], dict] = {}
    for pair in record["entity_pairs"]:
        pairs.setdefault(("zh", pair["zh"]), pair)
        pairs.setdefault(("en", pair["en"]), pair)
    for entity in record["entities"]:
        pair = pairs.get((entity["lang"], entity["text"]))
        if pair is not None:
            title = f"{pair['zh']} ↔ {pair['en']} ({pair['label']})"
            yield (entity["lang"], entity["sentence"], entity["text"], entity["start"], "entity",
                   title)


def locate(sentence: dict, text: str, source_start: int) -> tuple[int, int] | None:
    """Where ``text`` lies in the sentence text: at its source offset when the sentence is
    one contiguous slice of the source, else the occurrence nearest that offset (wrapped
    lines are joined, which shifts offsets)."""
    body, guess = sentence["text"], source_start - sentence["start"]
    if not text:
        return None
    starts, at = [], body.find(text)
    while at != -1:
        starts.append(at)
        at = body.find(text, at + 1)
    if not starts:
        return None
    best = min(starts, key=lambda start: (abs(start - guess), start))
    return best, best + len(text)


def _without_overlaps(marks: list[dict]) -> list[dict]:
    """Numbers first, then entities; a mark overlapping one already kept is dropped."""
    kept: list[dict] = []
    for mark in sorted(marks, key=lambda m: (MARK_PRIORITY[m["kind"]], m["start"], -m["end"])):
        if all(mark["end"] <= other["start"] or mark["start"] >= other["end"] for other in kept):
            kept.append(mark)
    return sorted(kept, key=lambda m: m["start"])
