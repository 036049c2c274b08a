"""Named entities of both languages with sentence ids and source offsets.

English: the spaCy pipeline's NER, keeping the labels a reader of these documents needs,
with names mended where the small model cuts them. Chinese: ``spacy.blank("zh")`` on jieba
with the glossary and jiagu components of ``zh_components``.
"""
from __future__ import annotations

import re

from pipeline.extract import models
from pipeline.extract.spans import SourceMap
from pipeline.record import ZH, Document, Entity

EN_LABELS = {"ORG", "GPE", "PERSON", "NORP", "LOC", "FAC", "DATE", "MONEY", "PERCENT",
             "QUANTITY", "CARDINAL"}
ZH_LABELS = {"PER", "LOC", "ORG"}
LEADING_ARTICLE = re.compile(r"^the\s+", re.IGNORECASE)
NAME_LABELS = {"ORG", "GPE", "NORP", "LOC", "FAC", "PERSON"}
# "Li Fuchun's", "Cooperatives'", "Taiyuan 2%": a possessive or a number is not the name.
NAME_TRAILER = re.compile(r"(?:['’]s?|\s+[\d.,%]+)+$")
# The small English model stops long names at "of": "Preparatory Committee | of the
# All-China ... Federation". A capitalised tail after of/for (with "and Crafts" inside it)
# belongs to the name; "X and the Y" stays two names.
_CAPS = r"(?:\s+[A-Z][\w'’-]*)+"
ORG_TAIL = re.compile(rf"(?:\s+(?:of|for)(?:\s+the)?{_CAPS}(?:\s+and{_CAPS})*)+")
AND_TAIL = re.compile(rf"(?:\s+and{_CAPS})+")


def find_entities(doc: Document, parses: models.SentenceParses) -> list[Entity]:
    entities = []
    for lang in sorted(doc.sentences, key=lambda lang: lang != ZH):
        labels = ZH_LABELS if lang == ZH else EN_LABELS
        source = SourceMap(doc, lang)
        for sentence, parsed in zip(doc.side(lang), parses(lang)):
            spans = [(e.start_char, e.end_char, e.label_) for e in parsed.ents
                     if e.label_ in labels]
            if lang != ZH:
                spans = _mend_english(sentence.text, spans)
            for start, end, label in spans:
                src_start, src_end = source.span(sentence, start, end)
                entities.append(Entity(lang, sentence.text[start:end], label, sentence.index,
                                       src_start, src_end))
    return entities


def _mend_english(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Drop leading articles, trailing possessives and numbers, and lower-case
    'organisations'; extend names over 'of the X'."""
    mended: list[tuple[int, int, str]] = []
    for start, end, label in spans:
        if mended and start < mended[-1][1]:
            continue  # swallowed by the previous name's tail
        if label in NAME_LABELS - {"PERSON"}:
            article = LEADING_ARTICLE.match(text[start:end])
            start += article.end() if article else 0
            if not any(ch.isupper() for ch in text[start:end]):
                continue
        if label == "ORG":
            tail = ORG_TAIL.match(text, end)
            end = tail.end() if tail else end
            if " of " in text[start:end]:  # "Federation of Arts | and Crafts Cooperatives"
                tail = AND_TAIL.match(text, end)
                end = tail.end() if tail else end
        if label in NAME_LABELS:
            end = start + len(NAME_TRAILER.sub("", text[start:end]))
        if end > start:
            mended.append((start, end, label))
    return mended
