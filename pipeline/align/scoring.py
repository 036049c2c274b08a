"""Scoring beads: every kind of evidence combined into one number per bead.

A bead's *quality* ``q`` is a weighted sum of the cosine of its two sides' embeddings,
less that of each side with the sentences just outside the other (a local margin, as in
Bertalign), how plausible its length ratio is, the share of its English content words that a
dictionary gloss of its Chinese words explains, and whether its numbers agree, less an
offset. The DP maximises the sum of bead scores: ``q`` plus soft paragraph terms, less the
prior cost of the bead's shape (``search.shape_costs``). Unaligned sentences score
``-skip`` each. The same terms, read for the beads of the final path
(``Scorer.bead_terms``), are what a bead's confidence is computed from.

Pairwise evidence (embedding dot products, shared dictionary keys, shared numbers) is
computed one block of band rows at a time as a dense sentence-by-sentence matrix; the
evidence of every multi-sentence bead is then a box sum over a 2-D prefix sum, so no window
is ever materialised.
"""
from __future__ import annotations

from dataclasses import dataclass, fields

import numpy as np

from pipeline.align.dp import NEG_INF, Band
from pipeline.align.features import Side
from pipeline.record import ZH
from pipeline.settings import AlignSettings

Scoring = AlignSettings.Scoring

# Rows of the band scored together: large enough for BLAS, small enough that the dense
# block (rows x columns it touches) stays a few hundred kB.
BLOCK_ROWS = 64


def window_sums(values: np.ndarray, max_size: int) -> np.ndarray:
    """``out[a, e]`` = sum of ``values[e - a: e]`` (0 where the window does not fit)."""
    prefix = np.concatenate([[0.0], np.cumsum(values, dtype=np.float64)])
    out = np.zeros((max_size + 1, len(prefix)))
    for a in range(1, max_size + 1):
        out[a, a:] = prefix[a:] - prefix[:-a]
    return out


@dataclass(frozen=True)
class DocumentPriors:
    """Per-document constants of the length model: the expected log length ratio of target
    to source, and the sd of that log ratio for a long bead."""

    log_ratio: float
    length_sigma: float

    @classmethod
    def estimate(cls, src: Side, tgt: Side, s: Scoring) -> "DocumentPriors":
        """Before any alignment: the ratio of the totals and the settings' sd."""
        return cls(float(np.log((tgt.chars.sum() + 1.0) / (src.chars.sum() + 1.0))), s.length_sigma)

    def refit(self, src_chars: np.ndarray, tgt_chars: np.ndarray, s: Scoring) -> "DocumentPriors":
        """Re-estimated from the aligned beads of a first path (their character counts).

        A free translation (mac-dev 002) varies in length more than a close one, and its
        best ``length_sigma`` is larger; the robust spread of the first path's length
        residuals measures that, so ``length_sigma`` becomes that spread times
        ``length_sigma_per_spread``, within a factor of two of the default.
        """
        if len(src_chars) < s.refit_min_beads:
            return self
        size = src_chars + tgt_chars * np.exp(-self.log_ratio) + 1.0
        residual = np.log((tgt_chars + 1.0) / (src_chars + 1.0)) - self.log_ratio
        scaled = residual / np.sqrt(1.0 + s.length_short_chars / size)
        spread = 1.4826 * float(np.median(np.abs(scaled - np.median(scaled))))  # MAD, as an sd
        sigma = float(np.clip(s.length_sigma_per_spread * spread,
                              s.length_sigma / 2.0, s.length_sigma * 2.0))
        return DocumentPriors(self.log_ratio, sigma)


@dataclass
class BeadTerms:
    """The evidence terms of a batch of beads, one entry per bead (arrays of one shape).

    The DP score of a bead is a weighted sum of them (``quality``, ``bead_score``), and so
    is its confidence (``align.confidence``): there is one evidence path.
    """

    cos: np.ndarray  # cosine of the summed embeddings of the two sides
    neighbour_cos: np.ndarray  # mean cosine of each side with the sentences just outside the other
    length: np.ndarray  # log-likelihood of the length ratio, up to a constant (<= 0.5)
    lexical: np.ndarray  # share of the English-side keys that the other side's glosses explain
    number: np.ndarray  # -1 (numbers disagree) .. 1 (agree); 0 without numbers
    src_crossings: np.ndarray  # paragraph starts inside the source side past its first sentence
    tgt_crossings: np.ndarray  # ... and inside the target side
    both_open: np.ndarray  # the bead opens a paragraph on both sides
    quote_split: np.ndarray  # English starts inside a quotation and Chinese does not
    section_crossings: np.ndarray  # section starts inside either side


def length_term(src_chars, tgt_chars, priors: DocumentPriors, s: Scoring) -> np.ndarray:
    """As in Gale & Church, the length ratio of a short bead varies more than that of a
    long one: the sd grows as the bead's size (in source-language characters) shrinks."""
    size = src_chars + tgt_chars * np.exp(-priors.log_ratio) + 1.0
    sigma = priors.length_sigma * np.sqrt(1.0 + s.length_short_chars / size)
    z = (np.log((tgt_chars + 1.0) / (src_chars + 1.0)) - priors.log_ratio) / sigma
    return 0.5 - 0.5 * z * z


def number_term(number_hits, numbers) -> np.ndarray:
    """Dice agreement of the two sides' numbers mapped to -1 .. 1; 0 without numbers."""
    dice = 2.0 * number_hits / np.maximum(numbers, 1.0)
    return np.where(numbers > 0, 2.0 * np.minimum(dice, 1.0) - 1.0, 0.0)


def quality(t: BeadTerms, s: Scoring) -> np.ndarray:
    """Per-sentence quality ``q`` of each bead (see the module docstring)."""
    return (s.sim_weight * t.cos - s.margin_weight * t.neighbour_cos + s.length_weight * t.length
            + s.lexical_weight * t.lexical + s.number_weight * t.number - s.quality_offset)


def bead_score(t: BeadTerms, s: Scoring) -> np.ndarray:
    """DP score of aligned beads, before the prior cost of their shape and the cut cost.

    Each bead counts once whatever its size: a window of more sentences has a higher cosine
    to begin with, so a per-sentence weighting would merge everything. ``quote_split``
    marks beads whose English side starts inside a quotation and Chinese side does not:
    they are probably cut in the wrong place. ``section_crossings`` counts the section
    boundaries (a headline and the body) inside the bead, on both sides.
    """
    return (quality(t, s) - s.src_paragraph_penalty * t.src_crossings
            - s.tgt_paragraph_penalty * t.tgt_crossings + s.paragraph_bonus * t.both_open
            - s.quote_penalty * t.quote_split - s.section_penalty * t.section_crossings)


class Scorer:
    """Scores every bead shape in every cell of a band, one block of rows at a time."""

    def __init__(self, src: Side, tgt: Side, shapes: np.ndarray, s: Scoring,
                 priors: DocumentPriors | None = None, cuts: bool = False) -> None:
        """``cuts``: charge every bead the cost of the cut it ends at (``cut_costs``)."""
        self.src, self.tgt, self.shapes, self.s = src, tgt, shapes, s
        self.cuts = cuts and s.cut_weight > 0 and src.last_clause_vecs is not None
        self.priors = priors or DocumentPriors.estimate(src, tgt, s)
        self.max_a, self.max_b = int(shapes[:, 0].max()), int(shapes[:, 1].max())
        side_sums = []
        for side, size in ((src, self.max_a), (tgt, self.max_b)):
            side_sums.append({
                "norm": np.maximum(side.window_norms(size), 1e-6),  # an empty line may be 0
                "chars": window_sums(side.chars, size),
                "keys": window_sums(np.asarray(side.keys.sum(axis=1)).ravel(), size),
                "numbers": window_sums(np.asarray(side.numbers.sum(axis=1)).ravel(), size),
                "paragraphs": window_sums(side.para_start.astype(float), size),
                "sections": window_sums(side.section_start.astype(float), size),
            })
        self.src_sums, self.tgt_sums = side_sums

    def band_scores(self, band: Band) -> np.ndarray:
        """``(K, n + 1, width)`` float32 bead scores, ``-inf`` outside the grid."""
        out = np.full((len(self.shapes), band.n_src + 1, band.width), NEG_INF, dtype=np.float32)
        for r0 in range(1 if band.n_src else 0, band.n_src + 1, BLOCK_ROWS):
            r1 = min(r0 + BLOCK_ROWS, band.n_src + 1)
            for k, ok, terms in self._block_terms(band, r0, r1):
                out[k, r0:r1] = np.where(ok, bead_score(terms, self.s), NEG_INF)
        self._score_skips(band, out)
        if self.cuts:
            for r0 in range(1, band.n_src, BLOCK_ROWS):
                r1 = min(r0 + BLOCK_ROWS, band.n_src)
                out[:, r0:r1] -= self.s.cut_weight * self.cut_costs(band, r0, r1)
        return out

    def bead_terms(self, path: list[tuple[range, range]]) -> dict[str, np.ndarray]:
        """The terms of every bead of a path, as the DP scored them: the ``BeadTerms``
        fields (NaN for unaligned beads), ``cut`` (the cost of the cut the bead ends at,
        before ``cut_weight``; 0 when this scorer charges no cuts) and ``extra_sentences``
        (sentences beyond two; NaN for unaligned beads).

        The aligned beads' end cells make a band one column wide, scored by the same code
        as the DP's band, so confidence reads exactly the evidence that chose the path.
        """
        n, m = len(self.src), len(self.tgt)
        shape_index = {tuple(shape): k for k, shape in enumerate(self.shapes.tolist())}
        aligned = [b for b, (s, t) in enumerate(path) if s and t]
        end_rows = np.array([path[b][0].stop for b in aligned], dtype=np.int64)
        lo = np.zeros(n + 1, dtype=np.int64)
        lo[end_rows] = [path[b][1].stop for b in aligned]
        band = Band(np.maximum.accumulate(lo), 1, n, m)
        shape_of_row = np.full(n + 1, -1)
        shape_of_row[end_rows] = [shape_index[(len(path[b][0]), len(path[b][1]))] for b in aligned]
        names = [f.name for f in fields(BeadTerms)]
        by_row = {name: np.full(n + 1, np.nan) for name in names}
        for r0 in range(1 if n else 0, n + 1, BLOCK_ROWS):
            for k, _, terms in self._block_terms(band, r0, min(r0 + BLOCK_ROWS, n + 1)):
                rows = r0 + np.flatnonzero(shape_of_row[r0:r0 + BLOCK_ROWS] == k)
                for name in names:
                    by_row[name][rows] = getattr(terms, name)[rows - r0, 0]
        out = {name: np.full(len(path), np.nan) for name in names}
        for name, values in by_row.items():
            out[name][aligned] = values[end_rows]
        out["cut"] = self._path_cuts(path)
        out["extra_sentences"] = np.array([len(s) + len(t) - 2.0 if s and t else np.nan
                                           for s, t in path])
        return out

    def _path_cuts(self, path: list[tuple[range, range]]) -> np.ndarray:
        """``cut_costs`` of the cell each bead of ``path`` ends in, over the narrowest band
        that holds them all."""
        n, m = len(self.src), len(self.tgt)
        ends = np.array([(s.stop, t.stop) for s, t in path], dtype=np.int64).reshape(-1, 2)
        if not self.cuts or not len(ends):
            return np.zeros(len(path))
        row_min = np.full(n + 1, m, dtype=np.int64)
        row_max = np.zeros(n + 1, dtype=np.int64)
        np.minimum.at(row_min, ends[:, 0], ends[:, 1])
        np.maximum.at(row_max, ends[:, 0], ends[:, 1])
        row_min = np.minimum(row_min, np.maximum.accumulate(row_max))  # rows no bead ends in
        band = Band(row_min, int(np.max(row_max - row_min)) + 1, n, m)
        grid = np.zeros((n + 1, band.width), dtype=np.float32)
        for r0 in range(1, n, BLOCK_ROWS):
            r1 = min(r0 + BLOCK_ROWS, n)
            grid[r0:r1] = self.cut_costs(band, r0, r1)
        return grid[ends[:, 0], ends[:, 1] - band.lo[ends[:, 0]]].astype(np.float64)

    def cut_costs(self, band: Band, r0: int, r1: int) -> np.ndarray:
        """``(r1 - r0, width)``: how much the edge clauses next to the cut before source
        sentence ``i`` (rows ``r0 .. r1 - 1``) and target sentence ``j`` lean across it.

        For each of the four edge clauses (the last of the sentence before the cut and the
        first after it, on each side), the cosine with the other language's sentence across
        the cut less that with the sentence on its own side, counted when positive. Cuts at
        the start or end of either side cost nothing.
        """
        src, tgt, m = self.src, self.tgt, band.n_tgt
        j = band.columns[r0:r1]
        inner = (j >= 1) & (j <= m - 1)
        s0, c0 = r0 - 1, max(0, int(j[0, 0]) - 1)
        c1 = min(m, int(j[-1, -1]) + 1)
        if c1 - c0 < 2:
            return np.zeros(j.shape, dtype=np.float32)
        rows = (np.arange(r0, r1) - s0)[:, None]  # sentence i in the block; i - 1 is rows - 1
        cols = np.clip(j, 1, m - 1) - c0  # target sentence j; j - 1 is cols - 1
        sl = slice(s0, r1)
        tl = slice(c0, c1)
        tgt_last = src.vecs[sl] @ tgt.last_clause_vecs[tl].T
        tgt_first = src.vecs[sl] @ tgt.first_clause_vecs[tl].T
        src_last = src.last_clause_vecs[sl] @ tgt.vecs[tl].T
        src_first = src.first_clause_vecs[sl] @ tgt.vecs[tl].T
        leans = (tgt_last[rows, cols - 1] - tgt_last[rows - 1, cols - 1],
                 tgt_first[rows - 1, cols] - tgt_first[rows, cols],
                 src_last[rows - 1, cols] - src_last[rows - 1, cols - 1],
                 src_first[rows, cols - 1] - src_first[rows, cols])
        cost = sum(np.maximum(lean, 0.0) for lean in leans)
        return np.where(inner, cost, 0.0).astype(np.float32)

    def window_cos(self, a: int, b: int, rows: np.ndarray, cols: np.ndarray, box) -> np.ndarray:
        """Cosine of the summed sentence vectors of the source windows (size ``a``, ending
        at ``rows``) and target windows (size ``b``, ending at ``cols``, shape (R, W))."""
        norms = self.src_sums["norm"][a, rows][:, None] * self.tgt_sums["norm"][b, cols]
        return box("dot") / norms

    def _quote_split(self, src_in_quote: np.ndarray, tgt_in_quote: np.ndarray) -> np.ndarray:
        """English starts inside a quotation, Chinese does not (whichever side is which)."""
        if self.src.lang == ZH:
            return tgt_in_quote & ~src_in_quote
        return src_in_quote & ~tgt_in_quote

    def _score_skips(self, band: Band, out: np.ndarray) -> None:
        j = band.columns
        valid = j <= band.n_tgt
        for k, (a, b) in enumerate(self.shapes):
            if a + b != 1:
                continue
            rows_ok = (np.arange(band.n_src + 1) >= a)[:, None]
            cols_ok = (j >= b) & valid
            out[k] = np.where(rows_ok & cols_ok, -self.s.skip, NEG_INF)

    def _block_terms(self, band: Band, r0: int, r1: int):
        """For each aligned shape ``k``: ``(k, ok, terms)`` of the beads of that shape ending
        in the band cells of rows ``r0 .. r1 - 1``; ``ok`` marks the beads that fit the grid,
        and every array has the block's shape ``(r1 - r0, width)``."""
        src, tgt = self.src, self.tgt
        n, m = band.n_src, band.n_tgt
        rows = np.arange(r0, r1)
        j = band.columns[r0:r1]  # (R, W)
        # Sentences s0..s1-1 x c0..c1-1: every window of the block and one neighbour each side.
        s0, s1 = max(0, r0 - self.max_a - 1), min(n, r1)
        c0, c1 = max(0, int(j[0, 0]) - self.max_b - 1), min(m, int(j[-1, -1]) + 1)
        if c1 <= c0:
            return
        prefix = {
            "dot": _prefix2d(src.vecs[s0:s1] @ tgt.vecs[c0:c1].T),
            "keys": _prefix2d((src.keys[s0:s1] @ tgt.keys[c0:c1].T).toarray()),
            "numbers": _prefix2d((src.numbers[s0:s1] @ tgt.numbers[c0:c1].T).toarray()),
        }
        jj = np.clip(j, 0, m)
        ss, ts = self.src_sums, self.tgt_sums
        for k, (a, b) in enumerate(self.shapes):
            if a == 0 or b == 0:
                continue
            ok = (rows[:, None] - a >= 0) & (j - b >= 0) & (j <= m)
            # Window corners in block coordinates: source rows x0..x1, target columns y0..y1.
            x1 = np.broadcast_to(rows[:, None] - s0, j.shape)
            y1 = np.clip(jj - c0, 0, c1 - c0)
            x0, y0 = np.clip(x1 - a, 0, None), np.clip(y1 - b, 0, None)

            def box(name: str) -> np.ndarray:
                return _rect(prefix[name], x0, x1, y0, y1)

            src_norm = ss["norm"][a, rows][:, None]
            tgt_norm = ts["norm"][b, jj]
            dot = prefix["dot"]
            neighbours = [  # (dot of a window with one neighbour sentence, exists)
                (_rect(dot, x0, x1, y0 - 1, y0) / src_norm, y0 >= 1),
                (_rect(dot, x0, x1, y1, y1 + 1) / src_norm, (y1 < c1 - c0) & (jj < m)),
                (_rect(dot, x0 - 1, x0, y0, y1) / tgt_norm, x0 >= 1),
                (_rect(dot, x1, x1 + 1, y0, y1) / tgt_norm, (x1 < s1 - s0) & (rows[:, None] < n)),
            ]
            count = sum(exists.astype(float) for _, exists in neighbours)
            # First sentence of each window (clipped where the window does not fit).
            src_first, tgt_first = np.clip(rows - a, 0, None), np.clip(jj - b, 0, None)

            def inside(name: str, starts: str) -> tuple[np.ndarray, np.ndarray]:
                """Per side, the paragraph or section starts inside each window, past its
                first sentence (which may open one without the bead crossing it)."""
                return ((ss[name][a, rows] - getattr(src, starts)[src_first])[:, None],
                        ts[name][b, jj] - getattr(tgt, starts)[tgt_first])

            src_crossings, tgt_crossings = inside("paragraphs", "para_start")
            terms = BeadTerms(
                cos=self.window_cos(a, b, rows, jj, box),
                neighbour_cos=sum(np.where(exists, v, 0.0) for v, exists in neighbours)
                / np.maximum(count, 1.0),
                length=length_term(ss["chars"][a, rows][:, None], ts["chars"][b, jj],
                                   self.priors, self.s),
                lexical=box("keys") / np.maximum(ts["keys"][b, jj], 1.0),
                number=number_term(box("numbers"),
                                   ss["numbers"][a, rows][:, None] + ts["numbers"][b, jj]),
                src_crossings=src_crossings,
                tgt_crossings=tgt_crossings,
                both_open=src.para_start[src_first][:, None] & tgt.para_start[tgt_first],
                quote_split=self._quote_split(src.in_quote[src_first][:, None],
                                              tgt.in_quote[tgt_first]),
                section_crossings=sum(inside("sections", "section_start")))
            for f in fields(BeadTerms):
                setattr(terms, f.name, np.broadcast_to(getattr(terms, f.name), j.shape))
            yield k, ok, terms


def _rect(p: np.ndarray, x0, x1, y0, y1) -> np.ndarray:
    """Sum of the block over rows x0..x1-1 and columns y0..y1-1, from its prefix sums
    (indices are clipped into the block; callers mask what falls outside)."""
    x0, x1 = np.clip(x0, 0, p.shape[0] - 1), np.clip(x1, 0, p.shape[0] - 1)
    y0, y1 = np.clip(y0, 0, p.shape[1] - 1), np.clip(y1, 0, p.shape[1] - 1)
    return p[x1, y1] - p[x0, y1] - p[x1, y0] + p[x0, y0]


def _prefix2d(m: np.ndarray) -> np.ndarray:
    p = np.zeros((m.shape[0] + 1, m.shape[1] + 1))
    np.cumsum(np.cumsum(m, axis=0), axis=1, out=p[1:, 1:])
    return p
