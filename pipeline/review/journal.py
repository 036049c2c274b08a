"""The corrections journal: one JSON line per review edit, replayed over the pipeline JSON.

``OUT_DIR/corrections.jsonl`` sits beside the outputs and is only ever appended to; the
pipeline's own JSON is never rewritten. Each entry names the document, the content hash of
the text and the hash of the pipeline alignment it was made on, the version it applies to
(how many entries of that document, text and alignment came before), the operation and its
arguments, who and when. Undo and redo are entries too, so the file is the whole history.

Entries made on another text or another alignment are set aside, not replayed: edits name
beads by position, so over a changed source file or a re-run with other settings they
would land on the wrong sentences. The review page says how many were set aside.
"""
from __future__ import annotations

import getpass
import hashlib
import json
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from datetime import datetime, timezone
from pathlib import Path
from typing import TextIO

from pipeline.record import ZH
from pipeline.review.edits import REDO, UNDO, Beads, apply_edit, check_beads, check_request
from pipeline.errors import ReviewError, Warnings
from pipeline.review.texts import mended_texts, with_texts
from pipeline.write.folder import JOURNAL, OutputFolder
from pipeline.write.json_doc import bead_type

log = logging.getLogger("duiqi.review")
TORN_SUFFIX = ".torn"  # beside the journal: the cut last lines set aside, for a person to see

ENTRY_KEYS = ("doc_id", "content_hash", "alignment_hash", "version", "op", "args", "user",
              "time")
CORRECTION_KEYS = ("version", "op", "args", "user", "time")  # what the JSON keeps of each
BEAD_CORE = ("src", "tgt", "score", "flags", "reviewed")


@dataclass(frozen=True, slots=True)
class ReviewState:
    """A document's beads after its journal, with the version the next edit must name."""

    beads: Beads
    version: int
    can_undo: bool
    can_redo: bool = False
    set_aside: int = 0  # entries of this document made on another text or alignment
    texts: dict = field(default_factory=dict)  # (lang, sentence id) -> mended text


@dataclass(frozen=True, slots=True)
class History:
    """The bead lists a document went through (the pipeline's first) and those undone."""

    done: tuple[Beads, ...]
    undone: tuple[Beads, ...] = ()

    @property
    def current(self) -> Beads:
        return self.done[-1]


def journal_path(out_dir: Path) -> Path:
    return OutputFolder(out_dir).journal


def default_user() -> str:
    try:
        return getpass.getuser()
    except OSError:  # no $USER and no passwd entry (some containers)
        return "unknown"


def utc_now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z")


def read_journal(out_dir: Path) -> list[dict]:
    """Every entry of the journal, in order; raises ``ReviewError`` R020 on a broken line
    (a last line cut by a crash is set aside first, see ``recover_torn_tail``)."""
    path = journal_path(out_dir)
    if not path.exists():
        return []
    recover_torn_tail(path)
    entries = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                entry = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ReviewError("R020", path=path, line=number, detail=exc.msg) from exc
            if not isinstance(entry, dict) or not set(ENTRY_KEYS) <= entry.keys():
                raise ReviewError("R020", path=path, line=number,
                                  detail=f"an entry needs the keys {list(ENTRY_KEYS)}")
            entries.append(entry)
    return entries


def alignment_hash(record: dict) -> str:
    """Fingerprint of the pipeline's beads, which the journal's bead positions refer to."""
    shapes = json.dumps([[bead["src"], bead["tgt"]] for bead in record["beads"]])
    return hashlib.sha256(shapes.encode("ascii")).hexdigest()


def entries_for(journal: list[dict], record: dict) -> list[dict]:
    """The entries made on this record's text and alignment, in journal order."""
    key = (record["doc_id"], record["content_hash"], alignment_hash(record))
    return [e for e in journal if (e["doc_id"], e["content_hash"], e["alignment_hash"]) == key]


def core_beads(record: dict) -> Beads:
    """The part of the JSON beads that edits change (ids, types and texts are derived)."""
    return [{key: bead[key] for key in BEAD_CORE} for bead in record["beads"]]


def side_sizes(record: dict) -> tuple[int, int]:
    langs = record["languages"]
    return (len(record["sentences"].get(langs["src"], [])),
            len(record["sentences"].get(langs["tgt"], [])))


def step(history: History, op: str, args: dict, sizes: tuple[int, int]) -> History:
    """The history after one operation: an edit pushes new beads and forgets what was
    undone, undo moves the last beads to the undone, redo moves them back."""
    check_request(op, args)
    if op == UNDO:
        if len(history.done) == 1:
            raise ReviewError("R011")
        return History(history.done[:-1], history.undone + history.done[-1:])
    if op == REDO:
        if not history.undone:
            raise ReviewError("R012")
        return History(history.done + history.undone[-1:], history.undone[:-1])
    beads = apply_edit(history.current, op, args)
    check_beads(beads, *sizes)
    return History(history.done + (beads,))


def replay_history(record: dict, entries: list[dict]) -> History:
    """Replay a record's entries (see ``entries_for``) over its pipeline beads."""
    history, sizes = History((core_beads(record),)), side_sizes(record)
    for version, entry in enumerate(entries):
        try:
            if entry["version"] != version:
                raise ReviewError("R005", detail=f"entry says version {entry['version']}, "
                                                 f"expected {version}")
            history = step(history, entry["op"], entry["args"], sizes)
        except ReviewError as exc:
            raise ReviewError("R021", path=JOURNAL, version=version,
                              doc_id=record["doc_id"], detail=exc.message) from exc
    return history


def review_state(record: dict, journal: list[dict]) -> ReviewState:
    """The state of one document from the whole journal (read it once for many documents)."""
    entries = entries_for(journal, record)
    history = replay_history(record, entries)
    own = sum(entry["doc_id"] == record["doc_id"] for entry in journal)
    return ReviewState(history.current, len(entries), len(history.done) > 1,
                       bool(history.undone), own - len(entries), mended_texts(record, entries))


def record_edit(record: dict, out_dir: Path, version: object, op: object, args: object,
                user: str, time: str) -> ReviewState:
    """Check one edit against the current state, append it to the journal, return the state.

    Nothing is written unless the edit is valid and made on the current version, so a
    rejected request (4xx) leaves the journal as it was.
    """
    check_request(op, args)  # a malformed request is a 400 whatever its version
    if not isinstance(version, int) or isinstance(version, bool):
        raise ReviewError("R005", detail=f"'version' must be an integer, got {version!r}")
    with _locked_journal(out_dir) as handle:
        journal = read_journal(out_dir)
        entries = entries_for(journal, record)
        if version != len(entries):
            raise ReviewError("R003", doc_id=record["doc_id"], sent=version,
                              current=len(entries))
        step(replay_history(record, entries), op, args, side_sizes(record))
        entry = dict(zip(ENTRY_KEYS, (record["doc_id"], record["content_hash"],
                                      alignment_hash(record), version, op, args, user, time)))
        # One line, one write on an append-mode file, synced: a crash leaves whole lines.
        handle.write(json.dumps(entry, ensure_ascii=False) + "\n")
        handle.flush()
        os.fsync(handle.fileno())
    return review_state(record, journal + [entry])  # what reopening the document shows


def recover_torn_tail(path: Path) -> None:
    """A crash in the middle of an append leaves a last line without its newline: move it
    to ``<journal>.torn``, warn, and cut the journal back to its last whole line. Every
    entry is written with its newline in one write, so a line without one is never whole."""
    with _journal_lock(path):
        with open(path, "rb") as handle:
            data = handle.read()
        if not data or data.endswith(b"\n"):
            return
        whole = data.rfind(b"\n") + 1
        aside = path.with_name(path.name + TORN_SUFFIX)
        with open(aside, "ab") as handle:
            handle.write(data[whole:] + b"\n")
            handle.flush()
            os.fsync(handle.fileno())
        with open(path, "r+b") as handle:
            handle.truncate(whole)
            os.fsync(handle.fileno())
    log.warning(Warnings.W020.format(path=path, aside=aside))


@lru_cache(maxsize=None)
def _journal_lock(path: Path):
    """Two review servers on one folder cannot both append on the same version. filelock
    is portable (no fcntl on Windows); the lock is a file beside the journal, one object
    per journal so that it is re-entrant (an append reads the journal under the lock)."""
    from filelock import FileLock

    return FileLock(path.with_name(path.name + ".lock"))


@contextmanager
def _locked_journal(out_dir: Path) -> Iterator[TextIO]:
    """The journal open for appending, locked."""
    path = journal_path(out_dir)
    with _journal_lock(path), open(path, "a", encoding="utf-8") as handle:
        yield handle


def bead_records(record: dict, beads: Beads) -> list[dict]:
    """Full JSON beads: ids renumbered, type and texts recomputed from the sentences."""
    langs = record["languages"]
    return [{"id": index, "src": bead["src"], "tgt": bead["tgt"],
             "type": bead_type(bead["src"], bead["tgt"]), "score": bead["score"],
             "flags": bead["flags"], "reviewed": bead["reviewed"],
             "src_text": joined_text(record, langs["src"], bead["src"]),
             "tgt_text": joined_text(record, langs["tgt"], bead["tgt"])}
            for index, bead in enumerate(beads)]


def joined_text(record: dict, lang: str, ids: list[int]) -> str:
    """As ``Document.joined``: Chinese joins sentences without spaces, others with one."""
    sentences = record["sentences"].get(lang, [])
    return ("" if lang == ZH else " ").join(sentences[i]["text"] for i in ids)


def bead_index_by_sentence(record: dict, beads: Beads) -> dict[tuple[str, int], int]:
    """``(lang, sentence id) -> bead index``, to place numbers and entities in beads."""
    langs = record["languages"]
    return {(langs[side], sentence): index
            for index, bead in enumerate(beads) for side in ("src", "tgt")
            for sentence in bead[side]}


def reviewed_record(record: dict, entries: list[dict]) -> dict:
    """The record with its journal applied: new beads, numbers placed in them, corrections."""
    beads = replay_history(record, entries).current
    record = with_texts(record, mended_texts(record, entries))
    where = bead_index_by_sentence(record, beads)
    numbers = [{**n, "bead": where.get((n["lang"], n["sentence"]))} for n in record["numbers"]]
    corrections = [{key: entry[key] for key in CORRECTION_KEYS} for entry in entries]
    return {**record, "beads": bead_records(record, beads), "numbers": numbers,
            "corrections": corrections}


def apply_corrections(record: dict, out_dir: Path) -> dict:
    """The pipeline record of a document with the review journal of ``out_dir`` applied.

    Only entries made on this record's text and alignment apply, so a batch run can call
    this on a freshly made record: documents whose text and alignment did not change keep
    their reviewed beads. A record without such entries comes back unchanged.
    """
    if "corrections" in record:
        raise ReviewError("R022", doc_id=record["doc_id"])
    entries = entries_for(read_journal(out_dir), record)
    return reviewed_record(record, entries) if entries else record
