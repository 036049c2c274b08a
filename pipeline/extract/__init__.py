"""Extract: what each language says on its own, before alignment.

Numbers (``numbers_zh``, ``numbers_en``), entities (``entities``) and numeric facts
(``targets``, read by ``context_zh`` and ``context_en``) of every sentence. Nothing here
looks at the other language: the aligner reads the numbers as evidence, and the link stage
(``pipeline.link``) pairs numbers, names and facts across languages inside beads. Models
load lazily, once per process (``models``).
"""
from __future__ import annotations

from pipeline.extract.entities import find_entities
from pipeline.extract.models import SentenceParses
from pipeline.extract.numbers import find_numbers
from pipeline.extract.targets import find_targets
from pipeline.record import Document
from pipeline.settings import ExtractSettings

__all__ = ["extract"]


def extract(doc: Document, settings: ExtractSettings = ExtractSettings()) -> Document:
    parses = SentenceParses(doc, settings)
    if settings.numbers:
        doc.numbers = find_numbers(doc)
    if settings.entities:
        doc.entities = find_entities(doc, parses)
    if settings.targets and settings.numbers:
        doc.targets = find_targets(doc, parses)
    return doc
