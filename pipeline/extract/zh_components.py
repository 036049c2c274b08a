"""The Chinese spaCy components: the period glossary, then jiagu NER.

spaCy style: each is a component over the shared ``Doc`` of ``spacy.blank("zh")`` on jieba.
The glossary goes first so that long names such as 中华全国手工业生产合作社联合总社筹备委员会
survive whole; jiagu tags jieba words and often breaks a long name into
``B-ORG O O I-ORG``, so the decoder mends such gaps when they hold only name words.
Imported by ``models.chinese_nlp`` only, so that importing ``pipeline.extract`` stays light.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from pipeline.extract.glossary import glossary
from pipeline.extract.labels import FROM_JIAGU

# Words that end a name rather than continue it when jiagu leaves a gap.
GAP_BREAKERS = set("和与及同跟或的在对把被为、，。；：（）“”《》") | {"以及", "并且", "召开", "联合召开"}
MAX_GAP = 4
NUMBER_WORD = re.compile(r"\d|百分之|^[零〇○一二三四五六七八九十百千万亿两]+[日月年]?讯?$")


@Language.factory("duiqi_glossary", default_config={"path": "glossary.tsv"})
def make_glossary_matcher(nlp: Language, name: str, path: str):
    return GlossaryMatcher(glossary(path))


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
    """``(start, end, label)`` word spans from BIO tags, mending short gaps of name words;
    jiagu's labels become the common ones (``labels``)."""
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
    return [(s, e, FROM_JIAGU[label]) for s, e, label in spans if label in FROM_JIAGU]


def _mendable(gap: list[str]) -> bool:
    return len(gap) <= MAX_GAP and not any(
        w in GAP_BREAKERS or not w.strip() or NUMBER_WORD.search(w) for w in gap)
