"""The pipeline in order: ingest → segment → align → extract (→ write, at the edge).

Each stage is a plain function ``Document -> Document``; ``process`` chains them and times
each one, so the Python API and the CLI run exactly the same code.
"""
from __future__ import annotations

import time
from pathlib import Path

from pipeline.align import align
from pipeline.extract import extract
from pipeline.ingest import read_document
from pipeline.record import Document
from pipeline.segment import segment
from pipeline.settings import Settings


def process(doc: Document, settings: Settings = Settings(), encoder=None,
            timings: dict[str, float] | None = None, with_extract: bool = True) -> Document:
    """Segment, align and extract one ingested document; add stage seconds to ``timings``."""
    timings = {} if timings is None else timings
    steps = [
        ("segment", lambda d: segment(d, settings.segment)),
        ("align", lambda d: align(d, settings.align, encoder=encoder)),
    ]
    if with_extract:
        steps.append(("extract", lambda d: extract(d, settings.extract)))
    for name, step in steps:
        started = time.perf_counter()
        doc = step(doc)
        timings[name] = timings.get(name, 0.0) + time.perf_counter() - started
    return doc


def process_file(path: Path, root: Path, settings: Settings = Settings(), encoder=None,
                 timings: dict[str, float] | None = None) -> Document:
    timings = {} if timings is None else timings
    started = time.perf_counter()
    doc = read_document(path, root)
    timings["ingest"] = timings.get("ingest", 0.0) + time.perf_counter() - started
    return process(doc, settings, encoder, timings)


def align_files(source: Path, target: Path, settings: Settings = Settings(),
                src_lang: str | None = None, tgt_lang: str | None = None,
                presplit: bool = False, extract: bool = True, encoder=None) -> Document:
    """Align two plain text files; languages are detected unless given."""
    from pipeline.errors import InputError
    from pipeline.ingest import read_pair

    doc = read_pair(source, target, Path(source).stem, src_lang, tgt_lang, presplit)
    if not (doc.paragraphs.get(doc.src_lang) and doc.paragraphs.get(doc.tgt_lang)):
        raise InputError("E010", path=f"{source} / {target}")
    return process(doc, settings, encoder, with_extract=extract)
