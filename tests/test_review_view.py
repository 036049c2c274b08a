"""What the page highlights: numbers found in their sentences, judged on the current beads."""
from __future__ import annotations

from pipeline.review.journal import ReviewState
from pipeline.review.view import locate, sentence_marks


def number(lang, text, value, sentence, start, match, unit="%", high=None):
    return {"lang": lang, "text": text, "value": value, "unit": unit, "high": high,
            "sentence": sentence, "start": start, "end": start + len(text), "match": match}


def test_locate_uses_the_source_offset_and_falls_back_to_the_nearest_occurrence():
    sentence = {"text": "增产10％，再增产10％。", "start": 100}
    assert locate(sentence, "10％", 109) == (9, 12)
    assert locate(sentence, "10％", 150) == (9, 12)  # a wrapped line shifted the offsets
    assert locate(sentence, "10％", 90) == (2, 5)
    assert locate(sentence, "20％", 102) is None


def test_a_pair_read_as_one_number_misread_is_red_but_not_ranges_or_multiples():
    def kinds(zh, en):  # one bead holding one matched pair
        record = {"languages": {"src": "zh", "tgt": "en"},
                  "sentences": {"zh": [{"text": zh["text"], "start": 0}],
                                "en": [{"text": en["text"], "start": 50}]},
                  "numbers": [zh, en], "entities": [], "entity_pairs": []}
        marks = sentence_marks(record, ReviewState([{"src": [0], "tgt": [0]}], 0, False))
        return marks["zh", 0][0]["kind"], marks["en", 0][0]["kind"]

    assert kinds(number("zh", "10.41％", 10.41, 0, 0, 1),
                 number("en", "100.41%", 100.41, 0, 50, 0)) == ("number-bad", "number-bad")
    assert kinds(number("zh", "5％", 5, 0, 0, 1),
                 number("en", "5%", 5, 0, 50, 0)) == ("number-ok", "number-ok")
    assert kinds(number("zh", "一倍", 1, 0, 0, 1, "times"),
                 number("en", "twofold", 2, 0, 50, 0, "times")) == ("number-ok", "number-ok")
    assert kinds(number("zh", "一月", 1, 0, 0, 1, "month"),
                 number("en", "January to August", 1, 0, 50, 0, "month", high=8)) == (
        "number-ok", "number-ok")


def test_number_marks_follow_the_beads_and_numbers_win_overlaps():
    record = {
        "languages": {"src": "zh", "tgt": "en"},
        "sentences": {"zh": [{"text": "钢产量增加10％。", "start": 0}],
                      "en": [{"text": "Steel output", "start": 20},
                             {"text": "rose by 10%.", "start": 33}]},
        "numbers": [number("zh", "10％", 10, 0, 5, 1), number("en", "10%", 10, 1, 41, 0)],
        "entities": [{"lang": "zh", "text": "增加10", "sentence": 0, "start": 3, "end": 7}],
        "entity_pairs": [{"zh": "增加10", "en": "rose", "label": "X", "confidence": 1}],
    }
    apart = [{"src": [0], "tgt": [0]}, {"src": [], "tgt": [1]}]
    marks = sentence_marks(record, ReviewState(apart, 0, False))
    assert [(m["start"], m["end"], m["kind"]) for m in marks["zh", 0]] == [(5, 8, "number-bad")]
    together = [{"src": [0], "tgt": [0, 1]}]
    marks = sentence_marks(record, ReviewState(together, 1, True))
    assert marks["en", 1] == [{"start": 8, "end": 11, "kind": "number-ok", "title": "matches 10％"}]
