"""Chinese sentences and words.

A sentence ends at 。！？； or …… (also ！？ doubled, and the ASCII forms), and takes the
closing quotes and brackets that follow it, so ``“……。”`` stays whole.
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
def _tokenizer(user_dict: str, hmm: bool):
    """One jieba tokenizer per dictionary and process, with the period user dictionary."""
    import jieba

    jieba.setLogLevel(60)
    tokenizer = jieba.Tokenizer()
    tokenizer.load_userdict(user_dict)
    return tokenizer


def tokenize_chinese(texts: list[str], settings: SegmentSettings = SegmentSettings()) -> list[list[str]]:
    tokenizer = _tokenizer(settings.user_dict, settings.jieba_hmm)
    return [[w for w in tokenizer.cut(text, HMM=settings.jieba_hmm) if w.strip()] for text in texts]
