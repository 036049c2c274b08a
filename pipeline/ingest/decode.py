"""Bytes to text: the only place that guesses encodings.

UTF-8 first (with or without BOM), then UTF-16 when a BOM says so. Anything else is a legacy
Chinese encoding: GB18030 (the superset of GBK/GB2312) or Big5 (traditional characters,
HKSCS included). Both decode most byte strings without an error, so the choice is made by
charset-normalizer's measure of how much the decoded text looks like text (its "chaos"): a
decoding full of private-use or implausible characters, which is what Big5 read as GB18030
gives, loses to the right one, and a file no reading makes plausible is refused rather than
turned into garbage sentences. A few private-use characters (an OCR font's rare
characters) pass. Newlines are normalised to ``\\n`` so that every offset in a
Document is an index into one canonical string.
"""
from __future__ import annotations

import codecs
from dataclasses import dataclass

from pipeline.errors import InputError

_BINARY_CONTROL = set(range(0, 9)) | {11, 12} | set(range(14, 32))
_MAX_CONTROL_SHARE = 0.01  # text files in the corpus have none; 1% tolerates a stray byte
LEGACY_ENCODINGS = ("gb18030", "big5hkscs")


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str  # utf-8 | utf-16 | gb18030 | big5hkscs


def decode_bytes(data: bytes, path: str) -> Decoded:
    """Decode a corpus file, or raise ``InputError`` naming the file and the reason."""
    if not data.strip():
        raise InputError("E001", path=path)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return Decoded(_normalise(data.decode("utf-16")), "utf-16")
        except UnicodeDecodeError as exc:
            raise InputError("E003", path=path, detail=str(exc)) from exc
    if b"\x00" in data:
        raise InputError("E002", path=path, detail="contains NUL bytes")
    try:
        decoded = Decoded(data.decode("utf-8-sig"), "utf-8")
    except UnicodeDecodeError as exc:
        decoded = _legacy(data, path, f"utf-8: {exc.reason} at byte {exc.start}")
    controls = sum(1 for ch in decoded.text if ord(ch) in _BINARY_CONTROL)
    if controls > max(1, _MAX_CONTROL_SHARE * len(decoded.text)):
        raise InputError("E002", path=path, detail=f"{controls} control characters")
    return Decoded(_normalise(decoded.text), decoded.encoding)


def _legacy(data: bytes, path: str, utf8_error: str) -> Decoded:
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=list(LEGACY_ENCODINGS)).best()
    if best is None:
        raise InputError("E003", path=path, detail=f"{utf8_error}; no GB18030 or Big5 "
                                                   "reading looks like text")
    encoding = "big5hkscs" if best.encoding.startswith(("big5", "cp950")) else "gb18030"
    return Decoded(str(best), encoding)


def _normalise(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")
