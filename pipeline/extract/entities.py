"""Named entities of both languages with sentence ids, source offsets and one label set.

English: the spaCy pipeline's NER, its OntoNotes labels mapped onto the labels of
``labels`` (PERSON, PLACE, ORG, GROUP), with names mended where the small model cuts them.
Chinese: ``spacy.blank("zh")`` on jieba with the glossary and jiagu components of
``zh_components``, mapped the same way.

In a title-case headline ("Formulate This Year's Steel Production Plan") capitals say
nothing, and the small model tags runs of capitalised words as organisations; there an
English person, organisation or group is kept only when the body of the document names
it too.
"""
from __future__ import annotations

import re

from pipeline.extract import models
from pipeline.extract.labels import FROM_ONTONOTES, GROUP, ORG, PERSON
from pipeline.extract.spans import SourceMap
from pipeline.record import ZH, Document, Entity, Sentence

LEADING_ARTICLE = re.compile(r"^the\s+", re.IGNORECASE)
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
TITLE_CASE_SHARE = 0.8  # of the words of four letters or more, capitalised
CHECKED_IN_HEADLINES = {PERSON, ORG, GROUP}  # places are reliable even in title case
HEADLINE_KINDS = {"headline", "subheading"}
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
        source = SourceMap(doc, lang)
        body = " ".join(s.text for s in doc.side(lang) if not _title_case_headline(s))
        for sentence, parsed in zip(doc.side(lang), parses(lang)):
            if lang == ZH:  # the components give the common labels already
                spans = [(e.start_char, e.end_char, e.label_) for e in parsed.ents]
            else:
                spans = _mend_english(sentence.text, [
                    (e.start_char, e.end_char, FROM_ONTONOTES[e.label_]) for e in parsed.ents
                    if e.label_ in FROM_ONTONOTES])
                if _title_case_headline(sentence):
                    spans = [(start, end, label) for start, end, label in spans
                             if label not in CHECKED_IN_HEADLINES
                             or sentence.text[start:end] in body]
            for start, end, label in spans:
                src_start, src_end = source.span(sentence, start, end)
                entities.append(Entity(lang, sentence.text[start:end], label, sentence.index,
                                       src_start, src_end))
    return entities


def _title_case_headline(sentence: Sentence) -> bool:
    return sentence.kind in HEADLINE_KINDS and is_title_case(sentence.text)


def is_title_case(text: str) -> bool:
    """Most longer words capitalised, as in an English headline."""
    words = [w for w in WORD.findall(text) if len(w) >= 4]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= TITLE_CASE_SHARE * len(words)


def _mend_english(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Drop leading articles, trailing possessives and numbers, and lower-case
    'organisations'; extend names over 'of the X'."""
    mended: list[tuple[int, int, str]] = []
    for start, end, label in spans:
        if mended and start < mended[-1][1]:
            continue  # swallowed by the previous name's tail
        if label != PERSON:
            article = LEADING_ARTICLE.match(text[start:end])
            start += article.end() if article else 0
            if not any(ch.isupper() for ch in text[start:end]):
                continue
        if label == ORG:
            tail = ORG_TAIL.match(text, end)
            end = tail.end() if tail else end
            if " of " in text[start:end]:  # "Federation of Arts | and Crafts Cooperatives"
                tail = AND_TAIL.match(text, end)
                end = tail.end() if tail else end
        end = start + len(NAME_TRAILER.sub("", text[start:end]))
        if end > start:
            mended.append((start, end, label))
    return mended
