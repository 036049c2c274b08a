"""The corpus as it really is (1946-1968): each variant of the article format, on small files
written here, read into the right metadata, paragraphs and units."""
from __future__ import annotations

import pytest

from faults import GRAIN, article
from pipeline.ingest import parse_text
from pipeline.segment import segment

EN = ["Xinhua News Agency, Taiyuan, 14th. Grain output in Shanxi rose by 10% this year.",
      "The province has trained more than 1,300 technicians for the cooperatives."]
ZH = ["【新华社太原十四日电】山西省今年粮食产量增加百分之十。", "全省已经为合作社训练了一千三百多名技术员。"]


def texts(doc, lang: str) -> list[str]:
    return [p.text for p in doc.paragraphs[lang] if p.kind != "headline"]


def test_english_paragraphs_indented_with_tabs():
    text = article([], ZH).replace("Page: 2\n\n", "Page: 2\n\n" + "".join(f"\t{p}\n" for p in EN))
    assert texts(parse_text(text, "tabs.md"), "en") == EN


def test_blank_lines_before_the_rule_and_an_edition_header():
    text = GRAIN.replace("Page: 2\n", "Page: 2\nEdition: 2\n").replace("\n\n\n<hr />",
                                                                      "\n\n\n\n\n<hr />")
    doc = parse_text(text, "edition.md")
    assert doc.meta.edition == "2" and texts(doc, "en") == EN and texts(doc, "zh") == ZH


@pytest.mark.parametrize("block", [
    "**Named Entities**\n\n山西省\tShanxi Province\n新华社\tXinhua News Agency\n\n",
    "**Named Entities**\n\n山西省  Shanxi Province\n新华社    Xinhua News Agency\n\n",
    "**Named Entities**<br>山西省\tShanxi Province<br>新华社  Xinhua News Agency<br>\n\n",
    "**Named Entities**\n山西省\tShanxi Province<br />新华社\tXinhua News Agency\n\n",
], ids=["tabs", "spaces", "br", "br-between-lines"])
def test_named_entity_blocks(block):
    doc = parse_text(GRAIN.replace("Page: 2\n\n", "Page: 2\n\n" + block), "ne.md")
    assert doc.meta.named_entities == [("山西省", "Shanxi Province"),
                                       ("新华社", "Xinhua News Agency")]
    assert texts(doc, "en") == EN


def test_a_copy_of_the_chinese_inside_the_english_section():
    copy = "".join(f"    {p}\n" for p in ZH)
    doc = parse_text(GRAIN.replace("Page: 2\n\n", "Page: 2\n\n" + copy), "1946.md")
    assert texts(doc, "en") == EN and texts(doc, "zh") == ZH
    assert [i.code for i in doc.issues] == ["W024"] and "2 Chinese line" in doc.issues[0].message


def test_an_author_line_between_the_headline_and_the_date():
    doc = parse_text(GRAIN.replace("### 粮食产量增加\n\n", "### 粮食产量增加\n\n本报记者 李明\n"), "a.md")
    assert doc.meta.author_zh == "本报记者 李明" and doc.meta.date == "1955-12-01"
    assert texts(doc, "zh") == ZH


def test_headline_parts_joined_by_ideographic_space():
    doc = parse_text(GRAIN.replace("### 粮食产量增加", "### 粮食产量增加\u3000山西推广新犁"), "h.md")
    assert doc.meta.title_zh == "粮食产量增加 山西推广新犁" and texts(doc, "zh") == ZH


@pytest.mark.parametrize("dateline", ["Xinhua News Agency, Taiyuan, 14th",
                                      "Taiyuan, December 14 (Xinhua)", "Peking, Jan. 3 —"])
def test_an_english_dateline_on_its_own_line_opens_the_paragraph(dateline):
    text = GRAIN.replace("    Xinhua News Agency, Taiyuan, 14th. ", f"    {dateline}\n\n    ")
    first = texts(parse_text(text, "d.md"), "en")[0]
    assert first == f"{dateline} Grain output in Shanxi rose by 10% this year."


def test_a_corrupted_english_line_is_left_out_and_named():
    garbled = "    Ã¤Â¸Â­Ã¥Â›Â½ Ã¯Â¼ÂŒ ï¿½ï¿½ Â·Â·\n"
    doc = parse_text(GRAIN.replace("    The province", garbled + "    The province"), "c.md")
    assert texts(doc, "en") == EN
    assert [i.code for i in doc.issues] == ["W025"] and "line 7" in doc.issues[0].message


def test_accents_and_a_stray_replacement_character_are_kept():
    line = "    Premier Chou En-lai met M. Pétain’s successor in Genève \ufffd today.\n"
    doc = parse_text(GRAIN.replace("    The province", line + "    The province"), "ok.md")
    assert len(texts(doc, "en")) == 3 and not doc.issues


POEM_EN = ["The east is red,", "The sun rises,", "China has brought forth Mao Zedong,",
           "He works for the people's happiness"]
POEM_ZH = ["东方红", "太阳升", "中国出了个毛泽东", "他为人民谋幸福"]


def poem_article() -> str:
    """A poem after its introduction: first line indented, the others not (as wrapped)."""
    return article(["Song of the East.", "\n".join(POEM_EN)], ["东方之歌。", "\n".join(POEM_ZH)])


def test_poem_lines_are_units_on_both_sides():
    doc = segment(parse_text(poem_article(), "poem.md"))
    assert [s.text for s in doc.sentences["en"]][-4:] == POEM_EN
    assert [s.text for s in doc.sentences["zh"]][-4:] == POEM_ZH


NAMES_ZH = ["毛泽东  朱德", "刘少奇  周恩来", "陈云  彭德怀"]


def test_a_name_list_is_read_line_by_line():
    doc = parse_text(article(EN, ["出席会议的有：", "\n".join(NAMES_ZH)]), "names.md")
    assert [p.text for p in doc.paragraphs["zh"]][-3:] == NAMES_ZH


@pytest.mark.parametrize("lines", [
    ["Grain output in Shanxi rose by", "10% this year, and the province", "has trained 1,300"
     " technicians."],
    ["山西省今年的粮食产量比去年", "增加了百分之十，全省已经为", "合作社训练了技术员。"],
], ids=["en", "zh"])
def test_short_wrapped_lines_of_one_sentence_are_joined(lines):
    lang = "zh" if "山" in lines[0] else "en"
    doc = parse_text(article(EN if lang == "zh" else ["\n".join(lines)],
                             ["\n".join(lines)] if lang == "zh" else ZH), "wrapped.md")
    assert len(texts(doc, lang)) == 1


def test_wrapped_prose_is_still_joined():
    wrapped = ("    Grain output in Shanxi rose by 10% this year, and the province\n"
               "has trained more than 1,300 technicians, who will go to the cooperatives\n"
               "and the mutual-aid teams in the countryside before spring.\n")
    doc = parse_text(GRAIN.replace("    The province has trained more than 1,300 technicians "
                                   "for the cooperatives.\n", wrapped), "w.md")
    assert len(texts(doc, "en")) == 2 and texts(doc, "en")[1].endswith("before spring.")


def test_a_poem_aligns_line_by_line(shared):
    """Not one 1-4 or 4-1 bead for the whole poem: its lines pair one to one."""
    from pipeline.stages import process

    doc = process(parse_text(poem_article(), "poem.md"))
    shapes = [bead.shape for bead in doc.beads]
    assert shapes.count("1-1") >= 4 and not any(s in ("1-4", "4-1", "1-5", "5-1") for s in shapes)


def test_a_headline_translated_apart_from_the_header_title_is_not_doubled():
    # The machine translated the header and the body's headline separately: one headline.
    text = article(["Grain Output in Shanxi Rose 10% over 1954", *EN], ZH,
                   title="Grain Output in Shanxi Rose by 10% over 1954")
    doc = parse_text(text, "twice.md")
    headlines = [p.text for p in doc.paragraphs["en"] if p.kind == "headline"]
    assert headlines == ["Grain Output in Shanxi Rose 10% over 1954"] and texts(doc, "en") == EN
    # A body that opens with its lead, not the headline, still gets the header's title.
    doc = parse_text(article(EN, ZH, title="Shanxi Grain Output Rises"), "lead.md")
    assert [p.text for p in doc.paragraphs["en"] if p.kind == "headline"] == [
        "Shanxi Grain Output Rises"]
