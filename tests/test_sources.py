"""The key facts of each source document, checked against the bundled dataset.

One class per source: what a reviewer reading the document beside the data
would check first.
"""

from __future__ import annotations

import scocoop
from scocoop import CommitmentKind, CommitmentStatus, ParticipantStatus

DS = scocoop.load()


def participants(meeting_id: str) -> dict[str, set[str]]:
    """Country code -> capacities at a meeting."""
    found: dict[str, set[str]] = {}
    for p in DS.meeting(meeting_id).participants:
        if p.country:
            found.setdefault(p.country, set()).add(p.status.value if p.status else "")
    return found


def officials_at(meeting_id: str) -> set[str]:
    return {p.official for p in DS.meeting(meeting_id).participants if p.official}


class TestSCOInteriorMinisters2022:
    """Kazinform, 2022-08-18: the 4th SCO interior ministers' meeting in Tashkent."""

    def test_the_meeting(self) -> None:
        m = DS.meeting("sco-interior-ministers-4")
        assert (4, "2022-08-18", "Tashkent", "UZ") == (m.edition, str(m.date), m.place.city, m.place.country)  # type: ignore[union-attr]
        assert "sco-interior-ministers" == m.organization
        assert "sco" == DS.organization("sco-interior-ministers").parent

    def test_akhmetzhanov_attended_and_public_pages_name_three_more_heads(self) -> None:
        # The Kazinform report names Akhmetzhanov alone; public pages name the
        # Tajik, Uzbek and Indian heads of delegation.
        assert {
            "marat-akhmetzhanov",
            "ramazon-rahimzoda",
            "pulat-bobojonov",
            "nityanand-rai",
        } == officials_at("sco-interior-ministers-4")

    def test_topics(self) -> None:
        assert {
            "extremism",
            "human-trafficking",
            "arms-trafficking",
            "organized-crime",
            "drug-trafficking",
            "cybercrime",
        } <= set(DS.meeting("sco-interior-ministers-4").topics)

    def test_proposals_endorsed_and_protocol_signed(self) -> None:
        proposals = DS.commitment("sco-interior-ministers-4-kz-proposals")
        assert (CommitmentKind.PROPOSAL, CommitmentStatus.ENDORSED, "marat-akhmetzhanov") == (
            proposals.kind,
            proposals.status,
            proposals.proposed_by,
        )
        assert {"organized-crime", "drug-trafficking", "cybercrime"} == set(proposals.topics)
        protocol = DS.commitment("sco-interior-ministers-4-protocol")
        assert (CommitmentKind.PROTOCOL, CommitmentStatus.SIGNED) == (protocol.kind, protocol.status)

    def test_the_samarkand_summit_it_mentions(self) -> None:
        m = DS.meeting("sco-heads-of-state-2022-samarkand")
        assert ("2022-09-15", "2022-09-16", "Samarkand") == (str(m.date), str(m.end_date), m.place.city)  # type: ignore[union-attr]

    def test_the_charter_is_dated_by_its_entry_into_force(self) -> None:
        # The report gives 2002 (signature); public record gives the Charter's
        # own dates, and its status now is in force.
        charter = DS.commitment("sco-charter")
        assert ("2003-09-19", CommitmentStatus.IN_FORCE) == (str(charter.date), charter.status)
        assert charter.note is not None
        assert "7 June 2002" in charter.note


class TestCentralAsianInteriorMinisters2019:
    """Kazinform, 2019-08-09: the II Conference of interior ministers in Almaty."""

    def test_the_meeting_is_dated_by_the_report_and_flagged_uncertain(self) -> None:
        m = DS.meeting("central-asia-interior-ministers-2")
        assert (2, "2019-08-09", "Almaty") == (m.edition, str(m.date), m.place.city)  # type: ignore[union-attr]

    def test_four_countries_and_their_named_officials(self) -> None:
        assert {"KZ", "KG", "TJ", "UZ"} == set(participants("central-asia-interior-ministers-2"))
        assert {
            "yerlan-turgumbayev",
            "ramazon-rahimzoda",
            "pulat-bobojonov",
            "aziz-dolosbayev",
        } == officials_at("central-asia-interior-ministers-2")

    def test_names_in_given_name_order_with_the_source_spelling_kept(self) -> None:
        rahimzoda = DS.official("ramazon-rahimzoda")
        assert "Ramazon Hamro Rahimzoda" == rahimzoda.name
        assert "Rahimzoda Ramazon Hamro" in rahimzoda.aliases
        assert "Pulat Bobozhonov" in DS.official("pulat-bobojonov").aliases

    def test_topics_and_the_protocol(self) -> None:
        assert {"illegal-migration", "fugitive-search", "property-crime", "border-security"} <= set(
            DS.meeting("central-asia-interior-ministers-2").topics
        )
        assert CommitmentStatus.SIGNED == DS.commitment("central-asia-interior-ministers-2-protocol").status

    def test_the_2018_heads_of_state_meeting_is_placed_in_astana_not_nur_sultan(self) -> None:
        m = DS.meeting("central-asia-heads-of-state-2018-astana")
        assert ("2018-03-15", "Astana") == (str(m.date), m.place.city)  # type: ignore[union-attr]
        assert "Nur-Sultan" in (m.note or "")


class TestSCOProsecutorsGeneral2018:
    """BNews.kz, 2018-09-21: the 16th SCO prosecutors general meeting in Dushanbe."""

    def test_the_meeting_is_month_precise_and_uncertain(self) -> None:
        m = DS.meeting("sco-prosecutors-general-16")
        assert (16, "2018-09-20", "Dushanbe", "TJ") == (m.edition, str(m.date), m.place.city, m.place.country)  # type: ignore[union-attr]

    def test_the_named_member_states_attended_as_members(self) -> None:
        found = participants("sco-prosecutors-general-16")
        assert {"KZ", "RU", "CN", "IN", "KG", "TJ", "UZ", "PK"} == set(found)
        assert all(s == {"member"} for s in found.values())

    def test_the_internet_terrorism_proposal_and_the_agreement(self) -> None:
        proposal = DS.commitment("sco-prosecutors-general-16-internet-terrorism-document")
        assert ("kairat-kozhamzharov", CommitmentStatus.PROPOSED) == (proposal.proposed_by, proposal.status)
        assert "cyberterrorism" in proposal.topics
        agreement = DS.commitment("sco-prosecutors-general-16-joint-efforts")
        assert {
            "extremism",
            "terrorism",
            "separatism",
            "drug-trafficking",
            "human-trafficking",
            "money-laundering",
        } == set(agreement.topics)

    def test_the_code_for_a_world_free_from_terrorism(self) -> None:
        code = DS.commitment("code-world-free-from-terrorism")
        assert ("nursultan-nazarbayev", "2018-09-28", "KZ") == (
            code.proposed_by,
            str(code.date),
            code.proposer,
        )


class TestCISInteriorMinisters2013:
    """Undated report: the CIS Council of Ministers of Internal Affairs in Astana."""

    def test_the_public_copy_dates_the_report_so_the_day_is_certain(self) -> None:
        m = DS.meeting("cis-cmia-2013-astana")
        assert ("2013-09-10", "Astana") == (str(m.date), m.place.city)  # type: ignore[union-attr]
        source = DS.source("report-2013-cis-cmia-astana")
        assert ("The Astana Times", "2013-09") == (source.publisher, str(source.published))
        assert (source.url or "").startswith("https://astanatimes.com/2013/09/")

    def test_every_source_document_has_its_public_address(self) -> None:
        documents = [
            s
            for s in DS.sources
            if any(c.quote for r in DS for c in getattr(r, "sources", ()) if c.source == s.id)
        ]
        assert 5 == len(documents)
        assert all(s.url for s in documents)

    def test_the_cmia_belongs_to_the_cis_with_its_ten_members_and_turkmenistan(self) -> None:
        assert "cis" == DS.organization("cis-cmia").parent
        assert ("AM", "AZ", "BY", "KG", "KZ", "MD", "RU", "TJ", "UA", "UZ") == DS.members_of(
            "CMIA", on="2013-09-10"
        )
        assert ("TM",) == DS.members_of("CMIA", status="participant")
        assert "1996" == str(DS.organization("cis-cmia").founded)

    def test_attendance_by_all_members_is_inferred_and_the_bodies_attended(self) -> None:
        m = DS.meeting("cis-cmia-2013-astana")
        others = [p for p in m.participants if p.country not in (None, "KZ")]
        assert 9 == len(others)
        assert all(p.inferred for p in others)
        bodies = {p.organization for p in m.participants if p.status is ParticipantStatus.BODY}
        assert {"cis-bkbop", "cis-atc"} == bodies

    def test_kassymov_and_nazarbayev(self) -> None:
        assert {"kalmukhanbet-kassymov", "nursultan-nazarbayev"} <= officials_at("cis-cmia-2013-astana")
        nazarbayev = [
            p for p in DS.meeting("cis-cmia-2013-astana").participants if p.official == "nursultan-nazarbayev"
        ]
        assert [ParticipantStatus.SPEAKER] == [p.status for p in nazarbayev]
        titles = [p.title for p in DS.official("kalmukhanbet-kassymov").positions]
        assert "Chairperson of the CIS Council of Ministers of Internal Affairs" in titles

    def test_commitments(self) -> None:
        def status(cid: str) -> CommitmentStatus:
            return DS.commitment(cid).status

        assert CommitmentStatus.ADOPTED == status("cis-cmia-concept-2020")
        assert CommitmentStatus.DRAFT == status("cis-cmia-international-search-procedure")
        assert CommitmentStatus.DRAFT == status("cis-cmia-scientific-advisory-board-regulation")
        # Instruments carry their own status and date; the Astana session only discussed them.
        assert CommitmentStatus.ADOPTED == status("cis-programme-combat-crime-2014-2018")
        assert "2013-10-25" == str(DS.commitment("cis-programme-combat-crime-2014-2018").date)
        assert CommitmentStatus.DRAFT == status("cis-programme-drugs-2014-2018")
        minors = DS.commitment("cis-agreement-return-of-minors")
        assert (CommitmentStatus.SIGNED, "2002-10-07", None) == (
            minors.status,
            str(minors.date),
            minors.meeting,
        )
        assert ("cis-cmia-2013-astana",) == minors.discussed_at
        assert "nursultan-nazarbayev" == DS.commitment("cis-interpol-analogue").proposed_by

    def test_the_first_cis_meeting_in_almaty_is_kept_undated(self) -> None:
        m = DS.meeting("cis-interior-ministers-first-almaty")
        assert (None, "Almaty") == (m.date, m.place.city)  # type: ignore[union-attr]


class TestSCOProsecutorsGeneral2016:
    """General Prosecutor's Office of Kazakhstan, 2016-11-30: the 14th meeting in Sanya."""

    def test_the_meeting(self) -> None:
        m = DS.meeting("sco-prosecutors-general-14")
        assert (14, "2016-11-29", "2016-11-30", "Sanya", "CN") == (
            m.edition,
            str(m.date),
            str(m.end_date),
            m.place.city,  # type: ignore[union-attr]
            m.place.country,  # type: ignore[union-attr]
        )
        assert ("CN", "CN") == (m.chair, m.host)

    def test_members_and_observers(self) -> None:
        found = participants("sco-prosecutors-general-14")
        assert {c for c, s in found.items() if "member" in s} == {"CN", "KG", "KZ", "RU", "TJ", "UZ"}
        assert {c for c, s in found.items() if "observer" in s} == {"BY", "IR", "MN", "PK"}
        as_observer = [m.id for m in scocoop.meetings_by_country("Pakistan", status="observer")]
        assert "sco-prosecutors-general-14" in as_observer
        assert all(str(DS.meeting(i).date) < "2017-06-09" for i in as_observer)

    def test_the_bilateral_meeting_with_cao_jianming(self) -> None:
        m = DS.meeting("prosecutors-general-cn-kz-2016-sanya")
        assert "sco-prosecutors-general-14" == m.held_during
        assert {"zhakip-assanov", "cao-jianming"} == officials_at(m.id)
        assert {"CN", "KZ"} == set(DS.commitment("prosecutors-general-cn-kz-2016-joint-activities").parties)

    def test_the_protocol_was_signed_by_the_member_states(self) -> None:
        protocol = DS.commitment("sco-prosecutors-general-14-protocol")
        assert (CommitmentStatus.SIGNED, ("CN", "KG", "KZ", "RU", "TJ", "UZ")) == (
            protocol.status,
            protocol.parties,
        )
