from __future__ import annotations

import concurrent.futures
import copy
import pickle

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import scocoop
from sample import CITE, P, sample_dataset
from scocoop import (
    Absence,
    Commitment,
    CommitmentKind,
    CommitmentStatus,
    DataError,
    Dataset,
    Instrument,
    InstrumentKind,
    InvalidDateError,
    Meeting,
    Membership,
    Official,
    Organization,
    OrganizationKind,
    PartialDate,
    Participant,
    Position,
    Results,
    UnknownCountryError,
    UnknownIdError,
    UnknownTopicError,
    meeting_order,
)
from strategies import datasets, partial_dates

DS = sample_dataset()


def ids(records: tuple[object, ...]) -> list[str]:
    return [r.id for r in records]  # type: ignore[attr-defined]


def test_collections_are_tuples_sorted_by_id() -> None:
    assert isinstance(DS.meetings, tuple)
    assert ["cis-first", "pg-14", "pg-16", "summit"] == ids(DS.meetings)


def test_dataset_is_immutable() -> None:
    with pytest.raises(AttributeError):
        DS.meetings = ()


# Lookup.


def test_lookup_by_id_returns_the_record_of_that_kind() -> None:
    assert "14th meeting" == DS.meeting("pg-14").name
    assert "Zhakip Assanov" == DS.official("assanov").name


@pytest.mark.parametrize("bad", ["nope", "assanov", "", None])
def test_lookup_of_a_missing_or_other_kind_of_id_raises(bad: str) -> None:
    with pytest.raises(UnknownIdError) as info:
        DS.meeting(bad)
    assert isinstance(info.value, KeyError)
    assert "no meeting" in str(info.value)


def test_get_returns_a_default_instead_of_raising() -> None:
    assert DS.get("nope") is None
    assert DS.get("assanov") is DS.official("assanov")


# meetings_by_country.


def test_meetings_by_country_accepts_names_and_returns_date_order_with_undated_last() -> None:
    assert ["pg-14", "pg-16", "cis-first"] == ids(DS.meetings_by_country("Kazakhstan"))
    assert ids(DS.meetings_by_country("KZ")) == ids(DS.meetings_by_country("kaz"))


def test_meetings_by_country_filters_by_capacity() -> None:
    assert ["pg-14"] == ids(DS.meetings_by_country("Mongolia", status="observer"))
    assert () == DS.meetings_by_country("Mongolia", status="member")


def test_a_country_that_took_part_nowhere_has_no_meetings() -> None:
    assert () == DS.meetings_by_country("Ukraine")


def test_meetings_by_country_rejects_unknown_countries_and_statuses() -> None:
    with pytest.raises(UnknownCountryError):
        DS.meetings_by_country("Narnia")
    with pytest.raises(ValueError, match="status must be one of"):
        DS.meetings_by_country("KZ", status="boss")


# meetings_between.


def test_meetings_between_whole_years() -> None:
    assert ["summit", "pg-16"] == ids(DS.meetings_between("2018", "2018"))


def test_uncertain_month_may_fall_in_a_part_of_it_but_is_not_certainly_there() -> None:
    assert ["pg-16"] == ids(DS.meetings_between("2018-09-15", "2018-09-30"))
    assert () == DS.meetings_between("2018-09-15", "2018-09-30", certain=True)
    assert ["pg-16"] == ids(DS.meetings_between("2018-09-01", "2018-09-30", certain=True))


def test_a_multi_day_meeting_overlapping_the_range_is_included() -> None:
    assert ["summit"] == ids(DS.meetings_between("2018-06-10", "2018-06-20"))
    assert () == DS.meetings_between("2018-06-10", "2018-06-20", certain=True)


def test_meetings_between_accepts_written_dates_and_handles_far_ranges() -> None:
    assert ["pg-14"] == ids(DS.meetings_between("1 November 2016", "30 November 2016"))
    assert 3 == len(DS.meetings_between("0001", "9999"))
    assert ["pg-14"] == ids(DS.meetings_between(2016, 2016))
    with pytest.raises(InvalidDateError, match=r"ends \(2016\) before it starts \(2019\)"):
        DS.meetings_between("2019", "2016")


def test_meetings_between_rejects_what_is_not_a_date() -> None:
    with pytest.raises(InvalidDateError):
        DS.meetings_between("soon", "2018")


# meetings_of.


def test_meetings_of_includes_the_bodies_of_an_organization() -> None:
    assert ["pg-14", "summit", "pg-16"] == ids(DS.meetings_of("SCO"))
    assert ["summit"] == ids(DS.meetings_of("sco", bodies=False))
    assert ["pg-14", "pg-16"] == ids(DS.meetings_of("SCO prosecutors general"))


def test_meetings_of_an_unknown_organization_raises() -> None:
    with pytest.raises(UnknownIdError):
        DS.meetings_of("NATO")


# initiatives_on.


def test_initiatives_on_a_topic_include_narrower_topics_by_default() -> None:
    assert ["protocol-14", "internet-document"] == ids(DS.initiatives_on("terrorism"))
    assert ["protocol-14"] == ids(DS.initiatives_on("terrorism", narrower=False))
    assert ["internet-document", "cyber-pact"] == ids(DS.initiatives_on("cybercrime"))


def test_initiatives_on_accepts_synonyms_and_rejects_unknown_topics() -> None:
    assert ["internet-document"] == ids(DS.initiatives_on("Cyber terrorism"))
    assert () == DS.initiatives_on("human trafficking")
    with pytest.raises(UnknownTopicError):
        DS.initiatives_on("knitting")


# members_of and officials_of.


def test_members_of_follows_the_history() -> None:
    assert ("CN", "KZ") == DS.members_of("SCO", on="2016-11-30")
    assert ("CN", "IN", "KZ") == DS.members_of("SCO", on="2018")
    assert ("IN", "MN") == DS.members_of("SCO", on="2016", status="observer")
    assert ("MN",) == DS.members_of("SCO", on="2017-06-09", status="observer")
    assert ("CN", "IN", "KZ", "MN") == DS.members_of("SCO", status=None)
    assert () == DS.members_of("SCO", on="1999")


def test_a_body_without_memberships_has_its_parents() -> None:
    assert DS.members_of("sco", on="2020") == DS.members_of("sco-pg", on="2020")


def test_officials_of_on_a_date() -> None:
    assert ["assanov"] == ids(DS.officials_of("KZ"))
    assert ["assanov"] == ids(DS.officials_of("Kazakh", on="2018"))
    assert () == DS.officials_of("KZ", on="2020")
    assert ["cao"] == ids(DS.officials_of("China", on="1950"))


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        ("2016", []),  # the term may have begun after 1 January 2016
        ("2016-12", []),  # the start is known only to the year
        ("2017", ["assanov"]),
        ("2019-05-31", ["assanov"]),
        ("2019-06", []),  # the end is known only to the month
        ("2019", []),
    ],
)
def test_officials_of_certain_needs_a_term_that_covers_the_whole_date(on: str, expected: list[str]) -> None:
    assert expected == ids(DS.officials_of("KZ", on=on, certain=True))
    # An official whose post has no recorded term is never certain.
    assert [] == ids(DS.officials_of("CN", on=on, certain=True))


def test_citations_pair_each_citation_with_its_source() -> None:
    [(citation, source)] = DS.citations("pg-14")
    assert ("They met.", "A report") == (citation.quote, source.title)


# Integrity.


def rebuild(**changes: object) -> Dataset:
    collections = {
        name: getattr(DS, name)
        for name in ("sources", "organizations", "officials", "meetings", "commitments")
    }
    collections.update(changes)
    return Dataset(**collections)


def problems(**changes: object) -> list[str]:
    with pytest.raises(DataError) as info:
        rebuild(**changes)
    return [str(p) for p in info.value.problems]


def test_the_same_data_builds_an_equal_dataset() -> None:
    assert rebuild(data_version="test") == DS
    assert rebuild(data_version="other") != DS


def test_duplicate_ids_are_reported_with_both_places() -> None:
    found = problems(meetings=(*DS.meetings, DS.meetings[0]))
    assert ["meetings[4].id: duplicate id 'cis-first', first used at meetings[0]"] == found


def test_every_dangling_reference_is_reported_at_once() -> None:
    meeting = attrs.evolve(
        DS.meeting("pg-14"),
        organization="nato",
        participants=(Participant(country="XK", official="ghost"),),
        topics=("knitting",),
    )
    found = problems(meetings=(meeting,), commitments=())
    assert [
        "meetings[0].organization: unknown organization id 'nato'",
        "meetings[0].participants[0].country: unknown country code 'XK'",
        "meetings[0].participants[0].official: unknown official id 'ghost'",
        "meetings[0].topics: unknown topic 'knitting'",
    ] == found


def test_an_organization_that_is_its_own_ancestor_is_reported() -> None:
    a = Organization(id="a", name="A", kind=OrganizationKind.BODY, parent="b")
    b = Organization(id="b", name="B", kind=OrganizationKind.BODY, parent="a")
    found = problems(organizations=(*DS.organizations, a, b))
    assert 1 == len(found)
    assert "its own ancestor" in found[0]


def test_a_commitment_dated_outside_its_meeting_is_reported() -> None:
    bad = attrs.evolve(DS.commitment("protocol-14"), date=P("2017"))
    found = problems(commitments=(bad,))
    assert found[0].startswith(
        "commitments[0].date: '2017' does not fall within the dates of meeting 'pg-14'"
    )


def test_an_instrument_signed_outside_the_meeting_that_adopted_it_is_reported() -> None:
    def instrument(signed: str) -> Instrument:
        return Instrument(
            id="pact", title="Pact", kind=InstrumentKind.AGREEMENT, adopted_at="pg-14", signed=P(signed)
        )

    assert rebuild(instruments=(instrument("2016-11-30"),)).instrument("pact").adopted_at == "pg-14"
    found = problems(instruments=(instrument("2016-12-01"),))
    assert found == [
        "instruments[0].signed: '2016-12-01' does not fall within the dates of meeting 'pg-14' (2016-11-30)"
    ]


def test_overlapping_membership_periods_are_reported() -> None:
    sco = DS.organization("sco")

    overlapping = attrs.evolve(sco, memberships=(*sco.memberships, Membership(country="KZ", start=P("2010"))))
    found = problems(organizations=tuple(overlapping if o.id == "sco" else o for o in DS.organizations))
    assert 1 == len(found)
    assert "period overlaps" in found[0]


def test_a_record_of_the_wrong_kind_is_reported() -> None:
    found = problems(meetings=("pg-14",), commitments=())
    assert ["meetings[0]: expected a Meeting, got str"] == found


def test_a_failed_build_leaves_nothing_behind() -> None:
    before = sample_dataset()
    with pytest.raises(DataError):
        rebuild(
            commitments=(
                Commitment(
                    id="x",
                    kind=CommitmentKind.PROPOSAL,
                    status=CommitmentStatus.PROPOSED,
                    title="X",
                    meeting="missing",
                    sources=CITE,
                ),
            )
        )
    assert before == DS
    assert isinstance(DS.meeting("pg-14"), Meeting)


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(datasets(max_size=6), partial_dates(), partial_dates(), st.booleans())
def test_meetings_between_agrees_with_a_scan_of_every_meeting(
    dataset: Dataset, start: PartialDate, end: PartialDate, certain: bool
) -> None:
    low, high = start.earliest, end.latest
    expected = []
    for m in sorted(dataset.meetings, key=meeting_order):
        if m.date is None:
            continue
        begins, ends = m.date.earliest, (m.end_date or m.date).latest
        inside = low <= begins and ends <= high if certain else begins <= high and low <= ends
        if inside:
            expected.append(m.id)
    if high < low:
        with pytest.raises(InvalidDateError, match="before it starts"):
            dataset.meetings_between(start, end, certain=certain)
    else:
        assert expected == ids(dataset.meetings_between(start, end, certain=certain))


def test_find_meetings_combines_every_condition_given() -> None:
    assert ids(DS.meetings_by_country("KZ")) == ids(DS.find_meetings(country="KZ"))
    assert [m.id for m in sorted(DS.meetings, key=meeting_order)] == ids(DS.find_meetings())
    for meeting in DS.find_meetings(country="KZ", organization="sco", start="2016", end="2016"):
        assert "KZ" in meeting.countries
        assert meeting.organization in DS.bodies_of("sco")
        assert meeting in DS.meetings_between("2016", "2016")
    with pytest.raises(ValueError, match="status needs a country"):
        DS.find_meetings(status="observer")


@given(datasets(max_size=3))
def test_a_dataset_survives_pickling_and_copying(dataset: Dataset) -> None:
    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
        assert dataset == pickle.loads(pickle.dumps(dataset, protocol))  # noqa: S301 - our own data
    assert dataset == copy.copy(dataset)
    assert dataset == copy.deepcopy(dataset)
    for record in dataset:
        assert record == pickle.loads(pickle.dumps(record))  # noqa: S301 - our own data


def _count_kazakh_meetings(dataset: Dataset) -> tuple[int, Results[Meeting]]:
    found = dataset.meetings_by_country("KZ")
    return len(found), found


def test_a_dataset_and_its_answers_cross_process_boundaries() -> None:
    bundled = scocoop.load()
    with concurrent.futures.ProcessPoolExecutor(max_workers=1) as pool:
        count, found = pool.submit(_count_kazakh_meetings, bundled).result()
    assert (len(bundled.meetings_by_country("KZ")), bundled.meetings_by_country("KZ")) == (count, found)
    assert isinstance(found, Results)


def test_a_slice_of_an_answer_is_an_answer() -> None:
    found = scocoop.meetings_by_country("KZ")
    assert isinstance(found[:3], Results)
    assert tuple(found)[:3] == found[:3]
    assert isinstance(found[0], Meeting)


def test_members_of_a_body_with_no_recorded_membership_is_not_an_empty_answer() -> None:
    ds = Dataset(organizations=[Organization(id="x", name="X", kind=OrganizationKind.BODY)])
    with pytest.raises(scocoop.NotRecordedError, match="no membership of 'x'"):
        ds.members_of("x")


def _standing() -> Dataset:
    return Dataset(
        organizations=[
            Organization(
                id="csto",
                name="Collective Security Treaty Organization",
                abbreviation="CSTO",
                kind=OrganizationKind.INTERGOVERNMENTAL_ORGANIZATION,
                memberships=[
                    Membership(country="RU"),
                    Membership(country="AM", end=P("2024-02-22")),
                    Membership(country="AM", qualifier="participation_frozen", start=P("2024-02-22")),
                    Membership(country="UZ", start=P("2006-06-23"), end=P("2012-12-19")),
                    Membership(country="UZ", status="suspended", start=P("2012-12-19")),
                ],
            ),
            Organization(
                id="rats",
                name="Regional Anti-Terrorist Structure",
                abbreviation="RATS",
                kind=OrganizationKind.BODY,
                aliases=["РАТС"],
            ),
            Organization(
                id="rats-council", name="Council of the RATS", kind=OrganizationKind.BODY, parent="rats"
            ),
        ],
        officials=[
            Official(
                id="a",
                name="A",
                country="RU",
                positions=[
                    Position(title="Chair", post="chair", start=P("2016-09-06"), end=P("2017-06-28?")),
                    Position(title="Minister", post="ru-minister", start=P("2012-05-21")),
                ],
            ),
            Official(
                id="b",
                name="B",
                country="BY",
                positions=[
                    Position(title="Chair", post="chair", start=P("2024-08-08?"), end=P("2025-08-12")),
                ],
            ),
        ],
        meetings=[
            Meeting(
                id="minsk",
                name="Minsk",
                organization="csto",
                date=P("2023-11-22"),
                participants=[Participant(country="RU")],
                participant_list="partial",
                absences=[Absence(country="AM", reason="did_not_attend")],
            ),
            Meeting(id="council-1", name="Council", organization="rats-council", date=P("2020")),
        ],
    )


def test_an_absent_state_is_listed_among_absences_and_never_as_taking_part() -> None:
    ds = _standing()
    assert ["minsk"] == ids(ds.absences_of("Armenia"))
    assert [] == ids(ds.meetings_by_country("AM"))
    assert ["minsk"] == ids(ds.meetings_by_country("RU"))
    assert [] == ids(ds.absences_of("RU"))


def test_members_keep_a_frozen_standing_unless_asked_for_those_taking_part() -> None:
    ds = _standing()
    assert ("AM", "RU") == ds.members_of("CSTO", on="2025")
    assert ("RU",) == ds.members_of("CSTO", on="2025", taking_part=True)
    assert ("AM", "RU") == ds.members_of("CSTO", on="2023", taking_part=True)


def test_a_suspended_membership_is_not_membership() -> None:
    ds = _standing()
    assert "UZ" not in ds.members_of("CSTO", on="2015")
    assert ("UZ",) == ds.members_of("CSTO", on="2015", status="suspended")
    assert "UZ" in ds.members_of("CSTO", on="2010")


def test_holders_of_a_post_on_a_date_and_the_posts_held_then() -> None:
    ds = _standing()
    assert ("chair", "ru-minister") == ds.posts()
    assert ["a"] == [t.official.id for t in ds.holders_of("chair", on="2017-01-01")]
    assert [] == list(ds.holders_of("chair", on="2020"))
    assert ["a", "b"] == [t.official.id for t in ds.holders_of("chair")]
    assert [("a", "Chair"), ("a", "Minister")] == [
        (t.official.id, t.title) for t in ds.posts_on("Russia", on="2017-01-01")
    ]
    assert [("a", "Minister")] == [(t.official.id, t.title) for t in ds.posts_on("RU", on="2019")]
    with pytest.raises(scocoop.UnknownIdError, match="post"):
        ds.holders_of("no-such-post")


def test_a_name_of_an_organization_finds_the_meetings_of_its_bodies() -> None:
    ds = _standing()
    for name in ("RATS", "Regional Anti-Terrorist Structure", "РАТС", "rats"):
        assert ["council-1"] == ids(ds.meetings_of(name))
    assert [] == ids(ds.meetings_of("RATS", bodies=False))
