"""Segment: paragraphs to sentences, with paragraph ids and source offsets; jieba words.

Headlines, sub-headings and presplit lines are one segment each. The splitters are rules
written here rather than a statistical model because they must keep exact character
offsets, run at corpus speed, and never break at the abbreviations of this corpus.
"""
from __future__ import annotations

from pipeline.record import ZH, Document, Paragraph, Sentence
from pipeline.segment.en import split_english
from pipeline.segment.zh import split_chinese, tokenize_chinese
from pipeline.settings import SegmentSettings

__all__ = ["segment", "split_chinese", "split_english", "split_sentences", "tokenize_chinese"]

WHOLE_KINDS = {"headline", "subheading", "sentence"}


def split_sentences(text: str, lang: str) -> list[tuple[int, int]]:
    """``(start, end)`` spans of the sentences of one paragraph's text."""
    return split_chinese(text) if lang == ZH else split_english(text)


def segment(doc: Document, settings: SegmentSettings = SegmentSettings()) -> Document:
    for lang, paragraphs in doc.paragraphs.items():
        sentences: list[Sentence] = []
        for para in paragraphs:
            sentences.extend(_paragraph_sentences(para, len(sentences)))
        if lang == ZH:
            words = tokenize_chinese([s.text for s in sentences], settings)
            for sentence, tokens in zip(sentences, words):
                sentence.words = tokens
        doc.sentences[lang] = sentences
    return doc


def _paragraph_sentences(para: Paragraph, first_index: int) -> list[Sentence]:
    if para.kind in WHOLE_KINDS:
        spans = [(0, len(para.text))]
    else:
        spans = split_sentences(para.text, para.lang)
    out = []
    for start, end in spans:
        src_start, src_end = para.source_span(start, end)
        out.append(Sentence(para.lang, first_index + len(out), para.text[start:end],
                            para.index, src_start, src_end, para.kind))
    return out
