"""End to end in a real headless chromium: open a document, merge two beads, reload and see
the merge persist, confirm a bead, export, and find the merged pair in the TMX."""
from __future__ import annotations

import threading
import time
from contextlib import contextmanager
from pathlib import Path

import pytest
from lxml import etree
from test_review_support import STEEL_ID
from typer.testing import CliRunner

from pipeline.cli import app as cli
from pipeline.review.journal import read_journal
from pipeline.review.server import address, bind_loopback, create_app, make_server
from pipeline.write.corpus import output_path

pytest_plugins = ["test_review_support"]  # the review_out and steel_record fixtures

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not CHROMIUM.exists(), reason="needs /usr/bin/chromium")]


@contextmanager
def running_server(out_dir: Path):
    """The review app on a free loopback port, in a thread; yields its address."""
    sock = bind_loopback(0)
    server = make_server(create_app(out_dir, "browser-test"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        yield address(sock)
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


@pytest.fixture
def browser_page():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.set_default_timeout(10_000)
        yield page
        browser.close()


def test_merge_reload_confirm_and_export(review_out, browser_page, tmp_path):
    from playwright.sync_api import expect

    page = browser_page
    beads = page.locator(".bead")
    with running_server(review_out) as url:
        page.goto(url)
        page.get_by_text("全国钢铁会议胜利结束").first.click()
        expect(beads).to_have_count(6)
        expect(page.locator("#set-aside")).to_be_hidden()

        page.keyboard.press("j")  # next flagged bead: the one cut in two
        expect(page.locator(".bead.focused")).to_have_attribute("data-index", "2")
        page.locator('.bead[data-index="2"]').get_by_role("button", name="Merge").click()
        expect(beads).to_have_count(5)

        page.reload()
        expect(beads).to_have_count(5)
        merged = page.locator('.bead[data-index="2"]')
        expect(merged.locator(".side.tgt")).to_have_text(
            "National steel output will reach 1 million tons.")
        expect(merged.locator("mark.number-ok")).to_have_count(2)

        page.locator('.bead[data-index="0"] .side.tgt').click()  # focus it: its tools show
        page.locator('.bead[data-index="0"]').get_by_role("button", name="Confirm").click()
        expect(page.locator('.bead[data-index="0"].reviewed')).to_have_count(1)

    assert [e["op"] for e in read_journal(review_out)] == ["merge", "confirm"]
    dest = tmp_path / "reviewed"
    result = CliRunner().invoke(cli, ["apply-corrections", str(review_out), "--dest", str(dest)])
    assert result.exit_code == 0, result.output
    units = etree.parse(str(output_path(dest, STEEL_ID, ".tmx"))).findall(".//tu")
    pairs = {u.get("tuid").split("#")[1]: ([s.text for s in u.iter("seg")],
                                           u.find("prop[@type='x-reviewed']") is not None)
             for u in units}
    assert pairs["2"] == (["全国钢产量将达到一百万吨。",
                           "National steel output will reach 1 million tons."], True)
    assert pairs["0"][1] and not pairs["1"][1]


def test_split_move_undo_redo_and_unalign_from_the_keyboard(review_out, browser_page):
    from playwright.sync_api import expect

    page = browser_page
    beads = page.locator(".bead")

    def sentence(bead: int, side: str, sentence_id: int):
        return page.locator(f'.bead[data-index="{bead}"] .sentence[data-side="{side}"]'
                            f'[data-id="{sentence_id}"]')

    with running_server(review_out) as url:
        page.goto(url + "#/doc/" + STEEL_ID)
        expect(beads).to_have_count(6)
        page.locator('.bead[data-index="4"] .gutter').click()
        page.keyboard.press("m")
        expect(beads).to_have_count(5)
        sentence(4, "src", 4).click()
        sentence(4, "tgt", 5).click()
        page.keyboard.press("s")
        expect(beads).to_have_count(6)
        expect(sentence(5, "tgt", 5)).to_have_count(1)

        sentence(3, "tgt", 3).click()
        page.keyboard.press("[")
        expect(beads).to_have_count(5)
        expect(sentence(2, "tgt", 3)).to_have_count(1)
        page.keyboard.press("u")
        expect(beads).to_have_count(6)
        page.keyboard.press("r")  # redo the move, then undo it again
        expect(beads).to_have_count(5)
        expect(page.locator("#redo")).to_be_disabled()
        page.keyboard.press("u")
        expect(beads).to_have_count(6)
        expect(page.locator("#redo")).to_be_enabled()

        sentence(2, "src", 2).click()
        page.keyboard.press("x")
        expect(beads).to_have_count(7)
        expect(page.locator('.bead[data-index="2"] .side.tgt .sentence')).to_have_count(0)

        page.locator('.bead[data-index="6"] .gutter').click()
        page.keyboard.press("m")  # the last bead has nothing to merge with: refused, said why
        expect(page.locator("#toast")).to_contain_text("no next bead")
        expect(beads).to_have_count(7)
    ops = [entry["op"] for entry in read_journal(review_out)]
    assert ops == ["merge", "split", "move", "undo", "redo", "undo", "unalign"]
