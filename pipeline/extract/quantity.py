"""What the readers find in one sentence, with offsets into the sentence text.

``Quantity``: the two number readers (``numbers_zh``, ``numbers_en``) return these, and
``numbers`` turns them into ``record.Number`` with source offsets. ``TimeMention``: the two
fact readers (``context_zh``, ``context_en``) find them for the facts' time.
Kinds: ``level`` (a plain amount), ``percent``, ``multiple`` (… times, 倍), ``date`` (a
calendar year, month or day: kept so that it can match the other language, never a target),
``duration`` (两年, two years). Units are the canonical names of ``units``.
"""
from __future__ import annotations

from dataclasses import dataclass

@dataclass(slots=True)
class Quantity:
    start: int
    end: int
    value: float
    unit: str | None = None
    kind: str = "level"
    high: float | None = None
    comparator: str | None = None


@dataclass(slots=True)
class TimeMention:
    """A time phrase of a sentence, resolved: 到一九五六年八月, "by the end of 1954"."""

    start: int
    end: int
    text: str
    year: int | None
    month: int | None
    baseline: bool  # 比1954年, "compared with 1954": what the fact is measured against
    span_start: bool = False  # the first end of "from July of last year to September"
    deadline: bool = False  # "by the end of 1954": the quantity is due by then


def digits_of(value: float) -> str:
    """The significant digits of a value, for spotting one garbled digit (10.41 vs 100.41)."""
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    return text.replace(".", "").lstrip("0") or "0"


@dataclass(slots=True)
class DocContext:
    """What a fact reader knows of its document beyond the sentence: when it was written,
    and what kind of document it is (a meeting record speaks of its own dates)."""

    year: int | None  # the publication year (a meeting record: its last year)
    month: int | None
    format: str  # rmrb | meeting | plain


@dataclass(slots=True)
class FactReading:
    """How one number reads as a fact (GUIDELINE.md), from one language's reader.

    A reader returns readings only for numbers that are facts: dates, durations, names,
    list markers, sample sizes and counts of listed items get none.
    """

    number: int  # index into Document.numbers
    indicator: str
    kind: str  # level | increase_to | increase_by | plan_fulfilment_pct | share | multiple
    sign: int  # -1 for a fall
    status: str  # planned | forecast | achieved
    time: str | None  # YYYY or YYYY-MM, resolved against the document and the context
    time_text: str | None  # the time phrase as written
    comparator: str | None  # the number reader's, unless the reader knows better
    high: float | None  # the upper end of a range


def numbers_by_sentence(doc, lang: str) -> dict[int, list[int]]:
    """Indices into ``doc.numbers`` of one language's quantities (not dates or durations),
    by sentence: the candidates a fact reader judges."""
    found: dict[int, list[int]] = {}
    for i, number in enumerate(doc.numbers):
        if number.lang == lang and number.kind not in ("date", "duration"):
            found.setdefault(number.sentence, []).append(i)
    return found
