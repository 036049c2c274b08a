"""Fault injection on the review server and its journal: every hostile request and every
odd file in the output folder gets a clear 4xx or is skipped with a warning, never a 500."""
from __future__ import annotations

import json
import logging
import os

import pytest
from starlette.testclient import TestClient
from test_review_support import PLAIN_ID, STEEL_ID

from pipeline.review.journal import journal_path, read_journal
from pipeline.review.server import MAX_BODY, MAX_MESSAGE, create_app

pytest_plugins = ["test_review_support"]  # the review_out fixture

STEEL_URL = "/api/documents/" + STEEL_ID
JSON = {"content-type": "application/json"}


@pytest.fixture
def client(review_out):
    app = create_app(review_out, "tester", clock=lambda: "2026-11-30T05:00:00Z")
    with TestClient(app, base_url="http://127.0.0.1", raise_server_exceptions=False) as test:
        yield test


def error_of(response, status: int) -> dict:
    assert response.status_code == status, response.text[:300]
    assert len(response.content) < 2 * MAX_MESSAGE + 200  # no echo of the request
    return response.json()["error"]


def test_deeply_nested_json_is_a_400(client, review_out):
    body = "[" * 30_000 + "]" * 30_000  # under the size limit, past the recursion limit
    assert error_of(client.post(STEEL_URL, content=body, headers=JSON), 400)["code"] == "R004"
    assert not journal_path(review_out).exists()


def test_a_5000_digit_integer_is_a_400(client):
    body = '{"version": ' + "9" * 5000 + ', "op": "confirm", "args": {"bead": 0}}'
    assert error_of(client.post(STEEL_URL, content=body, headers=JSON), 400)["code"] == "R004"


def test_a_large_integer_below_the_limit_is_not_echoed(client):
    body = '{"version": ' + "9" * 4000 + ', "op": "confirm", "args": {"bead": 0}}'
    error = error_of(client.post(STEEL_URL, content=body, headers=JSON), 409)
    assert error["code"] == "R003" and len(error["message"]) <= MAX_MESSAGE + 1


def test_a_body_over_the_limit_is_a_413(client):
    big = json.dumps({"version": 0, "op": "x" * (MAX_BODY + 1), "args": {}})
    assert error_of(client.post(STEEL_URL, content=big, headers=JSON), 413)["code"] == "R030"


def test_a_megabyte_operation_name_is_not_echoed(client, review_out, monkeypatch):
    monkeypatch.setattr("pipeline.review.server.MAX_BODY", 4 * 1024 * 1024)
    big = json.dumps({"version": 0, "op": "x" * 1_000_000, "args": {}})
    assert error_of(client.post(STEEL_URL, content=big, headers=JSON), 400)["code"] == "R006"


def test_fifos_and_dangling_links_named_json_are_skipped(client, review_out, caplog):
    os.mkfifo(review_out / "pipe.json")
    os.symlink(review_out / "nowhere.json", review_out / "dangling.json")
    os.symlink(review_out / "loop-b.json", review_out / "loop-a.json")
    os.symlink(review_out / "loop-a.json", review_out / "loop-b.json")
    with caplog.at_level(logging.WARNING, logger="duiqi.review"):
        listing = client.get("/api/documents")
    assert listing.status_code == 200
    assert {d["doc_id"] for d in listing.json()["documents"]} == {STEEL_ID, PLAIN_ID}
    assert "pipe.json" in caplog.text and "not a regular file" in caplog.text
    assert "dangling.json" in caplog.text
    assert error_of(client.get("/api/documents/pipe"), 404)["code"] == "R002"
    assert error_of(client.get("/api/documents/loop-a"), 404)["code"] == "R002"


def test_a_damaged_document_is_named(client, review_out):
    path = review_out / f"{PLAIN_ID}.json"
    path.write_bytes(path.read_bytes()[:300])
    assert client.get("/api/documents").status_code == 200
    error = error_of(client.get("/api/documents/" + PLAIN_ID), 409)
    assert error["code"] == "R031" and f"{PLAIN_ID}.json" in error["message"]


def test_a_torn_last_journal_line_is_set_aside(client, review_out, caplog):
    assert client.post(STEEL_URL, json={"version": 0, "op": "confirm",
                                        "args": {"bead": 0}}).status_code == 200
    journal = journal_path(review_out)
    whole = journal.read_bytes()
    with open(journal, "ab") as handle:
        handle.write(b'{"doc_id": "' + STEEL_ID.encode() + b'", "content_ha')  # the crash
    with caplog.at_level(logging.WARNING, logger="duiqi.review"):
        response = client.post(STEEL_URL, json={"version": 1, "op": "confirm",
                                                "args": {"bead": 1}})
    assert response.status_code == 200, response.text
    assert "cut by a crash" in caplog.text
    assert journal.read_bytes().startswith(whole) and len(read_journal(review_out)) == 2
    aside = journal.with_name(journal.name + ".torn")
    assert aside.read_bytes() == b'{"doc_id": "' + STEEL_ID.encode() + b'", "content_ha\n'


def test_a_broken_middle_journal_line_is_a_409_not_a_500(client, review_out):
    journal_path(review_out).write_text("not json\n", "utf-8")
    assert error_of(client.get(STEEL_URL), 409)["code"] == "R020"
