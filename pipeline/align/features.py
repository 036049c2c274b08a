"""Evidence building: everything the scorer knows about each side, computed once.

A ``Side`` holds, for the sentences of one language, their embeddings and those of their
edge clauses, their lengths, their dictionary and number keys (as sentence-by-key
matrices over the vocabulary both sides share), and where paragraphs, sections and
quotations start. The search and the scorer only ever read these arrays.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from pipeline.align import lexicon
from pipeline.align.clauses import edge_clauses
from pipeline.align.encoders import EmbeddingCache
from pipeline.align.quotes import continues_quotation
from pipeline.record import ZH, Number, Sentence
from pipeline.segment import tokenize_chinese


@dataclass
class Side:
    """What the scorer knows about the sentences of one language."""

    vecs: np.ndarray  # (n, d) float32, unit rows
    chars: np.ndarray  # (n,) characters without spaces
    keys: sp.csr_matrix  # (n, V) 1 where the sentence holds a dictionary key
    numbers: sp.csr_matrix  # (n, U) 1 where the sentence holds a number
    para_start: np.ndarray  # (n,) bool: the sentence opens a paragraph
    section_start: np.ndarray  # (n,) bool: the sentence opens a section (headlines, body)
    in_quote: np.ndarray  # (n,) bool: the sentence continues a quotation (align.quotes)
    lang: str
    # Embeddings of each sentence's first and last clause (align.clauses); None where the
    # units are not sentences (the coarse pass's blocks).
    first_clause_vecs: np.ndarray | None = None
    last_clause_vecs: np.ndarray | None = None

    def __len__(self) -> int:
        return len(self.vecs)

    def window_norms(self, max_size: int) -> np.ndarray:
        """``out[a, e]`` = length of the sum of the unit vectors ``e - a .. e - 1``."""
        out = np.ones((max_size + 1, len(self) + 1))
        total = self.vecs.copy()  # total[x] = sum of the a vectors ending at sentence x
        for a in range(1, min(max_size, len(self)) + 1):
            if a > 1:
                total[a - 1:] += self.vecs[: len(self) - a + 1]
            out[a, a:] = np.linalg.norm(total[a - 1:], axis=1)
        return out


@dataclass
class SideInput:
    """The sentences of one language and what the caller knows about them."""

    texts: list[str]
    lang: str
    paragraphs: list[int] | None = None  # paragraph number of each sentence (soft evidence)
    sections: list[int] | None = None  # section number of each (headlines, body)
    words: list[list[str]] | None = None  # a segmenter's Chinese words, to save jieba
    number_keys: list[set[str]] | None = None  # lexicon.number_keys; None: no number evidence


def build_sides(src: SideInput, tgt: SideInput, cache: EmbeddingCache) -> tuple[Side, Side]:
    """Both sides' evidence; keys and numbers are kept only where both sides have them."""
    src_side, tgt_side = _side(src, cache), _side(tgt, cache)
    src_side.keys, tgt_side.keys = _incidence(_keys(src), _keys(tgt))
    src_side.numbers, tgt_side.numbers = _incidence(src.number_keys or [set()] * len(src.texts),
                                                    tgt.number_keys or [set()] * len(tgt.texts))
    return src_side, tgt_side


def _side(side: SideInput, cache: EmbeddingCache) -> Side:
    texts, n = side.texts, len(side.texts)
    first, last = edge_clauses(texts, side.lang)
    empty = sp.csr_matrix((n, 0))
    return Side(vecs=cache.encode(texts), chars=_chars(texts), keys=empty, numbers=empty,
                para_start=starts(n, side.paragraphs), section_start=starts(n, side.sections),
                in_quote=continues_quotation(texts, side.lang), lang=side.lang,
                first_clause_vecs=cache.encode(first), last_clause_vecs=cache.encode(last))


def _keys(side: SideInput) -> list[set[str]]:
    if side.lang == ZH:
        words = side.words or tokenize_chinese(side.texts)
        return [lexicon.zh_keys(w) for w in words]
    return [lexicon.en_keys(t) for t in side.texts]


def _incidence(src_sets: list[set[str]], tgt_sets: list[set[str]]) -> tuple[sp.csr_matrix, sp.csr_matrix]:
    """0/1 sentence-by-key matrices of both sides over one shared vocabulary.

    Only keys present on both sides can ever match, so the others are dropped.
    """
    shared = sorted(set().union(*src_sets) & set().union(*tgt_sets)) if src_sets and tgt_sets else []
    column = {k: c for c, k in enumerate(shared)}

    def matrix(sets: list[set[str]]) -> sp.csr_matrix:
        rows = [r for r, keys in enumerate(sets) for k in keys if k in column]
        cols = [column[k] for keys in sets for k in keys if k in column]
        data = np.ones(len(rows), dtype=np.float32)
        return sp.csr_matrix((data, (rows, cols)), shape=(len(sets), len(shared)))

    return matrix(src_sets), matrix(tgt_sets)


def starts(n: int, ids: list[int] | None) -> np.ndarray:
    """Where a new paragraph (or section) starts, from each sentence's number."""
    if ids is None:
        return np.zeros(n, dtype=bool)
    p = np.asarray(ids)
    return np.concatenate([[True], p[1:] != p[:-1]]) if n else np.zeros(0, dtype=bool)


def _chars(texts: list[str]) -> np.ndarray:
    return np.array([sum(not c.isspace() for c in t) for t in texts], dtype=np.float64)


def paragraphs(sentences: list[Sentence]) -> list[int] | None:
    """Paragraph numbers, or None when every sentence is its own paragraph (presplit input),
    which says nothing about where beads may end."""
    ids = [s.paragraph for s in sentences]
    return None if len(sentences) > 1 and len(set(ids)) == len(ids) else ids


def sections(sentences: list[Sentence]) -> list[int]:
    """Section numbers: a new section wherever the kind of sentence changes (headlines,
    subheadings, body), so that an English body that drops the second Chinese headline
    leaves it unaligned instead of glued to the dateline."""
    kinds = [s.kind for s in sentences]
    changes = [0] + [int(a != b) for a, b in zip(kinds, kinds[1:])]
    return np.cumsum(changes, dtype=np.int64).tolist() if kinds else []


def sentence_number_keys(numbers: list[Number], lang: str, n_sentences: int) -> list[set[str]]:
    """``lexicon.number_keys`` of each sentence of one language, from the numbers that the
    monolingual annotation read (``Document.numbers``)."""
    by_sentence: list[list[Number]] = [[] for _ in range(n_sentences)]
    for number in numbers:
        if number.lang == lang and 0 <= number.sentence < n_sentences:
            by_sentence[number.sentence].append(number)
    return [lexicon.number_keys(group) for group in by_sentence]
