"""The fast paths (msgspec) against the precise ones: same datasets, same bytes, same refusals."""

from __future__ import annotations

import json
import typing
from importlib import resources
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

import scocoop
from scocoop import DataError, Dataset, Meeting, dumps, loads
from scocoop._io import jsonfile as io_module
from scocoop._model import records as records_module
from scocoop._model.records import COLLECTIONS
from strategies import datasets
from test_hostile_input import Case, corrupted

msgspec = pytest.importorskip("msgspec")

from scocoop._io import fast as _fast  # noqa: E402 - only where msgspec is installed
from scocoop._io import wire as _wire  # noqa: E402 - only where msgspec is installed
from scocoop._model.fields import UnsupportedError  # noqa: E402 - beside the wire types it stops

BUNDLED = (resources.files("scocoop") / "data" / "scocoop.json").read_bytes()


def precise(data: bytes | str) -> Dataset:
    return io_module._build(io_module._parse(data))


def precise_problems(data: bytes | str) -> list[str]:
    with pytest.raises(DataError) as info:
        precise(data)
    return [str(p) for p in info.value.problems]


def test_the_fast_path_reads_the_bundled_file_as_the_precise_one_does() -> None:
    fast = _fast.read(BUNDLED)
    assert fast is not None
    assert precise(BUNDLED) == fast


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(datasets())
def test_the_fast_path_reads_generated_datasets_as_the_precise_one_does(dataset: Dataset) -> None:
    canonical = dumps(dataset)
    compact = json.dumps(json.loads(canonical), ensure_ascii=False)
    for text in (canonical, compact, canonical.encode()):
        fast = _fast.read(text)
        assert fast is not None
        assert precise(text) == fast == dataset


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(corrupted())
def test_the_fast_path_refuses_every_single_fault_and_the_error_is_the_precise_one(case: Case) -> None:
    text = json.dumps(case.document, ensure_ascii=False)
    assert _fast.read(text) is None
    with pytest.raises(DataError) as info:
        loads(text)
    assert precise_problems(text) == [str(p) for p in info.value.problems]


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda t: t.replace('"id": "', '"id": "x", "id": "', 1), "a key repeated"),
        (lambda t: t.replace('"title": "', '"title": "x", "title": "', 1), "a key repeated in a record"),
        (
            lambda t: t.replace('"schema_version": 1', '"schema_version": 1, "schema_version": 1'),
            "at the top",
        ),
        (lambda t: t.replace('"name": "', '"name": "x\\u003a y", "name": "', 1), "a colon written escaped"),
        (lambda t: t.replace('"id": "', '"id" : "x", "id": "', 1), "a blank before a colon"),
        (lambda t: t.replace('"title": "', '"note": null, "title": "', 1), "a field at its default"),
        (
            lambda t: t.replace('"title": "', '"note": "x", "note": "y", "title": "', 1),
            "a repeat kept by count",
        ),
    ],
)
def test_repeated_keys_are_left_to_the_precise_loader(change: Any, reason: str) -> None:
    text = change(BUNDLED.decode())
    assert text != BUNDLED.decode()
    assert _fast.read(text) is None, reason


def test_a_field_at_its_default_is_read_by_the_precise_loader() -> None:
    text = BUNDLED.decode().replace('"title": "', '"note": null, "title": "', 1)
    assert scocoop.load() == loads(text)


@pytest.mark.parametrize(
    "bad",
    [
        '"id": "m\\n"',  # "$" would accept a trailing line break
        '"id": ""',
        '"id": "M"',
        '"name": "M\\n"',
        '"name": " M"',
        '"name": "M\\u202eX"',
        '"name": "M\\ud800"',
        '"date": "2023-02-30"',
        '"date": "0000"',
        '"date": "2016\\n"',
        '"edition": 0',
        '"edition": 9007199254740992',
        '"edition": 1.0',
        '"edition": true',
        '"host": "XX"',
        '"mode": "MEETING"',
        '"topics": ["knitting"]',
        '"topics": ["terrorism", "terrorism"]',
        '"held_during": "m"',
    ],
)
def test_what_the_precise_loader_refuses_the_fast_path_does(bad: str) -> None:
    record = {"id": "m", "name": "M", **json.loads("{" + bad + "}")}
    text = json.dumps({"schema_version": 1, "meetings": [record]}, ensure_ascii=False)
    assert precise_problems(text)
    assert _fast.read(text) is None


@pytest.mark.parametrize(
    "text",
    [
        b"\xef\xbb\xbf" + BUNDLED,
        BUNDLED.replace(b'"schema_version": 1', b'"schema_version": 1.0'),
        BUNDLED.replace(b'"schema_version": 1', b'"schema_version": true'),
        BUNDLED.replace(b"\n}\n", b"\n} x\n"),
        BUNDLED.replace(b'"meetings": [', b'"meetings": [NaN, ', 1),
        BUNDLED[:-100],
    ],
)
def test_malformed_files_are_left_to_the_precise_loader(text: bytes) -> None:
    assert _fast.read(text) is None
    with pytest.raises(DataError):
        loads(text)


def test_cycles_and_commitments_outside_their_meetings_are_refused() -> None:
    document = json.loads(BUNDLED)
    meetings = document["meetings"]
    meetings[0]["held_during"] = meetings[1]["id"]
    meetings[1]["held_during"] = meetings[0]["id"]
    assert _fast.read(json.dumps(document, ensure_ascii=False)) is None
    document = json.loads(BUNDLED)
    commitment = next(c for c in document["commitments"] if c.get("meeting") and c.get("date"))
    commitment["date"] = "1901"
    text = json.dumps(document, ensure_ascii=False)
    assert precise_problems(text)
    assert _fast.read(text) is None


def test_loading_leaves_the_indexes_to_the_first_query() -> None:
    assert loads(BUNDLED)._built is None


def test_records_are_the_public_classes() -> None:
    dataset = _fast.read(BUNDLED)
    assert dataset is not None
    classes = {type(r) for r in dataset} | {type(p) for m in dataset.meetings for p in m.participants}
    assert classes <= set(COLLECTIONS.values()) | {scocoop.Participant}
    meeting = dataset.meetings[0]
    assert type(meeting) is Meeting
    assert hash(meeting) == hash(attrs.evolve(meeting))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        meeting.name = "x"  # type: ignore[misc]


def test_where_a_class_cannot_be_switched_the_precise_loader_reads_every_file(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def refuse(*_: object) -> None:
        raise UnsupportedError("no class switch on this Python")

    monkeypatch.setattr(_fast, "types_of_the_model", _wire.types_of_the_model.fresh())
    monkeypatch.setattr(_wire, "_built_class", refuse)
    assert _fast.read(BUNDLED) is None
    assert _fast.write(scocoop.load()) is None
    assert scocoop.load() == loads(BUNDLED)
    assert BUNDLED.decode() == dumps(loads(BUNDLED))


def test_the_class_switch_holds_on_this_python() -> None:
    types = _wire.types_of_the_model()
    for built, public in types.classes.items():
        assert public in built.__mro__
        assert built.__basicsize__ == public.__basicsize__


def test_an_unknown_validator_stops_generation() -> None:
    @attrs.frozen
    class Odd:
        def __call__(self, instance: object, attribute: object, value: object) -> None: ...

    field = attrs.fields(scocoop.Source).title
    strange = attrs.make_class(
        "Strange",
        {"title": attrs.field(type=str, metadata={"scocoop_validators": (Odd(),)})},
        frozen=True,
    )
    assert field.metadata
    with pytest.raises(UnsupportedError, match="Odd"):
        _wire._derive(strange, {})


def test_a_converter_that_does_not_sort_or_pass_through_stops_generation() -> None:
    strange = attrs.make_class(
        "Strange", {"aliases": attrs.field(type=tuple[str, ...], converter=lambda v: tuple(reversed(v)))}
    )
    with pytest.raises(UnsupportedError, match="converter"):
        _wire._derive(strange, {})


@pytest.mark.parametrize("cls", list(_wire.types_of_the_model().fields))
def test_the_fast_path_runs_the_whole_record_checks_the_post_init_runs(
    cls: type, monkeypatch: pytest.MonkeyPatch
) -> None:
    passed: list[str] = []

    def spy(record: object, *record_checks: Any) -> None:
        passed.extend(c.__name__ for c in record_checks)

    record = next((r for r in _every_record(scocoop.load()) if type(r) is cls), None)
    assert record is not None
    monkeypatch.setattr(records_module, "check", spy)
    record.__attrs_post_init__()  # type: ignore[attr-defined]
    assert sorted(passed) == sorted(c.__name__ for c in _fast.record_checks(cls))


def _every_record(value: Any) -> Any:
    for record in value if isinstance(value, Dataset | tuple) else ():
        yield record
        if attrs.has(type(record)):
            for field in attrs.fields(type(record)):
                inner = getattr(record, field.name)
                if isinstance(inner, tuple):
                    yield from _every_record(inner)
                elif attrs.has(type(inner)) and not isinstance(inner, scocoop.PartialDate):
                    yield from _every_record((inner,))


def test_every_field_has_a_wire_type() -> None:
    types = _wire.types_of_the_model()
    for cls, fields in types.fields.items():
        assert [f.name for f in fields] == [a.name for a in attrs.fields(cls)]
    hints = typing.get_type_hints(types.wire)
    assert set(COLLECTIONS) < set(hints)


# Writing.


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(datasets())
def test_msgspec_writes_the_bytes_the_standard_library_writes(dataset: Dataset) -> None:
    expected = io_module._encode_json(io_module._document(dataset)).encode("utf-8")
    assert expected == _fast.write(dataset)


def test_msgspec_writes_the_bundled_file_byte_for_byte() -> None:
    assert BUNDLED == _fast.write(loads(BUNDLED))


def test_a_language_equal_to_the_default_is_omitted_whatever_the_object() -> None:
    source = scocoop.Source(id="s", title="T", language="EN".lower())
    dataset = Dataset(sources=[source])
    assert b"language" not in (_fast.write(dataset) or b"language")
    assert io_module._encode_json(io_module._document(dataset)).encode() == _fast.write(dataset)


# The repeated-key check, on its own.


def _compact(text: str) -> bytes:
    written: bytes = msgspec.json.encode(msgspec.json.decode(text))
    return written


@pytest.mark.parametrize(
    ("text", "once"),
    [
        ('{"a": 1, "b": "x:y"}', True),
        ('{"a": {"b": [1, {"c": ":"}]}}', True),
        ('{"a" : 1,\n  "b":2}', True),
        ('{"a": 1, "a": 2}', False),
        ('{"a": {"b": 1, "b": 1}}', False),
        ('{"a": "x\\u003ay"}', False),
    ],
)
def test_keys_written_once_sees_every_repeated_key(text: str, once: bool) -> None:
    assert once is _fast.keys_written_once(text.encode(), _compact(text))


def test_keys_written_once_sees_a_field_left_at_its_default() -> None:
    record = msgspec.defstruct("Record", [("a", int), ("note", str | None, None)], omit_defaults=True)
    text = b'{"a": 1, "note": null}'
    written = msgspec.json.encode(msgspec.json.decode(text, type=record))
    assert not _fast.keys_written_once(text, written)


def test_an_error_of_the_fast_path_itself_is_not_taken_for_a_refusal(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(given: object) -> bool:
        raise KeyError("a bug")

    monkeypatch.setattr(_fast, "all_hold", broken)
    with pytest.raises(KeyError, match="a bug"):
        _fast.read(BUNDLED)


def test_records_that_give_the_same_date_share_one_date() -> None:
    fast = _fast.read(BUNDLED)
    assert fast is not None
    by_text: dict[str, set[int]] = {}
    for meeting in fast.meetings:
        if meeting.date is not None:
            by_text.setdefault(str(meeting.date), set()).add(id(meeting.date))
    assert all(len(ids) == 1 for ids in by_text.values())
