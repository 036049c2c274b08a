"""Facts across languages: the Chinese and the English mention of one quantity, linked.

No monolingual extractor can do this: the aligner knows which English sentences translate
which Chinese ones, and the number matcher (``link.numbers``) has already paired equal
values inside (or just beside) each bead. A Chinese target and an English target are one
fact when their numbers are so paired; what is left is paired inside the bead by value and
unit. Each fact then gets one reading:

- ``value``, ``unit``: the Chinese original's, since the English is a translation of it; a
  disagreement (an OCR slip, a garbled translation) is a flag, never silently repaired.
- ``time``: a side that states its time (``time_text``) settles a side that only inherits
  one from its context; two stated times that differ are flagged.
- ``status``: ``planned`` and ``forecast`` are marked by words (计划, 争取, 预计; "plan",
  "will", "is expected"), ``achieved`` by their absence, so a marked side settles an
  unmarked one; two different marks are flagged.
- sign: a fall is marked (减少, "reduced"), so a negative side settles a positive one.
- ``kind``, ``comparator``: a specific reading beats the default (``level``, none), as a
  translator may drop 增加 or 多 but rarely invents them.

Both targets are rewritten with the agreed reading and ``decided`` records which side each
repair came from (``time:en``), so a reader can audit every change.
"""
from __future__ import annotations

import math

from pipeline.record import EN, ZH, Document, Fact, Target
from pipeline.settings import CHOICES

# Flags a fact can carry; a bead holding a flagged fact gets ``fact_mismatch``.
FIELD_FLAGS = {"value": "value_mismatch", "unit": "unit_mismatch", "time": "time_mismatch",
               "status": "status_mismatch"}
DEFAULTS = {"kind": "level", "comparator": None}


def link_facts(doc: Document, settle: tuple[str, ...] = CHOICES["settle"]) -> list[Fact]:
    """Pair the two languages' targets, give each pair (or lone target) one ``Fact`` with a
    shared id, flag the beads, and write the agreed reading of the ``settle`` fields back
    into both targets (the others keep each language's own reading)."""
    other = doc.tgt_lang if doc.src_lang == ZH else doc.src_lang
    zh_of, en_of = _pairs(doc, other)
    facts: list[Fact] = []
    # Facts follow the Chinese text; English-only facts come after, in their own order.
    for t in sorted(range(len(doc.targets)), key=lambda t: (doc.targets[t].lang != ZH,
                                                             doc.targets[t].start)):
        target = doc.targets[t]
        if target.lang != ZH and t in zh_of:
            continue  # already taken with its Chinese partner
        partner = en_of.get(t) if target.lang == ZH else None
        fact = _fact(doc, f"F{len(facts) + 1:04d}", t, partner, frozenset(settle))
        facts.append(fact)
        for member in (fact.zh, fact.en):
            if member is not None:
                doc.targets[member].fact = fact.id
        if fact.flags and fact.bead is not None:
            if "fact_mismatch" not in doc.beads[fact.bead].flags:
                doc.beads[fact.bead].flags.append("fact_mismatch")
    return facts


def _pairs(doc: Document, other: str) -> tuple[dict[int, int], dict[int, int]]:
    """``(en target -> zh target, zh target -> en target)``: first through the number
    matcher's pairs, then inside each bead by equal value and unit, in text order."""
    target_of_number = {t.number: i for i, t in enumerate(doc.targets) if t.number is not None}
    en_of: dict[int, int] = {}
    for i, target in enumerate(doc.targets):
        if target.lang != ZH or target.number is None:
            continue
        match = doc.numbers[target.number].match
        partner = target_of_number.get(match) if match is not None else None
        if partner is not None and doc.targets[partner].lang == other:
            en_of[i] = partner
    taken = set(en_of.values())
    by_bead: dict[int, dict[str, list[int]]] = {}
    for i, target in enumerate(doc.targets):
        bead = _bead(doc, target)
        if bead is not None and i not in en_of and i not in taken:
            by_bead.setdefault(bead, {ZH: [], other: []}).setdefault(target.lang, []).append(i)
    for sides in by_bead.values():
        for i in sides[ZH]:
            for j in sides.get(other, []):
                if j not in taken and _same_quantity(doc.targets[i], doc.targets[j]):
                    en_of[i] = j
                    taken.add(j)
                    break
    return {j: i for i, j in en_of.items()}, en_of


def _bead(doc: Document, target: Target) -> int | None:
    return doc.numbers[target.number].bead if target.number is not None else None


def _same_quantity(a: Target, b: Target) -> bool:
    """One unit and one value, either end of a range counting."""
    return a.unit == b.unit and (_close(a.value, b.value) or (
        a.high is not None and _close(a.high, b.value)) or (
        b.high is not None and _close(a.value, b.high)))


def _fact(doc: Document, fact_id: str, t: int, partner: int | None,
          settle: frozenset[str]) -> Fact:
    first = doc.targets[t]
    zh = t if first.lang == ZH else None
    en = partner if zh is not None else t
    flags, decided = [], []
    if zh is not None and en is not None:
        flags, decided = _reconcile(doc.targets[zh], doc.targets[en], settle)
    lead = doc.targets[zh if zh is not None else en]
    return Fact(fact_id, _bead(doc, lead), lead.value, lead.high, lead.unit, lead.kind,
                lead.comparator, lead.status, lead.time,
                doc.targets[zh].indicator if zh is not None else None,
                doc.targets[en].indicator if en is not None else None, zh, en, flags, decided)


def _reconcile(zh: Target, en: Target, settle: frozenset[str]) -> tuple[list[str], list[str]]:
    """Agree the two readings field by field (see the module docstring); the targets are
    updated in place for the fields in ``settle``. Returns the flags and the repairs made."""
    flags, decided = [], []
    if not _same_value(zh, en):
        flags.append(FIELD_FLAGS["value"])
    if zh.unit != en.unit and zh.unit and en.unit:
        flags.append(FIELD_FLAGS["unit"])
    for lang, source, sink in ((ZH, zh, en), (EN, en, zh)) if "high" in settle else ():
        if source.high is not None and sink.high is None and _close(source.value, sink.value):
            sink.high = source.high
            decided.append(f"high:{lang}")
    if zh.time != en.time:
        stated = [t for t in (zh, en) if t.time_text]
        if len(stated) == 1 and stated[0].time and "time" in settle:
            _copy(stated[0], en if stated[0] is zh else zh, "time", decided)
        elif zh.time and en.time:
            flags.append(FIELD_FLAGS["time"])
    if zh.status != en.status:
        marked = [t for t in (zh, en) if t.status != "achieved"]
        if len(marked) == 1 and "status" in settle:
            _copy(marked[0], en if marked[0] is zh else zh, "status", decided)
        elif len(marked) != 1:
            flags.append(FIELD_FLAGS["status"])
    if (zh.value < 0) != (en.value < 0) and "sign" in settle:  # a fall is marked (减少, "reduced"), so it settles
        source, sink = (zh, en) if zh.value < 0 else (en, zh)
        sink.value, sink.high = -sink.value, None if sink.high is None else -sink.high
        decided.append(f"sign:{source.lang}")
    for name, default in DEFAULTS.items():
        if name not in settle:
            continue
        a, b = getattr(zh, name), getattr(en, name)
        if a != b and (a == default) != (b == default):
            source = en if a == default else zh
            _copy(source, zh if source is en else en, name, decided)
    return flags, decided


def _same_value(zh: Target, en: Target) -> bool:
    """Equal values, or either end of a range; multiples within one, since 增加一倍 ("increase
    by one time") is "doubled" (GUIDELINE.md keeps each language's own number)."""
    if zh.unit == en.unit == "times" and abs(abs(zh.value) - abs(en.value)) <= 1:
        return True
    return _close(zh.value, en.value) or (zh.high is not None and _close(zh.high, en.value))


def _copy(source: Target, sink: Target, name: str, decided: list[str]) -> None:
    setattr(sink, name, getattr(source, name))
    decided.append(f"{name}:{source.lang}")


def _close(x: float, y: float) -> bool:
    return math.isclose(abs(x), abs(y), rel_tol=1e-6)
