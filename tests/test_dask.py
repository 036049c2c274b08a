"""The Dask executor on a LocalCluster writes the same outputs as a local run."""
from __future__ import annotations

import pytest

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
