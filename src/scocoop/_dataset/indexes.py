"""The indexes behind a dataset's queries.

An :class:`Index` is built once from checked collections and answers each
query in time proportional to its answer (or logarithmic plus the answer for
date ranges), not to the size of the dataset.
"""

from __future__ import annotations

import bisect
import datetime
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, TypeVar

from scocoop._dataset.results import Results
from scocoop._model.records import (
    COLLECTIONS,
    Commitment,
    Instrument,
    Meeting,
    Official,
    Organization,
    ParticipantStatus,
    Record,
    Tenure,
    commitment_order,
    instrument_order,
    meeting_order,
    meeting_span,
    tenure_order,
)

__all__ = ["NONE", "Index", "fold"]

R = TypeVar("R", Commitment, Instrument)

NONE: Results[Any] = Results()
"""The empty answer, shared."""


def fold(text: str) -> str:
    """Text compared without case or runs of spaces."""
    return " ".join(text.casefold().split())


class _DateGroup:
    """Dated meetings sorted by first day, with the longest span among them."""

    __slots__ = ("meetings", "span", "starts")

    def __init__(self, meetings: list[Meeting]) -> None:
        spans = [meeting_span(m) for m in meetings]
        self.meetings = tuple(meetings)
        self.starts = [begins for begins, _ in spans]
        self.span = max((ends - begins for begins, ends in spans), default=datetime.timedelta(0))

    def between(self, low: datetime.date, high: datetime.date, *, certain: bool) -> Iterator[Meeting]:
        try:
            floor = low - self.span
        except OverflowError:
            floor = datetime.date.min
        first = bisect.bisect_left(self.starts, floor)
        last = bisect.bisect_right(self.starts, high)
        for meeting in self.meetings[first:last]:
            begins, ends = meeting_span(meeting)
            if (low <= begins and ends <= high) if certain else (begins <= high and low <= ends):
                yield meeting


class Index:
    """Lookups of a dataset's records by id, label, country, body, date and topic."""

    __slots__ = (
        "absent_by_country",
        "by_country",
        "by_id",
        "by_organization",
        "by_post",
        "by_topic",
        "children",
        "dated",
        "instrument_keys",
        "instruments_by_topic",
        "instruments_ordered",
        "officials_by_country",
        "ordered",
        "org_keys",
    )

    def __init__(self, collections: Mapping[str, tuple[Any, ...]]) -> None:
        self.by_id: dict[str, Record] = {
            record.id: record for name in COLLECTIONS for record in collections[name]
        }
        self._organizations(collections["organizations"])
        self._meetings(collections["meetings"])
        self.by_topic = _by_topic(sorted(collections["commitments"], key=commitment_order))
        self._officials(collections["officials"])
        ordered = sorted(collections["instruments"], key=instrument_order)
        self.instruments_ordered = Results(ordered)
        self.instruments_by_topic = _by_topic(ordered)
        self.instrument_keys = _name_keys((i.id, (i.id, i.title, i.original_title)) for i in ordered)

    def _officials(self, officials: tuple[Official, ...]) -> None:
        by_country: dict[str, list[Official]] = defaultdict(list)
        by_post: dict[str, list[Tenure]] = defaultdict(list)
        for official in officials:
            by_country[official.country].append(official)
            for position in official.positions:
                if position.post is not None:
                    by_post[position.post].append(Tenure(official, position))
        self.officials_by_country = {k: Results(v) for k, v in by_country.items()}
        self.by_post = {k: Results(sorted(v, key=tenure_order)) for k, v in by_post.items()}

    def _organizations(self, organizations: tuple[Organization, ...]) -> None:
        children: dict[str, list[str]] = defaultdict(list)
        for org in organizations:
            if org.parent is not None:
                children[org.parent].append(org.id)
        self.children = {k: tuple(v) for k, v in children.items()}
        self.org_keys = _name_keys(
            (org.id, (org.id, org.name, org.abbreviation, *org.aliases)) for org in organizations
        )

    def _meetings(self, meetings: tuple[Meeting, ...]) -> None:
        ordered = sorted(meetings, key=meeting_order)
        by_country: dict[tuple[str, ParticipantStatus | None], list[Meeting]] = defaultdict(list)
        by_org: dict[str, list[Meeting]] = defaultdict(list)
        absent: dict[str, list[Meeting]] = defaultdict(list)
        # Meetings grouped by how long their dates can span (a year, a month,
        # a day, several days), so that a range query looks only at meetings
        # that start within one span of the range.
        groups: dict[tuple[object, bool], list[Meeting]] = defaultdict(list)
        for meeting in ordered:
            if meeting.organization is not None:
                by_org[meeting.organization].append(meeting)
            if meeting.date is not None:
                groups[(meeting.date.precision, meeting.end_date is not None)].append(meeting)
            # Key (country, None) lists every meeting of the country, whatever
            # its capacity, stated or not.
            keys: set[tuple[str, ParticipantStatus | None]] = set()
            for p in meeting.participants:
                if p.country is not None:
                    keys.add((p.country, None))
                    if p.status is not None:
                        keys.add((p.country, p.status))
            for key in keys:
                by_country[key].append(meeting)
            for country in {a.country for a in meeting.absences}:
                absent[country].append(meeting)
        self.ordered = Results(ordered)
        self.by_country = {k: Results(v) for k, v in by_country.items()}
        self.by_organization = {k: Results(v) for k, v in by_org.items()}
        self.absent_by_country = {k: Results(v) for k, v in absent.items()}
        self.dated = tuple(_DateGroup(group) for group in groups.values())

    def between(self, low: datetime.date, high: datetime.date, *, certain: bool) -> Results[Meeting]:
        """Dated meetings that may (or, if ``certain``, surely) fall in the range, in date order."""
        found = [m for group in self.dated for m in group.between(low, high, certain=certain)]
        if len(self.dated) > 1:
            found.sort(key=meeting_order)
        return Results(found)

    def descendants(self, root: str) -> tuple[str, ...]:
        """The id of an organization and of every body below it, sorted."""
        found = [root]
        stack = [root]
        while stack:
            for child in self.children.get(stack.pop(), ()):
                found.append(child)
                stack.append(child)
        return tuple(sorted(found))


def _by_topic(records: Iterable[R]) -> dict[str, Results[R]]:
    """Records (commitments, instruments) by each topic they carry, in the order given."""
    found: dict[str, list[R]] = defaultdict(list)
    for record in records:
        for topic in record.topics:
            found[topic].append(record)
    return {k: Results(v) for k, v in found.items()}


def _name_keys(named: Iterable[tuple[str, tuple[str | None, ...]]]) -> dict[str, tuple[str, ...]]:
    """Each folded name to the ids of the records it names, sorted: the lookups by id, name or alias."""
    keys: dict[str, set[str]] = defaultdict(set)
    for record_id, labels in named:
        for label in labels:
            if label:
                keys[fold(label)].add(record_id)
    return {k: tuple(sorted(v)) for k, v in keys.items()}
