"""The pure bead edits: what each one does, and that none can break the beads."""
from __future__ import annotations

import random

import pytest

from pipeline.review.edits import (HUMAN_SCORE, OPERATIONS, apply_edit, check_beads,
                                   check_request, confirm, merge, move, split, unalign)
from pipeline.errors import EditError, ReviewError


def bead(src, tgt, score=0.5, flags=(), reviewed=False):
    return {"src": list(src), "tgt": list(tgt), "score": score, "flags": list(flags),
            "reviewed": reviewed}


# zh 0..4, en 0..5; bead 3 is an English sentence the aligner left alone.
BEADS = [bead([0], [0], 0.95), bead([1], [1], 0.9), bead([2], [2], 0.4, ["low_score"]),
         bead([], [3], 0.3, ["unaligned"]), bead([3, 4], [4, 5], 0.8)]


def shapes(beads):
    return [(b["src"], b["tgt"]) for b in beads]


def test_merge_joins_a_bead_with_the_next_and_marks_it_reviewed():
    merged = merge(BEADS, 2)
    assert shapes(merged) == [([0], [0]), ([1], [1]), ([2], [2, 3]), ([3, 4], [4, 5])]
    assert merged[2] == bead([2], [2, 3], HUMAN_SCORE, reviewed=True)
    assert merged[0] is BEADS[0]  # untouched beads are kept as they were


def test_merge_refuses_the_last_bead_and_unknown_beads():
    with pytest.raises(EditError, match="last one"):
        merge(BEADS, 4)
    with pytest.raises(EditError, match="does not exist"):
        merge(BEADS, 9)
    with pytest.raises(EditError, match="does not exist"):
        merge(BEADS, -1)


def test_split_cuts_each_side_where_asked():
    assert shapes(split(BEADS, 4, 1, 1))[4:] == [([3], [4]), ([4], [5])]
    assert shapes(split(BEADS, 4, 1, 2))[4:] == [([3], [4, 5]), ([4], [])]
    assert split(BEADS, 4, 1, 2)[5]["flags"] == ["unaligned"]


@pytest.mark.parametrize("src_at, tgt_at", [(0, 0), (2, 2), (3, 0), (0, -1)])
def test_split_refuses_an_empty_part_or_a_cut_outside_the_bead(src_at, tgt_at):
    with pytest.raises(EditError):
        split(BEADS, 4, src_at, tgt_at)


def test_move_takes_an_edge_sentence_to_the_neighbour():
    assert shapes(move(BEADS, "tgt", 3, "prev"))[2:] == [([2], [2, 3]), ([3, 4], [4, 5])]
    assert shapes(move(BEADS, "src", 3, "prev"))[3:] == [([3], [3]), ([4], [4, 5])]
    assert shapes(move(BEADS, "src", 2, "next"))[2:] == [([], [2]), ([2], [3]), ([3, 4], [4, 5])]


def test_move_refuses_an_inner_sentence_and_a_missing_neighbour():
    with pytest.raises(EditError, match="not the last"):
        move(BEADS, "src", 3, "next")
    with pytest.raises(EditError, match="no prev bead"):
        move(BEADS, "src", 0, "prev")
    with pytest.raises(EditError, match="no bead holds"):
        move(BEADS, "src", 7, "prev")


def test_unalign_puts_an_edge_sentence_in_a_bead_of_its_own():
    assert shapes(unalign(BEADS, "src", 3))[4:] == [([3], []), ([4], [4, 5])]
    assert shapes(unalign(BEADS, "tgt", 5))[4:] == [([3, 4], [4]), ([], [5])]
    assert shapes(unalign(BEADS, "src", 2))[2:4] == [([2], []), ([], [2])]


def test_unalign_refuses_an_inner_or_already_unaligned_sentence():
    three = [bead([0, 1, 2], [0])]
    with pytest.raises(EditError, match="split the bead first"):
        unalign(three, "src", 1)
    with pytest.raises(EditError, match="already unaligned"):
        unalign(BEADS, "tgt", 3)


def test_confirm_keeps_the_score_and_flags_as_evidence():
    confirmed = confirm(BEADS, 2)
    assert confirmed[2] == {**BEADS[2], "reviewed": True}
    with pytest.raises(EditError, match="already reviewed"):
        confirm(confirmed, 2)


def test_check_beads_finds_gaps_crossings_and_empty_beads():
    check_beads(BEADS, 5, 6)
    with pytest.raises(EditError, match="src sentences"):
        check_beads(BEADS[:-1], 5, 6)
    with pytest.raises(EditError, match="tgt sentences"):
        check_beads([bead([0], [1]), bead([1], [0])], 2, 2)
    with pytest.raises(EditError, match="no sentence"):
        check_beads([bead([0], [0]), bead([], [])], 1, 1)


@pytest.mark.parametrize("op, args, message", [
    ("delete", {"bead": 1}, "unknown operation"),
    ("merge", {}, "takes the arguments"),
    ("merge", {"bead": 1, "extra": 2}, "takes the arguments"),
    ("merge", {"bead": "1"}, "must be an integer"),
    ("merge", {"bead": True}, "must be an integer"),
    ("move", {"side": "fr", "sentence": 1, "direction": "prev"}, "'side' must be one of"),
    ("move", {"side": "src", "sentence": 1, "direction": "up"}, "'direction' must be one of"),
    ("undo", [], "'args' must be an object"),
])
def test_check_request_names_what_is_wrong(op, args, message):
    with pytest.raises(ReviewError, match=message) as caught:
        check_request(op, args)
    assert 400 <= caught.value.status < 500


def test_random_edits_keep_beads_monotone_and_complete():
    """Whatever sequence of edits a reviewer tries, accepted ones keep the promises."""
    rng = random.Random(6)
    for _ in range(200):
        beads = BEADS
        for _ in range(12):
            op = rng.choice(sorted(OPERATIONS))
            args = {"bead": rng.randrange(-1, len(beads) + 1), "src_at": rng.randrange(3),
                    "tgt_at": rng.randrange(3), "side": rng.choice(["src", "tgt"]),
                    "sentence": rng.randrange(6), "direction": rng.choice(["prev", "next"]),
                    "text": "mended."}
            args = {name: args[name] for name in OPERATIONS[op][1]}
            try:
                beads = apply_edit(beads, op, args)
            except EditError:
                continue
            check_beads(beads, 5, 6)
