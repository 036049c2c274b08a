"""The beads format: one bead per line, ``[source ids]:[target ids]``, ``[]`` for none.

It is the format of ``../shared/eval/bible/gold``, so duiqi's output scores directly
against gold files (``duiqi eval``).
"""
from __future__ import annotations

import re

from pipeline.record import Bead

BEAD_LINE_RE = re.compile(r"^\s*\[([\d,\s]*)\]\s*:\s*\[([\d,\s]*)\]")


def format_bead(src: list[int], tgt: list[int]) -> str:
    return f"[{','.join(map(str, src))}]:[{','.join(map(str, tgt))}]"


def format_beads(beads: list[Bead]) -> str:
    return "".join(format_bead(b.src, b.tgt) + "\n" for b in beads)


def _ids(group: str) -> list[int]:
    return [int(x) for x in group.split(",") if x.strip()]


def parse_beads(text: str) -> list[tuple[list[int], list[int]]]:
    """Beads from the text of a beads file; blank lines are skipped, a trailing score ignored."""
    beads = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        match = BEAD_LINE_RE.match(line)
        if not match:
            raise ValueError(f"line {number}: not a bead ('[ids]:[ids]'): {line[:60]!r}")
        beads.append((_ids(match.group(1)), _ids(match.group(2))))
    return beads
