"""The review page's map, search, paths and text mending, in headless chromium, and the
server side of search, mended texts and dates the translation completes."""
from __future__ import annotations

import pytest
from lxml import etree
from starlette.testclient import TestClient
from test_review_browser import CHROMIUM, running_server
from test_review_support import PLAIN_ID, STEEL_ID, make_document, write_outputs
from typer.testing import CliRunner

from pipeline.cli import app as cli
from pipeline.record import Number
from pipeline.review.journal import read_journal
from pipeline.review.server import create_app
from pipeline.write.corpus import output_path

pytest_plugins = ["test_review_support", "test_review_browser"]  # review_out, browser_page
browser = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs /usr/bin/chromium")


@browser
@pytest.mark.browser
def test_map_click_search_and_paths(review_out, browser_page):
    from playwright.sync_api import expect

    page = browser_page
    with running_server(review_out) as url:
        page.goto(url)
        expect(page.locator(".doc-row .path")).to_have_text([STEEL_ID, PLAIN_ID])
        page.fill("#search-text", "东北")
        page.click("#search button[type=submit]")
        hits = page.locator(".hit-row")
        expect(hits).to_have_count(2)
        expect(hits.first.locator("mark.hit")).to_have_text("东北")
        page.fill("#search-text", "")
        page.select_option("#search-flag", "unaligned")
        page.click("#search button[type=submit]")
        expect(hits).to_have_count(1)
        expect(hits.first).to_contain_text("bead #3")
        hits.first.click()
        expect(page.locator(".bead.focused")).to_have_attribute("data-index", "3")

        dots = page.locator("#map .map-dot")
        expect(dots).to_have_count(6)
        expect(page.locator("#map .map-dot.unaligned")).to_have_count(1)
        expect(page.locator("#map .map-dot.flagged")).to_have_count(1)  # bead 2
        page.locator('#map .map-dot[data-index="5"]').click()
        expect(page.locator(".bead.focused")).to_have_attribute("data-index", "5")
        expect(page.locator('#map .map-dot.focused')).to_have_attribute("data-index", "5")
        expect(page.locator("#version")).to_contain_text("version 0")
        assert "journal entries" in page.locator("#version").get_attribute("title")


@browser
@pytest.mark.browser
def test_a_mended_text_survives_reload_and_reaches_the_tmx(review_out, browser_page,
                                                           tmp_path):
    from playwright.sync_api import expect

    page = browser_page
    mended = "The Northeast industrial base needs many more engineers."
    with running_server(review_out) as url:
        page.goto(url + "#/doc/" + STEEL_ID + "/bead/5")
        sentence = page.locator('.bead[data-index="5"] .sentence[data-side="tgt"]')
        sentence.click()
        page.keyboard.press("e")
        page.fill("input.text-edit", mended)
        page.keyboard.press("Enter")
        expect(sentence).to_have_text(mended)
        page.reload()
        expect(sentence).to_have_text(mended)
        expect(sentence).to_have_class("sentence mended")
        assert "The Northeast industrial base needs more engineers." in sentence.get_attribute(
            "title")
        expect(page.locator("#version")).to_contain_text("version 1")
    [entry] = read_journal(review_out)
    assert entry["op"] == "text" and entry["args"] == {"side": "tgt", "sentence": 5,
                                                       "text": mended}
    dest = tmp_path / "reviewed"
    result = CliRunner().invoke(cli, ["apply-corrections", str(review_out), "--dest", str(dest)])
    assert result.exit_code == 0, result.output
    segs = [s.text for s in etree.parse(str(output_path(dest, STEEL_ID, ".tmx"))).iter("seg")]
    assert mended in segs and "The Northeast industrial base needs more engineers." not in segs


def post(client, version, op, args):
    return client.post("/api/documents/" + STEEL_ID, json={"version": version, "op": op,
                                                             "args": args})


def test_text_mends_undo_redo_and_are_refused_when_malformed(review_out):
    with TestClient(create_app(review_out, "tester"), base_url="http://127.0.0.1") as client:
        view = post(client, 0, "text", {"side": "src", "sentence": 4,
                                        "text": "东北工业基地需要更多的工程师。"}).json()
        assert view["beads"][5]["src"][0]["original"] == "东北工业基地需要更多工程师。"
        view = post(client, 1, "undo", {}).json()
        assert view["beads"][5]["src"][0] == {**view["beads"][5]["src"][0],
                                              "text": "东北工业基地需要更多工程师。",
                                              "original": None}
        view = post(client, 2, "redo", {}).json()
        assert view["beads"][5]["src"][0]["text"] == "东北工业基地需要更多的工程师。"
        for args in ({"side": "src", "sentence": 4, "text": " "},
                     {"side": "src", "sentence": 4, "text": "two\nlines"},
                     {"side": "src", "sentence": 4, "text": 5}):
            assert post(client, 3, "text", args).status_code == 400
        assert post(client, 3, "text", {"side": "src", "sentence": 9,
                                         "text": "x"}).status_code == 422
        found = client.get("/api/search", params={"q": "更多的"}).json()
        assert [(h["doc_id"], h["bead"]) for h in found["hits"]] == [(STEEL_ID, 5)]


def test_search_by_language_date_flag_and_fact(review_out):
    with TestClient(create_app(review_out, "tester"), base_url="http://127.0.0.1") as client:
        def hits(**params):
            answer = client.get("/api/search", params=params)
            assert answer.status_code == 200, answer.text
            return [(h["doc_id"], h["bead"]) for h in answer.json()["hits"]]

        assert hits(q="三座") == [(PLAIN_ID, 1)]
        assert hits(q="three", lang="zh") == [] and hits(q="THREE", lang="en") == [(PLAIN_ID, 1)]
        assert hits(q="。", **{"from": "1953", "to": "1953-12"}) == [(PLAIN_ID, 0), (PLAIN_ID, 1)]
        assert hits(flag="number_missing") == [(STEEL_ID, 2)]
        assert client.get("/api/search").status_code == 400
        assert client.get("/api/search", params={"flag": "bad"}).status_code == 400
        assert client.get("/report").status_code == 404
        (review_out / "report.html").write_text("<p>report</p>", "utf-8")
        assert client.get("/report").text == "<p>report</p>"


def test_search_by_fact_reads_both_languages_mentions(tmp_path):
    from pipeline.record import Target

    doc = make_document("1956.01/grain.md", ["今年粮食产量达到三千六百亿斤。"],
                        ["Grain output reached 360 billion jin this year."],
                        [([0], [0], 0.9, [])], "1956-01-01", "粮食", "Grain")
    doc.targets = [Target("zh", "粮食产量", 3.6e11, "jin", "level", None, "1956", "achieved",
                          "三千六百亿斤", 0, 8, 14),
                   Target("en", "grain output", 3.6e11, "jin", "level", None, "1956", "achieved",
                          "360 billion", 0, 40, 51)]
    out = tmp_path / "out"
    write_outputs(out, [doc])
    with TestClient(create_app(out, "tester"), base_url="http://127.0.0.1") as client:
        answer = client.get("/api/search", params={"fact": "粮食"}).json()
        assert [h["bead"] for h in answer["hits"]] == [0]
        assert client.get("/api/search", params={"fact": "钢"}).json()["hits"] == []
        answer = client.get("/api/search", params={"fact": "GRAIN"}).json()
        assert [h["bead"] for h in answer["hits"]] == [0]


def test_a_date_the_translation_completes_is_not_red(tmp_path):
    zh = ["【新华社北京二日电】钢产量将达到一百万吨。"]
    en = ["Xinhua News Agency, Beijing, January 2nd: steel output will reach 1 million tons."]
    doc = make_document("1950.01/dateline.md", zh, en, [([0], [0], 0.9, ["number_missing"])],
                        "1950-01-03", "钢", "Steel")
    text = doc.text

    def number(lang, written, value, unit, match):
        start = text.index(written)
        return Number(lang, written, value, unit, 0, start, start + len(written), bead=0,
                      match=match)

    doc.numbers = [number("zh", "二日", 2, "day", 3), number("zh", "一百万吨", 1e6, "t", 4),
                   number("en", "January", 1, "month", None),
                   number("en", "2nd", 2, "day", 0), number("en", "1 million tons", 1e6, "t", 1)]
    out = tmp_path / "out"
    write_outputs(out, [doc])
    with TestClient(create_app(out, "tester"), base_url="http://127.0.0.1") as client:
        bead = client.get("/api/documents/1950.01/dateline.md").json()["beads"][0]
        assert client.get("/api/documents").json()["documents"][0]["flags"] == {}
        assert client.get("/api/search", params={"flag": "number_missing"}).json()["total"] == 0
    kinds = {bead["tgt"][0]["text"][m["start"]:m["end"]]: m["kind"]
             for m in bead["tgt"][0]["marks"]}
    assert kinds == {"January": "number-added", "2nd": "number-ok",
                     "1 million tons": "number-ok"}
    assert bead["flags"] == []
    # A month alone, with no day of the Chinese beside it, is still a missing number.
    doc.numbers[3] = number("en", "2nd", 2, "day", None)
    doc.numbers[0] = number("zh", "二日", 2, "day", None)
    write_outputs(out, [doc])
    with TestClient(create_app(out, "tester"), base_url="http://127.0.0.1") as client:
        bead = client.get("/api/documents/1950.01/dateline.md").json()["beads"][0]
    assert "number-bad" in {m["kind"] for m in bead["tgt"][0]["marks"]}
    assert bead["flags"] == ["number_missing"]
