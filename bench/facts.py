"""Numeric facts benchmark: the development gold's scores and the extraction cost.

Runs the whole pipeline over ``../shared/corpus`` into a temporary folder, scores
``targets.csv`` with ``../shared/eval/targets/score.py`` (the scorer's own table) and prints
the extract stage's milliseconds per document from ``timings.json``:

    .venv/bin/python bench/facts.py            # the table
    .venv/bin/python bench/facts.py --errors   # and every wrong field, row by row
    .venv/bin/python bench/facts.py --keep OUT # keep the outputs in OUT
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

from pipeline.run import run_corpus  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--errors", action="store_true", help="list the scorer's errors")
    parser.add_argument("--keep", type=Path, help="write the outputs here and keep them")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        out = args.keep or Path(scratch) / "out"
        run_corpus(SHARED / "corpus", out, progress=False)
        timings = json.loads((out / "timings.json").read_text(encoding="utf-8"))
        score = [sys.executable, str(SHARED / "eval" / "targets" / "score.py"),
                 str(out / "targets.csv"), str(SHARED / "eval" / "targets" / "gold.json")]
        table = subprocess.run(score + (["--errors"] if args.errors else []),
                               capture_output=True, text=True, check=True).stdout
    documents = max(1, timings["documents"]["processed"])
    print(table)
    print(f"extract: {1000 * timings['stages']['extract'] / documents:.0f} ms per document "
          f"({documents} documents)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
