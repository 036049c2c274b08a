"""Sentence alignment: evidence (features), scoring, the search over the DP, confidence and
the stage function."""
from pipeline.align.aligner import align, align_texts
from pipeline.align.dp import make_bead_shapes
from pipeline.align.encoders import load_encoder
from pipeline.align.search import AlignStats

__all__ = ["AlignStats", "align", "align_texts", "load_encoder", "make_bead_shapes"]
