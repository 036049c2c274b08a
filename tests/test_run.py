"""Batch runs: outputs, the report, hostile files, resume rules and parallel determinism."""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from lxml import etree

from conftest import SAMPLE_CORPUS, TMX_DTD
from pipeline.align import encoders
from pipeline.run import LocalExecutor, discover, run_corpus
from pipeline.run import worker
from pipeline.write.tmx import XML_FORBIDDEN_RE
from runs import ODD_NAME, XML_HOSTILE, build_corpus, snapshot


@pytest.fixture(scope="module")
def first_run(shared, tmp_path_factory):
    """The small corpus, run once in this process with one job."""
    corpus = build_corpus(tmp_path_factory.mktemp("corpus"))
    out = tmp_path_factory.mktemp("out")
    result = run_corpus(corpus, out, progress=False)
    return corpus, out, result, snapshot(out)


def rerun_copy(first_run, tmp_path: Path) -> tuple[Path, Path]:
    """A private copy of the first run's corpus and outputs, to change and rerun."""
    corpus, out, _, _ = first_run
    shutil.copytree(corpus, tmp_path / "corpus", symlinks=True)
    shutil.copytree(out, tmp_path / "out")
    return tmp_path / "corpus", tmp_path / "out"


def count_calls(monkeypatch, module, name: str) -> list[str]:
    """Wrap ``module.name`` so that each call appends its first argument's doc id."""
    original, calls = getattr(module, name), []

    def counted(task, *args, **kwargs):
        calls.append(task.doc_id)
        return original(task, *args, **kwargs)

    monkeypatch.setattr(module, name, counted)
    return calls


def test_discover_pairs_odd_names_and_link_loops(tmp_path):
    (tmp_path / "a b").mkdir()
    for name in ("x.zh.txt", "x.en.txt", "lone.en.txt", "人民日报 'q'.md", ".hidden.md"):
        (tmp_path / "a b" / name).write_text("text", "utf-8")
    os.symlink("..", tmp_path / "a b" / "loop")
    os.symlink(tmp_path / "a b", tmp_path / "link")
    ids = [task.doc_id for task in discover(tmp_path)]
    assert ids == sorted(ids)
    assert "a b/x" in ids and "a b/lone.en.txt" in ids and "a b/人民日报 'q'.md" in ids
    assert not any(".hidden" in i for i in ids)
    assert len(ids) == len(set(task.paths for task in discover(tmp_path))) <= 6


def test_report_counts_warnings_and_failures(first_run):
    _, out, result, _ = first_run
    report = json.loads((out / "report.json").read_text("utf-8"))
    assert report == result.report
    assert report["by_format"] == {"meeting": 1, "plain": 1, "rmrb": 5}
    assert report["failed"] == 2
    causes = {f["doc_id"]: (f["code"], f["cause"]) for f in report["failures"]}
    code, cause = causes["broken/empty.md"]
    assert code == "E001" and "broken/empty.md" in cause
    assert causes["broken/binary.md"][0] in ("E002", "E003")
    assert {(w["doc_id"], w["code"]) for w in report["warnings"]} >= {
        ("records/1954_provincial_agricultural_conference.txt", "W001"), (XML_HOSTILE, "W003")}
    assert not list((out / "broken").glob("*"))
    timings = json.loads((out / "timings.json").read_text("utf-8"))
    assert {"ingest", "load", "segment", "align", "encode", "extract", "write",
            "corpus"} <= timings["stages"].keys()
    assert timings["documents"] == {"processed": 9, "current": 0}


def test_odd_paths_and_xml_forbidden_characters(first_run):
    _, out, _, _ = first_run
    assert (out / f"{ODD_NAME}.json").is_file() and (out / f"{ODD_NAME}.tmx").is_file()
    record = json.loads((out / f"{XML_HOSTILE}.json").read_text("utf-8"))
    assert any(XML_FORBIDDEN_RE.search(s["text"]) for s in record["sentences"]["en"])
    assert [i["code"] for i in record["issues"]].count("W003") == 1
    for name in (f"{XML_HOSTILE}.tmx", "corpus.tmx"):
        data = (out / name).read_bytes()
        assert not XML_FORBIDDEN_RE.search(data.decode("utf-8"))
        root = etree.fromstring(data, etree.XMLParser(load_dtd=False, no_network=True))
        if TMX_DTD.is_file():
            assert etree.DTD(str(TMX_DTD)).validate(root)
    assert "ProvincialCommittee" in (out / f"{XML_HOSTILE}.tmx").read_text("utf-8")


def forbid_model_work(monkeypatch) -> None:
    def no_model(*args, **kwargs):
        raise AssertionError("an unchanged rerun must not process or encode anything")

    monkeypatch.setattr("pipeline.stages.process", no_model)
    monkeypatch.setattr(encoders.Usem3Encoder, "__init__", no_model)
    monkeypatch.setattr(encoders.Usem3Encoder, "encode", no_model)
    monkeypatch.setattr(encoders, "load_encoder", no_model)


def test_unchanged_rerun_does_no_model_work(first_run, monkeypatch):
    corpus, out, _, before = first_run
    forbid_model_work(monkeypatch)
    result = run_corpus(corpus, out, progress=False)
    assert result.processed == 0
    assert snapshot(out) == before


def test_unchanged_rerun_of_the_sample_corpus(tmp_path, monkeypatch):
    first = run_corpus(SAMPLE_CORPUS, tmp_path, progress=False)
    assert first.processed == len(first.outcomes) > 0
    before = snapshot(tmp_path)
    forbid_model_work(monkeypatch)
    assert run_corpus(SAMPLE_CORPUS, tmp_path, progress=False).processed == 0
    assert snapshot(tmp_path) == before


def test_changed_document_is_redone_alone(first_run, tmp_path, monkeypatch):
    corpus, out = rerun_copy(first_run, tmp_path)
    done = count_calls(monkeypatch, worker, "process_task")
    changed = corpus / ODD_NAME
    changed.write_text(changed.read_text("utf-8").replace("Wuhan", "Hankou"), "utf-8")
    run_corpus(corpus, out, progress=False)
    assert done == [ODD_NAME]
    assert "Hankou" in (out / f"{ODD_NAME}.tmx").read_text("utf-8")
    assert "Hankou" in (out / "corpus.tmx").read_text("utf-8")


def test_a_document_that_breaks_loses_its_old_outputs(first_run, tmp_path):
    corpus, out = rerun_copy(first_run, tmp_path)
    (corpus / ODD_NAME).write_bytes(b"")
    result = run_corpus(corpus, out, progress=False)
    assert not (out / f"{ODD_NAME}.json").exists() and not (out / f"{ODD_NAME}.tmx").exists()
    assert any(f["doc_id"] == ODD_NAME for f in result.report["failures"])


def test_new_version_or_settings_redo_everything(first_run, tmp_path, monkeypatch):
    corpus, out = rerun_copy(first_run, tmp_path)
    done = count_calls(monkeypatch, worker, "process_task")
    monkeypatch.setattr("pipeline.settings.__version__", "99.0")
    run_corpus(corpus, out, progress=False)
    assert len(done) == 9
    record = json.loads((out / f"{ODD_NAME}.json").read_text("utf-8"))
    assert record["signature"].endswith("version:99.0")


def test_parallel_run_writes_the_same_outputs(first_run, tmp_path):
    corpus, _, _, expected = first_run
    result = run_corpus(corpus, tmp_path / "out", progress=False, executor=LocalExecutor(jobs=2))
    assert result.processed == 9
    assert snapshot(tmp_path / "out") == expected


def test_summary_counts_warnings_and_caps_failures(first_run):
    from pipeline.run.report import SHOWN_FAILURES, summary

    _, _, result, _ = first_run
    report = {**result.report, "failures": [{"cause": f"file{i}: bad"} for i in range(30)]}
    text = summary(report, result.timings)
    assert "W001 x1" in text and "W003 x1" in text and "encoder:" in text
    assert text.count("FAILED") == SHOWN_FAILURES and "10 more failures" in text


def test_an_output_folder_inside_the_corpus_is_not_read_back(tmp_path):
    (tmp_path / "a.md").write_text("Title: A\n\nText.\n", "utf-8")
    (tmp_path / "outputs").mkdir()
    (tmp_path / "outputs" / "a.md.json").write_text("{}", "utf-8")
    assert [t.doc_id for t in discover(tmp_path, exclude=tmp_path / "outputs")] == ["a.md"]
