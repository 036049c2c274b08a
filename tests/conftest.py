"""Shared fixtures: paths to ../shared and the sample corpus, and processed documents."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAMPLE_CORPUS = ROOT / "corpus"
SHARED_CORPUS = SHARED / "corpus"
SEED_000 = SHARED_CORPUS / "seeds" / "000_efffe6ba8053c025.txt"
SEED_004 = SHARED_CORPUS / "seeds" / "004_5635bb84d818c535.txt"
TMX_DTD = SHARED / "schemas" / "tmx14.dtd"


def rmrb(name: str) -> Path:
    """An article of ../shared/corpus/rmrb by the start of its file name."""
    matches = sorted((SHARED_CORPUS / "rmrb").rglob(f"{name}*.md"))
    assert len(matches) == 1, f"{name}: {matches}"
    return matches[0]


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED_CORPUS.is_dir():
        pytest.skip("../shared is not beside the repository")
    return SHARED


@pytest.fixture(scope="session")
def processed(shared):
    """Process a shared-corpus file once per session (the models load once)."""
    from pipeline.stages import process_file

    cache: dict[Path, object] = {}

    def get(path: Path):
        if path not in cache:
            cache[path] = process_file(path, SHARED_CORPUS)
        return cache[path]

    return get
