"""How records look in tables: one-line summaries, text tables and HTML tables.

The same summary of a record serves the command line's tables, the notebook
display of query results (``_repr_html_`` for Jupyter, ``_repr_pretty_`` for
IPython) and the display of a :class:`~scocoop.Dataset`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from scocoop._countries import country_name, is_country_code
from scocoop._errors import show
from scocoop._model import Commitment, Meeting, Official, Organization, Record, Source

__all__ = ["SUMMARY_COLUMNS", "Row", "html_table", "rows_of", "summary", "text_table"]

SUMMARY_COLUMNS: dict[type, tuple[str, ...]] = {
    Meeting: ("id", "date", "place", "countries", "name"),
    Commitment: ("id", "date", "kind", "status", "parties", "title"),
    Official: ("id", "name", "country", "posts"),
    Organization: ("id", "kind", "parent", "name"),
    Source: ("id", "published", "publisher", "title"),
}
"""The columns of :func:`summary` for each kind of record, in order."""

Row = dict[str, str]


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
    raise TypeError(f"not a record: {show(record)}")


def _row(item: Any) -> Row:
    if isinstance(item, str) and is_country_code(item):
        return {"country": item, "name": country_name(item)}
    if isinstance(item, (Meeting, Commitment, Official, Organization, Source)):
        return summary(item)
    return {"value": str(item)}


def rows_of(items: Iterable[Any]) -> list[Row]:
    """A row per item: a record's summary, a country's name, or the value as text."""
    return [_row(item) for item in items]


def text_table(rows: Sequence[Row], width: int) -> str:
    """Rows as aligned columns that fit ``width``: the widest column is cut first, with an ellipsis."""
    if not rows:
        return ""
    columns = list(rows[0])
    widths = {c: max(len(c), *(len(r[c]) for r in rows)) for c in columns}
    # Shorten the widest column, one character at a time, until the table fits
    # or every column is down to its floor: dates are never cut, the others keep
    # eight characters or their heading.
    floor = {c: widths[c] if c in ("date", "published") else max(len(c), 8) for c in columns}
    excess = sum(widths.values()) + 2 * (len(columns) - 1) - width
    while excess > 0:
        widest = max((c for c in columns if widths[c] > floor[c]), key=widths.__getitem__, default=None)
        if widest is None:
            break
        widths[widest] -= 1
        excess -= 1

    def cell(column: str, text: str) -> str:
        limit = widths[column]
        if len(text) > limit:
            text = text[: max(limit - 1, 0)] + "…"
        return text.ljust(limit)

    lines = ["  ".join(cell(c, c.upper()) for c in columns).rstrip()]
    lines.append("  ".join("-" * widths[c] for c in columns))
    lines.extend("  ".join(cell(c, r[c]) for c in columns).rstrip() for r in rows)
    return "\n".join(lines) + "\n"


def html_table(rows: Sequence[Row], *, caption: str, hidden: int = 0) -> str:
    """Rows as an HTML table, every value escaped; ``hidden`` rows are counted in a last line."""
    import html  # only for notebooks

    parts = [f"<table><caption>{html.escape(caption)}</caption>"]
    if rows:
        parts.append("<thead><tr>")
        parts.extend(f"<th>{html.escape(column)}</th>" for column in rows[0])
        parts.append("</tr></thead>")
    parts.append("<tbody>")
    for row in rows:
        parts.append("<tr>")
        parts.extend(f"<td>{html.escape(value)}</td>" for value in row.values())
        parts.append("</tr>")
    if hidden:
        span = len(rows[0]) if rows else 1
        parts.append(f'<tr><td colspan="{span}">… {hidden} more</td></tr>')
    parts.append("</tbody></table>")
    return "".join(parts)
