"""Every error the review app reports, with a stable code and the HTTP status it maps to.

Kept beside the review package (the ``pipeline.errors`` habit: one module, codes, messages
that say how to fix the problem); the Starlette layer turns a ``ReviewError`` into a JSON
answer with ``STATUS[code]``, the CLI into a message and an exit code.
"""
from __future__ import annotations


class ReviewErrors:
    R001 = ("{doc_id!r} is not a document path inside the output folder: use the doc_id "
            "as listed (relative, '/' separated, no '..', no link leading outside).")
    R002 = "no document {doc_id!r} in {out_dir}; the list at /api/documents has every doc_id."
    R003 = ("{doc_id}: the edit was made on version {sent} but the document is at version "
            "{current} (someone else edited it); reload the document and edit again.")
    R004 = "the request body is not valid JSON ({detail})."
    R005 = "the request is malformed: {detail}."
    R006 = "unknown operation {op!r}; use one of: {known}."
    R007 = "send the edit as JSON (Content-Type: application/json)."
    R010 = "{detail}"
    R011 = "nothing to undo: the document is at the pipeline's alignment."
    R020 = ("{path}:{line}: the corrections journal has a line that is not a JSON edit "
            "({detail}); the file is append-only, so restore it from a backup or remove "
            "that line by hand.")
    R021 = ("{path}: entry {version} of {doc_id} cannot be replayed ({detail}); "
            "the journal was edited by hand or written by another version.")
    R022 = ("{doc_id}: the record already carries review corrections; apply the journal "
            "to the pipeline's own output, not to an exported copy.")
    R023 = ("--dest {dest} is the output folder itself; exporting there would overwrite "
            "the pipeline's output that the journal replays over. Choose another folder.")


STATUS = {"R001": 400, "R002": 404, "R003": 409, "R004": 400, "R005": 400, "R006": 400,
          "R007": 415, "R010": 422, "R011": 422, "R020": 500, "R021": 500, "R022": 400,
          "R023": 400}


class ReviewError(Exception):
    """A request or a journal the review code refuses, with a code from ``ReviewErrors``."""

    def __init__(self, code: str, **kwargs: object) -> None:
        self.code = code
        self.status = STATUS[code]
        self.message = getattr(ReviewErrors, code).format(**kwargs)
        super().__init__(f"[{code}] {self.message}")


class EditError(ReviewError):
    """An edit that would break the beads (monotone, every sentence exactly once)."""

    def __init__(self, detail: str) -> None:
        super().__init__("R010", detail=detail)
