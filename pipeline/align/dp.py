"""The dynamic program: bead shapes, a diagonal band, the forward pass and the traceback.

Everything here takes arrays and numbers. A cell ``(i, j)`` means "the first ``i`` source
and ``j`` target sentences are aligned"; a bead of shape ``(a, b)`` ending in ``(i, j)``
covers source ``i-a .. i-1`` and target ``j-b .. j-1``. The band keeps, for each row ``i``,
the ``width`` columns ``lo[i] .. lo[i]+width-1``; band column ``c`` of row ``i`` is
``j = lo[i] + c``. Time and memory are linear in ``(n + 1) * width * len(shapes)``.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

NEG_INF = -np.inf


def make_bead_shapes(max_total: int) -> np.ndarray:
    """Every ``(a, b)`` bead shape with ``a + b <= max_total``: first 1-0 and 0-1
    (unaligned sentences), then the aligned shapes ordered by size, 1-1 first.

    Returns an int array of shape ``(K, 2)``. Ties in the DP go to the earlier shape,
    so the order also makes the output deterministic and prefers small beads.
    """
    if max_total < 2:
        raise ValueError(f"max_total must be at least 2 (for 1-1 beads), got {max_total}")
    aligned = [(a, b) for total in range(2, max_total + 1)
               for a in range(1, total) for b in [total - a]]
    aligned.sort(key=lambda s: (s[0] + s[1], abs(s[0] - s[1]), -s[0]))
    return np.array([(1, 0), (0, 1), *aligned], dtype=np.int64)


@dataclass(frozen=True)
class Band:
    """The cells the DP may visit: row ``i`` keeps columns ``lo[i] .. lo[i] + width - 1``."""

    lo: np.ndarray  # (n + 1,) int64, non-decreasing, lo[0] == 0
    width: int
    n_src: int
    n_tgt: int

    @classmethod
    def full(cls, n_src: int, n_tgt: int) -> "Band":
        return cls(np.zeros(n_src + 1, dtype=np.int64), n_tgt + 1, n_src, n_tgt)

    @classmethod
    def around(cls, row_min: np.ndarray, row_max: np.ndarray, margin: int, max_width: int,
               n_src: int, n_tgt: int) -> "Band":
        """A band that holds columns ``row_min[i] - margin .. row_max[i] + margin`` of each
        row (as far as ``max_width`` allows) and still connects (0, 0) to (n, m)."""
        width = int(min(max_width, n_tgt + 1, (row_max - row_min).max() + 2 * margin + 1))
        # Rows overlap by one column at least, so n rows reach column m only if:
        width = max(width, -(-(n_tgt + n_src + 1) // (n_src + 1)))
        step = width - 1
        centre = (row_min + row_max) // 2
        lo = np.clip(centre - width // 2, 0, max(0, n_tgt + 1 - width)).astype(np.int64)
        lo = np.maximum.accumulate(lo)
        lo[-1] = max(lo[-1], n_tgt + 1 - width)
        # Pull rows up towards the end (lo[i] >= lo[i+1] - step), then down from the
        # start (lo[i] <= lo[i-1] + step, lo[0] = 0), so consecutive rows share a column.
        rows = np.arange(n_src + 1, dtype=np.int64)
        lo = rows * step + np.maximum.accumulate((lo - rows * step)[::-1])[::-1]
        lo[0] = 0
        lo = np.minimum(lo, rows * step + np.minimum.accumulate(lo - rows * step))
        return cls(lo, width, n_src, n_tgt)

    @property
    def columns(self) -> np.ndarray:
        """``j`` of every cell, shape ``(n + 1, width)``."""
        return self.lo[:, None] + np.arange(self.width)[None, :]

    @property
    def cells(self) -> int:
        return (self.n_src + 1) * self.width


def forward(scores: np.ndarray, shapes: np.ndarray, band: Band) -> tuple[np.ndarray, np.ndarray]:
    """Best total score of every band cell, and the shape index that reached it.

    ``scores[k, i, c]`` is the score of a bead of shape ``shapes[k]`` ending in cell
    ``(i, lo[i] + c)`` (``-inf`` where the bead is impossible). Shape 0-1 stays within a
    row, so each row is finished by a max-plus prefix scan instead of a Python loop.
    """
    n_shapes, n_rows, width = scores.shape
    assert n_rows == band.n_src + 1 and width == band.width and len(shapes) == n_shapes
    horizontal = [k for k, (a, b) in enumerate(shapes) if a == 0]
    assert [tuple(shapes[k]) for k in horizontal] == [(0, 1)], "only 0-1 may have a == 0"
    h = horizontal[0]
    vertical = np.array([k for k in range(n_shapes) if k != h])
    va, vb = shapes[vertical, 0], shapes[vertical, 1]

    total = np.full((n_rows, width), NEG_INF)
    back = np.full((n_rows, width), -1, dtype=np.int8)
    cols = np.arange(width)
    lo = band.lo
    for i in range(n_rows):
        if i == 0:
            best = np.where(cols == 0, 0.0, NEG_INF)
            arg = np.full(width, -1, dtype=np.int8)
        else:
            ok = va <= i
            prev_rows = i - va[ok]
            prev_cols = cols[None, :] + (lo[i] - lo[prev_rows] - vb[ok])[:, None]
            inside = (prev_cols >= 0) & (prev_cols < width)
            cand = np.where(inside, total[prev_rows[:, None], np.clip(prev_cols, 0, width - 1)],
                            NEG_INF) + scores[vertical[ok], i, :]
            pick = np.argmax(cand, axis=0)
            best = cand[pick, cols]
            arg = vertical[ok][pick].astype(np.int8)
        # total[c] = max(best[c], total[c-1] + s01[c]), as a prefix maximum of best - P.
        # A 0-1 bead is impossible only into column j = 0, which nothing precedes, and past
        # j = m, which is masked afterwards; so those steps may count as 0.
        steps = scores[h, i, :].astype(np.float64)
        prefix = np.cumsum(np.where(np.isfinite(steps), steps, 0.0))
        run = np.maximum.accumulate(best - prefix)
        from_vertical = run == best - prefix
        total[i] = np.where(from_vertical, best, prefix + run)
        total[i, lo[i] + cols > band.n_tgt] = NEG_INF
        back[i] = np.where(from_vertical, arg, h)
    return total, back


def traceback(back: np.ndarray, shapes: np.ndarray, band: Band) -> list[tuple[range, range]]:
    """The beads of the best path, in order, as (source range, target range) pairs."""
    i, j = band.n_src, band.n_tgt
    beads = []
    while i > 0 or j > 0:
        k = back[i, j - band.lo[i]]
        assert k >= 0, f"cell ({i}, {j}) is unreachable: the band does not connect"
        a, b = shapes[k]
        beads.append((range(i - a, i), range(j - b, j)))
        i, j = i - a, j - b
    beads.reverse()
    return beads
