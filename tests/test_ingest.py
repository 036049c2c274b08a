"""Ingest on the real formats of ../shared/corpus and on bad input."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import SAMPLE_CORPUS, SEED_000, SEED_004, SHARED_CORPUS, rmrb
from pipeline.errors import InputError
from pipeline.ingest import detect_format, detect_language, parse_text, read_document, read_pair
from pipeline.ingest.decode import decode_bytes


def test_seed_000_metadata_and_paragraphs(shared):
    doc = read_document(SEED_000, SHARED_CORPUS)
    assert doc.format == "rmrb"
    assert doc.meta.date == "1955-12-31"
    assert doc.meta.page == "1"
    assert doc.meta.author_en is None and doc.meta.column_zh is None
    assert doc.meta.title_zh == "全国第五次手工业生产合作会议 确定两年基本完成手工业合作化"
    zh = doc.paragraphs["zh"]
    assert [p.kind for p in zh[:3]] == ["headline", "headline", "body"]
    assert zh[2].text.startswith("新华社三十日讯　中央手工业管理局")
    en = doc.paragraphs["en"]
    assert en[0].kind == "headline" and en[0].text == doc.meta.title_en
    assert len(en) == 5 and en[1].text.startswith("Xinhua News Agency, December 30th")


def test_offsets_point_into_the_source(shared):
    doc = read_document(SEED_000, SHARED_CORPUS)
    for paragraphs in doc.paragraphs.values():
        for para in paragraphs:
            assert "".join(doc.text[o] for o in para.offsets) == para.text


def test_wrapped_chinese_line_joins_its_paragraph(shared):
    doc = read_document(rmrb("1956-01-03_武汉"), SHARED_CORPUS)
    body = doc.paragraphs["zh"][1].text
    assert "蔬菜生产合作社和17个完全社会主义" in body  # the line wrapped after 合作社和
    assert doc.meta.author_en == "Yuan Jun" and doc.meta.author_zh == "袁军"


def test_headline_fused_with_first_sentence_is_split(shared):
    doc = read_document(rmrb("1955-08-03"), SHARED_CORPUS)
    zh = doc.paragraphs["zh"]
    assert (zh[0].kind, zh[0].text) == ("headline", "决心战胜自然灾害，完成生产五十万斤粮食的计划")
    assert zh[1].text == "编辑同志："
    assert doc.meta.column_en == "Reader's Letters" and doc.meta.column_zh == "读者来信专页"
    assert zh[-1].kind == "subheading"  # the signature, indented by ten spaces


def test_subheadings_and_three_headlines(shared):
    doc = read_document(rmrb("1950-01-03"), SHARED_CORPUS)
    kinds = [p.kind for p in doc.paragraphs["zh"]]
    assert kinds[:3] == ["headline"] * 3
    assert kinds.count("subheading") == 3


def test_ideographic_indent_english(shared):
    doc = read_document(rmrb("1956-01-01"), SHARED_CORPUS)
    assert doc.paragraphs["en"][1].text.startswith("1955 witnessed new achievements")
    assert len(doc.paragraphs["zh"]) == 7


def test_meeting_record_sections(shared):
    doc = read_document(SEED_004, SHARED_CORPUS)
    meeting = doc.meta.meeting
    assert doc.format == "meeting" and not doc.bilingual
    assert [i.code for i in doc.issues] == ["W001"]
    assert meeting.dates == "November – 08-12-1953"
    assert meeting.type == "3rd National Conference of Handicraft"
    assert meeting.agenda == "Promote handicrafts producer cooperative"
    assert [(s.speaker, s.date) for s in meeting.speeches] == [
        ("Zhu De", "December 4, 1953"), ("Liu", "December 8, 1953")]
    assert meeting.speeches[0].title == "Help the handicraftsmen organize and take the socialist road"
    assert meeting.speeches[1].title == "On the problems of handicraft producers' cooperatives"
    assert len(meeting.decisions) == 3 and meeting.decisions[0].startswith("planned that by the end of 1954")
    assert len(meeting.remarks) == 3
    assert meeting.source == "Contemporary Chinese Economy.Gang Gong 2012"


def test_header_variations():
    text = ("Title: A\n\nAuthor: \n\nDate: 1953-12-01\nEdition: 3\nColumn: Briefs\n\nBody one.\n\n"
            "**Named Entities**\n\n新华社\tXinhua News Agency\n\n<hr />\n\nOriginal:\n\n"
            "### 甲\n\n1953-12-01\n第3版()\n专栏：\n\n　　甲\n　　正文一。　　正文二。\n")
    doc = parse_text(text, "x.md")
    assert doc.meta.edition == "3" and doc.meta.column_en == "Briefs"
    assert doc.meta.named_entities == [("新华社", "Xinhua News Agency")]
    assert [p.text for p in doc.paragraphs["en"]] == ["A", "Body one."]
    assert [p.text for p in doc.paragraphs["zh"]] == ["甲", "正文一。", "正文二。"]


@pytest.mark.parametrize("data, code", [
    (b"", "E001"),
    (b"  \n\n", "E001"),
    (b"\x00\x01\x02binary\x00", "E002"),
    (b"\xff\xfe\xfa\x80\x81" * 3, "E003"),
])
def test_bad_bytes_are_named(data, code):
    with pytest.raises(InputError) as info:
        decode_bytes(data, "bad.md")
    assert info.value.code == code and "bad.md" in info.value.message


def test_gb18030_is_decoded():
    assert decode_bytes("标题：人民日报\n".encode("gb18030"), "gb.txt").text == "标题：人民日报\n"


def test_missing_original_is_an_error():
    with pytest.raises(InputError) as info:
        parse_text("Title: T\nDate: 1955-01-01\n\nBody.\n\n<hr />\n\n### 甲\n", "cut.md")
    assert info.value.code == "E004" and "cut.md" in str(info.value)


def test_truncated_after_original_is_an_error():
    with pytest.raises(InputError) as info:
        parse_text("Title: T\n\nBody.\n\n<hr />\n\nOriginal:\n\n", "cut.md")
    assert info.value.code == "E005"


def test_unknown_format():
    with pytest.raises(InputError) as info:
        parse_text("just some words\n", "notes.txt")
    assert info.value.code == "E006"


def test_english_only_article_has_no_chinese_side():
    doc = parse_text("Title: T\nDate: 1955-01-01\n\nOne. Two.\n", "en.md")
    assert not doc.bilingual and "zh" not in doc.paragraphs
    assert detect_format("Title: T\n") == "rmrb"


def test_plain_pair_presplit_keeps_line_numbers(tmp_path: Path):
    (tmp_path / "a.txt").write_text("第一句。\n\n第三句。\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("One.\nTwo.\n", encoding="utf-8")
    doc = read_pair(tmp_path / "a.txt", tmp_path / "b.txt", "ab", presplit=True)
    assert (doc.src_lang, doc.tgt_lang) == ("zh", "en")
    assert [p.text for p in doc.paragraphs["zh"]] == ["第一句。", "", "第三句。"]
    assert doc.meta.sources == [("a.txt", "zh", 0), ("b.txt", "en", len("第一句。\n\n第三句。\n") + 1)]


def test_language_detection():
    assert detect_language("中华人民共和国 1955 年 USSR") == "zh"
    assert detect_language("The People's Republic of China 中国") == "en"


def test_sample_corpus_formats():
    article = read_document(next((SAMPLE_CORPUS / "rmrb").rglob("1954-03-15_*.md")),
                            SAMPLE_CORPUS)
    assert article.format == "rmrb" and article.meta.column_zh == "农村工作"
    record = read_document(next((SAMPLE_CORPUS / "records").glob("*.txt")), SAMPLE_CORPUS)
    assert record.format == "meeting" and len(record.meta.meeting.decisions) == 3
