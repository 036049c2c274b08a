"""Helpers for the run, resume, Dask and export tests: tiny corpora built in tmp folders
from real People's Daily files (copied at test time, never committed), and snapshots."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

from conftest import SAMPLE_CORPUS, SHARED_CORPUS, rmrb

SHORT_ARTICLES = ["1956-01-03_武汉", "1955-12-01_河南", "1956-01-01_1955"]
ODD_NAME = "odd names/人民日报 #1 'draft' (copy).md"
XML_HOSTILE = "rmrb/1955.12/with control characters.md"
TIMINGS = "timings.json"  # wall-clock seconds: the one output that differs between runs


def build_corpus(root: Path) -> Path:
    """Three articles, one under an odd path, a meeting record, a plain pair, an article
    with characters XML forbids, an empty and a binary file, and a symbolic link loop."""
    for name in SHORT_ARTICLES:
        source = rmrb(name)
        copy_to(source, root / source.relative_to(SHARED_CORPUS))
    copy_to(rmrb(SHORT_ARTICLES[0]), root / ODD_NAME)
    for path in (SAMPLE_CORPUS / "records").glob("*.txt"):
        copy_to(path, root / "records" / path.name)
    for path in (SAMPLE_CORPUS / "pairs").glob("*.txt"):
        copy_to(path, root / "pairs" / path.name)
    text = rmrb(SHORT_ARTICLES[1]).read_text("utf-8")
    text = text.replace("Provincial Committee", "Provincial\x0cCommittee", 1)
    text = text.replace("扩大干部会议", "扩大干部\x0b会议", 1)
    (root / XML_HOSTILE).write_text(text, "utf-8")
    (root / "broken").mkdir()
    (root / "broken" / "empty.md").write_bytes(b"")
    (root / "broken" / "binary.md").write_bytes(bytes(range(256)) * 4)
    os.symlink("..", root / "broken" / "loop")
    return root


def copy_to(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)


def copies_corpus(root: Path, count: int) -> Path:
    """``count`` copies of the short articles under distinct names: a corpus long enough
    to interrupt."""
    sources = [rmrb(name) for name in SHORT_ARTICLES]
    for i in range(count):
        copy_to(sources[i % len(sources)], root / f"batch{i // 10}" / f"doc{i:03d}.md")
    return root


def snapshot(out_dir: Path) -> dict[str, bytes]:
    """Every output file's bytes by relative path, except the wall-clock timings."""
    return {p.relative_to(out_dir).as_posix(): p.read_bytes()
            for p in sorted(Path(out_dir).rglob("*")) if p.is_file() and p.name != TIMINGS}
