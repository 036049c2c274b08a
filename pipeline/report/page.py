"""The report as one HTML file: inline CSS, static SVG charts, a few lines of inline script.

The script only switches the indicator shown and, when the page is served by ``duiqi
review`` (at ``/report``), points the links at that server; opened from disk, the links go
to the review address given when the report was made.
"""
from __future__ import annotations

import dataclasses
import re
from collections import Counter
from html import escape
from urllib.parse import quote

from pipeline.errors import Errors
from pipeline.report import charts
from pipeline.report.corpus import CorpusView
from pipeline.report.facts import STATUSES, Fact, Indicator

FAILED_FORMAT = "format unknown"  # a failed document has no format in report.json
SHOWN_INDICATORS = 12  # each drawn in advance; the table lists up to TABLE_INDICATORS
TABLE_INDICATORS = 25
WORST_DOCUMENTS = 10
MAX_MONTHS = 120  # past ten years of months, the chart counts by year
MAX_DOTS = 400  # facts drawn per chart (one in k, in year order, beyond it): keeps the file small
FLAG_NAMES = {"number_mismatch": "number mismatch", "number_missing": "number missing",
              "unaligned": "unaligned", "low_score": "low score"}


def review_link(base: str, doc_id: str, bead: int | None = None) -> str:
    """The review page of a document, at a bead when one is given."""
    link = f"{base}#/doc/{quote(doc_id, safe='')}"
    return link if bead is None else f"{link}/bead/{bead}"


def render(view: CorpusView, chosen: Indicator | None, found: list[Indicator],
           review_base: str) -> str:
    report = view.report
    sections = [_summary(view), _health(view, review_base),
                _facts(chosen, found, review_base), _runs(view)]
    return PAGE.format(css=CSS, script=SCRIPT.replace("REVIEW_BASE", _js_string(review_base)),
                       review=escape(review_base), out_dir=escape(str(view.out_dir)),
                       signature=escape(report.get("signature", "")),
                       body="\n".join(sections))


def _summary(view: CorpusView) -> str:
    report = view.report
    beads = report.get("beads", 0)
    flagged = sum(1 for s in view.scores if s < view.flag_threshold)
    numbers = report.get("numbers", {})
    figures = [("documents", f"{report.get('documents', 0):,}"),
               ("succeeded", f"{report.get('succeeded', 0):,}"),
               ("failed", f"{report.get('failed', 0):,}"),
               ("beads", f"{beads:,}"),
               (f"beads below {view.flag_threshold:g}", _share(flagged, beads)),
               ("Chinese numbers matched", _percent(numbers.get("zh_match_rate"))),
               ("facts", f"{len(view.facts):,}")]
    cells = "".join(f'<div class="figure"><b>{value}</b><span>{escape(name)}</span></div>'
                    for name, value in figures)
    return f'<section class="figures">{cells}</section>'


def _health(view: CorpusView, review_base: str) -> str:
    report = view.report
    by_format = {fmt: {"ok": n} for fmt, n in report.get("by_format", {}).items()}
    if report.get("failed"):
        by_format.setdefault(FAILED_FORMAT, {})["failed"] = report["failed"]
    causes: dict[str, int] = {}
    for failure in report.get("failures", []):
        label = failure_label(failure.get("code"))
        causes[label] = causes.get(label, 0) + 1
    flags = sorted(view.flags.items(), key=lambda kv: (-kv[1], kv[0]))
    months, unaligned, mismatches = view.months, view.unaligned_by_month, view.mismatches_by_month
    period = "month"
    if len(months) > MAX_MONTHS:
        months, period = sorted({m[:4] for m in months}, key=lambda y: (not y.isdigit(), y)), "year"
        unaligned, mismatches = _by_year(unaligned), _by_year(mismatches)
    panels = [
        charts.formats_chart(by_format, "chart-formats") if by_format else _none("documents"),
        (charts.bar_chart(list(causes), list(causes.values()), "chart-failures",
                          "Failures by cause", "documents", charts.COLOURS["failed"])
         if causes else _none("failures", "No document failed.")),
        (charts.score_histogram(view.scores, view.flag_threshold, "chart-scores")
         if view.scores else _none("beads")),
        (charts.bar_chart([FLAG_NAMES.get(k, k) for k, _ in flags], [n for _, n in flags],
                          "chart-flags", "Flags by kind", "beads")
         if flags else _none("flags", "No bead is flagged.")),
    ]
    monthly = charts.months_chart(months, [unaligned[m] for m in months],
                                  [mismatches[m] for m in months], "chart-months",
                                  period) if months else _none("months")
    worst = "".join(
        f'<tr><td class="date">{escape(d.date or "—")}</td>'
        f'<td><a href="{escape(review_link(review_base, d.doc_id))}" class="review-link" '
        f'target="_blank"><span lang="zh">{escape(d.title_zh or d.doc_id)}</span></a>'
        f'<div class="muted">{escape(d.title_en or "")}</div>'
        f'<div class="path">{escape(d.doc_id)}</div></td>'
        f'<td class="num"><a href="{escape(review_link(review_base, d.doc_id, d.worst_bead))}" '
        f'class="review-link" target="_blank">{d.worst_score:.2f} (bead {d.worst_bead})</a></td>'
        f'<td class="num">{d.flags}</td><td class="num">{d.beads}</td></tr>'
        for d in view.documents[:WORST_DOCUMENTS])
    return f"""<section id="health"><h2>Corpus health</h2>
<div class="grid">{''.join(f'<div class="panel">{p}</div>' for p in panels)}</div>
<div class="panel wide">{monthly}</div>
<h3>Documents to review first</h3>
<p class="muted">Lowest bead confidence first; the links open the review at the document or
at its worst bead (start it with <code>duiqi review {escape(str(view.out_dir))}</code>).</p>
<table class="data" id="worst-documents"><thead><tr><th>Date</th><th>Document</th>
<th>Worst bead</th><th>Flags</th><th>Beads</th></tr></thead><tbody>{worst}</tbody></table>
</section>"""


def _by_year(counts: Counter) -> Counter:
    out: Counter = Counter()
    for month, count in counts.items():
        out[month[:4]] += count
    return out


def failure_label(code: str | None) -> str:
    """``E001 file is empty``: the code and the start of its message, without the file."""
    template = getattr(Errors, code or "", None)
    if template is None:
        return code or "unknown"
    words = re.sub(r"\{[^}]*\}:?\s*", "", template)
    return f"{code} {re.split(r'[.;(]', words, maxsplit=1)[0].strip()}"


def _facts(chosen: Indicator | None, found: list[Indicator], review_base: str) -> str:
    if chosen is None:
        return ('<section id="facts"><h2>Facts over time</h2><p class="muted">No fact with a '
                'year in this corpus.</p></section>')
    drawn = [chosen] + [i for i in found if i is not chosen][:SHOWN_INDICATORS - 1]
    listed = drawn + [i for i in found if i not in drawn][:TABLE_INDICATORS - len(drawn)]
    rows = []
    for index, indicator in enumerate(listed):
        years = sorted({f.year for f in indicator.facts})
        span = f"{years[0]}–{years[-1]}" if len(years) > 1 else str(years[0])
        count = Counter(f.status for f in indicator.facts)
        name = escape(indicator.name)
        pick = (f'<button type="button" class="pick" data-chart="{index}">{name}</button>'
                if indicator in drawn else name)
        rows.append(f'<tr{" class=chosen" if index == 0 else ""}><td lang="zh">{pick}</td>'
                    f'<td>{escape(indicator.name_en)}</td><td>{escape(indicator.unit)}</td>'
                    f'<td class="num">{len(indicator.facts)}</td>'
                    + "".join(f'<td class="num">{count[status]}</td>' for status in STATUSES)
                    + f'<td>{span}</td></tr>')
    figures = "\n".join(_indicator_figure(i, index, review_base, hidden=index > 0)
                        for index, i in enumerate(drawn))
    return f"""<section id="facts"><h2>Facts over time</h2>
<p class="muted">Planned (hollow, left) and forecast (hollow, brown) against achieved (filled)
values by year. The year is the one
the text gives for the figure (1955年, 今年, by the end of 1956), else the year of publication.
Each dot opens its bead in the review; hover for the document.</p>
{figures}
<h3>Indicators with the most facts</h3>
<table class="data" id="indicators"><thead><tr><th>Indicator (中文)</th><th>English</th>
<th>Unit</th><th>Facts</th><th>Planned</th><th>Forecast</th><th>Achieved</th><th>Years</th></tr></thead>
<tbody>{''.join(rows)}</tbody></table></section>"""


def _indicator_figure(indicator: Indicator, index: int, review_base: str,
                      hidden: bool) -> str:
    total = len(indicator.facts)
    if total > MAX_DOTS:
        indicator = dataclasses.replace(indicator,
                                        facts=indicator.facts[::-(-total // MAX_DOTS)])
    facts = indicator.facts
    drawn = (f"{len(facts):,} of the {total:,} facts, one in {-(-total // MAX_DOTS)} in year "
             f"order (facts.csv or targets.csv has them all)" if total > len(facts)
             else f"The {total} facts")
    links = [review_link(review_base, f.doc_id, f.bead) for f in facts]
    titles = [f"{f.year} · {f.status} · {_value(f)} — {f.doc_id}"
              + (f" · bead {f.bead}" if f.bead is not None else "") for f in facts]
    chart = charts.facts_chart(indicator, links, titles, f"chart-facts-{index}")
    rows = "".join(
        f'<tr class="fact"><td>{f.year}</td><td>{f.status}</td><td class="num">{_value(f)}</td>'
        f'<td>{escape(f.kind)}</td><td>{escape(f.time or "")}</td>'
        f'<td><a href="{escape(link)}" class="review-link" target="_blank">'
        f'{escape(f.date or "")} {escape(_short(f.doc_id))}'
        f'{f" · bead {f.bead}" if f.bead is not None else ""}</a></td></tr>'
        for f, link in zip(facts, links))
    return f"""<figure class="facts-figure" data-chart="{index}"{" hidden" if hidden else ""}>
<figcaption><span lang="zh">{escape(indicator.name)}</span> · {escape(indicator.name_en)}
· {escape(indicator.unit or "no unit")}</figcaption>
<div class="panel wide">{chart}</div>
<details><summary>{drawn} of this chart</summary>
<table class="data facts-table"><thead><tr><th>Year</th><th>Status</th><th>Value</th>
<th>Kind</th><th>Time in the text</th><th>Document and bead</th></tr></thead>
<tbody>{rows}</tbody></table></details></figure>"""


def _runs(view: CorpusView) -> str:
    timings = view.timings
    if not timings:
        return ('<section id="runs"><h2>Runs</h2><p class="muted">No timings.json in this '
                'folder.</p></section>')
    processed = timings.get("documents", {}).get("processed", 0)
    current = timings.get("documents", {}).get("current", 0)
    seconds = timings.get("total_seconds", 0.0)
    rate = f"{processed / seconds:.2f}" if seconds and processed else "—"
    stages = {k: v for k, v in timings.get("stages", {}).items() if v > 0}
    chart = charts.stages_chart(stages, "chart-stages") if stages else _none("stages")
    return f"""<section id="runs"><h2>Runs</h2>
<p>The last run processed <b>{processed:,}</b> documents ({current:,} already current) in
<b>{seconds:,.1f} s</b>: <b id="docs-per-second">{rate}</b> documents per second.</p>
<div class="panel">{chart}</div></section>"""


def _value(fact: Fact) -> str:
    shown = "–".join(_number(v) for v in (fact.value, fact.high) if v is not None)
    return f"{shown} {fact.unit}".strip()


def _number(value: float) -> str:
    return f"{value:,.0f}" if abs(value) >= 1000 else f"{value:g}"


def _short(doc_id: str) -> str:
    return doc_id.rsplit("/", 1)[-1].removesuffix(".md")[:40]


def _share(part: int, whole: int) -> str:
    return f"{part / whole:.1%}" if whole else "—"


def _percent(rate: float | None) -> str:
    return "—" if rate is None else f"{rate:.1%}"


def _none(what: str, message: str | None = None) -> str:
    return f'<p class="muted none">{escape(message or f"No {what} to show.")}</p>'


def _js_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\u003c") + '"'


PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>duiqi report · {out_dir}</title>
<style>{css}</style>
</head>
<body>
<header class="topbar"><span class="brand">duiqi <span lang="zh">对齐</span> · report</span>
<span class="crumb">{out_dir}</span>
<nav><a href="#health">Corpus health</a><a href="#facts">Facts over time</a>
<a href="#runs">Runs</a>
<a class="review-link" href="{review}" target="_blank">Open the review</a></nav>
</header>
<main>
{body}
<footer class="muted">Made by <code>duiqi report</code> from {out_dir}. Settings signature:
<code class="signature">{signature}</code></footer>
</main>
<script>{script}</script>
</body>
</html>
"""

CSS = """
:root { --ink:#1d2430; --muted:#6b7380; --line:#e3e6eb; --paper:#fbfbf9; --card:#fff;
  --accent:#2b5fab; font-family: system-ui, "Noto Sans", "Noto Sans CJK SC", sans-serif;
  color: var(--ink); background: var(--paper); }
:lang(zh) { font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", serif; }
body { margin: 0; }
[hidden] { display: none !important; }
.topbar { display: flex; gap: 1.25rem; align-items: center; padding: .6rem 1.5rem;
  background: #1f2a3a; color: #e9edf3; position: sticky; top: 0; z-index: 5; }
.brand { font-weight: 600; } .crumb { color: #b8c2d1; font-size: .85rem; flex: 1; }
.topbar nav a { color: #d3dae5; margin-left: 1rem; font-size: .9rem; text-decoration: none; }
.topbar nav a:hover { color: #fff; text-decoration: underline; }
main { max-width: 1200px; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .75rem; border-bottom: 1px solid var(--line);
  padding-bottom: .3rem; } h3 { font-size: 1rem; margin: 1.5rem 0 .3rem; }
.muted { color: var(--muted); font-size: .88rem; }
.figures { display: flex; flex-wrap: wrap; gap: .75rem; margin-top: .5rem; }
.figure { background: var(--card); border: 1px solid var(--line); border-radius: 8px;
  padding: .55rem .9rem; min-width: 7.5rem; }
.figure b { display: block; font-size: 1.35rem; font-variant-numeric: tabular-nums; }
.figure span { color: var(--muted); font-size: .8rem; }
.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); gap: .75rem; }
.panel { background: var(--card); border: 1px solid var(--line); border-radius: 8px;
  padding: .5rem; margin-bottom: .75rem; overflow-x: auto; }
.panel svg { max-width: 100%; height: auto; display: block; }
table.data { width: 100%; border-collapse: collapse; background: var(--card);
  border: 1px solid var(--line); font-size: .88rem; }
table.data th { text-align: left; font-size: .72rem; text-transform: uppercase;
  letter-spacing: .05em; color: var(--muted); padding: .45rem .6rem;
  border-bottom: 1px solid var(--line); }
table.data td { padding: .4rem .6rem; border-bottom: 1px solid var(--line); vertical-align: top; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.date { white-space: nowrap; color: var(--muted); }
.path { font-family: ui-monospace, monospace; font-size: .75rem; color: var(--muted); }
tr.chosen { background: #eef3fb; }
button.pick { font: inherit; background: none; border: 0; padding: 0; color: var(--accent);
  cursor: pointer; text-decoration: underline; text-align: left; }
a { color: var(--accent); }
figcaption { font-weight: 600; margin: .5rem 0; }
details { margin: .25rem 0 1rem; } summary { cursor: pointer; color: var(--accent); }
.signature { word-break: break-all; font-size: .7rem; }
footer { margin-top: 3rem; }
"""

SCRIPT = """
"use strict";
// Served by `duiqi review` (at /report): its links open the review on that same server.
const REVIEW = REVIEW_BASE;
if (location.protocol.startsWith("http")) {
  const here = location.origin + "/";
  document.querySelectorAll("a").forEach((a) => {
    const value = a.getAttribute("href") || a.getAttribute("xlink:href");
    if (value && value.startsWith(REVIEW)) {
      const link = here + value.slice(REVIEW.length);
      if (a.hasAttribute("href")) a.setAttribute("href", link);
      else a.setAttributeNS("http://www.w3.org/1999/xlink", "xlink:href", link);
    }
    if (a.getAttribute("target") === "_blank") a.removeAttribute("target");
  });
}
// The indicator table chooses which facts chart is shown.
document.querySelectorAll("button.pick").forEach((button) => {
  button.addEventListener("click", () => {
    const chosen = button.dataset.chart;
    document.querySelectorAll("figure.facts-figure").forEach((figure) => {
      figure.hidden = figure.dataset.chart !== chosen;
    });
    document.querySelectorAll("#indicators tr").forEach((row) => row.classList.remove("chosen"));
    button.closest("tr").classList.add("chosen");
    document.getElementById("facts").scrollIntoView({ behavior: "smooth" });
  });
});
"""
