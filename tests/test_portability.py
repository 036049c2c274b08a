"""export, review and apply-corrections import nothing POSIX-only (they must run on
Windows, where most Trados and memoQ users work): checked in a Python that refuses to
import the POSIX-only modules."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, SAMPLE_CORPUS

POSIX_ONLY = ("fcntl", "termios", "tty", "pty", "pwd", "grp", "resource", "syslog")
BLOCKER = f"""
import importlib.abc, sys
class PosixOnly(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in {POSIX_ONLY!r}:
            raise ImportError(f"{{name}} is POSIX-only")
sys.meta_path.insert(0, PosixOnly())
for name in {POSIX_ONLY!r}:
    sys.modules.pop(name, None)
"""


def run_without_posix(code: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", BLOCKER + code], cwd=cwd, text=True,
                          capture_output=True, timeout=300)


@pytest.fixture(scope="module")
def run_out(tmp_path_factory):
    from pipeline.run import run_corpus

    corpus = tmp_path_factory.mktemp("corpus")
    for path in (SAMPLE_CORPUS / "pairs").glob("*.txt"):
        (corpus / path.name).write_bytes(path.read_bytes())
    out = tmp_path_factory.mktemp("out")
    run_corpus(corpus, out, progress=False)
    return out


def test_the_blocker_blocks():
    result = run_without_posix("import fcntl", ROOT)
    assert result.returncode != 0 and "POSIX-only" in result.stderr


def test_review_modules_import_without_posix_modules():
    code = """
import pipeline.cli, pipeline.export, pipeline.review.export, pipeline.review.journal
import pipeline.review.server
print("imported")
"""
    result = run_without_posix(code, ROOT)
    assert result.returncode == 0 and "imported" in result.stdout, result.stderr


def test_export_review_edit_and_apply_corrections_without_posix_modules(run_out, tmp_path):
    record = json.loads((run_out / "cooperative_bookkeeping.json").read_text("utf-8"))
    code = f"""
import json, sys
from pathlib import Path
from pipeline.cli import app
from pipeline.review.journal import record_edit
out = Path({str(run_out)!r})
record = json.loads((out / "cooperative_bookkeeping.json").read_text("utf-8"))
record_edit(record, out, 0, "confirm", {{"bead": 0}}, "tester", "2026-01-01T00:00:00Z")
for args in (["export", str(out), "-f", "tmx", "--dest", {str(tmp_path / "p.tmx")!r}],
             ["export", str(out), "-f", "hf", "--dest", {str(tmp_path / "p.jsonl")!r}],
             ["apply-corrections", str(out), "--dest", {str(tmp_path / "reviewed")!r}]):
    try:
        app(args)
    except SystemExit as exc:
        assert exc.code in (0, None), (args, exc.code)
print("done")
"""
    result = run_without_posix(code, ROOT)
    assert result.returncode == 0 and "done" in result.stdout, result.stderr
    assert record["beads"]
    assert json.loads((tmp_path / "p.jsonl").read_text("utf-8").splitlines()[0])["reviewed"]
    assert (tmp_path / "reviewed" / "cooperative_bookkeeping.tmx").is_file()
