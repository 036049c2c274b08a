"""Find the documents of a corpus folder: one file per article or record, two per plain pair.

Plain pairs are ``NAME.zh.txt`` + ``NAME.en.txt`` (or ``NAME.zh`` + ``NAME.en``). Hidden
files and folders are skipped; symbolic links to folders are followed once, so a link loop
cannot trap the walk.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

PAIR_RE = re.compile(r"^(?P<stem>.+)\.(?P<lang>zh|en)(?:\.txt)?$")


@dataclass(frozen=True, slots=True)
class Task:
    """One document to process: its id and the file (or the zh and en files of a pair)."""

    doc_id: str
    paths: tuple[Path, ...]


def discover(root: Path, exclude: Path | None = None) -> list[Task]:
    """The documents under ``root`` in doc id order; ``exclude`` is a folder to leave out
    (the output folder, when it lies inside the corpus)."""
    root = root.resolve()
    files = sorted(_walk(root, exclude.resolve() if exclude else None))
    by_stem: dict[str, dict[str, Path]] = {}
    singles: list[Path] = []
    for path in files:
        match = PAIR_RE.match(path.name)
        if match:
            stem = (path.parent / match.group("stem")).relative_to(root).as_posix()
            by_stem.setdefault(stem, {})[match.group("lang")] = path
        else:
            singles.append(path)
    tasks = [Task(p.relative_to(root).as_posix(), (p,)) for p in singles]
    for stem, sides in by_stem.items():
        if set(sides) == {"zh", "en"}:
            tasks.append(Task(stem, (sides["zh"], sides["en"])))
        else:
            tasks.extend(Task(p.relative_to(root).as_posix(), (p,)) for p in sides.values())
    return sorted(tasks, key=lambda t: t.doc_id)


def _walk(root: Path, exclude: Path | None):
    seen: set[tuple[int, int]] = set()
    for folder, dirs, names in os.walk(root, followlinks=True):
        stat = os.stat(folder)
        key = (stat.st_dev, stat.st_ino)
        if key in seen or Path(folder).resolve() == exclude:
            dirs[:] = []
            continue
        seen.add(key)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            path = Path(folder) / name
            if not name.startswith(".") and path.is_file():
                yield path
