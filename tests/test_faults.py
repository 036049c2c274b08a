"""Fault injection: each fault, what the user sees, and that nothing already written is lost.

Every test builds its own small corpus in a tmp folder. The faults: a document that never
ends, a full or read-only disk, damaged outputs, hostile file names, wrong encodings, a
second run on the same folder, a killed parent, and review requests meant to break the server.
"""
from __future__ import annotations

from pipeline.extract import context_en
from pipeline.extract.models import english_nlp
from pipeline.settings import ExtractSettings


def test_a_preposition_as_root_ends(shared):
    """'Of 500.' parses with the preposition as root: climbing from the number stops there
    (spaCy makes a new Token at every access, so identity never held and the loop ran on)."""
    parsed = english_nlp(ExtractSettings().en_models)("Of 500.")
    assert parsed[0].dep_ == "ROOT"
    root = context_en.number_root(parsed, 3, 6)
    assert context_en.indicator(root, {}) is None
