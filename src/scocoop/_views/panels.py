"""Country-year and dyad-year tables of the record (extra ``pandas``).

The forms of the Correlates of War, ATOP and peacesciencer data: one row per
state (or unordered pair of states) and year, balanced over the years asked
for, with ISO, COW and GW codes.  What the record cannot say stays missing
(``<NA>``), never zero: a count of meetings attended is missing for a year in
which the state had no standing in the organization and attended none, or in
which none of the organization's meetings states who took part.  The
codebook (docs/panels.md) documents every column.
"""

from __future__ import annotations

import datetime
import itertools
from collections import Counter, defaultdict
from typing import TYPE_CHECKING, Any

from scocoop._core.errors import ScocoopError
from scocoop._core.extras import require
from scocoop._countries.codes import to_country_code
from scocoop._io.jsonfile import load
from scocoop._model.instruments import PartyStage, stage
from scocoop._model.records import Meeting, Membership, MembershipStatus, ParticipantList

if TYPE_CHECKING:
    import pandas

    from scocoop._dataset.dataset import Dataset

__all__ = ["ORGANIZATIONS", "country_year", "dyad_year"]

ORGANIZATIONS = ("sco", "cis", "csto")
"""The organizations whose standing and meetings the panels count, each with all its bodies."""


def _year_end(year: int) -> datetime.date:
    return datetime.date(year, 12, 31)


def _years(ds: Dataset, start: int | None, end: int | None) -> range:
    dated = [m.date.earliest.year for m in ds.meetings if m.date is not None]
    first = start if start is not None else min(dated, default=2001)
    last = end if end is not None else max(dated, default=first)
    if last < first:
        raise ValueError(f"the years end ({last}) before they start ({first})")
    return range(first, last + 1)


def _standing(ds: Dataset, organization: str, country: str, year: int) -> Membership | None:
    """The standing held on 31 December of the year (``None``: none recorded then)."""
    day = _year_end(year)
    held = [
        m for m in ds.organization(organization).memberships if m.country == country and m.in_effect(day, day)
    ]
    return held[-1] if held else None


def _label(standing: Membership | None) -> str:
    if standing is None:
        return "none"
    return standing.status.value + (f" ({standing.qualifier.value})" if standing.qualifier else "")


def _year(meeting: Meeting) -> int | None:
    """The year of the meeting (``None``: undated, or dated only to a span across years)."""
    if meeting.date is None or meeting.date.earliest.year != meeting.date.latest.year:
        return None
    return meeting.date.earliest.year


def _meetings_by_year(ds: Dataset, organization: str) -> dict[int, list[Meeting]]:
    by_year: dict[int, list[Meeting]] = defaultdict(list)
    for meeting in ds.meetings_of(organization):
        year = _year(meeting)
        if year is not None:
            by_year[year].append(meeting)
    return by_year


def _code(country: str, scheme: str, year: int) -> Any:
    try:
        return to_country_code(country, scheme, on=year)  # type: ignore[call-overload]
    except (ScocoopError, ValueError):
        return None


def _countries(ds: Dataset, countries: Any) -> list[str]:
    if countries is not None:
        return sorted({to_country_code(c) for c in countries})
    found = {m.country for o in ORGANIZATIONS for m in ds.organization(o).memberships}
    return sorted(found)


def country_year(
    dataset: Dataset | None = None,
    *,
    start: int | None = None,
    end: int | None = None,
    countries: Any = None,
) -> pandas.DataFrame:
    """One row per state and year: codes, standing, meetings attended, hosted, chaired, steps, terms.

    Args:
        dataset: The dataset (the bundled one by default).
        start: First year (the first year with a dated meeting by default).
        end: Last year (the last year with a dated meeting by default).
        countries: The states, by any name or code (by default every state
            with a recorded standing in the SCO, the CIS or the CSTO).

    Raises:
        MissingExtraError: pandas is not installed.
        ValueError: ``end`` is before ``start``.
        UnknownCountryError: A country is not recognised.
    """
    pd = require("pandas", extra="pandas", feature="country_year()")
    ds = load() if dataset is None else dataset
    years = _years(ds, start, end)
    states = _countries(ds, countries)
    meetings = {o: _meetings_by_year(ds, o) for o in ORGANIZATIONS}
    terms = Counter(
        (o.country, p.start.earliest.year)
        for o in ds.officials
        for p in o.positions
        if p.post is not None and p.start is not None and p.start.earliest.year == p.start.latest.year
    )
    known = {c: [i for i in ds.instruments if any(e.country == c for e in i.events)] for c in states}
    rows = []
    for country, year in itertools.product(states, years):
        row: dict[str, Any] = {
            "iso2c": country,
            "year": year,
            "iso3c": _code(country, "iso3c", year),
            "cown": _code(country, "cown", year),
            "gwn": _code(country, "gwn", year),
        }
        for org in ORGANIZATIONS:
            standing = _standing(ds, org, country, year)
            row[f"{org}_standing"] = _label(standing)
            held = meetings[org].get(year, [])
            took_part = [m for m in held if country in m.countries]
            stated = [m for m in held if m.participant_list is not ParticipantList.NOT_STATED]
            judged = bool(took_part) or (standing is not None and bool(stated))
            row[f"{org}_meetings"] = len(held)
            row[f"{org}_lists_not_stated"] = len(held) - len(stated)
            row[f"{org}_attended"] = len(took_part) if judged else None
            row[f"{org}_absent"] = sum(1 for m in held if any(a.country == country for a in m.absences))
            row[f"{org}_hosted"] = sum(1 for m in held if m.host == country)
            row[f"{org}_chaired"] = sum(1 for m in held if m.chair == country)
        bound = known[country]
        row["instruments_known"] = len(bound)
        row["instruments_in_force"] = (
            sum(1 for i in bound if stage(i, country, _year_end(year)) is PartyStage.IN_FORCE)
            if bound
            else None
        )
        row["terms_begun"] = terms.get((country, year), 0)
        rows.append(row)
    frame: pandas.DataFrame = _typed(pd, pd.DataFrame(rows))
    return frame


def dyad_year(
    dataset: Dataset | None = None,
    *,
    start: int | None = None,
    end: int | None = None,
    countries: Any = None,
) -> pandas.DataFrame:
    """One row per unordered pair of states and year: meetings attended together and shared standing.

    ``iso2c_a`` sorts before ``iso2c_b``.  Arguments and errors as
    :func:`country_year`.
    """
    pd = require("pandas", extra="pandas", feature="dyad_year()")
    ds = load() if dataset is None else dataset
    years = _years(ds, start, end)
    states = _countries(ds, countries)
    together: Counter[tuple[str, str, int]] = Counter()
    stated: Counter[int] = Counter()
    for meeting in ds.meetings:
        year = _year(meeting)
        if year is None:
            continue
        if meeting.participant_list is not ParticipantList.NOT_STATED:
            stated[year] += 1
        for a, b in itertools.combinations(meeting.countries, 2):
            together[(a, b, year)] += 1
    members = {
        (org, country, year)
        for org, country, year in itertools.product(ORGANIZATIONS, states, years)
        if (held := _standing(ds, org, country, year)) is not None and held.status is MembershipStatus.MEMBER
    }
    rows = []
    for (a, b), year in itertools.product(itertools.combinations(states, 2), years):
        count = together.get((a, b, year), 0)
        row: dict[str, Any] = {
            "iso2c_a": a,
            "iso2c_b": b,
            "year": year,
            "cown_a": _code(a, "cown", year),
            "cown_b": _code(b, "cown", year),
            "co_attended": count if count or stated.get(year) else None,
        }
        shared = 0
        for org in ORGANIZATIONS:
            member = (org, a, year) in members and (org, b, year) in members
            row[f"{org}_both_members"] = member
            shared += member
        row["joint_memberships"] = shared
        rows.append(row)
    frame: pandas.DataFrame = _typed(pd, pd.DataFrame(rows))
    return frame


def _typed(pd: Any, frame: Any) -> Any:
    """Whole numbers as nullable integers, text as strings, so that missing stays missing."""
    for column in frame.columns:
        values = frame[column]
        if values.dtype == bool:
            continue
        present = [v for v in values.tolist() if not pd.isna(v)]
        if all(isinstance(v, (int, float)) and float(v).is_integer() for v in present):
            frame[column] = pd.array([None if pd.isna(v) else int(v) for v in values.tolist()], dtype="Int64")
        elif all(isinstance(v, str) for v in present):
            frame[column] = pd.array([None if pd.isna(v) else v for v in values.tolist()], dtype="string")
    return frame
