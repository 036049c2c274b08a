"""The stages in their order: no module of an earlier stage imports a later one."""
from __future__ import annotations

import re

from conftest import ROOT

ORDER = ["ingest", "segment", "extract", "align", "link", "write"]
# What runs the stages or reads their outputs: never imported by a stage.
AFTER = {"run", "review", "report", "export", "stages", "cli"}


def test_no_stage_imports_a_later_one():
    wrong = []
    for path in sorted((ROOT / "pipeline").rglob("*.py")):
        package = path.relative_to(ROOT / "pipeline").parts[0]
        if package not in ORDER:
            continue
        for found in re.finditer(r"^\s*(?:from|import) pipeline\.(\w+)", path.read_text("utf-8"),
                                 re.M):
            target = found.group(1)
            if target in AFTER or (target in ORDER and ORDER.index(target) > ORDER.index(package)):
                wrong.append(f"{path.relative_to(ROOT)} imports pipeline.{target}")
    assert wrong == []
