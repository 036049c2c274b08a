"""The documents of an output folder: safe paths, the records, and the list's summaries.

A document of ``OUT_DIR`` is a record written at ``OUT_DIR/<doc_id>.json`` by ``duiqi run``.
Every path a request names is resolved and must stay inside ``OUT_DIR``, so ``..``, absolute
paths and symbolic links leading elsewhere are refused.
"""
from __future__ import annotations

import logging
import os
import stat
from collections import Counter
from pathlib import Path, PurePosixPath

from pipeline.errors import DuiqiError, ReviewError, Warnings
from pipeline.review.journal import ReviewState
from pipeline.write.folder import OutputFolder
from pipeline.review.view import review_flags

log = logging.getLogger("duiqi.review")
FLAG_KINDS = ("number_mismatch", "number_missing", "fact_mismatch", "unaligned", "low_score")
SORTS = ("worst", "flags", "date")


def document_path(out_dir: Path, doc_id: str) -> Path:
    """``OUT_DIR/<doc_id>.json``, resolved; raises R001 if outside, R002 if absent."""
    relative = PurePosixPath(doc_id)
    if (not doc_id or "\\" in doc_id or "\x00" in doc_id or relative.is_absolute()
            or ".." in relative.parts):
        raise ReviewError("R001", doc_id=doc_id)
    root = Path(out_dir).resolve()
    try:
        path = (root / f"{doc_id}.json").resolve()
    except (OSError, RuntimeError) as exc:  # a link loop (RuntimeError before Python 3.13)
        raise ReviewError("R002", doc_id=doc_id, out_dir=out_dir) from exc
    if not path.is_relative_to(root):
        raise ReviewError("R001", doc_id=doc_id)
    if not path.is_file():
        raise ReviewError("R002", doc_id=doc_id, out_dir=out_dir)
    return path


class Library:
    """The document records of one output folder, re-read only when a file changes."""

    def __init__(self, out_dir: Path) -> None:
        self.out_dir = Path(out_dir)
        self._cache: dict[Path, tuple[tuple[int, int], dict | None]] = {}
        self._problems: dict[Path, str] = {}  # why a file was skipped

    def record(self, doc_id: str) -> dict:
        path = document_path(self.out_dir, doc_id)
        record = self._load(path)
        if record is None and path in self._problems:
            raise ReviewError("R031", path=path, detail=self._problems[path])
        if record is None or record["doc_id"] != doc_id:
            raise ReviewError("R002", doc_id=doc_id, out_dir=self.out_dir)
        return record

    def doc_ids(self) -> list[str]:
        """Every document of the folder, sorted; exports and other JSON files are skipped."""
        found = []
        for path in OutputFolder(self.out_dir).document_files():
            record = self._load(path)
            if record is not None and self._is_home(record["doc_id"], path):
                found.append(record["doc_id"])
        return sorted(found)

    def _is_home(self, doc_id: str, path: Path) -> bool:
        try:
            return document_path(self.out_dir, doc_id) == path.resolve()
        except ReviewError:
            return False

    def _load(self, path: Path) -> dict | None:
        """The record in ``path``, or None when the file is not a pipeline document: a
        FIFO (reading it would hang), a dangling link or a damaged file is skipped with a
        warning."""
        try:
            info = os.stat(path)
        except OSError as exc:
            return self._skip(path, (0, 0), f"cannot read it ({exc.strerror})")
        key = (info.st_mtime_ns, info.st_size)
        if not stat.S_ISREG(info.st_mode):
            return self._skip(path, key, "not a regular file")
        cached = self._cache.get(path)
        if cached is None or cached[0] != key:
            try:
                cached = (key, _pipeline_record(path))
            except DuiqiError as exc:
                return self._skip(path, key, exc.message)
            self._cache[path] = cached
            self._problems.pop(path, None)
        return cached[1]

    def _skip(self, path: Path, key: tuple[int, int], detail: str) -> None:
        if self._cache.get(path, (None,))[0] != key:  # warn once per version of the file
            log.warning(Warnings.W021.format(path=path, detail=detail))
            self._cache[path] = (key, None)
            self._problems[path] = detail
        return None


def _pipeline_record(path: Path) -> dict | None:
    data = OutputFolder(path.parent).read_json(path)
    wanted = {"doc_id", "content_hash", "beads", "sentences", "languages"}
    if not isinstance(data, dict) or not wanted <= data.keys() or "corrections" in data:
        return None
    return data


def summarise(record: dict, state: ReviewState) -> dict:
    """One line of the document list: what is left to review and how bad it looks."""
    open_beads = [bead for bead in state.beads if not bead["reviewed"]]
    shown = review_flags(record, state)
    flags = Counter(flag for index, bead in enumerate(state.beads) if not bead["reviewed"]
                    for flag in shown[index])
    meta = record["meta"]
    return {
        "doc_id": record["doc_id"],
        "title_en": meta.get("title_en"),
        "title_zh": meta.get("title_zh"),
        "date": meta.get("date"),
        "beads": len(state.beads),
        "reviewed": len(state.beads) - len(open_beads),
        "worst_score": min((bead["score"] for bead in open_beads), default=None),
        "flags": dict(sorted(flags.items())),
        "open_flags": sum(flags.values()),
        "version": state.version,
    }


def sort_and_filter(summaries: list[dict], sort: str = "worst",
                    flag: str | None = None) -> list[dict]:
    """Order the list (worst confidence first, most open flags first, or by date) and keep
    only documents with an open bead carrying ``flag`` when one is given."""
    if sort not in SORTS:
        raise ReviewError("R005", detail=f"sort must be one of {list(SORTS)}, got {sort!r}")
    if flag is not None and flag not in FLAG_KINDS:
        raise ReviewError("R005", detail=f"flag must be one of {list(FLAG_KINDS)}, "
                                         f"got {flag!r}")
    keys = {
        "worst": lambda s: (s["worst_score"] is None, s["worst_score"] or 0.0, s["doc_id"]),
        "flags": lambda s: (-s["open_flags"], s["doc_id"]),
        "date": lambda s: (s["date"] or "", s["doc_id"]),
    }
    kept = [s for s in summaries if flag is None or s["flags"].get(flag)]
    return sorted(kept, key=keys[sort])


def progress(summaries: list[dict]) -> dict:
    """Reviewed against not reviewed, in beads and in finished documents."""
    return {
        "documents": len(summaries),
        "documents_done": sum(s["reviewed"] == s["beads"] for s in summaries),
        "beads": sum(s["beads"] for s in summaries),
        "beads_reviewed": sum(s["reviewed"] for s in summaries),
    }
