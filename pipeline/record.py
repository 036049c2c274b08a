"""The one document record that flows through every stage.

Stages are plain functions ``Document -> Document`` (see ``pipeline.stages``). Ingest fills
the metadata and paragraphs, segment the sentences, align the beads, extract the entities,
numbers and targets, and write turns the record into JSON and TMX. Offsets always point into
``Document.text``, the decoded source file, so every span can be shown in context.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

ZH = "zh"
EN = "en"


@dataclass(slots=True)
class Paragraph:
    """A paragraph of one language, with a map from its characters to source offsets.

    Wrapped lines are joined, so the paragraph text is not one contiguous slice of the
    source: ``offsets[i]`` is the source offset of ``text[i]``.
    """

    lang: str
    index: int
    text: str
    offsets: list[int]
    kind: str = "body"  # body | headline | subheading | sentence (presplit: never split)

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Source offsets of ``text[start:end]`` (end exclusive)."""
        if end <= start:
            return self.offsets[start] if start < len(self.offsets) else 0, 0
        return self.offsets[start], self.offsets[end - 1] + 1


@dataclass(slots=True)
class Sentence:
    """One sentence, with its paragraph and its character span in the source file."""

    lang: str
    index: int
    text: str
    paragraph: int
    start: int
    end: int
    kind: str = "body"  # body | headline | subheading | sentence
    words: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Bead:
    """An alignment unit: source sentence ids, target sentence ids, a confidence in [0, 1].

    In a bilingual document the source is Chinese and the target English. Either side may
    be empty (an unaligned sentence).
    """

    src: list[int]
    tgt: list[int]
    score: float
    flags: list[str] = field(default_factory=list)
    reviewed: bool = False

    @property
    def shape(self) -> str:
        return f"{len(self.src)}-{len(self.tgt)}"


@dataclass(slots=True)
class Entity:
    lang: str
    text: str
    label: str
    sentence: int
    start: int
    end: int


@dataclass(slots=True)
class EntityPair:
    zh: str
    en: str
    label: str
    confidence: float
    count: int = 1


@dataclass(slots=True)
class Number:
    """A quantity mentioned in one language, normalised to a value."""

    lang: str
    text: str
    value: float
    unit: str | None
    sentence: int
    start: int
    end: int
    high: float | None = None  # upper end of a range (八、九亩 -> 8..9)
    comparator: str | None = None  # more_than | about | at_least | nearly | less_than
    kind: str = "level"  # level | multiple | percent | increase_by | ...
    bead: int | None = None
    match: int | None = None  # index into Document.numbers of the matched number


@dataclass(slots=True)
class Target:
    """One language's mention of a numeric fact: what, how much, when, and whether planned.

    Follows ``shared/eval/targets/GUIDELINE.md``: ``value`` has multipliers applied and is
    negative for a fall; ``high`` is the upper end of a range; ``time`` is resolved to
    ``YYYY`` or ``YYYY-MM`` (``time_text`` is the phrase as written, when there is one).
    """

    lang: str
    indicator: str
    value: float
    unit: str | None
    kind: str  # level | increase_to | increase_by | plan_fulfilment_pct | share | multiple
    comparator: str | None  # more_than | less_than | about | at_least, None for none
    time: str | None  # YYYY or YYYY-MM
    status: str  # planned | forecast | achieved
    text: str
    sentence: int
    start: int
    end: int
    number: int | None = None  # index into Document.numbers of the quantity it states
    high: float | None = None
    time_text: str | None = None
    fact: str | None = None  # Fact.id shared with the other language's mention


@dataclass(slots=True)
class Fact:
    """One numeric fact with both languages side by side: the link of a Chinese and an
    English ``Target`` stating the same quantity inside one bead (or one side alone).

    Fields are the agreed reading; where the two sides disagreed, ``flags`` names the field
    (``value_mismatch`` …) and ``decided`` says which language's reading was kept and why
    (``status:en``: the English "planned" settled an unclear Chinese clause).
    """

    id: str
    bead: int | None
    value: float
    high: float | None
    unit: str | None
    kind: str
    comparator: str | None
    status: str
    time: str | None
    indicator_zh: str | None
    indicator_en: str | None
    zh: int | None  # index into Document.targets
    en: int | None
    flags: list[str] = field(default_factory=list)
    decided: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Speech:
    speaker: str
    title: str
    date: str | None


@dataclass(slots=True)
class MeetingRecord:
    """The structured sections of an English-only meeting record."""

    dates: str | None = None
    type: str | None = None
    agenda: str | None = None
    speeches: list[Speech] = field(default_factory=list)
    decisions: list[str] = field(default_factory=list)
    remarks: list[str] = field(default_factory=list)
    source: str | None = None


@dataclass(slots=True)
class Metadata:
    title_en: str | None = None
    title_zh: str | None = None
    date: str | None = None  # ISO 8601
    page: str | None = None
    edition: str | None = None
    author_en: str | None = None
    author_zh: str | None = None
    column_en: str | None = None
    column_zh: str | None = None
    named_entities: list[tuple[str, str]] = field(default_factory=list)
    meeting: MeetingRecord | None = None
    # (file name, language, start offset in Document.text): one entry for a plain pair side
    sources: list[tuple[str, str, int]] = field(default_factory=list)


@dataclass(slots=True)
class Issue:
    """A warning or failure attached to a document, with a stable code from ``errors``."""

    code: str
    message: str
    severity: str = "warning"  # warning | error


@dataclass(slots=True)
class Document:
    doc_id: str  # path relative to the corpus root, with '/' separators
    text: str  # the decoded source file; every offset points here
    format: str  # rmrb | meeting | plain
    src_lang: str = ZH
    tgt_lang: str = EN
    meta: Metadata = field(default_factory=Metadata)
    paragraphs: dict[str, list[Paragraph]] = field(default_factory=dict)
    sentences: dict[str, list[Sentence]] = field(default_factory=dict)
    beads: list[Bead] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    entity_pairs: list[EntityPair] = field(default_factory=list)
    numbers: list[Number] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    stats: dict[str, Any] = field(default_factory=dict)

    @property
    def bilingual(self) -> bool:
        return bool(self.sentences.get(self.src_lang)) and bool(self.sentences.get(self.tgt_lang))

    def side(self, lang: str) -> list[Sentence]:
        return self.sentences.get(lang, [])

    def joined(self, lang: str, ids: list[int]) -> str:
        """Text of several sentences: Chinese joins without spaces, other languages with one."""
        sep = "" if lang == ZH else " "
        sents = self.side(lang)
        return sep.join(sents[i].text for i in ids)
