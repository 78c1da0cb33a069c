"""Single-record checks: which characters each text field holds, and types given in Python."""

from __future__ import annotations

import datetime
import itertools
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from scocoop import (
    Citation,
    Commitment,
    Instrument,
    InstrumentEvent,
    Meeting,
    MeetingMode,
    Membership,
    MembershipStatus,
    Official,
    Organization,
    PartialDate,
    Participant,
    ParticipantStatus,
    Place,
    Position,
    RecordError,
    Source,
)
from scocoop._core.validators import (
    _NAMES,
    _TEXT,
    MAX_EDITION,
    FieldError,
    _one_test,
    _Text,
    check_text,
    validators_of,
)

RECORDS: dict[type, dict[str, Any]] = {
    Citation: {"source": "s"},
    Source: {"id": "s", "title": "T"},
    Membership: {"country": "KZ"},
    Organization: {"id": "o", "name": "O", "kind": "body"},
    Position: {"title": "T"},
    Official: {"id": "o", "name": "O", "country": "KZ"},
    Place: {"city": "C", "country": "KZ"},
    Participant: {"country": "KZ"},
    Meeting: {"id": "m", "name": "M"},
    Commitment: {"id": "c", "kind": "protocol", "status": "signed", "title": "T"},
}


def text_fields(*, lines: bool) -> list[tuple[type, str, bool]]:
    return [
        (cls, field.name, validator.many)
        for cls in RECORDS
        for field in attrs.fields(cls)
        for validator in validators_of(field)
        if isinstance(validator, _Text) and validator.lines == lines
    ]


FORGERS = ["\u202e", "\u2066", "\u2028", "\u2029", "\x85", "\x9b", "\x1b", "\x00", "\ud800"]


@pytest.mark.parametrize(
    ("cls", "name", "many"), text_fields(lines=False), ids=lambda x: getattr(x, "__name__", x)
)
@pytest.mark.parametrize("bad", ["\n", "\t", "\r", *FORGERS])
def test_one_line_fields_refuse_line_breaks_controls_and_reordering(
    cls: type, name: str, many: bool, bad: str
) -> None:
    value = f"a{bad}b"
    with pytest.raises(RecordError) as info:
        cls(**{**RECORDS[cls], name: (value,) if many else value})
    assert [name] == [p.location for p in info.value.problems]
    assert "U+" in str(info.value)


@pytest.mark.parametrize(
    ("cls", "name", "many"), text_fields(lines=True), ids=lambda x: getattr(x, "__name__", x)
)
def test_notes_hold_line_breaks_but_not_controls_or_reordering(cls: type, name: str, many: bool) -> None:
    cls(**{**RECORDS[cls], name: "first line\nsecond\tline"})
    for bad in FORGERS:
        with pytest.raises(RecordError):
            cls(**{**RECORDS[cls], name: f"a{bad}b"})


@given(st.text(max_size=20))
def test_the_fast_check_of_text_agrees_with_the_detailed_one(text: str) -> None:
    for lines in (False, True):
        try:
            check_text("x", text, lines=lines)
        except FieldError:
            passes = False
        else:
            passes = True
        assert passes is _one_test(_TEXT[lines])(text), (text, lines)


@pytest.mark.parametrize("edition", [0, -1, MAX_EDITION + 1, 2**64, 1.0, "3", True])
def test_an_edition_is_a_whole_number_any_json_reader_reads(edition: object) -> None:
    with pytest.raises(RecordError, match="edition"):
        Meeting(id="m", name="M", edition=edition)  # type: ignore[arg-type]
    assert MAX_EDITION == Meeting(id="m", name="M", edition=MAX_EDITION).edition


def test_values_given_as_text_are_read_as_loading_reads_them() -> None:
    membership = Membership(country="KZ", status="observer", start="2005-07", end="2017-06-09")
    assert MembershipStatus.OBSERVER is membership.status
    assert PartialDate.parse("2005-07") == membership.start
    assert ParticipantStatus.GUEST is Participant(country="TR", status="guest").status
    assert MeetingMode.HYBRID is Meeting(id="m", name="M", mode="hybrid").mode


@pytest.mark.parametrize(
    ("cls", "values", "field"),
    [
        (Membership, {"country": "KZ", "status": "membr"}, "status"),
        (Membership, {"country": "KZ", "start": "2005-13"}, "start"),
        (Membership, {"country": "KZ", "start": datetime.date(2005, 1, 1)}, "start"),
        (Participant, {"country": "KZ", "inferred": 1}, "inferred"),
        (Participant, {"country": "KZ", "status": 3}, "status"),
        (Meeting, {"id": "m", "name": "M", "place": "Astana"}, "place"),
        (Commitment, {"id": "c", "kind": "pact", "status": "signed", "title": "T"}, "kind"),
        (
            Commitment,
            {"id": "c", "kind": "protocol", "status": "signed", "title": "T", "parties": "KZ"},
            "parties",
        ),
    ],
)
def test_values_of_the_wrong_kind_are_refused_at_construction(
    cls: type, values: dict[str, Any], field: str
) -> None:
    with pytest.raises(RecordError) as info:
        cls(**values)
    assert field in [p.location for p in info.value.problems]


def _declared_validators() -> list[Any]:
    """Each distinct validator the model declares, with a field it is declared on."""
    found: dict[Any, Any] = {}
    for cls in (
        Source,
        Organization,
        Official,
        Meeting,
        Commitment,
        Instrument,
        InstrumentEvent,
        Membership,
        Position,
        Place,
        Participant,
        Citation,
    ):
        for attribute in attrs.fields(cls):
            for validator in validators_of(attribute):
                found.setdefault(validator, attribute)
    return list(found.items())


VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-2, max_value=2**54),
    st.text(max_size=12),
    st.sampled_from(["KZ", "kz", "en", "en-GB", "sco-rats-council-6", "A b", "x" * 10_001]),
    st.lists(st.sampled_from(["KZ", "RU", "terrorism", "KZ"]), max_size=3).map(tuple),
)


@pytest.mark.parametrize(
    ("validator", "attribute"),
    _declared_validators(),
    ids=lambda x: f"{type(x).__name__}-{x.name}" if isinstance(x, attrs.Attribute) else type(x).__name__,
)
@given(value=VALUES)
def test_each_validators_message_and_its_generated_check_agree(
    validator: Any, attribute: Any, value: object
) -> None:
    namespace: dict[str, Any] = {}
    source = f"def passes(v):\n    return {validator.expression('v')}\n"
    exec(source, {**_NAMES, "_pairwise": itertools.pairwise}, namespace)  # noqa: S102 - the check under test
    try:
        validator(None, attribute, value)
    except (FieldError, TypeError):
        refused = True
    else:
        refused = False
    assert refused is not namespace["passes"](value)
