"""The dataset as Popolo JSON (https://www.popoloproject.com)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from scocoop._core.dates import PartialDate
from scocoop._countries.codes import country_name
from scocoop._model.records import Citation, Commitment, Meeting, Official, Organization, Source

if TYPE_CHECKING:
    from scocoop._dataset.dataset import Dataset

__all__ = ["popolo"]

Item = dict[str, Any]


def _popolo_date(date: PartialDate) -> str:
    # Popolo dates have no qualifiers: the day, month or year as stated; the
    # EDTF form with its flag is kept beside it where it has one.
    return str(date).rstrip("?~%")


def _dates(start_name: str, start: PartialDate | None, end: PartialDate | None) -> dict[str, str]:
    found: dict[str, str] = {}
    for name, date in ((start_name, start), ("end_date", end)):
        if date is not None:
            found[name] = _popolo_date(date)
            if date.uncertain or date.approximate:
                found[f"{name}_edtf"] = str(date)
    return found


def _links(citations: tuple[Citation, ...], sources: dict[str, Source]) -> list[dict[str, str]]:
    links = []
    for citation in citations:
        source = sources[citation.source]
        described = ", ".join(
            part for part in (source.title, source.publisher, str(source.published or "")) if part
        )
        note = described + (f": “{citation.quote}”" if citation.quote else "")
        if citation.note:
            note += f" ({citation.note})"
        links.append({"url": source.url or f"urn:scocoop:source:{source.id}", "note": note})
    return links


def _country_id(code: str) -> str:
    return f"country:{code}"


class _Builder:
    """Popolo items, built record by record, with the countries they mention."""

    def __init__(self, dataset: Dataset) -> None:
        self.sources = {s.id: s for s in dataset.sources}
        self.names = {o.id: o.name for o in dataset.officials}
        self.meetings = {m.id: m for m in dataset.meetings}
        self.countries: set[str] = set()
        self.memberships: list[Item] = []

    def person(self, official: Official) -> Item:
        self.countries.add(official.country)
        person: Item = {"id": official.id, "name": official.name}
        if official.aliases:
            person["other_names"] = [{"name": alias} for alias in official.aliases]
        person["national_identity"] = country_name(official.country)
        person["sources"] = _links(official.sources, self.sources)
        for index, post in enumerate(official.positions):
            membership: Item = {"id": f"{official.id}#post{index}", "person_id": official.id}
            if post.organization:
                membership["organization_id"] = post.organization
            membership["role"] = post.title
            membership.update(_dates("start_date", post.start, post.end))
            # A post has no sources of its own: those of the official attest it.
            membership["sources"] = _links(official.sources, self.sources)
            self.memberships.append(membership)
        return person

    def organization(self, org: Organization) -> Item:
        item: Item = {"id": org.id, "name": org.name, "classification": org.kind.value}
        other_names = [{"name": org.abbreviation, "note": "abbreviation"}] if org.abbreviation else []
        other_names.extend({"name": alias} for alias in org.aliases)
        if other_names:
            item["other_names"] = other_names
        if org.parent:
            item["parent_id"] = org.parent
        if org.country:
            self.countries.add(org.country)
            item["area_id"] = _country_id(org.country)
        if org.founded:
            item.update(_dates("founding_date", org.founded, None))
        item["sources"] = _links(org.sources, self.sources)
        for index, standing in enumerate(org.memberships):
            self.countries.add(standing.country)
            self.memberships.append(
                {
                    "id": f"{org.id}#{index}",
                    "label": f"{country_name(standing.country)}: {standing.status.value}",
                    "role": standing.status.value,
                    "member": {"@type": "Organization", "id": _country_id(standing.country)},
                    "organization_id": org.id,
                    **_dates("start_date", standing.start, standing.end),
                    "sources": _links(standing.sources, self.sources),
                }
            )
        return item

    def event(self, meeting: Meeting) -> Item:
        event: Item = {"id": meeting.id, "name": meeting.name, "classification": "meeting"}
        event.update(_dates("start_date", meeting.date, meeting.end_date))
        if meeting.place:
            self.countries.add(meeting.place.country)
            event["location"] = f"{meeting.place.city}, {country_name(meeting.place.country)}"
        if meeting.organization:
            event["organization_id"] = meeting.organization
        if meeting.held_during:
            event["parent_id"] = meeting.held_during
        attendees = [p.official for p in meeting.participants if p.official]
        if attendees:
            event["attendees"] = [{"id": i, "name": self.names[i]} for i in dict.fromkeys(attendees)]
        participants = []
        for p in meeting.participants:
            if p.country:
                self.countries.add(p.country)
            entry: dict[str, str | bool | None] = {
                "organization_id": _country_id(p.country) if p.country else p.organization,
                "status": p.status.value if p.status else None,
                "person_id": p.official,
                "role": p.role,
                "inferred": p.inferred,
            }
            participants.append({k: v for k, v in entry.items() if v is not None})
        if participants:
            event["participants"] = participants
        event["sources"] = _links(meeting.sources, self.sources)
        return event

    def motion(self, commitment: Commitment) -> Item:
        motion: Item = {
            "id": commitment.id,
            "classification": commitment.kind.value,
            "text": commitment.title + (f". {commitment.summary}" if commitment.summary else ""),
            "result": commitment.status.value,
        }
        if commitment.date:
            motion.update(_dates("date", commitment.date, None))
        if commitment.meeting:
            motion["legislative_session_id"] = commitment.meeting
            organization = self.meetings[commitment.meeting].organization
            if organization:
                motion["organization_id"] = organization
        if commitment.proposed_by:
            motion["creator_id"] = commitment.proposed_by
        if commitment.parties:
            self.countries.update(commitment.parties)
            motion["parties"] = [_country_id(code) for code in commitment.parties]
        motion["sources"] = _links(commitment.sources, self.sources)
        return motion

    def country_organizations(self) -> list[Item]:
        return [
            {
                "id": _country_id(code),
                "name": country_name(code),
                "classification": "country",
                "identifiers": [{"scheme": "ISO 3166-1 alpha-2", "identifier": code}],
            }
            for code in sorted(self.countries)
        ]


def popolo(dataset: Dataset) -> dict[str, Any]:
    """The dataset as Popolo JSON: persons, organizations, memberships, events and motions.

    Officials are persons; organizations keep their kind as ``classification``;
    countries appear as organizations with ids ``country:KZ``; countries'
    standing in organizations and officials' posts are memberships; meetings
    are events, with officials as ``attendees`` and every participant (with
    its capacity) under ``participants``; commitments are motions (kind as
    ``classification``, status as ``result``, the meeting as
    ``legislative_session_id``, parties under ``parties``).  Every item keeps its sources as
    Popolo links whose note holds the verbatim quote; a source without an
    address is named ``urn:scocoop:source:ID``.  Qualified dates (``2013-09-10?``)
    are given plainly as Popolo requires, with the EDTF form in ``*_date_edtf``.
    """
    build = _Builder(dataset)
    persons = [build.person(o) for o in dataset.officials]
    organizations = [build.organization(o) for o in dataset.organizations]
    events = [build.event(m) for m in dataset.meetings]
    motions = [build.motion(c) for c in dataset.commitments]
    organizations.extend(build.country_organizations())
    return {
        "persons": persons,
        "organizations": organizations,
        "memberships": build.memberships,
        "events": events,
        "motions": motions,
    }
