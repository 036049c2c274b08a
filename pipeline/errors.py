"""Every error and warning duiqi reports, with a stable code (the spaCy ``Errors`` habit).

The library raises ``DuiqiError`` subclasses; only the CLI turns them into messages and exit
codes. Messages name the file and say how to fix the problem.
"""
from __future__ import annotations


class Errors:
    E001 = "{path}: file is empty. Remove it from the corpus or add the article text."
    E002 = "{path}: looks binary ({detail}), not a text file. Is this the right folder?"
    E003 = ("{path}: cannot decode as UTF-8, UTF-16 or GB18030 ({detail}). "
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
    E999 = ("{path}: unexpected {kind}: {detail} (at {where}). This is a bug in duiqi: "
            "please report it with the file.")


class Warnings:
    W001 = "no Chinese side: English-only document, extraction only and no TMX"
    W002 = "Date header '{value}' is not an ISO date; kept as written"
    W003 = "{count} characters that XML forbids were removed from the TMX"
    W004 = "the English side has no sentences; nothing to align"


class DuiqiError(Exception):
    """Base class for every error the library raises on purpose."""

    def __init__(self, code: str, **kwargs: object) -> None:
        self.code = code
        self.message = getattr(Errors, code).format(**kwargs)
        super().__init__(f"[{code}] {self.message}")


class InputError(DuiqiError):
    """The input file cannot be turned into a document."""
