"""Bead-for-bead alignments of real articles, checked by reading both languages.

Each expected list was written by reading the Chinese and the English sentence by sentence
(the sentence ids are those of duiqi's segmenter, pinned in test_segment for seed 000).
"""
from __future__ import annotations

import copy

import pytest

from pipeline.align import align
from pipeline.settings import Settings

from conftest import SEED_000, rmrb

SEED_000_BEADS = [
    ([0, 1], [0]),  # the two headlines; the English title
    ([2], [1]),  # 新华社三十日讯 … 在二十八日闭幕 / Xinhua … concluded on the 28th
    ([3], [2, 3]),  # 会议确定 … 并且要注意 … 过渡 / determined … Attention should also be paid …
    ([4], [4]),
    ([5], [5]),
    ([6], [6]),
    ([7, 8], [7]),  # 订出 … 全面规划；并且迅速建立 … / required … plans …; and to quickly establish …
    ([9], [8]),
    ([10], [9]),
]

WUHAN_BEADS = [
    ([0], [0]),
    ([1], [1, 2]),  # 新建立了将近二百个 … 85％左右 / Nearly two hundred … About 85% …
    ([2], [3]),
    ([3], [4]),
    ([4], [5, 6]),  # 人口不断增加 … 有40％从外地调来 / population … Last year, 40% …
    ([5], [7]),
    ([6], [8]),  # （袁军） / (Yuan Jun)
]

SHENYANG_BEADS = [
    ([0, 1], [0]),
    ([2], [1, 2]),  # 【新华社沈阳二日电】… / Xinhua News Agency, Shenyang, 2nd. Forty-eight …
    ([3], [3]),
    ([4], [4]),
    ([5], [5]),
    ([6], [6]),
    ([7], [7]),
    ([8], [8, 9]),  # 新产品已有数百种 … 其中有 … 变压器 / hundreds of new products … These include …
    ([9], [10]),
    ([10], [11]),
    ([11], [12]),
    ([12], [13]),
    ([13], [14]),
    ([14], [15, 16]),  # 建筑面积 … 百分之九十五点七； / 1,237,000 square meters. As of November 20th …
    ([15], [17]),
    ([16], [18]),
    ([17, 18], [19]),  # 号召 …；已经完成 … / called on …; factories that have completed …
]

# A list that the Chinese cuts at ； into seven sentences and the English keeps in one.
ACHIEVEMENTS_1955_BEADS = [
    ([0], [0]), ([1], [1]), ([2], [2]),
    ([3], [3]),  # 10.41％ / 100.41% (an OCR slip the number check flags, not a misalignment)
    ([4, 5, 6, 7, 8, 9, 10], [4]),  # 其中煤炭工业部为101.7％； … 轻工业部为101，2％。 / Among them …
    ([11], [5]), ([12], [6]), ([13], [7]), ([14], [8]), ([15], [9]), ([16], [10]), ([17], [11]),
    ([18], [12]), ([19], [13]), ([20], [14]),
    ([21, 22], [15]),  # 电力 … 12，800瓩；轮胎 … 112，965套。 / electricity …; tires …
]


@pytest.mark.parametrize("path, expected", [
    (SEED_000, SEED_000_BEADS),
    ("1956-01-03_武汉", WUHAN_BEADS),
    ("1953-12-03_沈阳", SHENYANG_BEADS),
    ("1956-01-01_1955", ACHIEVEMENTS_1955_BEADS),
])
def test_article_aligns_bead_for_bead(processed, path, expected):
    doc = processed(path if not isinstance(path, str) else rmrb(path))
    assert [(b.src, b.tgt) for b in doc.beads] == expected
    # The same beads when the numbers that the annotation read are evidence too (the
    # aligner reads them from doc.numbers, filled before alignment).
    assert doc.numbers
    realigned = align(copy.copy(doc), Settings().align)
    assert [(b.src, b.tgt) for b in realigned.beads] == expected


def test_a_dropped_second_headline_stays_out_of_the_body():
    """corpus/ (written for the project): the English keeps only the first of the two
    Chinese headlines. The second one may pair with the English title or stay alone, but
    never join the dateline sentence (it did before sections were evidence)."""
    from pathlib import Path

    from pipeline.stages import process_file

    root = Path(__file__).resolve().parents[1] / "corpus"
    doc = process_file(next(root.rglob("1954-03-15_*.md")), root)
    for bead in doc.beads:
        for lang, ids in ((doc.src_lang, bead.src), (doc.tgt_lang, bead.tgt)):
            kinds = {doc.side(lang)[i].kind for i in ids}
            assert len(kinds) <= 1, (bead, kinds)
    assert (doc.beads[1].src, doc.beads[1].tgt) == ([2], [1, 2])  # dateline + first fact
