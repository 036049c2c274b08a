"""A run killed with SIGKILL in its middle resumes to the outputs of an uninterrupted run."""
from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

from conftest import ROOT
from pipeline.run import run_corpus
from pipeline.write.folder import MARKERS, STATE_DIR
from runs import copies_corpus, snapshot

DOCUMENTS = 10
KILL_AFTER = 2  # documents finished before the kill


def finished(out: Path) -> int:
    return sum(1 for _ in (out / STATE_DIR / MARKERS).rglob("*.json"))


def test_killed_run_resumes_to_identical_outputs(shared, tmp_path):
    corpus = copies_corpus(tmp_path / "corpus", DOCUMENTS)
    reference, out = tmp_path / "reference", tmp_path / "out"
    run_corpus(corpus, reference, progress=False)

    run = subprocess.Popen([sys.executable, "-m", "pipeline.cli", "run", str(corpus),
                            "--out", str(out), "--quiet"], cwd=ROOT,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 180
    while finished(out) < KILL_AFTER:
        assert run.poll() is None, f"the run ended before the kill: {run.stderr.read()!r}"
        assert time.monotonic() < deadline, "no document finished in time"
        time.sleep(0.02)
    run.send_signal(signal.SIGKILL)
    run.wait()
    done = finished(out)
    assert KILL_AFTER <= done < DOCUMENTS
    assert not (out / "report.json").exists()

    (out / "batch0" / ".doc999.md.json.x1y2.tmp").write_bytes(b'{"half a fi')  # a cut write
    result = run_corpus(corpus, out, progress=False)
    assert result.processed == DOCUMENTS - done
    assert snapshot(out) == snapshot(reference)
