"""English numeric facts (GUIDELINE.md): which numbers are facts, and how each one reads.

Everything is read from spaCy's dependency parse of the sentence, made once per document:
- **what** is measured: the noun a number counts ("5 million members"), the noun its unit
  measures ("800 mu of late rice"), the head an "of"-phrase hangs on ("output value of 6
  billion yuan"), else the subject of the verb that moves ("the members ... would increase to
  900 thousand"), or, when the subject is an actor (a ministry, a place, "we"), the thing the
  verb acts on ("increase production by 200,000 tons"). A number with no head of its own in
  an elided list ("the Ministry of Petroleum Industry, 109.9%") takes the reading of the
  fact before it, labelled with its own name;
- **kind** and **sign** from the verb or noun of change that governs the number ("increased
  by", "an increase of", "reduced to", "reach", "exceeded the plan by", "completed 72.4% of
  the plan", "account for");
- **status** from the words that govern the number: a forecast ("is expected to",
  "estimated", "can"), a plan ("plan", "target", "task", "required", "will", an infinitive
  headline), else achieved;
- **time** from the time phrases of the sentence: the one attached to the nearest governing
  word, else the nearest in the clause; a comparison ("compared with 1954", "than last
  year") is a baseline and never the time; "the year" takes the year the paragraph speaks
  of; a report or plan period on a sentence's main verb ("by the end of May", "during the
  Third Five-Year Plan", an opening "Last year,") times the paragraph's later sentences that
  name no time; "the next five years" end a plan period; the start of a change ("from 12%
  last year to 20%") keeps its time to itself; a fact with no time of its own takes the
  article's topic year, which a baseline ("compared with 1949") never is. The start of a
  planned change ("expand from the original 150,000 mu") is achieved. A month named as the
  period of a report ("overfulfilled the plan in March", a title's "in April" for the lead)
  times the paragraph's later facts, as does the year of its last timed fact; "for the whole
  month" and "in the two months" refer to that month; a plan never takes a past period.
- **lists**: a gapped item ("pig iron by 13%", "; and paper 15,000 tons") continues the item
  of its sort before it; "N% and M% respectively" pair with the facts or the joined names
  before them.
Numbers that are not facts get no reading: counts of a set already named ("the five
ministries", "among 46 products"), sample sizes ("a statistic of 92 enterprises", "744
households surveyed"), counts of the items a list names ("3 main forms: ..."), product
specifications ("6,000-kilowatt sets", "15,000 kVA transformers"), names ("501 Power Plant",
'"85" flour'), how often something was done ("ploughed three times") and circumstances
("130 °F").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pipeline.extract.quantity import (DocContext, FactReading, TimeMention,
                                       numbers_by_sentence)
from pipeline.extract.spans import SourceMap
from pipeline.extract.units import EN_UNITS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from pipeline.record import Document, Number

MONTHS = {m: i + 1 for i, m in enumerate(
    "january february march april may june july august september october november december"
    .split())}
_MONTH = "|".join(MONTHS)
_YEAR = r"(?:1[6-9]\d\d|20\d\d)"
_RELATIVE = r"(?:this|next|last|the\s+current|the\s+previous|the\s+past|the\s+coming|the\s+same)"
_SEASON = r"(?:spring|summer|autumn|fall|winter)"
SPAN_COUNTS = {w: i + 2 for i, w in enumerate("two three four five six seven eight nine ten"
                                              .split())}
_COUNT = rf"(?:{'|'.join(SPAN_COUNTS)}|\d{{1,2}})"
# One time phrase: a month with its day and year, a year, a relative year or season, or
# "the year" (the year the context speaks of).
TIME_RE = re.compile(
    rf"\b(?:(?P<month>{_MONTH})(?:\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:\s*(?:-|–|to)\s*\d{{1,2}}"
    rf"(?:st|nd|rd|th)?\b)?)?(?:,?\s+(?:of\s+)?(?P<myear>{_YEAR})\b|\s+(?:of\s+)?"
    rf"(?P<mrel>{_RELATIVE})\s+year\b)?"
    rf"|(?P<year>{_YEAR})(?:\s*[-–]\s*(?P<year2>{_YEAR}))?(?![-\w])"
    rf"|(?P<rel>{_RELATIVE})\s+(?:year|{_SEASON})\b"
    rf"|(?P<relm>{_RELATIVE})\s+month\b"
    rf"|(?P<the_year>the\s+(?:whole\s+|entire\s+)?year"
    rf"|the\s+(?:first|second|third|fourth|last)\s+(?:(?:two|three)\s+)?quarters?"
    rf"|the\s+(?:first|second)\s+half(?:\s+of\s+the\s+year)?)\b(?!\s+of\b)"
    rf"|(?P<now>(?<!until\s)(?<!till\s)(?<!up\sto\s)\bnow\b|at\s+present|currently)"
    rf"|(?P<the_month>the\s+(?:whole\s+|entire\s+)?month|(?:the|these|those)\s+"
    rf"(?:two|three|four|five|six)\s+months)\b(?!['’]s)"
    rf"|(?P<fyp>(?:first|second|third|fourth|1st|2nd|3rd|4th)\s+(?:five-year\s+plan|FYP))"
    rf"|(?:next|coming|following)\s+(?P<span>{_COUNT})\s+years\b)",
    re.IGNORECASE)
# The end years of the five-year plans: a span's time is its end (GUIDELINE.md).
PLAN_PERIOD_ENDS = {"first": 1957, "1st": 1957, "second": 1962, "2nd": 1962, "third": 1970,
                    "3rd": 1970, "fourth": 1975, "4th": 1975}
RELATIVE_YEARS = {"this": 0, "the current": 0, "the same": 0, "next": 1, "the coming": 1,
                  "last": -1, "the previous": -1, "the past": -1}
# The end of a span of months or seasons after its first one.
SPAN_END_RE = re.compile(
    rf"\s*(?:and|to|-|–|through|till|until)\s*(?:the\s+(?:end|beginning|middle)\s+of\s+)?"
    rf"(?:{_MONTH}|{_RELATIVE}\s+{_SEASON})\b", re.IGNORECASE)
# Words before a time phrase that make it a baseline of a comparison, not the fact's time.
BASELINE_RE = re.compile(
    r"(?:compared\s+(?:with|to)|than|over|since|as\s+against|relative\s+to|exceed(?:s|ed|ing)?|"
    r"(?:%|percent|times|fold)\s+from|"
    r"times\s+of\s+(?:[\w'-]+\s+){0,5}?|"  # "forty times of the county's output in 1957"
    r"surpass(?:es|ed|ing)?|"
    r"(?:double|twice|triple|treble|times|fold)\s+(?=that\b|those\b|the\s+\w+\s+(?:of|in|for|"
    r"during)\b)(?:the\s+\w+\s+(?:of|in|for|during)\s+)?)\s*"
    r"(?:the\s+\w+\s+of\s+)?"
    r"(?:(?:that|those)\s+(?:of|in)\s+|the\s+same\s+(?:period|time|month|quarter)\s+"
    r"(?:of\s+|in\s+)?|(?:in|of|during|at)\s+|the\s+(?:end|beginning)\s+of\s+)*$",
    re.IGNORECASE)
LEAD_RE = re.compile(
    r"\b(?:(?:by|before|until|till|as\s+of|up\s+to|in|during|from|since|after|at|for|through|"
    r"throughout)\s+)?(?:the\s+(?:end|beginning|middle|first\s+half|second\s+half)\s+of\s+)?"
    r"(?:the\s+)?$", re.IGNORECASE)
# A sentence that speaks of the future: a bare month in it may lie in a later year.
FUTURE_RE = re.compile(r"\b(?:will|shall|plan\w*|strive\w*|scheduled|to\s+be|is\s+to|are\s+to)\b",
                       re.IGNORECASE)
PERIOD_LEAD_RE = re.compile(r"(?:by|before|until|till|as\s+of|up\s+to|at\s+the\s+end\s+of|"
                            r"during|throughout)\b", re.IGNORECASE)
DEADLINE_RE = re.compile(r"\b(?:by|before|until|till|as\s+of|up\s+to)\s+(?:the\s+end\s+of\s+)?$",
                         re.IGNORECASE)

# Status. A forecast: an expected outcome; a plan: a target, task, requirement or future.
FORECAST_LEMMAS = {"expect", "estimate", "anticipate", "predict", "forecast", "possible",
                   "likely", "able"}
FORECAST_AUX = {"can", "could", "may", "might"}
PLAN_LEMMAS = {"plan", "target", "task", "goal", "aim", "strive", "pledge", "require",
               "request", "demand", "decide", "determine", "schedule", "envisage", "quota",
               "programme", "program", "propose", "call", "ensure", "guarantee", "slogan",
               "norm", "resolve", "resolution", "stipulate", "intend", "aspire"}
PLAN_AUX = {"will", "shall", "should", "must", "'ll", "would"}

# Change: verbs and nouns whose "by" or "of" object is a change, whose "to" object a level.
RISE_WORDS = {"increase", "rise", "grow", "raise", "boost", "expand", "climb", "jump", "enlarge",
              "extend", "lift", "improve", "up",
              "go", "develop", "add", "exceed", "overfulfil", "overfulfill", "surpass",
              "growth", "overfulfilment", "overfulfillment", "surplus", "higher", "more"}
FALL_WORDS = {"decrease", "reduce", "fall", "drop", "lower", "decline", "cut", "shrink",
              "reduction", "less", "lessen", "diminish"}
REACH_WORDS = {"reach", "attain", "hit", "bring"}
FULFIL_WORDS = {"fulfil", "fulfill", "complete", "accomplish", "overfulfil", "overfulfill",
                "carry", "achieve"}
PLAN_NOUNS = {"plan", "plans", "target", "targets", "quota", "quotas", "task", "tasks",
              "assignment", "schedule", "progress"}
SHARE_LEMMAS = {"account", "constitute", "occupy", "comprise", "represent", "make"}
# Nouns that only say "how much" and never "of what".
GENERIC_NOUNS = {"total", "sum", "average", "number", "amount", "figure", "quantity", "level",
                 "value", "rate", "proportion", "percentage", "share", "increase", "part",
                 "majority", "minimum", "maximum", "whole", "rest", "remainder"}
# Who acts rather than what is measured: the subject of "the bureau can increase production".
ACTOR_HEADS = {"ministry", "bureau", "factory", "factories", "mill", "mills", "plant", "plants",
               "company", "companies", "committee", "department", "system", "government",
               "province", "city", "county", "district", "region", "team", "group",
               "office", "administration", "council", "cooperative", "enterprise",
               "enterprises", "sector", "mine", "mines", "works", "shipyard",
               "station", "farm", "school", "union", "army", "country", "nation", "state",
               "commune", "communes", "brigade", "brigades", "village", "villages", "unit",
               "units", "township",
               "we", "they", "it", "he", "she", "employees", "workers", "staff", "people",
               "masses", "method", "device", "campaign", "movement", "which", "that", "who"}
# Nouns that name a measure, never who acts, whatever the entity tagger says of them.
MEASURE_HEADS = {"output", "value", "production", "yield", "yields", "area", "sales", "income",
                 "investment", "savings", "deposits", "purchases", "revenue", "expenditure",
                 "cost", "costs", "volume", "productivity", "supply", "exports", "imports"}
ACTOR_ENTITIES = {"ORG", "GPE", "LOC", "FAC", "PERSON", "NORP"}
# Nouns that count people (a fact's unit "people" when the number counts them).
PERSON_NOUNS = set("""
worker workers peasant peasants farmer farmers member members merchant merchants peddler
peddlers vendor vendors trader traders cadre cadres student students teacher teachers staff
employee employees people person persons laborer laborers labourer labourers woman women man
men youth youths soldier soldiers volunteer volunteers delegate delegates representative
representatives deputy deputies technician technicians engineer engineers doctor doctors nurse
nurses patient patients child children pupil pupils herdsman herdsmen fisherman fishermen miner
miners craftsman craftsmen handicraftsman handicraftsmen artisan artisans apprentice apprentices
intellectual intellectuals scientist scientists expert experts specialist specialists resident
residents inhabitant inhabitants citizen citizens refugee refugees victim victims death deaths
casualty casualties militiaman militiamen activist activists personnel individual individuals
boy boys girl girls trainee trainees graduate graduates recruit recruits carpenter carpenters
blacksmith blacksmiths tailor tailors driver drivers capitalist capitalists landlord landlords
industrialist industrialists businessman businessmen spectator spectators visitor visitors
participant participants population model models hero heroes troops prisoners officer
officers guard guards masses commander commanders fighter fighters assistant assistants
clerk clerks salesman salesmen saleswoman saleswomen shop-assistants accountant accountants
physician physicians surgeon surgeons midwife midwives pharmacist pharmacists dentist dentists
veterinarian veterinarians agronomist agronomists geologist geologists surveyor surveyors
operator operators mechanic mechanics electrician electricians mason masons bricklayer
bricklayers builder builders porter porters boatman boatmen sailor sailors seaman seamen
pilot pilots cook cooks herder herders shepherd shepherds hunter hunters settler settlers
migrant migrants pioneer pioneers instructor instructors professor professors lecturer
lecturers researcher researchers scholar scholars writer writers artist artists actor actors
musician musicians athlete athletes player players reader readers listener listeners
candidate candidates applicant applicants entrant entrants newcomer newcomers learner
learners infant infants baby babies elder elders veteran veterans cadet cadets guerrilla
guerrillas servicemen policeman policemen official officials leader leaders secretary
secretaries chairman chairmen director directors manager managers foreman foremen
supervisor supervisors inspector inspectors illiterate illiterates adult adults
""".split())
HOUSEHOLD_NOUNS = {"household", "households", "family", "families"}
SAMPLE_VERBS = {"survey", "investigate", "sample", "examine", "inspect", "poll", "interview",
                "check"}
FREQUENCY_VERBS_EXCLUDED = RISE_WORDS | FALL_WORDS | REACH_WORDS | {"be", "multiply"}
ARTICLES = {"the", "a", "an", "this", "that", "these", "those", "its", "their", "our", "his",
            "her", "all", "such", "another", "each", "every"}
# Words that a list item's bare name ("; cotton yarn 62,000 pieces") never holds: verbs,
# prepositions, articles and comparators show a clause of its own.
LIST_LABEL_STOPS = {"was", "were", "is", "are", "be", "been", "being", "has", "have", "had",
                    "will", "would", "can", "could", "should", "must", "may", "did", "do",
                    "does", "of", "in", "by", "to", "from", "at", "for", "with", "on", "than",
                    "the", "a", "an", "its", "their", "his", "her", "our", "this", "these",
                    "more", "less", "about", "nearly", "over", "some", "which", "who", "it",
                    "they", "we", "or", "per", "each", "average", "total", "totalled",
                    "totaled", "amounting", "only", "reaching", "respectively", "among",
                    "them", "whom", "including", "namely", "up", "down", "almost", "roughly",
                    "approximately", "around", "under", "below", "above", "another", "still",
                    "also", "just", "even", "again", "i.e", "or", "and", "not", "no"}
# Openers that continue the previous sentence's fact ("Among them, ... account for 40%").
CONTINUATION_RE = re.compile(r"^\s*(?:among\s+(?:them|these|which)|of\s+(?:them|these|which|this)"
                             r"|in\s+(?:it|them)|including)\b", re.IGNORECASE)


def time_mentions(text: str, year_now: int | None, carried: int | None,
                  month_now: int | None = None,
                  carried_month: TimeMention | None = None) -> list[TimeMention]:
    """The time phrases of one sentence, resolved. ``year_now`` and ``month_now`` are when
    the article is written (this year, last month); ``carried`` is the year the context
    speaks of, for "the year" and a bare month; a year the sentence names is carried on.
    ``carried_month`` is the month the context last named, for "the whole month"."""
    out = []
    for match in TIME_RE.finditer(text):
        words = match.group(0)
        name = match.group("month")
        before = text[:match.start()]
        if name and not (match.group("myear") or match.group("mrel")) and (
                name.lower() == "may" and not re.match(r"May\s+\d", words) and (
                    not before.strip() or before.rstrip()[-1] in ".:;\"“") or name.islower()):
            continue  # the modal verb opening a sentence, or "march" the verb
        month = MONTHS.get((name or "").lower())
        if (name and not (match.group("myear") or match.group("mrel")) or match.group("rel")
                and re.search(_SEASON + r"$", words, re.IGNORECASE)) and SPAN_END_RE.match(
                    text, match.end()):
            continue  # "January and February this year", "last winter and this spring",
            # "from last October to the end of March": the span's end names the time
        year = None
        if match.group("myear"):
            year = int(match.group("myear"))
        elif match.group("year"):
            if re.search(r"(?:No\.|-)\s*$", before):
                continue
            year = int(match.group("year2") or match.group("year"))
        elif match.group("mrel") or match.group("rel"):
            rel = re.sub(r"\s+", " ", (match.group("mrel") or match.group("rel")).lower())
            if rel == "the same":
                year = carried
            elif year_now is not None:
                year = year_now + RELATIVE_YEARS[rel]
        elif match.group("relm"):
            rel = re.sub(r"\s+", " ", match.group("relm").lower())
            if year_now is None or month_now is None or rel == "the same":
                continue
            months = year_now * 12 + month_now - 1 + RELATIVE_YEARS[rel]
            year, month = divmod(months, 12)
            month += 1
        elif match.group("fyp"):
            if not re.search(r"\b(?:during|in|by|throughout|within|over|under|of|for)\s+the\s+$",
                             before, re.IGNORECASE):
                continue  # "fulfil the First Five-Year Plan" names the plan, not a time
            year = PLAN_PERIOD_ENDS[match.group("fyp").split()[0].lower()]
        elif match.group("span"):
            if year_now is None:
                continue
            count = match.group("span").lower()
            years = SPAN_COUNTS[count] if count in SPAN_COUNTS else int(count)
            # "in the next five years" written in January 1966 is 1966-1970: its end year
            year = year_now + years - (1 if month_now is not None and month_now <= 3 else 0)
        elif match.group("now"):
            year = year_now  # "There are now 8,700 cooperatives": the article's year
        elif match.group("the_month"):
            if carried_month is None or not re.search(
                    r"\b(?:of|in|for|during|through|throughout)\s+$", before, re.IGNORECASE):
                continue  # "the month" as a subject, or with no month named before it
            year, month = carried_month.year, carried_month.month
        elif match.group("the_year"):
            if not re.search(r"\b(?:of|in|for|during|through|throughout|within)\s+$", before,
                             re.IGNORECASE):
                continue  # "the year" as a subject or object is not a time
            year = carried if carried is not None else year_now
        elif month is not None:
            year = carried if carried is not None else year_now
            if year is not None and year_now is not None and year > year_now and not \
                    FUTURE_RE.search(text):
                year = year_now  # "next year ... By the end of November we had built": now
        if year is None and month is None:
            continue
        baseline = bool(BASELINE_RE.search(before))
        span_start = bool(re.search(r"\bfrom\s+(?:the\s+end\s+of\s+)?$", before, re.IGNORECASE)
                          and re.match(r"\s+(?:to|till|until|through)\s+", text[match.end():]))
        lead = LEAD_RE.search(before)  # shown as written: "by the end of 1954"
        shown = before[lead.start():] + words if lead else words
        out.append(TimeMention(match.start(), match.end(), shown, year, month,
                               baseline and not span_start, span_start,
                               bool(DEADLINE_RE.search(before))))
        # "fell from 410 jin last year to 396 jin, ... in the whole year": a change's start
        # is timed, and the year it names is not carried on
        started = _times_start(before, text[match.end():])
        if year is not None and not baseline and not started and (
                match.group("myear") or match.group("year") or match.group("rel")
                or match.group("fyp") or match.group("span")):
            carried = year
    return out


def topic_year(doc: Document, context: DocContext) -> int | None:
    """The year an article reports on: a year its title names that is not after the date
    (a 1956-01-01 review "1955 ... New Achievements"), else the year it was written.
    A baseline ("Increased by 41% Compared with 1949") is never the topic; "Last Year" in the
    title of a January summary is."""
    title = doc.meta.title_en or ""
    years = [m.year for m in time_mentions(title, context.year, None, context.month)
             if m.year is not None and not m.baseline and m.month is None]
    past = [y for y in years if context.year is None or y <= context.year]
    return max(past) if past else context.year


def topic_month(doc: Document, context: DocContext, topic: int | None) -> TimeMention | None:
    """The month a title reports on ("Overfulfilled Its Production Plan in September"), not
    a baseline ("19% over August"): the lead's facts without a time of their own are of it."""
    title = doc.meta.title_en or ""
    months = [m for m in time_mentions(title, context.year, topic, context.month)
              if m.month is not None and m.year is not None and not m.baseline
              and not m.span_start]
    return months[-1] if months else None


# ---------------------------------------------------------------- the parse

def _number_tokens(parsed: Doc, start: int, end: int) -> tuple[Token | None, Token | None]:
    """(the head of the number's words, the unit word among them or None)."""
    span = parsed.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None, None
    unit = next((t for t in reversed(span) if t.lower_ in EN_UNITS and not t.like_num), None)
    return span.root, unit


def _ancestors(token: Token) -> list[Token]:
    """The token's governors up to the root (indices guard against a cyclic parse)."""
    out, seen = [], {token.i}
    while token.head.i not in seen:
        token = token.head
        seen.add(token.i)
        out.append(token)
    return out


def _child(token: Token, deps: set[str], words: set[str] | None = None) -> Token | None:
    return next((c for c in token.children if c.dep_ in deps and (
        words is None or c.lower_ in words)), None)


def _of_object(token: Token) -> Token | None:
    prep = _child(token, {"prep"}, {"of"})
    return _child(prep, {"pobj"}) if prep is not None else None


def _is_actor(token: Token | None) -> bool:
    if token is None:
        return True
    if token.pos_ == "PRON" or token.tag_ in ("WP", "WDT"):
        return True
    if token.lower_ in MEASURE_HEADS:
        return False  # "Industrial Output Value" tagged as an organisation in a headline
    return token.ent_type_ in ACTOR_ENTITIES or token.lower_ in ACTOR_HEADS or (
        token.lemma_.lower() in ACTOR_HEADS)


def _subject(verb: Token) -> Token | None:
    """The subject of a verb, through conjoined and embedded verbs; for a relative clause
    ("cadres, who account for 0.71%") the noun the pronoun stands for."""
    for candidate in (verb, *_ancestors(verb)):
        subject = _child(candidate, {"nsubj", "nsubjpass"}) or next(
            (_child(aux, {"nsubj", "nsubjpass"}) for aux in candidate.children
             if aux.dep_ in ("aux", "auxpass") and _child(aux, {"nsubj", "nsubjpass"})), None)
        # (a parse may hang the subject on the auxiliary: "purchases ... have doubled")
        if subject is not None:
            if subject.tag_ in ("WP", "WDT"):
                clause = next((t for t in (candidate, *_ancestors(candidate))
                               if t.dep_ in ("relcl", "acl")), None)
                return clause.head if clause is not None else None
            return subject
        if candidate.dep_ == "relcl":
            return candidate.head
        if candidate.dep_ not in ("conj", "xcomp", "advcl", "ccomp", "acomp"):
            break
    return None


def _phrase(noun: Token, abbreviations: dict[str, str], skip: set[int] = frozenset()) -> str:
    """The noun with its modifiers and its "of" complement (not the one holding a number),
    without leading articles, numbers and units; acronyms keep their expansion."""
    tokens = _modified(noun)
    of_object = _of_object(noun)
    if of_object is not None and not any(t.pos_ == "NUM" or any(c.isdigit() for c in t.text)
                                         for t in of_object.subtree):  # "first-grade" is none
        tokens |= {of_object.head.i} | _modified(of_object)
    tokens -= set(skip)
    if not tokens:
        return noun.text
    doc = noun.doc
    words = [doc[i] for i in range(min(tokens), max(tokens) + 1) if i not in skip]
    while words and (words[0].lower_ in ARTICLES or words[0].is_punct or words[0].tag_ == "POS"
                     or words[0].like_num
                     and not (len(words) > 1 and words[1].text == "-")  # eight-foot lathes
                     or words[0].lower_ in ("%", "percent") or words[0].dep_ == "quantmod"
                     or words[0].lower_ in ("more", "than", "about", "nearly", "over", "some")
                     or words[0].tag_ == "VBG"  # "the task of increasing coal production"
                     and words[0].lemma_.lower() in RISE_WORDS | FALL_WORDS):
        words = words[1:]
    while words and (words[-1].is_punct or words[-1].lower_ in ("of", "and")):
        words = words[:-1]
    text = "".join(t.text_with_ws for t in words).strip()
    for short, long in abbreviations.items():
        if re.search(rf"\b{re.escape(short)}\b", text) and long not in text.lower():
            text = re.sub(rf"\b{re.escape(short)}\b", f"{short} ({long})", text, count=1)
    return text or noun.text


def _modified(noun: Token) -> set[int]:
    tokens = {noun.i}
    for child in noun.children:
        if child.dep_ in ("compound", "amod", "nmod", "poss", "case") and child.i < noun.i:
            tokens.update(t.i for t in child.subtree)
    return tokens


# ---------------------------------------------------------------- one number

@dataclass(slots=True)
class _Reading:
    """What the parse says of one number before the document context is applied."""

    indicator: str | None
    counted: Token | None  # the noun the number counts or measures
    kind: str
    sign: int
    elided: bool  # a list item without a verb of its own ("Taiyuan 2%")
    label: str | None  # the list item's own name
    needs_prior: bool  # "an increase of 7.4%": a change of the fact before it
    change_start: bool  # "expand from the original 150,000 mu to 950,000 mu": what exists
    chain: list[Token]  # the number's head and its governors, nearest first


# Verbs whose object is an amount of what they name ("can save 20 billion yuan": savings).
VERB_NOUNS = {"save": "savings", "produce": "output", "yield": "yield", "harvest": "harvest",
              "earn": "income", "sell": "sales", "buy": "purchases", "purchase": "purchases",
              "export": "exports", "import": "imports", "invest": "investment",
              "deliver": "deliveries", "spend": "spending", "lend": "loans",
              "collect": "collections", "reclaim": "land reclaimed", "plant": "area planted",
              "sow": "area sown", "transplant": "area transplanted", "build": "construction",
              "pay": "payments", "transport": "freight", "increase": "increase",
              "reduce": "reduction", "train": "people trained", "treat": "people treated",
              "vaccinate": "people vaccinated", "irrigate": "area irrigated",
              "allocate": "allocations", "appropriate": "appropriations", "grant": "grants",
              "supply": "supply", "procure": "procurement", "distribute": "distribution",
              "afforest": "area afforested", "cultivate": "area cultivated",
              "repair": "repairs", "process": "processing", "store": "storage"}
_CHANGE_WORD = (r"\b(?P<word>increas\w*|rais\w*|ris\w*|rose|gr[eo]w\w*|boost\w*|expand\w*|"
                r"reduc\w*|decreas\w*|cut\w*|lower\w*|dropp?\w*|fell|fall\w*|declin\w*|exceed\w*|"
                r"overfulfil\w*|surpass\w*)\b")
# Verbs that report what a period brought: a month on them is the period of a report.
REPORT_VERBS = FULFIL_WORDS | set(VERB_NOUNS) | RISE_WORDS | FALL_WORDS | REACH_WORDS | {
    "supply", "total", "amount", "make", "turn", "put", "exceed", "be"}
CHANGE_BY_RE = re.compile(
    _CHANGE_WORD + r"[^,;]{0,60}?\bby\s+(?:another\s+|an?\s+average\s+of\s+|a\s+total\s+of\s+|"
    r"about\s+|nearly\s+|more\s+than\s+|over\s+|approximately\s+|some\s+)?$", re.IGNORECASE)


class _SentenceReader:
    """Reads the numbers of one parsed sentence (see the module docstring)."""

    def __init__(self, parsed: Doc, abbreviations: dict[str, str]) -> None:
        self.parsed, self.abbreviations = parsed, abbreviations
        self.text = parsed.text

    def phrase(self, token: Token, skip: set[int] = frozenset()) -> str:
        return _phrase(token, self.abbreviations, skip)

    def read(self, number: Number, start: int, end: int) -> _Reading | None:
        span = self.parsed.char_span(start, end, alignment_mode="expand")
        if span is None:
            return None
        root, unit_token = _number_tokens(self.parsed, start, end)
        own = {t.i for t in span}
        unit = number.unit
        node, counted, base = _measured(root, unit_token, unit)
        chain = [root] + ([node] if node.i != root.i else []) + _ancestors(node)
        indicator, change, elided, label, needs_prior = None, None, False, None, False
        share_word = None
        prep, current, from_ = None, node, False
        for governor in chain[1 if node.i == root.i else 2:]:
            dep = current.dep_
            if number.unit == "%" and _is_share_word(governor):
                share_word = governor
            if governor.pos_ == "ADP" or governor.dep_ in ("prep", "agent") and governor.pos_ \
                    not in ("VERB", "AUX", "NOUN"):
                prep, current = governor.lower_, governor
                from_ = from_ or prep == "from" and current.i == node.head.i
                continue
            if governor.pos_ in ("VERB", "AUX"):
                change = (governor, prep or dep)
                break
            if dep in ("appos", "conj", "npadvmod") and prep is None and governor.pos_ in (
                    "NOUN", "PROPN", "NUM") and not _is_change(governor) and counted is None:
                elided = indicator is None
                if governor.lower_ not in EN_UNITS and not governor.like_num:
                    label = self.phrase(governor, own)  # "the Ministry of X, 107.5%"
                break  # else "20 billion jin, or about 10 percent over last year"
            if _is_change(governor) and prep in ("of", None):
                change = (governor, "of" if prep == "of" else dep)
                if counted is None and indicator is None:
                    indicator = self._change_subject(governor, own)
                needs_prior = counted is None and indicator is None
                break
            changed = _of_object(governor) if prep == "by" and governor.pos_ == "NOUN" else None
            if changed is not None and counted is None and indicator is None and not any(
                    t.i in own for t in changed.subtree):
                indicator = self.phrase(changed, own)  # "the task of increasing coal
                # production by 100,000 tons"
            if governor.pos_ in ("NOUN", "PROPN") and governor.lower_ not in EN_UNITS \
                    and counted is None and indicator is None and prep in ("of", "for", None) \
                    and governor.lower_ not in ("total", "average", "sum", "whole") \
                    and not _is_share_word(governor):
                indicator = self.phrase(governor, own)  # "output value of 6 billion yuan"
            prep, current = None, governor
        gapped = self._gapped_label(start) or self._listed_label(start, end)
        if gapped is not None:
            indicator, counted, change, elided, label = None, None, None, True, gapped
        verb = change[0] if change and change[0].pos_ in ("VERB", "AUX") else None
        change_start = from_ and re.match(r"[^;]*?\bto\b", self.text[end:]) is not None
        if number.kind == "multiple" and re.match(
                r"\s+(?:that|those|the\s+(?:[a-z]+\s+){1,2})(?:of|in)\b", self.text[end:]):
            needs_prior, indicator, counted = True, None, None  # "double that of last spring"
        if from_ and counted is None and base is None and not change_start:
            needs_prior = True  # "up from 280 catties": where the fact before it started
        if counted is None and root.dep_ in ("nsubj", "nsubjpass") and root.pos_ == "NUM" \
                and root.head.lemma_ == "be":
            named = _child(root.head, {"attr"})  # "of whom 32,000 are senior students"
            if named is not None and named.pos_ == "NOUN" and not any(
                    t.like_num or t.i in own for t in named.subtree):
                counted = named
        if counted is not None:
            indicator = self.phrase(counted, own)
        elif indicator is None and not elided:
            if root.pos_ == "NUM" and current.dep_ in ("nsubj", "nsubjpass"):
                indicator = self._partitive(root) or self._elided_noun(root, verb)
            if indicator is None and verb is not None:
                indicator = self._verb_indicator(verb, change[1], own, unit_token)
            elif indicator is None and verb is None and root.pos_ == "VERB":
                indicator = self._verb_indicator(root, "", own, unit_token)  # "purchases
                # of tung oil have more than doubled": the number is the verb
        part = self._part_of_which(start, verb) if verb is not None else None
        if part and (indicator in (None, verb.lemma_.lower()) or part.startswith(indicator)):
            indicator = part
        if unit_token is not None and EN_UNITS.get(unit_token.lower_) in ("people", "households") \
                and (indicator and indicator.lower() in GENERIC_NOUNS or current.dep_ in (
                    "nsubj", "nsubjpass") and (current.i == unit_token.i or current.lower_ in
                                               GENERIC_NOUNS)):
            # "A total of 1,200 households joined the team": households, not the team
            indicator = unit_token.lower_
        kind, sign = self._kind(number, change, base, indicator, start)
        if share_word is not None and kind in ("level", "increase_to"):
            kind = "share"
        if kind == "level" and (
                unit is not None and node.head.lower_ in ("including", "include") or re.search(
                    r"\b(?:of|among)\s+(?:which|whom|them)\b[^,;]*$", self.text[:start])):
            kind = "share"  # "(including 20 mu of ...)", "of which 80,000 mu are irrigated"
        if kind == "increase_by" and (indicator in (None, "more", "less", "higher", "lower") or
                                      re.match(r"\s+(?:more|less|fewer|higher|lower)\b",
                                               self.text[end:])):
            needs_prior = True  # "8 percent more than in 1955", "300,000 tons more than planned"
            indicator = None if indicator in ("more", "less", "higher", "lower") else indicator
        if kind == "level" and unit == "%" and base is None and self._partitive(root):
            kind = "share"  # "Of the 650,000 old cooperatives, more than 80% ..."
            indicator = f"share of {self._partitive(root)}"
        if kind == "share" and unit == "%":
            indicator = self._share_indicator(indicator, base, share_word, own)
        elif kind == "plan_fulfilment_pct":
            indicator = self._fulfilment_indicator(indicator, base, verb, own)
        return _Reading(indicator, counted, kind, sign, elided, label, needs_prior,
                        change_start, chain)

    def _change_subject(self, change: Token, own: set[int]) -> str | None:
        """"an increase of 12% in grain output", "Deposits showed a net increase of 80
        million yuan": what the change is of, or what the verb that has it as its object
        says it of."""
        prep = _child(change, {"prep"}, {"in"})
        changed = _child(prep, {"pobj"}) if prep is not None else None
        if changed is not None and changed.pos_ in ("NOUN", "PROPN") and not any(
                t.like_num or t.i in own for t in changed.subtree) and not _is_actor(changed):
            return self.phrase(changed, own)
        verb = change.head
        if change.dep_ not in ("dobj", "attr") or verb.pos_ not in ("VERB", "AUX") or \
                verb.i > change.i or any(t.text == ";" for t in change.doc[verb.i:change.i]):
            return None
        subject = _child(verb, {"nsubj", "nsubjpass"})  # its own, not a governing clause's
        if subject is None or subject.i in own or _is_actor(subject):
            return None
        return self.phrase(subject, own)

    def _listed_label(self, start: int, end: int) -> str | None:
        """"coal output was 1.8 million tons; cotton yarn 62,000 pieces; and paper 15,000
        tons", "and that of fresh vegetables 190 million jin": a list item that is only a
        name and a number, with the verb of the first item understood."""
        item = re.search(r"[,;]\s*(?:and\s+)?(?:(?:that|those)\s+of\s+)?"
                         r"(?P<label>[A-Za-z][A-Za-z'’ -]{0,40}?)\s+$", self.text[:start])
        if item is None or not re.match(r"\s*(?:[A-Za-z]+\s*)?(?:[,;.]|$)", self.text[end:]):
            return None
        words = item.group("label").lower().split()
        if not 1 <= len(words) <= 4 or any(w in LIST_LABEL_STOPS for w in words):
            return None
        tokens = self.parsed.char_span(item.start("label"), item.end("label"),
                                       alignment_mode="expand") or []
        if any(t.lemma_.lower() in RISE_WORDS | FALL_WORDS | REACH_WORDS | FULFIL_WORDS
               or t.tag_ == "VBG" or t.lower_.endswith("ing") for t in tokens):
            return None  # ", saving 3.1 billion yuan" is a clause of its own
        return item.group("label")

    def _part_of_which(self, start: int, verb: Token) -> str | None:
        """"3,400 proposals, of which 1,900 have been adopted": the whole the relative pronoun
        stands for, with what the verb says of the part."""
        part = re.search(r"\b(?:of|among)\s+(which|whom)\b[^,;]*$", self.text[:start])
        span = part and self.parsed.char_span(part.start(1), part.end(1))
        whole = _antecedent(span.root) if span else None
        if whole is None or whole.pos_ not in ("NOUN", "PROPN"):
            return None
        return self.phrase(whole) + (f" {verb.text}" if verb.tag_ == "VBN" else "")

    def _gapped_label(self, start: int) -> str | None:
        """"steel increased by 19%, pig iron by 13%, and rolled steel by 8.5%": a list item
        that shares the change verb of the item before it (the parse seldom sees the gap),
        named by the words before its "by"."""
        item = re.search(r"(?:^|[,;]\s*)(?:and\s+)?(?P<label>[A-Za-z][\w' -]{0,40}?)\s+by\s+"
                         r"(?:about\s+|nearly\s+|more\s+than\s+|over\s+|some\s+)?$",
                         self.text[:start])
        if item is None or not re.search(_CHANGE_WORD + r"[^;]{0,60}?\bby\b[^;]*$",
                                         self.text[:item.start()], re.IGNORECASE):
            return None
        words = self.parsed.char_span(item.start("label"), item.end("label"),
                                      alignment_mode="expand") or []
        if any(t.lemma_.lower() in RISE_WORDS | FALL_WORDS | REACH_WORDS | FULFIL_WORDS
               or t.pos_ in ("AUX", "PRON") or t.tag_ in ("VBZ", "VBP", "MD")
               for t in words):
            return None  # "..., and output increased by 8%" has its own verb
        return item.group("label")

    def nearest_noun_phrase(self, start: int, end: int) -> str | None:
        """When the parse gives the number no head (a headline in title case, a broken
        parse): the nearest noun phrase before it in its clause, else the first after it."""
        own = {t.i for t in self.parsed.char_span(start, end, alignment_mode="expand") or []}
        clause = self.text.rfind(";", 0, start) + 1
        chunks = [c for c in self.parsed.noun_chunks if not any(t.i in own or t.like_num
                                                                 for t in c)
                  and c.root.pos_ != "PRON" and c.root.ent_type_ not in ("GPE", "DATE")
                  and c.root.lower_ not in EN_UNITS and c.start_char >= clause]
        before = [c for c in chunks if c.end_char <= start]
        chosen = before[-1] if before else next((c for c in chunks if c.start_char > start), None)
        return self.phrase(chosen.root, own) if chosen is not None else None

    def _verb_indicator(self, verb: Token, how: str, own: set[int],
                        unit_token: Token | None) -> str | None:
        """The subject of the verb, unless it is an actor; then (and first for a change
        verb's "by") what the verb acts on; else the verb's own noun ("save": savings)."""
        subject = _subject(verb)
        if subject is not None and subject.i in own:
            subject = None
        obj = _child(verb, {"dobj"})
        if obj is not None and (obj.i in own or obj.pos_ == "PRON" or any(
                t.like_num for t in obj.subtree)):
            obj = None
        lemma = verb.lemma_.lower()
        if lemma in ("compare",):
            return None
        if lemma in ("total", "amount", "number") and verb.dep_ in ("advcl", "acl", "xcomp") \
                and _child(verb, {"nsubj", "nsubjpass"}) is None:
            measured = _child(verb.head, {"dobj"})  # "received land, totalling 2.5 million mu"
            if measured is not None and measured.i not in own:
                return self.phrase(measured, own)
        if lemma in ("have", "employ", "own", "number", "comprise", "include") and \
                unit_token is not None and EN_UNITS.get(unit_token.lower_) in (
                    "people", "households") and subject is not None:
            return f"{unit_token.lower_} of {self.phrase(subject, own)}"  # "has 5,300 households"
        if how == "dobj" and lemma in VERB_NOUNS:
            purpose = next((_child(p, {"pobj"}) for t in (verb, *(verb.doc[i] for i in own))
                            for p in t.children if p.dep_ == "prep" and p.lower_ == "for"),
                           None)
            if purpose is not None and not any(t.like_num or t.lower_ in ("each", "every")
                                               for t in purpose.subtree) and not \
                    _is_actor(purpose):  # "allocated 45 million yuan for water conservancy"
                return f"{VERB_NOUNS[lemma]} for {self.phrase(purpose, own)}"
            return VERB_NOUNS[lemma]  # "can save 250 million yuan": savings
        if how == "worth" and lemma in VERB_NOUNS and obj is not None:
            return f"{VERB_NOUNS[lemma]} of {self.phrase(obj, own)}"  # "purchase products
            # worth 680 million yuan": the value of the purchases
        if how == "by" and obj is not None and lemma not in ("exceed", "overfulfil", "surpass"):
            return self.phrase(obj, own)  # "increase production by 200,000 tons"
        if subject is not None and not _is_actor(subject):
            return self.phrase(subject, own)
        if obj is not None:
            return self.phrase(obj, own)
        if subject is not None and subject.pos_ != "PRON" and subject.tag_ not in ("WP", "WDT") \
                and (how == "to" or lemma in REACH_WORDS or lemma not in VERB_NOUNS):
            return self.phrase(subject, own)  # "the cooperatives increased to 1.9 million"
        if lemma in VERB_NOUNS:
            return VERB_NOUNS[lemma]
        return None if lemma in ("be", "have") else lemma

    def _elided_noun(self, number: Token, verb: Token | None) -> str | None:
        """"seven students have joined the League, and fifteen have been rated as study
        models": the noun of the conjoined count, with what the verb says of this one."""
        if verb is None or verb.dep_ != "conj":
            return None
        sibling = _subject(verb.head)
        if sibling is None or not any(t.like_num for t in sibling.children):
            return None
        predicate = [t for t in verb.subtree if t.i > verb.i and not t.is_punct]
        return " ".join([sibling.text, verb.text] + [t.text for t in predicate])

    def _partitive(self, number: Token) -> str | None:
        """"Of the 650,000 old cooperatives, more than 80% ...", "Among 46 products, 32 ...":
        what a bare number is a part of (a phrase that opens its clause)."""
        clause = self.text.rfind(";", 0, number.idx) + 1
        for token in self.parsed:
            if token.i >= number.i:
                break
            if token.lower_ in ("of", "among") and token.idx >= clause and re.fullmatch(
                    r"\s*(?:[A-Z]\w*\s+)?(?:\w+\s*)?", self.text[clause:token.idx]) \
                    and token.dep_ == "prep":
                obj = _child(token, {"pobj"})
                if obj is not None and obj.i < number.i:
                    return self.phrase(obj)
        return None

    def _kind(self, number: Number, change, base, indicator, start) -> tuple[str, int]:
        if number.kind in ("multiple", "increase_by") or number.unit == "times":
            return "multiple", 1
        before = self.text[:start]
        after = self.text[start + len(number.text):]
        if base is not None and base.lower_ in PLAN_NOUNS:
            return "plan_fulfilment_pct", 1  # "completed 72.4% of the monthly plan"
        more = re.match(r"(?:\s+[a-z]+){0,2}\s+(more|less|fewer)\s+than\b", after, re.IGNORECASE)
        if more and number.unit != "%":  # "drilled 326 wells, 89 wells more than last year"
            return "increase_by", -1 if more.group(1).lower() in ("less", "fewer") else 1
        lemma = how = ""
        if change is not None:
            word, how = change
            lemma = word.lemma_.lower()
            if lemma not in RISE_WORDS | FALL_WORDS | REACH_WORDS and word.lower_ in \
                    RISE_WORDS | FALL_WORDS:
                lemma = word.lower_
        if number.unit == "%" and (how == "by" and lemma in FULFIL_WORDS or indicator and
                                   re.search(r"\bprogress\b", indicator)):
            return "plan_fulfilment_pct", 1  # "fulfilled by 101%", "progress has reached"
        if number.unit == "%" and re.search(
                r"\b(?:plan|quota|target|task)s?\s+(?:\w+\s+){0,2}?(?:was|were|is|are|has\s+been|"
                r"have\s+been|had\s+been)\s+(?:over)?(?:completed|fulfill?ed|accomplished)\s+"
                r"(?:by\s+)?$", before, re.IGNORECASE):
            return "plan_fulfilment_pct", 1  # "the production plan was completed 167%"
        if re.search(r"\bby\s+[\d,.]+(?:\s+(?:thousand|million|billion))?\s*(?:%|percent|[a-z]+)?"
                     r"\s+to\s+(?:more\s+than\s+|over\s+|about\s+|nearly\s+)?$", before,
                     re.IGNORECASE) and lemma in RISE_WORDS | FALL_WORDS:
            return "increase_to", 1  # "increased by 20,000 to 150,000": the new level
        by = CHANGE_BY_RE.search(before)
        of_change = how == "of" and change[0].pos_ == "NOUN"
        if (how == "by" or of_change) and lemma in RISE_WORDS | FALL_WORDS or by:
            fall = lemma in FALL_WORDS if (how == "by" or of_change) and lemma in RISE_WORDS | \
                FALL_WORDS else re.match(r"reduc|decreas|cut|lower|drop|fell|fall|declin",
                                         by.group("word"), re.IGNORECASE) is not None
            return "increase_by", -1 if fall else 1
        additional = re.match(r"\s+more\s+(?!than\b)[a-z][^;]*$", after) and not re.search(
            r"\bthan\b", after.split(",")[0])  # "train 5,000 more health workers": a count
        if re.match(r"\s+(?:more|higher|greater|over|above)\b", after, re.IGNORECASE) and \
                not additional or \
                re.match(r"[^,;]{0,40}?\b(?:above|over|in\s+excess\s+of|beyond)\s+(?:the\s+|"
                         r"its\s+|their\s+)?(?:\w+\s+)?(?:quotas?|plans?|targets?)\b", after,
                         re.IGNORECASE):
            return "increase_by", 1  # "four or five catties more", "100,000 tons above quota"
        if re.match(r"\s+(?:less|lower|fewer)\b", after, re.IGNORECASE):
            return "increase_by", -1
        if re.search(r"(?:^|[,;(]\s*|\band\s+)(?P<way>up|down)\s+(?:by\s+)?$", before,
                     re.IGNORECASE) or number.unit == "%" and how == "npadvmod" and lemma in \
                RISE_WORDS | FALL_WORDS and word.pos_ == "VERB":
            fall = re.search(r"\bdown\s+(?:by\s+)?$", before, re.IGNORECASE) or (
                lemma in FALL_WORDS and not re.search(r"\bup\s+(?:by\s+)?$", before))
            return "increase_by", -1 if fall else 1  # ", up 12% from last year", "grew 8.3
            # percent compared with 1956"
        if how == "to" and lemma in RISE_WORDS | FALL_WORDS | REACH_WORDS | {"develop"}:
            return "increase_to", 1
        if re.search(r"\bto\s+(?:more\s+than\s+|over\s+|about\s+|nearly\s+|below\s+|under\s+)?$",
                     before) and re.search(r"\bfrom\s+[^;]*$", before):
            return "increase_to", 1  # "from 120 pairs to 180 pairs"
        if lemma in REACH_WORDS and how in ("dobj", "attr", "npadvmod", "nsubj", "xcomp",
                                            "ccomp", "conj", "oprd"):
            return "increase_to", 1
        if how == "dobj" and lemma in RISE_WORDS - {"exceed", "surpass"} and not any(
                _is_plain_verb(t) and _child(t, {"dobj"}) is None
                for t in change[0].conjuncts):
            return "increase_by", 1  # "increase the production of ten lathes", but "build
            # and expand 80 projects" counts what is built
        words = (indicator or "").lower().split()
        if any(w in ("reduction", "decrease", "drop", "decline", "fall") for w in words):
            return "increase_by", -1  # "the average decrease was 4.35%"
        if any(w in ("increase", "rise", "growth") for w in words[-1:]):
            return "increase_by", 1
        if base is not None and number.unit == "%":
            return "share", 1
        return "level", 1

    def _share_indicator(self, indicator, base, share_word, own) -> str | None:
        """"share of PART in WHOLE", from "PART accounts for X% of WHOLE" or "X% of WHOLE"."""
        whole = self.phrase(base, own) if base is not None else None
        if whole:
            whole = re.sub(r"^(?:the\s+)?(?:total\s+)?(?:number\s+of\s+)?", "", whole) or whole
        part = None
        if share_word is not None:
            subject = _subject(share_word) if share_word.pos_ in ("VERB", "AUX") else None
            if subject is not None and not _is_actor(subject) and subject.i not in own:
                part = self.phrase(subject, own)
            elif share_word.pos_ == "NOUN":
                modifiers = [c for c in share_word.children if c.dep_ in ("amod", "compound")]
                part = " ".join(c.text for c in modifiers) or None
        if part and whole:
            return f"share of {part} in {whole}"
        if part or whole:
            return f"share of {part or whole}"
        if indicator and not indicator.startswith("share"):
            return f"share of {indicator}"
        return indicator

    def _fulfilment_indicator(self, indicator, base, verb, own) -> str | None:
        """"the monthly plan (central heavy industry system)": the plan, and whose."""
        subject = _subject(verb) if verb is not None else None
        plan = self.phrase(base, own) if base is not None else "plan"
        if subject is not None and subject.i not in own:
            who = self.phrase(subject, own)
            if not _is_actor(subject):  # "the pig iron production plan was completed 167%"
                named = re.search(r"\b(?:plan|quota|target|task)s?$", who)
                return f"{who} fulfilment" if named else f"{who} {plan} fulfilment"
            return f"{plan} fulfilment ({who})"
        named = indicator and indicator != plan and (
            verb is None or indicator != verb.lemma_.lower())  # not "complete fulfilment"
        return f"{indicator} fulfilment" if named else f"{plan} fulfilment"


def _measured(root: Token, unit_token: Token | None,
              unit: str | None) -> tuple[Token, Token | None, Token | None]:
    """(the word the number's phrase hangs from, the noun it counts or measures, the whole a
    percentage or a plan fulfilment is taken of): "800 mu of late rice", "thirteen of the
    products", "nineteen products", "46% of the total households", "72.4% of the plan"."""
    node = unit_token if unit_token is not None else root
    of_object = _of_object(node) or (_of_object(root) if node.i != root.i else None)
    if of_object is not None and of_object.lower_ in ("which", "whom"):
        of_object = _antecedent(of_object)  # "1,500 workers, 40 percent of whom"
    if of_object is not None and of_object.lower_ not in ("which", "them", "these", "those"):
        if unit == "%" or of_object.lower_ in PLAN_NOUNS:
            return node, None, of_object
        if of_object.lower_ not in GENERIC_NOUNS:
            return node, of_object, None
    if node.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod") and (
            node.head.pos_ in ("NOUN", "PROPN") and node.head.lower_ not in EN_UNITS):
        return node.head, node.head, None
    return node, None, None


def _antecedent(pronoun: Token) -> Token | None:
    """The noun a relative pronoun stands for: the head of its relative clause, else the
    noun just before it."""
    clause = next((t for t in _ancestors(pronoun) if t.dep_ == "relcl"), None)
    if clause is not None:
        return clause.head
    return next((t for t in reversed(pronoun.doc[:pronoun.i])
                 if t.pos_ in ("NOUN", "PROPN") and not t.like_num and t.lower_ not in EN_UNITS),
                None)


def _is_share_word(token: Token) -> bool:
    """"account for", "accounting for", "constitute", "make up": a part of a whole."""
    lemma = token.lemma_.lower()
    return lemma in SHARE_LEMMAS - {"make"} or token.lower_.startswith("account") or (
        lemma == "make" and any(c.dep_ == "prt" and c.lower_ == "up" for c in token.children))


def _is_plain_verb(token: Token) -> bool:
    """A verb that neither raises nor lowers anything ("build", "complete")."""
    return token.pos_ == "VERB" and token.lemma_.lower() not in RISE_WORDS | FALL_WORDS | \
        REACH_WORDS


def _is_change(token: Token) -> bool:
    return token.pos_ == "NOUN" and token.lemma_.lower() in RISE_WORDS | FALL_WORDS


# ---------------------------------------------------------------- status and time

def status_of(parsed: Doc, chain: list[Token], start: int) -> str | None:
    """"forecast", "planned", or None when no word governing the number marks it. A verb
    conjoined with its own auxiliary is a clause of its own: "we decided that each should
    reclaim one mu, and 50 mu have now been reclaimed" plans only the first."""
    before = parsed.text[:start]
    lemmas: set[str] = set()
    aux: set[str] = set()
    for token in chain:
        lemmas.update((token.lemma_.lower(), token.lower_))
        if token.lemma_ == "be" and any(c.dep_ == "nsubj" and c.lemma_.lower() in PLAN_LEMMAS
                                        for c in token.children):
            lemmas.add("plan")  # "The target set for 1960 is 18.4 million tons"
        for child in token.children:
            if child.dep_ in ("aux", "auxpass"):
                aux.add(child.lower_)
            if child.dep_ in ("amod", "acl") and child.lemma_.lower() in PLAN_LEMMAS:
                lemmas.add("plan")  # "the 400,000 plows planned for promotion"
        if token.pos_ in ("VERB", "AUX") and token.dep_ == "conj" and any(
                c.dep_ in ("aux", "auxpass") for c in token.children):
            break
    if lemmas & (FORECAST_LEMMAS - {"able", "possible", "likely"}) or re.search(
            r"\b(?:it\s+is\s+(?:estimated|expected)|according\s+to\s+[^,;]*estimates?)\b",
            before, re.IGNORECASE):
        return "forecast"
    if lemmas & PLAN_LEMMAS or aux & PLAN_AUX or re.search(
            r"\bplan\w*\s*:\s[^:]*$", before, re.IGNORECASE):
        return "planned"  # ... and "a production plan: rush-plant 800 mu, ..."
    if aux & FORECAST_AUX or lemmas & {"able", "possible", "likely"}:
        return "forecast"
    if "to" in aux and not lemmas & {"use", "help", "begin", "start", "continue", "try"} or \
            re.search(r"\b(?:is|are)\s+to\s+\w+\s*$", before):
        return "planned"  # a decision or headline: "grain output to reach 9.5 billion jin"
    return None


def choose_time(parsed: Doc, chain: list[Token], start: int, mentions: list[TimeMention],
                numbers: list[int]) -> TimeMention | None:
    """The phrase attached to the nearest governor in the number's clause (';' ends one),
    else the nearest clause-level phrase before the number in its clause, after it in the
    clause, before it in the sentence. A phrase inside another noun phrase ("after the
    floods in 1954") times that noun, not the clause."""
    text = parsed.text
    clause_start = text.rfind(";", 0, start) + 1
    clause_end = text.find(";", start)
    clause_end = len(text) if clause_end < 0 else clause_end
    chain_ids = {t.i for t in chain}
    subjects = {t.i for g in chain if g.pos_ in ("VERB", "AUX") for c in g.children
                if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
    attached: dict[int, list[TimeMention]] = {}
    clause_level: list[TimeMention] = []
    for mention in mentions:
        if mention.baseline or mention.span_start or mention.start <= start < mention.end or \
                _starts_change(mention, start, text) or _times_a_start(mention, start, text):
            continue
        span = parsed.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        head = _mention_head(span.root)
        same_clause = clause_start <= mention.start < clause_end
        if same_clause:
            attached.setdefault(head.i, []).append(mention)
        if head.pos_ in ("VERB", "AUX") or head.i in chain_ids or head.i in subjects or \
                head.dep_ == "ROOT" or span.root.dep_ == "ROOT":
            clause_level.append(mention)
    for governor in chain:
        if governor.i in attached:
            return _own_mention(attached[governor.i], start, numbers, text)
    before = [m for m in clause_level if clause_start <= m.start < start]
    if before:
        return before[-1]
    after = [m for m in mentions if start < m.start < clause_end and not m.baseline
             and not m.span_start and not any(start < n < m.start for n in numbers)
             and not re.search(r"\b(?:while|whereas|but|against)\b", text[start:m.start])]
    # ("18 to 20 baskets a day, while last year only about 10": the year opens a contrast)
    # ("62% of all households, and cooperatives developed from 34 in 1951": the year is 34's)
    if after:
        return after[0]
    earlier = [m for m in clause_level if m.start < start]
    return earlier[-1] if earlier else None


def _starts_change(mention: TimeMention, start: int, text: str) -> bool:
    """"increased from 150,000 head at the end of last year to 210,000 head": the phrase
    times the start of the change, not the number after "to"."""
    return mention.end <= start and bool(
        re.search(r"\bfrom\b[^;]*$", text[:mention.start], re.IGNORECASE)) and bool(
        re.search(r"^[^;]*?\bto\s+(?:\S+\s+){0,3}$", text[mention.end:start], re.IGNORECASE))


def _times_start(before: str, after: str) -> bool:
    """"from 410 jin last year to 396 jin": a time phrase between a change's start and its
    "to" times that start only."""
    return bool(re.search(r"\bfrom\s+(?:[\w,.%-]+\s+){1,3}$", before, re.IGNORECASE)
                and re.match(r"\s+to\b", after, re.IGNORECASE))


def _times_a_start(mention: TimeMention, start: int, text: str) -> bool:
    """"dropped from 38% last year to 31%, and the cost fell by 9.5%": the phrase times the
    start of a change before the number, and nothing after it."""
    return mention.end <= start and _times_start(text[:mention.start], text[mention.end:])


def _own_mention(mentions: list[TimeMention], start: int, numbers: list[int],
                 text: str) -> TimeMention:
    """Of several phrases on one verb, the one that belongs to this number: "reach 28
    billion next year and 32 billion in 1957" (after it), "in 1954 10 million tons, and in
    1955 12 million" (a phrase opening a conjunct belongs to the number after it)."""
    def owner(mention: TimeMention) -> int | None:
        later = [n for n in numbers if n >= mention.end]
        earlier = [n for n in numbers if n < mention.start]
        opens = re.search(r"(?:^|\band|[,;])\s*(?:\w+\s+)?$", text[:mention.start])
        if later and (opens or not earlier):
            return later[0]
        return earlier[-1] if earlier else None
    own = [m for m in mentions if owner(m) == start]
    if own:
        return own[0]
    before = [m for m in mentions if m.start < start]
    return before[-1] if before else mentions[0]


TIME_PARTS = {"end", "beginning", "middle", "half", "part", "quarter", "quarters", "period",
              "course", "rest", "start", "close", "first", "second", "early", "late", "season",
              "months", "month", "weeks", "days", "years"}


def _mention_head(token: Token) -> Token:
    """The word a time phrase modifies, above its prepositions and the parts of a period
    ("in the first half of October", "by the end of 1954")."""
    seen = {token.i}
    head = token.head
    while head.i not in seen and (head.pos_ == "ADP" or head.lower_ in TIME_PARTS
                                  or head.ent_type_ == "DATE" and head.pos_ != "VERB"):
        seen.add(head.i)
        head = head.head
    return head


def _time_value(mention: TimeMention, context: DocContext) -> str | None:
    year = mention.year
    if year is None:
        return None
    if mention.month is not None and context.year is not None and context.month is not None \
            and year == context.year and mention.month > context.month + 1 \
            and not re.search(rf"{_YEAR}|year", mention.text):
        year -= 1  # "in November" written in January is last November
    return f"{year}-{mention.month:02d}" if mention.month else str(year)


# ---------------------------------------------------------------- non-facts

_NUMBER_WORD = (r"(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|"
                r"forty|fifty|sixty|seventy|eighty|ninety|hundred|half)\b)")


def not_a_fact(parsed: Doc, number: Number, start: int, end: int, root: Token | None) -> bool:
    """Numbers that state no quantity of an indicator (see the module docstring)."""
    text = parsed.text
    before, after = text[:start], text[end:]
    if re.search(r"[\"“]\s*$", before) and re.match(r"\s*[\"”]", after):
        return True  # '"85" flour': a name
    if re.match(r"-[a-z]", after) and not re.match(r"-(?:fold|odd)\b", after):
        return True  # "eight-foot lathes", "64-blade fans": a specification
    if re.fullmatch(r"[A-Z][a-z]+", number.text) and re.match(r"-[A-Z]", after):
        return True  # the "Eight-Character Charter", the "Three-Anti" movement: a name
    if re.match(r"\s*(?:°|degrees?\b)", after):
        return True  # circumstances: 130 °F
    if re.search(r"\b(?:first|last|past|next|coming|previous|following)\s+$", before,
                 re.IGNORECASE) and re.match(r"\s+(?:quarters|months|years|weeks|days|"
                                             r"five-year)\b", after, re.IGNORECASE):
        return True  # "in the first three quarters": a period
    if number.unit and re.search(r"\d-[a-z]+$", number.text, re.IGNORECASE) and \
            re.match(r"\s+[a-z]", after, re.IGNORECASE):
        return True  # "6,000-kilowatt generating sets"
    if number.unit in ("kW", "kVA", "ton", "foot", "inch", "meter") and re.search(
            r"[A-Za-z]$", number.text) and _modifies_noun(parsed, end):
        return True  # "15,000 kVA (and 20,000 kVA) large transformers"
    if re.fullmatch(r"\d+", number.text) and root is not None and root.dep_ == "nummod" \
            and root.head.pos_ == "PROPN" and not _title_case(text) and all(
                t.pos_ == "PROPN" for t in root.doc[root.i + 1:root.head.i + 1]):
        return True  # "501 Power Plant": a name
    if re.fullmatch(r"\d{3,}", number.text) and re.match(
            r"\s+(?:drilling\s+|survey\s+|production\s+)?(?:team|brigade|crew|squad|well)\b",
            after):
        return True  # "the 1205 drilling team": a name
    if re.search(r"\b(?:Article|Section|Chapter|Clause|Item|[Pp]age|Room|Vol\.|Volume|Point|"
                 r"Paragraph|Division|Regiment|Route|Platoon|Squad|Class|Grade|Batch|Lot|Plot|"
                 r"Factory|Plant|Mill|Mine|Workshop|Team|Brigade|Unit)\s+$", before) or (
                     re.search(r"(?:^|[\s(])\($", before) and after.startswith(")")):
        return True  # "Article 3", "Factory 501", "(2)": a name or a list marker
    if root is not None and _in_condition(root):
        return True  # "if this method is promoted in thirteen flour mills": a supposition
    if number.unit is None and number.value < 100 and number.kind == "level":
        if re.search(r"(?:\b(?:the|these|those|its|their|our|all)|'s)\s+$", before,
                     re.IGNORECASE):
            return True  # "the five central ministries", "the county's 45 communes"
        if re.search(r"(?:^|[,;:]\s*)(?:among|of)\s+(?:the\s+)?$", before, re.IGNORECASE) and \
                re.search(rf",[^;]*{_NUMBER_WORD}", after, re.IGNORECASE):
            return True  # "Among 46 major products, 32 ...": the set a part is counted in
        if re.match(r"[^.;:!?\"“”()\d]{0,60}:", after):
            return True  # "3 main forms of cooperation: ...": the items of a list
    if number.kind == "multiple" and number.text.lower().endswith("times") and root is not None \
            and number.value == int(number.value) and _is_frequency(root) and not re.match(
                r"\s+(?:that|those|the|as|more|higher|greater|larger)\b", after, re.IGNORECASE):
        return True  # "ploughed three times", not "three times the output of 1952"
    if number.kind == "multiple" and re.fullmatch(r"\w+ times", number.text) and re.match(
            r"\s*(?:[.;,!?]|$|(?:a|each|every|per|in|under|during|last|this)\b)", after) \
            and not re.search(
                r"\b(?:by|than|as|of|compared|increas\w*|ris\w*|rose|grow\w*|grew|multipl\w*|"
                r"expand\w*|rais\w*|reach\w*|exceed\w*|more|higher|larger|greater)"
                r"\W+(?:\w+\W+){0,2}$", before, re.IGNORECASE):
        return True  # "went to Dazhai three times.", when the parse hangs them on the place
    return _is_sample(root, before)


def _in_condition(root: Token) -> bool:
    return any(t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("if", "unless")
                                         for c in t.children)
               for t in (root, *_ancestors(root)))


def _modifies_noun(parsed: Doc, end: int) -> bool:
    """The unit just before ``end`` is an attribute of a following noun, possibly across a
    coordinated twin ("15,000 kVA and 20,000 kVA large transformers")."""
    rest = parsed.text[end:]
    rest = re.sub(r"^\s+(?:and|or|to)\s+[\d,.]+\s*[A-Za-z-]+", "", rest)
    if TIME_RE.match(rest.lstrip()):
        return False  # "from 180,000 tons last year": a time, not a described noun
    match = re.match(r"\s+([A-Za-z-]+)", rest)
    if not match or match.group(1).lower() in ("of", "per", "and", "or", "a", "an", "the",
                                               "in", "to", "by", "for", "each", "every"):
        return False
    offset = parsed.text.find(match.group(1), end)
    span = parsed.char_span(offset, offset + len(match.group(1)), alignment_mode="expand")
    if span is None:
        return False
    word = span.root
    return word.pos_ in ("NOUN", "PROPN") or word.pos_ == "ADJ" and word.dep_ == "amod" \
        and word.head.i > word.i and word.head.pos_ == "NOUN"


def _title_case(text: str) -> bool:
    """A headline in title case: no content word of four letters or more is lower case."""
    small = {"with", "from", "into", "than", "over", "that", "this", "under", "after", "before",
             "about", "upon", "between", "through", "during", "against", "among", "ahead"}
    return not any(w.islower() and w not in small for w in re.findall(r"\b[A-Za-z]{4,}\b", text))


def _is_frequency(root: Token) -> bool:
    """"ploughed three times": a count attached to a verb of a farm or work practice,
    not to a change."""
    times = root if root.lower_ in ("times", "time") else root.head
    if times.lower_ in ("times", "time") and times.head.pos_ == "VERB":
        verb = times.head
        return verb.lemma_.lower() not in FREQUENCY_VERBS_EXCLUDED and not any(
            c.lower_ in ("than", "as", "over") for c in verb.subtree)
    return False


def _is_sample(root: Token | None, before: str) -> bool:
    """"according to a statistic of 92 enterprises", "statistics from 238 townships", "744
    households surveyed"."""
    if re.search(r"\b(?:statistics?|surveys?|investigations?|samples?|census|polls?)\s+"
                 r"(?:of|on|in|among|covering|from)\s+(?:the\s+)?(?:more\s+than\s+|over\s+)?$",
                 before, re.IGNORECASE):
        return True
    if root is None:
        return False
    noun = root.head if root.dep_ == "nummod" else root
    return any(c.dep_ in ("acl", "amod", "relcl") and c.lemma_.lower() in SAMPLE_VERBS
               and c.tag_ in ("VBN", "VBD") for c in noun.children)


# ---------------------------------------------------------------- units

def fact_unit(parsed: Doc, number: Number, end: int, counted: Token | None,
              indicator: str | None, index_base: bool) -> str | None:
    """The unit the fact is counted in (GUIDELINE.md): an index ("taking September as 100")
    is a percentage; a count of people or households says so; pairs and sets are counts of
    things (and head of livestock), like a count with no unit."""
    if number.unit in ("pairs", "sets", "head"):
        return None
    if number.unit is not None:
        return number.unit
    if index_base:
        return "%"
    words = []
    # The nouns right after the number: "1.1 million grassroots ... cooperative cadres".
    for token in parsed.char_span(end, len(parsed.text), alignment_mode="expand") or []:
        if token.tag_ == "POS":
            words.clear()  # "45 people's communes": the possessor is not what is counted
            continue
        if token.pos_ not in ("NOUN", "PROPN", "ADJ", "CCONJ", "PUNCT", "VERB") or \
                token.pos_ == "PUNCT" and token.text != "-" or token.pos_ == "VERB" and \
                token.dep_ not in ("amod", "compound"):
            break
        if token.pos_ in ("NOUN", "PROPN"):
            words.append(token.lower_)
    words = words[-1:]
    if counted is not None:
        words.append(counted.lower_)
    if indicator:
        head = re.split(r"\s+(?:of|in|who|that|which|joining|for|at|from|with|rated|\()\s*",
                        indicator.lower())
        words += head[0].split()[-1:]
        if head[0].split()[-1:] == ["number"] and len(head) > 1:
            words += head[1].split()[-1:]
    for word in words:
        if word in HOUSEHOLD_NOUNS:
            return "households"
        if word in PERSON_NOUNS:
            return "people"
    return None


# ---------------------------------------------------------------- the document

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


def read_facts(doc: Document, lang: str, parses: list, context: DocContext) -> list[FactReading]:
    """Fact readings of one English side's numbers (see ``quantity.FactReading``)."""
    source = SourceMap(doc, lang)
    candidates = numbers_by_sentence(doc, lang)
    sentences = doc.side(lang)
    short = abbreviations([s.text for s in sentences])
    topic = topic_year(doc, context)
    now = context.year if context.year is not None else topic
    out: list[FactReading] = []
    paragraph, carried = None, None  # the year the paragraph last named
    governing: TimeMention | None = None  # the paragraph's report or plan period
    lead_month = topic_month(doc, context, topic)
    lead, last_text = True, ""  # still in the lead; the last sentence read
    month_named: TimeMention | None = None  # the month the paragraph last named
    year_named: TimeMention | None = None  # the year the paragraph's last timed fact named
    previous: FactReading | None = None
    previous_facts: list[FactReading] = []  # the facts of the last sentence that had any
    previous_paragraph = None
    unlabelled: dict[int, str] = {}  # a list item's indicator without its own name
    change_starts: set[int] = set()  # numbers that open a change ("from 12% ... to 20%")
    for sentence, parsed in zip(sentences, parses):
        if sentence.paragraph != paragraph:
            # The title's month times the lead: the body's headline lines and the first
            # paragraph of sentences that has facts.
            lead = lead and not (previous_paragraph == paragraph and re.search(
                r"[.!?][\"”’)]?\s*$", last_text))
            paragraph, carried, governing = sentence.paragraph, None, None
            month_named, year_named = lead_month if lead else None, None
        mentions = time_mentions(sentence.text, now, carried if carried is not None else topic,
                                 context.month, month_named)
        own_period = _governing_time(parsed, mentions)
        reader = _SentenceReader(parsed, short)
        index_base = bool(re.search(r"\bas\s+100\b", sentence.text))
        continuation = CONTINUATION_RE.match(sentence.text) is not None
        topic_phrase = re.match(r"\s*(?:in\s+terms\s+of|as\s+(?:for|to|regards))\s+([^,;]+),",
                                sentence.text, re.IGNORECASE)
        sentence_facts: list[FactReading] = []
        starts = [source.relative(sentence, doc.numbers[i].start)
                  for i in candidates.get(sentence.index, [])]
        respective = _respective_groups(sentence.text, candidates.get(sentence.index, []),
                                        starts, doc.numbers)
        for i in candidates.get(sentence.index, []):
            number = doc.numbers[i]
            start = source.relative(sentence, number.start)
            end = start + len(number.text)
            root, _ = _number_tokens(parsed, start, end)
            if not_a_fact(parsed, number, start, end, root):
                continue
            reading = reader.read(number, start, end)
            if reading is None:
                continue
            status = status_of(parsed, reading.chain, start)
            time = choose_time(parsed, reading.chain, start, mentions, starts) or \
                _paragraph_time(mentions, reading.chain, status, context,
                                (month_named, governing, year_named))
            # A continuation is a part of the last whole counted in the same unit
            # ("... 9 billion jin, and the cost must not exceed 5%. Of this, 3 billion jin").
            # A whole is a level, not a change ("2 million mu more than last year").
            same_unit = [f for f in previous_facts if doc.numbers[f.number].unit == number.unit]
            whole = next((f for f in reversed(same_unit) if f.kind not in (
                "increase_by", "multiple")), same_unit[-1] if same_unit else previous)
            # A list item continues the last item of its own sort, a percentage or an amount
            # ("coal 1.8 million tons, an increase of 21%; cotton yarn 62,000 pieces").
            alike = [f for f in sentence_facts
                     if (doc.numbers[f.number].unit == "%") == (number.unit == "%")]
            prior = (alike or sentence_facts)[-1] if sentence_facts and reading.elided else \
                sentence_facts[-1] if sentence_facts else (
                (whole if continuation else previous) if (continuation or _actor_only(reading))
                and previous is not None and previous_paragraph == sentence.paragraph else None)
            indicator, kind, sign = reading.indicator, reading.kind, reading.sign
            inherits = prior is not None and (reading.elided or (
                not sentence_facts and kind in ("level", "increase_to") and _actor_only(reading)
                and doc.numbers[prior.number].unit == number.unit))
            if inherits:
                label = reading.label or reading.indicator
                shared = unlabelled.get(prior.number, prior.indicator)
                indicator = f"{shared} ({label})" if label and shared and label not in shared \
                    else shared or indicator
                unlabelled[i] = shared
                if kind in ("level", "increase_to") and prior.kind != "multiple":
                    kind, sign = prior.kind, prior.sign
                status = status or prior.status
            elif sentence_facts and (reading.needs_prior or _compared(reading)) or \
                    continuation and prior is not None and _verb_only(reading):
                measured = next((f for f in reversed(sentence_facts) if f.kind not in (
                    "plan_fulfilment_pct", "share")), prior)  # "108% of the plan, an
                # increase of 14.6%" is the output's rise, not the fulfilment's
                indicator = measured.indicator  # "an increase of 7.4%", "compared to the
                # 650,000", "Of this, 3 billion jin will come from the mountains"
            if continuation and kind == "level" and prior is not None:
                kind = "share"  # "Among them, urban savings were 1.23 billion yuan"
            if topic_phrase and (not indicator or set(indicator.lower().split())
                                 <= GENERIC_NOUNS | RISE_WORDS | FALL_WORDS):
                label = topic_phrase.group(1).strip()
                indicator = f"{label} ({indicator})" if indicator else label
            if not indicator:
                indicator = reader.nearest_noun_phrase(start, end)
            if status is None and continuation and previous is not None:
                status = previous.status
            resolved = _time_value(time, context) if time else None
            if resolved is None and (inherits or continuation and prior is not None) and \
                    prior.number not in change_starts:
                resolved = prior.time  # "Among them, Shandong accounted for 40 percent", but
                # not "from 12% last year to 20%"
            if resolved is None and topic is not None:
                resolved = str(topic)
            if time is not None and time.year is not None:
                carried = time.year
                if time in mentions and time.month is None and not reading.change_start:
                    year_named = time
            if status is None or reading.change_start:
                status = "planned" if _future(time, context) and not reading.change_start \
                    else "achieved"  # the start of a planned change already exists
            # The parse names what a bare count counts (people, households); an index
            # ("taking September as 100") is a percentage.
            number.unit = fact_unit(parsed, number, end, reading.counted, indicator, index_base)
            fact = FactReading(i, indicator or "", kind, sign, status, resolved,
                               time.text if time else None, number.comparator, number.high)
            sentence_facts.append(fact)
            out.append(fact)
            if reading.change_start:
                change_starts.add(i)
        _settle_respective(respective, sentence_facts)
        last_text = sentence.text
        if sentence_facts:
            previous, previous_paragraph = sentence_facts[-1], sentence.paragraph
            previous_facts = sentence_facts
        governing = own_period or governing
        month_named = _month_of_report(parsed, mentions) or month_named
    return out


def _paragraph_time(mentions: list[TimeMention], chain: list[Token], status: str | None,
                    context: DocContext,
                    candidates: tuple[TimeMention | None, ...]) -> TimeMention | None:
    """The time a fact without one of its own takes from its paragraph: the month of its
    report ("(... overfulfilled the plan in September.) Compared with August, steel increased
    by 19%"), else its report or plan period, else the year of its last timed fact ("The
    output value in 1957 reached ... Coal output was 1.8 million tons"). A sentence naming a
    time of its own speaks of that; one in the present ("The county has 45 communes") speaks
    of now, and a plan ("will not exceed") of now or later, never of a past period."""
    if any(not m.baseline for m in mentions):
        return None
    for mention in candidates:
        if mention is not None and not (
                context.year is not None and mention.year is not None
                and mention.year < context.year
                and (status == "planned" or _present_tense(chain))):
            return mention
    return None


def _month_of_report(parsed: Doc, mentions: list[TimeMention]) -> TimeMention | None:
    """The last month a sentence names as the period of its report ("overfulfilled the plan
    in September", "output for the whole month"): the paragraph's later sentences without a
    time of their own report on it. An event's month ("suffered a flood in June") does not."""
    for mention in reversed(mentions):
        if mention.month is None or mention.year is None or mention.baseline or \
                mention.span_start:
            continue
        span = parsed.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or re.match(r"(?:by|before|after|until|till|since|from|up\s+to|as\s+of)"
                                    r"\b", mention.text, re.IGNORECASE):
            continue  # "By July 15, we had transplanted": a milestone, not a period
        head = _mention_head(span.root)
        if head.dep_ in ("nsubj", "nsubjpass") or head.pos_ in ("VERB", "AUX") and (
                head.lemma_.lower() in REPORT_VERBS or head.lower_.startswith("overfulfil")):
            return mention
    return None


def _governing_time(parsed: Doc, mentions: list[TimeMention]) -> TimeMention | None:
    """A period or a point up to which the sentence's main verb reports ("By the end of May
    this year the balance had reached ...", "Sichuan will build ... during the Third
    Five-Year Plan") sets the period the paragraph reports on: its later sentences without
    a time of their own speak of it, as does a year that opens the sentence ("Last year, the
    commune harvested ..."). An event's time ("suffered a flood in June") does not."""
    found = None
    for mention in mentions:
        span = parsed.char_span(mention.start, mention.end, alignment_mode="expand")
        if mention.baseline or mention.span_start or mention.year is None or span is None:
            continue
        head = _mention_head(span.root)
        fronted = mention.month is None and head.i > span.root.i and not any(
            t.pos_ in ("VERB", "AUX", "NOUN", "PROPN") for t in parsed[:span.start])
        if not (fronted or PERIOD_LEAD_RE.match(mention.text)) or mention.month is not None \
                and not re.search(r"\bend\s+of\b", mention.text, re.IGNORECASE):
            continue  # "By July 15, we had transplanted" is a milestone, not a period
        if head.dep_ == "ROOT" and head.pos_ in ("VERB", "AUX"):
            found = mention
    return found


def _respective_groups(text: str, indices: list[int], starts: list[int],
                       numbers: list[Number]) -> dict[int, list[int]]:
    """"an increase of 35% and 12% respectively": each number of such a list, with the
    list's numbers in order."""
    groups: dict[int, list[int]] = {}
    run: list[int] = []
    for k, (i, start) in enumerate(zip(indices, starts)):
        if run:
            previous_end = starts[k - 1] + len(numbers[indices[k - 1]].text)
            if not re.fullmatch(r"\s*(?:,\s*(?:and\s+)?|and\s+)", text[previous_end:start]):
                run = []
        run.append(i)
        after = text[start + len(numbers[i].text):]
        if re.match(r"[^,;.\d]{0,40}?,?\s*respectively\b", after) and len(run) > 1:
            groups.update((j, list(run)) for j in run)
    return groups


def _settle_respective(groups: dict[int, list[int]], facts: list[FactReading]) -> None:
    """A "respectively" list's numbers share the kind that one of them states ("an increase
    of 35% and 12%", "fulfilling 55% and 52% of the annual plan"); the k-th measures what
    the k-th of the facts just before the list measures, when there are as many, else the
    k-th of the things its first number's indicator joins ("the output of steel and pig
    iron increased by 12% and 8%")."""
    for group in {tuple(g) for g in groups.values()}:
        members = [f for f in facts if f.number in group]
        if len(members) != len(group):
            continue
        stated = next((f for f in members if f.kind != "level"), members[0])
        earlier = [f for f in facts if f.number < group[0]]
        joined = re.match(r"(?P<head>.*?\bof\s+)?(?P<items>[^()]+)$", members[0].indicator)
        items = re.split(r",\s*(?:and\s+)?|\s+and\s+", joined.group("items")) if joined \
            else []
        for k, fact in enumerate(members):
            fact.kind, fact.sign = stated.kind, stated.sign
            if len(earlier) >= len(group):
                fact.indicator = earlier[len(earlier) - len(group) + k].indicator + (
                    " plan fulfilment" if stated.kind == "plan_fulfilment_pct" else "")
            elif len(items) == len(group):
                fact.indicator = (joined.group("head") or "") + items[k]


def _compared(reading: _Reading) -> bool:
    """The number is the baseline of a comparison ("compared to the 650,000")."""
    return any(t.lemma_.lower() == "compare" or t.lower_ == "than" for t in reading.chain[1:4])


def _present_tense(chain: list[Token]) -> bool:
    """The verb that governs the number is in the present tense ("has", "are")."""
    verb = next((t for t in chain if t.pos_ in ("VERB", "AUX")), None)
    return verb is not None and verb.tag_ in ("VBZ", "VBP") and not any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP", "MD") for c in verb.children)


def _verb_only(reading: _Reading) -> bool:
    """The reading fell back on the bare verb ("come"): it names no indicator."""
    return bool(reading.indicator) and any(
        t.pos_ == "VERB" and t.lemma_.lower() == reading.indicator for t in reading.chain)


def _actor_only(reading: _Reading) -> bool:
    """The number's own reading names only who (a sector, a ministry), not what."""
    if reading.counted is not None:
        return False
    if not reading.indicator:
        return True
    head = re.split(r"\s+(?:of|in|for|under)\s+", reading.indicator)[0].split()
    return bool(head) and head[-1].lower() in ACTOR_HEADS - {"people", "workers",
                                                               "employees", "staff"}


def _future(time: TimeMention | None, context: DocContext) -> bool:
    """A deadline after the article's date: a plan ("by 1957")."""
    return bool(time and time.deadline and time.year and context.year
                and time.year > context.year)
