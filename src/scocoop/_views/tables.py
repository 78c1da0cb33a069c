"""A dataset as normalised tables: one per collection, plus the link tables.

Every table has a fixed list of typed columns.  The CSV export, its
Frictionless descriptor and :meth:`Dataset.to_pandas` are all built from
these tables, so that they agree column for column.

Nested lists become tables of their own, keyed by the record they belong
to: ``memberships`` (keyed ``organization``, ``index``), ``positions``,
``participants``, ``absences``, ``parties``, ``topics``, ``aliases`` and
``citations``.  A membership has no id of its own; its citations name it as
``ORGANIZATION#INDEX`` (``sco#3``), by its place in the organization's list,
and an absence's as ``MEETING#absences#INDEX``.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, Literal

from attrs import field, frozen

from scocoop._core.dates import PartialDate
from scocoop._core.errors import show
from scocoop._model.records import (
    COLLECTIONS,
    REFERENCES,
    Citation,
)

if TYPE_CHECKING:
    from scocoop._dataset.dataset import Dataset

__all__ = ["TABLES", "TABLE_OF", "Column", "Table", "Value", "rows", "tables"]

Value = str | int | bool | PartialDate | None
Kind = Literal["string", "integer", "boolean", "date"]


@frozen
class Column:
    """A column: its name, its kind of value, what it holds and how to read it from a record.

    Attributes:
        get: Reads the column's value from a record (or from an item of a
            link table's list); by default the record's attribute of the
            column's name, an enumeration as its value.
    """

    name: str
    kind: Kind
    description: str
    required: bool = False
    get: Callable[[Any], Value] | None = field(default=None, eq=False, repr=False)

    def value(self, record: Any) -> Value:
        """This column's cell for ``record``."""
        if self.get is not None:
            return self.get(record)
        return _plain(getattr(record, self.name))


@frozen
class Table:
    """A table's name, columns and key, and what it holds of the records.

    Attributes:
        source: The collection the table's rows come from and, for a link
            table, the list inside each record that it flattens
            (``("meetings", "participants")``); empty for a table gathered
            from several collections.
    """

    name: str
    description: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]
    source: tuple[str, ...] = ()

    def row(self, record: Any) -> dict[str, Value]:
        """The row of one record of a collection's table."""
        return {column.name: column.value(record) for column in self.columns}

    @property
    def references(self) -> tuple[tuple[str, str, str], ...]:
        """(column, table, column) for each column that names a row of another table.

        Read from the model's declaration of references
        (:data:`scocoop._model.records.REFERENCES`), so that the tables' foreign keys
        and the dataset's integrity checks cannot disagree.
        """
        names = {c.name for c in self.columns}
        found: list[tuple[str, str, str]] = []
        if len(self.source) == 2:  # a link table: its first key column names the owning record
            found.append((self.key[0], self.source[0], "id"))
        if self.name == "citations":
            found.append(("source", "sources", "id"))
        for ref in REFERENCES:
            if ref.target not in COLLECTIONS or not self.source or ref.collection != self.source[0]:
                continue
            inner = self.source[1:]
            if ref.path[:-1] == inner and ref.path[-1] in names:
                found.append((ref.path[-1], ref.target, "id"))
            elif ref.path == inner:  # a list of ids: its value column
                found.append((self.key[-1], ref.target, "id"))
        return tuple(found)


def _id(description: str) -> Column:
    return Column("id", "string", description, required=True)


def _text(name: str, description: str, *, required: bool = False) -> Column:
    return Column(name, "string", description, required=required)


def _place(name: str, description: str) -> Column:
    """A column of a meeting's place, read from ``place``."""
    return Column(name, "string", description, get=lambda m: getattr(m.place, name) if m.place else None)


def _date(name: str, description: str) -> Column:
    return Column(name, "date", description)


_NOTE = _text("note", "The curator's note: inferences, caveats")

TABLES: tuple[Table, ...] = (
    Table(
        "sources",
        "Documents cited as evidence",
        (
            _id("Source id"),
            _text("title", "Title", required=True),
            _text("publisher", "Publisher"),
            _date("published", "Publication date (EDTF)"),
            _text("url", "Address, where public"),
            _text("language", "Language (BCP 47)", required=True),
            _NOTE,
        ),
        ("id",),
        ("sources",),
    ),
    Table(
        "organizations",
        "Intergovernmental organizations, their bodies, regional formats and national agencies",
        (
            _id("Organization id"),
            _text("name", "Name", required=True),
            _text("kind", "Kind of body", required=True),
            _text("abbreviation", "Abbreviation"),
            _text("parent", "The organization this is a body of"),
            _text("country", "Country of a national agency (ISO 3166-1 alpha-2)"),
            _date("founded", "Founding date (EDTF)"),
            _NOTE,
        ),
        ("id",),
        ("organizations",),
    ),
    Table(
        "memberships",
        "Countries' standing in organizations over time",
        (
            _text("organization", "Organization id", required=True),
            Column("index", "integer", "Position in the organization's list", required=True),
            _text("country", "Country (ISO 3166-1 alpha-2)", required=True),
            _text(
                "status",
                "member, associate_member, observer, dialogue_partner, partner, participant or suspended",
                required=True,
            ),
            _text(
                "qualifier",
                "Set where the standing held but the state did not take part:"
                " participation_frozen or not_taking_part",
            ),
            _date("start", "First day (EDTF)"),
            _date("end", "Day it ended (EDTF), excluded"),
            _date("notice", "Day notice of withdrawal was given (EDTF)"),
            _NOTE,
        ),
        ("organization", "index"),
        ("organizations", "memberships"),
    ),
    Table(
        "officials",
        "People who took part in meetings",
        (
            _id("Official id"),
            _text("name", "Name as the sources give it", required=True),
            _text("country", "Country served (ISO 3166-1 alpha-2)", required=True),
            _NOTE,
        ),
        ("id",),
        ("officials",),
    ),
    Table(
        "positions",
        "Posts held by officials",
        (
            _text("official", "Official id", required=True),
            Column("index", "integer", "Position in the official's list", required=True),
            _text("title", "Post", required=True),
            _text("organization", "Organization of the post"),
            _text("post", "Id of a post one person holds at a time"),
            _date("start", "First day (EDTF)"),
            _date("end", "Day it ended (EDTF), excluded"),
            _date("ended_by", "Where the end is not known, the latest day it can have been (EDTF)"),
            _NOTE,
        ),
        ("official", "index"),
        ("officials", "positions"),
    ),
    Table(
        "meetings",
        "Meetings",
        (
            _id("Meeting id"),
            _text("name", "Name", required=True),
            _text("organization", "The body that met"),
            _text("held_during", "The meeting this one was held alongside"),
            Column("edition", "integer", "Number of the meeting in its series"),
            _date("date", "Date, or first day (EDTF)"),
            _date("end_date", "Last day (EDTF)"),
            _place("city", "City"),
            _place("country", "Host country (ISO 3166-1 alpha-2)"),
            _place("name_at_the_time", "The city's name at the time, where different"),
            _place("venue", "The building or site, where the sources name it"),
            _text("mode", "in_person, videoconference or hybrid"),
            _text("host", "Country that hosted it (ISO 3166-1 alpha-2)"),
            _text("chair", "Country that chaired it (ISO 3166-1 alpha-2)"),
            _text("next_host", "Country named as the next host (ISO 3166-1 alpha-2)"),
            _text(
                "participant_list",
                "Whether the participants named are all the states that took part:"
                " complete, partial or not_stated",
                required=True,
            ),
            _NOTE,
        ),
        ("id",),
        ("meetings",),
    ),
    Table(
        "participants",
        "Who took part in each meeting, in which capacity",
        (
            _text("meeting", "Meeting id", required=True),
            Column("index", "integer", "Position in the meeting's list", required=True),
            _text("country", "Country represented (ISO 3166-1 alpha-2)"),
            _text("organization", "Organization represented"),
            _text("status", "Capacity: member, observer, dialogue_partner, partner, guest, body or speaker"),
            _text("official", "Official id"),
            _text("role", "Role at the meeting"),
            Column(
                "inferred", "boolean", "True where the source does not name this participant", required=True
            ),
            _NOTE,
        ),
        ("meeting", "index"),
        ("meetings", "participants"),
    ),
    Table(
        "absences",
        "States the evidence says did not take part in a meeting",
        (
            _text("meeting", "Meeting id", required=True),
            Column("index", "integer", "Position in the meeting's list", required=True),
            _text("country", "Country (ISO 3166-1 alpha-2)", required=True),
            _text(
                "reason",
                "did_not_attend, boycotted, participation_frozen, not_invited or suspended",
                required=True,
            ),
            _NOTE,
        ),
        ("meeting", "index"),
        ("meetings", "absences"),
    ),
    Table(
        "commitments",
        "Proposals, agreements, protocols, programmes and other commitments",
        (
            _id("Commitment id"),
            _text("kind", "Kind of commitment", required=True),
            _text("status", "Status as of the source", required=True),
            _text("title", "Title", required=True),
            _text("summary", "Summary"),
            _text("meeting", "Meeting where it was proposed, adopted or signed"),
            _text("proposed_by", "Official who proposed it"),
            _text("proposer", "Country that proposed it (ISO 3166-1 alpha-2)"),
            _date("date", "Date (EDTF)"),
            _text("instrument", "The instrument it concerns"),
            _NOTE,
        ),
        ("id",),
        ("commitments",),
    ),
    Table(
        "instruments",
        "Treaties, conventions, agreements, programmes and other instruments",
        (
            _id("Instrument id"),
            _text("title", "English title", required=True),
            _text("original_title", "Title in an authentic language"),
            _text("kind", "Kind of instrument", required=True),
            _text("organization", "Organization whose instrument it is"),
            _text("body", "Body that adopted it"),
            _text("adopted_at", "Meeting at which it was signed or adopted"),
            Column("binding", "boolean", "Whether it binds the states that consent to it"),
            _date("signed", "Day of signature or adoption (EDTF)"),
            _text("place", "City of signature or adoption"),
            _text("depositary", "Depositary"),
            _date("entry_into_force", "Its own entry into force (EDTF)"),
            _text("in_force_rule", "on_date, per_state or not_in_force"),
            _text("duration", "Term and prolongation"),
            _text("amends", "Instrument it amends"),
            _text("replaces", "Instrument it replaces"),
            _NOTE,
        ),
        ("id",),
        ("instruments",),
    ),
    Table(
        "instrument_events",
        "Each state's steps under each instrument: signature, consent, entry into force, withdrawal",
        (
            _text("instrument", "Instrument id", required=True),
            Column("index", "integer", "Position in the instrument's list", required=True),
            _text("country", "State (ISO 3166-1 alpha-2)", required=True),
            _text("kind", "Kind of event", required=True),
            _date("date", "Date (EDTF)"),
            _date("no_later_than", "Where the date is not known, the latest day it can have been (EDTF)"),
            _text("act", "The domestic act: body, kind and number"),
            Column("inferred", "boolean", "True where no page states the event", required=True),
            _NOTE,
        ),
        ("instrument", "index"),
        ("instruments", "events"),
    ),
    Table(
        "parties",
        "Countries party to each commitment",
        (
            _text("commitment", "Commitment id", required=True),
            _text("country", "Country (ISO 3166-1 alpha-2)", required=True),
        ),
        ("commitment", "country"),
        ("commitments", "parties"),
    ),
    Table(
        "discussions",
        "Meetings that discussed a commitment without making it",
        (
            _text("commitment", "Commitment id", required=True),
            _text("meeting", "Meeting id", required=True),
        ),
        ("commitment", "meeting"),
        ("commitments", "discussed_at"),
    ),
    Table(
        "topics",
        "Topics of meetings, commitments and instruments",
        (
            _text("record", "Meeting, commitment or instrument id", required=True),
            _text("topic", "Topic id (see `scocoop topics`)", required=True),
        ),
        ("record", "topic"),
    ),
    Table(
        "aliases",
        "Other names of organizations and officials",
        (
            _text("record", "Organization or official id", required=True),
            _text("alias", "Other name", required=True),
        ),
        ("record", "alias"),
    ),
    Table(
        "citations",
        "The evidence for each record: source, verbatim quote, note",
        (
            _text(
                "record",
                "Record id, or ORGANIZATION#INDEX for a membership, MEETING#absences#INDEX for an absence,"
                " INSTRUMENT#events#INDEX for a state's event",
                required=True,
            ),
            Column("index", "integer", "Position in the record's list", required=True),
            _text("source", "Source id", required=True),
            _text("quote", "Verbatim quote from the source"),
            _NOTE,
        ),
        ("record", "index"),
    ),
)


def _plain(value: object) -> Value:
    if isinstance(value, enum.Enum):
        return str(value.value)
    if value is None or isinstance(value, (str, int, bool, PartialDate)):
        return value
    raise TypeError(f"no table cell for {show(value)}")


def _cited(record_id: str, citations: tuple[Citation, ...]) -> Iterator[dict[str, Value]]:
    for index, c in enumerate(citations):
        yield {"record": record_id, "index": index, "source": c.source, "quote": c.quote, "note": c.note}


Rows = Iterator[dict[str, Value]]


def _records(table: Table) -> Callable[[Dataset], Rows]:
    """The rows of a collection's table, or of a link table's items, each read by the columns."""
    collection, *inner = table.source
    if not inner:
        return lambda ds: map(table.row, getattr(ds, collection))
    owner_key = table.key[0]
    fields = [c for c in table.columns if c.name not in table.key]

    def link_rows(ds: Dataset) -> Rows:
        for owner in getattr(ds, collection):
            for index, item in enumerate(getattr(owner, inner[0])):
                if isinstance(item, str):  # a list of codes or ids: the key's second column
                    yield {owner_key: owner.id, table.key[1]: item}
                else:
                    yield {owner_key: owner.id, "index": index, **{c.name: c.value(item) for c in fields}}

    return link_rows


def _topics(ds: Dataset) -> Rows:
    tagged: list[tuple[str, tuple[str, ...]]] = [(m.id, m.topics) for m in ds.meetings]
    tagged.extend((c.id, c.topics) for c in ds.commitments)
    tagged.extend((i.id, i.topics) for i in ds.instruments)
    for record_id, topics in sorted(tagged):
        for topic in topics:
            yield {"record": record_id, "topic": topic}


def _aliases(ds: Dataset) -> Rows:
    named: list[tuple[str, tuple[str, ...]]] = [(o.id, o.aliases) for o in ds.organizations]
    named.extend((p.id, p.aliases) for p in ds.officials)
    for record_id, aliases in sorted(named):
        for alias in aliases:
            yield {"record": record_id, "alias": alias}


def _citations(ds: Dataset) -> Rows:
    keyed: list[tuple[str, tuple[Citation, ...]]] = []
    for collection in (ds.organizations, ds.officials, ds.meetings, ds.commitments, ds.instruments):
        keyed.extend((record.id, record.sources) for record in collection)
    for org in ds.organizations:
        keyed.extend((f"{org.id}#{index}", m.sources) for index, m in enumerate(org.memberships))
    for meeting in ds.meetings:
        keyed.extend((f"{meeting.id}#absences#{i}", a.sources) for i, a in enumerate(meeting.absences))
    for instrument in ds.instruments:
        keyed.extend((f"{instrument.id}#events#{i}", e.sources) for i, e in enumerate(instrument.events))
    for record_id, citations in sorted(keyed, key=lambda pair: pair[0]):
        yield from _cited(record_id, citations)


_GATHERED: dict[str, Callable[[Dataset], Rows]] = {
    "topics": _topics,
    "aliases": _aliases,
    "citations": _citations,
}
_ROWS: dict[str, Callable[[Dataset], Rows]] = {
    table.name: _GATHERED[table.name] if not table.source else _records(table) for table in TABLES
}


def rows(ds: Dataset, table: str) -> Rows:
    """The rows of one table, as dicts from column name to value, in key order.

    Raises:
        KeyError: No table has this name.
    """
    return _ROWS[table](ds)


def tables(ds: Dataset) -> dict[str, list[dict[str, Value]]]:
    """Every table of the dataset, by name, in :data:`TABLES` order."""
    return {table.name: list(rows(ds, table.name)) for table in TABLES}


TABLE_OF: dict[type, Table] = {
    kind: next(t for t in TABLES if t.source == (name,)) for name, kind in COLLECTIONS.items()
}
"""For each kind of record, its collection's table (whose :meth:`Table.row` makes its row)."""
