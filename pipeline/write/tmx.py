"""TMX 1.4b from document JSON records, with lxml.

One ``tu`` per bead that has text on both sides; unaligned sentences stay in the JSON only.
Props carry the document, date, bead type, score and sentence ids; flags become notes. The
header carries the signature of the run that made the file.

Translation memories pick the newest of two translations by ``creationdate`` and
``changedate``. A pipeline unit's ``creationdate`` is the date of its document (the
article's own date; ``SOURCE_DATE_EPOCH``, else 1970-01-01, for undated ones), so that
outputs stay byte-identical across runs and a machine alignment never outranks a
translator's own unit; a reviewed unit gets ``changedate`` and ``changeid`` from the last
review of its document, so it outranks the unreviewed one.
"""
from __future__ import annotations

import io
import os
import re
from collections.abc import Iterable
from datetime import datetime, timezone
from typing import BinaryIO

from lxml import etree

from pipeline import __version__

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
TMX_LANGS = {"zh": "zh-CN", "en": "en"}
# Characters XML 1.0 forbids; OCR text occasionally carries them.
XML_FORBIDDEN_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
TOOL = "duiqi"  # creationtool and creationid of every unit the pipeline makes
# A document date: 1955, 1955-12 or 1955-12-01 (the start, for an interval of dates).
ISO_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?:/|$)")
TMX_TIME = "%Y%m%dT%H%M%SZ"


def tmx_lang(lang: str) -> str:
    return TMX_LANGS.get(lang, lang)


def clean_xml_text(text: str) -> tuple[str, int]:
    """Text without XML-forbidden characters, and how many were removed."""
    cleaned, count = XML_FORBIDDEN_RE.subn("", text)
    return cleaned, count


def write_tmx(target: BinaryIO, records: Iterable[dict], signature: str,
              src_lang: str = "zh") -> int:
    """Stream TMX for these document records into ``target``; return XML characters removed.

    Written incrementally (``lxml.etree.xmlfile``) so a corpus of any size needs the memory
    of one translation unit at a time.
    """
    removed = 0
    with etree.xmlfile(target, encoding="UTF-8") as xf:
        xf.write_declaration()
        xf.write_doctype('<!DOCTYPE tmx SYSTEM "tmx14.dtd">')
        with xf.element("tmx", version="1.4"):
            header = etree.Element("header", {
                "creationtool": TOOL,
                "creationtoolversion": __version__,
                "segtype": "sentence",
                "o-tmf": "duiqi-json",
                "adminlang": "en",
                "srclang": tmx_lang(src_lang),
                "datatype": "plaintext",
            })
            _prop(header, "x-signature", signature)
            xf.write(header, pretty_print=True)
            with xf.element("body"):
                xf.write("\n")
                for record in records:
                    for bead in record["beads"]:
                        if bead["src"] and bead["tgt"]:
                            unit, count = _unit(record, bead)
                            removed += count
                            xf.write(unit, pretty_print=True)
    return removed


def tmx_bytes(records: list[dict], signature: str) -> tuple[bytes, int]:
    """The TMX of a few records (one document) in memory, and the characters removed."""
    buffer = io.BytesIO()
    src_lang = records[0]["languages"]["src"] if records else "zh"
    removed = write_tmx(buffer, records, signature, src_lang)
    return buffer.getvalue(), removed


def tmx_date(value: str) -> str | None:
    """A document date (``1955-12-01``, ``1955-12``) or a journal time
    (``2026-01-01T08:30:00Z``) as TMX's ``19551201T000000Z``; None when it is neither."""
    match = ISO_DATE_RE.match(value)
    if match:
        year, month, day = match.groups()
        return f"{year}{month or '01'}{day or '01'}T000000Z"
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment.astimezone(timezone.utc).strftime(TMX_TIME)


def _creation_date(record: dict) -> str:
    written = tmx_date(record["meta"].get("date") or "")
    if written:
        return written
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    return datetime.fromtimestamp(int(epoch) if epoch.isdigit() else 0,
                                  timezone.utc).strftime(TMX_TIME)


def _unit(record: dict, bead: dict) -> tuple[etree._Element, int]:
    tu = etree.Element("tu", tuid=f"{record['doc_id']}#{bead['id']}", creationtool=TOOL,
                       creationtoolversion=__version__, creationdate=_creation_date(record),
                       creationid=TOOL)
    corrections = record.get("corrections") or []
    changed = tmx_date(corrections[-1]["time"]) if corrections else None
    if bead.get("reviewed") and changed:
        tu.set("changedate", changed)
        tu.set("changeid", clean_xml_text(corrections[-1]["user"])[0])
    for flag in bead["flags"]:
        etree.SubElement(tu, "note").text = flag
    _prop(tu, "x-document", record["doc_id"])
    if record["meta"].get("date"):
        _prop(tu, "x-date", record["meta"]["date"])
    _prop(tu, "x-bead-type", bead["type"])
    _prop(tu, "x-score", f"{bead['score']:.4f}")
    _prop(tu, "x-src-ids", ",".join(map(str, bead["src"])))
    _prop(tu, "x-tgt-ids", ",".join(map(str, bead["tgt"])))
    if bead.get("reviewed"):
        _prop(tu, "x-reviewed", "true")
    removed = 0
    for side in ("src", "tgt"):
        text, count = clean_xml_text(bead[f"{side}_text"])
        removed += count
        tuv = etree.SubElement(tu, "tuv", {XML_LANG: tmx_lang(record["languages"][side])})
        etree.SubElement(tuv, "seg").text = text
    return tu, removed


def _prop(parent: etree._Element, kind: str, value: str) -> None:
    prop = etree.SubElement(parent, "prop", type=kind)
    prop.text = clean_xml_text(value)[0]
