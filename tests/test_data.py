"""The bundled dataset follows its editorial policy (docs/dataset.md)."""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

import scocoop
from scocoop import Citation, MeetingMode, MembershipStatus, ParticipantStatus

DS = scocoop.load()
COVERAGE_PAGE = (Path(__file__).parents[1] / "docs" / "coverage.md").read_text(encoding="utf-8")
BUNDLED_SOURCES = {
    "kazinform-2022-08-18-sco-interior-ministers",
    "kazinform-2019-08-09-central-asian-interior-ministers",
    "bnews-2018-09-21-sco-prosecutors-general",
    "report-2013-cis-cmia-astana",
    "kz-gpo-2016-11-30-sco-prosecutors-general",
}


def all_citations() -> Iterator[tuple[str, Citation]]:
    for record in DS:
        for citation in getattr(record, "sources", ()):
            if isinstance(citation, Citation):
                yield record.id, citation
        for membership in getattr(record, "memberships", ()):
            for citation in membership.sources:
                yield f"{record.id} ({membership.country} {membership.status.value})", citation
        for absence in getattr(record, "absences", ()):
            for citation in absence.sources:
                yield f"{record.id} (absent: {absence.country})", citation
        for event in getattr(record, "events", ()):
            for citation in event.sources:
                yield f"{record.id} ({event.country} {event.kind.value})", citation


def test_every_bundled_source_is_in_the_dataset() -> None:
    assert BUNDLED_SOURCES <= {s.id for s in DS.sources}


def test_every_quote_is_found_verbatim_in_its_source(source_texts: dict[str, str]) -> None:
    missing = [
        (record_id, c.quote)
        for record_id, c in all_citations()
        if c.source in source_texts and " ".join((c.quote or "").split()) not in source_texts[c.source]
    ]
    assert [] == missing


def test_every_citation_of_a_bundled_source_has_a_short_quote() -> None:
    for record_id, citation in all_citations():
        if citation.source in BUNDLED_SOURCES:
            assert citation.quote, record_id
            assert len(citation.quote) <= 400, record_id


def test_every_source_has_a_public_address() -> None:
    for source in DS.sources:
        assert source.url is not None, source.id
        assert source.url.startswith(("http://", "https://")), source.id


def test_every_record_cites_at_least_one_source() -> None:
    uncited = [r.id for r in DS if not isinstance(r, scocoop.Source) and not r.sources]
    assert [] == uncited


def test_every_membership_cites_a_source() -> None:
    for org in DS.organizations:
        for membership in org.memberships:
            assert membership.sources, (org.id, membership.country)


def test_every_bundled_source_is_cited() -> None:
    cited = {c.source for _, c in all_citations()}
    assert {s.id for s in DS.sources} == cited


def test_every_meeting_has_a_place_and_a_date_unless_a_note_says_why() -> None:
    for meeting in DS.meetings:
        if meeting.place is None and meeting.mode is not MeetingMode.VIDEOCONFERENCE:
            assert meeting.note, meeting.id
        if meeting.date is None:
            assert meeting.note, meeting.id


def test_every_official_has_a_country_and_a_post() -> None:
    for official in DS.officials:
        assert official.country
        assert official.positions, official.id


def test_no_two_officials_of_a_state_share_a_name() -> None:
    holders: dict[tuple[str, str], set[str]] = defaultdict(set)
    for official in DS.officials:
        for name in {official.name, *official.aliases}:
            holders[official.country, name.casefold()].add(official.id)
    assert {} == {key: ids for key, ids in holders.items() if len(ids) > 1}


def test_an_official_has_one_undated_position_per_post_at_most() -> None:
    undated = Counter(
        (official.id, position.post)
        for official in DS.officials
        for position in official.positions
        if position.post and position.start is None and position.end is None and position.ended_by is None
    )
    assert [] == [key for key, n in undated.items() if n > 1]


def test_every_inference_is_explained() -> None:
    for meeting in DS.meetings:
        for p in meeting.participants:
            if p.inferred:
                assert p.note, meeting.id
        if meeting.date is not None and (meeting.date.uncertain or meeting.date.approximate):
            assert meeting.note, meeting.id
    for commitment in DS.commitments:
        if commitment.date is not None and commitment.date.uncertain and commitment.meeting is None:
            assert commitment.note, commitment.id


def test_a_capacity_is_stated_only_where_a_body_met() -> None:
    # Where a body met, a capacity is recorded where a page states it or it
    # follows from the list the page gives; elsewhere it stays unknown.
    stated = 0
    for meeting in DS.meetings:
        for p in meeting.participants:
            if meeting.organization is None:
                assert p.status is None, meeting.id
            elif p.country is not None and p.status is not None:
                stated += 1
    assert stated >= 400


def test_participant_capacities_agree_with_the_membership_history() -> None:
    capacity = {
        ParticipantStatus.MEMBER: MembershipStatus.MEMBER,
        ParticipantStatus.OBSERVER: MembershipStatus.OBSERVER,
        ParticipantStatus.DIALOGUE_PARTNER: MembershipStatus.DIALOGUE_PARTNER,
        ParticipantStatus.PARTNER: MembershipStatus.PARTNER,
    }
    checked = 0
    for meeting in DS.meetings:
        if meeting.organization is None or meeting.date is None:
            continue
        for p in meeting.participants:
            if p.country is None or p.status not in capacity:
                continue
            standing = capacity[p.status]
            try:
                members = DS.members_of(meeting.organization, on=meeting.date, status=standing)
            except scocoop.NotRecordedError:
                continue  # a format whose membership is not recorded: nothing to compare with
            assert p.country in members, (meeting.id, p.country, p.status)
            checked += 1
    assert checked >= 400


def test_ids_are_readable_and_stable_in_form() -> None:
    for record in DS:
        assert record.id == record.id.lower()
        assert len(record.id) <= 60, record.id


def test_data_version_is_set() -> None:
    assert DS.data_version


def test_no_citation_of_a_public_page_carries_a_quote() -> None:
    for where, citation in all_citations():
        if citation.source not in BUNDLED_SOURCES:
            assert citation.quote is None, (where, citation.source)


def test_editions_within_a_series_are_unique_and_increase_with_date() -> None:
    series: dict[str, list[scocoop.Meeting]] = {}
    for meeting in DS.meetings:
        if meeting.organization is not None and meeting.edition is not None:
            series.setdefault(meeting.organization, []).append(meeting)
    assert len(series) >= 8
    for body, meetings in series.items():
        editions = [m.edition for m in meetings]
        assert len(editions) == len(set(editions)), body
        dated = sorted((m for m in meetings if m.date is not None), key=lambda m: m.edition or 0)
        for earlier, later in itertools.pairwise(dated):
            assert earlier.date is not None
            assert later.date is not None
            assert earlier.date.earliest <= later.date.latest, (earlier.id, later.id)


def test_a_videoconference_has_no_city() -> None:
    online = [m for m in DS.meetings if m.mode is MeetingMode.VIDEOCONFERENCE]
    assert len(online) >= 5
    assert all(m.place is None for m in online)


def test_the_sco_partner_status_replaces_observers_and_dialogue_partners_from_1_september_2025() -> None:
    assert {"AF", "MN"} == set(DS.members_of("SCO", on="2025-08-31", status="observer"))
    assert () == DS.members_of("SCO", on="2025-09-01", status="observer")
    assert () == DS.members_of("SCO", on="2025-09-01", status="dialogue_partner")
    partners = DS.members_of("SCO", on="2025-09-01", status="partner")
    assert {"AF", "MN", "LA", "TR", "AZ", "AM"} <= set(partners)
    assert "LA" not in DS.members_of("SCO", on="2025-08-31", status=None)
    assert {"IR", "BY"} <= set(DS.members_of("SCO", on="2025-01-01"))
    assert "BY" not in DS.members_of("SCO", on="2024-07-03")


def test_memberships_that_ended() -> None:
    assert "GE" in DS.members_of("CIS", on="2005-01-01")
    assert "GE" not in DS.members_of("CIS", on="2009-08-18")
    assert ("TM",) == DS.members_of("CIS", on="2010-01-01", status="associate_member")
    assert "UA" not in DS.members_of("cis-cmia", on="2024-01-01")
    assert () == DS.members_of("customs-union", on="2020-01-01")
    assert {"BY", "KZ", "RU"} == set(DS.members_of("customs-union", on="2012-01-01"))
    assert "UZ" in DS.members_of("CSTO", on="2008-01-01")
    assert "UZ" not in DS.members_of("CSTO", on="2013-01-01")


def test_terms_of_office_answer_who_was_in_office() -> None:
    kz_2019 = {o.id for o in DS.officials_of("KZ", on="2019-08-09")}
    assert "yerlan-turgumbayev" in kz_2019
    assert "marat-akhmetzhanov" not in kz_2019
    assert "kairat-kozhamzharov" not in kz_2019
    assert "marat-akhmetzhanov" in {o.id for o in DS.officials_of("KZ", on="2022-03-01")}
    cn_2017 = {o.id for o in DS.officials_of("CN", on="2017-01-01")}
    assert "cao-jianming" in cn_2017
    assert "cao-jianming" not in {o.id for o in DS.officials_of("CN", on="2019-01-01")}


def test_proposals_name_a_proposer_not_parties() -> None:
    for commitment in DS.commitments:
        if commitment.kind in (scocoop.CommitmentKind.PROPOSAL, scocoop.CommitmentKind.INITIATIVE):
            assert len(commitment.parties) != 1 or commitment.proposer is None, commitment.id
    proposals = [c for c in DS.commitments if c.proposer == "KZ"]
    assert len(proposals) >= 3


def test_announced_talks_are_inferred() -> None:
    talks = DS.meeting("interior-ministers-by-kz-ru-2013-astana")
    assert all(p.inferred for p in talks.participants)


def test_every_dated_head_of_delegation_held_a_recorded_post_at_the_meeting() -> None:
    # Where an official's terms are recorded, a meeting they attended falls within one of them.
    outside = []
    for meeting in DS.meetings:
        if meeting.date is None:
            continue
        first, last = meeting.date.earliest, (meeting.end_date or meeting.date).latest
        for p in meeting.participants:
            if p.official is None:
                continue
            posts = DS.official(p.official).positions
            if any(q.start or q.end for q in posts) and not any(q.in_effect(first, last) for q in posts):
                outside.append((meeting.id, p.official))
    assert [] == outside


def terms(official: str, word: str) -> list[tuple[str, str]]:
    return [
        (str(p.start), str(p.end))
        for p in DS.official(official).positions
        if word in p.title.casefold() and p.organization != "cis-cmia"
    ]


def test_terms_of_prosecutors_general_and_interior_ministers() -> None:
    assert [("2012-05-21", "None")] == terms("vladimir-kolokoltsev", "interior")
    assert [("2000-05-17", "2006-06-02")] == terms("vladimir-ustinov", "prosecutor")
    assert ("2015-01-28", "2018-04-13") in terms("indira-joldubaeva", "prosecutor")
    ru_2005 = {o.id for o in DS.officials_of("RU", on="2005-06-01", certain=True)}
    assert {
        "vladimir-ustinov",
        "rashid-nurgaliev",
        "igor-ivanov",
        "sergei-ivanov",
        "nikolai-patrushev",
        "vladimir-pronichev",
    } == ru_2005
    ru_2019 = {o.id for o in DS.officials_of("RU", on="2019-08-09", certain=True)}
    assert {"yuri-chaika", "nikolai-patrushev"} <= ru_2019
    assert "vladimir-ustinov" not in ru_2019


def test_the_chair_of_the_cis_interior_ministers_passes_at_sessions() -> None:
    chairs = [
        (o.id, str(p.start), str(p.end))
        for o in DS.officials
        for p in o.positions
        if p.organization == "cis-cmia" and p.start is not None
    ]
    assert ("kalmukhanbet-kassymov", "2013-09-10?", "2014-09-04?") in chairs
    assert ("vladimir-kolokoltsev", "2016-09-06", "2017-06-28?") in chairs
    assert ("vladimir-kolokoltsev", "2025-08-12", "None") in chairs
    assert len(chairs) >= 8


def test_one_chair_of_the_cis_interior_ministers_at_a_time() -> None:
    assert ["vladimir-kolokoltsev"] == [
        t.official.id for t in DS.holders_of("cis-cmia-chair", on="2025-12-01")
    ]
    assert [] == list(DS.holders_of("cis-cmia-chair", on="2019-06-01"))
    assert ["ivan-kubrakov"] == [
        t.official.id for t in DS.holders_of("cis-cmia-chair", on="2025-01-15", certain=True)
    ]


def test_the_rats_council_series() -> None:
    rats = DS.meetings_of("RATS Council")
    assert len(rats) >= 20
    assert all(m.organization == "sco-rats-council" for m in rats)
    assert "sco-regional-anti-terrorist-structure" == DS.organization("sco-rats-council").parent
    undescribed = [m for m in rats if m.date is None]
    assert all(m.note for m in undescribed)


def test_no_cell_of_the_bundled_data_could_be_read_as_a_spreadsheet_formula() -> None:
    from scocoop._views.tables import TABLES, rows

    starts = ("=", "+", "-", "@")
    found = [
        (table.name, column, value)
        for table in TABLES
        for row in rows(DS, table.name)
        for column, value in row.items()
        if isinstance(value, str) and value.startswith(starts)
    ]
    assert [] == found


# Answers a researcher can trust (topics, attendance, terms, names).


def _own_topics(text: str) -> set[str]:
    """The topics whose label or a synonym (four letters or more) the text names as words."""
    import re

    folded = text.casefold()
    found = set()
    for topic in scocoop.topics():
        for name in (topic.label, *topic.synonyms):
            if len(name) >= 4 and re.search(r"(?<!\w)" + re.escape(name.casefold()) + r"(?!\w)", folded):
                found.add(topic.id)
    return found


def _carries(tags: tuple[str, ...], topic: str) -> bool:
    vocabulary = scocoop.topics()
    return any(t == topic or t in vocabulary.narrower(topic) for t in tags)


def test_every_record_carries_the_topics_its_own_text_names() -> None:
    missing = [
        (c.id, topic)
        for c in DS.commitments
        for topic in _own_topics(" ".join(filter(None, (c.title, c.summary))))
        if not _carries(c.topics, topic)
    ]
    missing += [
        (m.id, topic) for m in DS.meetings for topic in _own_topics(m.name) if not _carries(m.topics, topic)
    ]
    assert [] == missing


def test_terrorist_use_of_the_internet_finds_the_rats_council_documents_on_it() -> None:
    found = {c.id for c in DS.initiatives_on("terrorist use of the internet")}
    assert {
        "sco-rats-council-24-regulation",  # the unified register of such internet resources
        "sco-rats-council-24-regulation-2",  # the mechanism for stopping such use
        "sco-rats-council-32-decision",  # Xiamen-2017
        "sco-rats-council-39-decision",  # the joint information campaign
        "sco-prosecutors-general-16-internet-terrorism-document",
    } <= found


def test_every_record_without_a_topic_is_listed_in_the_coverage_report() -> None:
    untagged = [m.id for m in DS.meetings if not m.topics] + [c.id for c in DS.commitments if not c.topics]
    assert [] == [i for i in untagged if f"`{i}`" not in COVERAGE_PAGE]


def test_no_state_recorded_absent_is_counted_as_taking_part() -> None:
    absences = [(m.id, a.country) for m in DS.meetings for a in m.absences]
    assert ("csto-cssc-2023-11-minsk", "AM") in absences
    for meeting_id, country in absences:
        assert meeting_id not in {m.id for m in DS.meetings_by_country(country)}
        assert meeting_id in {m.id for m in DS.absences_of(country)}


def test_armenia_froze_its_csto_participation_and_uzbekistan_was_suspended() -> None:
    assert "AM" in DS.members_of("CSTO", on="2025-01-01")
    assert "AM" not in DS.members_of("CSTO", on="2025-01-01", taking_part=True)
    assert "UZ" not in DS.members_of("CSTO", on="2015-01-01")
    assert ("UZ",) == DS.members_of("CSTO", on="2015-01-01", status="suspended")
    georgia = next(m for m in DS.organization("cis").memberships if m.country == "GE")
    assert ("2008-08-18", "2009-08-18") == (str(georgia.notice), str(georgia.end))


def test_a_complete_participant_list_accounts_for_every_member_and_a_list_not_stated_names_none() -> None:
    from scocoop import ParticipantList

    for m in DS.meetings:
        countries = set(m.countries)
        if m.participant_list is ParticipantList.NOT_STATED:
            assert not countries, m.id
        else:
            assert countries, m.id
        if m.participant_list is ParticipantList.COMPLETE and m.organization and m.date:
            try:
                members = set(DS.members_of(m.organization, on=str(m.date)))
            except scocoop.NotRecordedError:
                continue
            # A member missing from a complete list stayed away, or the note says why it is not listed.
            absent = {a.country for a in m.absences}
            unexplained = [
                c
                for c in sorted(members - countries - absent)
                if c not in (m.note or "") and scocoop.country_name(c) not in (m.note or "")
            ]
            assert [] == unexplained, m.id


def test_one_holder_of_a_post_at_a_time() -> None:
    import datetime

    found = []
    for post in DS.posts():
        terms = sorted(
            (t for t in DS.holders_of(post) if t.position.start is not None),
            key=lambda t: t.position.start.earliest,  # type: ignore[union-attr]
        )
        for a, b in itertools.combinations(terms, 2):
            last = a.position.end or a.position.ended_by
            ends = last.earliest if last else datetime.date.max
            begins = b.position.start.latest  # type: ignore[union-attr]
            if ends > begins + datetime.timedelta(days=1):
                found.append((post, a.official.id, b.official.id))
    assert [] == found


def test_rats_and_its_names_in_russian_find_the_councils_sessions() -> None:
    council = {m.id for m in DS.meetings_of("RATS Council")}
    assert len(council) >= 20
    for name in ("RATS", "Regional Anti-Terrorist Structure", "РАТС", "SCO RATS"):
        assert council <= {m.id for m in DS.meetings_of(name)}, name


def test_one_spelling_per_city_and_no_venue_in_a_city_name() -> None:
    import re

    def key(city: str) -> str:
        return re.sub(r"[^a-z]", "", city.casefold().replace("saint", "st"))

    spellings: dict[str, set[str]] = {}
    for m in DS.meetings:
        if m.place is not None:
            spellings.setdefault(key(m.place.city), set()).add(m.place.city)
            assert "(" not in m.place.city, m.id
    assert [] == [s for s in spellings.values() if len(s) > 1]
    assert not {"Nur-Sultan", "St Petersburg"} & {c for s in spellings.values() for c in s}


def test_one_name_per_publisher() -> None:
    import re

    # A qualifier follows the name in parentheses ("Xinhua (Russian)"), never after a comma.
    qualified_after_comma = [
        s.publisher
        for s in DS.sources
        if s.publisher
        and re.search(r", (citing|relaying|reposting|reprinting|from) ", s.publisher.split(" (")[0])
    ]
    assert [] == qualified_after_comma
    names: dict[str, set[str]] = {}
    for s in DS.sources:
        if s.publisher:
            base = s.publisher.split(" (")[0]
            names.setdefault(re.sub(r"\W", "", base.casefold()), set()).add(base)
    assert [] == [n for n in names.values() if len(n) > 1]


def _coverage_line(instrument: scocoop.Instrument) -> str:
    """The coverage page's line for an instrument: whose steps are recorded, which members' were not found."""
    in_force = f", in force from {instrument.entry_into_force}" if instrument.entry_into_force else ""
    if (
        instrument.kind.value in ("programme", "strategy", "concept")
        and instrument.binding is False
        and not instrument.events
    ):
        adopted = f"- `{instrument.id}` (adopted {instrument.signed}{in_force})"
        return f"{adopted}: a programme adopted by decision; no state's steps apply."
    have = sorted({e.country for e in instrument.events})
    # Without a recorded signature date, the members when it entered into force.
    day = instrument.signed or instrument.entry_into_force
    members = DS.members_of(instrument.organization, on=day) if instrument.organization else ()
    missing = [c for c in sorted(members) if c not in have]
    tail = f"not found for {', '.join(missing)}." if missing else "every member then has some."
    recorded = ", ".join(have) if have else "no state"
    signed = f"signed {instrument.signed}" if instrument.signed else "date of signature not recorded"
    return f"- `{instrument.id}` ({signed}{in_force}): steps recorded for {recorded}; {tail}"


def test_the_coverage_report_lists_each_instrument_as_the_data_has_it() -> None:
    events = [e for i in DS.instruments for e in i.events]
    inferred = sum(e.inferred for e in events)
    assert (
        f"{len(DS.instruments)} instruments with {len(events)} recorded steps of states ({inferred} inferred)"
        in COVERAGE_PAGE
    )
    for instrument in DS.instruments:
        assert _coverage_line(instrument) in COVERAGE_PAGE.splitlines()


def test_every_instrument_step_cites_its_evidence_and_is_in_the_coverage_report() -> None:
    assert DS.instruments
    for instrument in DS.instruments:
        assert f"`{instrument.id}`" in COVERAGE_PAGE, instrument.id
        for event in instrument.events:
            assert event.sources, (instrument.id, event.country, event.kind.value)
            assert not event.inferred or event.note, (instrument.id, event.country, event.kind.value)


def test_the_coverage_report_lists_every_recorded_absence() -> None:
    absences = [(a.country, m.id) for m in DS.meetings for a in m.absences]
    paragraph = COVERAGE_PAGE[
        COVERAGE_PAGE.index("**Absences.**") : COVERAGE_PAGE.index("An absence is never counted")
    ]
    assert f"**Absences.** {len(absences)} absences are recorded" in paragraph
    for country, meeting in absences:
        listed = paragraph[paragraph.index(f"{country}: ") :].split(". ", 1)[0]
        assert f"`{meeting}`" in listed, (country, meeting)


def test_every_signature_is_by_a_state_with_a_standing_in_the_organization_that_day() -> None:
    signing = [
        (i.id, i.organization, e.country, e.date)
        for i in DS.instruments
        # The memoranda of obligations are signed by candidates before they join.
        if i.kind.value != "memorandum"
        for e in i.events
        if e.kind.value in ("signature", "non_signature")
    ]
    assert signing
    outside = [
        (instrument, country, str(day))
        for instrument, organization, country, day in signing
        if organization is not None
        and day is not None
        and not any(
            m.country == country and m.in_effect(day.earliest, day.latest)
            for m in DS.organization(organization).memberships
        )
    ]
    assert [] == outside
