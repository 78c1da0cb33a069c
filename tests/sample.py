"""A small hand-written dataset with the shapes queries must handle."""

from __future__ import annotations

from scocoop import (
    Citation,
    Commitment,
    CommitmentKind,
    CommitmentStatus,
    Dataset,
    Meeting,
    Membership,
    MembershipStatus,
    Official,
    Organization,
    OrganizationKind,
    PartialDate,
    Participant,
    ParticipantStatus,
    Place,
    Position,
    Source,
)

P = PartialDate.parse
CITE = (Citation(source="report", quote="They met."),)


def sample_dataset() -> Dataset:
    return Dataset(
        data_version="test",
        sources=[Source(id="report", title="A report", publisher="Agency", published=P("2018-09-21"))],
        organizations=[
            Organization(
                id="sco",
                name="Shanghai Cooperation Organisation",
                abbreviation="SCO",
                kind=OrganizationKind.INTERGOVERNMENTAL_ORGANIZATION,
                memberships=[
                    Membership(country="KZ", start=P("2001-06-15")),
                    Membership(country="CN", start=P("2001-06-15")),
                    Membership(
                        country="IN",
                        status=MembershipStatus.OBSERVER,
                        start=P("2005-07"),
                        end=P("2017-06-09"),
                    ),
                    Membership(country="IN", start=P("2017-06-09")),
                    Membership(country="MN", status=MembershipStatus.OBSERVER, start=P("2004-06")),
                ],
                sources=CITE,
            ),
            Organization(
                id="sco-pg",
                name="Meeting of Prosecutors General",
                kind=OrganizationKind.BODY,
                parent="sco",
                aliases=["SCO prosecutors general"],
            ),
            Organization(
                id="cis",
                name="Commonwealth of Independent States",
                abbreviation="CIS",
                kind=OrganizationKind.INTERGOVERNMENTAL_ORGANIZATION,
            ),
        ],
        officials=[
            Official(
                id="assanov",
                name="Zhakip Assanov",
                country="KZ",
                aliases=["Жақып Асанов"],
                positions=[Position(title="Prosecutor General", start=P("2016"), end=P("2019-06"))],
                sources=CITE,
            ),
            Official(
                id="cao",
                name="Cao Jianming",
                country="CN",
                aliases=["曹建明"],
                positions=[Position(title="Prosecutor General")],
            ),
        ],
        meetings=[
            Meeting(
                id="pg-14",
                name="14th meeting",
                organization="sco-pg",
                edition=14,
                date=P("2016-11-30"),
                place=Place(city="Sanya", country="CN"),
                participants=[
                    Participant(country="KZ", official="assanov"),
                    Participant(country="CN", official="cao"),
                    Participant(country="MN", status=ParticipantStatus.OBSERVER),
                ],
                topics=["terrorism", "extremism"],
                sources=CITE,
            ),
            Meeting(
                id="pg-16",
                name="16th meeting",
                organization="sco-pg",
                edition=16,
                date=P("2018-09?"),
                place=Place(city="Dushanbe", country="TJ"),
                participants=[Participant(country="KZ"), Participant(country="IN")],
                topics=["cyberterrorism"],
                sources=CITE,
            ),
            Meeting(
                id="summit",
                name="Summit",
                organization="sco",
                date=P("2018-06-09"),
                end_date=P("2018-06-10"),
                place=Place(city="Qingdao", country="CN"),
                participants=[
                    Participant(country="CN"),
                    Participant(country="IN", status=ParticipantStatus.MEMBER),
                ],
                sources=CITE,
            ),
            Meeting(
                id="cis-first",
                name="First meeting",
                organization="cis",
                place=Place(city="Almaty", country="KZ"),
                participants=[Participant(country="KZ", inferred=True, note="Host")],
            ),
        ],
        commitments=[
            Commitment(
                id="internet-document",
                kind=CommitmentKind.PROPOSAL,
                status=CommitmentStatus.PROPOSED,
                title="Joint legal document on terrorism on the Internet",
                meeting="pg-16",
                date=P("2018-09?"),
                proposed_by="assanov",
                parties=["KZ"],
                topics=["cyberterrorism"],
                sources=CITE,
            ),
            Commitment(
                id="protocol-14",
                kind=CommitmentKind.PROTOCOL,
                status=CommitmentStatus.SIGNED,
                title="Protocol",
                meeting="pg-14",
                date=P("2016-11-30"),
                parties=["CN", "KZ"],
                topics=["terrorism"],
                sources=CITE,
            ),
            Commitment(
                id="cyber-pact",
                kind=CommitmentKind.AGREEMENT,
                status=CommitmentStatus.AGREED,
                title="Cybercrime pact",
                topics=["cybercrime"],
                sources=CITE,
            ),
        ],
    )
