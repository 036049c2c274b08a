"""Scoring alignments against a gold standard, in the beads format.

A beads file has one bead per line, ``[0,1]:[2]``: 0-based sentence ids of the first and
second side, ``[]`` for none (the format of Vecalign and Bertalign, without the score).
Three measures are reported, each as precision, recall and F1:

- ``exact``: a predicted bead counts if the gold has the very same bead, unaligned beads
  included;
- ``strict`` (Vecalign): the same, over aligned (non-null) beads only;
- ``lax`` (Vecalign): an aligned predicted bead counts if it shares a sentence on each
  side with one gold bead.

Bible gold is derived from verse numbers, so ``merge_verses`` joins consecutive beads that
share a verse, on both sides of the comparison, before scoring.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

BeadIds = tuple[tuple[int, ...], tuple[int, ...]]


def parse_bead(line: str) -> BeadIds:
    """``[0,1]:[2]`` -> ((0, 1), (2,)). A trailing ``:score`` is allowed and ignored."""
    parts = line.strip().split(":")
    if len(parts) < 2:
        raise ValueError(f"not a bead line (expected '[ids]:[ids]'): {line!r}")

    def ids(part: str) -> tuple[int, ...]:
        inner = part.strip()
        if not (inner.startswith("[") and inner.endswith("]")):
            raise ValueError(f"not a bead side (expected '[0,1]' or '[]'): {part!r}")
        inner = inner[1:-1].strip()
        return tuple(int(x) for x in inner.split(",")) if inner else ()

    return ids(parts[0]), ids(parts[1])


def format_bead(bead: BeadIds) -> str:
    return f"[{','.join(map(str, bead[0]))}]:[{','.join(map(str, bead[1]))}]"


def read_beads(path: str | Path) -> list[BeadIds]:
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return [parse_bead(line) for line in lines if line.strip()]


def format_beads(beads: Iterable[BeadIds]) -> str:
    """One bead per line: what ``duiqi align --format beads`` prints and gold files hold."""
    return "".join(format_bead(b) + "\n" for b in beads)


def write_beads(path: str | Path, beads: list[BeadIds]) -> None:
    Path(path).write_text(format_beads(beads), encoding="utf-8")


def merge_verses(beads: list[BeadIds], verses: tuple[list[str], list[str]]) -> list[BeadIds]:
    """Join consecutive beads whose sentences share a verse (on either side)."""
    merged: list[tuple[list[int], list[int]]] = []
    last: set[str] = set()
    for x, y in beads:
        here = {verses[0][i] for i in x} | {verses[1][j] for j in y}
        if merged and here & last:
            merged[-1][0].extend(x)
            merged[-1][1].extend(y)
            last |= here
        else:
            merged.append((list(x), list(y)))
            last = here
    return [(tuple(x), tuple(y)) for x, y in merged]


@dataclass(frozen=True)
class PRF:
    precision: float
    recall: float
    f1: float

    @classmethod
    def from_counts(cls, hit_pred: float, n_pred: int, hit_gold: float, n_gold: int) -> "PRF":
        p = hit_pred / n_pred if n_pred else 0.0
        r = hit_gold / n_gold if n_gold else 0.0
        return cls(p, r, 2 * p * r / (p + r) if p + r else 0.0)


@dataclass(frozen=True)
class Counts:
    """Hits and totals of one file, summed over files for the overall score."""

    exact_hit: int = 0
    n_pred: int = 0
    n_gold: int = 0
    strict_hit: int = 0
    n_pred_aligned: int = 0
    n_gold_aligned: int = 0
    lax_hit_pred: int = 0
    lax_hit_gold: int = 0

    def __add__(self, other: "Counts") -> "Counts":
        return Counts(*(a + b for a, b in zip(self._values(), other._values())))

    def _values(self) -> tuple[int, ...]:
        return (self.exact_hit, self.n_pred, self.n_gold, self.strict_hit, self.n_pred_aligned,
                self.n_gold_aligned, self.lax_hit_pred, self.lax_hit_gold)

    @property
    def exact(self) -> PRF:
        return PRF.from_counts(self.exact_hit, self.n_pred, self.exact_hit, self.n_gold)

    @property
    def strict(self) -> PRF:
        return PRF.from_counts(self.strict_hit, self.n_pred_aligned,
                               self.strict_hit, self.n_gold_aligned)

    @property
    def lax(self) -> PRF:
        return PRF.from_counts(self.lax_hit_pred, self.n_pred_aligned,
                               self.lax_hit_gold, self.n_gold_aligned)


def score(gold: list[BeadIds], pred: list[BeadIds]) -> Counts:
    gold_set, pred_set = set(gold), set(pred)
    exact = len(gold_set & pred_set)
    gold_aligned = [b for b in gold if b[0] and b[1]]
    pred_aligned = [b for b in pred if b[0] and b[1]]
    strict = len(set(gold_aligned) & set(pred_aligned))
    # Lax: one sentence in common on each side. Index gold beads by their sentences.
    by_x, by_y = defaultdict(set), defaultdict(set)
    for k, (x, y) in enumerate(gold_aligned):
        for i in x:
            by_x[i].add(k)
        for j in y:
            by_y[j].add(k)

    def lax_matches(x: tuple[int, ...], y: tuple[int, ...]) -> set[int]:
        return set().union(*(by_x[i] for i in x)) & set().union(*(by_y[j] for j in y))

    matched_gold: set[int] = set()
    lax_pred = 0
    for x, y in pred_aligned:
        hits = lax_matches(x, y)
        lax_pred += bool(hits)
        matched_gold |= hits
    return Counts(exact, len(pred), len(gold), strict, len(pred_aligned), len(gold_aligned),
                  lax_pred, len(matched_gold))


def _pairs(gold: Path, pred: Path) -> list[tuple[str, Path, Path]]:
    """(name, gold file, predicted file): one pair for files, matched by stem for folders."""
    if gold.is_file():
        return [(gold.stem, gold, pred)]
    pred_by_stem = {p.stem: p for p in pred.iterdir() if p.is_file()}
    pairs = []
    for g in sorted(p for p in gold.iterdir() if p.is_file()):
        if g.stem not in pred_by_stem:
            raise FileNotFoundError(f"{pred}: no prediction for gold file {g.name}")
        pairs.append((g.stem, g, pred_by_stem[g.stem]))
    return pairs


def read_verses(path: str | Path) -> list[str]:
    return Path(path).read_text(encoding="utf-8").splitlines()


def evaluate(gold: str | Path, pred: str | Path,
             verses: tuple[list[str], list[str]] | None = None) -> dict[str, Counts]:
    """Counts per file (by stem) and ``"overall"``, for a gold and a predicted file or folder."""
    results: dict[str, Counts] = {}
    for name, g, p in _pairs(Path(gold), Path(pred)):
        gold_beads, pred_beads = read_beads(g), read_beads(p)
        if verses is not None:
            gold_beads, pred_beads = merge_verses(gold_beads, verses), merge_verses(pred_beads, verses)
        results[name] = score(gold_beads, pred_beads)
    results["overall"] = sum(results.values(), Counts())
    return results


def format_table(results: dict[str, Counts]) -> str:
    header = f"{'file':<10}" + "".join(f"{m + ' ' + k:>10}" for m in ("exact", "strict", "lax")
                                       for k in ("P", "R", "F1"))
    lines = [header]
    for name, c in results.items():
        values = [v for prf in (c.exact, c.strict, c.lax) for v in (prf.precision, prf.recall, prf.f1)]
        lines.append(f"{name:<10}" + "".join(f"{v:>10.4f}" for v in values))
    return "\n".join(lines)
