"""Pairs of same-named files in two folders, as Vecalign and Bertalign users keep them."""
from __future__ import annotations

from pathlib import Path


def same_named_pairs(src_dir: Path, tgt_dir: Path) -> tuple[list[tuple[str, Path, Path]],
                                                            list[str]]:
    """``[(relative name, source file, target file)]`` in name order, and the names found
    in one folder only. Hidden files and folders (``.git``, ``.DS_Store``) are ignored."""
    sources, targets = _files(Path(src_dir)), _files(Path(tgt_dir))
    pairs = [(name, sources[name], targets[name]) for name in sorted(sources.keys() & targets)]
    return pairs, sorted(sources.keys() ^ targets.keys())


def _files(folder: Path) -> dict[str, Path]:
    found = {}
    for path in folder.rglob("*"):
        name = path.relative_to(folder).as_posix()
        if path.is_file() and not any(part.startswith(".") for part in name.split("/")):
            found[name] = path
    return found
