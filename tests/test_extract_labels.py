"""One label set for both languages, no junk organisations from title-case headlines, and
no import cycle among the extract modules."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

from conftest import ROOT, SEED_000, rmrb
from pipeline.extract.entities import is_title_case
from pipeline.extract.labels import FROM_JIAGU, FROM_ONTONOTES, LABELS, PAIRABLE


def test_both_model_label_sets_map_onto_the_common_one():
    assert set(FROM_ONTONOTES.values()) == set(LABELS)
    assert set(FROM_JIAGU.values()) <= set(LABELS)
    assert set(PAIRABLE) | {l for targets in PAIRABLE.values() for l in targets} <= set(LABELS)


@pytest.mark.parametrize("text, title", [
    ("National Steel Conference Concludes Successfully; Formulate This Year's Steel "
     "Production Plan", True),
    ("85% of Vegetable Farmers in Wuhan Join Cooperatives", True),
    ("In 1955, the number of agricultural cooperatives nationwide reached more than 1.9 "
     "million", False),
    ("The Central Handicraft Bureau convened the meeting in Beijing.", False),
])
def test_title_case(text, title):
    assert is_title_case(text) is title


def test_labels_are_the_same_in_both_languages(processed):
    seed = processed(SEED_000)
    places = {e.label for e in processed(rmrb("1956-01-03_武汉")).entities if "武汉" in e.text
              or "Wuhan" in e.text}
    assert places == {"PLACE"}  # jiagu's LOC and OntoNotes' GPE alike
    by_lang = {lang: {e.label for e in seed.entities if e.lang == lang} for lang in ("zh", "en")}
    assert by_lang["zh"] <= set(LABELS) and by_lang["en"] <= set(LABELS)
    assert "ORG" in by_lang["zh"] & by_lang["en"]
    assert {p.label for p in seed.entity_pairs} <= set(LABELS)


def test_no_junk_organisations_from_a_title_case_headline(processed):
    doc = processed(rmrb("1950-01-03"))
    headline = {s.index for s in doc.side("en")
                if s.kind == "headline" and is_title_case(s.text)}
    assert headline
    in_headline = {(e.text, e.label) for e in doc.entities
                   if e.lang == "en" and e.sentence in headline}
    assert not any("Formulate" in text for text, _ in in_headline)
    body = " ".join(s.text for s in doc.side("en") if s.index not in headline)
    assert all(text in body for text, label in in_headline if label != "PLACE")
    assert ("Northeast", "PLACE") in in_headline  # places stay
    assert any(e.label == "ORG" for e in doc.entities if e.lang == "en")


def _imports(path: Path) -> set[str]:
    """Every pipeline.extract module ``path`` imports, at the top or inside a function."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module == "pipeline.extract":
                found |= {f"pipeline.extract.{alias.name}" for alias in node.names}
            elif node.module.startswith("pipeline.extract."):
                found.add(node.module)
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("pipeline.extract.")}
    return found


def test_no_import_cycle_among_the_extract_modules():
    folder = ROOT / "pipeline" / "extract"
    graph = {f"pipeline.extract.{p.stem}": _imports(p) for p in folder.glob("*.py")
             if p.stem != "__init__"}

    def reaches(start: str, goal: str, seen: set[str]) -> bool:
        for module in graph.get(start, ()):
            if module == goal or (module not in seen and reaches(module, goal, seen | {module})):
                return True
        return False

    assert [m for m in graph if reaches(m, m, set())] == []
