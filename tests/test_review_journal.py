"""The corrections journal: append, replay, undo, stale content, and the reviewed exports."""
from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor

import pytest
from lxml import etree
from test_review_support import PLAIN_ID, STEEL_ID

from pipeline.errors import ReviewError
from pipeline.review.export import export_reviewed
from pipeline.review.journal import (alignment_hash, apply_corrections, journal_path,
                                     read_journal, record_edit, review_state)
from pipeline.write.corpus import output_path
from pipeline.write.json_doc import validate

pytest_plugins = ["test_review_support"]  # the review_out and steel_record fixtures

TIME = "2026-11-22T10:00:00Z"


def edit(record, review_out, version, op, **args):
    return record_edit(record, review_out, version, op, args, "reviewer", TIME)


def test_each_edit_is_one_journal_line_with_who_when_and_version(review_out, steel_record):
    state = edit(steel_record, review_out, 0, "merge", bead=2)
    assert state.version == 1 and state.can_undo
    assert read_journal(review_out) == [{
        "doc_id": STEEL_ID, "content_hash": steel_record["content_hash"],
        "alignment_hash": alignment_hash(steel_record), "version": 0,
        "op": "merge", "args": {"bead": 2}, "user": "reviewer", "time": TIME}]


def test_replay_gives_the_edited_state_back(review_out, steel_record):
    edit(steel_record, review_out, 0, "merge", bead=2)
    edit(steel_record, review_out, 1, "confirm", bead=0)
    state = review_state(steel_record, read_journal(review_out))
    assert state.version == 2
    assert [(b["src"], b["tgt"], b["reviewed"]) for b in state.beads][:3] == [
        ([0], [0], True), ([1], [1], False), ([2], [2, 3], True)]


def test_undo_is_an_entry_that_takes_back_the_last_edit(review_out, steel_record):
    pipeline_beads = review_state(steel_record, read_journal(review_out)).beads
    edit(steel_record, review_out, 0, "merge", bead=2)
    state = edit(steel_record, review_out, 1, "undo")
    assert state.beads == pipeline_beads and not state.can_undo
    assert [e["op"] for e in read_journal(review_out)] == ["merge", "undo"]
    with pytest.raises(ReviewError) as caught:
        edit(steel_record, review_out, 2, "undo")
    assert caught.value.code == "R011"


def test_redo_brings_back_what_was_undone_until_a_new_edit(review_out, steel_record):
    merged = edit(steel_record, review_out, 0, "merge", bead=2).beads
    edit(steel_record, review_out, 1, "merge", bead=0)
    edit(steel_record, review_out, 2, "undo")
    state = edit(steel_record, review_out, 3, "undo")
    assert state.can_redo and not state.can_undo
    state = edit(steel_record, review_out, 4, "redo")
    assert state.beads == merged and state.can_undo and state.can_redo
    state = edit(steel_record, review_out, 5, "confirm", bead=0)  # a new edit forgets the rest
    assert not state.can_redo
    with pytest.raises(ReviewError) as caught:
        edit(steel_record, review_out, 6, "redo")
    assert caught.value.code == "R012"
    reopened = review_state(steel_record, read_journal(review_out))  # the journal replays
    assert (reopened.beads, reopened.can_redo) == (state.beads, False)


def test_rejected_edits_leave_the_journal_untouched(review_out, steel_record):
    edit(steel_record, review_out, 0, "merge", bead=2)
    before = journal_path(review_out).read_bytes()
    for version, op, args, code in [(0, "confirm", {"bead": 0}, "R003"),
                                    (1, "merge", {"bead": 4}, "R010"),
                                    ("1", "confirm", {"bead": 0}, "R005"),
                                    (1, "rotate", {}, "R006")]:
        with pytest.raises(ReviewError) as caught:
            record_edit(steel_record, review_out, version, op, args, "reviewer", TIME)
        assert caught.value.code == code
    assert journal_path(review_out).read_bytes() == before


def realigned(record: dict) -> dict:
    """The same text aligned otherwise (a re-run with other settings): beads 0 and 1 joined."""
    first = {**record["beads"][0], "src": [0, 1], "tgt": [0, 1]}
    return {"beads": [first, *record["beads"][2:]]}


@pytest.mark.parametrize("change", [lambda record: {"content_hash": "f" * 64}, realigned],
                         ids=["text changed", "realigned"])
def test_entries_made_on_another_text_or_alignment_are_set_aside(review_out, steel_record,
                                                                 change):
    edit(steel_record, review_out, 0, "merge", bead=2)
    changed = {**steel_record, **change(steel_record)}
    assert apply_corrections(changed, review_out) is changed
    state = review_state(changed, read_journal(review_out))
    assert (state.version, state.set_aside) == (0, 1)
    assert review_state(steel_record, read_journal(review_out)).set_aside == 0


def test_apply_corrections_rebuilds_texts_numbers_and_keeps_who_did_what(review_out, steel_record):
    edit(steel_record, review_out, 0, "merge", bead=2)
    edit(steel_record, review_out, 1, "confirm", bead=0)
    record = apply_corrections(steel_record, review_out)
    validate(record)
    merged = record["beads"][2]
    assert merged["tgt_text"] == "National steel output will reach 1 million tons."
    assert (merged["id"], merged["type"], merged["reviewed"]) == (2, "1-2", True)
    assert [b["id"] for b in record["beads"]] == list(range(5))
    assert [n["bead"] for n in record["numbers"]] == [2, 2]
    assert record["corrections"] == [
        {"version": 0, "op": "merge", "args": {"bead": 2}, "user": "reviewer", "time": TIME},
        {"version": 1, "op": "confirm", "args": {"bead": 0}, "user": "reviewer", "time": TIME}]
    with pytest.raises(ReviewError) as caught:
        apply_corrections(record, review_out)  # never twice: the journal replays over the original
    assert caught.value.code == "R022"


def test_a_broken_journal_line_is_reported_with_its_place(review_out, steel_record):
    edit(steel_record, review_out, 0, "merge", bead=2)
    with open(journal_path(review_out), "a", encoding="utf-8") as handle:
        handle.write('{"doc_id": "half a line\n')
    with pytest.raises(ReviewError, match=r"corrections.jsonl:2") as caught:
        read_journal(review_out)
    assert caught.value.code == "R020"


def test_export_leaves_the_pipeline_output_and_writes_reviewed_json_and_tmx(
        review_out, steel_record):
    original = output_path(review_out, STEEL_ID, ".json").read_bytes()
    edit(steel_record, review_out, 0, "merge", bead=2)
    dest, corrected = export_reviewed(review_out)
    assert dest == review_out / "reviewed" and corrected == [STEEL_ID]
    assert output_path(review_out, STEEL_ID, ".json").read_bytes() == original
    reviewed = json.loads(output_path(dest, STEEL_ID, ".json").read_text("utf-8"))
    assert len(reviewed["beads"]) == 5
    untouched = json.loads(output_path(dest, PLAIN_ID, ".json").read_text("utf-8"))
    assert "corrections" not in untouched
    tmx = etree.parse(str(output_path(dest, STEEL_ID, ".tmx")))
    unit = tmx.find(".//tu[@tuid='%s#2']" % STEEL_ID)
    assert unit.find("prop[@type='x-reviewed']").text == "true"
    assert [seg.text for seg in unit.iter("seg")] == [
        "全国钢产量将达到一百万吨。", "National steel output will reach 1 million tons."]
    assert len(etree.parse(str(dest / "corpus.tmx")).findall(".//tu")) == 5 + 2
    # The corpus files a run writes, rebuilt from the reviewed documents.
    pairs = [json.loads(line) for line in (dest / "pairs.jsonl").read_text("utf-8").splitlines()]
    assert [p["reviewed"] for p in pairs if p["doc_id"] == STEEL_ID] == [
        False, False, True, False, False]
    assert all((dest / name).exists() for name in ("entities.csv", "targets.parquet"))


def test_export_again_is_byte_identical_and_never_into_the_output_folder(review_out, steel_record):
    edit(steel_record, review_out, 0, "merge", bead=2)
    dest, _ = export_reviewed(review_out, review_out.parent / "exported")
    first = sorted((p.name, p.read_bytes()) for p in dest.rglob("*") if p.is_file())
    export_reviewed(review_out, dest)
    assert sorted((p.name, p.read_bytes()) for p in dest.rglob("*") if p.is_file()) == first
    with pytest.raises(ReviewError) as caught:
        export_reviewed(review_out, review_out)
    assert caught.value.code == "R023"


def test_racing_edits_on_one_version_leave_exactly_one_entry(review_out, steel_record):
    """Two servers on one folder (or two tabs): the lock lets one append, the rest get 409."""
    def try_confirm(bead: int) -> str:
        try:
            edit(steel_record, review_out, 0, "confirm", bead=bead)
            return "ok"
        except ReviewError as exc:
            return exc.code

    with ThreadPoolExecutor(max_workers=6) as pool:
        outcomes = sorted(pool.map(try_confirm, range(6)))
    assert outcomes == ["R003"] * 5 + ["ok"]
    assert [entry["version"] for entry in read_journal(review_out)] == [0]
