"""Fault injection: each fault, what the user sees, and that nothing already written is lost.

Every test builds its own small corpus in a tmp folder. The faults: a document that never
ends, a full or read-only disk, damaged outputs, hostile file names, wrong encodings, a
second run on the same folder, a killed parent, and review requests meant to break the server.
"""
from __future__ import annotations

import errno
import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from faults import (GRAIN, HANGING, LETTERS, article, fill, hang_hook_env, small_disk,
                    write_corpus)
from pipeline.cli import app
from pipeline.errors import DuiqiError, InputError
from pipeline.ingest import decode_bytes, parse_text
from pipeline.run import DaskExecutor, LocalExecutor, run_corpus
from pipeline.write import corpus as corpus_module
from pipeline.write.folder import MARKERS, STATE_DIR, OutputFolder
from conftest import ROOT
from runs import snapshot

# Seconds a document may take in these tests: workers load their models before the clock
# starts, and a three-sentence article takes well under a second.
DOC_TIMEOUT = 10


def test_a_preposition_as_root_ends(shared):
    """'Of 500.' parses with the preposition as root, where climbing the parse from the
    number once looped for ever (spaCy makes a new Token at every access, so identity
    never held). Through the public stages, under an alarm: a regression fails, it does
    not hang the suite."""
    from pipeline.stages import process

    def stuck(signum, frame):
        raise TimeoutError("extraction of 'Of 500.' did not end")

    previous = signal.signal(signal.SIGALRM, stuck)
    signal.alarm(120)
    try:
        doc = process(parse_text(LETTERS, "letters.md"))
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert any(s.text.endswith("Of 500.") for s in doc.sentences["en"])


# 1. A document that never finishes: stopped, reported with its own code, the batch goes on.

def hanging_corpus(root: Path) -> Path:
    return write_corpus(root, {"a_grain.md": GRAIN, "b_hangs.md": HANGING,
                               "c_letters.md": LETTERS, "d_grain.md": GRAIN.replace("10%", "12%")})


def assert_hang_reported(result, out: Path) -> None:
    by_id = {o.doc_id: o for o in result.outcomes}
    hang = by_id.pop("b_hangs.md")
    assert hang.status == "failed" and hang.error_code == "E056"
    assert "b_hangs.md" in hang.error and "--doc-timeout" in hang.error
    assert [o.status for o in by_id.values()] == ["ok"] * 3
    assert result.report["failures"][0]["code"] == "E056"
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
    assert not OutputFolder(out).marker("b_hangs.md").exists()  # not remembered: retried


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
        with pytest.raises(DuiqiError, match="E052"):
            LocalExecutor(1, bad)
    assert LocalExecutor(1, 0).doc_timeout is None


# 2. The machine fails: retried by the next run, never remembered; a clear message.

def many_articles(root: Path, count: int) -> Path:
    return write_corpus(root, {f"doc{i:02d}.md": GRAIN.replace("10%", f"{i + 10}%")
                               for i in range(count)})


def run_cli(*args) -> tuple[int, str]:
    result = CliRunner().invoke(app, [str(a) for a in args])
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        result.exception)
    return result.exit_code, result.output


def test_disk_full_then_space_freed(shared, tmp_path):
    corpus = many_articles(tmp_path / "corpus", 8)
    clean = tmp_path / "clean"
    run_corpus(corpus, clean, progress=False)
    with small_disk(tmp_path / "disk", "2m") as disk:
        out = disk / "out"
        filler = fill(disk, leave=60_000)  # room for a few documents, not for eight
        code, output = run_cli("run", corpus, "--out", out, "--quiet", "--doc-timeout", "0")
        assert code == 2 and "Traceback" not in output
        assert "No space left on device" in output and str(out) in output
        written = {p.name for p in out.glob("*.md.json")}
        marked = len(list((out / STATE_DIR / MARKERS).rglob("*.json")))
        assert 0 < marked <= len(written) < 8
        kept = {name: (out / name).read_bytes() for name in written}
        filler.unlink()
        result = run_corpus(corpus, out, progress=False)
        assert result.processed == 8 - marked  # what was finished before is not redone
        assert all((out / name).read_bytes() == data for name, data in kept.items())
        assert snapshot(out) == snapshot(clean)


def test_read_only_output_folder(tmp_path):
    corpus = many_articles(tmp_path / "corpus", 1)
    with small_disk(tmp_path / "disk", "1m", read_only=True) as disk:
        code, output = run_cli("run", corpus, "--out", disk / "out", "--quiet")
    assert code == 2 and "Traceback" not in output
    assert "Read-only file system" in output and str(disk / "out") in output


def test_a_failing_write_is_retried_not_remembered(shared, tmp_path, monkeypatch):
    """Without a tmpfs: the write layer refuses one document (ENOSPC), then works again."""
    corpus = many_articles(tmp_path / "corpus", 2)
    original = corpus_module.write_bytes_atomic

    def full_for_doc01(path, data):
        if path.name.startswith("doc01"):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))
        original(path, data)

    monkeypatch.setattr(corpus_module, "write_bytes_atomic", full_for_doc01)
    first = run_corpus(corpus, tmp_path / "out", progress=False)
    failure = first.report["failures"][0]
    assert (failure["doc_id"], failure["code"]) == ("doc01.md", "E058")
    assert "No space left on device" in failure["cause"] and "bug" not in failure["cause"]
    monkeypatch.setattr(corpus_module, "write_bytes_atomic", original)
    second = run_corpus(corpus, tmp_path / "out", progress=False)
    assert second.processed == 1 and second.report["failed"] == 0


def test_a_briefly_unreadable_input_is_retried(shared, tmp_path, monkeypatch):
    corpus = many_articles(tmp_path / "corpus", 1)
    original = Path.read_bytes

    def unreadable(path):
        if path.name == "doc00.md":
            raise OSError(errno.EIO, os.strerror(errno.EIO), str(path))
        return original(path)

    monkeypatch.setattr(Path, "read_bytes", unreadable)
    first = run_corpus(corpus, tmp_path / "out", progress=False)
    assert first.report["failures"][0]["code"] == "E020"
    monkeypatch.setattr(Path, "read_bytes", original)
    assert run_corpus(corpus, tmp_path / "out", progress=False).report["failed"] == 0


# 3. Broken outputs are never trusted.

def test_damaged_outputs_are_named_then_rebuilt(shared, tmp_path):
    corpus = many_articles(tmp_path / "corpus", 3)
    out, clean = tmp_path / "out", tmp_path / "clean"
    run_corpus(corpus, clean, progress=False)
    shutil.copytree(clean, out)
    expected = snapshot(clean)
    json_path = out / "doc00.md.json"
    json_path.write_bytes(json_path.read_bytes()[:300])
    (out / "doc01.md.tmx").unlink()
    (out / "corpus.tmx").write_bytes((out / "corpus.tmx").read_bytes()[:500])

    code, output = run_cli("export", out, "--format", "hf")
    assert code == 2 and "Traceback" not in output
    assert "doc00.md.json" in output and "damaged" in output

    result = run_corpus(corpus, out, progress=False)
    assert result.processed == 2
    assert snapshot(out) == expected
    assert run_corpus(corpus, out, progress=False).processed == 0


def test_a_damaged_corpus_file_alone_is_rebuilt(shared, tmp_path):
    corpus = many_articles(tmp_path / "corpus", 1)
    out = tmp_path / "out"
    run_corpus(corpus, out, progress=False)
    expected = snapshot(out)
    pairs = out / "pairs.jsonl"
    pairs.write_bytes(pairs.read_bytes().replace(b"Grain", b"Grian", 1))  # same size
    assert run_corpus(corpus, out, progress=False).processed == 0
    assert snapshot(out) == expected


# 4. Names: every entry is a processed document or a named failure, and the batch goes on.

def test_long_odd_and_looping_names(shared, tmp_path):
    corpus = tmp_path / "corpus"
    fits = {"a" * 236 + ".md", "长" * 80 + ".md", "b" * 250 + ".md"}  # 239, 243, 253 bytes
    too_long = {"c" * 251 + ".md", "d" * 252 + ".md"}  # 254, 255: no room for '.json'
    write_corpus(corpus, {name: GRAIN for name in fits | too_long})
    os.close(os.open(os.fsencode(corpus) + b"/bad_\xff\xfe.md", os.O_CREAT | os.O_WRONLY))
    os.symlink("loop_b.md", corpus / "loop_a.md")
    os.symlink("loop_a.md", corpus / "loop_b.md")
    os.symlink("nowhere.md", corpus / "dangling.md")
    os.mkfifo(corpus / "pipe.md")
    out = tmp_path / "out"
    result = run_corpus(corpus, out, progress=False)
    by_id = {o.doc_id: o for o in result.outcomes}
    fitting = {"a" * 236 + ".md", "长" * 80 + ".md"}
    assert {d for d, o in by_id.items() if o.status == "ok"} == fitting
    assert (by_id["b" * 250 + ".md"].error_code, by_id["c" * 251 + ".md"].error_code) == (
        "E050", "E050")
    assert by_id["bad_\\xff\\xfe.md"].error_code == "E051"
    assert "symbolic links" in by_id["loop_a.md"].error and by_id["loop_b.md"].status == "failed"
    assert by_id["dangling.md"].error_code == "E020"
    assert "not a regular file" in by_id["pipe.md"].error
    report = json.loads((out / "report.json").read_text("utf-8"))
    assert len(report["failures"]) == len(by_id) - 2
    assert all((out / f"{name}.json").is_file() for name in fitting)
    rerun = run_corpus(corpus, out, progress=False)  # the input failures are remembered
    assert rerun.processed == 4  # only the unreadable entries are tried again


# 5. Processes: one run per folder, workers die with their parent, outputs are readable.

def test_a_second_run_on_the_same_folder_is_refused(tmp_path):
    corpus = many_articles(tmp_path / "corpus", 1)
    out = tmp_path / "out"
    with OutputFolder(out).lock():
        leftover = out / ".doc00.md.json.abcd1234.tmp"  # the first run's write in flight
        leftover.write_bytes(b"{")
        code, output = run_cli("run", corpus, "--out", out, "--quiet")
        assert code == 2 and "another 'duiqi run' is writing" in output
        assert str(out) in output and leftover.exists()


def test_workers_die_with_their_parent(shared, tmp_path):
    psutil = pytest.importorskip("psutil")
    corpus = many_articles(tmp_path / "corpus", 6)
    run = subprocess.Popen([sys.executable, "-m", "pipeline.cli", "run", str(corpus), "--out",
                            str(tmp_path / "out"), "--quiet", "--jobs", "2"], cwd=ROOT,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    parent = psutil.Process(run.pid)
    deadline = time.monotonic() + 120
    while len(workers := [child for child in parent.children(recursive=True)
                          if "spawn_main" in " ".join(child.cmdline())]) < 2:
        assert time.monotonic() < deadline and run.poll() is None
        time.sleep(0.1)
    run.kill()
    run.wait()
    gone, alive = psutil.wait_procs(workers, timeout=20)
    assert not alive, [p.pid for p in alive]


def test_outputs_honour_the_umask(shared, tmp_path):
    corpus = many_articles(tmp_path / "corpus", 1)
    run_corpus(corpus, tmp_path / "out", progress=False)
    mask = os.umask(0o022)
    os.umask(mask)
    for path in (tmp_path / "out").rglob("*"):
        if path.is_file() and path.name != "lock":
            assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~mask, path


# 6. Encodings: Big5 read for real, garbage refused, a file pasted twice kept once.

BIG5_ARTICLE = article(
    ["Xinhua News Agency, Taiyuan, 14th. Grain output in Shanxi rose by 10% this year.",
     "The province has trained more than 1,300 technicians for the cooperatives."],
    ["【新華社太原十四日電】山西省今年糧食產量增加百分之十。",
     "全省已經為合作社訓練了一千三百多名技術員。"], title_zh="糧食產量增加")


def test_big5_is_decoded_for_real_and_said():
    decoded = decode_bytes(BIG5_ARTICLE.encode("big5"), "big5.md")
    assert (decoded.encoding, decoded.text) == ("big5hkscs", BIG5_ARTICLE)
    assert BIG5_ARTICLE.encode("big5").decode("gb18030") != BIG5_ARTICLE  # the old silent way


def test_big5_document_runs_with_a_warning(shared, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "big5.md").write_bytes(BIG5_ARTICLE.encode("big5"))
    result = run_corpus(corpus, tmp_path / "out", progress=False)
    assert result.outcomes[0].status == "ok"
    assert [w["code"] for w in result.report["warnings"]] == ["W022"]
    record = json.loads((tmp_path / "out" / "big5.md.json").read_text("utf-8"))
    assert record["sentences"]["zh"][1]["text"] == "全省已經為合作社訓練了一千三百多名技術員。"


def test_private_use_garbage_is_refused_a_few_pass():
    garbage = GRAIN.replace("全省", "全省" + "\ue000\ue4c6\ue5e5" * 5)
    with pytest.raises(InputError) as caught:
        decode_bytes(garbage.encode("gb18030"), "garbage.md")
    assert caught.value.code == "E003" and "looks like text" in caught.value.message
    rare = GRAIN.replace("。", "\ue4c6。", 2)  # an OCR font's rare characters
    assert decode_bytes(rare.encode("gb18030"), "rare.md").text == rare


def test_two_original_blocks_keep_only_the_first_text():
    pasted_twice = GRAIN + "\n\n<hr /> \n\nOriginal: \n\n\n### 粮食产量增加\n\n1955-12-01\n" \
                           "第2版()\n\n    另一篇文章的开头。\n"
    doc = parse_text(pasted_twice, "twice.md")
    assert [p.text for p in doc.paragraphs["zh"]] == [p.text for p in
                                                     parse_text(GRAIN, "x").paragraphs["zh"]]
    assert [i.code for i in doc.issues] == ["W023"] and "line 27" in doc.issues[0].message
