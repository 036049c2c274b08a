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
    stats = stats if stats is not None else AlignStats()
    if not src or not tgt:
        return _make_beads([(range(i, i + 1), range(0)) for i in range(len(src))]
                           + [(range(0), range(j, j + 1)) for j in range(len(tgt))],
                           np.zeros(len(src) + len(tgt)), settings.confidence)
    cache = EmbeddingCache(encoder or load_encoder(settings.encoder))
    t0 = time.perf_counter()
    src_side, tgt_side = build_sides(
        SideInput(src, src_lang, src_paragraphs, src_sections, src_words, src_numbers),
        SideInput(tgt, tgt_lang, tgt_paragraphs, tgt_sections, None, tgt_numbers), cache)
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


def align(doc: Document, settings: AlignSettings = AlignSettings(), encoder: Encoder | None = None) -> Document:
    """Stage function: set ``doc.beads`` from the source and target sentences, with the
    numbers of ``doc.numbers`` as evidence (none when the annotation has not run)."""
    if not doc.bilingual:
        return doc
    src, tgt = doc.side(doc.src_lang), doc.side(doc.tgt_lang)
    words = [s.words for s in src] if doc.src_lang == ZH and all(s.words for s in src) else None
    doc.beads = align_texts(
        [s.text for s in src], [s.text for s in tgt], doc.src_lang, doc.tgt_lang, settings,
        paragraphs(src), paragraphs(tgt), encoder, src_words=words,
        src_sections=sections(src), tgt_sections=sections(tgt),
        src_numbers=sentence_number_keys(doc.numbers, doc.src_lang, len(src)),
        tgt_numbers=sentence_number_keys(doc.numbers, doc.tgt_lang, len(tgt)))
    return doc
