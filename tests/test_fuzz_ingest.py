"""Hostile input never stops a batch: ingest returns a Document or raises DuiqiError.

Hypothesis feeds ingest random bytes, truncated and re-encoded articles, mixed encodings,
stray ``<hr />`` and ``Original:`` lines and very long lines. Any other exception is a bug.
"""
from __future__ import annotations

import codecs

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.errors import DuiqiError
from pipeline.ingest import decode_bytes, parse_text
from pipeline.ingest.plain import parse_pair
from pipeline.record import Document

from conftest import SAMPLE_CORPUS

FUZZ = settings(max_examples=150, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

ARTICLE = sorted((SAMPLE_CORPUS / "rmrb").rglob("*.md"))[0].read_text("utf-8")
MEETING = sorted((SAMPLE_CORPUS / "records").glob("*.txt"))[0].read_text("utf-8")
LINE_POOL = [
    "Title: A headline", "Author: ", "Date: 1955-13-45", "Date: 19550101", "Page: 1",
    "Edition: ", "Column: Notes", "<hr />", "<HR/>", "Original:", "Original: ", "###",
    "### 标题  副标题", "**Named Entities**", "中国\tChina", "\t",
    "\u3000\u3000第一段。",
    "            小标题", "    Indented English.", "第1版（）", "专栏：", "1955-12-31",
    "Dates of Meeting:", "Agenda:", "Speeches:", "Remarks:", "1. item", "- bullet", "",
    "\x0b\x0c", "\ufeff", "\ud800", "一九五○年产量为一○六·二九万吨。",
]
ENCODINGS = ["utf-8", "utf-8-sig", "gb18030", "utf-16", "utf-16-le", "latin-1"]


def ingest(data: bytes) -> Document | None:
    """What a batch does with one file's bytes; None when it is rejected with a DuiqiError."""
    try:
        return parse_text(decode_bytes(data, "fuzz.md").text, "fuzz.md")
    except DuiqiError:
        return None


def assert_consistent(doc: Document) -> None:
    """Every paragraph character maps back to the same character of the source text,
    except the single spaces that join wrapped English lines."""
    for paragraphs in doc.paragraphs.values():
        for para in paragraphs:
            assert len(para.offsets) == len(para.text)
            for char, offset in zip(para.text, para.offsets):
                assert 0 <= offset < len(doc.text)
                assert char == doc.text[offset] or char == " "


def encode(text: str, encoding: str) -> bytes:
    return text.encode(encoding, errors="replace") if encoding != "utf-16-le" else \
        codecs.BOM_UTF16_LE + text.encode("utf-16-le", errors="surrogatepass")


@FUZZ
@given(st.binary(max_size=4000))
def test_random_bytes(data):
    doc = ingest(data)
    if doc is not None:
        assert_consistent(doc)


@FUZZ
@given(base=st.sampled_from([ARTICLE, MEETING]), cut=st.floats(0, 1),
       encoding=st.sampled_from(ENCODINGS))
def test_truncated_and_reencoded(base, cut, encoding):
    text = base[: int(len(base) * cut)]
    doc = ingest(encode(text, encoding))
    if doc is not None:
        assert_consistent(doc)


@FUZZ
@given(base=st.sampled_from([ARTICLE, MEETING]),
       inserts=st.lists(st.tuples(st.floats(0, 1), st.sampled_from(LINE_POOL)), max_size=8),
       long_line=st.integers(0, 200_000))
def test_stray_lines_and_long_lines(base, inserts, long_line):
    lines = base.split("\n")
    for where, line in inserts:
        lines.insert(int(len(lines) * where), line)
    if long_line:
        lines.insert(len(lines) // 2, "农业生产合作社 " * (long_line // 8))
    doc = ingest("\n".join(lines).encode("utf-8", errors="surrogatepass"))
    if doc is not None:
        assert_consistent(doc)


@FUZZ
@given(parts=st.lists(st.tuples(st.sampled_from(LINE_POOL + [ARTICLE[:400], MEETING[:400]]),
                                st.sampled_from(ENCODINGS)), min_size=1, max_size=12))
def test_mixed_encodings(parts):
    """Pieces of one file saved in different encodings, as when files were concatenated."""
    data = b"\n".join(encode(text, encoding) for text, encoding in parts)
    doc = ingest(data)
    if doc is not None:
        assert_consistent(doc)


@FUZZ
@given(zh=st.text(max_size=300), en=st.text(max_size=300), presplit=st.booleans())
def test_plain_pairs(zh, en, presplit):
    doc = parse_pair(zh, en, "pair", "pair.zh.txt", "pair.en.txt", presplit=presplit)
    assert_consistent(doc)


@pytest.mark.parametrize("data", [b"", b"   \n\n", b"\x00\x01\x02" * 50, b"\xff\xfe\x00\xd8",
                                  "Title: x\n<hr />\n".encode(), "Original:\n".encode()])
def test_known_hostile_files_raise_duiqi_errors(data):
    assert ingest(data) is None
