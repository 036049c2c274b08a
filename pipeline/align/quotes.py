"""Which sentences continue a quotation that an earlier sentence opened.

A sentence splitter cuts a long utterance into several sentences; the later ones start
inside the quotation ("'All right. / We fight for money.'"). In mac-dev's gold, a bead
almost never starts with such an English sentence unless its Chinese side also starts
inside a quotation (4 of 1,316 aligned beads; 124 start inside on both sides), so a bead
whose two sides disagree about it is probably cut in the wrong place. Chinese quotation
marks are unambiguous; English ones double as apostrophes, so an English quotation opens
only at a quote mark that starts a word and closes only at one that follows punctuation.
"""
from __future__ import annotations

import re

import numpy as np

from pipeline.record import ZH

_ZH_OPEN, _ZH_CLOSE = "“「『", "”」』"
_EN_QUOTES = "'\"‘’“”"
# "'...,' laughed Misty." closes the quotation in mid-sentence ...
_EN_CLOSES = re.compile(r"[.,!?;:…—–-]['\"’”](?=\s|$)")
# ... unless the speaker's words go on: "..., 'but what do you expect me to do?"
_EN_REOPENS = re.compile(r"(?:^|\s)['\"‘“]\S")


def continues_quotation(texts: list[str], lang: str) -> np.ndarray:
    """``out[i]`` is True when sentence ``i`` starts inside a quotation left open before it."""
    reader = _chinese_states if lang == ZH else _english_states
    return np.fromiter(reader(texts), dtype=bool, count=len(texts))


def _chinese_states(texts: list[str]):
    open_ = False
    for text in texts:
        yield open_
        for char in text:
            if char in _ZH_OPEN:
                open_ = True
            elif char in _ZH_CLOSE:
                open_ = False


def _english_states(texts: list[str]):
    """A quotation stays open from a sentence that starts one (or continues one) until a
    sentence ends with a closing mark or closes it in mid-sentence for good."""
    open_ = False
    for text in texts:
        text = text.strip()
        starts_quoted = text[:1] in _EN_QUOTES
        continues = open_ and not starts_quoted
        yield continues
        ends_quoted = text.rstrip(".,!?;:…—–- ")[-1:] in _EN_QUOTES
        last_close = max((m.end() for m in _EN_CLOSES.finditer(text)), default=None)
        closed = last_close is not None and not _EN_REOPENS.search(text, last_close)
        open_ = (starts_quoted or continues) and not ends_quoted and not closed
