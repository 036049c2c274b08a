"""Sentence alignment: encoders, evidence, the dynamic program and the stage function."""
from pipeline.align.aligner import AlignStats, align, align_texts
from pipeline.align.dp import make_bead_shapes
from pipeline.align.encoders import load_encoder

__all__ = ["AlignStats", "align", "align_texts", "load_encoder", "make_bead_shapes"]
