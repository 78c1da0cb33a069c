"""Hostile input: any corruption of a valid dataset raises DataError, located.

Each case starts from a valid document (the bundled data, or a generated
dataset), applies one fault at one place, and checks that loading raises
:class:`DataError` and nothing else, with a problem located at that place.
"""

from __future__ import annotations

import contextlib
import copy
import functools
import json
import typing
from collections.abc import Callable, Iterator
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import scocoop
from scocoop import DataError, Dataset, PartialDate, dumps, loads
from scocoop._io.jsonfile import _TYPES
from strategies import datasets

BUNDLED = json.loads(dumps(scocoop.load()))
REFERENCES = {"organization", "parent", "official", "meeting", "proposed_by", "source", "held_during"}


def _record_class(collection: str) -> type:
    return typing.get_args(_TYPES[collection])[0]  # type: ignore[no-any-return]


@functools.cache
def _field_types(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _walk(value: Any, cls: type, path: str) -> Iterator[tuple[str, Any, type, str]]:
    """(path of the record, record dict, its class, field) for every field present."""
    hints = _field_types(cls)
    for name, field_value in value.items():
        yield path, value, cls, name
        inner = _inner_class(hints[name])
        if inner is None:
            continue
        if isinstance(field_value, list):
            for i, item in enumerate(field_value):
                if isinstance(item, dict):
                    yield from _walk(item, inner, f"{path}.{name}[{i}]")
        elif isinstance(field_value, dict):
            yield from _walk(field_value, inner, f"{path}.{name}")


def _inner_class(hint: Any) -> type | None:
    for arg in (hint, *typing.get_args(hint)):
        if attrs.has(arg) and arg is not PartialDate:
            return arg
        for sub in typing.get_args(arg):
            if attrs.has(sub) and sub is not PartialDate:
                return sub
    return None


def _places(document: dict[str, Any]) -> list[tuple[str, Any, type, str]]:
    found: list[tuple[str, Any, type, str]] = []
    for collection in ("sources", "organizations", "officials", "meetings", "commitments"):
        for i, record in enumerate(document.get(collection, [])):
            found.extend(_walk(record, _record_class(collection), f"{collection}[{i}]"))
    return found


def _wrong_values(value: Any) -> list[Any]:
    """JSON values that can never be valid where ``value`` is."""
    if isinstance(value, bool):
        return [1, "true", None, []]
    if isinstance(value, int):
        return ["5", 5.5, True, {}, float("nan"), float("inf")]
    if isinstance(value, str):
        return [5, True, [], {}, 1.5]
    if isinstance(value, list):
        return ["text", {}, 3]
    return [[], "text", 3]


def _faults(field: str, value: Any, cls: type) -> list[tuple[str, Any]]:
    # The faults depend on the value only through its type: one list per (field, type, class).
    return _faults_of(field, type(value).__name__, cls)


@functools.cache
def _faults_of(field: str, kind: str, cls: type) -> list[tuple[str, Any]]:
    value = {"bool": True, "int": 1, "str": "x", "list": [], "dict": {}}.get(kind)
    faults: list[tuple[str, Any]] = [("wrong type", v) for v in _wrong_values(value)]
    if field == "id" or field in REFERENCES:
        faults += [("bad id", v) for v in ("", " padded", "Upper Case", "tab\tid", "nul\x00")]
    if field in REFERENCES:
        faults.append(("dangling reference", "no-such-record"))
    if field in ("date", "end_date", "start", "end", "published", "founded"):
        faults += [("bad date", v) for v in ("2023-02-30", "2016-13", "soon", "2016-11-30??", "16")]
    if field in {"country", "parties"}:
        faults += [("bad country", v) for v in (["XX"] if field == "parties" else ["XX", "kz", "Kazakhstan"])]
    if field == "topics":
        faults.append(("unknown topic", ["knitting"]))
    if field in ("kind", "status"):
        faults += [("bad enum", v) for v in ("memb", "MEMBER", "")]
    return faults + _unwritable(field, value)


def _unwritable(field: str, value: Any) -> list[tuple[str, Any]]:
    """Values that no encoder could write back, or that forge what a table shows."""
    faults: list[tuple[str, Any]] = []
    if field == "edition":
        faults += [("huge integer", v) for v in (2**64, 10**30)]
    if field in DATES:
        faults.append(("non-ASCII digits", "\uff12\uff10\uff11\uff16"))
    if isinstance(value, str) and field not in (*DATES, *CODES):
        faults += [("forging character", f"a{c}b") for c in ("\u202e", "\u2028", "\x85", "\x1b")]
        faults.append(("lone surrogate", "a\ud800b"))
        if field not in ("note", "summary", "quote"):
            faults.append(("line break in one-line text", "a\nb"))
    return faults


DATES = ("date", "end_date", "start", "end", "published", "founded")
CODES = ("id", "kind", "status", "mode", "country", "language")


class Case:
    """A document with one fault, the fault's kind, and where it is."""

    __slots__ = ("document", "kind", "location")

    def __init__(self, document: Any, kind: str, location: str) -> None:
        self.document = document
        self.kind = kind
        self.location = location

    def __repr__(self) -> str:
        # The document can be large; the fault and its place say what failed.
        return f"Case(kind={self.kind!r}, location={self.location!r})"


@st.composite
def corrupted(draw: st.DrawFn) -> Case:
    """A valid document with one fault put in it."""
    base = BUNDLED if draw(st.booleans()) else json.loads(dumps(draw(datasets(max_size=3))))
    document = copy.deepcopy(base)
    places = _places(document)
    action = draw(st.sampled_from(["field", "drop", "unknown field", "duplicate"])) if places else "top"
    if action == "top":
        document["schema_version"] = draw(st.sampled_from([None, "1", 2, 1.0]))
        return Case(document, "bad schema version", "schema_version")
    path, record, cls, field = draw(st.sampled_from(places))
    if action == "drop":
        required = [a.name for a in attrs.fields(cls) if a.default is attrs.NOTHING and a.name in record]
        if required:
            name = draw(st.sampled_from(required))
            del record[name]
            return Case(document, "missing field", f"{path}.{name}")
        action = "unknown field"
    if action == "unknown field":
        record[draw(st.sampled_from(["nmae", "Id", "extra", "dates"]))] = "x"
        return Case(document, "unknown field", path)
    if action == "duplicate":
        collection = path.split("[", 1)[0]
        records = document[collection]
        index = int(path.split("[", 1)[1].split("]", 1)[0])
        records.append(copy.deepcopy(records[index]))
        return Case(document, "duplicate id", f"{collection}[{len(records) - 1}].id")
    # Draw the kind of fault first, then a place that can take it, so that
    # rare kinds (a bad date, a dangling reference) are tried as often as common ones.
    by_kind: dict[str, list[tuple[int, Any]]] = {}
    for index, (_, rec, rec_cls, name) in enumerate(places):
        for fault_kind, fault_value in _faults(name, rec[name], rec_cls):
            by_kind.setdefault(fault_kind, []).append((index, fault_value))
    kind = draw(st.sampled_from(sorted(by_kind)))
    index, value = draw(st.sampled_from(by_kind[kind]))
    path, record, cls, field = places[index]
    record[field] = value
    return Case(document, kind, f"{path}.{field}")


KINDS_SEEN: dict[str, int] = {}


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(corrupted())
def test_one_fault_anywhere_gives_a_data_error_located_at_it(case: Case) -> None:
    document, kind, location = case.document, case.kind, case.location
    KINDS_SEEN[kind] = KINDS_SEEN.get(kind, 0) + 1
    text = json.dumps(document, ensure_ascii=False)
    with pytest.raises(DataError) as info:
        loads(text)
    locations = [p.location for p in info.value.problems]
    assert any(loc == location or loc.startswith((location + ".", location + "[")) for loc in locations), (
        kind,
        location,
        [str(p) for p in info.value.problems],
    )
    for problem in info.value.problems:
        assert problem.message


def test_an_unmodified_document_loads() -> None:
    assert isinstance(loads(json.dumps(BUNDLED)), Dataset)


@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
        lambda c: st.lists(c) | st.dictionaries(st.text(), c),
    )
)
def test_arbitrary_json_gives_only_data_errors(value: Any) -> None:
    for document in (
        value,
        {"schema_version": 1, "meetings": value},
        {"schema_version": 1, "organizations": [value]},
    ):
        # Valid or not, nothing but DataError may come out.
        with contextlib.suppress(DataError):
            loads(json.dumps(document))


@given(st.binary(max_size=200))
def test_arbitrary_bytes_give_only_data_errors(data: bytes) -> None:
    with pytest.raises(DataError):
        loads(data)


QUERY_INPUT = (
    st.none()
    | st.text(max_size=30)
    | st.integers()
    | st.dates().map(str)
    | st.sampled_from(
        ["", " ", "0001", "9999-12-31", "-5", "KZ", "cyber terrorism", "SCO", "2016-11-30?", "\x00"]
    )
)
DOCUMENTED = (scocoop.ScocoopError, ValueError, LookupError)


@given(a=QUERY_INPUT, b=QUERY_INPUT, c=QUERY_INPUT)
def test_queries_raise_only_documented_errors(a: Any, b: Any, c: Any) -> None:
    ds = scocoop.load()
    calls: list[Callable[[], object]] = [
        lambda: ds.meetings_by_country(a, status=b),
        lambda: ds.meetings_between(a, b),
        lambda: ds.meetings_of(a),
        lambda: ds.initiatives_on(a),
        lambda: ds.officials_of(a, on=b),
        lambda: ds.members_of(a, on=b, status=c),
        lambda: ds.meeting(a),
        lambda: ds.get(a),
    ]
    for call in calls:
        try:
            result = call()
        except DOCUMENTED:
            continue
        assert result is None or isinstance(result, tuple | scocoop.Meeting)
