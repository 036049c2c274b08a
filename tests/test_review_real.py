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
        # The Chinese cuts a list of ministries at ； and the English keeps it in one
        # sentence. Taking 轻工业部为101，2％ out of that bead leaves its figure without a
        # partner (red); merging it back makes it green again, as a reviewed bead.
        listed = next(i for i, b in enumerate(record["beads"]) if len(b["src"]) == 7)
        light_industry = record["beads"][listed]["src"][-1]
        before = number_marks(view["beads"][listed:listed + 1]).count("number-bad")
        view = client.post(url, json={"version": 0, "op": "unalign", "args": {
            "side": "src", "sentence": light_industry}}).json()
        assert view["beads"][listed + 1]["flags"] == ["unaligned"]
        assert number_marks(view["beads"][listed + 1:listed + 2]) == ["number-bad"]
        view = client.post(url, json={"version": 1, "op": "merge",
                                      "args": {"bead": listed}}).json()
        assert number_marks(view["beads"][listed:listed + 1]).count("number-bad") == before
        assert view["beads"][listed]["reviewed"]
    dest, corrected = export_reviewed(out_dir)
    assert corrected == [doc.doc_id]
    tmx = etree.parse(str(output_path(dest, doc.doc_id, ".tmx")),
                      etree.XMLParser(load_dtd=False, no_network=True))
    if TMX_DTD.exists():
        assert etree.DTD(str(TMX_DTD)).validate(tmx.getroot())
    assert len(tmx.findall(".//prop[@type='x-reviewed']")) == 1
