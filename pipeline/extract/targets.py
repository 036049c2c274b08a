"""Numeric targets: one record per stated quantity, with what, how much, when and status.

Every number that is not a calendar date or a duration becomes a target. Its context is
read by ``context_en`` (from the spaCy parse) or ``context_zh`` (from the clause). The
status is ``planned`` when the sentence carries a plan or a future, or when the time is a
deadline after the document's own year; otherwise ``achieved``.
"""
from __future__ import annotations

import re
from collections import defaultdict

from pipeline.extract import context_en, context_zh, models
from pipeline.extract.spans import SourceMap
from pipeline.extract.units import ZH_CLASSIFIERS
from pipeline.record import ZH, Document, Number, Target

NOT_TARGETS = {"date", "duration"}


def find_targets(doc: Document, parses: models.SentenceParses) -> list[Target]:
    by_sentence: dict[tuple[str, int], list[Number]] = defaultdict(list)
    for number in doc.numbers:
        if number.kind not in NOT_TARGETS:
            by_sentence[number.lang, number.sentence].append(number)
    index_of = {id(number): i for i, number in enumerate(doc.numbers)}
    year = document_year(doc)
    targets = []
    for lang in sorted(doc.sentences, key=lambda lang: lang != ZH):
        source = SourceMap(doc, lang)
        if lang == ZH:
            for sentence in doc.side(lang):
                if (lang, sentence.index) in by_sentence:
                    targets += _chinese(sentence, by_sentence[lang, sentence.index], source, year)
        else:
            short = context_en.abbreviations([s.text for s in doc.side(lang)])
            for sentence, parsed in zip(doc.side(lang), parses(lang)):
                if (lang, sentence.index) in by_sentence:
                    targets += _english(sentence, parsed, by_sentence[lang, sentence.index],
                                        source, year, short)
    for target in targets:
        target.number = index_of[target.number]
    return targets


def document_year(doc: Document) -> int | None:
    """The year the document speaks from: its date, or a meeting record's dates."""
    written = doc.meta.date or (doc.meta.meeting.dates if doc.meta.meeting else None) or ""
    years = re.findall(r"(?:1[89]|20)\d\d", written)
    return int(years[-1]) if years else None


def _status(planned: bool, time, year: int | None) -> str:
    if planned or (time is not None and time.deadline and year is not None
                   and any(y > year for y in time.years)):
        return "planned"
    return "achieved"


def _english(sentence, parsed, numbers, source, year, short) -> list[Target]:
    phrases = context_en.time_phrases(sentence.text)
    out = []
    for number in numbers:
        start = source.relative(sentence, number.start)
        end = start + len(number.text)
        root = context_en.number_root(parsed, start, end)
        time = context_en.choose_time(parsed, root, start, phrases)
        kind, sign = context_en.kind(root, number.kind, number.unit)
        status = _status(context_en.is_planned(parsed, root, start), time, year)
        out.append(_target(number, context_en.indicator(root, short), kind, sign, time, status))
    return out


def _chinese(sentence, numbers, source, year) -> list[Target]:
    text = sentence.text
    phrases = context_zh.time_phrases(text, year)
    out = []
    for number in numbers:
        start = source.relative(sentence, number.start)
        end = start + len(number.text)
        time = context_zh.choose_time(text, start, phrases)
        kind, sign = context_zh.kind(text, start, number.kind, number.unit)
        status = _status(context_zh.is_planned(text, start), time, year)
        counted = number.unit is None and number.text[-1:] in ZH_CLASSIFIERS
        out.append(_target(number, context_zh.indicator(text, start, end, phrases, counted),
                           kind, sign, time, status))
    return out


def _target(number: Number, indicator: str | None, kind: str, sign: int, time,
            status: str) -> Target:
    """A target for ``number``; ``find_targets`` turns ``number=id(...)`` into its index."""
    return Target(number.lang, indicator or "", sign * number.value, number.unit, kind,
                  number.comparator, time.text if time else None, status, number.text,
                  number.sentence, number.start, number.end, number=id(number))
