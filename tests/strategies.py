"""Hypothesis strategies for every record, honouring each record's invariants.

``datasets()`` builds whole datasets whose references all resolve, so that
``Dataset(...)`` accepts them.
"""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from hypothesis import strategies as st

from scocoop import (
    Absence,
    AbsenceReason,
    Citation,
    Commitment,
    CommitmentKind,
    CommitmentStatus,
    Dataset,
    EventKind,
    InForceRule,
    Instrument,
    InstrumentEvent,
    InstrumentKind,
    Meeting,
    MeetingMode,
    Membership,
    MembershipQualifier,
    MembershipStatus,
    Official,
    Organization,
    OrganizationKind,
    PartialDate,
    Participant,
    ParticipantList,
    ParticipantStatus,
    Place,
    Position,
    Source,
    topics,
)

COUNTRIES = ("CN", "IN", "IR", "KG", "KZ", "MN", "PK", "RU", "TJ", "UZ", "BY", "AF", "TM", "UA")
TOPICS = tuple(t.id for t in topics())

ids = st.from_regex(r"[a-z][a-z0-9]{0,8}(-[a-z0-9]{1,6}){0,2}", fullmatch=True)
countries = st.sampled_from(COUNTRIES)

# Text as people write it: Latin, Cyrillic, Chinese and Tajik-Persian letters,
# punctuation and inner spaces, never empty or padded.
_alphabet = st.characters(
    codec="utf-8",
    categories=("L", "N", "P", "Zs"),
    exclude_characters="\u2028\u2029\x85",
)
texts = st.text(_alphabet, min_size=1, max_size=40).map(str.strip).filter(bool)
unicode_names = st.sampled_from(
    ("Қайрат Қожамжаров", "曹建明", "Рамазон Ҳамро Раҳимзода", "رحیم‌زاده", "Zhakip Assanov")
)


@st.composite
def partial_dates(draw: st.DrawFn, min_year: int = 1990, max_year: int = 2030) -> PartialDate:
    year = draw(st.integers(min_year, max_year))
    month = draw(st.none() | st.integers(1, 12))
    day = None
    if month is not None:
        day = draw(st.none() | st.integers(1, calendar.monthrange(year, month)[1]))
    return PartialDate(
        year=year, month=month, day=day, uncertain=draw(st.booleans()), approximate=draw(st.booleans())
    )


@st.composite
def date_ranges(draw: st.DrawFn) -> tuple[PartialDate | None, PartialDate | None]:
    start = draw(st.none() | partial_dates())
    end = draw(st.none() | partial_dates())
    if start is not None and end is not None and end.latest < start.earliest:
        start, end = end, start
        if end.latest < start.earliest:
            end = None
    return start, end


def citations(source_ids: tuple[str, ...]) -> st.SearchStrategy[Citation]:
    return st.builds(
        Citation,
        source=st.sampled_from(source_ids),
        quote=st.none() | texts,
        note=st.none() | texts,
    )


def sources(source_id: st.SearchStrategy[str] = ids) -> st.SearchStrategy[Source]:
    return st.builds(
        Source,
        id=source_id,
        title=texts | unicode_names,
        publisher=st.none() | texts,
        published=st.none() | partial_dates(),
        url=st.none() | st.just("https://example.org/report"),
        language=st.sampled_from(("en", "ru", "kk", "zh-Hans")),
        note=st.none() | texts,
    )


@st.composite
def memberships(draw: st.DrawFn, source_ids: tuple[str, ...], country: str | None = None) -> Membership:
    start, end = draw(date_ranges())
    notice = draw(st.none() | partial_dates())
    if notice is not None and end is not None and end.latest < notice.earliest:
        notice = None
    return Membership(
        country=country or draw(countries),
        status=draw(st.sampled_from(MembershipStatus)),
        qualifier=draw(st.none() | st.sampled_from(MembershipQualifier)),
        start=start,
        end=end,
        notice=notice,
        sources=tuple(draw(st.lists(citations(source_ids), max_size=2))),
        note=draw(st.none() | texts),
    )


@st.composite
def organizations(
    draw: st.DrawFn, source_ids: tuple[str, ...], org_id: str | None = None, parents: tuple[str, ...] = ()
) -> Organization:
    member_countries = draw(st.lists(countries, unique=True, max_size=4))
    return Organization(
        id=org_id or draw(ids),
        name=draw(texts | unicode_names),
        kind=draw(st.sampled_from(OrganizationKind)),
        abbreviation=draw(st.none() | texts),
        parent=draw(st.none() | st.sampled_from(parents)) if parents else None,
        country=draw(st.none() | countries),
        founded=draw(st.none() | partial_dates()),
        aliases=tuple(draw(st.lists(texts, unique=True, max_size=3))),
        memberships=tuple(draw(memberships(source_ids, c)) for c in member_countries),
        sources=tuple(draw(st.lists(citations(source_ids), max_size=2))),
        note=draw(st.none() | texts),
    )


@st.composite
def positions(draw: st.DrawFn, org_ids: tuple[str, ...]) -> Position:
    start, end = draw(date_ranges())
    ended_by = draw(st.none() | partial_dates()) if end is None else None
    if ended_by is not None and start is not None and ended_by.latest < start.earliest:
        ended_by = None
    return Position(
        title=draw(texts),
        organization=draw(st.none() | st.sampled_from(org_ids)) if org_ids else None,
        post=draw(st.none() | ids),
        start=start,
        end=end,
        ended_by=ended_by,
        note=draw(st.none() | texts),
    )


@st.composite
def officials(
    draw: st.DrawFn, source_ids: tuple[str, ...], org_ids: tuple[str, ...], official_id: str | None = None
) -> Official:
    return Official(
        id=official_id or draw(ids),
        name=draw(texts | unicode_names),
        country=draw(countries),
        aliases=tuple(draw(st.lists(texts | unicode_names, unique=True, max_size=3))),
        positions=tuple(draw(st.lists(positions(org_ids), max_size=2))),
        sources=tuple(draw(st.lists(citations(source_ids), max_size=2))),
        note=draw(st.none() | texts),
    )


@st.composite
def participants(draw: st.DrawFn, org_ids: tuple[str, ...], official_ids: tuple[str, ...]) -> Participant:
    country = draw(st.none() | countries)
    organization = draw(st.none() | st.sampled_from(org_ids)) if org_ids else None
    if country is None and organization is None:
        country = draw(countries)
    return Participant(
        country=country,
        organization=organization,
        status=draw(st.none() | st.sampled_from(ParticipantStatus)),
        official=draw(st.none() | st.sampled_from(official_ids)) if official_ids else None,
        role=draw(st.none() | texts),
        inferred=draw(st.booleans()),
        note=draw(st.none() | texts),
    )


places = st.builds(
    Place, city=texts, country=countries, name_at_the_time=st.none() | texts, venue=st.none() | texts
)


@st.composite
def absences(draw: st.DrawFn, source_ids: tuple[str, ...], country: str | None = None) -> Absence:
    return Absence(
        country=country or draw(countries),
        reason=draw(st.sampled_from(AbsenceReason)),
        sources=tuple(draw(st.lists(citations(source_ids), max_size=2))),
        note=draw(st.none() | texts),
    )


@st.composite
def meetings(
    draw: st.DrawFn,
    source_ids: tuple[str, ...],
    org_ids: tuple[str, ...],
    official_ids: tuple[str, ...],
    meeting_id: str | None = None,
    earlier: tuple[str, ...] = (),
) -> Meeting:
    date = draw(st.none() | partial_dates())
    end_date = None
    if date is not None:
        end_date = draw(st.none() | partial_dates(min_year=date.year, max_year=date.year + 1))
        if end_date is not None and end_date.latest < date.earliest:
            end_date = None
    mode = draw(st.none() | st.sampled_from(MeetingMode))
    place = draw(st.none() | places)
    attending = tuple(draw(st.lists(participants(org_ids, official_ids), max_size=5)))
    present = {p.country for p in attending}
    absent = draw(st.lists(countries.filter(lambda c: c not in present), unique=True, max_size=2))
    return Meeting(
        id=meeting_id or draw(ids),
        name=draw(texts),
        organization=draw(st.none() | st.sampled_from(org_ids)) if org_ids else None,
        held_during=draw(st.none() | st.sampled_from(earlier)) if earlier else None,
        edition=draw(st.none() | st.integers(1, 200)),
        date=date,
        end_date=end_date,
        place=None if mode is MeetingMode.VIDEOCONFERENCE else place,
        mode=mode,
        host=draw(st.none() | countries),
        chair=draw(st.none() | countries),
        next_host=draw(st.none() | countries),
        participants=attending,
        participant_list=draw(st.sampled_from(ParticipantList)),
        absences=tuple(draw(absences(source_ids, c)) for c in absent),
        topics=tuple(draw(st.lists(st.sampled_from(TOPICS), unique=True, max_size=3))),
        sources=tuple(draw(st.lists(citations(source_ids), max_size=2))),
        note=draw(st.none() | texts),
    )


@st.composite
def commitments(
    draw: st.DrawFn,
    source_ids: tuple[str, ...],
    meetings_by_id: dict[str, Meeting],
    official_ids: tuple[str, ...],
    commitment_id: str | None = None,
    instrument_ids: tuple[str, ...] = (),
) -> Commitment:
    meeting_id = draw(st.none() | st.sampled_from(sorted(meetings_by_id))) if meetings_by_id else None
    meeting = meetings_by_id.get(meeting_id or "")
    # With a dated meeting, the commitment carries the meeting's date or none.
    date = (
        meeting.date
        if meeting is not None and meeting.date is not None
        else draw(st.none() | partial_dates())
    )
    if meeting is not None and meeting.date is not None and draw(st.booleans()):
        date = None
    return Commitment(
        id=commitment_id or draw(ids),
        kind=draw(st.sampled_from(CommitmentKind)),
        status=draw(st.sampled_from(CommitmentStatus)),
        title=draw(texts | unicode_names),
        summary=draw(st.none() | texts),
        meeting=meeting_id,
        discussed_at=tuple(
            draw(st.lists(st.sampled_from(sorted(meetings_by_id)), unique=True, max_size=2))
            if meetings_by_id
            else ()
        ),
        proposer=draw(st.none() | countries),
        proposed_by=draw(st.none() | st.sampled_from(official_ids)) if official_ids else None,
        parties=tuple(draw(st.lists(countries, unique=True, max_size=4))),
        topics=tuple(draw(st.lists(st.sampled_from(TOPICS), unique=True, max_size=3))),
        date=date,
        instrument=draw(st.none() | st.sampled_from(instrument_ids)) if instrument_ids else None,
        sources=tuple(draw(st.lists(citations(source_ids), max_size=2))),
        note=draw(st.none() | texts),
    )


# A state's steps in the order the rules require; any subset keeps it.
STEP_ORDER = (
    EventKind.SIGNATURE,
    EventKind.DOMESTIC_ACT,
    EventKind.DEPOSIT,
    EventKind.ENTRY_INTO_FORCE,
    EventKind.WITHDRAWAL_NOTICE,
    EventKind.WITHDRAWAL,
)
OTHER_EVENTS = tuple(k for k in EventKind if k not in STEP_ORDER)


@st.composite
def instrument_events(
    draw: st.DrawFn, source_ids: tuple[str, ...], country: str, after: PartialDate | None
) -> list[InstrumentEvent]:
    """One state's events: steps in their order, on days not before ``after``, and any other events."""
    kinds = [k for k in STEP_ORDER if draw(st.booleans())]
    kinds += draw(st.lists(st.sampled_from(OTHER_EVENTS), max_size=2))
    low = after.latest.year + 1 if after is not None else 1990
    years = sorted(draw(st.lists(st.integers(low, low + 20), min_size=len(kinds), max_size=len(kinds))))
    events = []
    for kind, year in zip(kinds, years, strict=True):
        undated = draw(st.booleans()) and kind in OTHER_EVENTS
        bound = draw(st.none() | st.just(PartialDate(year=year))) if undated else None
        events.append(
            InstrumentEvent(
                country=country,
                kind=kind,
                date=None if undated else PartialDate(year=year),
                no_later_than=bound,
                act=draw(st.none() | texts),
                inferred=draw(st.booleans()),
                sources=tuple(draw(st.lists(citations(source_ids), max_size=2))),
                note=draw(st.none() | texts),
            )
        )
    return events


@st.composite
def instruments(
    draw: st.DrawFn,
    source_ids: tuple[str, ...],
    org_ids: tuple[str, ...] = (),
    meetings_by_id: Mapping[str, Meeting | None] = MappingProxyType({}),
    earlier: tuple[str, ...] = (),
    instrument_id: str | None = None,
) -> Instrument:
    adopted_at = draw(st.none() | st.sampled_from(sorted(meetings_by_id))) if meetings_by_id else None
    meeting = meetings_by_id.get(adopted_at or "")
    # Adopted at a dated meeting, the instrument is signed on the meeting's date or undated.
    if meeting is not None and meeting.date is not None:
        signed = draw(st.none() | st.just(meeting.date))
    else:
        signed = draw(st.none() | partial_dates())
    first = signed.year + 1 if signed else 1990
    in_force = draw(st.none() | partial_dates(min_year=first, max_year=first + 10))
    states = draw(st.lists(countries, unique=True, max_size=3))
    events = [e for c in states for e in draw(instrument_events(source_ids, c, signed))]
    return Instrument(
        id=instrument_id or draw(ids),
        title=draw(texts | unicode_names),
        kind=draw(st.sampled_from(InstrumentKind)),
        original_title=draw(st.none() | unicode_names),
        organization=draw(st.none() | st.sampled_from(org_ids)) if org_ids else None,
        body=draw(st.none() | st.sampled_from(org_ids)) if org_ids else None,
        adopted_at=adopted_at,
        binding=draw(st.none() | st.booleans()),
        signed=signed,
        place=draw(st.none() | texts),
        depositary=draw(st.none() | texts),
        entry_into_force=in_force,
        in_force_rule=draw(st.none() | st.sampled_from(InForceRule)),
        duration=draw(st.none() | texts),
        amends=draw(st.none() | st.sampled_from(earlier)) if earlier else None,
        replaces=draw(st.none() | st.sampled_from(earlier)) if earlier else None,
        topics=tuple(draw(st.lists(st.sampled_from(TOPICS), unique=True, max_size=2))),
        events=tuple(draw(st.permutations(events))),
        sources=tuple(draw(st.lists(citations(source_ids), max_size=2))),
        note=draw(st.none() | texts),
    )


@st.composite
def datasets(draw: st.DrawFn, max_size: int = 4) -> Dataset:
    all_ids = draw(st.lists(ids, unique=True, min_size=6 * max_size, max_size=6 * max_size))
    take = iter(all_ids)
    n_sources = draw(st.integers(1, max_size))
    source_list = [draw(sources(st.just(next(take)))) for _ in range(n_sources)]
    source_ids = tuple(s.id for s in source_list)
    org_list: list[Organization] = []
    for _ in range(draw(st.integers(0, max_size))):
        parents = tuple(o.id for o in org_list)
        org_list.append(draw(organizations(source_ids, next(take), parents)))
    org_ids = tuple(o.id for o in org_list)
    official_list = [
        draw(officials(source_ids, org_ids, next(take))) for _ in range(draw(st.integers(0, max_size)))
    ]
    official_ids = tuple(o.id for o in official_list)
    meeting_list: list[Meeting] = []
    for _ in range(draw(st.integers(0, max_size))):
        earlier = tuple(m.id for m in meeting_list)
        meeting_list.append(draw(meetings(source_ids, org_ids, official_ids, next(take), earlier)))
    by_id = {m.id: m for m in meeting_list}
    instrument_list: list[Instrument] = []
    for _ in range(draw(st.integers(0, max_size))):
        earlier = tuple(i.id for i in instrument_list)
        instrument_list.append(draw(instruments(source_ids, org_ids, by_id, earlier, next(take))))
    instrument_ids = tuple(i.id for i in instrument_list)
    commitment_list = [
        draw(commitments(source_ids, by_id, official_ids, next(take), instrument_ids=instrument_ids))
        for _ in range(draw(st.integers(0, max_size)))
    ]
    return Dataset(
        sources=draw(st.permutations(source_list)),
        organizations=org_list,
        officials=official_list,
        meetings=meeting_list,
        commitments=commitment_list,
        instruments=instrument_list,
        data_version=draw(st.none() | st.just("2026.11.22")),
    )


RECORD_STRATEGIES: dict[type, Any] = {
    Source: sources(),
    Citation: citations(("src-a", "src-b")),
    Membership: memberships(("src-a",)),
    Organization: organizations(("src-a",), parents=("parent-org",)),
    Position: positions(("org-a",)),
    Official: officials(("src-a",), ("org-a",)),
    Place: places,
    Absence: absences(("src-a",)),
    Instrument: instruments(("src-a",), ("org-a",), {"meeting-a": None}, ("instrument-a",)),
    InstrumentEvent: st.builds(lambda es: es[0], instrument_events(("src-a",), "KZ", None).filter(bool)),
    Participant: participants(("org-a",), ("official-a",)),
    Meeting: meetings(("src-a",), ("org-a",), ("official-a",)),
    Commitment: commitments(("src-a",), {}, ("official-a",)),
    PartialDate: partial_dates(),
}
