"""The facts of a corpus for the report: one row per stated quantity, both languages joined.

A document JSON carries ``facts`` (one row per fact, with ``indicator_zh`` and
``indicator_en``) when the link stage made them; older outputs carry only ``targets``, one
row per language. For those, a Chinese target and the English target whose number the
extract stage matched to it become one fact, and an unmatched target stays a fact of its own
language, so the report reads either kind of output.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from pipeline.extract import context_en, context_zh

YEAR = re.compile(r"(1[6-9]\d\d|20\d\d)")
STATUSES = ("planned", "achieved")


@dataclass(frozen=True, slots=True)
class Fact:
    doc_id: str
    date: str | None
    year: int | None  # the year the quantity is for: its own when stated, else publication
    indicator_zh: str
    indicator_en: str
    value: float
    unit: str
    kind: str
    status: str  # planned | achieved
    time: str | None
    bead: int | None
    high: float | None = None  # the upper end of a range (一百万至一百二十万吨)

    @property
    def indicator(self) -> str:
        """The name facts are grouped by: the Chinese one (the original) when there is one."""
        return self.indicator_zh or self.indicator_en


def document_facts(record: dict) -> list[Fact]:
    """The facts of one document JSON, from ``facts`` when present, else from ``targets``."""
    date = record["meta"].get("date")
    published = _year(date)
    if "facts" in record:
        rows = record["facts"]
    else:
        rows = _facts_from_targets(record)
    return [Fact(record["doc_id"], date,
                 row.get("year") or fact_year(row.get("time"), published),
                 row.get("indicator_zh") or "", row.get("indicator_en") or "",
                 float(row["value"]), row.get("unit") or "", row.get("kind") or "",
                 row.get("status") or "", row.get("time"), row.get("bead"),
                 float(row["high"]) if row.get("high") is not None else None)
            for row in rows if row.get("value") is not None]


def _facts_from_targets(record: dict) -> list[dict]:
    numbers = record.get("numbers", [])
    targets = record.get("targets", [])
    by_number = {t["number"]: t for t in targets if t.get("number") is not None}
    rows, used = [], set()
    for index, target in enumerate(targets):
        if index in used:
            continue
        used.add(index)
        partner = None
        number = numbers[target["number"]] if target.get("number") is not None else None
        if number is not None and number.get("match") is not None:
            partner = by_number.get(number["match"])
            if partner is not None:
                used.add(targets.index(partner))
        zh, en = (target, partner) if target["lang"] == "zh" else (partner, target)
        first = zh or en
        high = number.get("high") if number else None
        rows.append({"indicator_zh": zh["indicator"] if zh else "",
                     "indicator_en": en["indicator"] if en else "",
                     "value": first["value"], "unit": first["unit"], "kind": first["kind"],
                     "status": first["status"], "time": first["time"],
                     "bead": number.get("bead") if number else None,
                     # a target's value is signed (降低 20%); its number's range is not
                     "high": high if number and first["value"] == number.get("value") else None})
    return rows


def fact_year(time: str | None, published: int | None) -> int | None:
    """The year a time phrase names (1955年, 一九五六年八月, 今年, by the end of 1955), read by
    the extract stage's own time readers; the year of publication when it names none."""
    if time:
        phrases = context_zh.time_phrases(time, published) + context_en.time_phrases(time)
        years = [year for phrase in phrases for year in phrase.years]
        if years:
            return years[-1]
        found = YEAR.search(time)
        if found:
            return int(found.group(1))
    return published


def _year(date: str | None) -> int | None:
    found = YEAR.match(date or "")
    return int(found.group(1)) if found else None


@dataclass(frozen=True, slots=True)
class Indicator:
    """An indicator and unit with its facts; ``name_en`` is the commonest English name."""

    name: str
    name_en: str
    unit: str
    facts: tuple[Fact, ...]

    @property
    def key(self) -> str:
        return f"{self.name} ({self.unit})" if self.unit else self.name


def indicators(facts: list[Fact]) -> list[Indicator]:
    """Every indicator and unit with a year, those with the most facts (then the most years)
    first; ties by name, so the order is stable."""
    groups: dict[tuple[str, str], list[Fact]] = {}
    for fact in facts:
        if fact.indicator and fact.year is not None and fact.status in STATUSES:
            groups.setdefault((fact.indicator, fact.unit), []).append(fact)
    out = []
    for (name, unit), group in groups.items():
        english = Counter(f.indicator_en for f in group if f.indicator_en)
        name_en = min(english, key=lambda n: (-english[n], n)) if english else ""
        ordered = sorted(group, key=lambda f: (f.year, f.status, f.value, f.doc_id,
                                               f.bead if f.bead is not None else -1))
        out.append(Indicator(name, name_en, unit, tuple(ordered)))
    return sorted(out, key=lambda i: (-len(i.facts), -len({f.year for f in i.facts}),
                                      i.name, i.unit))


def choose(found: list[Indicator], wanted: str | None) -> Indicator | None:
    """The indicator a user named (Chinese or English name, exact, else contained), or the
    first of ``found``."""
    if not wanted:
        return found[0] if found else None
    for test in (lambda i: wanted in (i.name, i.name_en, i.key),
                 lambda i: wanted in i.name or wanted.lower() in i.name_en.lower()):
        for indicator in found:
            if test(indicator):
                return indicator
    return None
