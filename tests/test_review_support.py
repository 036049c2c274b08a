"""Shared builders for the review tests: small hand-made documents written as `duiqi run`
would write them (through ``document_to_json``), so no model has to load.

The main document has a translation the aligner cut in two: Chinese sentence 2 holds
一百万吨, the English "1 million tons." sits in an unaligned bead of its own. Merging beads 2
and 3 repairs it.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.record import Bead, Document, Entity, EntityPair, Metadata, Number, Sentence
from pipeline.settings import Settings
from pipeline.write.corpus import output_path
from pipeline.write.json_doc import document_to_json, dumps, validate
from pipeline.write.tmx import tmx_bytes

STEEL_ID = "1950.01/1950-01-03_全国钢铁会议.md"
PLAIN_ID = "1953.12/1953-12-01_文化简讯.md"

STEEL_ZH = ["全国钢铁会议胜利结束。", "今年钢铁生产计划已经制定。", "全国钢产量将达到一百万吨。",
            "会议号召大批技术人员赴东北工作。", "东北工业基地需要更多工程师。"]
STEEL_EN = ["National Steel Conference Concludes Successfully.",
            "This year's steel production plan has been set.",
            "National steel output will reach", "1 million tons.",
            "The conference called on technicians to go to work in the Northeast.",
            "The Northeast industrial base needs more engineers."]
# (src ids, tgt ids, score, flags)
STEEL_BEADS = [([0], [0], 0.95, []), ([1], [1], 0.9, []),
               ([2], [2], 0.42, ["low_score", "number_missing"]),
               ([], [3], 0.3, ["unaligned"]), ([3], [4], 0.85, []), ([4], [5], 0.8, [])]

PLAIN_ZH = ["文化简讯。", "北京新建了三座电影院。"]
PLAIN_EN = ["Cultural News.", "Beijing has built three new cinemas."]
PLAIN_BEADS = [([0], [0], 0.9, []), ([1], [1], 0.7, [])]


def _sentences(text: str, lang: str, items: list[str], kind: str) -> list[Sentence]:
    out, at = [], 0
    for index, sentence in enumerate(items):
        start = text.index(sentence, at)
        at = start + len(sentence)
        out.append(Sentence(lang, index, sentence, 0, start, at, kind))
    return out


def make_document(doc_id: str, zh: list[str], en: list[str], beads, date: str,
                  title_zh: str, title_en: str) -> Document:
    text = "".join(zh) + "\n" + " ".join(en) + "\n"
    meta = Metadata(title_en=title_en, title_zh=title_zh, date=date)
    doc = Document(doc_id, text, "rmrb", meta=meta)
    doc.sentences = {"zh": _sentences(text, "zh", zh, "body"),
                     "en": _sentences(text, "en", en, "body")}
    doc.beads = [Bead(src, tgt, score, flags) for src, tgt, score, flags in beads]
    return doc


def steel_document() -> Document:
    doc = make_document(STEEL_ID, STEEL_ZH, STEEL_EN, STEEL_BEADS, "1950-01-03",
                        "全国钢铁会议胜利结束", "National Steel Conference Concludes")
    zh_number, en_number = doc.text.index("一百万"), doc.text.index("1 million")
    doc.numbers = [
        Number("zh", "一百万吨", 1e6, "t", 2, zh_number, zh_number + 4, bead=2, match=1),
        Number("en", "1 million tons", 1e6, "t", 3, en_number, en_number + 14, bead=3, match=0),
    ]
    zh_place, en_place = doc.text.index("东北"), doc.text.index("Northeast")
    doc.entities = [Entity("zh", "东北", "LOC", 3, zh_place, zh_place + 2),
                    Entity("en", "Northeast", "LOC", 4, en_place, en_place + 9)]
    doc.entity_pairs = [EntityPair("东北", "Northeast", "LOC", 0.9)]
    return doc


def plain_document() -> Document:
    return make_document(PLAIN_ID, PLAIN_ZH, PLAIN_EN, PLAIN_BEADS, "1953-12-01",
                         "文化简讯", "Cultural News")


def write_outputs(out_dir: Path, documents: list[Document]) -> dict[str, dict]:
    """Per-document JSON and TMX as ``duiqi run`` writes them; returns the records by id."""
    records = {}
    for doc in documents:
        record = document_to_json(doc, Settings())
        validate(record)
        path = output_path(out_dir, doc.doc_id, ".json")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(dumps(record), "utf-8")
        output_path(out_dir, doc.doc_id, ".tmx").write_bytes(
            tmx_bytes([record], record["signature"])[0])
        records[doc.doc_id] = record
    return records


@pytest.fixture
def review_out(tmp_path: Path) -> Path:
    """An output folder with two documents (one needing review) and no journal yet."""
    folder = tmp_path / "out"
    write_outputs(folder, [steel_document(), plain_document()])
    return folder


@pytest.fixture
def steel_record(review_out: Path) -> dict:
    return json.loads(output_path(review_out, STEEL_ID, ".json").read_text("utf-8"))
