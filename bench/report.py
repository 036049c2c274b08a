"""`duiqi report` at corpus scale: seconds, peak memory and HTML size against documents.

Replicates the documents of a finished output folder (``duiqi run`` on ``../shared``, say)
into a temporary folder, N copies with publication dates spread over 1946-2003 so that the
month chart spans the whole paper, then writes the report in a fresh process per size:

    .venv/bin/duiqi run ../shared/corpus --out /tmp/shared-out
    .venv/bin/python bench/report.py /tmp/shared-out --sizes 1000 5000

It prints a Markdown table for ``bench/RESULTS.md``.
"""
from __future__ import annotations

import argparse
import json
import platform
import random
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.run.state import CORPUS_STATE, STATE_DIR, finished_documents  # noqa: E402
from pipeline.write.corpus import output_path  # noqa: E402

FIRST_DATE = date(1946, 5, 15)
DAYS = (date(2003, 12, 31) - FIRST_DATE).days


def replicate(source: Path, target: Path, count: int) -> None:
    """``count`` documents made from the source's, each under its own id and date."""
    records = [json.loads(output_path(source, d, ".json").read_text("utf-8"))
               for d in finished_documents(source)]
    rng = random.Random(13)
    doc_ids = []
    for number in range(count):
        record = dict(records[number % len(records)])
        name = record["doc_id"].rsplit("/", 1)[-1]
        record["doc_id"] = f"copy{number // 100:03d}/{number:05d}_{name}"
        record["meta"] = {**record["meta"],
                          "date": (FIRST_DATE + timedelta(rng.randrange(DAYS))).isoformat()}
        path = output_path(target, record["doc_id"], ".json")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(record, ensure_ascii=False), "utf-8")
        doc_ids.append(record["doc_id"])
    for name in ("report.json", "timings.json"):
        shutil.copyfile(source / name, target / name)
    (target / STATE_DIR).mkdir()
    (target / STATE_DIR / CORPUS_STATE).write_text(json.dumps({"documents": doc_ids}), "utf-8")


def measure(folder: Path) -> dict:
    """Write the report in a fresh process; its seconds and peak memory."""
    code = ("import json, resource, sys, time; t = time.perf_counter(); "
            "from pipeline.report import write_report; p = write_report(sys.argv[1]); "
            "print(json.dumps({'seconds': time.perf_counter() - t, 'bytes': p.stat().st_size, "
            "'peak_mb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))")
    out = subprocess.run([sys.executable, "-c", code, str(folder)], check=True,
                         capture_output=True, text=True, cwd=ROOT)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="a finished output folder of duiqi run")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000])
    args = parser.parse_args()
    rows = []
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as folder:
            replicate(args.source, Path(folder), size)
            started = time.perf_counter()
            result = measure(Path(folder))
            rows.append((size, result, time.perf_counter() - started))
    print(f"`bench/report.py --sizes {' '.join(map(str, args.sizes))}` on {platform.machine()}, "
          f"Python {platform.python_version()}, {date.today().isoformat()}\n")
    print("| documents | seconds (in process) | seconds (with start-up) | peak memory (MB) "
          "| report.html (KB) |\n|---:|---:|---:|---:|---:|")
    for size, result, wall in rows:
        print(f"| {size:,} | {result['seconds']:.1f} | {wall:.1f} | {result['peak_mb']:.0f} "
              f"| {result['bytes'] / 1024:.0f} |")


if __name__ == "__main__":
    main()
