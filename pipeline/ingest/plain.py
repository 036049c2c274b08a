"""Plain text pairs: one paragraph per line, or one sentence per line when presplit.

A pair is two files, so the Document text is the two files joined by a newline; each
side's file, language and start offset are kept in ``meta.sources``.
"""
from __future__ import annotations

import re

from pipeline.ingest.lines import paragraph_from, split_lines
from pipeline.record import EN, ZH, Document, Metadata

CJK_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
LATIN_RE = re.compile(r"[A-Za-z]")


def detect_language(text: str) -> str:
    """``zh`` when CJK characters outnumber a third of the Latin letters, else ``en``.

    Chinese text is dense (one character a word), English sparse; a third keeps Chinese
    with embedded English names as Chinese.
    """
    cjk, latin = len(CJK_RE.findall(text)), len(LATIN_RE.findall(text))
    return ZH if cjk * 3 >= latin and cjk else EN


def parse_pair(src_text: str, tgt_text: str, doc_id: str, src_name: str, tgt_name: str,
               src_lang: str | None = None, tgt_lang: str | None = None,
               presplit: bool = False) -> Document:
    """Each non-blank line is a paragraph; with ``presplit`` every line, blank or not, is
    one sentence, so that sentence ids are the 0-based line numbers."""
    src_lang = src_lang or detect_language(src_text)
    tgt_lang = tgt_lang or detect_language(tgt_text)
    text = f"{src_text}\n{tgt_text}"
    tgt_start = len(src_text) + 1
    meta = Metadata(sources=[(src_name, src_lang, 0), (tgt_name, tgt_lang, tgt_start)])
    doc = Document(doc_id=doc_id, text=text, format="plain", src_lang=src_lang,
                   tgt_lang=tgt_lang, meta=meta)
    for lang, start, end in ((src_lang, 0, len(src_text)), (tgt_lang, tgt_start, len(text))):
        lines = split_lines(text, start, end)
        if lines and not lines[-1].text:
            lines.pop()  # the final newline ends the last line; it opens no new one
        if not presplit:
            lines = [ln for ln in lines if not ln.blank]
        kind = "sentence" if presplit else "body"
        doc.paragraphs[lang] = [paragraph_from(lang, ln.text, ln.start, i, kind)
                                for i, ln in enumerate(lines)]
    return doc
