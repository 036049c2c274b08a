"""Building paragraphs out of source lines while keeping a per-character offset map."""
from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.record import Paragraph

IDEOGRAPHIC_SPACE = "\u3000"


@dataclass(slots=True)
class Line:
    """One source line: its text without the newline, and where it starts in the file."""

    text: str
    start: int

    @property
    def stripped(self) -> str:
        return self.text.strip(" \t\u3000\xa0")

    @property
    def blank(self) -> bool:
        return not self.stripped

    @property
    def indent(self) -> str:
        return self.text[: len(self.text) - len(self.text.lstrip(" \t\u3000\xa0"))]


def split_lines(text: str, start: int = 0, end: int | None = None) -> list[Line]:
    """The lines of ``text[start:end]``, each with its absolute start offset."""
    end = len(text) if end is None else end
    lines, pos = [], start
    for raw in text[start:end].split("\n"):
        lines.append(Line(raw, pos))
        pos += len(raw) + 1
    return lines


class ParagraphBuilder:
    """Accumulates pieces of text with their source offsets into one ``Paragraph``.

    ``joiner`` goes between wrapped lines: nothing for Chinese, a space for English (its
    offset is that of the line break it replaces).
    """

    def __init__(self, lang: str, joiner: str) -> None:
        self.lang, self.joiner = lang, joiner
        self.chars: list[str] = []
        self.offsets: list[int] = []

    def add(self, text: str, start: int) -> None:
        """Append ``text`` found at source offset ``start``, trimming surrounding space."""
        left = len(text) - len(text.lstrip(" \t\u3000\xa0"))
        body = text.strip(" \t\u3000\xa0")
        if not body:
            return
        if self.chars and self.joiner:
            self.chars.append(self.joiner)
            self.offsets.append(self.offsets[-1] + 1)
        self.chars.extend(body)
        self.offsets.extend(range(start + left, start + left + len(body)))

    @property
    def empty(self) -> bool:
        return not self.chars

    def build(self, index: int, kind: str = "body") -> Paragraph:
        return Paragraph(self.lang, index, "".join(self.chars), list(self.offsets), kind)


def paragraph_from(lang: str, text: str, start: int, index: int, kind: str = "body") -> Paragraph:
    builder = ParagraphBuilder(lang, "")
    builder.add(text, start)
    return builder.build(index, kind)


def normalise_title(text: str) -> str:
    """A comparison key for headlines: no spaces, no punctuation, lower case."""
    return re.sub(r"[\s\u3000\W_]+", "", text).lower()
