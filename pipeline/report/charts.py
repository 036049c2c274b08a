"""The report's charts as static SVG, drawn with matplotlib.

Why matplotlib: the most widely kept Python plotting library draws SVG that needs no script
at all, so the report opens offline and nothing can fail to load; a chart is a few tens of
kilobytes (Plotly's bundle alone is 3.5 MB, Vega's scripts near 1 MB), and each fact's dot is
an SVG link (``set_urls``) to its bead in the review. Text stays text (``svg.fonttype``
none), so Chinese renders with the browser's fonts; a fixed hash salt and no date keep the
bytes stable.
"""
from __future__ import annotations

import io
import re
from collections.abc import Callable
from xml.sax.saxutils import escape

import matplotlib

matplotlib.use("svg")
import matplotlib.pyplot as plt  # noqa: E402  (the backend must be chosen first)
from matplotlib.ticker import FuncFormatter, MaxNLocator  # noqa: E402

from pipeline.report.facts import Fact, Indicator  # noqa: E402

COLOURS = {"ok": "#2f8a4c", "failed": "#c2412d", "bar": "#2b5fab", "planned": "#d98a1c",
           "forecast": "#8a6d3b",
           "achieved": "#2b5fab", "threshold": "#c2412d", "unaligned": "#7a4fb5",
           "mismatch": "#c2412d"}
STYLE = {"svg.fonttype": "none", "svg.hashsalt": "duiqi", "font.size": 9,
         "font.family": ["DejaVu Sans"], "axes.spines.top": False, "axes.spines.right": False,
         "axes.titlesize": 10, "axes.titleweight": "bold", "axes.titlelocation": "left"}
# Inches; a browser shows 96 px an inch, so WIDE fills the page and NARROW half of it.
WIDE, NARROW = (11.4, 3.0), (5.6, 2.8)
MAX_MONTH_LABELS = 12
SCORE_BINS = 20


def svg(draw: Callable[[plt.Axes], None], chart_id: str, size=NARROW) -> str:
    """Draw on a fresh figure and return its SVG, with every id prefixed by ``chart_id`` so
    that many charts can share one HTML page."""
    with plt.rc_context(STYLE):
        figure, axes = plt.subplots(figsize=size, layout="constrained")
        try:
            draw(axes)
            buffer = io.StringIO()
            figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
        finally:
            plt.close(figure)
    text = buffer.getvalue()
    text = re.sub(r"\s*<metadata>.*?</metadata>", "", text[text.index("<svg"):], flags=re.S)
    text = text.replace("<svg ", f'<svg id="{chart_id}" class="chart" role="img" ', 1)
    ours = {name for name in re.findall(r'\bid="([^"]+)"', text) if name.startswith(chart_id)}
    for old in sorted(set(re.findall(r'\bid="([^"]+)"', text)) - ours, key=len, reverse=True):
        new = f"{chart_id}-{old}"
        text = (text.replace(f'id="{old}"', f'id="{new}"').replace(f'"#{old}"', f'"#{new}"')
                .replace(f"url(#{old})", f"url(#{new})"))
    return text


def marks(bars, prefix: str) -> None:
    """Name each drawn bar ``PREFIX-mark-N``, so a test (or a script) can find the marks."""
    for number, bar in enumerate(bars):
        bar.set_gid(f"{prefix}-mark-{number}")


def bar_chart(labels: list[str], values: list[float], chart_id: str, title: str,
              xlabel: str, colour: str = COLOURS["bar"], integer: bool = True) -> str:
    """Horizontal bars, the first label on top, each bar with its value written beside it."""
    def draw(axes):
        positions = range(len(labels))[::-1]
        bars = axes.barh(list(positions), values, color=colour, height=0.6)
        marks(bars, chart_id)
        axes.set_yticks(list(positions), labels)
        axes.bar_label(bars, fmt="%d" if integer else "%.1f", padding=3, fontsize=8)
        axes.set_xlabel(xlabel)
        axes.set_title(title)
        axes.set_xlim(0, max(values, default=1) * 1.18 or 1)
        if integer:
            axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    return svg(draw, chart_id, (NARROW[0], max(1.6, 0.75 + 0.32 * len(labels))))


def formats_chart(by_format: dict[str, dict[str, int]], chart_id: str) -> str:
    """Documents by format, ok and failed stacked."""
    formats = sorted(by_format)

    def draw(axes):
        positions = list(range(len(formats)))[::-1]
        left = [0] * len(formats)
        for outcome in ("ok", "failed"):
            counts = [by_format[f].get(outcome, 0) for f in formats]
            bars = axes.barh(positions, counts, left=left, color=COLOURS[outcome], height=0.6,
                             label=outcome)
            marks(bars, f"{chart_id}-{outcome}")
            left = [a + b for a, b in zip(left, counts)]
        axes.set_yticks(positions, formats)
        axes.xaxis.set_major_locator(MaxNLocator(integer=True))
        axes.set_xlabel("documents")
        axes.set_title("Documents by format and outcome")
        axes.legend(frameon=False, ncols=2, loc="lower right", bbox_to_anchor=(1, 1))
    return svg(draw, chart_id, (NARROW[0], max(1.6, 1.0 + 0.35 * len(formats))))


def score_histogram(scores: list[float], threshold: float, chart_id: str) -> str:
    """Bead confidences in bins of 0.05, with the line below which beads are flagged."""
    def draw(axes):
        _, _, bars = axes.hist(scores, bins=SCORE_BINS, range=(0.0, 1.0),
                               color=COLOURS["bar"], edgecolor="white")
        marks(bars, chart_id)
        axes.axvline(threshold, color=COLOURS["threshold"], linestyle="--", linewidth=1.2)
        axes.annotate(f"flagged below {threshold:g}", (threshold, 1), xycoords=("data",
                      "axes fraction"), xytext=(-4, -4), textcoords="offset points",
                      ha="right", va="top", color=COLOURS["threshold"], fontsize=8)
        axes.set_xlim(0, 1)
        axes.set_xlabel("bead confidence")
        axes.set_ylabel("beads")
        axes.set_title("Bead scores")
    return svg(draw, chart_id)


def months_chart(months: list[str], unaligned: list[int], mismatches: list[int],
                 chart_id: str, period: str = "month") -> str:
    """Unaligned sentences and number mismatches per month (or year) of publication."""
    def draw(axes):
        positions = list(range(len(months)))
        width = 0.4
        for offset, values, name, key in ((-width / 2, unaligned, "unaligned sentences",
                                           "unaligned"),
                                          (width / 2, mismatches, "number mismatches",
                                           "mismatch")):
            bars = axes.bar([p + offset for p in positions], values, width=width,
                            color=COLOURS[key], label=name)
            marks(bars, f"{chart_id}-{key}")
        step = max(1, -(-len(months) // MAX_MONTH_LABELS))
        axes.set_xticks(positions[::step], months[::step], rotation=0 if step == 1 and
                        len(months) <= 6 else 45, ha="center" if len(months) <= 6 else "right")
        axes.yaxis.set_major_locator(MaxNLocator(integer=True))
        axes.set_ylabel("count")
        axes.set_title(f"Unaligned sentences and number mismatches by {period} of publication")
        axes.legend(frameon=False, loc="upper left")
    return svg(draw, chart_id, WIDE)


# (status, offset from the year, face colour: "none" draws a hollow dot), in drawing order.
FACT_STYLES = (("planned", -0.12, "none"), ("forecast", 0.0, "none"), ("achieved", 0.12, None))


def facts_chart(indicator: Indicator, links: list[str], titles: list[str],
                chart_id: str) -> str:
    """Planned (hollow) and forecast (hollow, apart) against achieved (filled) values by year,
    one dot per fact, each dot a link; a log scale when the values span more than three
    orders of magnitude."""
    def draw(axes):
        for status, offset, face in FACT_STYLES:
            chosen = [i for i, f in enumerate(indicator.facts) if f.status == status]
            if not chosen:
                continue
            colour = COLOURS[status]
            dots = axes.scatter([indicator.facts[i].year + offset for i in chosen],
                                [indicator.facts[i].value for i in chosen], s=34,
                                facecolors=face or colour, edgecolors=colour, linewidths=1.5,
                                label=status, zorder=3)
            dots.set_urls([links[i] for i in chosen])
            dots.set_gid(f"{chart_id}-{status}")
            ranges = [i for i in chosen if indicator.facts[i].high is not None]
            if ranges:  # a range (5 to 10 percent): a bar from its low to its high end
                axes.vlines([indicator.facts[i].year + offset for i in ranges],
                            [indicator.facts[i].value for i in ranges],
                            [indicator.facts[i].high for i in ranges], colors=colour,
                            linewidth=2, alpha=0.6, zorder=2)
        values = [v for f in indicator.facts for v in (f.value, f.high) if v is not None]
        if min(values) > 0 and max(values) / min(values) > 1000:
            axes.set_yscale("log")
        else:
            axes.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:,.0f}"
                                                         if abs(v) >= 100 else f"{v:g}"))
        years = [f.year for f in indicator.facts]
        axes.set_xlim(min(years) - 0.6, max(years) + 0.6)
        axes.xaxis.set_major_locator(MaxNLocator(integer=True))
        axes.grid(axis="y", color="#e3e6eb", linewidth=0.8)
        axes.set_xlabel("year")
        axes.set_ylabel(indicator.unit or "value")
        axes.set_title(indicator.name_en or "facts by year")
        axes.legend(frameon=False, loc="best")
    return _with_titles(svg(draw, chart_id, WIDE), chart_id, indicator.facts, titles)


def _with_titles(text: str, chart_id: str, facts: tuple[Fact, ...], titles: list[str]) -> str:
    """A tooltip on each dot: matplotlib writes one link per dot, status by status in the
    order of ``FACT_STYLES``, and this puts a ``<title>`` inside each."""
    ordered = iter([titles[i] for status, _, _ in FACT_STYLES
                    for i, f in enumerate(facts) if f.status == status])
    return re.sub(r"(<a [^>]*>)", lambda m: f"{m.group(1)}<title>{escape(next(ordered))}"
                  "</title>", text)


def stages_chart(stages: dict[str, float], chart_id: str) -> str:
    labels = sorted(stages, key=lambda k: -stages[k])
    return bar_chart(labels, [stages[k] for k in labels], chart_id, "Seconds per stage",
                     "seconds (encode is part of align)", integer=False)
