"""Dataset exports read the run's JSON: four formats, the filters, review corrections."""
from __future__ import annotations

import json
import shutil

import pytest
from lxml import etree
from typer.testing import CliRunner

from conftest import TMX_DTD
from pipeline.cli import app
from pipeline.errors import InputError
from pipeline.export import ExportFilter, export
from pipeline.run import run_corpus
from pipeline.write.tmx import XML_FORBIDDEN_RE
from runs import build_corpus


@pytest.fixture(scope="module")
def corpus(shared, tmp_path_factory):
    return build_corpus(tmp_path_factory.mktemp("corpus"))


@pytest.fixture(scope="module")
def out(corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    run_corpus(corpus, out, progress=False)
    return out


def read_hf(path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


def test_hf_holds_every_pair_of_the_run(out, tmp_path):
    result = export(out, "hf", tmp_path / "pairs.jsonl")
    rows = read_hf(tmp_path / "pairs.jsonl")
    run_pairs = read_hf(out / "pairs.jsonl")
    assert len(rows) == result.pairs == len(run_pairs) > 0
    assert rows == run_pairs  # one layout: pairs.jsonl is the HF export of every pair
    assert list(rows[0]) == ["translation", "doc_id", "date", "bead", "score", "flags",
                             "reviewed"]
    assert list(rows[0]["translation"]) == ["zh", "en"]


def test_parquet_and_moses_agree_with_hf(out, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    export(out, "hf", tmp_path / "pairs.jsonl")
    export(out, "parquet", tmp_path / "pairs.parquet")
    zh_path, en_path = export(out, "moses", tmp_path / "corpus").paths
    rows = read_hf(tmp_path / "pairs.jsonl")
    table = pq.read_table(tmp_path / "pairs.parquet").to_pylist()
    assert table == rows  # the same columns and values, translation as a struct
    zh, en = (p.read_text("utf-8").split("\n")[:-1] for p in (zh_path, en_path))
    assert (zh_path.name, en_path.name) == ("corpus.zh", "corpus.en")
    assert len(zh) == len(en) == len(rows)
    assert zh[0] == rows[0]["translation"]["zh"]


def test_hugging_face_datasets_reads_both_exports(out, tmp_path, monkeypatch):
    """The tool data people use: `datasets` loads the JSON lines and the Parquet export into
    the same rows, with `translation` as a {zh, en} feature (the HF translation layout)."""
    datasets = pytest.importorskip("datasets")
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    export(out, "hf", tmp_path / "pairs.jsonl")
    export(out, "parquet", tmp_path / "pairs.parquet")
    cache = str(tmp_path / "hf" / "datasets")
    from_json = datasets.load_dataset("json", data_files=str(tmp_path / "pairs.jsonl"),
                                      split="train", cache_dir=cache)
    from_parquet = datasets.load_dataset("parquet", data_files=str(tmp_path / "pairs.parquet"),
                                         split="train", cache_dir=cache)
    rows = read_hf(tmp_path / "pairs.jsonl")
    assert from_json.num_rows == from_parquet.num_rows == len(rows)
    assert from_parquet.to_list() == rows
    # pyarrow's JSON reader types ISO dates as timestamps; the values are the same days.
    assert [{**row, "date": row["date"] and row["date"].date().isoformat()}
            for row in from_json.to_list()] == rows
    assert set(from_json.features["translation"]) == {"zh", "en"}
    assert from_json[0]["translation"]["zh"] == rows[0]["translation"]["zh"]


def test_tmx_is_valid_and_clean(out):
    result = export(out, "tmx")
    (path,) = result.paths
    assert path == out / "export" / "pairs.tmx"
    data = path.read_bytes()
    assert not XML_FORBIDDEN_RE.search(data.decode("utf-8"))
    root = etree.fromstring(data, etree.XMLParser(load_dtd=False, no_network=True))
    assert len(root.findall("body/tu")) == result.pairs
    if TMX_DTD.is_file():
        assert etree.DTD(str(TMX_DTD)).validate(root)


def test_filters(out, tmp_path):
    everything = read_hf(out / "pairs.jsonl")
    export(out, "hf", tmp_path / "a", ExportFilter(min_score=0.5, drop_flagged=True))
    kept = read_hf(tmp_path / "a")
    assert all(r["score"] >= 0.5 and not r["flags"] for r in kept)
    assert len(kept) == sum(p["score"] >= 0.5 and not p["flags"] for p in everything)
    export(out, "hf", tmp_path / "b", ExportFilter(date_from="1955-12-02", date_to="1956-01"))
    dates = {r["date"] for r in read_hf(tmp_path / "b")}
    assert dates and all("1955-12-02" <= d <= "1956-01-31" for d in dates)
    assert {p["date"] for p in everything} - dates  # something was left out
    with pytest.raises(InputError, match="E034"):
        ExportFilter(date_from="Dec 1955")


def test_review_corrections_are_exported_and_survive_a_rerun(corpus, out, tmp_path,
                                                             monkeypatch):
    from pipeline.review.journal import record_edit

    reviewed_out = tmp_path / "out"
    shutil.copytree(out, reviewed_out)
    first = read_hf(out / "pairs.jsonl")[0]
    record = json.loads((reviewed_out / f"{first['doc_id']}.json").read_text("utf-8"))
    record_edit(record, reviewed_out, 0, "confirm", {"bead": first["bead"]}, "tester",
                "2026-01-01T00:00:00Z")
    assert read_hf(export(reviewed_out, "hf").paths[0])[0]["reviewed"]
    assert not first["reviewed"]
    monkeypatch.setattr("pipeline.settings.__version__", "99.0")  # every document is redone
    assert run_corpus(corpus, reviewed_out, progress=False).processed > 0
    assert read_hf(export(reviewed_out, "hf").paths[0])[0]["reviewed"]


def test_cli_export_and_missing_run(out, tmp_path):
    runner = CliRunner()
    done = runner.invoke(app, ["export", str(out), "--format", "moses", "--dest",
                               str(tmp_path / "m"), "--min-score", "0.2"])
    assert done.exit_code == 0, done.output
    assert (tmp_path / "m.zh").is_file() and "pairs from" in done.output
    missing = runner.invoke(app, ["export", str(tmp_path), "--format", "hf"])
    assert missing.exit_code == 2 and "duiqi run" in missing.output


def test_dedupe_drops_pairs_repeated_across_documents(out, tmp_path):
    everything = read_hf(export(out, "hf", tmp_path / "all").paths[0])
    result = export(out, "hf", tmp_path / "unique", ExportFilter(dedupe=True))
    unique = read_hf(tmp_path / "unique")
    keys = [tuple(r["translation"].values()) for r in everything]
    assert len(set(keys)) < len(keys)  # the corpus holds one article twice
    assert [tuple(r["translation"].values()) for r in unique] == list(dict.fromkeys(keys))
    assert result.pairs == len(unique)
    (tmx,) = export(out, "tmx", tmp_path / "unique.tmx", ExportFilter(dedupe=True)).paths
    assert len(etree.parse(str(tmx)).findall("body/tu")) == len(unique)


def test_moses_can_mark_document_boundaries(out, tmp_path):
    rows = read_hf(export(out, "hf", tmp_path / "rows").paths[0])
    paths = export(out, "moses", tmp_path / "doc", mark_documents=True).paths
    zh, en = (p.read_text("utf-8").split("\n")[:-1] for p in paths)
    documents = list(dict.fromkeys(r["doc_id"] for r in rows))
    assert len(zh) == len(en) == len(rows) + len(documents)
    assert [i for i, line in enumerate(zh) if not line] == \
        [i for i, line in enumerate(en) if not line]
    assert zh[-1] == ""  # every document ends with the mark, the last one too
    blocks = "\n".join(zh[:-1]).split("\n\n")
    assert [len(b.split("\n")) for b in blocks] == \
        [sum(r["doc_id"] == d for r in rows) for d in documents]


def test_tmx_units_carry_creation_and_review_attributes(out, tmp_path):
    from pipeline import __version__
    from pipeline.review.journal import record_edit

    reviewed_out = tmp_path / "out"
    shutil.copytree(out, reviewed_out)
    first = read_hf(out / "pairs.jsonl")[0]
    record = json.loads((reviewed_out / f"{first['doc_id']}.json").read_text("utf-8"))
    record_edit(record, reviewed_out, 0, "confirm", {"bead": first["bead"]}, "translator",
                "2026-01-02T03:04:05Z")
    (path,) = export(reviewed_out, "tmx").paths
    root = etree.parse(str(path)).getroot()
    units = root.findall("body/tu")
    assert units and all(tu.get("creationid") == "duiqi" and tu.get("creationtool") == "duiqi"
                         and tu.get("creationtoolversion") == __version__ for tu in units)
    dated = {tu.get("tuid"): tu.get("creationdate") for tu in units}
    assert dated[f"{first['doc_id']}#{first['bead']}"] == first["date"].replace("-", "") + \
        "T000000Z"
    changed = [tu for tu in units if tu.get("changedate")]
    assert [(tu.get("tuid"), tu.get("changedate"), tu.get("changeid")) for tu in changed] == [
        (f"{first['doc_id']}#{first['bead']}", "20260102T030405Z", "translator")]
    if TMX_DTD.is_file():
        assert etree.DTD(str(TMX_DTD)).validate(root)


def test_the_cli_exports_with_dedupe_and_document_marks(out, tmp_path):
    runner = CliRunner()
    done = runner.invoke(app, ["export", str(out), "-f", "moses", "--dest", str(tmp_path / "m"),
                               "--dedupe", "--mark-documents"])
    assert done.exit_code == 0, done.output
    assert "\n\n" in (tmp_path / "m.en").read_text("utf-8")


@pytest.mark.parametrize("written, tmx", [
    ("1955-12-01", "19551201T000000Z"), ("1955-12", "19551201T000000Z"),
    ("1953-11/1953-12-08", "19531101T000000Z"), ("2026-01-02T03:04:05Z", "20260102T030405Z"),
    ("2026-01-02T11:04:05+08:00", "20260102T030405Z"), ("12 Dec", None), ("", None)])
def test_tmx_dates(written, tmx):
    from pipeline.write.tmx import tmx_date

    assert tmx_date(written) == tmx
