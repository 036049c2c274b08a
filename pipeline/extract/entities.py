"""Named entities of both languages with sentence ids and source offsets.

English: the spaCy pipeline's NER, keeping the labels a reader of these documents needs.
Chinese: ``spacy.blank("zh")`` on jieba with two components, spaCy style: the period
glossary first (so that long names such as 中华全国手工业生产合作社联合总社筹备委员会
survive whole), then jiagu NER for the rest. jiagu tags jieba words and often breaks a long
name into ``B-ORG O O I-ORG``; the decoder mends such gaps when they hold only name words.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from pipeline.extract import models
from pipeline.extract.spans import SourceMap
from pipeline.record import ZH, Document, Entity

EN_LABELS = {"ORG", "GPE", "PERSON", "NORP", "LOC", "FAC", "DATE", "MONEY", "PERCENT",
             "QUANTITY", "CARDINAL"}
ZH_LABELS = {"PER", "LOC", "ORG"}
# Words that end a name rather than continue it when jiagu leaves a gap.
GAP_BREAKERS = set("和与及同跟或的在对把被为、，。；：（）“”《》") | {"以及", "并且", "召开", "联合召开"}
MAX_GAP = 4
NUMBER_WORD = re.compile(r"\d|百分之|^[零〇○一二三四五六七八九十百千万亿两]+[日月年]?讯?$")
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


@Language.factory("duiqi_glossary", default_config={"path": "glossary.tsv"})
def make_glossary_matcher(nlp: Language, name: str, path: str):
    return GlossaryMatcher(models.glossary(path))


class GlossaryMatcher:
    """Marks every glossary name, longest first, whatever jieba made of its characters."""

    def __init__(self, rows) -> None:
        self.labels = {zh: label for zh, _, label in rows}
        names = sorted(self.labels, key=lambda name: (-len(name), name))
        self.pattern = re.compile("|".join(map(re.escape, names))) if names else None

    def __call__(self, doc: Doc) -> Doc:
        if self.pattern is None:
            return doc
        spans = []
        for match in self.pattern.finditer(doc.text):
            span = doc.char_span(match.start(), match.end(), label=self.labels[match.group()],
                                 alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.ents = filter_spans(spans)
        return doc


@Language.component("duiqi_jiagu_ner")
def jiagu_ner(doc: Doc) -> Doc:
    """jiagu tags on the jieba words, decoded leniently, added where the glossary is silent."""
    import jiagu

    if not len(doc):
        return doc
    tags = jiagu.ner([token.text for token in doc])
    spans = [Span(doc, start, end, label=label) for start, end, label in decode_tags(
        [t.text for t in doc], tags)]
    spans = [s for s in spans if len(s.text) >= 2]
    doc.ents = filter_spans(list(doc.ents) + spans)  # glossary spans are longer or first
    return doc


def decode_tags(words: list[str], tags: list[str]) -> list[tuple[int, int, str]]:
    """``(start, end, label)`` word spans from BIO tags, mending short gaps of name words."""
    spans: list[list] = []
    for i, tag in enumerate(tags):
        if tag == "O" or "-" not in tag or NUMBER_WORD.search(words[i]):
            continue  # 华东 | 百分之四: a number is never part of a name
        prefix, label = tag.split("-", 1)
        last = spans[-1] if spans else None
        if last and last[2] == label and (
                last[1] == i or (prefix == "I" and _mendable(words[last[1]:i]))):
            last[1] = i + 1
        else:
            spans.append([i, i + 1, label])
    return [(s, e, label) for s, e, label in spans if label in ZH_LABELS]


def _mendable(gap: list[str]) -> bool:
    return len(gap) <= MAX_GAP and not any(
        w in GAP_BREAKERS or not w.strip() or NUMBER_WORD.search(w) for w in gap)


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
