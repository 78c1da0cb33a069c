"""The rules that span records: located problems, in time linear in the input."""

from __future__ import annotations

import contextlib
import sys
import typing
from typing import Any

import attrs
import pytest

import scocoop
import scocoop._model.records
from scocoop import DataError, Dataset, Meeting, Organization, OrganizationKind
from scocoop._dataset import integrity as _integrity
from scocoop._model.records import COLLECTIONS, REFERENCES, Reference


def chain(n: int, *, cycle: bool) -> list[Organization]:
    orgs = [
        Organization(
            id=f"o{i}", name=f"O {i}", kind=OrganizationKind.BODY, parent=f"o{i + 1}" if i + 1 < n else None
        )
        for i in range(n)
    ]
    if cycle:
        orgs[-1] = Organization(id=f"o{n - 1}", name="last", kind=OrganizationKind.BODY, parent="o0")
    return orgs


def problems_of(**collections: object) -> list[str]:
    with pytest.raises(DataError) as caught:
        Dataset(**collections)  # type: ignore[arg-type]
    return [str(p) for p in caught.value.problems]


def test_a_cycle_is_reported_once_at_its_first_record() -> None:
    found = problems_of(organizations=chain(4, cycle=True))
    assert [
        "organizations[0].parent: organization 'o0' is its own ancestor: o0 -> o1 -> o2 -> o3 -> o0"
    ] == found


def test_a_meeting_held_during_itself_is_refused() -> None:
    meeting = Meeting(id="m", name="M", held_during="m")
    assert ["meetings[0].held_during: meeting 'm' is held during itself: m -> m"] == problems_of(
        meetings=[meeting]
    )


def test_meetings_held_during_each_other_are_refused() -> None:
    meetings = [Meeting(id="a", name="A", held_during="b"), Meeting(id="b", name="B", held_during="a")]
    assert ["meetings[0].held_during: meeting 'a' is held during itself: a -> b -> a"] == problems_of(
        meetings=meetings
    )


def meetings_chain(n: int, *, cycle: bool) -> list[Meeting]:
    found = [Meeting(id=f"m{i}", name="M", held_during=f"m{i + 1}" if i + 1 < n else None) for i in range(n)]
    if cycle:
        found[-1] = Meeting(id=f"m{n - 1}", name="M", held_during="m0")
    return found


def lines_run(n: int, *, cycle: bool, kind: str) -> int:
    """How many lines of the cycle rule run while a dataset of ``n`` chained records is checked.

    A count of the work, not a time: the same on a busy machine as on an idle one.
    """
    records: dict[str, list[Any]] = {"organizations": chain(n, cycle=cycle)}
    if kind == "meetings":
        records = {"meetings": meetings_chain(n, cycle=cycle)}
    count = 0

    def count_lines(frame: Any, event: str, arg: object) -> Any:
        nonlocal count
        if event == "line":
            count += 1
        return count_lines

    def calls(frame: Any, event: str, arg: object) -> Any:
        return count_lines if frame.f_code is _integrity._cycles.__code__ else None

    sys.settrace(calls)
    try:
        with contextlib.suppress(DataError):
            Dataset(**records)  # type: ignore[arg-type]
    finally:
        sys.settrace(None)
    return count


@pytest.mark.parametrize("kind", ["organizations", "meetings"])
@pytest.mark.parametrize("cycle", [False, True], ids=["chain", "cycle"])
def test_checking_a_long_chain_grows_linearly(cycle: bool, kind: str) -> None:
    # The rule's work at 4n over its work at n: 4 when linear, 16 when quadratic.
    small = lines_run(1_000, cycle=cycle, kind=kind)
    large = lines_run(4_000, cycle=cycle, kind=kind)
    assert small > 1_000
    assert 3.9 < large / small < 4.1


def field_type(cls: type, name: str) -> object:
    hint = typing.get_type_hints(cls, vars(scocoop._model.records))[attrs.fields_dict(cls)[name].name]
    # Optional[X] -> X, tuple[X, ...] -> X
    for arg in (*typing.get_args(hint), hint):
        if attrs.has(arg) or arg is str:
            return arg
        inner = typing.get_args(arg)
        if inner and (attrs.has(inner[0]) or inner[0] is str):
            return inner[0]
    return hint


@pytest.mark.parametrize("reference", REFERENCES, ids=lambda r: f"{r.collection}.{'.'.join(r.path)}")
def test_every_reference_is_a_text_field_of_its_collection(reference: Reference) -> None:
    assert reference.target in (*COLLECTIONS, "countries", "topics")
    kind: object = COLLECTIONS[reference.collection]
    for name in reference.path:
        assert isinstance(kind, type)
        assert attrs.has(kind)
        kind = field_type(kind, name)
    assert str is kind


# Each rule's fast predicate agrees with its reporter.


def _bundled() -> dict[str, tuple[Any, ...]]:
    dataset = scocoop.load()
    return {name: getattr(dataset, name) for name in COLLECTIONS}


def _replace(given: dict[str, tuple[Any, ...]], name: str, index: int, **changes: Any) -> None:
    records = list(given[name])
    records[index] = attrs.evolve(records[index], **changes)
    given[name] = tuple(records)


def _break(rule: str, given: dict[str, tuple[Any, ...]]) -> None:
    """Break exactly the named rule in ``given``, leaving the rules before it whole."""
    meetings, commitments = given["meetings"], given["commitments"]
    if rule == "every record has its collection's type":
        given["meetings"] = (*meetings, given["sources"][0])
    elif rule == "ids are unique across collections":
        given["commitments"] = (*commitments, attrs.evolve(commitments[0], id=meetings[0].id))
    elif rule == "references resolve":
        _replace(given, "meetings", 0, topics=("no-such-topic",))
    elif rule == "a state's standings in an organization do not overlap":
        index, org = next((i, o) for i, o in enumerate(given["organizations"]) if o.memberships)
        _replace(given, "organizations", index, memberships=(*org.memberships, org.memberships[0]))
    elif rule == "no organization is its own ancestor":
        first, second = [i for i, o in enumerate(given["organizations"]) if o.parent is None][:2]
        orgs = given["organizations"]
        _replace(given, "organizations", first, parent=orgs[second].id)
        _replace(given, "organizations", second, parent=orgs[first].id)
    elif rule == "no meeting is held during itself":
        _replace(given, "meetings", 0, held_during=meetings[0].id)
    elif rule in ("no instrument amends itself", "no instrument replaces itself"):
        field = rule.split()[2]  # "amends" or "replaces"
        first, second = given["instruments"][:2]
        _replace(given, "instruments", 0, **{field: second.id})
        _replace(given, "instruments", 1, **{field: first.id})
    elif rule == "a commitment falls within its meeting's dates":
        index = next(
            i for i, c in enumerate(commitments) if c.meeting and c.date and c.date.precision.value == "day"
        )
        _replace(given, "commitments", index, date="1900-01-01")
    elif rule == "an instrument is signed within the meeting that adopted it":
        index = next(i for i, x in enumerate(given["instruments"]) if x.adopted_at and x.signed)
        _replace(given, "instruments", index, signed="1900-01-01")
    else:
        raise AssertionError(f"no fault for the rule {rule!r}")


@pytest.mark.parametrize("rule", _integrity.RULES, ids=lambda r: r.name)
def test_each_rules_predicate_agrees_with_its_reporter(rule: _integrity.Rule) -> None:
    given = _bundled()
    assert rule.check(given)
    assert [] == list(rule.report(given))
    _break(rule.name, given)
    earlier = _integrity.RULES[: _integrity.RULES.index(rule)]
    assert all(r.check(given) for r in earlier)  # the fault is this rule's alone
    assert not rule.check(given)
    assert list(rule.report(given))
    assert not _integrity.all_hold(given)
