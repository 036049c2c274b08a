"""A bead's confidence: the probability that it is exactly right, from the scorer's terms.

The features are the very terms the DP weighed to choose the bead (``Scorer.bead_terms``),
so the confidence needs no second reading of the evidence. The model is a logistic
regression of "the bead is exactly a gold bead" on mac-dev (``fit``, run by
``bench/align.py --fit``); its coefficients live in ``AlignSettings.Confidence``.
"""
from __future__ import annotations

import numpy as np

from pipeline.settings import AlignSettings

# The scorer's terms the model reads, in the order of ``AlignSettings.Confidence.weights``.
# ``cuts`` is the cost of both cuts around the bead; ``extra_sentences`` its size beyond two.
TERMS = ("cos", "neighbour_cos", "length", "lexical", "number", "cuts", "extra_sentences")


def features(terms: dict[str, np.ndarray]) -> np.ndarray:
    """``(beads, len(TERMS))`` from ``Scorer.bead_terms``; rows of unaligned beads are NaN."""
    cut = terms["cut"]
    before = np.concatenate([[0.0], np.nan_to_num(cut[:-1])])  # the cut the bead starts at
    columns = {**terms, "cuts": cut + before}
    return np.stack([columns[name] for name in TERMS], axis=1)


def confidence(x: np.ndarray, model: AlignSettings.Confidence) -> np.ndarray:
    """Probability that each bead is right; 0 for unaligned beads (an unaligned sentence
    always deserves a look)."""
    logit = model.bias + np.nan_to_num(x) @ np.asarray(model.weights, dtype=np.float64)
    return np.where(np.isnan(x[:, 0]), 0.0, 1.0 / (1.0 + np.exp(-logit)))


def fit(x: np.ndarray, correct: np.ndarray, ridge: float = 1e-3) -> tuple[float, np.ndarray]:
    """Bias and weights of a logistic regression of ``correct`` on the aligned rows of ``x``
    (Newton's method; a small ridge keeps it finite when a term separates the classes)."""
    keep = ~np.isnan(x[:, 0])
    design = np.column_stack([np.ones(keep.sum()), x[keep]])
    y = correct[keep].astype(float)
    w = np.zeros(design.shape[1])
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-design @ w))
        hessian = design.T @ (design * (p * (1 - p))[:, None]) + ridge * np.eye(len(w))
        step = np.linalg.solve(hessian, design.T @ (y - p) - ridge * w)
        w += step
        if np.abs(step).max() < 1e-9:
            break
    return float(w[0]), w[1:]
