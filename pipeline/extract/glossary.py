"""The period glossary (``models/glossary.tsv``): Chinese name, English name, label.

Read by the Chinese glossary component and by the entity pairing; its labels (PER, LOC,
ORG, as jiagu's) are mapped onto the common set of ``labels``.
"""
from __future__ import annotations

from functools import lru_cache

from pipeline.extract.labels import FROM_JIAGU
from pipeline.settings import model_path


@lru_cache(maxsize=2)
def glossary(path: str) -> tuple[tuple[str, str, str], ...]:
    """``(zh, en, label)`` rows; '#' starts a comment line; a relative path is under models/."""
    rows = []
    for line in model_path(path).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            zh, en, label = (field.strip() for field in line.split("\t"))
            rows.append((zh, en, FROM_JIAGU.get(label, label)))
    return tuple(rows)
