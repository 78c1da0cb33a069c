from __future__ import annotations

import attrs
import pytest

from scocoop import (
    Absence,
    DataError,
    Meeting,
    Membership,
    MembershipStatus,
    Official,
    Organization,
    OrganizationKind,
    PartialDate,
    Participant,
    RecordError,
    ScocoopError,
)
from scocoop._model.records import (
    Citation,
    Commitment,
    CommitmentKind,
    CommitmentStatus,
    Place,
    Position,
    Source,
)

P = PartialDate.parse

ALL_RECORDS = (
    Absence,
    Citation,
    Commitment,
    Meeting,
    Membership,
    Official,
    Organization,
    Participant,
    Place,
    Position,
    Source,
)


@pytest.mark.parametrize("cls", ALL_RECORDS)
def test_every_record_is_frozen_slotted_and_keyword_only(cls: type) -> None:
    assert attrs.has(cls)
    assert "__slots__" in cls.__dict__
    assert all(a.kw_only for a in attrs.fields(cls))


def test_records_cannot_be_changed() -> None:
    meeting = Meeting(id="m-1", name="A meeting")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        meeting.name = "Another"  # type: ignore[misc]


@pytest.mark.parametrize("bad", ["", "Has Space", "UPPER", "trailing-", "a--b", "tab\tid", "ünï", " x"])
def test_ids_must_be_lower_case_words_joined_by_hyphens(bad: str) -> None:
    with pytest.raises(RecordError) as info:
        Meeting(id=bad, name="A meeting")
    assert ["id"] == [p.location for p in info.value.problems]


@pytest.mark.parametrize("bad", ["kz", "KAZ", "K", "", "k z"])
def test_countries_must_be_alpha_2_codes(bad: str) -> None:
    with pytest.raises(RecordError, match="alpha-2"):
        Participant(country=bad)


@pytest.mark.parametrize("bad", ["", "  ", " padded", "x" * 10_001, "bell\x07"])
def test_text_must_be_non_empty_trimmed_and_printable(bad: str) -> None:
    with pytest.raises(RecordError):
        Official(id="o", name=bad, country="KZ")


def test_an_end_before_the_start_is_rejected() -> None:
    with pytest.raises(RecordError, match="before"):
        Membership(country="KZ", start=PartialDate.parse("2017"), end=PartialDate.parse("2016"))
    with pytest.raises(RecordError, match="end_date"):
        Meeting(
            id="m", name="M", date=PartialDate.parse("2017-05-02"), end_date=PartialDate.parse("2017-05-01")
        )


def test_overlapping_partial_dates_are_not_out_of_order() -> None:
    meeting = Meeting(
        id="m", name="M", date=PartialDate.parse("2017-05"), end_date=PartialDate.parse("2017-05-01")
    )
    assert meeting.end_date is not None


def test_a_participant_needs_a_country_or_an_organization() -> None:
    with pytest.raises(RecordError):
        Participant()


def test_an_organization_cannot_be_its_own_parent() -> None:
    with pytest.raises(RecordError, match="own parent"):
        Organization(id="sco", name="SCO", kind=OrganizationKind.BODY, parent="sco")


def test_unordered_collections_are_sorted_so_equal_data_compares_equal() -> None:
    a = Commitment(
        id="c",
        kind=CommitmentKind.PROTOCOL,
        status=CommitmentStatus.SIGNED,
        title="T",
        parties=("KZ", "CN"),
        topics=("terrorism", "extremism"),
    )
    b = Commitment(
        id="c",
        kind=CommitmentKind.PROTOCOL,
        status=CommitmentStatus.SIGNED,
        title="T",
        parties=("CN", "KZ"),
        topics=("extremism", "terrorism"),
    )
    assert a == b
    assert ("CN", "KZ") == a.parties


def test_duplicates_in_a_set_like_collection_are_rejected() -> None:
    with pytest.raises(RecordError, match="twice"):
        Meeting(id="m", name="M", topics=("terrorism", "terrorism"))


def test_membership_in_effect_excludes_the_end_day_and_opens_unknown_bounds() -> None:
    import datetime

    observer = Membership(
        country="IN",
        status=MembershipStatus.OBSERVER,
        start=PartialDate.parse("2005-07"),
        end=PartialDate.parse("2017-06-09"),
    )
    day = datetime.date(2017, 6, 9)
    assert not observer.in_effect(day, day)
    assert observer.in_effect(datetime.date(2017, 6, 8), datetime.date(2017, 6, 8))
    assert Membership(country="IN").in_effect(datetime.date.min, datetime.date.min)


def test_meeting_countries_are_unique_and_sorted() -> None:
    meeting = Meeting(
        id="m",
        name="M",
        participants=(
            Participant(country="RU"),
            Participant(country="KZ", official="a"),
            Participant(country="KZ"),
        ),
    )
    assert ("KZ", "RU") == meeting.countries


def test_a_record_reports_every_broken_field_at_once_as_a_data_error() -> None:
    with pytest.raises(RecordError) as info:
        Official(id="Bad Id", name=" padded", country="kz")
    assert ["id", "name", "country"] == [p.location for p in info.value.problems]
    assert isinstance(info.value, DataError)
    assert isinstance(info.value, ScocoopError)
    assert "Official" == info.value.record
    assert str(info.value).startswith("3 problems found in Official:")


def test_whole_record_checks_run_once_the_fields_are_valid() -> None:
    with pytest.raises(RecordError) as info:
        Meeting(id="m", name="M", end_date=PartialDate.parse("2017"))
    assert ["end_date"] == [p.location for p in info.value.problems]


def test_a_state_cannot_be_both_a_participant_and_absent() -> None:
    with pytest.raises(RecordError, match="both a participant and absent"):
        Meeting(
            id="m",
            name="M",
            participants=[Participant(country="AM")],
            absences=[Absence(country="AM")],
        )


def test_an_absence_reads_its_reason_and_defaults_to_did_not_attend() -> None:
    assert "did_not_attend" == Absence(country="AM").reason.value
    assert "participation_frozen" == Absence(country="AM", reason="participation_frozen").reason.value
    with pytest.raises(RecordError, match="reason"):
        Absence(country="AM", reason="sulking")


def test_a_withdrawal_notice_cannot_follow_the_day_it_took_effect() -> None:
    Membership(country="GE", start=P("1993-12"), notice=P("2008-08-18"), end=P("2009-08-18"))
    with pytest.raises(RecordError, match="end"):
        Membership(country="GE", notice=P("2009-08-19"), end=P("2009-08-18"))


def test_a_term_bounded_by_a_later_holder_is_over_after_the_bound() -> None:
    bounded = Position(title="Chair", start=P("2005-09-29"), ended_by=P("2009-06-04"))
    day = PartialDate.parse("2008-01-01").earliest
    later = PartialDate.parse("2010-01-01").earliest
    assert bounded.in_effect(day, day)
    assert not bounded.in_effect(later, later)
    assert not bounded.held_throughout(day, day)
    with pytest.raises(RecordError, match="ended_by"):
        Position(title="Chair", end=P("2009"), ended_by=P("2009"))
    with pytest.raises(RecordError, match="ended_by"):
        Position(title="Chair", start=P("2010"), ended_by=P("2009"))
