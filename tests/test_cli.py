"""The command line end to end: `duiqi run` over real corpora, `duiqi align` on plain pairs."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from lxml import etree
from typer.testing import CliRunner

from conftest import SAMPLE_CORPUS, SHARED_CORPUS, TMX_DTD
from pipeline.cli import app
from pipeline.write.json_doc import validate

runner = CliRunner()


def invoke(*args: str):
    result = runner.invoke(app, [str(a) for a in args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result


@pytest.fixture(scope="module")
def shared_run(tmp_path_factory, shared):
    out = tmp_path_factory.mktemp("shared-out")
    result = invoke("run", SHARED_CORPUS, "--out", out, "--quiet")
    return out, result.output


def test_run_over_the_shared_corpus_writes_valid_outputs(shared_run):
    out, output = shared_run
    report = json.loads((out / "report.json").read_text("utf-8"))
    assert report["failures"] == [] and report["documents"] == 14
    assert report["by_format"] == {"meeting": 1, "rmrb": 13}
    dtd = etree.DTD(str(TMX_DTD))
    parser = etree.XMLParser(load_dtd=False, no_network=True)
    for source in SHARED_CORPUS.rglob("*"):
        if not source.is_file():
            continue
        stem = source.relative_to(SHARED_CORPUS).as_posix()
        record = json.loads((out / f"{stem}.json").read_text("utf-8"))
        validate(record)
        tmx = out / f"{stem}.tmx"
        assert tmx.exists() == record["bilingual"]
        if tmx.exists():
            assert dtd.validate(etree.parse(str(tmx), parser)), dtd.error_log
    assert dtd.validate(etree.parse(str(out / "corpus.tmx"), parser))
    assert "documents: 14 (14 ok, 0 failed)" in output


def test_meeting_record_has_structure_and_no_tmx(shared_run):
    out, _ = shared_run
    record = json.loads((out / "seeds/004_5635bb84d818c535.txt.json").read_text("utf-8"))
    assert record["format"] == "meeting" and not record["bilingual"]
    assert record["beads"] == [] and record["issues"][0]["code"] == "W001"
    assert len(record["meta"]["meeting"]["speeches"]) == 2
    assert not (out / "seeds/004_5635bb84d818c535.txt.tmx").exists()


def test_pairs_jsonl_matches_corpus_tmx(shared_run):
    from translate.storage.tmx import tmxfile

    out, _ = shared_run
    rows = [json.loads(line) for line in (out / "pairs.jsonl").read_text("utf-8").splitlines()]
    units = tmxfile.parsefile(str(out / "corpus.tmx")).units
    assert [(r["translation"]["zh"], r["translation"]["en"]) for r in rows] == \
        [(u.source, u.target) for u in units]


def test_bad_files_are_reported_and_the_batch_goes_on(tmp_path: Path, shared):
    corpus = tmp_path / "corpus with spaces"
    for part in ("rmrb/1954.03", "records", "pairs"):  # one document of each format
        shutil.copytree(SAMPLE_CORPUS / part, corpus / part)
    (corpus / "empty.md").write_bytes(b"")
    (corpus / "binary.md").write_bytes(b"\x00\x01\x02\x03" * 20)
    (corpus / "cut.md").write_text("Title: T\n\nBody.\n\n<hr />\n\n### 标题\n", encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["run", str(corpus), "--out", str(out), "--quiet"])
    assert result.exit_code == 3  # some documents failed
    report = json.loads((out / "report.json").read_text("utf-8"))
    causes = {f["doc_id"]: (f["code"], f["cause"]) for f in report["failures"]}
    assert causes["empty.md"][0] == "E001" and "empty.md" in causes["empty.md"][1]
    assert causes["binary.md"][0] == "E002"
    assert causes["cut.md"][0] == "E004" and "Original:" in causes["cut.md"][1]
    assert report["succeeded"] == 3
    assert report["by_format"] == {"meeting": 1, "plain": 1, "rmrb": 1}
    assert not list(out.rglob("*.tmp"))


def test_sample_corpus_outputs_are_byte_identical_across_runs(tmp_path: Path):
    first, second = tmp_path / "a", tmp_path / "b"
    invoke("run", SAMPLE_CORPUS, "--out", first, "--quiet")
    invoke("run", SAMPLE_CORPUS, "--out", second, "--quiet")
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    for name in files:
        if name.name != "timings.json":
            assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_align_presplit_beads_format(tmp_path: Path):
    zh = SAMPLE_CORPUS / "pairs" / "cooperative_bookkeeping.zh.txt"
    en = SAMPLE_CORPUS / "pairs" / "cooperative_bookkeeping.en.txt"
    result = invoke("align", zh, en, "--presplit", "--format", "beads")
    assert result.output.splitlines() == ["[0]:[0]", "[1]:[1]", "[2]:[2]", "[3]:[3]"]


def test_align_paragraph_input_splits_sentences_and_writes_json(tmp_path: Path):
    zh = SAMPLE_CORPUS / "pairs" / "cooperative_bookkeeping.zh.txt"
    en = SAMPLE_CORPUS / "pairs" / "cooperative_bookkeeping.en.txt"
    out = tmp_path / "pair.json"
    invoke("align", en, zh, "--format", "json", "--out", out)
    record = json.loads(out.read_text("utf-8"))
    validate(record)
    assert record["languages"] == {"src": "en", "tgt": "zh"}
    assert len(record["sentences"]["zh"]) == 5 and len(record["sentences"]["en"]) == 5
    assert [(b["src"], b["tgt"]) for b in record["beads"]] == [([i], [i]) for i in range(5)]


def test_align_tmx_format_with_given_languages(tmp_path: Path):
    zh = SAMPLE_CORPUS / "pairs" / "cooperative_bookkeeping.zh.txt"
    en = SAMPLE_CORPUS / "pairs" / "cooperative_bookkeeping.en.txt"
    out = tmp_path / "pair.tmx"
    invoke("align", zh, en, "--src-lang", "zh", "--tgt-lang", "en", "--format", "tmx", "--out", out)
    root = etree.parse(str(out)).getroot()
    assert len(root.findall("body/tu")) == 5


def test_dedupe_drops_the_article_the_shared_corpus_holds_twice(shared_run, tmp_path):
    out, _ = shared_run
    every = invoke("export", out, "--format", "tmx", "--dest", tmp_path / "all.tmx")
    unique = invoke("export", out, "--format", "tmx", "--dest", tmp_path / "unique.tmx",
                    "--dedupe")
    counts = [len(etree.parse(str(tmp_path / name)).findall("body/tu"))
              for name in ("all.tmx", "unique.tmx")]
    assert counts[0] - counts[1] == 9, (every.output, unique.output)
    dtd = etree.DTD(str(TMX_DTD))
    assert dtd.validate(etree.parse(str(tmp_path / "unique.tmx")))
