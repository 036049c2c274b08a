"""People's Daily articles: English header and body, ``<hr />``, ``Original:``, Chinese.

Every variation listed in ``../shared/README.md`` is handled here: header fields with blank
lines, ``Column:``/``Edition:``, a ``**Named Entities**`` block, 1–3 headlines joined by two
spaces, indents of four spaces or U+3000 U+3000 (twelve spaces for sub-headings), lines
wrapped mid-sentence, paragraphs fused by U+3000, and a headline fused with the first
sentence.
"""
from __future__ import annotations

import re

from pipeline.errors import InputError, Warnings
from pipeline.ingest.lines import Line, ParagraphBuilder, normalise_title, split_lines
from pipeline.record import EN, ZH, Document, Issue, Metadata, Paragraph

HEADER_RE = re.compile(r"^(Title|Author|Date|Page|Edition|Column):[ \t]*(.*?)\s*$")
HR_RE = re.compile(r"^\s*<hr\s*/?>\s*$", re.IGNORECASE)
ORIGINAL_RE = re.compile(r"^\s*Original:\s*$")
NAMED_ENTITIES_RE = re.compile(r"^\s*\*\*Named Entities\*\*\s*$")
ISO_DATE_RE = re.compile(r"^(\d{4})[-./](\d{1,2})[-./](\d{1,2})$")
ZH_PAGE_RE = re.compile(r"^第\s*(\S+?)\s*版\s*[（(](.*)[)）]\s*$")
ZH_COLUMN_RE = re.compile(r"^专栏[：:]\s*(.*)$")
# A new Chinese paragraph starts at an indent of 4+ spaces, a tab or an ideographic space;
# shallower indents are wrapped continuation lines. Eight or more spaces mark a sub-heading.
SUBHEADING_INDENT = 8
# Two paragraphs fused on one line: a run of U+3000 after sentence-final punctuation, or two.
FUSED_RE = re.compile(r"(?<=[。！？；”’」』）])\u3000+|\u3000{2,}")


def looks_like_article(text: str) -> bool:
    head = [ln for ln in text.split("\n", 40)[:40] if ln.strip()]
    return bool(head) and head[0].startswith("Title:") or any(ORIGINAL_RE.match(ln) for ln in head)


def parse_article(text: str, doc_id: str) -> Document:
    lines = split_lines(text)
    meta = Metadata()
    issues: list[Issue] = []
    body_start = _parse_header(lines, meta, issues, doc_id)
    hr = next((i for i in range(body_start, len(lines)) if HR_RE.match(lines[i].text)), None)
    original = next((i for i in range(body_start if hr is None else hr, len(lines))
                     if ORIGINAL_RE.match(lines[i].text)), None)
    if hr is not None and original is None:
        raise InputError("E004", path=doc_id)
    english_end = min(i for i in (hr, original, len(lines)) if i is not None)
    english_lines = _take_named_entities(lines[body_start:english_end], meta)
    doc = Document(doc_id=doc_id, text=text, format="rmrb", meta=meta, issues=issues)
    doc.paragraphs[EN] = _english_paragraphs(english_lines, meta, text)
    if original is None:
        doc.issues.append(Issue("W001", Warnings.W001))
        return doc
    doc.paragraphs[ZH] = _chinese_block(lines[original + 1:_chinese_end(lines, original, doc)],
                                        meta)
    if not doc.paragraphs[ZH]:
        raise InputError("E005", path=doc_id)
    if not doc.paragraphs[EN]:
        doc.issues.append(Issue("W004", Warnings.W004))
    return doc


def _chinese_end(lines: list[Line], original: int, doc: Document) -> int:
    """Where the Chinese text ends: at a second ``Original:`` (a file pasted twice), and at
    the ``<hr />`` before it, which would otherwise become Chinese sentences."""
    second = next((i for i in range(original + 1, len(lines))
                   if ORIGINAL_RE.match(lines[i].text)), None)
    if second is None:
        return len(lines)
    doc.issues.append(Issue("W023", Warnings.W023.format(line=second + 1)))
    rule = next((i for i in range(second - 1, original, -1) if HR_RE.match(lines[i].text)),
                None)
    return second if rule is None else rule


def _parse_header(lines: list[Line], meta: Metadata, issues: list[Issue], doc_id: str) -> int:
    """Read ``Field: value`` lines (blank lines allowed between them); return the body start."""
    i, last_field = 0, None
    while i < len(lines):
        line = lines[i]
        match = HEADER_RE.match(line.text)
        if match:
            last_field = i
            _set_header_field(meta, match.group(1), match.group(2), issues)
        elif not line.blank:
            break
        i += 1
    if last_field is None:
        raise InputError("E006", path=doc_id)
    return last_field + 1


def _set_header_field(meta: Metadata, name: str, value: str, issues: list[Issue]) -> None:
    value = value.strip() or None
    if name == "Title":
        meta.title_en = value
    elif name == "Author":
        meta.author_en = value
    elif name == "Page":
        meta.page = value
    elif name == "Edition":
        meta.edition = value
    elif name == "Column":
        meta.column_en = value
    elif name == "Date" and value:
        iso = _iso_date(value)
        if iso is None:
            issues.append(Issue("W002", Warnings.W002.format(value=value)))
        meta.date = iso or value


def _iso_date(value: str) -> str | None:
    match = ISO_DATE_RE.match(value.strip())
    if not match:
        return None
    year, month, day = (int(g) for g in match.groups())
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _take_named_entities(lines: list[Line], meta: Metadata) -> list[Line]:
    """Move a ``**Named Entities**`` block (zh TAB en lines) into the metadata."""
    start = next((i for i, ln in enumerate(lines) if NAMED_ENTITIES_RE.match(ln.text)), None)
    if start is None:
        return lines
    end = start + 1
    while end < len(lines) and (lines[end].blank or "\t" in lines[end].text):
        if "\t" in lines[end].text:
            zh, _, en = lines[end].text.strip().partition("\t")
            meta.named_entities.append((zh.strip(), en.strip()))
        end += 1
    return lines[:start] + lines[end:]


def _english_paragraphs(lines: list[Line], meta: Metadata, text: str) -> list[Paragraph]:
    """Paragraphs split by blank lines or by indented lines; unindented lines continue.

    A first paragraph that is the title (or its first line) is the headline. When the body
    does not open with the title, the header title becomes the English headline segment so
    that it can align with the Chinese headlines.
    """
    paragraphs: list[Paragraph] = []
    builder = ParagraphBuilder(EN, " ")

    def close() -> None:
        nonlocal builder
        if not builder.empty:
            paragraphs.append(builder.build(len(paragraphs)))
        builder = ParagraphBuilder(EN, " ")

    for line in lines:
        if line.blank:
            close()
            continue
        if line.indent:
            close()
        builder.add(line.text, line.start)
    close()
    title_key = normalise_title(meta.title_en or "")
    first_key = normalise_title(paragraphs[0].text) if paragraphs else ""
    if title_key and first_key and first_key in title_key:  # the title, or its first line
        paragraphs[0].kind = "headline"
    elif title_key and meta.title_en:
        paragraphs.insert(0, _title_paragraph(meta.title_en, text))
    return _renumber(paragraphs)


def _title_paragraph(title: str, text: str) -> Paragraph:
    # The header is at the top of the file, so the first occurrence is the header's title
    # (not always on line one: blank lines may come first, and a later Title: line wins).
    start = text.find(title)
    return Paragraph(EN, 0, title, list(range(start, start + len(title))), "headline")


def _chinese_block(lines: list[Line], meta: Metadata) -> list[Paragraph]:
    i = 0
    while i < len(lines) and lines[i].blank:
        i += 1
    headlines: list[str] = []
    if i < len(lines) and lines[i].text.startswith("###"):
        raw = lines[i].text.lstrip("#").strip()
        headlines = [h for h in re.split(r"\s{2,}|\u3000+", raw) if h.strip()]
        meta.title_zh = " ".join(headlines)
        i += 1
    i = _chinese_header(lines, i, meta)
    paragraphs = _chinese_paragraphs(lines[i:])
    return _renumber(_mark_headlines(paragraphs, headlines))


def _chinese_header(lines: list[Line], i: int, meta: Metadata) -> int:
    """Author, date, ``第N版()`` and ``专栏：`` lines, unindented, before the body."""
    seen: set[str] = set()
    while i < len(lines):
        line = lines[i]
        if line.blank:
            i += 1
            if "column" in seen or {"date", "page"} <= seen:
                break
            continue
        if line.indent:
            break
        text = line.stripped
        if ISO_DATE_RE.match(text):
            seen.add("date")
            meta.date = meta.date or _iso_date(text)
        elif match := ZH_PAGE_RE.match(text):
            seen.add("page")
            meta.page = meta.page or match.group(1)
            meta.edition = meta.edition or f"第{match.group(1)}版"
        elif match := ZH_COLUMN_RE.match(text):
            seen.add("column")
            meta.column_zh = match.group(1).strip() or None
        else:
            meta.author_zh = text if meta.author_zh is None else f"{meta.author_zh} {text}"
        i += 1
    return i


def _chinese_paragraphs(lines: list[Line]) -> list[Paragraph]:
    paragraphs: list[Paragraph] = []
    builder, kind = ParagraphBuilder(ZH, ""), "body"

    def close() -> None:
        nonlocal builder
        if not builder.empty:
            paragraphs.append(builder.build(len(paragraphs), kind))
        builder = ParagraphBuilder(ZH, "")

    for line in lines:
        if line.blank:
            close()
            continue
        indent = line.indent
        starts_paragraph = len(indent) >= 4 or "\u3000" in indent or "\t" in indent
        if starts_paragraph or builder.empty:
            close()
            kind = "subheading" if indent.count(" ") >= SUBHEADING_INDENT else "body"
        pos = len(indent)
        for piece in FUSED_RE.finditer(line.text, pos):
            builder.add(line.text[pos:piece.start()], line.start + pos)
            close()
            kind, pos = "body", piece.end()
        builder.add(line.text[pos:], line.start + pos)
    close()
    return paragraphs


def _mark_headlines(paragraphs: list[Paragraph], headlines: list[str]) -> list[Paragraph]:
    """Mark the body's repeated headlines; split a headline fused with the first sentence."""
    keys = [normalise_title(h) for h in headlines]
    out: list[Paragraph] = []
    pending = list(zip(headlines, keys))
    for para in paragraphs:
        while pending and para is not None:
            headline, key = pending[0]
            if normalise_title(para.text) == key:
                para.kind = "headline"
                pending.pop(0)
                out.append(para)
                para = None
            elif para.text.startswith(headline) and len(para.text) > len(headline):
                cut = len(headline)
                out.append(Paragraph(ZH, 0, para.text[:cut], para.offsets[:cut], "headline"))
                para = Paragraph(ZH, 0, para.text[cut:], para.offsets[cut:], para.kind)
                pending.pop(0)
            else:
                pending.clear()
        if para is not None:
            out.append(para)
    return out


def _renumber(paragraphs: list[Paragraph]) -> list[Paragraph]:
    for index, para in enumerate(paragraphs):
        para.index = index
    return paragraphs
