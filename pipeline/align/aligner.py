"""The alignment stage: sentences in, beads out.

``align_texts`` is the whole algorithm on plain lists of strings: the evidence is built
once (``features``), the search finds the best path (``search``, over ``dp``), and each
bead's confidence is read from the terms the scorer gave it (``confidence``). ``align`` is
the stage function over a ``Document``; it takes the numbers that the monolingual
annotation put in ``Document.numbers``.
"""
from __future__ import annotations

import time

import numpy as np

from pipeline.align.confidence import confidence, features
from pipeline.align.encoders import EmbeddingCache, Encoder, load_encoder
from pipeline.align.features import SideInput, build_sides, paragraphs, sections, sentence_number_keys
from pipeline.align.search import AlignStats, search
from pipeline.record import ZH, Bead, Document
from pipeline.settings import AlignSettings


def align_texts(src: list[str], tgt: list[str], src_lang: str, tgt_lang: str,
                settings: AlignSettings = AlignSettings(),
                src_paragraphs: list[int] | None = None, tgt_paragraphs: list[int] | None = None,
                encoder: Encoder | None = None, *, src_words: list[list[str]] | None = None,
                src_sections: list[int] | None = None, tgt_sections: list[int] | None = None,
                src_numbers: list[set[str]] | None = None, tgt_numbers: list[set[str]] | None = None,
                stats: AlignStats | None = None) -> list[Bead]:
    """Align two lists of sentences monotonically; every sentence is in exactly one bead.

    ``src_paragraphs`` / ``tgt_paragraphs`` give each sentence's paragraph number, used as
    soft evidence only; ``src_sections`` / ``tgt_sections`` the section of each (headlines,
    body), which a bead should not straddle. ``src_numbers`` / ``tgt_numbers`` are each
    sentence's number keys (``lexicon.number_keys``); without them numbers are no
    evidence. ``src_words`` may pass a segmenter's Chinese words to save jieba.
    """
    return align_inputs(
        SideInput(src, src_lang, src_paragraphs, src_sections, src_words, src_numbers),
        SideInput(tgt, tgt_lang, tgt_paragraphs, tgt_sections, None, tgt_numbers),
        settings, encoder, stats)


def align_inputs(src: SideInput, tgt: SideInput, settings: AlignSettings = AlignSettings(),
                 encoder: Encoder | None = None, stats: AlignStats | None = None) -> list[Bead]:
    """``align_texts`` over what the caller knows of each side (``features.SideInput``)."""
    stats = stats if stats is not None else AlignStats()
    if not src.texts or not tgt.texts:
        return _make_beads([(range(i, i + 1), range(0)) for i in range(len(src.texts))]
                           + [(range(0), range(j, j + 1)) for j in range(len(tgt.texts))],
                           np.zeros(len(src.texts) + len(tgt.texts)), settings.confidence)
    cache = EmbeddingCache(encoder or load_encoder(settings.encoder))
    t0 = time.perf_counter()
    src_side, tgt_side = build_sides(src, tgt, cache)
    stats.encode_seconds += cache.seconds
    stats.features_seconds += time.perf_counter() - t0 - cache.seconds
    stats.encoded = cache.encoded
    del cache  # the sides hold copies; the cache's rows would keep the encoder's batches alive
    path, scorer = search(src_side, tgt_side, settings, stats)
    stats.terms = scorer.bead_terms(path)
    return _make_beads(path, confidence(features(stats.terms), settings.confidence),
                       settings.confidence)


def _make_beads(path: list[tuple[range, range]], conf: np.ndarray,
                model: AlignSettings.Confidence) -> list[Bead]:
    beads = []
    for (s, t), c in zip(path, conf):
        flags = []
        if not s or not t:
            flags.append("unaligned")
        if c < model.flag_threshold:
            flags.append("low_score")
        beads.append(Bead(src=list(s), tgt=list(t), score=round(float(c), 4), flags=flags))
    return beads


def side_inputs(doc: Document) -> tuple[SideInput, SideInput]:
    """What the document tells the aligner about each side: paragraphs, sections, the
    segmenter's Chinese words and the numbers of ``doc.numbers``."""
    def side(lang: str) -> SideInput:
        sentences = doc.side(lang)
        words = ([s.words for s in sentences] if lang == ZH and all(s.words for s in sentences)
                 else None)
        return SideInput([s.text for s in sentences], lang, paragraphs(sentences),
                         sections(sentences), words,
                         sentence_number_keys(doc.numbers, lang, len(sentences)))

    return side(doc.src_lang), side(doc.tgt_lang)


def align(doc: Document, settings: AlignSettings = AlignSettings(), encoder: Encoder | None = None) -> Document:
    """Stage function: set ``doc.beads`` from the source and target sentences, with the
    numbers of ``doc.numbers`` as evidence (none when the annotation has not run)."""
    if not doc.bilingual:
        return doc
    doc.beads = align_inputs(*side_inputs(doc), settings, encoder)
    return doc
