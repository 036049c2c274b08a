"""The document JSON: the record as published data, validated against the JSON Schema.

This dict is the hand-off format of duiqi: the TMX, the corpus files, the tables, the review
app and the exports are all made from it, so every output can be rebuilt from the JSON.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import types
import typing
from dataclasses import asdict
from functools import lru_cache
from importlib import resources

from pipeline import record as record_module
from pipeline.record import Document
from pipeline.settings import Settings

SCHEMA_VERSION = "1.0"
SCORE_DIGITS = 4  # four decimals keep outputs byte-stable across platforms' float printing


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def bead_type(src: list[int], tgt: list[int]) -> str:
    return f"{len(src)}-{len(tgt)}"


def document_to_json(doc: Document, settings: Settings) -> dict:
    sentences = {
        lang: [_sentence_json(s) for s in sents] for lang, sents in doc.sentences.items()
    }
    beads = [
        {
            "id": i,
            "src": list(b.src),
            "tgt": list(b.tgt),
            "type": b.shape,
            "score": round(float(b.score), SCORE_DIGITS),
            "flags": sorted(set(b.flags)),
            "reviewed": b.reviewed,
            "src_text": doc.joined(doc.src_lang, b.src),
            "tgt_text": doc.joined(doc.tgt_lang, b.tgt),
        }
        for i, b in enumerate(doc.beads)
    ]
    meta = asdict(doc.meta)
    meta["named_entities"] = [list(pair) for pair in doc.meta.named_entities]
    meta["sources"] = [{"file": f, "lang": lang, "start": start}
                       for f, lang, start in doc.meta.sources]
    return {
        "schema_version": SCHEMA_VERSION,
        "signature": settings.signature(),
        "settings": settings.as_dict(),
        "doc_id": doc.doc_id,
        "content_hash": content_hash(doc.text),
        "format": doc.format,
        "languages": {"src": doc.src_lang, "tgt": doc.tgt_lang},
        "bilingual": doc.bilingual,
        "meta": meta,
        "sentences": sentences,
        "beads": beads,
        "entities": [asdict(e) for e in doc.entities],
        "entity_pairs": [asdict(p) for p in doc.entity_pairs],
        "numbers": [asdict(n) for n in doc.numbers],
        "targets": [asdict(t) for t in doc.targets],
        "facts": [asdict(f) for f in doc.facts],
        "issues": [asdict(i) for i in doc.issues],
        "stats": doc.stats,
    }


def document_from_json(record: dict) -> Document:
    """The ``Document`` a record was written from, for the stages after write (report,
    tables, review, export), so they read typed fields instead of rebuilding them by hand.

    Built generically from the dataclasses of ``pipeline.record``: a field added there is
    read back without a change here (keys the record has and the class lacks, such as a
    bead's texts, are derived and skipped). The JSON keeps sentences, not the source text
    or the paragraphs, so ``text`` is empty and ``paragraphs`` too: offsets still point
    into the source file named by ``doc_id``.
    """
    meta = dict(record["meta"])
    meta["sources"] = [(s["file"], s["lang"], s["start"]) for s in meta.get("sources", [])]
    sentences = {lang: [{**s, "lang": lang, "index": s["id"]} for s in sents]
                 for lang, sents in record["sentences"].items()}
    fields = {**record, "text": "", "meta": meta, "sentences": sentences,
              "src_lang": record["languages"]["src"], "tgt_lang": record["languages"]["tgt"]}
    return _build(Document, fields)


def _build(cls: type, data: dict):
    hints = _hints(cls)
    kwargs = {f.name: _value(hints[f.name], data[f.name])
              for f in dataclasses.fields(cls) if f.name in data}
    return cls(**kwargs)


def _value(hint, value):
    """``value`` from JSON as the annotated type: dataclasses, lists, dicts, tuples and
    optionals of them."""
    if value is None:
        return None
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        return _value(next(a for a in args if a is not type(None)), value)
    if dataclasses.is_dataclass(hint):
        return _build(hint, value)
    if origin is list:
        return [_value(args[0], item) for item in value]
    if origin is tuple:
        return tuple(value)
    if origin is dict:
        return {key: _value(args[1], item) for key, item in value.items()}
    return value


@lru_cache(maxsize=None)
def _hints(cls: type) -> dict:
    return typing.get_type_hints(cls, vars(record_module))


def _sentence_json(sentence) -> dict:
    out = {"id": sentence.index, "text": sentence.text, "paragraph": sentence.paragraph,
           "start": sentence.start, "end": sentence.end, "kind": sentence.kind}
    if sentence.words:
        out["words"] = sentence.words
    return out


def dumps(record: dict) -> str:
    """Stable serialisation: same record, same bytes."""
    return json.dumps(record, ensure_ascii=False, indent=1) + "\n"


@lru_cache(maxsize=1)
def schema() -> dict:
    text = resources.files("pipeline.write").joinpath("schema/document.schema.json").read_text("utf-8")
    return json.loads(text)


def validate(record: dict) -> None:
    """Raise ``jsonschema.ValidationError`` when a record breaks the published schema."""
    import jsonschema

    jsonschema.validate(record, schema(), cls=jsonschema.Draft202012Validator)
