"""People's Daily articles: English header and body, ``<hr />``, ``Original:``, Chinese.

Every variation listed in ``../shared/README.md`` is handled here: header fields with blank
lines, ``Column:``/``Edition:``, a ``**Named Entities**`` block, 1–3 headlines joined by two
spaces, indents of four spaces or U+3000 U+3000 (twelve spaces for sub-headings), lines
wrapped mid-sentence, paragraphs fused by U+3000, and a headline fused with the first
sentence.
"""
from __future__ import annotations

import re
from difflib import SequenceMatcher

from pipeline.errors import InputError, Warnings
from pipeline.ingest.lines import (Line, ParagraphBuilder, normalise_title, paragraph_from,
                                   split_lines)
from pipeline.record import EN, ZH, Document, Issue, Metadata, Paragraph

HEADER_RE = re.compile(r"^(Title|Author|Date|Page|Edition|Column):[ \t]*(.*?)\s*$")
HR_RE = re.compile(r"^\s*<hr\s*/?>\s*$", re.IGNORECASE)
ORIGINAL_RE = re.compile(r"^\s*Original:\s*$")
NAMED_ENTITIES_RE = re.compile(r"^\s*\*\*Named Entities\*\*\s*(?P<rest><br\s*/?>.*)?$",
                               re.IGNORECASE)
BR_RE = re.compile(r"<br\s*/?>", re.IGNORECASE)
# zh and en of a named-entity line: a tab, or 2-4 spaces (wider is an indent, not a gap)
ENTITY_GAP_RE = re.compile(r"\t+|(?<=\S) {2,4}(?=\S)")
CJK_RE = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# A dateline alone on its line: "Xinhua News Agency, Taiyuan, 14th", "Peking, Jan. 3 (Xinhua)"
DATELINE_RE = re.compile(
    r"^(?:[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*)*, ?)+"
    r"(?:(?:\d{1,2}(?:st|nd|rd|th)?)|(?:[A-Z][a-z]{2,8}\.? \d{1,2}))"
    r"(?: ?\((?:Xinhua|XINHUA|Hsinhua|New China News Agency|NCNA)\))?\s*[-—:]*$")
# Characters a decoding gone wrong leaves in English (mojibake 'Ã¤Â¸', U+FFFD, C1 controls).
CORRUPT_RE = re.compile(r"[\u0080-\u00bf\u00c2\u00c3\ufffd\ue000-\uf8ff]")
CORRUPT_SHARE = 0.2  # of a line's non-space characters; a real line has next to none
# difflib ratio of a body's first line to the header title that makes it the headline
HEADLINE_LIKENESS = 0.9
VERSE_MIN_LINES = 3  # a list or a poem: this many short lines with no sentence end
VERSE_LINE_CHARS = {EN: 60, ZH: 16}  # wrapped prose lines are longer
ZH_VERSE_WIDTH = 10  # equal lines this short are verse (五言, 七言), not a wrapping width
VERSE_OPENING_RE = re.compile(r"[\"'“‘(\d]*[A-Z\d]")
SENTENCE_END_RE = re.compile(r"[.!?。！？]")
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
    doc = Document(doc_id=doc_id, text=text, format="rmrb", meta=meta, issues=issues)
    english_lines = _english_lines(_take_named_entities(lines[body_start:english_end], meta),
                                   doc)
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
    """Move a ``**Named Entities**`` block into the metadata: ``zh en`` entries separated by
    a tab or 2-4 spaces, one a line or joined by ``<br>``."""
    start, header = next(((i, m) for i, ln in enumerate(lines)
                          if (m := NAMED_ENTITIES_RE.match(ln.text))), (None, None))
    if start is None:
        return lines
    entries = BR_RE.split(header.group("rest") or "")
    end = start + 1
    while end < len(lines) and (lines[end].blank or _entity_line(lines[end].text)):
        entries += BR_RE.split(lines[end].text)
        end += 1
    for entry in entries:
        parts = ENTITY_GAP_RE.split(entry.strip(), maxsplit=1)
        if len(parts) == 2 and CJK_RE.search(parts[0]):
            meta.named_entities.append((parts[0].strip(), parts[1].strip()))
    return lines[:start] + lines[end:]


def _entity_line(text: str) -> bool:
    parts = ENTITY_GAP_RE.split(text.strip(), maxsplit=1)
    return bool(BR_RE.search(text)) or (len(parts) == 2 and bool(CJK_RE.search(parts[0])))


def _english_lines(lines: list[Line], doc: Document) -> list[Line]:
    """The English section without a copy of the Chinese text (some 1946 files carry one)
    and without lines a wrong decoding garbled; each is left out with a warning."""
    kept, chinese, corrupt = [], 0, []
    for line in lines:
        letters = [ch for ch in line.stripped if not ch.isspace()]
        if letters and len(CJK_RE.findall(line.text)) > len(letters) / 2:
            chinese += 1
        elif letters and len(CORRUPT_RE.findall(line.text)) >= CORRUPT_SHARE * len(letters):
            corrupt.append(line)
        else:
            kept.append(line)
    if chinese:
        doc.issues.append(Issue("W024", Warnings.W024.format(count=chinese)))
    for line in corrupt:
        number = doc.text.count("\n", 0, line.start) + 1
        doc.issues.append(Issue("W025", Warnings.W025.format(line=number)))
    return kept


def _english_paragraphs(lines: list[Line], meta: Metadata, text: str) -> list[Paragraph]:
    """Paragraphs split by blank lines or by indented lines; unindented lines continue.

    A first paragraph that is the title (or its first line) is the headline. When the body
    does not open with the title, the header title becomes the English headline segment so
    that it can align with the Chinese headlines.
    """
    paragraphs: list[Paragraph] = []
    block: list[Line] = []

    def close() -> None:
        paragraphs.extend(_paragraphs_of(block, EN, " "))
        block.clear()

    for line in lines:
        if line.blank:
            close()
            continue
        if line.indent:
            close()
        block.append(line)
    close()
    paragraphs = _join_datelines(paragraphs)
    title_key = normalise_title(meta.title_en or "")
    first_key = normalise_title(paragraphs[0].text) if paragraphs else ""
    if title_key and first_key and _restates(first_key, title_key):
        paragraphs[0].kind = "headline"
    elif title_key and meta.title_en:
        paragraphs.insert(0, _title_paragraph(meta.title_en, text))
    return _renumber(paragraphs)


def _paragraphs_of(block: list[Line], lang: str, joiner: str) -> list[Paragraph]:
    """One paragraph of wrapped lines joined; or, for a poem or a list (short lines, no
    sentence end), one whole paragraph a line, so each line is a unit to align."""
    if not block:
        return []
    if _is_verse([line.stripped for line in block], lang):
        return [paragraph_from(lang, line.text, line.start, 0, "sentence") for line in block]
    builder = ParagraphBuilder(lang, joiner)
    for line in block:
        builder.add(line.text, line.start)
    return [builder.build(0)]


def _is_verse(texts: list[str], lang: str) -> bool:
    """Short lines and no sentence end before the very last character; in English every
    line opens with a capital (a wrapped sentence goes on in lower case), in Chinese the
    lines are not all cut at one width (what wrapping does) unless they are very short."""
    joined = "\n".join(texts)
    if (len(texts) < VERSE_MIN_LINES or SENTENCE_END_RE.search(joined[:-1])
            or any(len(t) > VERSE_LINE_CHARS[lang] for t in texts)):
        return False
    if lang == ZH:
        widths = {len(t) for t in texts[:-1]}
        return len(widths) > 1 or max(widths) <= ZH_VERSE_WIDTH
    return all(VERSE_OPENING_RE.match(t) for t in texts)


def _join_datelines(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """A dateline on a line of its own opens the next paragraph, as 【新华社…电】 opens the
    Chinese first sentence."""
    out: list[Paragraph] = []
    for para in paragraphs:
        previous = out[-1] if out else None
        if previous is not None and previous.kind == "body" and DATELINE_RE.match(previous.text):
            out[-1] = Paragraph(EN, 0, f"{previous.text} {para.text}",
                                previous.offsets + [previous.offsets[-1] + 1] + para.offsets,
                                para.kind)
        else:
            out.append(para)
    return out


def _restates(first_key: str, title_key: str) -> bool:
    """The body opens with the title or its first line, word for word or translated apart
    ("Income Increased by 31%" in the header, "Income Increased 31%" in the body: the machine
    translated the two separately), so the header title must not become a second headline."""
    if first_key in title_key:
        return True
    prefix = title_key[:len(first_key)]
    return SequenceMatcher(None, first_key, prefix, autojunk=False).ratio() >= HEADLINE_LIKENESS


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
    block: list[Line] = []  # the source lines of the paragraph being built

    def close() -> None:
        nonlocal builder
        if _is_verse([line.stripped for line in block], ZH):
            paragraphs.extend(_paragraphs_of(block, ZH, ""))
        elif not builder.empty:
            paragraphs.append(builder.build(len(paragraphs), kind))
        builder = ParagraphBuilder(ZH, "")
        block.clear()

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
        if pos == len(indent):
            block.append(line)
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
