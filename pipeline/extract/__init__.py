"""Extract: entities, numbers and numeric targets, paired across languages inside beads.

``extract`` is the stage function the pipeline calls; each concern lives in its own module
(``numbers_zh``, ``numbers_en``, ``entities``, ``targets``, ``crosslingual``), and models
load lazily, once per process (``models``).
"""
from __future__ import annotations

from pipeline.extract.crosslingual import corpus_glossary, match_numbers, pair_entities
from pipeline.extract.entities import find_entities
from pipeline.extract.models import SentenceParses
from pipeline.extract.numbers import find_numbers
from pipeline.extract.targets import find_targets
from pipeline.record import Document
from pipeline.settings import ExtractSettings

__all__ = ["corpus_glossary", "extract"]


def extract(doc: Document, settings: ExtractSettings = ExtractSettings()) -> Document:
    parses = SentenceParses(doc, settings)
    if settings.numbers:
        doc.numbers = find_numbers(doc)
    if settings.entities:
        doc.entities = find_entities(doc, parses)
    if settings.targets and settings.numbers:
        doc.targets = find_targets(doc, parses)
    if doc.beads and doc.bilingual:
        if settings.numbers:
            doc.stats["numbers"] = match_numbers(doc, settings)
        if settings.entities:
            doc.entity_pairs = pair_entities(doc, settings)
    return doc
