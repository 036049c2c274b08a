"""The facts of a corpus for the report: one row per stated quantity, both languages joined
(a document JSON's ``facts``, made by the link stage)."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

YEAR = re.compile(r"(1[6-9]\d\d|20\d\d)")
STATUSES = ("planned", "forecast", "achieved")


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
    status: str  # planned | forecast | achieved
    time: str | None
    bead: int | None
    high: float | None = None  # the upper end of a range (一百万至一百二十万吨)

    @property
    def indicator(self) -> str:
        """The name facts are grouped by: the Chinese one (the original) when there is one."""
        return self.indicator_zh or self.indicator_en


def document_facts(record: dict) -> list[Fact]:
    """The facts of one document JSON."""
    date = record["meta"].get("date")
    published = _year(date)
    return [Fact(record["doc_id"], date, fact_year(row.get("time"), published),
                 row.get("indicator_zh") or "", row.get("indicator_en") or "",
                 float(row["value"]), row.get("unit") or "", row.get("kind") or "",
                 row.get("status") or "", row.get("time"), row.get("bead"),
                 float(row["high"]) if row.get("high") is not None else None)
            for row in record.get("facts", [])]


def fact_year(time: str | None, published: int | None) -> int | None:
    """The year of a fact's time (YYYY or YYYY-MM); the year of publication without one."""
    found = YEAR.match(time or "")
    return int(found.group(1)) if found else published


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
