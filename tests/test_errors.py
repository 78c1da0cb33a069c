"""The error hierarchy: one base, each error also the builtin a caller would catch."""

from __future__ import annotations

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
