"""The search: which cells the DP visits and in what passes (``dp`` is the DP itself).

When the full grid is too big, blocks of sentences are aligned first and the DP runs in a
band around that route, so time and memory grow linearly with the length of the document.
A first pass over that band tries beads up to ``route_max_bead`` sentences; a second pass,
in a narrow band around the first path, tries every shape up to ``max_bead`` with the cut
evidence of the edge clauses and, if asked, a length model refitted to the first path.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field

import numpy as np
import scipy.sparse as sp

from pipeline.align import dp
from pipeline.align.features import Side
from pipeline.align.scoring import DocumentPriors, Scorer
from pipeline.settings import AlignSettings

Path = list[tuple[range, range]]


@dataclass
class AlignStats:
    """Where the time went and how much was encoded, for the bench and the document stats."""

    encode_seconds: float = 0.0
    features_seconds: float = 0.0  # jieba, dictionary keys, quotations
    evidence_seconds: float = 0.0
    dp_seconds: float = 0.0
    encoded: int = 0
    band_width: int = 0
    passes: list[str] = field(default_factory=list)
    terms: dict[str, np.ndarray] | None = None  # Scorer.bead_terms of the final path


def search(src: Side, tgt: Side, settings: AlignSettings, stats: AlignStats) -> tuple[Path, Scorer]:
    """The best path, and the scorer of its last pass (whose terms give the confidence)."""
    limits, weights = settings.search, settings.scoring
    band = _route_band(src, tgt, settings, stats)
    stats.band_width = band.width
    route_shapes = dp.make_bead_shapes(min(limits.route_max_bead, limits.max_bead))
    path = best_path(Scorer(src, tgt, route_shapes, weights), band, stats)
    priors = DocumentPriors.estimate(src, tgt, weights)
    if weights.refit_length:
        priors = priors.refit(*_aligned_chars(src, tgt, path), weights)
    band = band_around(path, len(src), len(tgt), limits.refine_band_margin, limits)
    scorer = Scorer(src, tgt, dp.make_bead_shapes(limits.max_bead), weights, priors, cuts=True)
    return best_path(scorer, band, stats), scorer


def best_path(scorer: Scorer, band: dp.Band, stats: AlignStats) -> Path:
    t0 = time.perf_counter()
    scores = scorer.band_scores(band)
    scores -= shape_costs(scorer.shapes, scorer.s)[:, None, None].astype(np.float32)
    t1 = time.perf_counter()
    _, back = dp.forward(scores, scorer.shapes, band)
    path = dp.traceback(back, scorer.shapes, band)
    stats.evidence_seconds += t1 - t0
    stats.dp_seconds += time.perf_counter() - t1
    return path


def shape_costs(shapes: np.ndarray, weights: AlignSettings.Scoring) -> np.ndarray:
    """Prior cost of each bead shape: ``shape_penalty`` per sentence beyond two.

    Unaligned shapes cost nothing here; they pay ``skip``, which the scorer puts in.
    """
    sizes = shapes.sum(axis=1)
    return np.where(sizes >= 2, weights.shape_penalty * (sizes - 2.0), 0.0)


def _route_band(src: Side, tgt: Side, settings: AlignSettings, stats: AlignStats) -> dp.Band:
    """The band the first pass searches: the whole grid if it is small, else a band around
    the path that aligning blocks of sentences finds (both sides cut into the same number
    of blocks, so the coarse path runs near the diagonal and 1-2 / 2-1 shapes suffice)."""
    n, m = len(src), len(tgt)
    limits = settings.search
    if (n + 1) * (m + 1) <= limits.max_full_cells:
        return dp.Band.full(n, m)
    coarse_src, src_starts = _coarsen(src, min(limits.coarse_blocks, n))
    coarse_tgt, tgt_starts = _coarsen(tgt, min(limits.coarse_blocks, m))
    scorer = Scorer(coarse_src, coarse_tgt, dp.make_bead_shapes(3), settings.scoring)
    path = best_path(scorer, dp.Band.full(len(coarse_src), len(coarse_tgt)), stats)
    stats.passes.append(f"coarse {len(coarse_src)}x{len(coarse_tgt)}")
    return band_around(path, n, m, limits.band_margin, limits, src_starts, tgt_starts)


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


def band_around(path: Path, n: int, m: int, margin: int, limits: AlignSettings.Search,
                src_starts: np.ndarray | None = None, tgt_starts: np.ndarray | None = None) -> dp.Band:
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
    return dp.Band.around(row_min, row_max, margin, limits.max_band_width, n, m)


def _aligned_chars(src: Side, tgt: Side, path: Path) -> tuple[np.ndarray, np.ndarray]:
    """Characters of each side of every aligned bead of ``path``, to refit the length model."""
    aligned = [(s, t) for s, t in path if s and t]
    return (np.array([src.chars[s.start:s.stop].sum() for s, _ in aligned]),
            np.array([tgt.chars[t.start:t.stop].sum() for _, t in aligned]))
