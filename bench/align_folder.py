"""`duiqi align` latency and throughput: one small pair, and a folder of pairs aligned by
one command against one command per pair.

    nice -n 5 python bench/align_folder.py [--repeat 3]

Pairs are the Chinese and English bodies of the ../shared rmrb articles (one paragraph a
line) plus the sample corpus pair; the one-line pair is one sentence a side. Every call
is a fresh `duiqi` process, so interpreter start-up and model loading are included. The
first one-line call runs with an empty cache folder (CC-CEDICT parsed into it), the others
with the cache filled. Prints Markdown for bench/RESULTS.md.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED_CORPUS = ROOT.parent / "shared" / "corpus"
DUIQI = Path(sys.executable).with_name("duiqi")
ONE_LINE = ("全国钢产量将达到一百万吨。\n", "National steel output will reach 1 million tons.\n")


def timed(*args: object, env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run([str(DUIQI), *map(str, args)], check=True, env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def write_pairs(src: Path, tgt: Path) -> int:
    from pipeline.ingest import read_document

    src.mkdir()
    tgt.mkdir()
    count = 0
    for path in sorted((SHARED_CORPUS / "rmrb").rglob("*.md")):
        doc = read_document(path, SHARED_CORPUS)
        if doc.paragraphs.get("zh") and doc.paragraphs.get("en"):
            for folder, lang in ((src, "zh"), (tgt, "en")):
                text = "\n".join(p.text for p in doc.paragraphs[lang]) + "\n"
                (folder / f"{path.stem}.txt").write_text(text, "utf-8")
            count += 1
    for folder, lang in ((src, "zh"), (tgt, "en")):
        sample = ROOT / "corpus" / "pairs" / f"cooperative_bookkeeping.{lang}.txt"
        (folder / "cooperative_bookkeeping.txt").write_bytes(sample.read_bytes())
    return count + 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="warm one-line calls")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        env = {**os.environ, "DUIQI_CACHE_DIR": str(tmp / "cache")}
        zh, en = tmp / "one.zh.txt", tmp / "one.en.txt"
        zh.write_text(ONE_LINE[0], "utf-8")
        en.write_text(ONE_LINE[1], "utf-8")
        cold = timed("align", zh, en, env=env)
        warm = [timed("align", zh, en, env=env) for _ in range(args.repeat)]
        warm_json = [timed("align", zh, en, "--format", "json", env=env)
                     for _ in range(args.repeat)]
        print("| one-line pair | seconds |\n|---|---:|")
        print(f"| `duiqi align`, beads, empty cache (first call) | {cold:.2f} |")
        print(f"| `duiqi align`, beads, cache filled (median of {args.repeat}) | "
              f"{statistics.median(warm):.2f} |")
        print(f"| `duiqi align --format json` (extraction too), median of {args.repeat} | "
              f"{statistics.median(warm_json):.2f} |")

        src, tgt = tmp / "src", tmp / "tgt"
        pairs = write_pairs(src, tgt)
        names = sorted(p.name for p in src.iterdir())
        print("\n| folder of {} pairs | seconds | pairs/s |\n|---|---:|---:|".format(pairs))
        for fmt in ("beads", "json"):
            per_pair = sum(timed("align", src / name, tgt / name, "--format", fmt,
                                 "--out", tmp / f"one-{fmt}-{name}", env=env) for name in names)
            folder = timed("align", src, tgt, "--out", tmp / f"out-{fmt}", "--format", fmt,
                           env=env)
            print(f"| {fmt}: one `duiqi align` per pair | {per_pair:.1f} | "
                  f"{pairs / per_pair:.2f} |")
            print(f"| {fmt}: `duiqi align SRC_DIR TGT_DIR --out` | {folder:.1f} | "
                  f"{pairs / folder:.2f} |")


if __name__ == "__main__":
    main()
