"""A meeting's dates become the document's ISO date or interval, so date filters select it."""
from __future__ import annotations

import pytest

from conftest import SAMPLE_CORPUS, SEED_004
from pipeline.export import ExportFilter
from pipeline.ingest import read_document
from pipeline.ingest.meeting import date_range


@pytest.mark.parametrize("written, iso", [
    ("November – 08-12-1953", "1953-11/1953-12-08"),  # day first: the speeches are in December
    ("March 2 – 9, 1954", "1954-03-02/1954-03-09"),
    ("March 2 - 9, 1954.", "1954-03-02/1954-03-09"),
    ("March 2-9, 1954", "1954-03-02/1954-03-09"),
    ("Nov 28-Dec 8, 1953", "1953-11-28/1953-12-08"),
    ("28-11-1953 - 08-12-1953", "1953-11-28/1953-12-08"),
    ("November 28 – December 8, 1953", "1953-11-28/1953-12-08"),
    ("December 28 – January 3, 1954", "1953-12-28/1954-01-03"),
    ("1–5 March 1954", "1954-03-01/1954-03-05"),
    ("Nov. 3 through 9, 1953", "1953-11-03/1953-11-09"),
    ("December 1953 – January 1954", "1953-12/1954-01"),
    ("12-08-1953 to 08-12-1953", "1953-08-12/1953-12-08"),  # only month first is a range
    ("December 4, 1953", "1953-12-04"),
    ("1953", "1953"),
    ("Spring", None),
    ("November", None),  # no year: not a date
])
def test_meeting_dates(written, iso):
    assert date_range(written) == iso


def test_the_sample_record_gets_its_range():
    path = next((SAMPLE_CORPUS / "records").glob("*.txt"))
    doc = read_document(path, SAMPLE_CORPUS)
    assert doc.meta.meeting.dates == "March 2 – 9, 1954"
    assert doc.meta.date == "1954-03-02/1954-03-09"


def test_the_shared_record_is_selected_by_from_and_to(shared):
    doc = read_document(SEED_004, SEED_004.parents[1])
    assert doc.meta.date == "1953-11/1953-12-08"
    record = {"bilingual": True, "meta": {"date": doc.meta.date}}
    for bounds in ({"date_from": "1953-12"}, {"date_to": "1953-11-15"},
                   {"date_from": "1953-12-08", "date_to": "1954"}, {"date_from": "1953"}):
        assert ExportFilter(**bounds).keeps_document(record), bounds
    for bounds in ({"date_from": "1953-12-09"}, {"date_to": "1953-10-31"}, {"date_from": "1954"}):
        assert not ExportFilter(**bounds).keeps_document(record), bounds
