"""The rules that span records: each a reporter and, beside it, a fast predicate that agrees with it.

A :class:`~scocoop.Dataset` runs :func:`problems` on the collections it is
given and refuses them if any rule yields a problem; the fast loader asks
:func:`all_hold` instead, which runs each rule's predicate (a pass over
whole collections that stops at the first fault) and leaves any fault to
the reporters.  A rule without a predicate of its own holds where its
reporter finds nothing.  Each predicate may assume that the rules before it
hold (the records have their types, ids are unique, references resolve).

References are checked from the single declaration
:data:`~scocoop._model.records.REFERENCES`, so a new field that names another
record is checked once it is declared there.  Every rule is linear (or
n log n) in the size of the input.
"""

from __future__ import annotations

import datetime
import functools
import itertools
import operator
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from collections.abc import Set as AbstractSet
from typing import Any

from attrs import frozen

from scocoop._core.dates import PartialDate
from scocoop._core.errors import Problem
from scocoop._core.validators import show
from scocoop._countries.codes import alpha2_codes
from scocoop._model.fields import shape_of, type_hints
from scocoop._model.records import (
    COLLECTIONS,
    REFERENCES,
    Meeting,
    Organization,
    Reference,
    meeting_span,
)
from scocoop._model.topics import topics as topic_vocabulary

__all__ = ["RULES", "Rule", "all_hold", "problems"]

Given = Mapping[str, tuple[Any, ...]]


@frozen
class Rule:
    """A rule between records: what reports its faults, and what says fast whether there are any.

    Attributes:
        name: What the rule requires, for messages and tests.
        report: Every fault, each a located :class:`~scocoop._core.errors.Problem`.
        holds: True exactly when ``report`` finds nothing, on collections
            for which the earlier rules hold; ``None`` where the reporter
            is fast enough to ask.
    """

    name: str
    report: Callable[[Given], Iterable[Problem]]
    holds: Callable[[Given], bool] | None = None

    def check(self, given: Given) -> bool:
        """Whether the rule holds, by the predicate where there is one."""
        if self.holds is not None:
            return self.holds(given)
        return next(iter(self.report(given)), None) is None


def problems(given: Given) -> Iterator[Problem]:
    """Every problem in the collections, located by collection and position in the input."""
    for rule in RULES:
        yield from rule.report(given)


def all_hold(given: Given) -> bool:
    """Whether every rule holds, by the fast predicates; stops at the first rule that fails."""
    return all(rule.check(given) for rule in RULES)


def _records(given: Given, name: str) -> Iterator[tuple[str, Any]]:
    """The records of a collection that have the right type, with their locations."""
    kind = COLLECTIONS[name]
    for index, record in enumerate(given.get(name, ())):
        if isinstance(record, kind):
            yield f"{name}[{index}]", record


def _types_right(given: Given) -> bool:
    return all(
        all(map(isinstance, given.get(name, ()), itertools.repeat(kind)))
        for name, kind in COLLECTIONS.items()
    )


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
                yield Problem(f"{where}.id", f"duplicate id {show(record.id)}, first used at {first}")


_ID = operator.attrgetter("id")


def _ids_unique(given: Given) -> bool:
    ids = list(map(_ID, itertools.chain.from_iterable(given.get(name, ()) for name in COLLECTIONS)))
    return len(set(ids)) == len(ids)


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


def _known(given: Given, target: str) -> frozenset[str] | set[str]:
    """The values a reference to ``target`` may take."""
    if target == "countries":
        return alpha2_codes()
    if target == "topics":
        return {topic.id for topic in topic_vocabulary()}
    kind = COLLECTIONS[target]
    return {record.id for record in given.get(target, ()) if isinstance(record, kind)}


def _unknown(target: str, value: object) -> str:
    if target == "countries":
        return f"unknown country code {show(value)}"
    if target == "topics":
        return f"unknown topic {show(value)}"
    return f"unknown {target[:-1]} id {show(value)}"


@functools.cache
def _all_resolve(name: str) -> Callable[[object, Mapping[str, AbstractSet[str]]], bool]:
    """One function that says whether every reference of a record of collection ``name`` resolves.

    Generated from the declared references, once per collection, with one
    loop per list however many references run through it, so that checking a
    valid dataset costs little more than reading its fields.
    """
    tree: dict[str, Any] = {}
    for reference in REFERENCES:
        if reference.collection == name:
            node = tree
            for step in reference.path[:-1]:
                node = node.setdefault(step, {})
            node.setdefault(reference.path[-1], []).append(reference.target)
    lines = ["def resolve(r, known):"]
    counter = iter(range(1000))

    def emit(node: dict[str, Any], owner: str, depth: int) -> None:
        pad = "    " * depth
        for step, sub in node.items():
            value = f"v{next(counter)}"
            lines.append(f"{pad}{value} = {owner}.{step}")
            if isinstance(sub, list):  # a field that names something
                test = " and ".join(f"_x in known[{show(target)}]" for target in sub)
                lines.append(f"{pad}if type({value}) is tuple:")
                lines.append(f"{pad}    if not all({test} for _x in {value}): return False")
                lines.append(f"{pad}elif {value} is not None:")
                lines.append(f"{pad}    _x = {value}")
                lines.append(f"{pad}    if not ({test}): return False")
            else:  # a record or a list of records on the way
                item = f"i{next(counter)}"
                items = f"({value} if type({value}) is tuple else () if {value} is None else ({value},))"
                lines.append(f"{pad}for {item} in {items}:")
                emit(sub, item, depth + 1)
                lines.append(f"{pad}    pass")

    emit(tree, "r", 1)
    lines.append("    return True")
    namespace: dict[str, Any] = {}
    exec("\n".join(lines) + "\n", {}, namespace)  # noqa: S102 - built from the declared references
    resolve: Callable[[object, Mapping[str, AbstractSet[str]]], bool] = namespace["resolve"]
    return resolve


_NOT_NONE = functools.partial(operator.is_not, None)


@functools.cache
def _steps(collection: str, path: tuple[str, ...]) -> tuple[tuple[str, bool, bool], ...]:
    """Each step of a reference's path: (field, whether it holds a tuple, whether it may be null)."""
    found = []
    cls: Any = COLLECTIONS[collection]
    for step in path:
        shape = shape_of(type_hints(cls)[step])
        found.append((step, shape.many, shape.optional))
        cls = shape.kind
    return tuple(found)


def _every_value(records: Iterable[Any], collection: str, path: tuple[str, ...]) -> Iterable[Any]:
    """The values at the end of ``path`` in every record, tuples gone through item by item, nulls left out."""
    values: Iterable[Any] = records
    for step, many, optional in _steps(collection, path):
        values = map(operator.attrgetter(step), values)
        if many:
            values = itertools.chain.from_iterable(values)
        elif optional:
            values = filter(_NOT_NONE, values)
    return values


def _references_resolve(given: Given) -> bool:
    known = {target: _known(given, target) for target in {r.target for r in REFERENCES}}
    return all(
        known[r.target].issuperset(_every_value(given.get(r.collection, ()), r.collection, r.path))
        for r in REFERENCES
    )


def _unresolved_references(given: Given) -> Iterator[Problem]:
    targets = {reference.target for reference in REFERENCES}
    known = {target: _known(given, target) for target in targets}
    by_collection: dict[str, list[Reference]] = defaultdict(list)
    for reference in REFERENCES:
        by_collection[reference.collection].append(reference)
    for name in COLLECTIONS:
        resolves = _all_resolve(name)
        for where, record in _records(given, name):
            if resolves(record, known):
                continue
            # Something does not resolve: walk the record again to say where.
            for reference in by_collection[name]:
                for at, value in _values(record, reference.path, where):
                    if value not in known[reference.target]:
                        yield Problem(at, _unknown(reference.target, value))


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


_CYCLE_SHOWN = 10
"""How many ids of a cycle a message lists."""


def _no_cycles(name: str, field: str, given: Given) -> bool:
    successor = {r.id: getattr(r, field) for r in given.get(name, ()) if getattr(r, field) is not None}
    finished: set[str] = set()
    for start in successor:
        path: set[str] = set()
        node: str | None = start
        while node is not None and node not in finished:
            if node in path:
                return False
            path.add(node)
            node = successor.get(node)
        finished.update(path)
    return True


def _cycles(name: str, field: str, says: str, given: Given) -> Iterator[Problem]:
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
            if len(ordered) > _CYCLE_SHOWN:  # a message of one line, however long the cycle
                ordered = [*ordered[: _CYCLE_SHOWN - 1], f"... ({len(cycle) - _CYCLE_SHOWN + 1} more)", start]
            yield Problem(
                f"{records[index[start]][0]}.{field}",
                f"{kind} {show(start)} {says}: {' -> '.join(ordered)}",
            )
        finished.update(path)


def _commitments_within_meetings(given: Given) -> bool:
    by_id = {m.id: m for m in given.get("meetings", ())}
    for commitment in given.get("commitments", ()):
        if commitment.meeting is None or commitment.date is None:
            continue
        meeting = by_id[commitment.meeting]
        if meeting.date is None or meeting.date is commitment.date:
            continue  # a commitment on its meeting's own first day is within it
        begins, ends = meeting_span(meeting)
        if commitment.date.latest < begins or ends < commitment.date.earliest:
            return False
    return True


def _outside_their_meetings(
    collection: str, date_field: str, meeting_field: str, given: Given
) -> Iterator[Problem]:
    """Every record of ``collection`` dated (``date_field``) outside the meeting ``meeting_field`` names."""
    meetings: dict[str, Meeting] = {m.id: m for _, m in _records(given, "meetings")}
    for where, record in _records(given, collection):
        meeting = meetings.get(getattr(record, meeting_field) or "")
        yield from _outside(f"{where}.{date_field}", getattr(record, date_field), meeting)


def _outside(where: str, date: PartialDate | None, meeting: Meeting | None) -> Iterator[Problem]:
    if meeting is None or meeting.date is None or date is None:
        return
    begins, ends = meeting_span(meeting)
    if date.latest < begins or ends < date.earliest:
        until = f"/{meeting.end_date}" if meeting.end_date else ""
        yield Problem(
            where,
            f"{str(date)!r} does not fall within the dates of meeting"
            f" {show(meeting.id)} ({meeting.date}{until})",
        )


def _cycle_rule(name: str, field: str, says: str) -> Rule:
    return Rule(
        f"no {name[:-1]} {says}",
        functools.partial(_cycles, name, field, says),
        functools.partial(_no_cycles, name, field),
    )


RULES: tuple[Rule, ...] = (
    Rule("every record has its collection's type", _wrong_types, _types_right),
    Rule("ids are unique across collections", _duplicate_ids, _ids_unique),
    Rule("references resolve", _unresolved_references, _references_resolve),
    Rule("a state's standings in an organization do not overlap", _overlapping_memberships),
    _cycle_rule("organizations", "parent", "is its own ancestor"),
    _cycle_rule("meetings", "held_during", "is held during itself"),
    _cycle_rule("instruments", "amends", "amends itself"),
    _cycle_rule("instruments", "replaces", "replaces itself"),
    Rule(
        "a commitment falls within its meeting's dates",
        functools.partial(_outside_their_meetings, "commitments", "date", "meeting"),
        _commitments_within_meetings,
    ),
    Rule(
        "an instrument is signed within the meeting that adopted it",
        functools.partial(_outside_their_meetings, "instruments", "signed", "adopted_at"),
    ),
)
"""Every rule between records, in the order they are checked."""
