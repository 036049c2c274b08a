"""English-only meeting records: labelled sections become structured fields.

Each item (agenda line, speech, decision, remark) is also an English paragraph, so that the
extract stage finds the entities and numeric targets in it with offsets. The meeting's dates
("November – 08-12-1953", "March 2 – 9, 1954") become the document's ISO date or ISO 8601
interval ("1953-11/1953-12-08"), so that date filters select the record.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import datetime

from pipeline.errors import InputError, Warnings
from pipeline.ingest.lines import Line, ParagraphBuilder, split_lines
from pipeline.record import EN, Document, Issue, MeetingRecord, Metadata, Speech

SECTION_RE = re.compile(r"^\s*([A-Z][A-Za-z /&()-]{2,60}):\s*$")
# Known section labels, matched case-insensitively on their first words.
SECTION_FIELDS = {
    "dates of meeting": "dates",
    "date of meeting": "dates",
    "type of meeting": "type",
    "agenda": "agenda",
    "speeches": "speeches",
    "other decisions and/or actions": "decisions",
    "decisions": "decisions",
    "remarks": "remarks",
    "source": "source",
}
ITEM_RE = re.compile(r"^\s*(?:[-*•]|\d{1,3}[.)])\s+")
DATE_TAIL_RE = re.compile(
    r",?\s*((?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December)\s+\d{1,2},\s*\d{4}|\d{4}-\d{2}-\d{2})\s*\.?\s*$")
# A range of dates: an en or em dash, a spaced hyphen, or "to" / "through" / "until".
RANGE_SPLIT_RE = re.compile(r"\s*[–—]\s*|\s+-\s+|\s+(?:to|through|until)\s+", re.IGNORECASE)
MONTH_RE = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?",
                      re.IGNORECASE)
NUMERIC_DATE_RE = re.compile(r"\b\d{1,2}[-/.]\d{1,2}[-/.]\d{4}\b")
LINK_RE = re.compile(r"\[([^\]]+)\]\([^)]*\)")
QUOTED_RE = re.compile(r"[\"“]([^\"”]+?)[,.]?[\"”]")


def looks_like_meeting(text: str) -> bool:
    labels = {m.group(1).strip().lower() for m in map(SECTION_RE.match, text.split("\n")) if m}
    return len(labels & SECTION_FIELDS.keys()) >= 2


def parse_meeting(text: str, doc_id: str) -> Document:
    sections = _sections(split_lines(text))
    if not sections:
        raise InputError("E006", path=doc_id)
    record = MeetingRecord()
    doc = Document(doc_id=doc_id, text=text, format="meeting",
                   meta=Metadata(meeting=record), issues=[Issue("W001", Warnings.W001)])
    paragraphs = []
    last_field = None
    for label, items in sections:
        field = SECTION_FIELDS.get(label.lower())
        for item in items:
            builder = ParagraphBuilder(EN, " ")
            for n, line in enumerate(item):
                skip = _marker_length(line.text) if n == 0 else 0
                builder.add(line.text[skip:], line.start + skip)
            if builder.empty:
                continue
            paragraphs.append(builder.build(len(paragraphs)))
            _store(record, field, paragraphs[-1].text)
        last_field = field
    if last_field == "remarks" and record.source is None:
        _split_source(record, sections[-1][1])
    doc.paragraphs[EN] = paragraphs
    doc.meta.title_en = record.type
    doc.meta.date = date_range(record.dates) if record.dates else None
    return doc


@dataclass(frozen=True, slots=True)
class _Day:
    """A date as written: any part may be missing ("November", "9, 1954")."""

    year: int | None
    month: int | None
    day: int | None

    def filled(self, other: _Day) -> _Day:
        """Missing parts taken from the other end of the range (March 2 – 9, 1954)."""
        return _Day(self.year or other.year, self.month or other.month, self.day)

    def iso(self) -> str:
        parts = [f"{self.year:04d}"] + ([f"{self.month:02d}"] if self.month else [])
        return "-".join(parts + ([f"{self.day:02d}"] if self.month and self.day else []))


def date_range(text: str) -> str | None:
    """An ISO date ("1954-03-02") or ISO 8601 interval ("1953-11/1953-12-08") for the dates
    of a meeting, or None when they hold no year.

    Each end is read by ``dateutil``; the parts an end leaves out come from the other end.
    Numeric dates are read day first (08-12-1953 is 8 December, as in the speeches of that
    record) unless only month first gives a range that ends after it starts.
    """
    text = text.strip().rstrip(".")
    parts = RANGE_SPLIT_RE.split(text, maxsplit=1)
    if len(parts) == 1:  # "March 2-9, 1954", "Nov 28-Dec 8, 1953": a bare hyphen
        parts = _split_at_hyphen(text)
    month = MONTH_RE.search(parts[0])
    if len(parts) == 2 and month and not (MONTH_RE.search(parts[1])
                                          or NUMERIC_DATE_RE.search(parts[1])):
        parts[1] = f"{month.group(0)} {parts[1]}"  # "9, 1954" is a day of March, not September
    for dayfirst in (True, False):
        ends = [_read_day(part, dayfirst) for part in parts]
        if None in ends:
            continue
        start, end = ends[0].filled(ends[-1]), ends[-1].filled(ends[0])
        if start.year is None or end.year is None:
            continue
        if ends[0].year is None and not _ordered(start, end):  # December 28 – January 3, 1954
            start = replace(start, year=start.year - 1)
        if _ordered(start, end):
            return start.iso() if start == end else f"{start.iso()}/{end.iso()}"
    return None


def _split_at_hyphen(text: str) -> list[str]:
    """``text`` cut at its first hyphen outside a numeric date such as 08-12-1953."""
    inside = [m.span() for m in NUMERIC_DATE_RE.finditer(text)]
    for match in re.finditer("-", text):
        if not any(start <= match.start() < end for start, end in inside):
            return [text[:match.start()].strip(), text[match.end():].strip()]
    return [text]


def _ordered(start: _Day, end: _Day) -> bool:
    return (start.year, start.month or 0, start.day or 0) <= (end.year, end.month or 13,
                                                              end.day or 32)


def _read_day(text: str, dayfirst: bool) -> _Day | None:
    """The parts of a date that ``text`` gives: parsed with two different defaults, a part
    that comes out the same both times was written."""
    from dateutil import parser

    try:
        first = parser.parse(text, default=datetime(1, 1, 1), dayfirst=dayfirst)
        second = parser.parse(text, default=datetime(2, 2, 2), dayfirst=dayfirst)
    except (ValueError, OverflowError):
        return None
    return _Day(*(a if a == b else None for a, b in ((first.year, second.year),
                                                      (first.month, second.month),
                                                      (first.day, second.day))))


def _marker_length(text: str) -> int:
    match = ITEM_RE.match(text)
    return match.end() if match else 0


def _sections(lines: list[Line]) -> list[tuple[str, list[list[Line]]]]:
    """``[(label, items)]``: each item is the lines of one bullet, number or paragraph."""
    sections: list[tuple[str, list[list[Line]]]] = []
    for line in lines:
        match = SECTION_RE.match(line.text)
        if match and match.group(1).strip().lower() in SECTION_FIELDS:
            sections.append((match.group(1).strip(), []))
        elif sections and not line.blank:
            items = sections[-1][1]
            if not items or ITEM_RE.match(line.text) or _starts_item(items[-1], line):
                items.append([line])
            else:
                items[-1].append(line)
    return sections


def _starts_item(item: list[Line], line: Line) -> bool:
    """A plain line after a numbered or bulleted item is a new item (e.g. the source line)."""
    return bool(ITEM_RE.match(item[0].text)) or item[-1].start + len(item[-1].text) + 1 < line.start


def _store(record: MeetingRecord, field: str | None, text: str) -> None:
    if field == "speeches":
        record.speeches.append(_speech(text))
    elif field in ("decisions", "remarks"):
        getattr(record, field).append(text)
    elif field is not None:
        current = getattr(record, field)
        setattr(record, field, text if current is None else f"{current} {text}")


def _speech(text: str) -> Speech:
    """``Speaker [Title](#) Date`` or ``Speaker "Title," Date``."""
    date_match = DATE_TAIL_RE.search(text)
    date = date_match.group(1) if date_match else None
    rest = text[: date_match.start()] if date_match else text
    title_match = LINK_RE.search(rest) or QUOTED_RE.search(rest)
    if title_match:
        return Speech(rest[: title_match.start()].strip(), title_match.group(1).strip(), date)
    return Speech(rest.strip(), "", date)


def _split_source(record: MeetingRecord, items: list[list[Line]]) -> None:
    """The closing unnumbered line of the remarks is the record's source citation."""
    last = items[-1] if items else None
    if last and not ITEM_RE.match(last[0].text) and len(items) > 1 and record.remarks:
        record.source = record.remarks.pop()
