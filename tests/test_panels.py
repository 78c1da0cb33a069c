"""Country-year and dyad-year panels: balanced, coded, and missing where the record cannot judge."""

from __future__ import annotations

import pytest

import scocoop
from scocoop import (
    Absence,
    Dataset,
    Meeting,
    Membership,
    Organization,
    OrganizationKind,
    PartialDate,
    Participant,
)

pd = pytest.importorskip("pandas")
P = PartialDate.parse


def _dataset() -> Dataset:
    orgs = [
        Organization(
            id=org,
            name=org.upper(),
            kind=OrganizationKind.INTERGOVERNMENTAL_ORGANIZATION,
            memberships=[Membership(country="KZ", start=P("2001")), Membership(country="RU", start=P("2001"))]
            + ([Membership(country="UZ", start=P("2019-06-01"))] if org == "sco" else []),
        )
        for org in ("sco", "cis", "csto")
    ]
    meetings = [
        Meeting(
            id="m2018",
            name="M",
            organization="sco",
            date=P("2018-05-01"),
            host="KZ",
            chair="KZ",
            participants=[Participant(country="KZ"), Participant(country="RU")],
            participant_list="complete",
            absences=[Absence(country="UZ")],
        ),
        Meeting(
            id="m2019", name="M", organization="sco", date=P("2019-05-01"), participant_list="not_stated"
        ),
    ]
    return Dataset(organizations=orgs, meetings=meetings)


def test_a_country_year_panel_is_balanced_and_coded() -> None:
    panel = scocoop.country_year(_dataset(), start=2017, end=2019)
    assert 3 * 3 == len(panel)
    assert ["KZ", "RU", "UZ"] == sorted(panel["iso2c"].unique())
    kz = panel[(panel["iso2c"] == "KZ") & (panel["year"] == 2018)].iloc[0]
    assert (705, 705, "KAZ") == (kz["cown"], kz["gwn"], kz["iso3c"])
    assert (1, 1, 1, "member") == (
        kz["sco_attended"],
        kz["sco_hosted"],
        kz["sco_chaired"],
        kz["sco_standing"],
    )


def test_not_a_member_yet_not_recorded_absent_and_zero_stay_distinct() -> None:
    panel = scocoop.country_year(_dataset(), start=2017, end=2019).set_index(["iso2c", "year"])
    assert pd.isna(panel.loc[("UZ", 2018), "sco_attended"])  # not a member yet, took part in nothing
    assert 1 == panel.loc[("UZ", 2018), "sco_absent"]
    assert "none" == panel.loc[("UZ", 2018), "sco_standing"]
    assert pd.isna(panel.loc[("KZ", 2019), "sco_attended"])  # the year's only list is not stated
    assert 1 == panel.loc[("KZ", 2019), "sco_lists_not_stated"]
    assert 0 == panel.loc[("KZ", 2017), "sco_meetings"]
    assert pd.isna(panel.loc[("KZ", 2017), "sco_attended"])  # no meeting recorded: nothing to judge
    assert "member" == panel.loc[("UZ", 2019), "sco_standing"]


def test_a_dyad_year_panel_counts_meetings_attended_together() -> None:
    dyads = scocoop.dyad_year(_dataset(), start=2018, end=2019)
    assert 3 * 2 == len(dyads)
    assert all(dyads["iso2c_a"] < dyads["iso2c_b"])
    row = dyads[(dyads["iso2c_a"] == "KZ") & (dyads["iso2c_b"] == "RU") & (dyads["year"] == 2018)].iloc[0]
    assert (1, 3) == (row["co_attended"], row["joint_memberships"])
    later = dyads[(dyads["iso2c_a"] == "KZ") & (dyads["iso2c_b"] == "RU") & (dyads["year"] == 2019)].iloc[0]
    assert pd.isna(later["co_attended"])


def test_years_that_end_before_they_start_are_refused() -> None:
    with pytest.raises(ValueError, match="before they start"):
        scocoop.country_year(_dataset(), start=2020, end=2019)


def test_the_bundled_panel_keeps_armenias_frozen_csto_standing() -> None:
    panel = scocoop.country_year(start=2024, end=2024, countries=["Armenia"])
    assert "member (participation_frozen)" == panel.iloc[0]["csto_standing"]
