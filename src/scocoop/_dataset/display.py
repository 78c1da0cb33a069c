"""How records look in tables: one-line summaries of records and of the other things answers hold.

The same summary of a record serves the command line's tables and the
notebook display of query results (``_repr_html_`` for Jupyter,
``_repr_pretty_`` for IPython); the tables themselves are drawn by
:mod:`scocoop._core.render`.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import Any

import attrs

from scocoop._core.errors import show
from scocoop._core.render import Row
from scocoop._countries.codes import country_name, is_country_code
from scocoop._model.records import (
    Citation,
    Commitment,
    Instrument,
    InstrumentEvent,
    Meeting,
    Official,
    Organization,
    Record,
    Source,
)

__all__ = ["SUMMARY_COLUMNS", "rows_of", "summary"]

SUMMARY_COLUMNS: dict[type, tuple[str, ...]] = {
    Meeting: ("id", "date", "place", "countries", "name"),
    Commitment: ("id", "date", "kind", "status", "parties", "title"),
    Official: ("id", "name", "country", "posts"),
    Organization: ("id", "kind", "parent", "name"),
    Source: ("id", "published", "publisher", "title"),
    Instrument: ("id", "signed", "kind", "organization", "title"),
}
"""The columns of :func:`summary` for each kind of record, in order."""


def summary(record: Record) -> Row:
    """The columns that identify a record at a glance, as text."""
    if isinstance(record, Meeting):
        return {
            "id": record.id,
            "date": str(record.date) if record.date else "",
            "place": f"{record.place.city}, {record.place.country}" if record.place else "",
            "countries": " ".join(record.countries),
            "name": record.name,
        }
    if isinstance(record, Commitment):
        return {
            "id": record.id,
            "date": str(record.date) if record.date else "",
            "kind": record.kind.value,
            "status": record.status.value,
            "parties": " ".join(record.parties),
            "title": record.title,
        }
    if isinstance(record, Official):
        return {
            "id": record.id,
            "name": record.name,
            "country": record.country,
            "posts": "; ".join(p.title for p in record.positions),
        }
    if isinstance(record, Organization):
        return {
            "id": record.id,
            "kind": record.kind.value,
            "parent": record.parent or "",
            "name": record.name,
        }
    if isinstance(record, Source):
        return {
            "id": record.id,
            "published": str(record.published) if record.published else "",
            "publisher": record.publisher or "",
            "title": record.title,
        }
    if isinstance(record, Instrument):
        return {
            "id": record.id,
            "signed": str(record.signed) if record.signed else "",
            "kind": record.kind.value,
            "organization": record.organization or "",
            "title": record.title,
        }
    raise TypeError(f"not a record: {show(record)}")


def _row(item: Any) -> Row:  # noqa: PLR0911 - one return per kind of item
    if isinstance(item, str) and is_country_code(item):
        return {"country": item, "name": country_name(item)}
    if isinstance(item, InstrumentEvent):
        return _event_row(item)
    if isinstance(item, (Meeting, Commitment, Official, Organization, Source, Instrument)):
        return summary(item)
    if isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], Citation):
        return _citation_row(*item)
    row = getattr(item, "_row", None)
    if row is not None:
        found: Row = row()
        return found
    if attrs.has(type(item)):
        return {name: _cell(value) for name, value in attrs.asdict(item, recurse=False).items()}
    return {"value": str(item)}


def _event_row(event: InstrumentEvent) -> Row:
    date = str(event.date) if event.date else ""
    if event.no_later_than is not None:
        date = f"by {event.no_later_than}"
    return {
        "country": event.country,
        "kind": event.kind.value,
        "date": date,
        "act": event.act or "",
        "inferred": "yes" if event.inferred else "",
    }


def _citation_row(citation: Citation, source: Source) -> Row:
    return {
        "source": source.id,
        "published": str(source.published) if source.published else "",
        "publisher": source.publisher or "",
        "title": source.title,
        "url": source.url or "",
        "quote or note": citation.quote or citation.note or "",
    }


def _cell(value: Any) -> str:
    """A field's value in one cell: a list joined by spaces, a missing value empty."""
    if value is None:
        return ""
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, tuple):
        return " ".join(map(str, value))
    return str(value)


def rows_of(items: Iterable[Any]) -> list[Row]:
    """A row per item: a record's summary, a country's name, or the value as text."""
    return [_row(item) for item in items]
