"""Numeric facts benchmark: the development gold's scores and the extraction cost.

Runs the whole pipeline over ``../shared/corpus`` (the development gold) and over the
project's own ``corpus/`` (``bench/gold``: a tuning split and two held-out splits) into
temporary folders, scores each ``targets.csv`` with ``../shared/eval/targets/score.py`` (the
scorer's own table), then
times the extract and link stages again document by document, in CPU milliseconds (the
machine is shared, so wall seconds would measure the neighbours), models already loaded:

    .venv/bin/python bench/facts.py            # the table
    .venv/bin/python bench/facts.py --errors   # and every wrong field, row by row (the
                                               # held-out splits: their scores only)
    .venv/bin/python bench/facts.py --keep OUT # keep the outputs in OUT
"""
from __future__ import annotations

import argparse
import copy
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "eval" / "targets" / "score.py"
# (output folder, corpus, gold, errors may be listed): the development gold, then the
# project's own splits (one run of corpus/ serves all three; later runs find it current).
GOLD = [("shared", SHARED / "corpus", SHARED / "eval" / "targets" / "gold.json", True),
        ("own", ROOT / "corpus", ROOT / "bench" / "gold" / "facts_tuning.json", True),
        ("own", ROOT / "corpus", ROOT / "bench" / "gold" / "facts_heldout.json", False),
        ("own", ROOT / "corpus", ROOT / "bench" / "gold" / "facts_heldout2.json", False),
        ("own", ROOT / "corpus", ROOT / "bench" / "gold" / "facts_heldout3.json", False)]
sys.path.insert(0, str(ROOT))

from pipeline.run import run_corpus  # noqa: E402
from pipeline.settings import Settings  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--errors", action="store_true", help="list the scorer's errors")
    parser.add_argument("--keep", type=Path, help="write the outputs here and keep them")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        out = args.keep or Path(scratch) / "out"
        for name, corpus, gold, errors in GOLD:
            run_corpus(corpus, out / name, progress=False)
            score = [sys.executable, str(SCORER), str(out / name / "targets.csv"),
                     str(gold)] + (["--errors"] if args.errors and errors else [])
            table = subprocess.run(score, capture_output=True, text=True, check=True).stdout
            print(f"## {gold.relative_to(ROOT.parent)}\n\n{table}")
    extract_ms, link_ms = stage_cpu_ms(SHARED / "corpus")
    print(f"CPU ms per document over {len(extract_ms)} documents: extract "
          f"{statistics.mean(extract_ms):.0f} (median {statistics.median(extract_ms):.0f}), "
          f"link {statistics.mean(link_ms):.0f}, extract + link "
          f"{statistics.mean(extract_ms) + statistics.mean(link_ms):.0f}")
    return 0


def stage_cpu_ms(corpus: Path) -> tuple[list[float], list[float]]:
    """CPU milliseconds of extract and of link for every document, after one warm-up pass
    that loads spaCy, jieba, jiagu and the encoder."""
    from pipeline.align import align, load_encoder
    from pipeline.extract import extract
    from pipeline.ingest import read_document
    from pipeline.link import link
    from pipeline.segment import segment

    settings = Settings()
    encoder = load_encoder(settings.align.encoder)
    docs = [segment(read_document(path, corpus), settings.segment)
            for path in sorted(corpus.rglob("*")) if path.suffix in (".md", ".txt")]
    extract_ms, link_ms = [], []
    for measured in (False, True):
        for doc in docs:
            doc = copy.deepcopy(doc)
            started = time.process_time()
            extract(doc, settings.extract)
            extracted = time.process_time()
            align(doc, settings.align, encoder)
            aligned = time.process_time()
            link(doc, settings, encoder)
            if measured:
                extract_ms.append(1000 * (extracted - started))
                link_ms.append(1000 * (time.process_time() - aligned))
    return extract_ms, link_ms


if __name__ == "__main__":
    sys.exit(main())
