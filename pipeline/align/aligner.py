"""The alignment stage: sentences in, beads out.

``align_texts`` is the whole algorithm on plain lists of strings; ``align`` is the stage
function over a ``Document``. The search is coarse-to-fine: when the full grid is too big,
blocks of sentences are aligned first and the fine DP runs in a band around that path, so
time and memory grow linearly with the length of the document.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field

import numpy as np
import scipy.sparse as sp

from pipeline.align import dp, lexicon
from pipeline.align.clauses import edge_clauses
from pipeline.align.quotes import continues_quotation
from pipeline.align.encoders import EmbeddingCache, Encoder, load_encoder
from pipeline.align.evidence import DocumentPriors, Scorer, Side, WindowEvidence, quality
from pipeline.record import ZH, Bead, Document, Sentence
from pipeline.segment import tokenize_chinese
from pipeline.settings import AlignSettings


@dataclass
class AlignStats:
    """Where the time went and how much was encoded, for the bench and the document stats."""

    encode_seconds: float = 0.0
    features_seconds: float = 0.0  # jieba, dictionary keys, numbers
    evidence_seconds: float = 0.0
    dp_seconds: float = 0.0
    encoded: int = 0
    band_width: int = 0
    passes: list[str] = field(default_factory=list)
    features: np.ndarray | None = None  # confidence features of each bead, to fit the model


def _keys(texts: list[str], lang: str, words: list[list[str]] | None) -> list[set[str]]:
    if lang == ZH:
        words = words or tokenize_chinese(texts)
        return [lexicon.zh_keys(w) for w in words]
    return [lexicon.en_keys(t) for t in texts]


def _numbers(texts: list[str], lang: str) -> list[set[str]]:
    return [lexicon.number_keys(t, lang) for t in texts]


def _incidence(src_sets: list[set[str]], tgt_sets: list[set[str]]) -> tuple[sp.csr_matrix, sp.csr_matrix]:
    """0/1 sentence-by-key matrices of both sides over one shared vocabulary.

    Only keys present on both sides can ever match, so the others are dropped.
    """
    shared = sorted(set().union(*src_sets) & set().union(*tgt_sets)) if src_sets and tgt_sets else []
    column = {k: c for c, k in enumerate(shared)}

    def matrix(sets: list[set[str]]) -> sp.csr_matrix:
        rows = [r for r, keys in enumerate(sets) for k in keys if k in column]
        cols = [column[k] for keys in sets for k in keys if k in column]
        data = np.ones(len(rows), dtype=np.float32)
        return sp.csr_matrix((data, (rows, cols)), shape=(len(sets), len(shared)))

    return matrix(src_sets), matrix(tgt_sets)


def _starts(n: int, paragraphs: list[int] | None) -> np.ndarray:
    """Where a new paragraph (or section) starts, from each sentence's number."""
    if paragraphs is None:
        return np.zeros(n, dtype=bool)
    p = np.asarray(paragraphs)
    return np.concatenate([[True], p[1:] != p[:-1]]) if n else np.zeros(0, dtype=bool)


def _chars(texts: list[str]) -> np.ndarray:
    return np.array([sum(not c.isspace() for c in t) for t in texts], dtype=np.float64)


def _coarsen(side: Side, blocks: int) -> tuple[Side, np.ndarray]:
    """Merge consecutive sentences into ``blocks`` units; return them and each unit's start."""
    n = len(side)
    starts = np.linspace(0, n, blocks + 1).round().astype(np.int64)
    member = np.repeat(np.arange(blocks), np.diff(starts))
    agg = sp.csr_matrix((np.ones(n), (member, np.arange(n))), shape=(blocks, n))
    vecs = agg @ side.vecs
    vecs /= np.maximum(np.linalg.norm(vecs, axis=1, keepdims=True), 1e-12)
    coarse = Side(vecs=vecs.astype(np.float32), chars=agg @ side.chars,
                  keys=(agg @ side.keys).tocsr(), numbers=(agg @ side.numbers).tocsr(),
                  para_start=np.zeros(blocks, dtype=bool), section_start=np.zeros(blocks, dtype=bool),
                  in_quote=np.zeros(blocks, dtype=bool), lang=side.lang)
    return coarse, starts


def _search_band(src: Side, tgt: Side, settings: AlignSettings, stats: AlignStats) -> dp.Band:
    """The band the fine DP searches: the whole grid if it is small, else a band around
    the path that aligning blocks of sentences finds (both sides cut into the same number
    of blocks, so the coarse path runs near the diagonal and 1-2 / 2-1 shapes suffice)."""
    n, m = len(src), len(tgt)
    if (n + 1) * (m + 1) <= settings.max_full_cells:
        return dp.Band.full(n, m)
    blocks = settings.coarse_blocks
    coarse_src, src_starts = _coarsen(src, min(blocks, n))
    coarse_tgt, tgt_starts = _coarsen(tgt, min(blocks, m))
    shapes = dp.make_bead_shapes(3)
    path = _best_path(coarse_src, coarse_tgt, dp.Band.full(len(coarse_src), len(coarse_tgt)),
                      shapes, settings, stats)
    stats.passes.append(f"coarse {len(coarse_src)}x{len(coarse_tgt)}")
    return _band_around(path, n, m, settings.band_margin, settings, src_starts, tgt_starts)


def _band_around(path: list[tuple[range, range]], n: int, m: int, margin: int,
                 settings: AlignSettings, src_starts: np.ndarray | None = None,
                 tgt_starts: np.ndarray | None = None) -> dp.Band:
    """The band of ``margin`` columns either side of a path; with ``*_starts``, the path
    runs over blocks and each block stands for the sentences from its start to the next."""
    src_starts = np.arange(n + 1) if src_starts is None else src_starts
    tgt_starts = np.arange(m + 1) if tgt_starts is None else tgt_starts
    row_min = np.full(n + 1, m, dtype=np.int64)
    row_max = np.zeros(n + 1, dtype=np.int64)
    for src_span, tgt_span in path:
        r0, r1 = src_starts[src_span.start], src_starts[src_span.stop]
        c0, c1 = tgt_starts[tgt_span.start], tgt_starts[tgt_span.stop]
        row_min[r0:r1 + 1] = np.minimum(row_min[r0:r1 + 1], c0)
        row_max[r0:r1 + 1] = np.maximum(row_max[r0:r1 + 1], c1)
    return dp.Band.around(row_min, row_max, margin, settings.max_band_width, n, m)


def shape_costs(shapes: np.ndarray, settings: AlignSettings) -> np.ndarray:
    """Prior cost of each bead shape: ``shape_penalty`` per sentence beyond two.

    Unaligned shapes cost nothing here; they pay ``skip``, which the scorer puts in.
    """
    sizes = shapes.sum(axis=1)
    return np.where(sizes >= 2, settings.shape_penalty * (sizes - 2.0), 0.0)


def _best_path(src: Side, tgt: Side, band: dp.Band, shapes: np.ndarray,
               settings: AlignSettings, stats: AlignStats,
               priors: DocumentPriors | None = None, cuts: bool = False) -> list[tuple[range, range]]:
    t0 = time.perf_counter()
    scores = Scorer(src, tgt, shapes, settings, priors, cuts).band_scores(band)
    scores -= shape_costs(shapes, settings)[:, None, None].astype(np.float32)
    t1 = time.perf_counter()
    _, back = dp.forward(scores, shapes, band)
    path = dp.traceback(back, shapes, band)
    stats.evidence_seconds += t1 - t0
    stats.dp_seconds += time.perf_counter() - t1
    return path


def _aligned_chars(src: Side, tgt: Side, path: list[tuple[range, range]]) -> tuple[np.ndarray, np.ndarray]:
    """Characters of each side of every aligned bead of ``path``, to refit the length model."""
    aligned = [(s, t) for s, t in path if s and t]
    return (np.array([src.chars[s.start:s.stop].sum() for s, _ in aligned]),
            np.array([tgt.chars[t.start:t.stop].sum() for _, t in aligned]))


def _bead_features(src: Side, tgt: Side, path: list[tuple[range, range]],
                   settings: AlignSettings, priors: DocumentPriors) -> np.ndarray:
    """``(len(path), 2)``: the features confidence is computed from, for each bead:
    quality ``q`` and sentences beyond two. Rows of unaligned beads are NaN."""
    def sums(side: Side, spans: list[range]) -> sp.csr_matrix:
        rows = [r for r, span in enumerate(spans) for _ in span]
        cols = [x for span in spans for x in span]
        return sp.csr_matrix((np.ones(len(cols)), (rows, cols)), shape=(len(spans), len(side)))

    a_src = sums(src, [s for s, _ in path])
    a_tgt = sums(tgt, [t for _, t in path])
    sv, tv = a_src @ src.vecs, a_tgt @ tgt.vecs
    sv /= np.maximum(np.linalg.norm(sv, axis=1, keepdims=True), 1e-12)
    tv /= np.maximum(np.linalg.norm(tv, axis=1, keepdims=True), 1e-12)
    rowdot = lambda x, y: np.asarray(x.multiply(y).sum(axis=1)).ravel()  # noqa: E731
    sk, tk = a_src @ src.keys, a_tgt @ tgt.keys
    sn, tn = a_src @ src.numbers, a_tgt @ tgt.numbers
    ev = WindowEvidence(
        cos=np.einsum("ij,ij->i", sv, tv),
        neighbour_cos=np.array([_neighbour_cos(src, tgt, s, t, x, y)
                                for (s, t), x, y in zip(path, sv, tv)]),
        src_chars=a_src @ src.chars, tgt_chars=a_tgt @ tgt.chars,
        key_hits=rowdot(sk, tk), tgt_keys=np.asarray(tk.sum(axis=1)).ravel(),
        number_hits=rowdot(sn, tn),
        numbers=np.asarray(sn.sum(axis=1)).ravel() + np.asarray(tn.sum(axis=1)).ravel())
    q = quality(ev, priors, settings)
    extra = np.array([len(s) + len(t) - 2.0 for s, t in path])
    features = np.stack([q, extra], axis=1)
    aligned = np.array([len(s) > 0 and len(t) > 0 for s, t in path], dtype=bool)
    return np.where(aligned[:, None], features, np.nan)


def _neighbour_cos(src: Side, tgt: Side, s: range, t: range, sv: np.ndarray, tv: np.ndarray) -> float:
    """Mean cosine of each side of a bead with the sentences just outside the other side."""
    values = [sv @ tgt.vecs[x] for x in (t.start - 1, t.stop) if 0 <= x < len(tgt)]
    values += [tv @ src.vecs[x] for x in (s.start - 1, s.stop) if 0 <= x < len(src)]
    return float(np.mean(values)) if values else 0.0


def confidence(features: np.ndarray, settings: AlignSettings) -> np.ndarray:
    """Probability that each bead is right: a logistic model over ``_bead_features``,
    0 for unaligned beads (an unaligned sentence always deserves a look)."""
    weights = np.array([settings.confidence_quality, -settings.confidence_size])
    logit = settings.confidence_bias + np.nan_to_num(features) @ weights
    return np.where(np.isnan(features[:, 0]), 0.0, 1.0 / (1.0 + np.exp(-logit)))


def _make_beads(path: list[tuple[range, range]], conf: np.ndarray,
                settings: AlignSettings) -> list[Bead]:
    beads = []
    for (s, t), c in zip(path, conf):
        flags = []
        if not s or not t:
            flags.append("unaligned")
        if c < settings.flag_threshold:
            flags.append("low_score")
        beads.append(Bead(src=list(s), tgt=list(t), score=round(float(c), 4), flags=flags))
    return beads


def build_side(texts: list[str], lang: str, paragraphs: list[int] | None,
               cache: EmbeddingCache, words: list[list[str]] | None = None,
               sections: list[int] | None = None) -> tuple[Side, list[set[str]], list[set[str]]]:
    """Embeddings, lengths and paragraph starts of one side, plus its key and number sets."""
    vecs = cache.encode(texts)
    first, last = edge_clauses(texts, lang)
    side = Side(vecs=vecs, chars=_chars(texts), keys=sp.csr_matrix((len(texts), 0)),
                numbers=sp.csr_matrix((len(texts), 0)), para_start=_starts(len(texts), paragraphs),
                section_start=_starts(len(texts), sections),
                in_quote=continues_quotation(texts, lang), lang=lang,
                first_clause_vecs=cache.encode(first), last_clause_vecs=cache.encode(last))
    return side, _keys(texts, lang, words), _numbers(texts, lang)


def align_texts(src: list[str], tgt: list[str], src_lang: str, tgt_lang: str,
                settings: AlignSettings = AlignSettings(),
                src_paragraphs: list[int] | None = None, tgt_paragraphs: list[int] | None = None,
                encoder: Encoder | None = None, *, src_words: list[list[str]] | None = None,
                src_sections: list[int] | None = None, tgt_sections: list[int] | None = None,
                stats: AlignStats | None = None) -> list[Bead]:
    """Align two lists of sentences monotonically; every sentence is in exactly one bead.

    ``src_paragraphs`` / ``tgt_paragraphs`` give each sentence's paragraph number, used as
    soft evidence only; ``src_sections`` / ``tgt_sections`` the section of each (headlines,
    body), which a bead should not straddle. ``src_words`` may pass a segmenter's Chinese
    words to save jieba.
    """
    stats = stats if stats is not None else AlignStats()
    if not src or not tgt:
        return _make_beads([(range(i, i + 1), range(0)) for i in range(len(src))]
                           + [(range(0), range(j, j + 1)) for j in range(len(tgt))],
                           np.zeros(len(src) + len(tgt)), settings)
    cache = EmbeddingCache(encoder or load_encoder(settings.encoder))
    t0 = time.perf_counter()
    src_side, src_keys, src_nums = build_side(src, src_lang, src_paragraphs, cache, src_words,
                                              src_sections)
    tgt_side, tgt_keys, tgt_nums = build_side(tgt, tgt_lang, tgt_paragraphs, cache,
                                              sections=tgt_sections)
    src_side.keys, tgt_side.keys = _incidence(src_keys, tgt_keys)
    src_side.numbers, tgt_side.numbers = _incidence(src_nums, tgt_nums)
    stats.encode_seconds += cache.seconds
    stats.features_seconds += time.perf_counter() - t0 - cache.seconds
    stats.encoded = cache.encoded
    del cache  # the sides hold copies; the cache's rows would keep the encoder's batches alive
    band = _search_band(src_side, tgt_side, settings, stats)
    stats.band_width = band.width
    # First pass over the whole band with beads up to route_max_bead; second pass in a
    # narrow band around that path with every shape up to max_bead, the cost of each cut
    # from the edge clauses and, if asked, a length model refitted to the first path.
    route_shapes = dp.make_bead_shapes(min(settings.route_max_bead, settings.max_bead))
    path = _best_path(src_side, tgt_side, band, route_shapes, settings, stats)
    priors = DocumentPriors.estimate(src_side, tgt_side, settings)
    if settings.refit_length:
        priors = priors.refit(*_aligned_chars(src_side, tgt_side, path), settings)
    band = _band_around(path, len(src), len(tgt), settings.refine_band_margin, settings)
    path = _best_path(src_side, tgt_side, band, dp.make_bead_shapes(settings.max_bead), settings,
                      stats, priors, cuts=True)
    stats.features = _bead_features(src_side, tgt_side, path, settings, priors)
    return _make_beads(path, confidence(stats.features, settings), settings)


def _paragraphs(sentences: list[Sentence]) -> list[int] | None:
    """Paragraph numbers, or None when every sentence is its own paragraph (presplit input),
    which says nothing about where beads may end."""
    ids = [s.paragraph for s in sentences]
    return None if len(sentences) > 1 and len(set(ids)) == len(ids) else ids


def _sections(sentences: list[Sentence]) -> list[int]:
    """Section numbers: a new section wherever the kind of sentence changes (headlines,
    subheadings, body), so that an English body that drops the second Chinese headline
    leaves it unaligned instead of glued to the dateline."""
    kinds = [s.kind for s in sentences]
    return [sum(a != b for a, b in zip(kinds, kinds[1:i + 1])) for i in range(len(kinds))]


def align(doc: Document, settings: AlignSettings = AlignSettings(), encoder: Encoder | None = None) -> Document:
    """Stage function: set ``doc.beads`` from the source and target sentences."""
    if not doc.bilingual:
        return doc
    src, tgt = doc.side(doc.src_lang), doc.side(doc.tgt_lang)
    words = [s.words for s in src] if doc.src_lang == ZH and all(s.words for s in src) else None
    doc.beads = align_texts([s.text for s in src], [s.text for s in tgt], doc.src_lang,
                            doc.tgt_lang, settings, _paragraphs(src), _paragraphs(tgt), encoder,
                            src_words=words, src_sections=_sections(src),
                            tgt_sections=_sections(tgt))
    return doc
