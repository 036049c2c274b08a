"""The review app on a real People's Daily article from ../shared (models load: slow)."""
from __future__ import annotations

import pytest
from conftest import TMX_DTD, rmrb
from lxml import etree
from starlette.testclient import TestClient
from test_review_support import write_outputs

from pipeline.review.edits import check_beads
from pipeline.review.export import export_reviewed
from pipeline.review.journal import core_beads, side_sizes
from pipeline.review.server import create_app
from pipeline.write.corpus import output_path

pytestmark = pytest.mark.slow


def number_marks(beads: list[dict]) -> list[str]:
    return [mark["kind"] for bead in beads for side in ("src", "tgt") for sentence in bead[side]
            for mark in sentence["marks"] if mark["kind"].startswith("number")]


def test_a_real_article_is_reviewed_and_exported(shared, processed, tmp_path):
    doc = processed(rmrb("1956-01-01"))
    out_dir = tmp_path / "out"
    record = write_outputs(out_dir, [doc])[doc.doc_id]
    check_beads(core_beads(record), *side_sizes(record))  # the aligner keeps the promises
    url = "/api/documents/" + doc.doc_id
    with TestClient(create_app(out_dir, "tester"), base_url="http://127.0.0.1") as client:
        view = client.get(url).json()
        assert len(number_marks(view["beads"])) == len(record["numbers"])  # all found
        # The English of the textile industry figure sits in the bead before its Chinese
        # sentence (left unaligned): merging them turns that number green.
        first = next(i for i, b in enumerate(view["beads"]) if "unaligned" in b["flags"]) - 1
        before = number_marks(view["beads"][first:first + 3]).count("number-bad")
        for version in range(2):
            view = client.post(url, json={"version": version, "op": "merge",
                                          "args": {"bead": first}}).json()
        assert number_marks(view["beads"][first:first + 1]).count("number-bad") < before
    dest, corrected = export_reviewed(out_dir)
    assert corrected == [doc.doc_id]
    tmx = etree.parse(str(output_path(dest, doc.doc_id, ".tmx")),
                      etree.XMLParser(load_dtd=False, no_network=True))
    if TMX_DTD.exists():
        assert etree.DTD(str(TMX_DTD)).validate(tmx.getroot())
    assert len(tmx.findall(".//prop[@type='x-reviewed']")) == 1
