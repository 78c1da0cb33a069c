"""Plain rows as text and HTML tables, and any record as a compact list of its fields.

Below the model, so that records, the topic vocabulary and every answer of
the package display alike in a terminal, in IPython and in Jupyter, without
importing anything above them.
"""

from __future__ import annotations

import enum
import html
from collections.abc import Iterator, Sequence
from typing import Any

import attrs

__all__ = ["MAX_SHOWN", "Row", "html_table", "record_html", "record_text", "text_table"]

Row = dict[str, str]

MAX_SHOWN = 12
"""Items of a list field shown before the rest are counted."""

_LONG = 160
"""Characters of a text field shown in a record's display before it is cut (the record keeps them all)."""


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


def _short(text: str, limit: int = _LONG) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _scalar(value: Any, limit: int = _LONG) -> str:
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return _short(str(value), limit)


def _given(record: Any) -> Iterator[tuple[str, Any]]:
    """The fields of an attrs record that hold something other than their default, in declared order."""
    for field in attrs.fields(type(record)):
        value = getattr(record, field.name)
        if value is None or value == () or (field.default is not attrs.NOTHING and value == field.default):
            continue
        yield field.name, value


def _is_record(value: Any) -> bool:
    return attrs.has(type(value)) and not hasattr(value, "earliest")  # a date shows as its text


def _inline(record: Any) -> str:
    """A nested record on one line: its fields' values, nested records' ids or counts."""
    parts = []
    for name, value in _given(record):
        if isinstance(value, tuple):
            shown = ", ".join(v.source if hasattr(v, "source") else _scalar(v) for v in value[:MAX_SHOWN])
            parts.append(f"{name}: {shown}")
        elif _is_record(value):
            parts.append(f"{name}: ({_inline(value)})")
        else:
            shown = _scalar(value, _LONG // 2)
            parts.append(shown if name in _BARE else f"{name}: {shown}")
    return "; ".join(parts)


_BARE = frozenset({"country", "city", "source", "kind", "status"})
"""Fields of a nested record shown by their value alone: the value says what it is."""


def _lines(record: Any) -> Iterator[tuple[str, str | list[str]]]:
    for name, value in _given(record):
        if name == "id":
            continue  # the heading gives it
        if isinstance(value, tuple) and value and _is_record(value[0]):
            items = [_inline(v) for v in value[:MAX_SHOWN]]
            if len(value) > MAX_SHOWN:
                items.append(f"… {len(value) - MAX_SHOWN} more")
            yield f"{name} ({len(value)})", items
        elif isinstance(value, tuple):
            yield name, ", ".join(_scalar(v) for v in value)
        elif _is_record(value):
            yield name, _inline(value)
        else:
            yield name, _scalar(value)


def _heading(record: Any) -> str:
    name = type(record).__name__
    ident = getattr(record, "id", None)
    return f"{name} {ident}" if isinstance(ident, str) else name


def record_text(record: Any) -> str:
    """A record as its kind and id, then one line per field it gives, lists one item a line.

    Long texts are cut with an ellipsis and long lists counted: a display,
    not an export (``repr`` and the record itself keep everything).
    """
    lines = [_heading(record)]
    for name, value in _lines(record):
        if isinstance(value, list):
            lines.append(f"  {name}:")
            lines.extend(f"    - {item}" for item in value)
        else:
            lines.append(f"  {name}: {value}")
    return "\n".join(lines)


def record_html(record: Any) -> str:
    """:func:`record_text` as an HTML table of fields, every value escaped."""
    parts = [f"<table><caption>{html.escape(_heading(record))}</caption><tbody>"]
    for name, value in _lines(record):
        if isinstance(value, list):
            shown = "<ul>" + "".join(f"<li>{html.escape(item)}</li>" for item in value) + "</ul>"
        else:
            shown = html.escape(value)
        parts.append(f'<tr><th style="text-align:left">{html.escape(name)}</th><td>{shown}</td></tr>')
    parts.append("</tbody></table>")
    return "".join(parts)


class Shown:
    """A mixin that displays a record as :func:`record_text` in IPython and :func:`record_html` in Jupyter."""

    __slots__ = ()

    def _repr_html_(self) -> str:
        return record_html(self)

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        printer.text(_heading(self) if cycle else record_text(self))
