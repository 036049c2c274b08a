"""Chinese sentences and words.

A sentence ends at 。！？； or …… (also ！？ doubled, and the ASCII forms), and takes the
closing quotes and brackets that follow it, so ``“……。”`` stays whole.

This module owns jieba: every Chinese word in duiqi (the aligner's, the entity pipeline's
and the fact reader's part-of-speech tags) is cut by one tokenizer per dictionary, so a
process loads jieba's dictionary once and every stage cuts alike.
"""
from __future__ import annotations

import re
from functools import lru_cache

from pipeline.settings import SegmentSettings

_CLOSERS = "”’」』）)】〕》〉\"'"
SENTENCE_END_RE = re.compile(rf"(?:[。！？；!?;]+|…{{2,}}|\.{{3,}})[{_CLOSERS}]*")


def split_chinese(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in SENTENCE_END_RE.finditer(text):
        if not text[start:match.start()].strip():
            continue  # a leading …… or stray mark opens the next sentence, it ends nothing
        spans.append(_trim(text, start, match.end()))
        start = match.end()
    if text[start:].strip():
        spans.append(_trim(text, start, len(text)))
    return spans


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \u3000\t":
        start += 1
    while end > start and text[end - 1] in " \u3000\t":
        end -= 1
    return start, end


@lru_cache(maxsize=4)
def jieba_tokenizer(user_dict: str):
    """One jieba tokenizer per dictionary and process, with the period user dictionary."""
    import jieba

    jieba.setLogLevel(60)
    tokenizer = jieba.Tokenizer()
    tokenizer.load_userdict(user_dict)
    return tokenizer


@lru_cache(maxsize=4)
def _pos_tokenizer(user_dict: str):
    import jieba.posseg

    return jieba.posseg.POSTokenizer(jieba_tokenizer(user_dict))


def tokenize_chinese(texts: list[str], settings: SegmentSettings = SegmentSettings()) -> list[list[str]]:
    tokenizer = jieba_tokenizer(settings.user_dict)
    return [[w for w in tokenizer.cut(text, HMM=settings.jieba_hmm) if w.strip()] for text in texts]


def tag_chinese(text: str, settings: SegmentSettings = SegmentSettings()) -> list:
    """jieba's words of ``text`` with their part-of-speech flags (``.word``, ``.flag``)."""
    return list(_pos_tokenizer(settings.user_dict).cut(text, HMM=settings.jieba_hmm))
