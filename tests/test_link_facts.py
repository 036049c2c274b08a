"""Facts linked across languages: one id for the Chinese and the English mention, the
disagreements flagged, one language settling what the other leaves unclear."""
from __future__ import annotations

import csv
import json

import pytest

from conftest import SEED_004, rmrb
from pipeline.link.facts import link_facts
from pipeline.record import Bead, Document, Number, Target


def _mention(lang, value, sentence, start, number, **fields):
    base = dict(indicator="粮食" if lang == "zh" else "grain", unit="jin", kind="level",
                comparator=None, time=None, status="achieved", text=str(value))
    base.update(fields)
    return Target(lang, base["indicator"], value, base["unit"], base["kind"], base["comparator"],
                  base["time"], base["status"], base["text"], sentence, start,
                  start + len(base["text"]), number=number, high=base.get("high"),
                  time_text=base.get("time_text"))


def _document(zh: Target, en: Target) -> Document:
    """One bead holding one Chinese and one English sentence, each with its number matched."""
    doc = Document("t", "", "rmrb")
    doc.beads = [Bead([0], [0], 0.9)]
    doc.numbers = [Number("zh", zh.text, abs(zh.value), zh.unit, 0, zh.start, zh.end, bead=0, match=1),
                   Number("en", en.text, abs(en.value), en.unit, 0, en.start, en.end, bead=0, match=0)]
    doc.targets = [zh, en]
    return doc


def test_a_stated_time_settles_an_inherited_one():
    doc = _document(_mention("zh", 3e10, 0, 10, 0, time="1955"),
                    _mention("en", 3e10, 0, 50, 1, time="1957", time_text="by 1957"))
    [fact] = link_facts(doc)
    assert (fact.zh, fact.en, fact.time, fact.flags) == (0, 1, "1957", [])
    assert fact.decided == ["time:en"]
    assert doc.targets[0].time == "1957"
    assert doc.targets[0].fact == doc.targets[1].fact == fact.id


def test_a_plan_word_settles_an_unmarked_side_and_two_marks_disagree():
    doc = _document(_mention("zh", 5e6, 0, 10, 0, status="planned"),
                    _mention("en", 5e6, 0, 50, 1))
    [fact] = link_facts(doc)
    assert (fact.status, doc.targets[1].status, fact.decided) == ("planned", "planned",
                                                                  ["status:zh"])
    doc = _document(_mention("zh", 5e6, 0, 10, 0, status="planned"),
                    _mention("en", 5e6, 0, 50, 1, status="forecast"))
    [fact] = link_facts(doc)
    assert fact.flags == ["status_mismatch"] and fact.decided == []


def test_a_range_keeps_both_ends_and_a_fall_its_sign():
    doc = _document(_mention("zh", 2e9, 0, 10, 0, high=3e9, kind="increase_by"),
                    _mention("en", 2e9, 0, 50, 1))
    [fact] = link_facts(doc)
    assert (fact.value, fact.high, doc.targets[1].high) == (2e9, 3e9, 3e9)
    assert doc.targets[1].kind == "increase_by"
    doc = _document(_mention("zh", -10, 0, 10, 0, unit="%", kind="increase_by"),
                    _mention("en", 10, 0, 50, 1, unit="%"))
    link_facts(doc)
    assert doc.targets[1].value == -10


def test_unmatched_mentions_are_facts_of_one_side():
    doc = _document(_mention("zh", 800, 0, 10, 0, unit="mu"),
                    _mention("en", 240000, 0, 50, 1))
    doc.numbers[0].match = doc.numbers[1].match = None
    facts = link_facts(doc)
    assert [(f.zh, f.en) for f in facts] == [(0, None), (None, 1)]
    assert len({f.id for f in facts}) == 2


def test_the_ocr_slip_is_a_flagged_fact(processed):
    """1956-01-01: the Chinese OCR reads 10.41％ where the English has 100.41%; both are the
    same mention of the 1955 plan fulfilment, linked and flagged, and the bead says so."""
    doc = processed(rmrb("1956-01-01"))
    [fact] = [f for f in doc.facts if f.zh is not None and doc.targets[f.zh].text == "10.41％"]
    assert fact.en is not None and doc.targets[fact.en].text == "100.41%"
    assert "value_mismatch" in fact.flags
    assert "fact_mismatch" in doc.beads[fact.bead].flags


def test_every_linked_pair_shares_its_bead(processed):
    doc = processed(rmrb("1956-01-03_1955"))
    linked = [f for f in doc.facts if f.zh is not None and f.en is not None]
    assert len(linked) >= 10
    for fact in linked:
        zh, en = doc.targets[fact.zh], doc.targets[fact.en]
        assert zh.fact == en.fact == fact.id
        assert doc.numbers[zh.number].bead is not None
        assert abs(doc.numbers[zh.number].bead - doc.numbers[en.number].bead) <= 2


def test_facts_table_has_both_languages_side_by_side(tmp_path, shared):
    from pipeline.run import run_corpus

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    source = rmrb("1956-01-03_武汉")
    (corpus / source.name).write_bytes(source.read_bytes())
    run_corpus(corpus, tmp_path / "out", progress=False)
    rows = list(csv.DictReader((tmp_path / "out" / "facts.csv").open(encoding="utf-8")))
    record = json.loads(next((tmp_path / "out").glob("*.md.json")).read_text(encoding="utf-8"))
    assert len(rows) == len(record["facts"]) > 0
    both = [r for r in rows if r["text_zh"] and r["text_en"]]
    assert both, rows
    assert all(r["sentence_zh"].isdigit() and r["sentence_en"].isdigit() for r in both)
    targets = list(csv.DictReader((tmp_path / "out" / "targets.csv").open(encoding="utf-8")))
    ids = {r["fact"] for r in targets}
    assert {r["fact"] for r in rows} == ids


def test_an_english_only_record_has_facts_of_its_own(processed):
    """Seed 004, the 1953 handicraft conference: no Chinese side, yet every target is a fact
    (the four plans among them), each with an id of its own."""
    doc = processed(SEED_004)
    assert len(doc.facts) == len(doc.targets) > 4
    assert all(f.zh is None and f.en is not None for f in doc.facts)
    plans = {(f.value, f.time) for f in doc.facts if f.status == "planned"}
    assert {(9e5, "1954"), (1e9, "1954"), (5e6, "1957"), (6e9, "1957")} <= plans


def test_export_writes_the_facts_table_with_its_filters(tmp_path, shared):
    """`duiqi export --format facts`: the table of the run, the English-only record's plans
    included; a date filter keeps only its documents."""
    import shutil

    from typer.testing import CliRunner

    from pipeline.cli import app
    from pipeline.run import run_corpus

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(rmrb("1956-01-03_武汉"), corpus / "wuhan.md")
    shutil.copy(SEED_004, corpus / "meeting.txt")
    out = tmp_path / "out"
    run_corpus(corpus, out, progress=False)
    result = CliRunner().invoke(app, ["export", str(out), "--format", "facts"])
    assert result.exit_code == 0, result.output
    exported = list(csv.DictReader((out / "export" / "facts.csv").open(encoding="utf-8")))
    assert exported == list(csv.DictReader((out / "facts.csv").open(encoding="utf-8")))
    assert {row["doc_id"] for row in exported} == {"wuhan.md", "meeting.txt"}
    import pandas as pd
    assert len(pd.read_parquet(out / "export" / "facts.parquet")) == len(exported)
    dated = tmp_path / "dated"
    result = CliRunner().invoke(app, ["export", str(out), "--format", "facts", "--from", "1956",
                                      "--dest", str(dated)])
    assert result.exit_code == 0, result.output
    kept = list(csv.DictReader(dated.with_suffix(".csv").open(encoding="utf-8")))
    assert kept and {row["doc_id"] for row in kept} == {"wuhan.md"}


def test_wuhan_vegetable_plan_read_alike_in_both_languages(processed):
    """1956-01-03 武汉, read in both languages: 今年武汉郊区的蔬菜产量将要达到四亿斤，比去年
    提高一倍 / "the vegetable output in the suburbs of Wuhan this year will reach 400 million
    catties, a twofold increase compared to last year". Two facts, each linked: the planned
    level of 1956 and its multiple (一倍 = 1 against "twofold" = 2 is no disagreement), and
    去年's 40% of vegetables brought in, achieved in 1955."""
    doc = processed(rmrb("1956-01-03_武汉"))
    by_value = {f.value: f for f in doc.facts if f.zh is not None and f.en is not None}
    level = by_value[4e8]
    zh, en = doc.targets[level.zh], doc.targets[level.en]
    assert (level.unit, level.kind, level.status, level.time, level.flags) == (
        "jin", "increase_to", "planned", "1956", [])
    assert zh.fact == en.fact == level.id
    assert "蔬菜产量" in zh.indicator and "vegetable output" in en.indicator
    assert (en.unit, en.kind, en.status, en.time) == ("jin", "increase_to", "planned", "1956")
    multiple = by_value[1.0]
    assert doc.targets[multiple.en].value == 2.0 and multiple.flags == []
    assert multiple.kind == doc.targets[multiple.en].kind == "multiple"
    bought_in = by_value[40.0]
    assert (bought_in.unit, bought_in.status, bought_in.time) == ("%", "achieved", "1955")
    assert "蔬菜" in bought_in.indicator_zh and "vegetable" in bought_in.indicator_en


def test_the_review_shows_what_a_fact_disagrees_on(processed):
    """The OCR slip of 1956-01-01 (10.41％ / 100.41%): both numbers are marked in the review
    with the fact's disagreement, and the bead can be found by its flag."""
    from pipeline.review.documents import FLAG_KINDS
    from pipeline.review.view import fact_disagreements
    from pipeline.settings import Settings
    from pipeline.write.json_doc import document_to_json

    doc = processed(rmrb("1956-01-01"))
    record = document_to_json(doc, Settings())
    said = fact_disagreements(record)
    [fact] = [f for f in doc.facts if "value_mismatch" in f.flags]
    for target in (doc.targets[fact.zh], doc.targets[fact.en]):
        assert said[target.number] == (f"fact {fact.id}: value zh 10.41 / en 100.41")
    assert "fact_mismatch" in FLAG_KINDS
