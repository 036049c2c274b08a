"""The Dask executor on a LocalCluster writes the same outputs as a local run."""
from __future__ import annotations

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.errors import DuiqiError
from pipeline.run import DaskExecutor, run_corpus
from runs import build_corpus, snapshot


def test_dask_cluster_writes_the_same_outputs(shared, tmp_path):
    distributed = pytest.importorskip("distributed")
    corpus = build_corpus(tmp_path / "corpus")
    run_corpus(corpus, tmp_path / "local", progress=False)
    # In-process workers share this process's warm models; the code path is the cluster's.
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster:
        result = run_corpus(corpus, tmp_path / "dask", progress=False,
                            executor=DaskExecutor(cluster.scheduler_address))
    assert result.processed == len(result.outcomes)
    assert snapshot(tmp_path / "dask") == snapshot(tmp_path / "local")


def test_unreachable_scheduler_is_a_clear_error(tmp_path):
    pytest.importorskip("distributed")
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.md").write_text("Title: A\n\nText.\n", "utf-8")
    with pytest.raises(DuiqiError, match="E032"):
        run_corpus(tmp_path / "corpus", tmp_path / "out", progress=False,
                   executor=DaskExecutor("tcp://127.0.0.1:9", connect_timeout=0.5))


def test_cli_dask_needs_a_scheduler(tmp_path):
    result = CliRunner().invoke(app, ["run", str(tmp_path), "--executor", "dask"])
    assert result.exit_code == 2 and "--scheduler" in result.output
