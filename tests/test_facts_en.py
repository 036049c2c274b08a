"""English numeric facts (GUIDELINE.md): development articles pinned field by field, and the
reader's rules on small documents written here."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.stages import process_file


def english_facts(tmp_path: Path, body: str, date: str = "1955-12-01", title: str = "News"):
    """The English targets of a one-language rmrb-style article with this body."""
    path = tmp_path / "article.md"
    path.write_text(f"Title: {title}\nDate: {date}\n\n{body}\n", encoding="utf-8")
    return [t for t in process_file(path, tmp_path).targets if t.lang == "en"]


def test_a_preposition_as_root_ends(tmp_path):
    """Issue 11: "Of 500." (a letters column) made the indicator climb loop for ever."""
    facts = english_facts(tmp_path, "Of 500.\n\nOf the 500 workers, 20 were women.")
    assert [t.value for t in facts if t.value == 500]
