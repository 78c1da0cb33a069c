"""The error hierarchy: one base, each error also the builtin a caller would catch."""

from __future__ import annotations

from collections.abc import Callable

import pytest

import scocoop
from scocoop import (
    DataError,
    InvalidDateError,
    MissingExtraError,
    Problem,
    RecordError,
    ScocoopError,
    UnknownCountryError,
    UnknownIdError,
    UnknownTopicError,
)


@pytest.mark.parametrize(
    ("error", "builtin"),
    [
        (DataError, ValueError),
        (RecordError, DataError),
        (InvalidDateError, ValueError),
        (UnknownCountryError, LookupError),
        (UnknownCountryError, ValueError),
        (UnknownTopicError, LookupError),
        (UnknownTopicError, ValueError),
        (UnknownIdError, KeyError),
        (MissingExtraError, ImportError),
    ],
)
def test_every_error_is_a_scocoop_error_and_its_builtin(
    error: type[Exception], builtin: type[Exception]
) -> None:
    assert issubclass(error, ScocoopError)
    assert issubclass(error, builtin)


def test_a_data_error_lists_every_problem_with_its_location() -> None:
    error = DataError([Problem("meetings[0].id", "bad"), Problem("", "whole")], origin="x.json")
    assert "2 problems found in x.json:\n  meetings[0].id: bad\n  whole" == str(error)


@pytest.mark.parametrize(
    ("error", "kind"),
    [(UnknownCountryError, "country"), (UnknownTopicError, "topic")],
)
def test_unknown_names_share_their_form(
    error: type[UnknownCountryError | UnknownTopicError], kind: str
) -> None:
    assert f"unknown {kind} 'x'" == str(error("x"))
    assert f"unknown {kind} 'x'; did you mean 'a' or 'b'?" == str(error("x", ["a", "b"]))
    assert ("a", "b") == error("x", ["a", "b"]).suggestions


def test_unknown_id_shows_its_message_unquoted() -> None:
    assert "no meeting 'm'" == str(UnknownIdError("meeting", "m"))
    assert "'SCO' names several organizations: a, b; give the id of one" == str(
        UnknownIdError("organization", "SCO", candidates=["a", "b"])
    )


def test_lookups_raise_the_documented_errors() -> None:
    with pytest.raises(UnknownCountryError, match="did you mean"):
        scocoop.to_country_code("Kazakhztan")
    with pytest.raises(UnknownTopicError):
        scocoop.topics().resolve("knitting")
    with pytest.raises(InvalidDateError):
        scocoop.to_partial_date("2023-02-30")


HUGE = "x" * 1_000_000


@pytest.mark.parametrize(
    "call",
    [
        lambda: scocoop.to_country_code(HUGE),
        lambda: scocoop.to_country_code("7" * 5000),
        lambda: scocoop.meetings_between(HUGE, "2020"),
        lambda: scocoop.load().meeting(HUGE),
        lambda: scocoop.load().resolve_organization(HUGE),
        lambda: scocoop.load().resolve_instrument(HUGE),
        lambda: scocoop.initiatives_on(HUGE),
        lambda: scocoop.members_of("SCO", status=HUGE),
        lambda: scocoop.PartialDate.parse(HUGE),
        lambda: scocoop.loads('{"schema_version": 1, "meetings": [{"id": "' + HUGE + '", "name": "x"}]}'),
        lambda: scocoop.loads('{"schema_version": 1, "' + HUGE + '": []}'),
        lambda: scocoop.Dataset(
            instruments=[
                scocoop.Instrument(id=f"i{n}", title="T", kind="agreement", replaces=f"i{(n + 1) % 500}")
                for n in range(500)
            ]
        ),
    ],
)
def test_a_message_shows_a_huge_value_or_a_long_cycle_in_a_bounded_line(call: Callable[[], object]) -> None:
    with pytest.raises((scocoop.ScocoopError, ValueError, LookupError)) as info:
        call()
    assert len(str(info.value)) < 1_000


def test_country_columns_with_a_huge_or_overlong_cell_coerce_that_cell_only() -> None:
    with pytest.warns(scocoop.CountryResolutionWarning):
        codes = scocoop.to_country_codes(["KZ", "7" * 5000, HUGE, "Kyrgyz"], errors="coerce")
    assert ["KZ", None, None, "KG"] == list(codes)


def test_an_integer_too_long_for_python_is_reported_at_its_field() -> None:
    document = '{"schema_version": 1, "meetings": [{"id": "m", "name": "x", "edition": ' + "9" * 5000 + "}]}"
    with pytest.raises(DataError) as info:
        scocoop.loads(document)
    assert [
        (
            "meetings[0].edition",
            "expected a whole number, got an integer too long for any field (5000 digits)",
        )
    ] == [(p.location, p.message) for p in info.value.problems]
