"""The clauses at the two edges of each sentence, for evidence at the cuts between beads.

A translator often re-cuts sentences: the end of one English sentence renders the start of
the next Chinese one (mac-dev 005: "... irritated because they were too far away to hear"
/ 因她们站得远，听不见). Sentence embeddings blur that; the embedding of a sentence's first or
last clause shows it, so a cut between beads where an edge clause is closer to the other
side of the cut than to its own side is probably in the wrong place
(``evidence.Scorer.cut_costs``).
"""
from __future__ import annotations

import re

from pipeline.record import ZH

# Clause marks: Chinese ， ； ： (and 、-lists stay whole); English , ; : and the dash.
_ZH_CLAUSE_END = re.compile(r"(?<=[，；：])")
_EN_CLAUSE_END = re.compile(r"(?<=[,;:—])\s*")


def clauses(text: str, lang: str) -> list[str]:
    """The clauses of one sentence, marks kept; the sentence itself when it has one."""
    pattern = _ZH_CLAUSE_END if lang == ZH else _EN_CLAUSE_END
    return [part for part in pattern.split(text) if part.strip()] or [text]


def edge_clauses(texts: list[str], lang: str) -> tuple[list[str], list[str]]:
    """The first and the last clause of every sentence."""
    split = [clauses(text, lang) for text in texts]
    return [parts[0] for parts in split], [parts[-1] for parts in split]
