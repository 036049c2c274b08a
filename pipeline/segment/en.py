"""English sentences that do not break at "Mr.", "No. 3", "Nov. 7", "U.S.", initials or
decimals, but do break at "5 p.m. Work", "He said no. The" and "in Nov. Steel".

Rules written here rather than pysbd: they keep exact offsets, run about 70 times faster
(pysbd takes some 37 ms for the English of a shared-corpus article, a sixth more than the
~200 ms duiqi spends on a document), and get the cases of this corpus right, as pysbd
does except "5 mil. tons" (``bench/sentences.py`` prints the table of cases for both; on
every paragraph of ../shared/corpus the two give the same sentences).
"""
from __future__ import annotations

import re

# Titles before a name: never the end of a sentence.
TITLES = frozenset("""
mr mrs ms messrs dr prof gen lt col maj capt sgt cmdr adm gov sen rep rev hon st mt ft jr sr
""".split())
# Abbreviations of a word that stands before a number ("No. 3", "Nov. 7", "Art. IV"): before
# anything else the period ends a sentence ("He said no. The", "in Nov. Steel").
BEFORE_NUMBER = frozenset("""
no nos vol vols art arts sec secs ch chap fig figs p pp para
jan feb mar apr jun jul aug sep sept oct nov dec
""".split())
# Other abbreviations that rarely end a sentence in this corpus.
OTHER = frozenset("co corp inc ltd bros dept est approx vs cf al ed eds".split())
# Dotted lower-case abbreviations that never end a sentence; others ("p.m.") may.
DOTTED_INSIDE = frozenset({"i.e", "e.g", "viz", "cf"})
# Candidate boundary: terminal punctuation, optional closers, whitespace, then a plausible
# sentence opening (capital, digit, quote or bracket).
BOUNDARY_RE = re.compile(r"([.!?]+)([\"'”’)\]]*)(\s+)(?=[\"“‘(\[]?[A-Z0-9])")
# A numbered item after a colon or semicolon starts a sentence: "experiences: 1. Deeply".
ENUMERATION_RE = re.compile(r"[:;]()\s+(?=\d{1,2}\.\s+[\"“‘(\[]?[A-Z])")
TOKEN_BEFORE_RE = re.compile(r"([A-Za-z][A-Za-z.]*)$")
NUMBER_AFTER_RE = re.compile(r"[\"“‘(\[]?(?:\d|[IVXLC]+\b)")
ENUMERATOR_RE = re.compile(r"^\s*\d{1,2}$")


def split_english(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence of a paragraph, exact offsets into ``text``."""
    spans, start = [], 0
    for end, next_start in _boundaries(text):
        if text[start:end].strip():
            spans.append(_trim(text, start, end))
        start = next_start
    if text[start:].strip():
        spans.append(_trim(text, start, len(text)))
    return spans


def _boundaries(text: str) -> list[tuple[int, int]]:
    """``(end of a sentence, start of the next)`` in text order."""
    found = [(m.start(1), m.end()) for m in ENUMERATION_RE.finditer(text)]
    start = 0
    for match in BOUNDARY_RE.finditer(text):
        start = max([s for e, s in found if s <= match.start()], default=start)
        before = text[start:match.start()]
        if match.group(1) == "." and (ENUMERATOR_RE.match(before)
                                      or _is_abbreviation(before, text[match.end():])):
            continue
        found.append((match.end(2), match.end()))
        start = match.end()
    return sorted(found)


def _is_abbreviation(before: str, after: str) -> bool:
    """True when the word before the period is an abbreviation that goes on into ``after``."""
    match = TOKEN_BEFORE_RE.search(before)
    if not match:
        return False
    token = match.group(1)
    if "." in token:  # U.S, U.S.S.R and i.e go on; p.m ends a sentence before a capital
        return token.lower() in DOTTED_INSIDE or not token.islower()
    if len(token) == 1 and token.isupper():  # an initial: "J. Smith"
        return True
    word = token.lower()
    if word in BEFORE_NUMBER:
        return bool(NUMBER_AFTER_RE.match(after))
    return word in TITLES or word in OTHER


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
