"""Numeric targets: the plans and the reported facts of seed 004, and Chinese clauses."""
from __future__ import annotations

import pytest

from conftest import SEED_004, rmrb


@pytest.fixture(scope="module")
def targets(processed):
    return processed(SEED_004).targets


def find(targets, value, unit=None):
    hits = [t for t in targets if t.value == pytest.approx(value) and t.unit == unit]
    assert len(hits) == 1, [(t.text, t.value, t.unit) for t in targets]
    return hits[0]


def test_members_by_the_end_of_1954(targets):
    t = find(targets, 900_000, "people")
    assert t.indicator == "members of HPCs (handicraft producers' cooperatives)"
    assert (t.comparator, t.time, t.time_text, t.status, t.kind) == (
        "more_than", "1954", "by the end of 1954", "planned", "increase_to")


def test_output_value_by_the_end_of_1954(targets):
    t = find(targets, 1e9, "yuan")
    assert t.indicator == "output value"
    assert (t.comparator, t.time, t.status) == ("more_than", "1954", "planned")


def test_members_and_output_value_by_1957(targets):
    members = find(targets, 5e6, "people")
    assert "members" in members.indicator
    assert (members.time, members.status) == ("1957", "planned")
    output = find(targets, 6e9, "yuan")
    assert output.indicator == "output value"
    assert (output.comparator, output.time, output.status) == ("more_than", "1957", "planned")


def test_achieved_facts(targets):
    rise = find(targets, 10, "%")
    assert (rise.kind, rise.time, rise.status) == ("increase_by", "1954", "achieved")
    assert "handicraft producers' cooperatives" in rise.indicator
    doubled = find(targets, 2, "times")
    assert (doubled.kind, doubled.time, doubled.status) == ("multiple", "1955", "achieved")


def test_targets_point_at_their_text(processed):
    doc = processed(SEED_004)
    for t in doc.targets:
        assert doc.text[t.start:t.end] == t.text


def test_targets_link_to_their_number(processed):
    doc = processed(rmrb("1955-12-01_河南"))
    for t in doc.targets:
        number = doc.numbers[t.number]
        assert (number.lang, number.start, number.text) == (t.lang, t.start, t.text)


def test_dates_are_never_targets(processed):
    doc = processed(rmrb("1955-12-01_河南"))
    assert doc.targets
    assert not any(t.unit in ("year", "month", "day") for t in doc.targets)


def test_chinese_plan_with_deadline(processed):
    doc = processed(rmrb("1955-12-01_河南"))
    zh = [t for t in doc.targets if t.lang == "zh"]
    cooperatives = next(t for t in zh if t.value == 320593)
    assert (cooperatives.time_text, cooperatives.status) == ("到一九五六年八月", "planned")
    grain = next(t for t in zh if t.value == pytest.approx(3.2e10))
    assert (grain.unit, grain.time, grain.status) == ("jin", "1957", "planned")
    assert "产粮" in grain.indicator
    share = next(t for t in zh if t.value == 46)
    assert (share.indicator, share.kind, share.unit) == ("入社农户占总农户", "increase_to", "%")


def test_chinese_list_items_and_asides(processed):
    """1956-01-01, read by hand: a product's specification (6，000瓩火力发电机) is no fact,
    a comma between digits (6，000) does not end the clause, and 据不完全统计 is an aside,
    not the indicator."""
    zh = {t.value: t for t in processed(rmrb("1956-01-01")).targets if t.lang == "zh"}
    # 6，000瓩火力发电机, 40吨锅炉, 31，500千伏安变压器: specifications, not facts (GUIDELINE)
    assert not {6000, 40, 31500} & set(zh)
    growth = zh[54]
    assert (growth.indicator, growth.kind, growth.unit) == ("工业生产总值", "increase_by", "%")
    assert zh[12800].indicator == "电力的新增生产能力"  # the clause before 超额完成12，800瓩


def test_infinitive_decision_is_a_plan():
    """The sample meeting record's decision "grain output of the province to reach 9.5
    billion jin in 1955" states a target, not a result."""
    from pathlib import Path

    from pipeline.stages import process_file

    record = Path(__file__).resolve().parents[1] / "corpus" / "records"
    doc = process_file(record / "1954_provincial_agricultural_conference.txt", record)
    grain = find(doc.targets, 9.5e9, "jin")
    assert (grain.indicator, grain.time, grain.status) == ("grain output of the province",
                                                           "1955", "planned")
    past = find(doc.targets, 20, "%")  # "In 1953 the grain output ... was 20 percent higher"
    assert past.status == "achieved"


def test_facts_do_not_depend_on_whether_entities_are_read(processed):
    """Entities and facts cut Chinese with the segment stage's one jieba tokenizer (the
    period dictionary included), so switching entities off changes no fact; jieba's global
    tokenizer, a second copy of the dictionary, is never loaded."""
    import dataclasses

    import jieba

    from pipeline.extract import extract
    from pipeline.segment.zh import tag_chinese
    from pipeline.settings import ExtractSettings

    doc = processed(rmrb("1955-12-01_农村私商"))
    alone = extract(dataclasses.replace(doc, numbers=[], entities=[], targets=[]),
                    ExtractSettings(entities=False))

    def read(d):
        return [(t.lang, t.value, t.indicator, t.time, t.status) for t in d.targets]

    assert read(alone) == read(doc)
    assert [p.word for p in tag_chinese("供销合作社的收购")][0] == "供销合作社"  # the period word
    assert not jieba.dt.initialized
