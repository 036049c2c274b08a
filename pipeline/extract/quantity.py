"""What the readers find in one sentence, with offsets into the sentence text.

``Quantity``: the two number readers (``numbers_zh``, ``numbers_en``) return these, and
``numbers`` turns them into ``record.Number`` with source offsets. ``TimePhrase``: the two
context readers (``context_zh``, ``context_en``) find them for the targets' time.
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
class TimePhrase:
    """A year, deadline or plan period: 到一九五六年八月, "by the end of 1954"."""

    start: int
    end: int
    text: str
    deadline: bool  # 到 / by: the quantity is due by then
    years: list[int]


def digits_of(value: float) -> str:
    """The significant digits of a value, for spotting one garbled digit (10.41 vs 100.41)."""
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    return text.replace(".", "").lstrip("0") or "0"
