"""The :class:`Dataset`: the five collections, their integrity, and queries.

A dataset checks every rule that spans records when it is built (unique ids,
references that resolve, known countries and topics, dates in order) and
builds the indexes its queries use, so that a query costs time in proportion
to its answer rather than to the dataset.
"""

from __future__ import annotations

import bisect
import datetime
import itertools
import os
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, Literal, TypeVar

from scocoop._countries import is_country_code, to_country_code
from scocoop._dates import DateLike, PartialDate, to_partial_date
from scocoop._display import Results, html_table
from scocoop._errors import DataError, Problem, UnknownIdError
from scocoop._model import (
    Citation,
    Commitment,
    Meeting,
    MembershipStatus,
    Official,
    Organization,
    ParticipantStatus,
    Source,
)
from scocoop._topics import topics as topic_vocabulary

__all__ = ["COLLECTIONS", "Dataset", "Record", "commitment_order", "meeting_order"]

Record = Source | Organization | Official | Meeting | Commitment
"""Any of the five kinds of record."""

COLLECTIONS = ("sources", "organizations", "officials", "meetings", "commitments")
"""The collections of a dataset, in the order they are written."""

R = TypeVar("R", Source, Organization, Official, Meeting, Commitment)

_FAR_FUTURE = datetime.date.max

_NONE: Results[Any] = Results()


DateKey = tuple[bool, datetime.date, datetime.date, bool, bool, str]


def _date_key(date: PartialDate | None, record_id: str) -> DateKey:
    # As PartialDate sorts (earliest, latest, certain before flagged), then by id.
    if date is None:
        return (True, _FAR_FUTURE, _FAR_FUTURE, False, False, record_id)
    return (False, date.earliest, date.latest, date.uncertain, date.approximate, record_id)


def meeting_order(m: Meeting) -> DateKey:
    """Sort key of meetings in date order: earliest day, latest day, id; undated last."""
    return _date_key(m.date, m.id)


def commitment_order(c: Commitment) -> DateKey:
    """Sort key of commitments in date order, as :func:`meeting_order`."""
    return _date_key(c.date, c.id)


def _meeting_span(m: Meeting) -> tuple[datetime.date, datetime.date]:
    if m.date is None:
        return (_FAR_FUTURE, _FAR_FUTURE)
    return m.date.earliest, (m.end_date or m.date).latest


class _DateGroup:
    """Dated meetings sorted by first day, with the longest span among them."""

    __slots__ = ("meetings", "span", "starts")

    def __init__(self, meetings: list[Meeting]) -> None:
        spans = [_meeting_span(m) for m in meetings]
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
            begins, ends = _meeting_span(meeting)
            if (low <= begins and ends <= high) if certain else (begins <= high and low <= ends):
                yield meeting


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


class Dataset:
    """An immutable, validated collection of records, with queries.

    Build one from the five collections (any iterables of records); the
    collections are stored as tuples sorted by id.  Building checks every
    rule that spans records and raises :class:`DataError` listing every
    problem, located by collection and position in the input
    (``meetings[3].organization``).

    Dates in queries: ``meetings_between`` returns the meetings that *may*
    fall in the range (their possible days overlap it) unless
    ``certain=True``; ``on=`` counts a membership or post that *may* have
    been in effect on any day the date can mean, with unknown starts and
    ends treated as open.  Undated meetings come last in date order and are
    never returned by ``meetings_between``.
    """

    __slots__ = (
        "_by_country",
        "_by_id",
        "_by_organization",
        "_by_topic",
        "_children",
        "_dated",
        "_officials_by_country",
        "_org_keys",
        "commitments",
        "data_version",
        "meetings",
        "officials",
        "organizations",
        "sources",
    )

    sources: tuple[Source, ...]
    organizations: tuple[Organization, ...]
    officials: tuple[Official, ...]
    meetings: tuple[Meeting, ...]
    commitments: tuple[Commitment, ...]
    data_version: str | None
    _by_id: dict[str, Record]
    _children: dict[str, tuple[str, ...]]
    _org_keys: dict[str, tuple[str, ...]]
    _by_country: dict[tuple[str, ParticipantStatus | None], Results[Meeting]]
    _by_organization: dict[str, Results[Meeting]]
    _dated: tuple[_DateGroup, ...]
    _by_topic: dict[str, Results[Commitment]]
    _officials_by_country: dict[str, Results[Official]]

    def __init__(
        self,
        *,
        sources: Iterable[Source] = (),
        organizations: Iterable[Organization] = (),
        officials: Iterable[Official] = (),
        meetings: Iterable[Meeting] = (),
        commitments: Iterable[Commitment] = (),
        data_version: str | None = None,
    ) -> None:
        given = {
            "sources": tuple(sources),
            "organizations": tuple(organizations),
            "officials": tuple(officials),
            "meetings": tuple(meetings),
            "commitments": tuple(commitments),
        }
        problems = list(_check(given))
        if problems:
            raise DataError(problems)
        for name, records in given.items():
            object.__setattr__(self, name, tuple(sorted(records, key=_record_id)))
        object.__setattr__(self, "data_version", data_version)
        self._index()

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"Dataset is immutable; cannot set {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"Dataset is immutable; cannot delete {name!r}")

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Dataset):
            return NotImplemented
        return self.data_version == other.data_version and all(
            getattr(self, name) == getattr(other, name) for name in COLLECTIONS
        )

    __hash__ = None  # type: ignore[assignment]  # equal datasets need not be one object

    def __repr__(self) -> str:
        counts = ", ".join(f"{len(getattr(self, name))} {name}" for name in COLLECTIONS)
        version = f", data_version={self.data_version!r}" if self.data_version else ""
        return f"<Dataset: {counts}{version}>"

    def _repr_html_(self) -> str:
        rows = [{"collection": name, "records": str(len(getattr(self, name)))} for name in COLLECTIONS]
        version = self.data_version or "not stated"
        return html_table(rows, caption=f"scocoop Dataset, data version {version}")

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        printer.text(repr(self))

    # Indexes.

    def _index(self) -> None:
        by_id: dict[str, Record] = {}
        for name in COLLECTIONS:
            for record in getattr(self, name):
                by_id[record.id] = record
        children: dict[str, list[str]] = defaultdict(list)
        org_keys: dict[str, set[str]] = defaultdict(set)
        for org in self.organizations:
            if org.parent is not None:
                children[org.parent].append(org.id)
            for label in (org.id, org.name, org.abbreviation, *org.aliases):
                if label:
                    org_keys[_fold(label)].add(org.id)

        ordered = sorted(self.meetings, key=meeting_order)
        by_country: dict[tuple[str, ParticipantStatus | None], list[Meeting]] = defaultdict(list)
        by_org: dict[str, list[Meeting]] = defaultdict(list)
        for meeting in ordered:
            if meeting.organization is not None:
                by_org[meeting.organization].append(meeting)
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
        # Meetings grouped by how long their dates can span (a year, a month,
        # a day, several days), so that a range query looks only at meetings
        # that start within one span of the range: logarithmic plus the answer.
        groups: dict[tuple[object, bool], list[Meeting]] = defaultdict(list)
        for meeting in ordered:
            if meeting.date is not None:
                groups[(meeting.date.precision, meeting.end_date is not None)].append(meeting)

        by_topic: dict[str, list[Commitment]] = defaultdict(list)
        for commitment in sorted(self.commitments, key=commitment_order):
            for topic in commitment.topics:
                by_topic[topic].append(commitment)
        officials_by_country: dict[str, list[Official]] = defaultdict(list)
        for official in self.officials:
            officials_by_country[official.country].append(official)

        set_ = object.__setattr__
        set_(self, "_by_id", by_id)
        set_(self, "_children", {k: tuple(v) for k, v in children.items()})
        set_(self, "_org_keys", {k: tuple(sorted(v)) for k, v in org_keys.items()})
        set_(self, "_by_country", {k: Results(v) for k, v in by_country.items()})
        set_(self, "_by_organization", {k: Results(v) for k, v in by_org.items()})
        set_(self, "_dated", tuple(_DateGroup(group) for group in groups.values()))
        set_(self, "_by_topic", {k: Results(v) for k, v in by_topic.items()})
        set_(self, "_officials_by_country", {k: Results(v) for k, v in officials_by_country.items()})

    # Lookup by id.

    def _lookup(self, kind: type[R], record_id: str) -> R:
        record = self._by_id.get(record_id) if isinstance(record_id, str) else None
        if not isinstance(record, kind):
            raise UnknownIdError(kind.__name__.lower(), record_id)
        return record

    def source(self, source_id: str) -> Source:
        """The source with this id.  Raises :class:`UnknownIdError`."""
        return self._lookup(Source, source_id)

    def organization(self, organization_id: str) -> Organization:
        """The organization with this id.  Raises :class:`UnknownIdError`."""
        return self._lookup(Organization, organization_id)

    def official(self, official_id: str) -> Official:
        """The official with this id.  Raises :class:`UnknownIdError`."""
        return self._lookup(Official, official_id)

    def meeting(self, meeting_id: str) -> Meeting:
        """The meeting with this id.  Raises :class:`UnknownIdError`."""
        return self._lookup(Meeting, meeting_id)

    def commitment(self, commitment_id: str) -> Commitment:
        """The commitment with this id.  Raises :class:`UnknownIdError`."""
        return self._lookup(Commitment, commitment_id)

    def get(self, record_id: str, default: Record | None = None) -> Record | None:
        """The record of any kind with this id, or ``default``."""
        if not isinstance(record_id, str):
            return default
        return self._by_id.get(record_id, default)

    def __iter__(self) -> Iterator[Record]:
        """Every record, collection by collection."""
        for name in COLLECTIONS:
            yield from getattr(self, name)

    def __len__(self) -> int:
        return len(self._by_id)

    def __contains__(self, record_id: object) -> bool:
        return isinstance(record_id, str) and record_id in self._by_id

    # Queries.

    def resolve_organization(self, organization: str) -> str:
        """The id of an organization given by id, name, abbreviation or alias.

        Raises:
            UnknownIdError: No organization matches, or several do.
        """
        if isinstance(organization, str):
            if isinstance(self._by_id.get(organization), Organization):
                return organization
            found = self._org_keys.get(_fold(organization), ())
            if len(found) == 1:
                return found[0]
            if len(found) > 1:
                raise UnknownIdError("organization", organization, candidates=found)
        raise UnknownIdError("organization", organization)

    def bodies_of(self, organization: str) -> tuple[str, ...]:
        """The ids of the organization and every body below it, sorted."""
        root = self.resolve_organization(organization)
        found = [root]
        stack = [root]
        while stack:
            for child in self._children.get(stack.pop(), ()):
                found.append(child)
                stack.append(child)
        return tuple(sorted(found))

    def meetings_by_country(
        self, country: str, *, status: ParticipantStatus | str | None = None
    ) -> Results[Meeting]:
        """Meetings in which a country took part, in date order.

        Args:
            country: Code, name or demonym (``"KZ"``, ``"Kazakhstan"``,
                ``"Kazakh"``).
            status: Only meetings where it took part in this capacity
                (``"observer"``, say).

        Raises:
            UnknownCountryError: The country is not recognised.
            ValueError: ``status`` is not a participant status.
        """
        code = to_country_code(country)
        capacity = None if status is None else _status(ParticipantStatus, status)
        return self._by_country.get((code, capacity), _NONE)

    def meetings_between(self, start: DateLike, end: DateLike, *, certain: bool = False) -> Results[Meeting]:
        """Dated meetings held between ``start`` and ``end``, in date order.

        The range runs from the first day ``start`` can mean to the last day
        ``end`` can mean (so ``meetings_between("2016", "2016")`` is the whole
        year).  By default a meeting is included when it *may* fall in the
        range: some day it can mean lies inside (``2018-09?`` is in
        ``2018-09-15..2018-09-30``).  With ``certain=True``, only meetings
        every possible day of which lies inside.

        Raises:
            InvalidDateError: A bound cannot be read as a date.
        """
        low = to_partial_date(start).earliest
        high = to_partial_date(end).latest
        if high < low:
            return _NONE
        found = [m for group in self._dated for m in group.between(low, high, certain=certain)]
        if len(self._dated) > 1:
            found.sort(key=meeting_order)
        return Results(found)

    def meetings_of(self, organization: str, *, bodies: bool = True) -> Results[Meeting]:
        """Meetings of an organization and, by default, of its bodies, in date order.

        Raises:
            UnknownIdError: No organization has this id, name or abbreviation.
        """
        ids = self.bodies_of(organization) if bodies else (self.resolve_organization(organization),)
        groups = [self._by_organization.get(i, _NONE) for i in ids]
        if len(ids) == 1:
            return groups[0]
        return Results(sorted((m for g in groups for m in g), key=meeting_order))

    def initiatives_on(self, topic: str, *, narrower: bool = True) -> Results[Commitment]:
        """Commitments on a topic and, by default, on any narrower topic, in date order.

        Args:
            topic: Topic id, label or synonym (``"cyber terrorism"``).
            narrower: Include commitments on narrower topics.

        Raises:
            UnknownTopicError: The topic is not in the vocabulary.
        """
        vocabulary = topic_vocabulary()
        topic_id = vocabulary.resolve(topic)
        ids = (topic_id, *vocabulary.narrower(topic_id)) if narrower else (topic_id,)
        groups = [g for g in (self._by_topic.get(i) for i in ids) if g]
        if len(groups) <= 1:
            return groups[0] if groups else _NONE
        unique = {c.id: c for g in groups for c in g}
        return Results(sorted(unique.values(), key=commitment_order))

    def officials_of(self, country: str, on: DateLike | None = None) -> Results[Official]:
        """Officials of a country, by id.

        With ``on``, only those who may have held a recorded post on that date.

        Raises:
            UnknownCountryError: The country is not recognised.
            InvalidDateError: ``on`` cannot be read as a date.
        """
        code = to_country_code(country)
        found = self._officials_by_country.get(code, _NONE)
        if on is None:
            return found
        when = to_partial_date(on)
        return Results(o for o in found if any(p.in_effect(when.earliest, when.latest) for p in o.positions))

    def members_of(
        self,
        organization: str,
        on: DateLike | None = None,
        status: MembershipStatus | str | None = MembershipStatus.MEMBER,
    ) -> Results[str]:
        """Country codes with a standing in an organization, sorted.

        A body with no memberships of its own has those of its parent.  An
        empty result means that no standing is recorded, not that there is
        none: see the organization's ``note``.

        Args:
            organization: Id, name, abbreviation or alias.
            on: Only standings that may have held on that date.
            status: Only this standing (default: full members); ``None``
                for any.

        Raises:
            UnknownIdError: The organization is not recognised.
            InvalidDateError: ``on`` cannot be read as a date.
            ValueError: ``status`` is not a membership status.
        """
        org = self.organization(self.resolve_organization(organization))
        while not org.memberships and org.parent is not None:
            org = self.organization(org.parent)
        wanted = None if status is None else _status(MembershipStatus, status)
        when = None if on is None else to_partial_date(on)
        return Results(
            sorted(
                {
                    m.country
                    for m in org.memberships
                    if (wanted is None or m.status is wanted)
                    and (when is None or m.in_effect(when.earliest, when.latest))
                }
            )
        )

    def citations(self, record_id: str) -> tuple[tuple[Citation, Source], ...]:
        """The citations of a record, each with its source.

        Raises:
            UnknownIdError: No record has this id.
        """
        record = self.get(record_id)
        if record is None:
            raise UnknownIdError("record", record_id)
        if isinstance(record, Source):
            return ()
        return tuple((c, self.source(c.source)) for c in record.sources)

    # Other forms.

    def to_pandas(self) -> dict[str, Any]:
        """The dataset as tidy pandas DataFrames, by table name (extra ``pandas``).

        One table per collection (``sources``, ``organizations``,
        ``officials``, ``meetings``, ``commitments``) and one per list inside
        records (``memberships``, ``positions``, ``participants``,
        ``parties``, ``topics``, ``aliases``, ``citations``), keyed by the
        record they belong to.  Each date becomes three columns: ``date``
        (the earliest day it can mean, a datetime), ``date_precision``
        (``year``, ``month`` or ``day``) and ``date_edtf`` (the exact
        statement, with its ``?`` or ``~``).

        Raises:
            MissingExtraError: pandas is not installed.
        """
        from scocoop._pandas import to_pandas

        return to_pandas(self)

    def to_networkx(
        self, of: Literal["countries", "officials"] = "countries", *, inferred: bool = True
    ) -> Any:
        """The co-participation network as a :class:`networkx.Graph` (extra ``graph``).

        Nodes are the countries (or officials) that took part in a meeting;
        an edge joins two that took part in the same meeting, with
        ``weight`` the number of meetings they shared and ``meetings`` their
        ids in date order.

        Args:
            of: ``"countries"`` or ``"officials"``.
            inferred: Whether to count participants that no source names
                (see :attr:`Participant.inferred`); ``False`` keeps only
                those the sources name.

        Raises:
            MissingExtraError: networkx is not installed.
        """
        from scocoop._graph import to_networkx

        return to_networkx(self, of, inferred=inferred)

    def plot_timeline(self, ax: Any = None) -> Any:
        """Draw the meetings over time by organization; return the matplotlib Axes (extra ``plot``).

        Args:
            ax: The Axes to draw on; a new figure's by default.

        Raises:
            MissingExtraError: matplotlib is not installed.
        """
        from scocoop._graph import plot_timeline

        return plot_timeline(self, ax)

    def export(self, directory: str | os.PathLike[str], format: str = "csv") -> list[Path]:
        """Write the dataset into ``directory`` in one of the export formats.

        Formats: ``csv`` (one file per table, with a Frictionless
        ``datapackage.json``), ``json`` (the canonical file and its JSON
        Schema), ``popolo`` (Popolo JSON) and ``parquet`` (one file per
        table; extra ``parquet``).  Each file is written atomically.

        Returns:
            The paths written.

        Raises:
            ValueError: Unknown format.
            MissingExtraError: The format needs an extra that is not installed.
            OSError: A file cannot be written.
        """
        from scocoop._export import export

        return export(self, directory, format)


E = TypeVar("E", ParticipantStatus, MembershipStatus)


def _status(kind: type[E], value: E | str) -> E:
    if isinstance(value, kind):
        return value
    try:
        return kind(value)
    except ValueError:
        allowed = ", ".join(repr(s.value) for s in kind)
        raise ValueError(f"status must be one of {allowed}, not {value!r}") from None


def _record_id(record: Record) -> str:
    return record.id


# Integrity checks.


def _check(given: dict[str, tuple[Any, ...]]) -> Iterator[Problem]:
    """Every rule that spans records, as located problems."""
    kinds: dict[str, type[Record]] = {
        "sources": Source,
        "organizations": Organization,
        "officials": Official,
        "meetings": Meeting,
        "commitments": Commitment,
    }
    ids: dict[str, dict[str, str]] = {name: {} for name in COLLECTIONS}
    seen: dict[str, str] = {}
    for name, records in given.items():
        for index, record in enumerate(records):
            where = f"{name}[{index}]"
            if not isinstance(record, kinds[name]):
                yield Problem(where, f"expected a {kinds[name].__name__}, got {type(record).__name__}")
                continue
            record_id: str = record.id
            if record_id in seen:
                yield Problem(f"{where}.id", f"duplicate id {record_id!r}, first used at {seen[record_id]}")
            else:
                seen[record_id] = where
                ids[name][record_id] = where

    vocabulary = topic_vocabulary()

    def ref(where: str, value: str | None, collection: str) -> Iterator[Problem]:
        if value is not None and value not in ids[collection]:
            kind = collection[:-1]
            yield Problem(where, f"unknown {kind} id {value!r}")

    def country(where: str, value: str | None) -> Iterator[Problem]:
        if value is not None and not is_country_code(value):
            yield Problem(where, f"unknown country code {value!r}")

    def topic_refs(where: str, values: tuple[str, ...]) -> Iterator[Problem]:
        # Topics are sorted on construction: name the value, not a position.
        for value in values:
            if value not in vocabulary:
                yield Problem(where, f"unknown topic {value!r}")

    def cites(where: str, values: tuple[Citation, ...]) -> Iterator[Problem]:
        for i, citation in enumerate(values):
            yield from ref(f"{where}[{i}].source", citation.source, "sources")

    def each(name: str) -> Iterator[tuple[str, Any]]:
        for index, record in enumerate(given[name]):
            if isinstance(record, kinds[name]):
                yield f"{name}[{index}]", record

    for where, org in each("organizations"):
        yield from ref(f"{where}.parent", org.parent, "organizations")
        yield from country(f"{where}.country", org.country)
        yield from cites(f"{where}.sources", org.sources)
        for i, membership in enumerate(org.memberships):
            at = f"{where}.memberships[{i}]"
            yield from country(f"{at}.country", membership.country)
            yield from cites(f"{at}.sources", membership.sources)
        yield from _overlapping_memberships(where, org)
    yield from _parent_cycles(given["organizations"])

    for where, official in each("officials"):
        yield from country(f"{where}.country", official.country)
        yield from cites(f"{where}.sources", official.sources)
        for i, position in enumerate(official.positions):
            yield from ref(f"{where}.positions[{i}].organization", position.organization, "organizations")

    meeting_by_id = {m.id: m for _, m in each("meetings")}
    for where, meeting in each("meetings"):
        yield from ref(f"{where}.organization", meeting.organization, "organizations")
        yield from ref(f"{where}.held_during", meeting.held_during, "meetings")
        if meeting.place is not None:
            yield from country(f"{where}.place.country", meeting.place.country)
        for name in ("host", "chair", "next_host"):
            yield from country(f"{where}.{name}", getattr(meeting, name))
        for i, p in enumerate(meeting.participants):
            at = f"{where}.participants[{i}]"
            yield from country(f"{at}.country", p.country)
            yield from ref(f"{at}.organization", p.organization, "organizations")
            yield from ref(f"{at}.official", p.official, "officials")
        yield from topic_refs(f"{where}.topics", meeting.topics)
        yield from cites(f"{where}.sources", meeting.sources)

    for where, commitment in each("commitments"):
        yield from ref(f"{where}.meeting", commitment.meeting, "meetings")
        yield from ref(f"{where}.proposed_by", commitment.proposed_by, "officials")
        yield from country(f"{where}.proposer", commitment.proposer)
        for discussed in commitment.discussed_at:
            yield from ref(f"{where}.discussed_at", discussed, "meetings")
        for party in commitment.parties:
            yield from country(f"{where}.parties", party)
        yield from topic_refs(f"{where}.topics", commitment.topics)
        yield from cites(f"{where}.sources", commitment.sources)
        meeting = meeting_by_id.get(commitment.meeting or "")
        if meeting is not None and meeting.date is not None and commitment.date is not None:
            begins, ends = _meeting_span(meeting)
            if commitment.date.latest < begins or ends < commitment.date.earliest:
                yield Problem(
                    f"{where}.date",
                    f"{str(commitment.date)!r} does not fall within the dates of meeting"
                    f" {meeting.id!r} ({meeting.date}"
                    f"{'/' + str(meeting.end_date) if meeting.end_date else ''})",
                )


def _overlapping_memberships(where: str, org: Organization) -> Iterator[Problem]:
    by_country: dict[str, list[tuple[int, Any]]] = defaultdict(list)
    for i, m in enumerate(org.memberships):
        by_country[m.country].append((i, m))
    for periods in by_country.values():
        periods.sort(key=lambda item: item[1].start.earliest if item[1].start else datetime.date.min)
        for (i, a), (j, b) in itertools.pairwise(periods):
            a_end = a.end.earliest if a.end is not None else None
            b_start = b.start.latest if b.start is not None else None
            if a_end is None or b_start is None or b_start < a_end:
                yield Problem(
                    f"{where}.memberships[{j}]",
                    f"{b.country} {b.status.value} period overlaps its"
                    f" {a.status.value} period at memberships[{i}]",
                )


def _parent_cycles(records: tuple[Any, ...]) -> Iterator[Problem]:
    organizations = [(i, o) for i, o in enumerate(records) if isinstance(o, Organization)]
    parent = {o.id: o.parent for _, o in organizations}
    index = {o.id: i for i, o in organizations}
    reported: set[str] = set()
    for start in parent:
        path: list[str] = []
        node: str | None = start
        while node is not None and node in parent and node not in path:
            path.append(node)
            node = parent[node]
        if node is not None and node in path and node == start and start not in reported:
            cycle = path[path.index(node) :]
            reported.update(cycle)
            yield Problem(
                f"organizations[{index[start]}].parent",
                f"organization {start!r} is its own ancestor: {' -> '.join([*cycle, node])}",
            )
