"""Ingest: bytes on disk to a ``Document`` with metadata and per-language paragraphs.

The only stage besides ``write`` that touches files. The format is recognised from the
text: a People's Daily article (``Title:`` header, optional ``<hr />`` + ``Original:``
Chinese block), an English-only meeting record (labelled sections), or a plain zh/en pair.
"""
from __future__ import annotations

import os
import stat
from pathlib import Path

from pipeline.errors import InputError, Warnings
from pipeline.ingest.decode import Decoded, decode_bytes
from pipeline.ingest.meeting import looks_like_meeting, parse_meeting
from pipeline.ingest.plain import detect_language, parse_pair
from pipeline.ingest.rmrb import looks_like_article, parse_article
from pipeline.record import Document, Issue

__all__ = ["detect_format", "detect_language", "parse_text", "read_document", "read_pair",
           "read_text"]


def detect_format(text: str) -> str:
    if looks_like_article(text):
        return "rmrb"
    if looks_like_meeting(text):
        return "meeting"
    return "unknown"


def parse_text(text: str, doc_id: str) -> Document:
    """Parse one decoded file: an article or a meeting record."""
    fmt = detect_format(text)
    if fmt == "rmrb":
        return parse_article(text, doc_id)
    if fmt == "meeting":
        return parse_meeting(text, doc_id)
    raise InputError("E006", path=doc_id)


def read_text(path: Path, doc_id: str) -> Decoded:
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):  # reading a FIFO would block
            raise InputError("E020", path=doc_id, detail="not a regular file")
        data = path.read_bytes()
    except OSError as exc:
        raise InputError("E020", path=doc_id, detail=exc.strerror or str(exc)) from exc
    return decode_bytes(data, doc_id)


def read_document(path: Path, root: Path) -> Document:
    doc_id = path.relative_to(root).as_posix()
    decoded = read_text(path, doc_id)
    return _note_encoding(parse_text(decoded.text, doc_id), [decoded])


def read_pair(src: Path, tgt: Path, doc_id: str, src_lang: str | None = None,
              tgt_lang: str | None = None, presplit: bool = False) -> Document:
    sides = [read_text(src, f"{doc_id} ({src.name})"), read_text(tgt, f"{doc_id} ({tgt.name})")]
    doc = parse_pair(sides[0].text, sides[1].text, doc_id, src.name, tgt.name, src_lang,
                     tgt_lang, presplit)
    return _note_encoding(doc, sides)


def _note_encoding(doc: Document, sides: list[Decoded]) -> Document:
    """Big5 is rare in the corpus and worth a look: say when a file was read as Big5."""
    if any(side.encoding == "big5hkscs" for side in sides):
        doc.issues.append(Issue("W022", Warnings.W022))
    return doc
