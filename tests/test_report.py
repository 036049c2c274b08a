"""`duiqi report`: the HTML page of a real run, opened from disk in headless chromium with
the network blocked, and the facts it reads before and after the link stage's ``facts``."""
from __future__ import annotations

import json
import re
import shutil
from urllib.parse import unquote

import pytest
from runs import build_corpus
from test_review_browser import CHROMIUM, CHROMIUM_ARGS, running_server
from typer.testing import CliRunner

from pipeline.cli import app as cli
from pipeline.report import write_report
from pipeline.report.facts import document_facts, fact_year, indicators
from pipeline.report.page import failure_label
from pipeline.run import run_corpus

CHARTS = ["chart-formats", "chart-failures", "chart-scores", "chart-flags", "chart-months",
          "chart-stages"]


@pytest.fixture(scope="module")
def run_out(shared, tmp_path_factory):
    """The small test corpus (articles, a meeting record, a pair, an empty and a binary
    file) run once."""
    corpus = build_corpus(tmp_path_factory.mktemp("corpus"))
    out = tmp_path_factory.mktemp("out")
    run_corpus(corpus, out, progress=False)
    return out


def test_the_report_is_written_the_same_twice_and_names_the_failures(run_out):
    result = CliRunner().invoke(cli, ["report", str(run_out)])
    assert result.exit_code == 0, result.output
    first = (run_out / "report.html").read_bytes()
    other = write_report(run_out, run_out / "again.html")
    assert other.read_bytes() == first
    html = first.decode("utf-8")
    assert not re.search(r"<script src|<link|<img|@import|url\(['\"]?http", html)
    assert "E001 file is empty" in html and "E002 looks binary" in html
    assert re.search(r'id="docs-per-second">\d+\.\d\d<', html)


def test_errors_name_the_folder_and_the_indicator(run_out, tmp_path):
    result = CliRunner().invoke(cli, ["report", str(tmp_path)])
    assert result.exit_code == 2 and "holds no finished run" in result.output
    result = CliRunner().invoke(cli, ["report", str(run_out), "--indicator", "no such thing"])
    assert result.exit_code == 2 and "no indicator matches 'no such thing'" in result.output
    broken = tmp_path / "broken"
    shutil.copytree(run_out, broken)
    (broken / "pairs" / "cooperative_bookkeeping.json").write_text("{\"doc_id\": ", "utf-8")
    result = CliRunner().invoke(cli, ["report", str(broken)])
    assert result.exit_code == 2 and "cooperative_bookkeeping.json: damaged" in result.output
    (broken / "report.json").unlink()
    result = CliRunner().invoke(cli, ["report", str(broken)])
    assert result.exit_code == 2 and "report.json: damaged" in result.output


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs /usr/bin/chromium")
def test_the_report_draws_every_chart_offline(run_out):
    from playwright.sync_api import sync_playwright

    path = write_report(run_out)
    errors, requests = [], []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1300, "height": 900})

        def block(route):
            if route.request.url.startswith("file://"):
                route.continue_()
            else:
                requests.append(route.request.url)
                route.abort()

        page.route("**/*", block)
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto(path.as_uri())
        page.wait_for_load_state("load")
        for chart in CHARTS:
            svg = page.locator(f"svg#{chart}")
            assert svg.count() == 1, chart
            assert svg.bounding_box()["width"] > 200, chart
            marks = page.locator(f'svg#{chart} [id^="{chart}-"][id*="-mark-"]')
            assert marks.count() > 0, chart
        assert page.locator('svg#chart-failures [id*="-mark-"]').count() == 2  # empty, binary

        figures = page.locator("figure.facts-figure")
        assert figures.count() >= 2
        for index in range(min(figures.count(), 3)):
            page.locator(f'button.pick[data-chart="{index}"]').click()
            figure = page.locator(f'figure.facts-figure[data-chart="{index}"]')
            assert figure.is_visible() and figures.locator("visible=true").count() == 1
            dots = figure.locator("svg a")
            rows = figure.locator("tr.fact")
            assert dots.count() == rows.count() > 0
            hrefs = [dots.nth(i).get_attribute("xlink:href") for i in range(dots.count())]
            assert all(h.startswith("http://127.0.0.1:8765/#/doc/") for h in hrefs)
            assert all(dots.nth(i).locator("title").count() == 1 for i in range(dots.count()))
        browser.close()
    assert errors == [] and requests == []


RECORD = {"doc_id": "rmrb/1956.01/a.md", "meta": {"date": "1956-01-03"}}


def test_the_link_stage_facts_are_what_the_report_reads():
    row = {"value": 2.8e11, "high": 3e11, "unit": "jin", "kind": "level", "status": "planned",
           "time": "1957", "indicator_zh": "产粮", "indicator_en": "grain", "bead": 2}
    record = {**RECORD, "facts": [row, {**row, "time": None, "high": None, "indicator_en": None,
                                        "status": "achieved", "bead": 6}]}
    facts = document_facts(json.loads(json.dumps(record)))
    assert [(f.indicator, f.indicator_en, f.year, f.status, f.bead, f.high) for f in facts] == [
        ("产粮", "grain", 1957, "planned", 2, 3e11), ("产粮", "", 1956, "achieved", 6, None)]
    [grain] = indicators(facts)
    assert (grain.name, grain.name_en, grain.unit, len(grain.facts)) == ("产粮", "grain", "jin", 2)


def test_years_and_failure_labels():
    assert fact_year("1956-08", 1955) == 1956 and fact_year("1955", 1954) == 1955
    assert fact_year(None, 1953) == 1953 and fact_year(None, None) is None
    assert failure_label("E003") == "E003 cannot decode as UTF-8, UTF-16, GB18030 or Big5"


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs /usr/bin/chromium")
def test_the_review_serves_the_report_and_its_dots_open_the_bead(run_out):
    from playwright.sync_api import expect, sync_playwright

    write_report(run_out)
    with sync_playwright() as playwright, running_server(run_out) as url:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1300, "height": 900})
        page.goto(url)
        page.get_by_role("link", name="Report").click()
        expect(page).to_have_url(url + "report")
        dot = page.locator("figure.facts-figure:visible svg a").first
        link = dot.get_attribute("xlink:href")
        doc_id, bead = re.match(r".*#/doc/(.+)/bead/(\d+)$", link).groups()
        assert link.startswith(url)  # pointed at this server, not the default address
        dot.dispatch_event("click")  # the sticky top bar may cover it after scrolling
        expect(page.locator(".bead.focused")).to_have_attribute("data-index", bead)
        expect(page.locator("#crumb")).to_have_text(unquote(doc_id))
        browser.close()


def test_a_large_indicator_draws_one_fact_in_k_and_lists_what_it_draws():
    from pipeline.report.facts import Fact, Indicator
    from pipeline.report.page import MAX_DOTS, _indicator_figure

    facts = tuple(Fact(f"d{i}.md", "1955-01-01", 1950 + i % 8, "产粮", "grain", 1e9 + i, "jin",
                       "level", ("planned", "achieved")[i % 2], None, i % 5)
                  for i in range(1000))
    html = _indicator_figure(Indicator("产粮", "grain", "jin", facts), 0, "http://x/", False)
    drawn = html.count('<tr class="fact">')
    assert drawn == html.count("<a xlink:href=") == 334 <= MAX_DOTS  # every third
    assert "334 of the 1,000 facts, one in 3 in year order" in html


def test_past_ten_years_of_months_the_mismatches_are_counted_by_year(tmp_path):
    from collections import Counter

    from pipeline.report.corpus import CorpusView
    from pipeline.report.page import _by_year, _health

    months = [f"{1950 + i // 12}-{i % 12 + 1:02d}" for i in range(130)]
    view = CorpusView(tmp_path, {}, None, 0.5, documents_by_month=Counter(months),
                      mismatches_by_month=Counter({"1950-03": 2, "1950-07": 1, "1960-01": 4}))
    html = _health(view, "http://x/")
    assert "by year of publication" in html
    assert html.count('id="chart-months-mismatch-mark-') == 11  # 1950 to 1960
    assert _by_year(view.mismatches_by_month) == {"1950": 3, "1960": 4}


def test_forecasts_are_drawn_with_their_own_dots():
    from pipeline.report.charts import facts_chart
    from pipeline.report.facts import Fact, Indicator

    facts = tuple(Fact("d.md", "1956-01-01", 1956, "产粮", "grain", value, "jin", "level",
                       status, None, 0)
                  for value, status in ((1e9, "planned"), (2e9, "forecast"), (3e9, "achieved")))
    text = facts_chart(Indicator("产粮", "grain", "jin", facts), ["#p", "#f", "#a"],
                       ["planned 1e9", "forecast 2e9", "achieved 3e9"], "chart-t")
    assert len(re.findall(r"<a ", text)) == 3
    assert [m for m in re.findall(r"<title>([a-z]+) ", text)] == ["planned", "forecast",
                                                                   "achieved"]
