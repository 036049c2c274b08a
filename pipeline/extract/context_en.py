"""What an English number is about: its indicator, kind, time and status, from the parse.

The indicator is read from the dependency tree: the noun a number counts ("5 million
members"), the noun an "of"-phrase measures ("output value of 6 billion yuan"), or the
subject of the verb that moves ("the members ... would increase to 900 thousand"). The time
is the time phrase attached to the nearest governing word, else the nearest one in the same
clause; the status is "planned" when the governing verbs carry a plan or a future.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from pipeline.extract.quantity import TimePhrase
from pipeline.extract.units import EN_UNITS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_MONTH = ("January|February|March|April|May|June|July|August|September|October|November|"
          "December")
_ORDINAL = "first|second|third|fourth|fifth|sixth|1st|2nd|3rd|4th|5th|6th"
TIME_RE = re.compile(
    rf"\b(?:(?P<prep>by|before|until|till|in|during|at|for|from|within)\s+)?"
    rf"(?P<time>(?:the\s+)?(?:end\s+of\s+(?:the\s+)?)?(?:"
    rf"(?:{_ORDINAL})\s+(?:five-year\s+plan|FYP)(?:\s+period)?"
    rf"|(?:(?:{_MONTH})\s+)?(?:1[6-9]\d\d|20\d\d)\b"
    rf"|(?:this|next|last|the\s+same)\s+year"
    rf"|(?:{_MONTH})\b))", re.IGNORECASE)
DEADLINE_PREPS = {"by", "before", "until", "till"}
# "expected" too: the year-end reports' 预计 figures are estimates, not reported results.
PLAN_WORDS = {"plan", "planned", "plans", "target", "targets", "strive", "aim", "goal", "task",
              "envisage", "envisaged", "scheduled", "expected", "expect", "decided",
              "determined", "require", "required", "should", "must"}
FUTURE_AUX = {"will", "would", "shall", "should", "must", "'ll"}
INCREASE_VERBS = {"increase", "rise", "grow", "raise", "reach", "develop", "expand", "climb",
                  "boost", "go", "jump"}
DECREASE_VERBS = {"decrease", "reduce", "fall", "drop", "lower", "decline", "cut", "shrink"}
SHARE_WORDS = {"account", "accounting", "accounted", "constitute", "make", "share", "proportion"}
NOUN_MODIFIERS = {"compound", "amod", "nmod", "poss", "case"}
# Dependencies a number's phrase climbs through to reach what governs it.
CLIMB_DEPS = {"pobj", "dobj", "attr", "npadvmod", "nummod", "appos"}
ARTICLES = {"the", "a", "an", "this", "that", "these", "those", "its", "their"}


def time_phrases(text: str) -> list[TimePhrase]:
    """Years, deadlines and plan periods; "in" and "during" are dropped from the text."""
    out = []
    for match in TIME_RE.finditer(text):
        prep = (match.group("prep") or "").lower()
        if match.group("time").lower() in ("may",) or (
                not prep and not re.search(r"\d|plan|FYP", match.group("time"), re.I)):
            continue  # a bare month or "this year" without a preposition is not a time phrase
        shown = match.group(0) if prep in DEADLINE_PREPS else match.group("time")
        years = [int(y) for y in re.findall(r"\b(?:1[6-9]\d\d|20\d\d)\b", match.group(0))]
        start = match.start() if prep else match.start("time")
        out.append(TimePhrase(start, match.end(), shown, prep in DEADLINE_PREPS, years))
    return out


def number_root(parsed: Doc, start: int, end: int) -> Token | None:
    span = parsed.char_span(start, end, alignment_mode="expand")
    return None if span is None else span.root


def choose_time(parsed: Doc, root: Token | None, number_start: int,
                phrases: list[TimePhrase]) -> TimePhrase | None:
    """The phrase hanging on the nearest governor of the number, else the nearest one before
    it in the same clause (';' ends a clause), else the nearest one after it."""
    if not phrases:
        return None
    if root is not None:
        heads = {}
        for phrase in phrases:
            span = parsed.char_span(phrase.start, phrase.end, alignment_mode="expand")
            if span is not None:
                heads.setdefault(span.root.head.i, phrase)
        for governor in [root, *root.ancestors]:
            if governor.i in heads and not _inside(heads[governor.i], number_start):
                return heads[governor.i]
    clause_start = parsed.text.rfind(";", 0, number_start) + 1
    before = [p for p in phrases if clause_start <= p.start < number_start]
    if before:
        return before[-1]
    after = [p for p in phrases if p.start > number_start and ";" not in
             parsed.text[number_start:p.start]]
    return after[0] if after else None


def _inside(phrase: TimePhrase, offset: int) -> bool:
    return phrase.start <= offset < phrase.end


def indicator(root: Token | None, abbreviations: dict[str, str]) -> str | None:
    """What the number counts or measures, as written (abbreviations spelled out)."""
    if root is None:
        return None
    token = root
    if token.text.lower() in EN_UNITS or token.like_num or token.dep_ in ("nummod", "quantmod"):
        if (token.dep_ in ("nummod", "quantmod", "compound")
                and token.head.pos_ in ("NOUN", "PROPN")):
            if token.head.text.lower() not in EN_UNITS:
                return _phrase(token.head, abbreviations)
            token = token.head  # "6 billion yuan": go on from the unit
    # 100 mu of sesame; but "46% of the total households" names the base, not the thing.
    unit = EN_UNITS.get(token.text.lower())
    measured = _of_object(token) if unit not in (None, "%") else None
    if measured is not None:
        return _phrase(measured, abbreviations)
    while token.dep_ in CLIMB_DEPS or token.pos_ == "ADP":
        head = token.head
        if head.i == token.i:  # spaCy makes a new Token at each access: compare indices
            break
        if token.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ in ("NOUN", "PROPN"):
            return _phrase(head.head, abbreviations)  # output value of 6 billion yuan
        token = head
    if token.pos_ in ("VERB", "AUX"):
        subject = _subject(token)
        return _phrase(subject, abbreviations) if subject is not None else None
    if token.pos_ in ("NOUN", "PROPN") and token.text.lower() not in EN_UNITS:
        return _phrase(token, abbreviations)
    return None


def _of_object(noun: Token) -> Token | None:
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _subject(verb: Token) -> Token | None:
    """The verb's subject; for "cadres, who account for 0.71%", the noun "who" stands for;
    none for a personal pronoun (we, they), which names nothing."""
    for candidate in (verb, *verb.ancestors):
        for child in candidate.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                if child.tag_ in ("WP", "WDT"):
                    clause = next((t for t in (candidate, *candidate.ancestors)
                                   if t.dep_ == "relcl"), None)
                    return clause.head if clause is not None else None
                return None if child.pos_ == "PRON" else child
        if candidate.dep_ not in ("conj", "xcomp", "advcl"):
            break
    return None


def _phrase(noun: Token, abbreviations: dict[str, str]) -> str:
    """The noun with its modifiers and its "of" complement (a bare noun phrase, and not
    the one holding the number), without leading articles."""
    tokens = _modified(noun)
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects and not any(t.like_num for t in objects[0].subtree):
                tokens |= {child.i} | _modified(objects[0])
    doc = noun.doc
    words = [doc[i] for i in range(min(tokens), max(tokens) + 1)]
    while words and (words[0].lower_ in ARTICLES or words[0].like_num or words[0].is_punct
                     or words[0].lower_ in EN_UNITS):
        words = words[1:]
    text = "".join(t.text_with_ws for t in words).strip()
    for short, long in abbreviations.items():
        text = re.sub(rf"\b{re.escape(short)}\b", long, text)
    return text or noun.text


def _modified(noun: Token) -> set[int]:
    tokens = {noun.i}
    for child in noun.children:
        if child.dep_ in NOUN_MODIFIERS and child.i < noun.i:
            tokens.update(t.i for t in child.subtree)
    return tokens


def kind(root: Token | None, number_kind: str, unit: str | None) -> tuple[str, int]:
    """``(kind, sign)``: increase_by / increase_to / multiple / share / level; sign -1 for
    a decrease ("reduced by 4.35%")."""
    if number_kind in ("multiple", "increase_by"):
        return "multiple", 1
    if root is None:
        return "level", 1
    head = root.head
    verb = head.head if head.pos_ == "ADP" else head
    lemma = verb.lemma_.lower()
    if head.lower_ == "by" and lemma in INCREASE_VERBS | DECREASE_VERBS:
        return "increase_by", -1 if lemma in DECREASE_VERBS else 1
    if head.lower_ == "to" and lemma in INCREASE_VERBS | DECREASE_VERBS or (
            root.dep_ == "dobj" and lemma == "reach"):
        return "increase_to", 1
    if unit == "%" and (any(c.dep_ == "prep" and c.lower_ == "of" for c in root.children)
                        or lemma in SHARE_WORDS):
        return "share", 1
    return "level", 1


def is_planned(parsed: Doc, root: Token | None, number_start: int) -> bool:
    """A plan word before the number ("planned that ... ; by 1957, 5 million" plans both
    clauses), a future auxiliary on a governor, an infinitive governor as in decisions and
    headlines ("grain output to reach 9.5 billion jin in 1955"), or "is to"."""
    before = parsed.text[:number_start].lower()
    if any(re.search(rf"\b{w}\b", before) for w in PLAN_WORDS):
        return True
    if root is not None:
        for governor in [root, *root.ancestors]:
            if any(c.dep_ in ("aux", "auxpass") and c.lower_ in FUTURE_AUX | {"to"}
                   for c in governor.children):
                return True
    return bool(re.search(r"\b(?:is|are|was|were)\s+to\b", before))


def abbreviations(texts: list[str]) -> dict[str, str]:
    """Acronyms spelled out by a phrase of the same document whose initials they are:
    HPC -> handicraft producers' cooperatives."""
    joined = "\n".join(texts)
    found = {}
    for acronym, plural in sorted(set(re.findall(r"\b([A-Z]{2,5})(s?)\b", joined))):
        words = r"\s+(?:(?:of|and|the|for)\s+)?".join(
            rf"{letter}[\w'’-]*" for letter in acronym.lower())
        spelled = [m.group(0) for m in re.finditer(rf"\b{words}\b", joined, re.IGNORECASE)
                   if not m.group(0).isupper()]
        # Prefer a spelling in the same number as the acronym is used (HPCs -> ...ives).
        same_number = [s for s in spelled if s.lower().endswith("s") == bool(plural)]
        if spelled:
            found[acronym + plural] = (same_number or spelled)[0].lower()
    return dict(sorted(found.items(), key=lambda item: -len(item[0])))

