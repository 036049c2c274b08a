"""Bytes to text: the only place that guesses encodings.

UTF-8 first (with or without BOM), then UTF-16 when a BOM says so, then GB18030 — the
superset of GBK/GB2312 that older Chinese files use. Newlines are normalised to ``\\n`` so
that every offset in a Document is an index into one canonical string.
"""
from __future__ import annotations

import codecs

from pipeline.errors import InputError

_BINARY_CONTROL = set(range(0, 9)) | {11, 12} | set(range(14, 32))
_MAX_CONTROL_SHARE = 0.01  # text files in the corpus have none; 1% tolerates a stray byte


def decode_bytes(data: bytes, path: str) -> str:
    """Decode a corpus file, or raise ``InputError`` naming the file and the reason."""
    if not data.strip():
        raise InputError("E001", path=path)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return _normalise(data.decode("utf-16"))
        except UnicodeDecodeError as exc:
            raise InputError("E003", path=path, detail=str(exc)) from exc
    if b"\x00" in data:
        raise InputError("E002", path=path, detail="contains NUL bytes")
    errors = []
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError as exc:
            errors.append(f"{encoding}: {exc.reason} at byte {exc.start}")
    else:
        raise InputError("E003", path=path, detail="; ".join(errors))
    controls = sum(1 for ch in text if ord(ch) in _BINARY_CONTROL)
    if controls > max(1, _MAX_CONTROL_SHARE * len(text)):
        raise InputError("E002", path=path, detail=f"{controls} control characters")
    return _normalise(text)


def _normalise(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")
