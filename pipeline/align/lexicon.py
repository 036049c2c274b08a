"""Lexical and numeric clues that a Chinese and an English sentence say the same thing.

Each sentence becomes a set of *keys* in a shared vocabulary: the English side keeps the
stems of its content words, the Chinese side the stems of every CC-CEDICT gloss of its
jieba words; numbers on both sides become ``#<value>``. Two sentences share a key when a
dictionary translation or a number appears on both sides.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

from pipeline import dictionary
from pipeline.record import Number

# Stems are word prefixes of this length: crude, language-free and the usual choice of
# IBM-model aligners for English ("translat" and "translation" meet at "trans").
STEM_LENGTH = 5
# Function words that CC-CEDICT glosses and English sentences share without meaning much;
# the list is the closed-class words of the glosses of the 200 most frequent jieba words.
STOPWORDS = frozenset("""
a an the of to in on at by for from with as and or but not no nor is are was were be been
being am do does did have has had it its this that these those there here he she they we
you i me him her them us my your his our their who whom which what when where why how
all any some one also very so such than then too can could may might must shall should
will would up out about into over after before used variant see sth sb etc oneself
particle classifier surname kangxi radical abbr pr
""".split())
_GLOSS_DROP = re.compile(r"\([^)]*\)|\[[^\]]*\]|\b[A-Za-z]+\d\b|\S*\|\S*")
_WORD = re.compile(r"[A-Za-z]+")
# 一个, 两人, "one", "a couple": values this small are everywhere and prove nothing.
SMALLEST_NUMBER = 3


def stem(word: str) -> str:
    return word.lower()[:STEM_LENGTH]


@lru_cache(maxsize=65536)
def gloss_stems(word: str) -> frozenset[str]:
    """Stems of the English glosses of a Chinese word (CC-CEDICT), looked up per word so
    that a short document never parses the whole dictionary."""
    return frozenset(stem(w) for gloss in dictionary.definitions(word)
                     for w in _WORD.findall(_GLOSS_DROP.sub(" ", gloss))
                     if len(w) > 1 and w.lower() not in STOPWORDS)


def number_keys(numbers: Iterable[Number]) -> set[str]:
    """``#<value>`` of every quantity and date of a sentence (both ends of a range), from the
    ``record.Number`` that the monolingual annotation read with the one home of numeral
    parsing (``pipeline.extract``: ○ as zero, 万/亿, full-width digits, English number words).
    """
    return {f"#{value:.12g}" for number in numbers for value in (number.value, number.high)
            if value is not None and value >= SMALLEST_NUMBER}


def zh_keys(words: list[str]) -> set[str]:
    """Gloss stems of the Chinese words that CC-CEDICT knows."""
    keys: set[str] = set()
    for word in words:
        keys |= gloss_stems(word)
    return keys


def en_keys(text: str) -> set[str]:
    return {stem(w) for w in _WORD.findall(text) if len(w) > 1 and w.lower() not in STOPWORDS}
