"""Bead-file scoring: the beads format, exact / strict / lax P/R/F1, verse merging."""
from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.evaluate import (Counts, evaluate, format_bead, merge_verses, parse_bead,
                               read_beads, score, write_beads)

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"

GOLD = [((0,), (0,)), ((1, 2), (1,)), ((3,), ()), ((4,), (2, 3))]


def test_parse_and_format_round_trip(tmp_path):
    assert parse_bead("[0,1]:[2]") == ((0, 1), (2,))
    assert parse_bead("[]:[7]") == ((), (7,))
    assert parse_bead("[3]:[4]:0.91") == ((3,), (4,))  # Vecalign writes a score
    assert format_bead(((0, 1), ())) == "[0,1]:[]"
    path = tmp_path / "x.align"
    write_beads(path, GOLD)
    assert read_beads(path) == GOLD


@pytest.mark.parametrize("line", ["0:1", "[0]", "[a]:[1]"])
def test_bad_lines_are_refused(line):
    with pytest.raises(ValueError):
        parse_bead(line)


def test_perfect_prediction_scores_one():
    c = score(GOLD, GOLD)
    assert c.exact.f1 == c.strict.f1 == c.lax.f1 == 1.0


def test_known_counts():
    # One exact hit out of three predicted beads; 4 gold beads, 3 of them aligned.
    pred = [((0,), (0,)), ((1,), (1,)), ((2, 3, 4), (2, 3))]
    c = score(GOLD, pred)
    assert (c.exact.precision, c.exact.recall) == (1 / 3, 1 / 4)
    assert c.exact.f1 == pytest.approx(2 * (1 / 3) * (1 / 4) / (1 / 3 + 1 / 4))
    assert (c.strict.precision, c.strict.recall) == (1 / 3, 1 / 3)
    # Lax: every predicted bead touches a gold bead on both sides, and every gold aligned
    # bead is touched.
    assert (c.lax.precision, c.lax.recall) == (1.0, 1.0)


def test_counts_add_up_over_files():
    a, b = score(GOLD, GOLD), score(GOLD, [((0, 1, 2, 3, 4), (0, 1, 2, 3))])
    total = a + b
    assert (total.exact_hit, total.n_pred, total.n_gold) == (4, 5, 8)
    assert isinstance(total, Counts)


def test_merge_verses_joins_beads_of_one_verse():
    first = ["v1", "v2", "v2", "v3"]
    second = ["v1", "v2", "v3", "v3"]
    beads = [((0,), (0,)), ((1,), (1,)), ((2,), ()), ((3,), (2,)), ((), (3,))]
    assert merge_verses(beads, (first, second)) == [((0,), (0,)), ((1, 2), (1,)),
                                                    ((3,), (2, 3))]


def test_folders_and_cli(tmp_path):
    gold, pred = tmp_path / "gold", tmp_path / "pred"
    gold.mkdir(), pred.mkdir()
    write_beads(gold / "001.align", GOLD)
    write_beads(pred / "001.align", GOLD[:2] + [((3, 4), (2, 3))])
    results = evaluate(gold, pred)
    assert results["001"].exact.precision == pytest.approx(2 / 3)
    out = CliRunner().invoke(app, ["eval", str(gold), str(pred)])
    assert out.exit_code == 0, out.output
    assert "overall" in out.output and "0.6667" in out.output


def test_bible_gold_against_itself_with_verse_merging():
    bible = SHARED / "eval" / "bible"
    if not (bible / "gold" / "001.align").exists():
        pytest.skip("shared Bible data not present")
    en_verse, zh_verse = bible / "en.verse", bible / "zh.verse"
    out = CliRunner().invoke(app, ["eval", str(bible / "gold" / "001.align"),
                                   str(bible / "gold" / "001.align"),
                                   "--merge-verses", str(en_verse), str(zh_verse)])
    assert out.exit_code == 0, out.output
    assert out.output.splitlines()[-1].split()[1:4] == ["1.0000"] * 3
