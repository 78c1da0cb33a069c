"""The rules that span records, one generator per rule.

A :class:`~scocoop.Dataset` runs :func:`problems` on the collections it is
given and refuses them if any rule yields a problem.  References are checked
from the single declaration :data:`~scocoop._model.REFERENCES`, so a new
field that names another record is checked once it is declared there.  Every
rule is linear (or n log n) in the size of the input.
"""

from __future__ import annotations

import datetime
import itertools
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from scocoop._countries import is_country_code
from scocoop._errors import Problem
from scocoop._model import (
    COLLECTIONS,
    REFERENCES,
    Commitment,
    Meeting,
    Organization,
    Reference,
    meeting_span,
)
from scocoop._topics import topics as topic_vocabulary

__all__ = ["problems"]

Given = Mapping[str, tuple[Any, ...]]


def problems(given: Given) -> Iterator[Problem]:
    """Every problem in the collections, located by collection and position in the input."""
    yield from _wrong_types(given)
    yield from _duplicate_ids(given)
    yield from _unresolved_references(given)
    yield from _overlapping_memberships(given)
    yield from _cycles(given, "organizations", "parent", "is its own ancestor")
    yield from _cycles(given, "meetings", "held_during", "is held during itself")
    yield from _commitments_outside_their_meetings(given)


def _records(given: Given, name: str) -> Iterator[tuple[str, Any]]:
    """The records of a collection that have the right type, with their locations."""
    kind = COLLECTIONS[name]
    for index, record in enumerate(given.get(name, ())):
        if isinstance(record, kind):
            yield f"{name}[{index}]", record


def _wrong_types(given: Given) -> Iterator[Problem]:
    for name, kind in COLLECTIONS.items():
        for index, record in enumerate(given.get(name, ())):
            if not isinstance(record, kind):
                yield Problem(f"{name}[{index}]", f"expected a {kind.__name__}, got {type(record).__name__}")


def _duplicate_ids(given: Given) -> Iterator[Problem]:
    seen: dict[str, str] = {}
    for name in COLLECTIONS:
        for where, record in _records(given, name):
            first = seen.setdefault(record.id, where)
            if first != where:
                yield Problem(f"{where}.id", f"duplicate id {record.id!r}, first used at {first}")


def _values(value: object, path: tuple[str, ...], where: str) -> Iterator[tuple[str, Any]]:
    """The values at the end of ``path``, each with its location.

    Records in a tuple are located by position; the items of a tuple of
    strings (topics, parties), which are sorted on construction, by the
    field alone, since a position would not point back into the input.
    """
    head, rest = path[0], path[1:]
    found = getattr(value, head)
    at = f"{where}.{head}"
    if found is None:
        return
    if isinstance(found, tuple):
        for index, item in enumerate(found):
            if rest:
                yield from _values(item, rest, f"{at}[{index}]")
            else:
                yield at, item
    elif rest:
        yield from _values(found, rest, at)
    else:
        yield at, found


def _resolver(given: Given, target: str) -> Callable[[Any], str | None]:
    """A function from a value to what is wrong with it as a reference to ``target``."""
    if target == "countries":
        return lambda value: None if is_country_code(value) else f"unknown country code {value!r}"
    if target == "topics":
        vocabulary = topic_vocabulary()
        return lambda value: None if value in vocabulary else f"unknown topic {value!r}"
    ids = {record.id for _, record in _records(given, target)}
    kind = target[:-1]
    return lambda value: None if value in ids else f"unknown {kind} id {value!r}"


def _unresolved_references(given: Given) -> Iterator[Problem]:
    resolvers: dict[str, Callable[[Any], str | None]] = {}
    by_collection: dict[str, list[Reference]] = defaultdict(list)
    for reference in REFERENCES:
        by_collection[reference.collection].append(reference)
        if reference.target not in resolvers:
            resolvers[reference.target] = _resolver(given, reference.target)
    for name in COLLECTIONS:
        for where, record in _records(given, name):
            for reference in by_collection[name]:
                check = resolvers[reference.target]
                for at, value in _values(record, reference.path, where):
                    message = check(value)
                    if message is not None:
                        yield Problem(at, message)


def _overlapping_memberships(given: Given) -> Iterator[Problem]:
    for where, org in _records(given, "organizations"):
        yield from _overlaps(where, org)


def _overlaps(where: str, org: Organization) -> Iterator[Problem]:
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


def _cycles(given: Given, name: str, field: str, says: str) -> Iterator[Problem]:
    """Records that reach themselves by following ``field``: one problem per cycle.

    Each record is visited once (a walk stops at a record an earlier walk
    has finished), so the rule is linear in the number of records.
    """
    records = list(_records(given, name))
    index = {record.id: i for i, (_, record) in enumerate(records)}
    successor = {record.id: getattr(record, field) for _, record in records}
    finished: set[str] = set()
    for _, record in records:
        path: dict[str, int] = {}
        node: str | None = record.id
        while node is not None and node in successor and node not in finished and node not in path:
            path[node] = len(path)
            node = successor[node]
        if node is not None and node in path:
            cycle = list(path)[path[node] :]
            start = min(cycle, key=index.__getitem__)
            turn = cycle.index(start)
            ordered = [*cycle[turn:], *cycle[:turn], start]
            kind = COLLECTIONS[name].__name__.lower()
            yield Problem(
                f"{records[index[start]][0]}.{field}",
                f"{kind} {start!r} {says}: {' -> '.join(ordered)}",
            )
        finished.update(path)


def _commitments_outside_their_meetings(given: Given) -> Iterator[Problem]:
    meetings: dict[str, Meeting] = {m.id: m for _, m in _records(given, "meetings")}
    for where, commitment in _records(given, "commitments"):
        yield from _outside(where, commitment, meetings.get(commitment.meeting or ""))


def _outside(where: str, commitment: Commitment, meeting: Meeting | None) -> Iterator[Problem]:
    if meeting is None or meeting.date is None or commitment.date is None:
        return
    begins, ends = meeting_span(meeting)
    if commitment.date.latest < begins or ends < commitment.date.earliest:
        until = f"/{meeting.end_date}" if meeting.end_date else ""
        yield Problem(
            f"{where}.date",
            f"{str(commitment.date)!r} does not fall within the dates of meeting"
            f" {meeting.id!r} ({meeting.date}{until})",
        )
