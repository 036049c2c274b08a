"""The review app over HTTP: the list, a document, edits, and clear 4xx answers that leave
the journal valid."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from starlette.testclient import TestClient
from test_review_support import PLAIN_ID, STEEL_ID

from pipeline.review.journal import journal_path, read_journal
from pipeline.review.server import create_app

pytest_plugins = ["test_review_support"]  # the review_out and steel_record fixtures

STEEL_URL = "/api/documents/" + STEEL_ID
TIME = "2026-11-22T10:00:00Z"
JSON = {"content-type": "application/json"}


@pytest.fixture
def client(review_out):
    app = create_app(review_out, "tester", clock=lambda: TIME)
    with TestClient(app, base_url="http://127.0.0.1") as test_client:
        yield test_client


def post_edit(client, version, op, url=STEEL_URL, **args):
    return client.post(url, json={"version": version, "op": op, "args": args})


def assert_error(response, status, code):
    assert response.status_code == status, response.text
    assert response.json()["error"]["code"] == code
    assert response.json()["error"]["message"]


def test_the_page_and_its_assets_are_served(client):
    assert "duiqi" in client.get("/").text
    assert client.get("/static/review.js").status_code == 200
    assert client.get("/static/review.css").status_code == 200


def test_the_list_sorts_filters_and_counts_progress(client):
    listing = client.get("/api/documents").json()
    assert [d["doc_id"] for d in listing["documents"]] == [STEEL_ID, PLAIN_ID]  # worst first
    assert listing["progress"] == {"documents": 2, "documents_done": 0, "beads": 8,
                                   "beads_reviewed": 0}
    steel = listing["documents"][0]
    assert (steel["worst_score"], steel["open_flags"]) == (0.3, 3)
    assert steel["flags"] == {"low_score": 1, "number_missing": 1, "unaligned": 1}
    by_date = client.get("/api/documents", params={"sort": "date"}).json()["documents"]
    assert [d["doc_id"] for d in by_date] == [STEEL_ID, PLAIN_ID]
    unaligned = client.get("/api/documents", params={"flag": "unaligned"}).json()["documents"]
    assert [d["doc_id"] for d in unaligned] == [STEEL_ID]
    assert_error(client.get("/api/documents", params={"sort": "size"}), 400, "R005")


def test_a_document_shows_beads_with_number_and_entity_highlights(client):
    view = client.get(STEEL_URL).json()
    assert (view["version"], view["can_undo"], view["set_aside"]) == (0, False, 0)
    assert len(view["beads"]) == 6
    zh_number = view["beads"][2]["src"][0]["marks"]
    assert zh_number == [{"start": 8, "end": 12, "kind": "number-bad",
                          "title": "matches 1 million tons in another bead"}]
    place = view["beads"][4]["src"][0]
    assert place["text"][place["marks"][0]["start"]:place["marks"][0]["end"]] == "东北"
    assert place["marks"][0]["kind"] == "entity"


def test_an_edit_answers_the_new_view_and_is_journalled(client, review_out):
    view = post_edit(client, 0, "merge", bead=2).json()
    assert view["version"] == 1 and view["can_undo"]
    assert [s["id"] for s in view["beads"][2]["tgt"]] == [2, 3]
    assert view["beads"][2]["src"][0]["marks"][0]["kind"] == "number-ok"
    assert client.get(STEEL_URL).json() == view  # reopening replays the journal
    [entry] = read_journal(review_out)
    assert (entry["op"], entry["user"], entry["time"]) == ("merge", "tester", TIME)
    listing = client.get("/api/documents").json()
    assert listing["progress"]["beads_reviewed"] == 1


def test_a_stale_version_is_a_conflict(client):
    assert post_edit(client, 0, "merge", bead=2).status_code == 200
    assert_error(post_edit(client, 0, "confirm", bead=0), 409, "R003")


@pytest.mark.parametrize("path", [
    "/api/documents/%2E%2E/secret",
    "/api/documents/1950.01/%2E%2E/%2E%2E/secret",
    "/api/documents/%2Fetc%2Fpasswd",
    "/api/documents//etc/passwd",
])
def test_a_path_outside_the_output_folder_is_refused(client, path):
    assert_error(client.get(path), 400, "R001")
    assert_error(client.post(path, json={"version": 0, "op": "undo", "args": {}}), 400, "R001")


def test_a_symlink_leading_outside_is_refused(client, review_out, tmp_path):
    outside = tmp_path / "elsewhere.json"
    outside.write_text((review_out / f"{PLAIN_ID}.json").read_text("utf-8"), "utf-8")
    os.symlink(outside, review_out / "leak.json")
    assert_error(client.get("/api/documents/leak"), 400, "R001")
    assert "leak" not in [d["doc_id"] for d in client.get("/api/documents").json()["documents"]]


def test_an_unknown_document_is_not_found(client, review_out):
    assert_error(client.get("/api/documents/1950.01/nothing.md"), 404, "R002")
    assert_error(post_edit(client, 0, "confirm", "/api/documents/nothing", bead=0), 404, "R002")
    (review_out / "report.json").write_text('{"documents": 2}', "utf-8")
    assert_error(client.get("/api/documents/report"), 404, "R002")  # JSON, not a document


@pytest.mark.parametrize("body, headers, status, code", [
    (b"{not json", JSON, 400, "R004"),
    (b"[1, 2]", JSON, 400, "R005"),
    (b'{"version": 1, "op": "merge", "args": {"bead": 99}}', JSON, 422, "R010"),
    (b'{"version": 1, "op": "merge", "args": {"bead": 2}}', {"content-type": "text/plain"},
     415, "R007"),
    (b'{"version": 0, "op": "shred", "args": {}}', JSON, 400, "R006"),
    (b'{"op": "merge", "args": {"bead": 2}}', JSON, 400, "R005"),
])
def test_bad_requests_get_clear_answers_and_the_journal_stays_valid(client, review_out, body,
                                                                    headers, status, code):
    assert post_edit(client, 0, "merge", bead=2).status_code == 200
    before = journal_path(review_out).read_bytes()
    assert_error(client.post(STEEL_URL, content=body, headers=headers), status, code)
    assert journal_path(review_out).read_bytes() == before
    assert len(read_journal(review_out)) == 1


def test_only_loopback_host_names_are_answered(review_out):
    app = create_app(review_out, "tester")
    with TestClient(app, base_url="http://evil.example") as outsider:
        assert outsider.get("/api/documents").status_code == 400


def test_the_review_command_prints_a_loopback_address_that_answers(review_out):
    command = [sys.executable, "-u", "-m", "pipeline.cli", "review", str(review_out),
               "--port", "0", "--user", "cli-user"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True,
                               cwd=Path(__file__).resolve().parents[1])
    try:
        url = re.search(r"http://127\.0\.0\.1:\d+/", process.stdout.readline()).group(0)
        listing = httpx.get(url + "api/documents", timeout=20).json()
        assert len(listing["documents"]) == 2
        response = httpx.post(url + "api/documents/" + STEEL_ID, timeout=20,
                              json={"version": 0, "op": "confirm", "args": {"bead": 0}})
        assert response.status_code == 200
        assert read_journal(review_out)[0]["user"] == "cli-user"
    finally:
        process.terminate()
        process.wait(timeout=20)
