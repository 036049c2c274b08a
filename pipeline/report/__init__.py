"""``duiqi report OUT``: one self-contained HTML page about an output folder.

    duiqi report OUT_DIR [--html OUT_DIR/report.html] [--indicator 粮食] [--review-url URL]

It shows the corpus's health (documents by format and outcome, failures by cause, bead
scores against the flag threshold, flags by kind, unaligned sentences and number mismatches
by month), facts over time (planned against achieved values by year for an indicator, each
dot a link to its bead in ``duiqi review``, and the indicators with the most facts in both
languages) and the last run's speed from ``timings.json``. ``corpus`` reads the folder,
``facts`` joins the facts of both languages, ``charts`` draws the SVG and ``page`` writes
the HTML; the page needs no network.
"""
from __future__ import annotations

from pathlib import Path

from pipeline.errors import InputError

REPORT_NAME = "report.html"
DEFAULT_REVIEW_URL = "http://127.0.0.1:8765/"  # where `duiqi review` serves by default


def write_report(out_dir: Path, html: Path | None = None, indicator: str | None = None,
                 review_url: str = DEFAULT_REVIEW_URL) -> Path:
    """Write the report of ``out_dir`` (default ``out_dir/report.html``); return its path.

    Raises ``InputError`` when the folder holds no finished run (E030), a run file cannot be
    read (E060) or no indicator matches ``indicator`` (E061).
    """
    # Imported here, so that naming REPORT_NAME (the review does) loads no matplotlib.
    from pipeline.report.corpus import read_corpus
    from pipeline.report.facts import choose, indicators
    from pipeline.report.page import render
    from pipeline.write.atomic import write_text_atomic

    out_dir = Path(out_dir)
    view = read_corpus(out_dir)
    found = indicators(view.facts)
    chosen = choose(found, indicator)
    if indicator and chosen is None:
        examples = ", ".join(repr(i.name) for i in found[:3]) or "none in this corpus"
        raise InputError("E061", wanted=indicator, examples=examples)
    base = review_url if review_url.endswith("/") else review_url + "/"
    path = out_dir / REPORT_NAME if html is None else Path(html)
    write_text_atomic(path, render(view, chosen, found, base))
    return path
