from __future__ import annotations

from typing import Any

import cattrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from scocoop import Meeting, Official, PartialDate, make_converter
from scocoop._core.converter import problems_of
from strategies import RECORD_STRATEGIES

converter = make_converter()


@pytest.mark.parametrize("cls", list(RECORD_STRATEGIES), ids=lambda c: c.__name__)
@given(data=st.data())
def test_structure_of_unstructure_is_identity_for_every_record(cls: type, data: st.DataObject) -> None:
    record = data.draw(RECORD_STRATEGIES[cls])
    assert record == converter.structure(converter.unstructure(record), cls)


def test_the_global_cattrs_converter_is_untouched() -> None:
    make_converter()
    assert "2016" != cattrs.unstructure(PartialDate(year=2016))


def test_defaults_are_omitted_and_dates_are_edtf_strings() -> None:
    meeting = Meeting(id="m-1", name="M", date=PartialDate.parse("2013-09-10?"))
    assert {"id": "m-1", "name": "M", "date": "2013-09-10?"} == converter.unstructure(meeting)


def _problems(value: Any, cls: type) -> list[str]:
    with pytest.raises(Exception) as info:  # noqa: PT011 - the test inspects whatever comes out
        converter.structure(value, cls)
    return [str(p) for p in problems_of(info.value, "x")]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ({"id": "o", "name": 5, "country": "KZ"}, "x.name: expected a string, got a whole number (5)"),
        ({"id": "o", "name": "N", "country": "KZ", "aliases": "abc"}, "x.aliases: expected an array"),
        ({"id": "o", "name": "N", "country": "KZ", "nmae": "x"}, "x: unknown field 'nmae'"),
        ({"id": "o", "country": "KZ"}, "x.name: required field is missing"),
        ({"id": "o", "name": "N", "country": "kz"}, "x.country: expected an ISO 3166-1 alpha-2 code"),
        ({"id": "o o", "name": "N", "country": "KZ"}, "x.id: expected an id"),
        ([], "x: expected an object, got an array"),
        (
            {"id": "o", "name": "N", "country": "KZ", "positions": [{"title": "T", "start": "2023-02-30"}]},
            "x.positions[0].start: day must be between 1 and 28",
        ),
        (
            {"id": "o", "name": "N", "country": "KZ", "positions": [{"title": "T", "start": 2016}]},
            "x.positions[0].start: expected an EDTF date string",
        ),
    ],
)
def test_each_problem_is_located_and_explained(value: Any, expected: str) -> None:
    found = _problems(value, Official)
    assert any(p.startswith(expected) for p in found), found


def test_every_type_problem_of_a_record_is_reported_at_once() -> None:
    found = _problems(
        {
            "id": "m",
            "name": 1,
            "edition": True,
            "topics": "t",
            "participants": [{"country": "KZ", "status": "boss"}],
        },
        Meeting,
    )
    assert 4 == len(found), found
    assert any("x.participants[0].status: expected one of 'member'" in p for p in found)


def test_every_broken_invariant_of_a_record_is_reported_at_once() -> None:
    found = _problems({"id": "Bad Id", "name": " padded", "country": "kz"}, Official)
    assert ["x.id", "x.name", "x.country"] == [p.split(":")[0] for p in found]


@pytest.mark.parametrize("value", [1.0, float("nan"), True, "3"])
def test_numbers_are_not_converted_between_types(value: object) -> None:
    found = _problems({"id": "m", "name": "M", "edition": value}, Meeting)
    assert found[0].startswith("x.edition: expected a whole number")
