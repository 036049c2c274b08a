"""The document JSON: the record as published data, validated against the JSON Schema.

This dict is the hand-off format of duiqi: the TMX, the corpus files, the tables, the review
app and the exports are all made from it, so every output can be rebuilt from the JSON.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import asdict
from functools import lru_cache
from importlib import resources

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
