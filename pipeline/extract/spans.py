"""Sentence-relative spans to source offsets.

A sentence may run over wrapped lines, so its text is not one slice of the source: the
paragraph keeps a per-character offset map, and the sentence is found inside it.
"""
from __future__ import annotations

from pipeline.record import Document, Sentence


class SourceMap:
    """Maps ``(start, end)`` inside a sentence's text to offsets into ``Document.text``."""

    def __init__(self, doc: Document, lang: str) -> None:
        self.paragraphs = doc.paragraphs.get(lang, [])
        self._positions: dict[int, int | None] = {}

    def span(self, sentence: Sentence, start: int, end: int) -> tuple[int, int]:
        position = self._position(sentence)
        if position is None:  # no paragraph map: trust the sentence's own offsets
            return sentence.start + start, sentence.start + end
        return self.paragraphs[sentence.paragraph].source_span(position + start, position + end)

    def relative(self, sentence: Sentence, offset: int) -> int:
        """The inverse of ``span``: a source offset to an index into the sentence text."""
        position = self._position(sentence)
        if position is None:
            return offset - sentence.start
        offsets = self.paragraphs[sentence.paragraph].offsets
        return offsets.index(offset, position) - position

    def _position(self, sentence: Sentence) -> int | None:
        """Where the sentence starts in its paragraph's text (the occurrence at its offset)."""
        if sentence.index not in self._positions:
            self._positions[sentence.index] = self._find(sentence)
        return self._positions[sentence.index]

    def _find(self, sentence: Sentence) -> int | None:
        if not 0 <= sentence.paragraph < len(self.paragraphs):
            return None
        paragraph = self.paragraphs[sentence.paragraph]
        position = paragraph.text.find(sentence.text)
        first = position
        while position >= 0:
            if paragraph.offsets[position] == sentence.start:
                return position
            position = paragraph.text.find(sentence.text, position + 1)
        return first if first >= 0 else None
