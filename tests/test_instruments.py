"""A state's stage under an instrument, the rules of its events, and the queries over them."""

from __future__ import annotations

import pytest

import scocoop
from scocoop import Dataset, Instrument, InstrumentEvent, PartialDate, PartyStage, RecordError

P = PartialDate.parse


def event(country: str, kind: str, date: str | None = None, **more: object) -> InstrumentEvent:
    return InstrumentEvent(country=country, kind=kind, date=date, **more)  # type: ignore[arg-type]


CONVENTION = Instrument(
    id="convention",
    title="Convention against Terrorism",
    original_title="Конвенция против терроризма",
    kind="convention",
    signed=P("2009-06-16"),
    topics=["terrorism"],
    events=[
        event("KZ", "signature", "2009-06-16"),
        event("KZ", "domestic_act", "2010-11-30", act="Law No. 364-IV"),
        event("KZ", "entry_into_force", "2012-01-14"),
        event("UZ", "signature", "2009-06-16"),
        event("UZ", "withdrawal_notice", "2015-01-10"),
        event("UZ", "withdrawal", "2015-07-10"),
        event("TJ", "signature", "2009-06-16"),
        event("TJ", "domestic_act", no_later_than=P("2011-03-31")),
        event("TM", "non_signature", "2009-06-16"),
        event("BY", "accession", "2023-07"),
        event("BY", "entry_into_force", "2024-07-04"),
    ],
)
TREATY = Instrument(
    id="treaty",
    title="Collective Security Treaty",
    kind="treaty",
    signed=P("1992-05-15"),
    events=[
        event("UZ", "signature", "1992-05-15"),
        event("UZ", "entry_into_force", "1994-04-20"),
        event("UZ", "withdrawal", "1999-04-20"),
        event("UZ", "accession", "2006-08-16"),
    ],
)
DS = Dataset(instruments=[CONVENTION, TREATY])


@pytest.mark.parametrize(
    ("country", "on", "expected"),
    [
        ("KZ", "2008", PartyStage.NOT_YET),
        ("KZ", "2009-06-16", PartyStage.SIGNED),
        ("KZ", "2011", PartyStage.CONSENTED),
        ("KZ", "2012-01-14", PartyStage.IN_FORCE),
        ("KZ", None, PartyStage.IN_FORCE),
        ("UZ", "2014", PartyStage.SIGNED),
        ("UZ", "2015-03-01", PartyStage.SIGNED),  # notice given, not yet in effect
        ("UZ", "2016", PartyStage.WITHDRAWN),
        ("TJ", "2010", PartyStage.SIGNED),  # consent known only to have come by March 2011
        ("TJ", "2011-12-31", PartyStage.CONSENTED),
        ("TM", "2020", PartyStage.NOT_SIGNED),
        ("CN", "2020", PartyStage.NOT_KNOWN),
        ("BY", "2023-12-31", PartyStage.CONSENTED),
    ],
)
def test_a_states_stage_follows_its_recorded_events(
    country: str, on: str | None, expected: PartyStage
) -> None:
    assert expected == DS.stage_of("convention", country, on=on)


def test_not_yet_never_left_and_not_known_stay_distinct() -> None:
    stages = {DS.stage_of("convention", c, on="2016") for c in ("BY", "TM", "UZ", "CN")}
    assert {PartyStage.NOT_YET, PartyStage.NOT_SIGNED, PartyStage.WITHDRAWN, PartyStage.NOT_KNOWN} == stages


def test_a_state_that_left_and_came_back_counts_only_its_steps_since() -> None:
    assert PartyStage.IN_FORCE == DS.stage_of("treaty", "UZ", on="1998")
    assert PartyStage.WITHDRAWN == DS.stage_of("treaty", "UZ", on="2003")
    assert PartyStage.CONSENTED == DS.stage_of("treaty", "UZ", on="2007")


def test_parties_at_a_stage_include_those_further_on_and_leave_out_those_who_left() -> None:
    assert ("BY", "KZ", "TJ") == DS.parties_to("convention", on="2024-12-31", status="consented")
    assert ("BY", "KZ") == DS.parties_to("convention", on="2024-12-31")
    assert ("KZ", "TJ", "UZ") == DS.parties_to("convention", on="2014", status="signed")
    assert ("KZ", "TJ") == DS.parties_to("convention", on="2016", status="signed")
    with pytest.raises(ValueError, match="status must be one of"):
        DS.parties_to("convention", status="withdrawn")


def test_instruments_in_force_for_a_state_by_date_and_topic() -> None:
    assert ["convention"] == [
        i.id for i in DS.instruments_in_force("Kazakhstan", on="2020", topic="terrorism")
    ]
    assert [] == list(DS.instruments_in_force("KZ", on="2011"))
    assert [] == list(DS.instruments_in_force("KZ", topic="drug trafficking"))


def test_a_states_events_come_in_the_order_they_happened_whatever_order_they_were_recorded_in() -> None:
    recorded = Instrument(
        id="agreement",
        title="Agreement",
        kind="agreement",
        signed=P("2001"),
        events=[
            event("KZ", "entry_into_force", "2003-02-01"),
            event("KZ", "deposit", no_later_than=P("2002-06")),
            event("KZ", "reservation"),
            event("RU", "signature", "2001-03-01"),
            event("KZ", "domestic_act", "2002-05"),
            event("KZ", "signature", "2001"),
        ],
    )
    ds = Dataset(instruments=[recorded])
    steps = ds.events_of("Agreement", "Kazakhstan")
    assert ["signature", "domestic_act", "deposit", "entry_into_force", "reservation"] == [
        e.kind.value for e in steps
    ]
    assert {"KZ"} == {e.country for e in steps}
    assert () == ds.events_of("agreement", "CN")
    with pytest.raises(scocoop.UnknownCountryError):
        ds.events_of("agreement", "Atlantis")


def test_a_states_events_show_as_a_table_with_their_bounds() -> None:
    steps = DS.events_of("convention", "TJ")
    html = steps._repr_html_()
    assert "<td>by 2011-03-31</td>" in html
    assert "<th>act</th>" in html


def test_an_instrument_is_found_by_its_titles_in_any_case() -> None:
    assert "convention" == DS.resolve_instrument("CONVENTION AGAINST TERRORISM")
    assert "convention" == DS.resolve_instrument("конвенция против терроризма")
    with pytest.raises(scocoop.UnknownIdError, match="instrument"):
        DS.resolve_instrument("Treaty of Westphalia")


@pytest.mark.parametrize(
    ("earlier", "later", "says"),
    [
        (
            "deposit",
            "entry_into_force",
            r"events\[1\] \(KZ entry_into_force, 2011\) comes before its deposit",
        ),
        ("signature", "domestic_act", "comes before its signature"),
        ("withdrawal_notice", "withdrawal", "comes before its withdrawal_notice"),
    ],
)
def test_a_step_that_comes_before_the_one_it_follows_is_refused_with_its_place(
    earlier: str, later: str, says: str
) -> None:
    with pytest.raises(RecordError, match=says):
        Instrument(
            id="x",
            title="X",
            kind="agreement",
            events=[event("KZ", earlier, "2012"), event("KZ", later, "2011")],
        )


def test_no_event_comes_before_the_instrument_was_signed() -> None:
    with pytest.raises(RecordError, match="before the instrument was signed"):
        Instrument(
            id="x",
            title="X",
            kind="agreement",
            signed=P("2009-06-16"),
            events=[event("KZ", "domestic_act", "2009-06-12")],
        )


def test_an_accession_needs_no_signature_and_a_dated_event_no_bound() -> None:
    Instrument(
        id="x", title="X", kind="agreement", signed=P("2001"), events=[event("BY", "accession", "2023")]
    )
    with pytest.raises(RecordError, match="no_later_than"):
        event("KZ", "deposit", "2011", no_later_than=P("2012"))


def test_an_instrument_that_amends_itself_or_a_cycle_of_replacements_is_refused() -> None:
    with pytest.raises(RecordError, match="cannot amend itself"):
        Instrument(id="x", title="X", kind="protocol", amends="x")
    with pytest.raises(scocoop.DataError, match="replaces itself"):
        Dataset(
            instruments=[
                Instrument(id="a", title="A", kind="agreement", replaces="b"),
                Instrument(id="b", title="B", kind="agreement", replaces="a"),
            ]
        )


def test_a_commitment_names_the_instrument_it_concerns() -> None:
    with pytest.raises(scocoop.DataError, match="instrument"):
        Dataset(
            commitments=[
                scocoop.Commitment(id="c", kind="agreement", status="signed", title="C", instrument="nowhere")
            ]
        )
