"""Numeric facts of each language, one ``Target`` per mention (GUIDELINE.md).

Each language has one reader that decides which numbers are facts and reads their fields
in context: ``context_zh`` from the clause (jieba words, measure words and verbs),
``context_en`` from spaCy's parse. Both see the whole side of the document, so that an
indicator or a time can be carried across an elided list or into the next clause. Linking
the two languages is a later stage (``pipeline.link``).
"""
from __future__ import annotations

import re

from pipeline.extract import context_en, context_zh, models
from pipeline.extract.quantity import DocContext, FactReading
from pipeline.record import ZH, Document, Target

# The guideline's comparators; the number readers' finer words fold into them.
COMPARATORS = {"nearly": "about", "approximately": "about", "around": "about",
               "over": "more_than", "at_most": "less_than", "none": None}


def find_targets(doc: Document, parses: models.SentenceParses) -> list[Target]:
    """Targets of both languages, Chinese first, each in text order."""
    context = document_context(doc)
    readings: list[FactReading] = []
    for lang in sorted(doc.sentences, key=lambda lang: lang != ZH):
        if lang == ZH:
            readings += context_zh.read_facts(doc, context)
        else:
            readings += context_en.read_facts(doc, lang, parses(lang), context)
    return [_target(doc, reading) for reading in readings]


def document_context(doc: Document) -> DocContext:
    """The year (and month) the document speaks from: its date, or a meeting's dates."""
    written = doc.meta.date or (doc.meta.meeting.dates if doc.meta.meeting else None) or ""
    years = re.findall(r"(?:1[89]|20)\d\d", written)
    month = re.match(r"\d{4}-(\d\d)", doc.meta.date or "")
    return DocContext(int(years[-1]) if years else None,
                      int(month.group(1)) if month else None, doc.format)


def _target(doc: Document, reading: FactReading) -> Target:
    number = doc.numbers[reading.number]
    comparator = COMPARATORS.get(reading.comparator, reading.comparator)
    return Target(number.lang, reading.indicator, reading.sign * number.value, number.unit,
                  reading.kind, comparator, reading.time, reading.status, number.text,
                  number.sentence, number.start, number.end, number=reading.number,
                  high=None if reading.high is None else reading.sign * reading.high,
                  time_text=reading.time_text)
