"""Fault injection: each fault, what the user sees, and that nothing already written is lost.

Every test builds its own small corpus in a tmp folder. The faults: a document that never
ends, a full or read-only disk, damaged outputs, hostile file names, wrong encodings, a
second run on the same folder, a killed parent, and review requests meant to break the server.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from faults import GRAIN, HANGING, LETTERS, hang_hook_env, write_corpus
from pipeline.errors import DuiqiError
from pipeline.extract import context_en
from pipeline.extract.models import english_nlp
from pipeline.run import DaskExecutor, LocalExecutor, run_corpus
from pipeline.settings import ExtractSettings

# Seconds a document may take in these tests: workers load their models before the clock
# starts, and a three-sentence article takes well under a second.
DOC_TIMEOUT = 10


def test_a_preposition_as_root_ends(shared):
    """'Of 500.' parses with the preposition as root: climbing from the number stops there
    (spaCy makes a new Token at every access, so identity never held and the loop ran on)."""
    parsed = english_nlp(ExtractSettings().en_models)("Of 500.")
    assert parsed[0].dep_ == "ROOT"
    root = context_en.number_root(parsed, 3, 6)
    assert context_en.indicator(root, {}) is None


# 1. A document that never finishes: stopped, reported with its own code, the batch goes on.

def hanging_corpus(root: Path) -> Path:
    return write_corpus(root, {"a_grain.md": GRAIN, "b_hangs.md": HANGING,
                               "c_letters.md": LETTERS, "d_grain.md": GRAIN.replace("10%", "12%")})


def assert_hang_reported(result, out: Path) -> None:
    by_id = {o.doc_id: o for o in result.outcomes}
    assert by_id["b_hangs.md"].status == "failed" and by_id["b_hangs.md"].error_code == "E040"
    assert "b_hangs.md" in by_id["b_hangs.md"].error and "--doc-timeout" in by_id["b_hangs.md"].error
    assert [o.status for d, o in sorted(by_id.items()) if d != "b_hangs.md"] == ["ok"] * 3
    assert result.report["failures"][0]["code"] == "E040"
    assert (out / "c_letters.md.json").is_file()  # 'Of 500.' went through extraction
    assert not (out / "b_hangs.md.json").exists()


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_document_that_never_ends_is_stopped(shared, tmp_path, monkeypatch, jobs):
    corpus = hanging_corpus(tmp_path / "corpus")
    for name, value in hang_hook_env(tmp_path / "hook").items():
        monkeypatch.setenv(name, value)
    out = tmp_path / "out"
    result = run_corpus(corpus, out, progress=False,
                        executor=LocalExecutor(jobs, doc_timeout=DOC_TIMEOUT))
    assert_hang_reported(result, out)
    if jobs == 2:
        return
    # Not remembered: the next run tries it again, and only it.
    (corpus / "b_hangs.md").write_text(GRAIN.replace("10%", "15%"), "utf-8")
    rerun = run_corpus(corpus, out, progress=False, executor=LocalExecutor(jobs, DOC_TIMEOUT))
    assert rerun.processed == 1 and rerun.report["failed"] == 0


def test_a_document_that_never_ends_on_dask(shared, tmp_path, monkeypatch):
    distributed = pytest.importorskip("distributed")
    corpus = hanging_corpus(tmp_path / "corpus")
    for name, value in hang_hook_env(tmp_path / "hook").items():
        monkeypatch.setenv(name, value)
    out = tmp_path / "out"
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        result = run_corpus(corpus, out, progress=False, executor=DaskExecutor(
            cluster.scheduler_address, doc_timeout=DOC_TIMEOUT))
    assert_hang_reported(result, out)


def test_a_time_limit_must_be_positive():
    for bad in (-1, float("nan"), float("inf"), "10"):
        with pytest.raises(DuiqiError, match="E035"):
            LocalExecutor(1, bad)
    assert LocalExecutor(1, 0).doc_timeout is None
