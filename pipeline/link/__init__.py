"""Link: the cross-language stage, after alignment.

Inside each bead it pairs the numbers (``numbers``), the names (``entities``) and the
facts (``facts``) that each language's extract stage found on its own, and flags what
disagrees. It is the one stage that needs both the alignment and the monolingual readings.
"""
from __future__ import annotations

from pipeline.link.entities import corpus_glossary, pair_entities
from pipeline.link.facts import link_facts
from pipeline.link.numbers import match_numbers
from pipeline.record import Document
from pipeline.settings import Settings

__all__ = ["corpus_glossary", "link"]


def link(doc: Document, settings: Settings = Settings(), encoder=None) -> Document:
    """``encoder`` is the aligner's (one loaded model serves both stages); without one,
    entity pairs go without the cosine evidence."""
    if doc.beads and doc.bilingual:
        if doc.numbers:
            doc.stats["numbers"] = match_numbers(doc, settings.link)
        if doc.entities:
            doc.entity_pairs = pair_entities(doc, settings.link, settings.extract.glossary,
                                             encoder)
    if settings.link.facts and doc.targets:  # one language alone: every mention is a fact
        doc.facts = link_facts(doc, settings.link.settle)
    return doc
