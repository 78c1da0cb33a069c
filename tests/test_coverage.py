"""The coverage report follows from the meetings it summarises."""

from __future__ import annotations

import scocoop
from scocoop import Dataset, Meeting, Organization, OrganizationKind, PartialDate, Place, Source


def meeting(edition: int | None, date: str | None, mid: str) -> Meeting:
    return Meeting(
        id=mid,
        name="A meeting",
        organization="body",
        edition=edition,
        date=PartialDate.parse(date) if date else None,
        place=Place(city="Astana", country="KZ"),
    )


def test_editions_gaps_and_years_are_computed_from_the_meetings() -> None:
    ds = Dataset(
        sources=[Source(id="s", title="A page", url="https://example.org/")],
        organizations=[Organization(id="body", name="A body", kind=OrganizationKind.BODY)],
        meetings=[
            meeting(1, "2010-05-01", "m1"),
            meeting(2, None, "m2"),
            meeting(4, "2013?", "m4"),
            meeting(None, "2011-06", "mx"),
        ],
    )
    (series,) = scocoop.coverage(ds)
    assert ("body", 4, 3) == (series.organization, series.meetings, series.dated)
    assert ((1, 2, 4), (2,), (3,)) == (series.editions, series.undated_editions, series.missing_editions)
    assert (2010, 2013, (2012,)) == (series.first_year, series.last_year, series.years_without_record)


def test_the_bundled_report_agrees_with_the_meetings() -> None:
    ds = scocoop.load()
    report = {s.organization: s for s in scocoop.coverage(ds)}
    pg = report["sco-prosecutors-general"]
    meetings = ds.meetings_of("sco-prosecutors-general")
    assert len(meetings) == pg.meetings
    assert sorted({m.edition for m in meetings if m.edition}) == list(pg.editions)
    assert scocoop.dataset_info(ds)["coverage"] == [s.as_dict() for s in report.values()]
