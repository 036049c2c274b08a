"""Resume state: a completion marker per document and a digest of the corpus files.

Markers live in ``OUT/.duiqi/``. A document's marker is written after its outputs (the
datatrove habit), and it records the hash of the input bytes and the settings signature,
which carries the duiqi version. A marker that matches both proves that the outputs are whole
and current, so the document is skipped. A run killed at any point leaves at most some
documents without a marker, and those are simply redone.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from pathlib import Path

from pipeline.errors import InputError
from pipeline.run.discover import Task
from pipeline.run.outcome import Outcome
from pipeline.write.atomic import write_text_atomic
from pipeline.write.corpus import output_path

STATE_DIR = ".duiqi"
MARKERS = "done"
CORPUS_STATE = "corpus.json"
TEMP_GLOB = ".*.tmp"  # what pipeline.write.atomic leaves behind when a write is killed
HASH_CHUNK = 1 << 20


def input_hash(task: Task) -> str | None:
    """SHA-256 of the task's input files, in order; None when one cannot be read (the
    document is then processed, and reports the error itself)."""
    digest = hashlib.sha256()
    try:
        for path in task.paths:
            with open(path, "rb") as handle:
                while chunk := handle.read(HASH_CHUNK):
                    digest.update(chunk)
            digest.update(b"\x00" + path.name.encode("utf-8", "surrogateescape"))
    except OSError:
        return None
    return digest.hexdigest()


@dataclass(frozen=True, slots=True)
class Marker:
    """What a finished document leaves behind: how it was made, and its outcome."""

    input_hash: str
    signature: str
    outcome: Outcome

    def to_json(self) -> str:
        outcome = asdict(self.outcome)
        del outcome["timings"]  # wall-clock: would make markers differ between equal runs
        return json.dumps({"input_hash": self.input_hash, "signature": self.signature,
                           "outcome": outcome}, ensure_ascii=False, sort_keys=True) + "\n"

    @classmethod
    def from_json(cls, text: str) -> Marker:
        data = json.loads(text)
        return cls(data["input_hash"], data["signature"], Outcome(**data["outcome"]))


@dataclass(frozen=True, slots=True)
class RunState:
    """The ``.duiqi`` folder of one output folder, for one settings signature."""

    out_dir: Path
    signature: str

    @property
    def folder(self) -> Path:
        return self.out_dir / STATE_DIR

    def marker_path(self, doc_id: str) -> Path:
        return output_path(self.folder / MARKERS, doc_id, ".json")

    def finished(self, doc_id: str, digest: str | None) -> Outcome | None:
        """The stored outcome when the document is done with these inputs and settings and
        its outputs are still there; None when it must be (re)processed."""
        if digest is None:
            return None
        try:
            marker = Marker.from_json(self.marker_path(doc_id).read_text("utf-8"))
        except (OSError, ValueError, KeyError, TypeError):
            return None
        if (marker.input_hash, marker.signature) != (digest, self.signature):
            return None
        outputs_gone = not output_path(self.out_dir, doc_id, ".json").is_file()
        if marker.outcome.status == "ok" and outputs_gone:
            return None
        return marker.outcome

    def mark(self, doc_id: str, digest: str | None, outcome: Outcome) -> None:
        """Record a finished document, failed or not: the same input and settings would
        fail the same way, and a new duiqi version (a fix) changes the signature."""
        path = self.marker_path(doc_id)
        if digest is None:
            path.unlink(missing_ok=True)
            return
        write_text_atomic(path, Marker(digest, self.signature, outcome).to_json())

    def corpus_digest(self, entries: list[tuple[str, str | None, str]]) -> str:
        """One hash over every (doc id, input hash, status) and the signature: when it is
        unchanged, so are all the corpus-level files."""
        digest = hashlib.sha256(self.signature.encode("utf-8"))
        for entry in entries:
            digest.update(json.dumps(entry, ensure_ascii=False).encode("utf-8"))
        return digest.hexdigest()

    def corpus_current(self, digest: str, files: list[str]) -> bool:
        try:
            stored = json.loads((self.folder / CORPUS_STATE).read_text("utf-8"))
        except (OSError, ValueError):
            return False
        return stored.get("digest") == digest and all((self.out_dir / f).is_file() for f in files)

    def save_corpus(self, digest: str, doc_ids: list[str]) -> None:
        """Written last, after every corpus file: the digest and the documents they hold."""
        write_text_atomic(self.folder / CORPUS_STATE,
                          json.dumps({"digest": digest, "documents": doc_ids},
                                     ensure_ascii=False, indent=0) + "\n")

    def sweep_temp_files(self) -> None:
        """Remove the temp files of writes that a killed run left behind."""
        for path in list(self.out_dir.rglob(TEMP_GLOB)) if self.out_dir.is_dir() else []:
            path.unlink(missing_ok=True)


def finished_documents(out_dir: Path) -> list[str]:
    """The ids of the documents of the last complete run into ``out_dir``, in corpus order."""
    path = Path(out_dir) / STATE_DIR / CORPUS_STATE
    if not path.is_file():
        raise InputError("E030", path=out_dir)
    return json.loads(path.read_text("utf-8"))["documents"]
