"""English sentences that do not break at "Mr.", "No.", "U.S.", initials or decimals."""
from __future__ import annotations

import re

# Titles and abbreviations that end with a period but not a sentence in this corpus.
ABBREVIATIONS = frozenset("""
mr mrs ms dr prof gen lt col maj capt sgt cmdr adm gov sen rep rev hon st mt ft jr sr
no nos vol vols art arts sec secs ch chap fig figs p pp ed eds co corp inc ltd bros dept
est approx vs cf al jan feb mar apr jun jul aug sep sept oct nov dec
""".split())
# Candidate boundary: terminal punctuation, optional closers, whitespace, then a plausible
# sentence opening (capital, digit, quote or bracket).
BOUNDARY_RE = re.compile(r"([.!?]+)([\"'”’)\]]*)(\s+)(?=[\"“‘(\[]?[A-Z0-9])")
TOKEN_BEFORE_RE = re.compile(r"([A-Za-z][A-Za-z.]*)$")


def split_english(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in BOUNDARY_RE.finditer(text):
        if match.group(1) == "." and _is_abbreviation(text[start:match.start()]):
            continue
        end = match.end(2)
        if text[start:end].strip():
            spans.append(_trim(text, start, end))
        start = match.end()
    if text[start:].strip():
        spans.append(_trim(text, start, len(text)))
    return spans


def _is_abbreviation(before: str) -> bool:
    """True when the word before the period is a title, an initial or a dotted acronym."""
    match = TOKEN_BEFORE_RE.search(before)
    if not match:
        return False
    token = match.group(1)
    if "." in token:  # U.S, U.S.S.R, i.e, e.g
        return True
    if len(token) == 1 and token.isupper():  # an initial: "J. Smith"
        return True
    return token.lower() in ABBREVIATIONS


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
