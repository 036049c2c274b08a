"""The pipeline in order: ingest → segment → extract → align → link (→ write, at the edge).

Each stage is a plain function ``Document -> Document``; ``process`` chains them and times
each one, so the Python API and the CLI run exactly the same code. Extract reads each
language on its own (numbers, entities, facts); the aligner uses its numbers as evidence;
link pairs numbers, names and facts across languages inside the beads. One encoder serves
the aligner and the link stage.
"""
from __future__ import annotations

import dataclasses
import time
from pathlib import Path

from pipeline.align import align, load_encoder
from pipeline.extract import extract
from pipeline.ingest import read_document
from pipeline.link import link
from pipeline.record import Document
from pipeline.segment import segment
from pipeline.settings import Settings


def process(doc: Document, settings: Settings = Settings(), encoder=None,
            timings: dict[str, float] | None = None, with_extract: bool = True) -> Document:
    """Segment, extract, align and link one ingested document; add stage seconds to
    ``timings``. ``with_extract=False`` reads only the numbers (the aligner's evidence) and
    skips the models of entities and facts and the link stage."""
    timings = {} if timings is None else timings
    extract_settings = settings.extract if with_extract else dataclasses.replace(
        settings.extract, entities=False, targets=False)

    def shared_encoder():
        nonlocal encoder
        encoder = encoder or load_encoder(settings.align.encoder)
        return encoder

    steps = [
        ("segment", lambda d: segment(d, settings.segment)),
        ("extract", lambda d: extract(d, extract_settings)),
        ("align", lambda d: align(d, settings.align, encoder=shared_encoder())
         if d.bilingual else d),
    ]
    if with_extract:
        steps.append(("link", lambda d: link(d, settings, encoder)))
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
