"""Sentence splitting in both languages, offsets, and jieba words with the period dictionary."""
from __future__ import annotations

from conftest import SEED_000, SHARED_CORPUS
from pipeline.ingest import read_document
from pipeline.segment import segment, split_chinese, split_english, tokenize_chinese


def pieces(text, spans):
    return [text[a:b] for a, b in spans]


def test_chinese_ends_and_closing_quotes():
    text = "他说：“今年一定完成计划。”大家都同意！真的吗？好；……再看看……最后一句"
    assert pieces(text, split_chinese(text)) == [
        "他说：“今年一定完成计划。”", "大家都同意！", "真的吗？", "好；", "……再看看……", "最后一句"]


def test_chinese_closing_bracket_stays():
    text = "全省（市）都要订出规划。（新华社）"
    assert pieces(text, split_chinese(text)) == ["全省（市）都要订出规划。", "（新华社）"]


def test_english_abbreviations_initials_decimals():
    text = ("Mr. Li met Dr. Wang at No. 3 Factory in the U.S. zone. Output rose 3.5 percent. "
            "J. K. Smith agreed. \"It is done.\" Then (he said) they left!")
    assert pieces(text, split_english(text)) == [
        "Mr. Li met Dr. Wang at No. 3 Factory in the U.S. zone.",
        "Output rose 3.5 percent.",
        "J. K. Smith agreed.",
        "\"It is done.\"",
        "Then (he said) they left!",
    ]


def test_english_does_not_split_before_lowercase():
    text = "The output was 5 mil. tons in all. Next year more."
    assert len(split_english(text)) == 2


def test_user_dictionary_keeps_period_terms():
    words = tokenize_chinese(["推广双铧犁，基本完成手工业合作化，在第一个五年计划期间"])[0]
    for term in ("双铧犁", "手工业合作化", "第一个五年计划"):
        assert term in words


def test_seed_000_sentences_keep_paragraph_and_offsets(shared):
    doc = segment(read_document(SEED_000, SHARED_CORPUS))
    zh, en = doc.sentences["zh"], doc.sentences["en"]
    assert len(zh) == 11 and len(en) == 10
    assert zh[0].kind == "headline" and zh[1].kind == "headline"
    assert zh[2].text.endswith("在二十八日闭幕。") and zh[2].paragraph == 2
    assert [s.paragraph for s in en] == [0, 1, 2, 2, 2, 2, 3, 3, 3, 4]
    for sentences in (zh, en):
        for s in sentences:
            assert doc.text[s.start:s.end] == s.text
    assert "中央手工业管理局" in zh[2].words
