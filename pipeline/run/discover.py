"""Find the documents of a corpus folder: one file per article or record, two per plain pair.

Plain pairs are ``NAME.zh.txt`` + ``NAME.en.txt`` (or ``NAME.zh`` + ``NAME.en``). Hidden
files and folders are skipped; symbolic links to folders are followed once, so a link loop
cannot trap the walk. Every other entry becomes a document, so that a dangling link, two
links to each other or a FIFO is a named failure rather than a file that silently vanishes.
A doc id is always printable: bytes of a name that are not UTF-8 are shown escaped
(``bad_\\xff.md``), and the document fails with E051.
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
            stem = _doc_id(path.parent / match.group("stem"), root)
            by_stem.setdefault(stem, {})[match.group("lang")] = path
        else:
            singles.append(path)
    tasks = [Task(_doc_id(p, root), (p,)) for p in singles]
    for stem, sides in by_stem.items():
        if set(sides) == {"zh", "en"}:
            tasks.append(Task(stem, (sides["zh"], sides["en"])))
        else:
            tasks.extend(Task(_doc_id(p, root), (p,)) for p in sides.values())
    return sorted(tasks, key=lambda t: t.doc_id)


def _doc_id(path: Path, root: Path) -> str:
    name = path.relative_to(root).as_posix()
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


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
            if not name.startswith(".") and not path.is_dir():
                yield path
