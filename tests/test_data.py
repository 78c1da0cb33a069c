"""The bundled dataset follows its editorial policy (docs/dataset.md)."""

from __future__ import annotations

from collections.abc import Iterator

import scocoop
from scocoop import Citation, MembershipStatus, ParticipantStatus

DS = scocoop.load()
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


def test_every_source_but_the_bundled_ones_has_an_address() -> None:
    for source in DS.sources:
        assert source.id in BUNDLED_SOURCES or source.url, source.id


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
        assert meeting.place is not None, meeting.id
        if meeting.date is None:
            assert meeting.note, meeting.id
            assert "Undated" in meeting.note, meeting.id


def test_every_official_has_a_country_and_a_post() -> None:
    for official in DS.officials:
        assert official.country
        assert official.positions, official.id


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


def test_a_capacity_is_stated_exactly_where_a_body_met() -> None:
    for meeting in DS.meetings:
        for p in meeting.participants:
            if meeting.organization is None:
                assert p.status is None, meeting.id
            elif p.country is not None:
                assert p.status is not None, (meeting.id, p.country)


def test_participant_capacities_agree_with_the_membership_history() -> None:
    capacity = {
        ParticipantStatus.MEMBER: MembershipStatus.MEMBER,
        ParticipantStatus.OBSERVER: MembershipStatus.OBSERVER,
        ParticipantStatus.DIALOGUE_PARTNER: MembershipStatus.DIALOGUE_PARTNER,
    }
    checked = 0
    for meeting in DS.meetings:
        if meeting.organization is None or meeting.date is None:
            continue
        for p in meeting.participants:
            if p.country is None or p.status not in capacity:
                continue
            standing = capacity[p.status]
            if not DS.members_of(meeting.organization, status=None):
                continue
            members = DS.members_of(meeting.organization, on=meeting.date, status=standing)
            assert p.country in members, (meeting.id, p.country, p.status)
            checked += 1
    assert checked >= 30


def test_ids_are_readable_and_stable_in_form() -> None:
    for record in DS:
        assert record.id == record.id.lower()
        assert len(record.id) <= 60, record.id


def test_data_version_is_set() -> None:
    assert DS.data_version
