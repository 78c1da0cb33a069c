"""Exports: CSV with a Frictionless descriptor, canonical JSON with its schema, Popolo, Parquet.

Every export builds all of its files in memory first and then writes each
one atomically, so that a failure leaves no half-written file behind.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from scocoop._countries import country_name
from scocoop._dates import EDTF_FORM, PartialDate
from scocoop._extras import require
from scocoop._io import dumps, write_atomically
from scocoop._model import Citation, Source
from scocoop._schema import json_schema
from scocoop._tables import TABLES, Column, Value, rows

if TYPE_CHECKING:
    from scocoop._dataset import Dataset

__all__ = ["FORMATS", "export", "popolo"]

_LICENSE = {
    "name": "CC-BY-4.0",
    "title": "Creative Commons Attribution 4.0 International",
    "path": "https://creativecommons.org/licenses/by/4.0/",
}


def _dumps_json(value: Any) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


# CSV and its Frictionless Data Package descriptor.


def _cell(value: Value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _field(column: Column) -> dict[str, Any]:
    field: dict[str, Any] = {"name": column.name, "description": column.description}
    if column.kind == "date":
        field["type"] = "string"
        field["format"] = "default"
        field["description"] += "; EDTF: ? uncertain, ~ approximate, % both"
        field["constraints"] = {"pattern": EDTF_FORM}
    else:
        field["type"] = column.kind
    if column.kind == "boolean":
        field["trueValues"] = ["true"]
        field["falseValues"] = ["false"]
    if column.required:
        field.setdefault("constraints", {})["required"] = True
    return field


def _descriptor(dataset: Dataset) -> dict[str, Any]:
    resources = []
    for table in TABLES:
        schema: dict[str, Any] = {
            "fields": [_field(c) for c in table.columns],
            "missingValues": [""],
            "primaryKey": list(table.key),
        }
        if table.references:
            schema["foreignKeys"] = [
                {
                    "fields": column,
                    # The Data Package convention: an empty name refers to this resource.
                    "reference": {"resource": "" if other == table.name else other, "fields": key},
                }
                for column, other, key in table.references
            ]
        resources.append(
            {
                "name": table.name,
                "path": f"{table.name}.csv",
                "title": table.description,
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": schema,
            }
        )
    descriptor: dict[str, Any] = {
        "profile": "tabular-data-package",
        "name": "scocoop",
        "title": "scocoop: security cooperation in the SCO, the CIS and Central Asia",
        "description": (
            "Meetings, officials, organizations and commitments, each with its sources and verbatim "
            "quotes. Dates are EDTF strings as precise as the sources allow."
        ),
        "licenses": [_LICENSE],
        "resources": resources,
    }
    if dataset.data_version:
        descriptor["version"] = dataset.data_version
    return descriptor


def _csv_files(dataset: Dataset) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    for table in TABLES:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(c.name for c in table.columns)
        writer.writerows([_cell(row[c.name]) for c in table.columns] for row in rows(dataset, table.name))
        files[f"{table.name}.csv"] = buffer.getvalue().encode("utf-8")
    files["datapackage.json"] = _dumps_json(_descriptor(dataset))
    return files


# Canonical JSON with its schema.


def _json_files(dataset: Dataset) -> dict[str, bytes]:
    return {
        "scocoop.json": dumps(dataset).encode("utf-8"),
        "scocoop.schema.json": _dumps_json(json_schema()),
    }


# Popolo.


def _popolo_date(date: PartialDate | None) -> str | None:
    # Popolo dates have no qualifiers: the day, month or year as stated; the
    # EDTF form with its flag is kept beside it where it has one.
    if date is None:
        return None
    return str(date).rstrip("?~%")


def _dates(start_name: str, start: PartialDate | None, end: PartialDate | None) -> dict[str, str]:
    found: dict[str, str] = {}
    for name, date in ((start_name, start), ("end_date", end)):
        if date is not None:
            found[name] = str(_popolo_date(date))
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
    sources = {s.id: s for s in dataset.sources}
    names = {o.id: o.name for o in dataset.officials}
    countries: set[str] = set()

    persons = []
    memberships: list[dict[str, Any]] = []
    for official in dataset.officials:
        countries.add(official.country)
        person: dict[str, Any] = {"id": official.id, "name": official.name}
        if official.aliases:
            person["other_names"] = [{"name": alias} for alias in official.aliases]
        person["national_identity"] = country_name(official.country)
        person["sources"] = _links(official.sources, sources)
        persons.append(person)
        for index, post in enumerate(official.positions):
            membership: dict[str, Any] = {"id": f"{official.id}#post{index}", "person_id": official.id}
            if post.organization:
                membership["organization_id"] = post.organization
            membership["role"] = post.title
            membership.update(_dates("start_date", post.start, post.end))
            # A post has no sources of its own: those of the official attest it.
            membership["sources"] = _links(official.sources, sources)
            memberships.append(membership)

    organizations = []
    for org in dataset.organizations:
        item: dict[str, Any] = {"id": org.id, "name": org.name, "classification": org.kind.value}
        other_names = [{"name": org.abbreviation, "note": "abbreviation"}] if org.abbreviation else []
        other_names.extend({"name": alias} for alias in org.aliases)
        if other_names:
            item["other_names"] = other_names
        if org.parent:
            item["parent_id"] = org.parent
        if org.country:
            countries.add(org.country)
            item["area_id"] = _country_id(org.country)
        if org.founded:
            item.update(_dates("founding_date", org.founded, None))
        item["sources"] = _links(org.sources, sources)
        organizations.append(item)
        for index, standing in enumerate(org.memberships):
            countries.add(standing.country)
            memberships.append(
                {
                    "id": f"{org.id}#{index}",
                    "label": f"{country_name(standing.country)}: {standing.status.value}",
                    "role": standing.status.value,
                    "member": {"@type": "Organization", "id": _country_id(standing.country)},
                    "organization_id": org.id,
                    **_dates("start_date", standing.start, standing.end),
                    "sources": _links(standing.sources, sources),
                }
            )

    events = []
    for meeting in dataset.meetings:
        event: dict[str, Any] = {"id": meeting.id, "name": meeting.name, "classification": "meeting"}
        event.update(_dates("start_date", meeting.date, meeting.end_date))
        if meeting.place:
            countries.add(meeting.place.country)
            event["location"] = f"{meeting.place.city}, {country_name(meeting.place.country)}"
        if meeting.organization:
            event["organization_id"] = meeting.organization
        if meeting.held_during:
            event["parent_id"] = meeting.held_during
        attendees = [p.official for p in meeting.participants if p.official]
        if attendees:
            event["attendees"] = [{"id": i, "name": names[i]} for i in dict.fromkeys(attendees)]
        participants = []
        for p in meeting.participants:
            if p.country:
                countries.add(p.country)
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
        event["sources"] = _links(meeting.sources, sources)
        events.append(event)

    motions = []
    meetings = {m.id: m for m in dataset.meetings}
    for commitment in dataset.commitments:
        motion: dict[str, Any] = {
            "id": commitment.id,
            "classification": commitment.kind.value,
            "text": commitment.title + (f". {commitment.summary}" if commitment.summary else ""),
            "result": commitment.status.value,
        }
        if commitment.date:
            motion.update(_dates("date", commitment.date, None))
        if commitment.meeting:
            motion["legislative_session_id"] = commitment.meeting
            organization = meetings[commitment.meeting].organization
            if organization:
                motion["organization_id"] = organization
        if commitment.proposed_by:
            motion["creator_id"] = commitment.proposed_by
        if commitment.parties:
            countries.update(commitment.parties)
            motion["parties"] = [_country_id(code) for code in commitment.parties]
        motion["sources"] = _links(commitment.sources, sources)
        motions.append(motion)

    organizations.extend(
        {
            "id": _country_id(code),
            "name": country_name(code),
            "classification": "country",
            "identifiers": [{"scheme": "ISO 3166-1 alpha-2", "identifier": code}],
        }
        for code in sorted(countries)
    )
    return {
        "persons": persons,
        "organizations": organizations,
        "memberships": memberships,
        "events": events,
        "motions": motions,
    }


def _popolo_files(dataset: Dataset) -> dict[str, bytes]:
    return {"popolo.json": _dumps_json(popolo(dataset))}


# Parquet.


def _parquet_files(dataset: Dataset) -> dict[str, bytes]:
    require("pyarrow", extra="parquet", feature="the Parquet export")
    frames = dataset.to_pandas()
    files = {}
    for name, frame in frames.items():
        buffer = io.BytesIO()
        frame.to_parquet(buffer, index=False)
        files[f"{name}.parquet"] = buffer.getvalue()
    return files


FORMATS: dict[str, Callable[[Dataset], dict[str, bytes]]] = {
    "csv": _csv_files,
    "json": _json_files,
    "popolo": _popolo_files,
    "parquet": _parquet_files,
}
"""Export formats, by name: each gives the files it writes, by file name."""


def export(dataset: Dataset, directory: str | os.PathLike[str], format: str) -> list[Path]:
    """Write the dataset in ``format`` into ``directory`` (created if missing).

    Returns:
        The files written, sorted by name.

    Raises:
        ValueError: ``format`` is not one of :data:`FORMATS`.
        MissingExtraError: The format needs an extra that is not installed.
        OSError: A file cannot be written.
    """
    build = FORMATS.get(format)
    if build is None:
        raise ValueError(f"unknown export format {format!r}; expected one of {', '.join(FORMATS)}")
    files = build(dataset)
    target = Path(directory)
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for name, data in sorted(files.items()):
        write_atomically(target / name, data)
        written.append(target / name)
    return written
