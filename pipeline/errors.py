"""Every error and warning duiqi reports, with a stable code (the spaCy ``Errors`` habit).

The library raises ``DuiqiError`` subclasses; only the CLI turns them into messages and exit
codes. Messages name the file and say how to fix the problem.
"""
from __future__ import annotations


class Errors:
    E001 = "{path}: file is empty. Remove it from the corpus or add the article text."
    E002 = "{path}: looks binary ({detail}), not a text file. Is this the right folder?"
    E003 = ("{path}: cannot decode as UTF-8, UTF-16, GB18030 or Big5 ({detail}). "
            "Re-save the file as UTF-8.")
    E004 = ("{path}: has an '<hr />' separator but no 'Original:' line after it; "
            "the Chinese block is missing or the file is truncated.")
    E005 = ("{path}: has 'Original:' but no Chinese paragraphs after it "
            "(the file may be truncated).")
    E006 = "{path}: unrecognised format: no 'Title:' header, no meeting sections, no text."
    E007 = "{path}: header field '{field}' is malformed: {detail}."
    E010 = "{path}: source and target have no sentences to align."
    E020 = "{path}: cannot read: {detail}."
    E030 = ("{path}: holds no finished run (no .duiqi/corpus.json). "
            "Run 'duiqi run CORPUS --out {path}' first.")
    E031 = ("the dask executor needs dask.distributed: install it with "
            "pip install 'duiqi[cluster]'.")
    E032 = "cannot reach the Dask scheduler at {address}: {detail}. Is 'dask scheduler' running?"
    E033 = "unknown export format '{fmt}': use one of {formats}."
    E034 = "'{value}' is not a date: give --from and --to as 1955, 1955-12 or 1955-12-31."
    E040 = "{path}: cannot read these settings ({detail}); `duiqi config` prints valid TOML."
    E041 = "{source}: unknown setting '{key}'; known in {group}: {known}."
    E042 = "{source}: setting '{key}' must be {expected}, got {value!r}."
    E043 = "{source}: setting '{key}': {detail}."
    E050 = ("{path}: the file name is too long for the output names (at most {limit} bytes "
            "with '.json'); shorten it.")
    E051 = "{path}: the file name is not valid UTF-8; rename it (e.g. convmv -f gbk -t utf8)."
    E052 = "--doc-timeout must be a positive number of seconds (0: no limit), not {value!r}."
    E053 = "--jobs must be a whole number of at least 1, not {value!r}."
    E054 = ("{path}: damaged ({detail}). Run 'duiqi run' again: it redoes documents whose "
            "outputs are missing or damaged and rebuilds the corpus files.")
    E055 = ("{path}: another 'duiqi run' is writing into this folder. Wait for it to finish "
            "or choose another --out.")
    E056 = ("{path}: stopped after {seconds} s (--doc-timeout); its worker was replaced and "
            "the batch went on. The next run tries it again; raise --doc-timeout if the "
            "document is only long.")
    E057 = "{path}: the worker process died ({detail}); the next run tries it again."
    E058 = ("{path}: cannot write: {cause}. Nothing written before was lost; free space or "
            "fix the folder and run again: the documents not written are redone.")
    E060 = "{path}: cannot read it for the report ({detail}); run 'duiqi run' again."
    E061 = ("no indicator matches {wanted!r}; the report's table of indicators lists the "
            "names, e.g. {examples}.")
    E999 = ("{path}: unexpected {kind}: {detail} (at {where}). This is a bug in duiqi: "
            "please report it with the file.")


# Failures of the machine, not of the input: never remembered, so the next run retries them.
RETRIED = frozenset({"E020", "E056", "E057", "E058"})


class Warnings:
    W001 = "no Chinese side: English-only document, extraction only and no TMX"
    W002 = "Date header '{value}' is not an ISO date; kept as written"
    W003 = "{count} characters that XML forbids were removed from the TMX"
    W004 = "the English side has no sentences; nothing to align"
    W020 = ("{path}: the last line was cut by a crash; it was moved to {aside} and review "
            "goes on without it")
    W021 = "{path}: skipped, {detail}"
    W022 = "decoded as Big5 (traditional characters), not UTF-8 or GB18030"
    W023 = ("a second 'Original:' block (line {line}) was ignored: only the first Chinese "
            "text is aligned")
    W024 = ("{count} Chinese line(s) in the English section (a copy of the Chinese text) "
            "left out of the English")
    W025 = "line {line}: garbled English (a wrong decoding?) left out"


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
    R012 = "nothing to redo: no undo since the last edit."
    R020 = ("{path}:{line}: the corrections journal has a line that is not a JSON edit "
            "({detail}); the file is append-only, so restore it from a backup or remove "
            "that line by hand.")
    R021 = ("{path}: entry {version} of {doc_id} cannot be replayed ({detail}); "
            "the journal was edited by hand or written by another version.")
    R022 = ("{doc_id}: the record already carries review corrections; apply the journal "
            "to the pipeline's own output, not to an exported copy.")
    R023 = ("--dest {dest} is the output folder itself; exporting there would overwrite "
            "the pipeline's output that the journal replays over. Choose another folder.")
    R030 = "the request body is over {limit} bytes; an edit is a few hundred."
    R031 = "{path}: damaged ({detail}); run 'duiqi run' again to rebuild it."
    R040 = ("no report in {out_dir}: make one with 'duiqi report {out_dir}', then reload.")


# The HTTP status the review server answers each review error with.
# A journal or a document the server cannot use is a conflict with the folder's state (409),
# never a 500: the message says which file and what to do.
REVIEW_STATUS = {"R001": 400, "R002": 404, "R003": 409, "R004": 400, "R005": 400, "R006": 400,
                 "R007": 415, "R010": 422, "R011": 422, "R012": 422, "R020": 409, "R021": 409,
                 "R022": 400, "R023": 400, "R030": 413, "R031": 409, "R040": 404}


class DuiqiError(Exception):
    """Base class for every error the library raises on purpose."""

    messages: type = Errors

    def __init__(self, code: str, **kwargs: object) -> None:
        self.code = code
        self.message = getattr(self.messages, code).format(**kwargs)
        super().__init__(f"[{code}] {self.message}")


class InputError(DuiqiError):
    """The input file cannot be turned into a document."""


class SettingsError(DuiqiError):
    """A configuration file or option that names an unknown setting or a bad value."""


class ReviewError(DuiqiError):
    """A review request or a journal that the review code refuses."""

    messages = ReviewErrors

    def __init__(self, code: str, **kwargs: object) -> None:
        super().__init__(code, **kwargs)
        self.status = REVIEW_STATUS[code]


class EditError(ReviewError):
    """An edit that would break the beads (monotone, every sentence exactly once)."""

    def __init__(self, detail: str) -> None:
        super().__init__("R010", detail=detail)
