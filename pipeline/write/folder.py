"""The output folder of a run, in one place: every command asks it where things are.

Layout of ``OUT``:
- ``<doc_id>.json`` and ``<doc_id>.tmx``: one document (``output``);
- the corpus files (``CORPUS_FILES``) and ``timings.json``;
- ``.duiqi/done/``: a completion marker per document, with the hashes of its outputs;
- ``.duiqi/corpus.json``: the last complete run's documents and corpus-file hashes;
- ``.duiqi/lock``: held by the run writing into the folder;
- ``corrections.jsonl`` (the review journal), ``reviewed/`` and ``export/``.

Markers are named by a hash of the doc id, so that a document whose name is as long as the
file system allows still has one.
"""
from __future__ import annotations

import errno
import hashlib
import json
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from pipeline.errors import DuiqiError, InputError

STATE_DIR = ".duiqi"
MARKERS = "done"
CORPUS_STATE = "corpus.json"
LOCK = "lock"
REPORT = "report.json"
TIMINGS = "timings.json"
JOURNAL = "corrections.jsonl"
REVIEWED = "reviewed"
EXPORT = "export"
TABLES = ("entities.csv", "entities.parquet", "targets.csv", "targets.parquet", "glossary.csv")
CORPUS_FILES = ("corpus.tmx", "pairs.jsonl", *TABLES, REPORT)
DOCUMENT_SUFFIXES = (".json", ".tmx")
TEMP_GLOB = ".*.tmp"  # what pipeline.write.atomic leaves behind when a write is killed
HASH_CHUNK = 1 << 20
NAME_MAX = 255  # bytes in one path component on every file system duiqi writes to


def file_digest(path: Path) -> str | None:
    """SHA-256 of a regular file, None when it is missing, unreadable or not a file."""
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                return None
            while chunk := handle.read(HASH_CHUNK):
                digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest()


@dataclass(frozen=True, slots=True)
class OutputFolder:
    root: Path

    def __post_init__(self) -> None:
        object.__setattr__(self, "root", Path(self.root))

    # Per document
    def output(self, doc_id: str, suffix: str) -> Path:
        return self.root / f"{doc_id}{suffix}"

    def name_fits(self, doc_id: str) -> bool:
        """Whether every output name of ``doc_id`` fits the file system's name limit."""
        longest = max(DOCUMENT_SUFFIXES, key=len)
        return all(len(os.fsencode(part)) <= NAME_MAX
                   for part in Path(f"{doc_id}{longest}").parts)

    def marker(self, doc_id: str) -> Path:
        key = hashlib.sha256(doc_id.encode("utf-8", "surrogateescape")).hexdigest()
        return self.state / MARKERS / key[:2] / f"{key}.json"

    def output_digests(self, doc_id: str) -> dict[str, str]:
        """The hashes of the outputs of ``doc_id`` that exist, by suffix."""
        found = {suffix: file_digest(self.output(doc_id, suffix))
                 for suffix in DOCUMENT_SUFFIXES}
        return {suffix: digest for suffix, digest in found.items() if digest is not None}

    def remove_outputs(self, doc_id: str, suffixes: tuple[str, ...] = DOCUMENT_SUFFIXES) -> None:
        for suffix in suffixes:
            try:
                self.output(doc_id, suffix).unlink(missing_ok=True)
            except OSError as exc:
                if exc.errno != errno.ENAMETOOLONG:  # a name too long was never written
                    raise

    # Per corpus
    @property
    def state(self) -> Path:
        return self.root / STATE_DIR

    @property
    def corpus_state(self) -> Path:
        return self.state / CORPUS_STATE

    @property
    def report(self) -> Path:
        return self.root / REPORT

    @property
    def timings(self) -> Path:
        return self.root / TIMINGS

    @property
    def journal(self) -> Path:
        return self.root / JOURNAL

    @property
    def reviewed(self) -> Path:
        return self.root / REVIEWED

    @property
    def export(self) -> Path:
        return self.root / EXPORT

    def document_files(self) -> Iterator[Path]:
        """Every ``*.json`` that may be a document, sorted; hidden folders, ``reviewed/``
        and ``export/`` are not walked. Callers check each file (it may be anything)."""
        for folder, dirs, names in os.walk(self.root):
            top = Path(folder) == self.root
            dirs[:] = sorted(d for d in dirs if not d.startswith(".")
                             and not (top and d in (REVIEWED, EXPORT)))
            for name in sorted(n for n in names if n.endswith(".json")):
                yield Path(folder, name)

    def corpus_digests(self) -> dict[str, str | None]:
        return {name: file_digest(self.root / name) for name in CORPUS_FILES}

    def documents(self) -> list[str]:
        """The ids of the documents of the last complete run, in corpus order."""
        try:
            return json.loads(self.corpus_state.read_text("utf-8"))["documents"]
        except FileNotFoundError as exc:
            raise InputError("E030", path=self.root) from exc
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise InputError("E054", path=self.corpus_state, detail=_short(exc)) from exc

    def read_json(self, path: Path):
        """A JSON output of this folder, or a named error when it is damaged."""
        try:
            with open(path, encoding="utf-8") as handle:
                return json.load(handle)
        except (OSError, UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
            raise InputError("E054", path=path, detail=_short(exc)) from exc

    def read_signature(self) -> str:
        """The settings signature of the last complete run (it is in report.json)."""
        report = self.read_json(self.report)
        if not isinstance(report, dict) or not isinstance(report.get("signature"), str):
            raise InputError("E054", path=self.report, detail="no signature")
        return report["signature"]

    # Writers
    @contextmanager
    def lock(self) -> Iterator[None]:
        """Hold the folder for one run; a second run on it is refused (E055), not mixed in.

        ``filelock`` is portable (no fcntl on Windows) and the lock dies with its process,
        so a killed run never leaves the folder locked."""
        from filelock import FileLock, Timeout

        self.ensure_writable()
        lock = FileLock(self.state / LOCK, timeout=0)
        try:
            lock.acquire()
        except Timeout as exc:
            raise DuiqiError("E055", path=self.root) from exc
        try:
            yield
        finally:
            lock.release()

    def ensure_writable(self) -> None:
        """Create the folder and its state folder; a clear error when that is impossible."""
        try:
            self.state.mkdir(parents=True, exist_ok=True)
            probe = self.state / f".probe-{os.getpid()}.tmp"
            probe.write_bytes(b"")
            probe.unlink()
        except OSError as exc:
            raise DuiqiError("E058", path=self.root, cause=cause(exc)) from exc

    def sweep_temp_files(self) -> None:
        """Remove the temp files that killed runs left behind. Call it holding the lock: no
        other run can be writing then, so every temp file is a leftover."""
        for path in list(self.root.rglob(TEMP_GLOB)) if self.root.is_dir() else []:
            path.unlink(missing_ok=True)


def cause(exc: OSError) -> str:
    """'No space left on device' and the like, without the path (the message names it)."""
    return exc.strerror or type(exc).__name__


def _short(exc: Exception, limit: int = 200) -> str:
    text = str(exc) or type(exc).__name__
    return text if len(text) <= limit else text[:limit] + "…"
