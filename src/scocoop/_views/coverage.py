"""How completely a dataset records each series of meetings.

A *series* is the meetings of one body.  For each, the report says which
editions are recorded with a date, which are known to exist but undated
(an edition number with no report), which numbers in the run have no record
at all, and which years between the first and the last meeting have none,
so that a user can tell "no meeting" from "not recorded".  It also says how
many meetings name every state that took part, some, or none (see
:class:`~scocoop.ParticipantList`), and which carry no topic.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from attrs import frozen

from scocoop._dataset.dataset import Dataset
from scocoop._dataset.results import Results
from scocoop._model.records import Meeting, ParticipantList, meeting_order

__all__ = ["SeriesCoverage", "coverage"]


@frozen(kw_only=True)
class SeriesCoverage:
    """What a dataset records of one body's meetings.

    Attributes:
        organization: Id of the body.
        name: Its name.
        meetings: Meetings recorded.
        dated: Of those, meetings with a date.
        editions: Edition numbers recorded.
        undated_editions: Editions known to exist but recorded without a date.
        missing_editions: Numbers between 1 and the highest edition recorded
            with no record at all.
        first_year: Year of the earliest dated meeting (``None`` if none).
        last_year: Year of the latest dated meeting.
        years_without_record: Years between the first and the last with no
            dated meeting.  Not every body meets every year: a year listed
            here is one with no record, not one known to have no meeting.
        lists_complete: Meetings whose participants name every state that
            took part.
        lists_partial: Meetings that name some of the states that took part.
        lists_not_stated: Meetings whose sources do not say which states
            took part: leave them out of a count of attendance.
        untagged: Ids of meetings that carry no topic (no page found states
            what they discussed).
    """

    organization: str
    name: str
    meetings: int
    dated: int
    editions: tuple[int, ...]
    undated_editions: tuple[int, ...]
    missing_editions: tuple[int, ...]
    first_year: int | None
    last_year: int | None
    years_without_record: tuple[int, ...]
    lists_complete: int
    lists_partial: int
    lists_not_stated: int
    untagged: tuple[str, ...]

    def _row(self) -> dict[str, str]:
        """The columns a table of reports shows (:func:`scocoop._dataset.display.rows_of`)."""
        years = f"{self.first_year}-{self.last_year}" if self.first_year else ""
        return {
            "organization": self.organization,
            "meetings": str(self.meetings),
            "dated": str(self.dated),
            "years": years,
            "years without record": str(len(self.years_without_record)),
            "lists complete/partial/not stated": (
                f"{self.lists_complete}/{self.lists_partial}/{self.lists_not_stated}"
            ),
            "untagged": str(len(self.untagged)),
        }

    def as_dict(self) -> dict[str, Any]:
        """The report as plain values, ready for ``json.dumps``."""
        return {
            "organization": self.organization,
            "name": self.name,
            "meetings": self.meetings,
            "dated": self.dated,
            "editions": list(self.editions),
            "undated_editions": list(self.undated_editions),
            "missing_editions": list(self.missing_editions),
            "first_year": self.first_year,
            "last_year": self.last_year,
            "years_without_record": list(self.years_without_record),
            "lists_complete": self.lists_complete,
            "lists_partial": self.lists_partial,
            "lists_not_stated": self.lists_not_stated,
            "untagged": list(self.untagged),
        }


def coverage(dataset: Dataset) -> Results[SeriesCoverage]:
    """The coverage of every body with recorded meetings, by organization id (a table in notebooks)."""
    by_body: dict[str, list[Meeting]] = defaultdict(list)
    for meeting in sorted(dataset.meetings, key=meeting_order):
        if meeting.organization is not None:
            by_body[meeting.organization].append(meeting)
    report = []
    for body, meetings in sorted(by_body.items()):
        dated = [m for m in meetings if m.date is not None]
        editions = sorted({m.edition for m in meetings if m.edition is not None})
        undated = sorted({m.edition for m in meetings if m.edition is not None and m.date is None})
        top = editions[-1] if editions else 0
        missing = sorted(set(range(1, top + 1)) - set(editions))
        years = {y for m in dated for y in _years(m)}
        first = min(years) if years else None
        last = max(years) if years else None
        gaps = tuple(y for y in range(first, last + 1) if y not in years) if first and last else ()
        lists = [m.participant_list for m in meetings]
        report.append(
            SeriesCoverage(
                organization=body,
                name=dataset.organization(body).name,
                meetings=len(meetings),
                dated=len(dated),
                editions=tuple(editions),
                undated_editions=tuple(undated),
                missing_editions=tuple(missing),
                first_year=first,
                last_year=last,
                years_without_record=gaps,
                lists_complete=lists.count(ParticipantList.COMPLETE),
                lists_partial=lists.count(ParticipantList.PARTIAL),
                lists_not_stated=lists.count(ParticipantList.NOT_STATED),
                untagged=tuple(m.id for m in meetings if not m.topics),
            )
        )
    return Results(report)


def _years(meeting: Meeting) -> range:
    # Every year the meeting may have fallen in or run into; undated: none.
    if meeting.date is None:
        return range(0)
    first = meeting.date.earliest.year
    last = (meeting.end_date or meeting.date).latest.year
    return range(first, last + 1)
