"""A quantity found in one sentence, before it is placed in the document.

The two number readers (``numbers_zh``, ``numbers_en``) return these with offsets into the
sentence text; ``pipeline.extract`` turns them into ``record.Number`` with source offsets.
Kinds: ``level`` (a plain amount), ``percent``, ``multiple`` (… times, 倍), ``date`` (a
calendar year, month or day: kept so that it can match the other language, never a target),
``duration`` (两年, two years). Units are the canonical names of ``units``.
"""
from __future__ import annotations

from dataclasses import dataclass

DATE_UNITS = ("year", "month", "day")


@dataclass(slots=True)
class Quantity:
    start: int
    end: int
    value: float
    unit: str | None = None
    kind: str = "level"
    high: float | None = None
    comparator: str | None = None

    @property
    def is_date(self) -> bool:
        return self.kind == "date"


def digits_of(value: float) -> str:
    """The significant digits of a value, for spotting one garbled digit (10.41 vs 100.41)."""
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    return text.replace(".", "").lstrip("0") or "0"
