"""Bead-for-bead alignments of real articles, checked by reading both languages.

The gold beads live in bench/gold/alignments_rmrb.json (read by bench/align_cv.py too);
they were written by reading the Chinese and the English sentence by sentence, with the
sentence ids of duiqi's segmenter. Where duiqi's beads differ from the gold, the article
lists the gold beads duiqi misses (``duiqi_misses``): the test fails when a miss is fixed
as well as when a new one appears, so the list stays true.
"""
from __future__ import annotations

import copy
import json

import pytest

from pipeline.align import align
from pipeline.settings import Settings

from conftest import ROOT, SHARED_CORPUS

GOLD = json.loads((ROOT / "bench" / "gold" / "alignments_rmrb.json").read_text("utf-8"))["articles"]


def _beads(rows) -> set[tuple[tuple[int, ...], tuple[int, ...]]]:
    return {(tuple(row[0]), tuple(row[1])) for row in rows}


@pytest.mark.parametrize("article", GOLD, ids=[a["path"].split("/")[-1][:16] for a in GOLD])
def test_article_aligns_bead_for_bead(processed, article):
    doc = processed(SHARED_CORPUS / article["path"])
    assert (len(doc.side("zh")), len(doc.side("en"))) == (article["zh_sentences"], article["en_sentences"]), \
        "the segmenter changed: the gold's sentence ids need reading again"
    gold = _beads(article["beads"])
    assert gold - _beads([(b.src, b.tgt) for b in doc.beads]) == _beads(article["duiqi_misses"])
    # The same beads when the aligner runs again on the annotated document (it reads the
    # numbers from doc.numbers, filled before alignment).
    assert doc.numbers
    realigned = align(copy.copy(doc), Settings().align)
    assert [(b.src, b.tgt) for b in realigned.beads] == [(b.src, b.tgt) for b in doc.beads]


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
