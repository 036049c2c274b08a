"""Resume state: a completion marker per document and the hashes of the corpus files.

A document's marker is written after its outputs (the datatrove habit). It records the hash
of the input bytes, the settings signature (which carries the duiqi version), the outcome
and the SHA-256 of every output. A marker that matches the inputs, the settings and the
outputs on disk proves that the outputs are whole and current, so the document is skipped;
a missing or damaged output makes it run again. A run killed at any point leaves at most
some documents without a marker, and those are simply redone. Only deterministic failures
(of the input) get a marker: a failure of the machine is retried by the next run.
"""
from __future__ import annotations

import hashlib
import json
import os
import stat
from dataclasses import asdict, dataclass, field

from pipeline.run.discover import Task
from pipeline.run.outcome import Outcome
from pipeline.write.atomic import write_text_atomic
from pipeline.write.folder import HASH_CHUNK, OutputFolder


def input_hash(task: Task) -> str | None:
    """SHA-256 of the task's input files, in order; None when one cannot be read or is no
    regular file (the document is then processed, and reports the error itself)."""
    digest = hashlib.sha256()
    try:
        for path in task.paths:
            if not stat.S_ISREG(os.stat(path).st_mode):
                return None  # a FIFO would block the open
            with open(path, "rb") as handle:
                while chunk := handle.read(HASH_CHUNK):
                    digest.update(chunk)
            digest.update(b"\x00" + path.name.encode("utf-8", "surrogateescape"))
    except OSError:
        return None
    return digest.hexdigest()


@dataclass(frozen=True, slots=True)
class Marker:
    """What a finished document leaves behind: how it was made, its outcome, its outputs."""

    input_hash: str
    signature: str
    outcome: Outcome
    outputs: dict[str, str] = field(default_factory=dict)  # suffix -> SHA-256

    def to_json(self) -> str:
        outcome = asdict(self.outcome)
        del outcome["timings"]  # wall-clock: would make markers differ between equal runs
        return json.dumps({"input_hash": self.input_hash, "signature": self.signature,
                           "outcome": outcome, "outputs": self.outputs},
                          ensure_ascii=False, sort_keys=True) + "\n"

    @classmethod
    def from_json(cls, text: str) -> Marker:
        data = json.loads(text)
        return cls(data["input_hash"], data["signature"], Outcome(**data["outcome"]),
                   dict(data["outputs"]))


@dataclass(frozen=True, slots=True)
class RunState:
    """The resume state of one output folder, for one settings signature."""

    folder: OutputFolder
    signature: str

    def finished(self, doc_id: str, digest: str | None) -> Outcome | None:
        """The stored outcome when the document is done with these inputs and settings and
        its outputs are on disk as they were written; None when it must be (re)processed."""
        if digest is None:
            return None
        try:
            marker = Marker.from_json(self.folder.marker(doc_id).read_text("utf-8"))
        except (OSError, ValueError, KeyError, TypeError):
            return None
        if (marker.input_hash, marker.signature) != (digest, self.signature):
            return None
        if marker.outcome.status == "ok" and marker.outputs != self.folder.output_digests(doc_id):
            return None  # an output missing, damaged or left from another run
        return marker.outcome

    def mark(self, doc_id: str, digest: str | None, outcome: Outcome,
             outputs: dict[str, str]) -> None:
        """Record a finished document, failed or not: the same input and settings would
        fail the same way, and a new duiqi version (a fix) changes the signature."""
        path = self.folder.marker(doc_id)
        if digest is None:
            path.unlink(missing_ok=True)
            return
        write_text_atomic(path, Marker(digest, self.signature, outcome, outputs).to_json())

    def corpus_digest(self, entries: list[tuple[str, str | None, str]]) -> str:
        """One hash over every (doc id, input hash, status) and the signature: when it is
        unchanged, so are all the corpus-level files."""
        digest = hashlib.sha256(self.signature.encode("utf-8"))
        for entry in entries:
            digest.update(json.dumps(entry, ensure_ascii=False).encode("utf-8"))
        return digest.hexdigest()

    def corpus_current(self, digest: str) -> bool:
        """The corpus files were made from these documents and are on disk as written."""
        try:
            stored = json.loads(self.folder.corpus_state.read_text("utf-8"))
        except (OSError, ValueError):
            return False
        return (isinstance(stored, dict) and stored.get("digest") == digest
                and stored.get("files") == self.folder.corpus_digests())

    def save_corpus(self, digest: str, doc_ids: list[str]) -> None:
        """Written last, after every corpus file: the digest, the documents they hold and
        the hash of each."""
        write_text_atomic(self.folder.corpus_state,
                          json.dumps({"digest": digest, "documents": doc_ids,
                                      "files": self.folder.corpus_digests()},
                                     ensure_ascii=False, indent=0) + "\n")
