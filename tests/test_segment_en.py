"""English sentences: abbreviations that go on, and periods that end a sentence after one."""
from __future__ import annotations

import pytest

from conftest import SHARED_CORPUS
from pipeline.segment import split_english


@pytest.mark.parametrize("text, sentences", [
    ("The meeting closed at 5 p.m. Work resumed the next morning.",
     ["The meeting closed at 5 p.m.", "Work resumed the next morning."]),
    ("He said no. The plan was adopted.", ["He said no.", "The plan was adopted."]),
    ("Output rose sharply in Nov. Steel output reached a record.",
     ["Output rose sharply in Nov.", "Steel output reached a record."]),
    ("It was approved on Dec. 31. Work starts in Jan. 1956.",
     ["It was approved on Dec. 31.", "Work starts in Jan. 1956."]),
    ("Mr. Li Fuchun spoke on Nov. 7 at No. 3 Mill.", None),
    ("J. V. Stalin wrote to Gen. Marshall.", None),
    ("The meeting opened at 9 a.m. on March 2.", None),
    ("The report (Vol. II, p. 12) was read.", None),
    ("The No. 1 plant, i.e. the largest, opened.", None),
    ("He visited the U.S.S.R. in 1954.", None),
    ("U.S. aid to Chiang ended. The K.M.T. collapsed.",
     ["U.S. aid to Chiang ended.", "The K.M.T. collapsed."]),
    ("Units did three things: 1. Mobilize the masses; 2. Balance supply; 3. Save.",
     ["Units did three things:", "1. Mobilize the masses;", "2. Balance supply;", "3. Save."]),
    ("1. Deeply mobilize the masses. 2. Promote advanced experience.",
     ["1. Deeply mobilize the masses.", "2. Promote advanced experience."]),
])
def test_english_cases(text, sentences):
    assert [text[s:e] for s, e in split_english(text)] == (sentences or [text])


def test_offsets_are_exact_on_the_shared_corpus(shared):
    for path in sorted(SHARED_CORPUS.rglob("*.md")):
        for paragraph in path.read_text("utf-8").split("<hr />")[0].splitlines():
            spans = split_english(paragraph)
            assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))
            for start, end in spans:
                piece = paragraph[start:end]
                assert piece == piece.strip() and piece
            covered = "".join(paragraph[s:e] for s, e in spans)  # only spaces are left out
            assert "".join(covered.split()) == "".join(paragraph.split())
