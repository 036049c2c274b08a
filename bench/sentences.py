"""English sentence splitting: duiqi's rules against pysbd, case by case and in speed.

    python bench/sentences.py    # needs pysbd (pip install pysbd); prints Markdown

The cases are the ones news translations of the period raise (titles, "No. 3", months
before a day, dotted acronyms, times, numbered lists); the timing splits every English
paragraph of ../shared/corpus (skipped when it is absent).
"""
from __future__ import annotations

import time
from pathlib import Path

import pysbd

from pipeline.segment.en import split_english

ROOT = Path(__file__).resolve().parents[1]
SHARED_CORPUS = ROOT.parent / "shared" / "corpus"
# (text, the sentences a reader sees)
CASES = [
    ("The meeting closed at 5 p.m. Work resumed the next morning.", 2),
    ("He said no. The plan was adopted.", 2),
    ("Output rose sharply in Nov. Steel output reached a record.", 2),
    ("He answered no. Then he left.", 2),
    ("It was approved on Dec. 31. Work starts in Jan. 1956.", 2),
    ("Mr. Li Fuchun spoke on Nov. 7 at No. 3 Mill.", 1),
    ("J. V. Stalin wrote to Gen. Marshall.", 1),
    ("The meeting opened at 9 a.m. on March 2.", 1),
    ("Art. 5 of the law, see p. 12, applies.", 1),
    ("The report (Vol. II, p. 12) was read.", 1),
    ("The No. 1 plant, i.e. the largest, opened.", 1),
    ("U.S. aid to Chiang ended. The K.M.T. collapsed.", 2),
    ("He visited the U.S.S.R. in 1954.", 1),
    ("Output grew 10.5 per cent. It was a record.", 2),
    ("He said: \"We will win.\" The crowd cheered.", 2),
    ("The plan (see Vol. 2) was approved. Work began.", 2),
    ("The Soviet Union sent aid, e.g. tractors. China thanked it.", 2),
    ("The output was 5 mil. tons in all. Next year more.", 2),
    ("Units did three things: 1. Mobilize the masses; 2. Balance supply; 3. Save.", 4),
    ("Dr. Sun Yat-sen founded the Republic in 1912. He died in 1925.", 2),
]


def english_paragraphs() -> list[str]:
    paragraphs = []
    for path in sorted(SHARED_CORPUS.rglob("*.md")):
        english = path.read_text("utf-8").split("<hr />")[0]
        paragraphs += [line for line in english.splitlines() if len(line) > 40]
    return paragraphs


def main() -> None:
    sbd = pysbd.Segmenter(language="en", clean=False)
    print("| text | sentences | duiqi | pysbd |\n|---|---|---|---|")
    right = {"duiqi": 0, "pysbd": 0}
    for text, expected in CASES:
        ours, theirs = len(split_english(text)), len(sbd.segment(text))
        right["duiqi"] += ours == expected
        right["pysbd"] += theirs == expected
        print(f"| {text} | {expected} | {ours} | {theirs} |")
    print(f"\nright: duiqi {right['duiqi']}/{len(CASES)}, pysbd {right['pysbd']}/{len(CASES)}")
    paragraphs = english_paragraphs()
    if paragraphs:
        timings = {}
        for name, split in (("duiqi", split_english), ("pysbd", sbd.segment)):
            started = time.perf_counter()
            for paragraph in paragraphs:
                split(paragraph)
            timings[name] = time.perf_counter() - started
        same = sum([paragraph[s:e] for s, e in split_english(paragraph)]
                   == [s.strip() for s in sbd.segment(paragraph)] for paragraph in paragraphs)
        print(f"\n{len(paragraphs)} English paragraphs of ../shared/corpus: duiqi "
              f"{timings['duiqi'] * 1000:.1f} ms, pysbd {timings['pysbd'] * 1000:.0f} ms "
              f"({timings['pysbd'] / timings['duiqi']:.0f}x); the same sentences in "
              f"{same} of {len(paragraphs)}")


if __name__ == "__main__":
    main()
