"""The :class:`Dataset`: five checked collections, lookups and queries.

A dataset runs every rule that spans records when it is built (see
:mod:`scocoop._dataset.integrity`) and answers its queries from an index
(:mod:`scocoop._dataset.indexes`) built on the first query that needs it, so
that loading pays only for checking and a query costs time in proportion to
its answer rather than to the dataset.

>>> from scocoop import Dataset, Meeting, Organization, OrganizationKind, Participant
>>> sco = Organization(id="sco", name="SCO", kind=OrganizationKind.INTERGOVERNMENTAL_ORGANIZATION)
>>> summit = Meeting(id="m-1", name="A summit", organization="sco", participants=[Participant(country="KZ")])
>>> [m.id for m in Dataset(organizations=[sco], meetings=[summit]).meetings_by_country("Kazakhstan")]
['m-1']
>>> Dataset(meetings=[summit])
Traceback (most recent call last):
...
scocoop.DataError: 1 problem found:
  meetings[0].organization: unknown organization id 'sco'
"""

from __future__ import annotations

import datetime
import itertools
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from scocoop._core.dates import DateLike, to_partial_date
from scocoop._core.errors import (
    MAX_PROBLEMS,
    DataError,
    InvalidDateError,
    NotRecordedError,
    Problem,
    UnknownIdError,
    show,
)
from scocoop._core.render import html_table
from scocoop._core.validators import FieldError, check_text
from scocoop._countries.codes import to_country_code
from scocoop._dataset.indexes import NONE, Index, fold
from scocoop._dataset.integrity import problems
from scocoop._dataset.results import Results
from scocoop._model.instruments import PARTY_STAGES, PartyStage, in_date_order, stage
from scocoop._model.records import (
    COLLECTIONS,
    Citation,
    Commitment,
    DateKey,
    Instrument,
    InstrumentEvent,
    Meeting,
    MembershipStatus,
    Official,
    Organization,
    ParticipantStatus,
    Position,
    Record,
    Source,
    Tenure,
    commitment_order,
    instrument_order,
    meeting_order,
)
from scocoop._model.topics import topics as topic_vocabulary

if TYPE_CHECKING:
    import networkx
    import pandas
    from matplotlib.axes import Axes

__all__ = ["Dataset"]

R = TypeVar("R", Source, Organization, Official, Meeting, Commitment, Instrument)


class Dataset:
    """An immutable, validated collection of records, with queries.

    Build one from the five collections (any iterables of records); the
    collections are stored as tuples sorted by id.  Building checks every
    rule that spans records and raises :class:`DataError` listing every
    problem, located by collection and position in the input
    (``meetings[3].organization``).

    Dates in queries: ``meetings_between`` returns the meetings that *may*
    fall in the range (their possible days overlap it) unless
    ``certain=True``; ``on=`` counts a membership or post that *may* have
    been in effect on any day the date can mean, with unknown starts and
    ends treated as open.  Undated meetings come last in date order and are
    never returned by ``meetings_between``.
    """

    __slots__ = (
        "_built",
        "commitments",
        "data_version",
        "instruments",
        "meetings",
        "officials",
        "organizations",
        "sources",
    )

    sources: tuple[Source, ...]
    organizations: tuple[Organization, ...]
    officials: tuple[Official, ...]
    meetings: tuple[Meeting, ...]
    commitments: tuple[Commitment, ...]
    instruments: tuple[Instrument, ...]
    data_version: str | None
    _built: Index | None

    def __init__(
        self,
        *,
        sources: Iterable[Source] = (),
        organizations: Iterable[Organization] = (),
        officials: Iterable[Official] = (),
        meetings: Iterable[Meeting] = (),
        commitments: Iterable[Commitment] = (),
        instruments: Iterable[Instrument] = (),
        data_version: str | None = None,
    ) -> None:
        given = {
            "sources": tuple(sources),
            "organizations": tuple(organizations),
            "officials": tuple(officials),
            "meetings": tuple(meetings),
            "commitments": tuple(commitments),
            "instruments": tuple(instruments),
        }
        found = list(itertools.islice(problems(given), MAX_PROBLEMS))
        found.extend(_data_version_problems(data_version))
        if found:
            raise DataError(found)
        for name, records in given.items():
            object.__setattr__(self, name, tuple(sorted(records, key=_record_id)))
        object.__setattr__(self, "data_version", data_version)
        object.__setattr__(self, "_built", None)

    @classmethod
    def _checked(cls, collections: dict[str, tuple[Any, ...]], data_version: str | None) -> Dataset:
        """A dataset of collections already checked and sorted (by a dataset they came from)."""
        dataset = object.__new__(cls)
        for name in COLLECTIONS:
            object.__setattr__(dataset, name, collections[name])
        object.__setattr__(dataset, "data_version", data_version)
        object.__setattr__(dataset, "_built", None)
        return dataset

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickled and copied as its collections; the indexes are rebuilt on first use.
        # A pickle is trusted input and is not checked again (docs/errors.md says why).
        return (_restore, ({name: getattr(self, name) for name in COLLECTIONS}, self.data_version))

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"Dataset is immutable; cannot set {show(name)}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"Dataset is immutable; cannot delete {show(name)}")

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Dataset):
            return NotImplemented
        return self.data_version == other.data_version and all(
            getattr(self, name) == getattr(other, name) for name in COLLECTIONS
        )

    __hash__ = None  # type: ignore[assignment]  # equal datasets need not be one object

    def __repr__(self) -> str:
        counts = ", ".join(f"{len(getattr(self, name))} {name}" for name in COLLECTIONS)
        version = f", data_version={show(self.data_version)}" if self.data_version else ""
        return f"<Dataset: {counts}{version}>"

    def _repr_html_(self) -> str:
        rows = [{"collection": name, "records": str(len(getattr(self, name)))} for name in COLLECTIONS]
        version = self.data_version or "not stated"
        return html_table(rows, caption=f"scocoop Dataset, data version {version}")

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        printer.text(repr(self))

    @property
    def _index(self) -> Index:
        # Built by the first query that needs it, without a lock: two threads
        # asking at once may each build one (the same), and the first kept is
        # returned to both; no lock can be left held across a fork.
        built = self._built
        if built is None:
            built = Index({name: getattr(self, name) for name in COLLECTIONS})
            if self._built is None:
                object.__setattr__(self, "_built", built)
            built = self._built or built
        return built

    # Lookup by id.

    def _lookup(self, kind: type[R], record_id: str) -> R:
        record = self._index.by_id.get(record_id) if isinstance(record_id, str) else None
        if not isinstance(record, kind):
            raise UnknownIdError(kind.__name__.lower(), record_id)
        return record

    def source(self, source_id: str) -> Source:
        """The source with this id.  Raises :class:`UnknownIdError`."""
        return self._lookup(Source, source_id)

    def organization(self, organization_id: str) -> Organization:
        """The organization with this id.  Raises :class:`UnknownIdError`."""
        return self._lookup(Organization, organization_id)

    def official(self, official_id: str) -> Official:
        """The official with this id.  Raises :class:`UnknownIdError`."""
        return self._lookup(Official, official_id)

    def meeting(self, meeting_id: str) -> Meeting:
        """The meeting with this id.  Raises :class:`UnknownIdError`."""
        return self._lookup(Meeting, meeting_id)

    def instrument(self, instrument_id: str) -> Instrument:
        """The instrument with this id.  Raises :class:`UnknownIdError`."""
        return self._lookup(Instrument, instrument_id)

    def commitment(self, commitment_id: str) -> Commitment:
        """The commitment with this id.  Raises :class:`UnknownIdError`."""
        return self._lookup(Commitment, commitment_id)

    def get(self, record_id: str, default: Record | None = None) -> Record | None:
        """The record of any kind with this id, or ``default``."""
        if not isinstance(record_id, str):
            return default
        return self._index.by_id.get(record_id, default)

    def __iter__(self) -> Iterator[Record]:
        """Every record, collection by collection."""
        for name in COLLECTIONS:
            yield from getattr(self, name)

    def __len__(self) -> int:
        return len(self._index.by_id)

    def __contains__(self, record_id: object) -> bool:
        return isinstance(record_id, str) and record_id in self._index.by_id

    # Queries.

    def resolve_organization(self, organization: str) -> str:
        """The id of an organization given by id, name, abbreviation or alias.

        Raises:
            UnknownIdError: No organization matches, or several do.
        """
        return self._resolve(Organization, self._index.org_keys, organization)

    def resolve_instrument(self, instrument: str) -> str:
        """The id of an instrument given by id, English title or original title (any case).

        Raises:
            UnknownIdError: No instrument matches, or several do.
        """
        return self._resolve(Instrument, self._index.instrument_keys, instrument)

    def _resolve(self, kind: type[R], keys: dict[str, tuple[str, ...]], name: object) -> str:
        """The id of the one record of ``kind`` that ``name`` is the id or a name of."""
        label = kind.__name__.lower()
        if isinstance(name, str):
            if isinstance(self._index.by_id.get(name), kind):
                return name
            found = keys.get(fold(name), ())
            if len(found) == 1:
                return found[0]
            if len(found) > 1:
                raise UnknownIdError(label, name, candidates=found)
        raise UnknownIdError(label, name)

    def stage_of(self, instrument: str, country: str, on: DateLike | None = None) -> PartyStage:
        """Where a state stands under an instrument on a date (by default, as of the latest record).

        "Not known", "not yet", "not signed", "signed", "consented", "in
        force", "suspended" and "withdrawn" stay distinct (see
        :class:`PartyStage`); only recorded events count.

        Raises:
            UnknownIdError: The instrument is not recognised.
            UnknownCountryError: The country is not recognised.
            InvalidDateError: ``on`` cannot be read as a date.
        """
        record = self.instrument(self.resolve_instrument(instrument))
        by = _last_day(on)
        return stage(record, to_country_code(country), by)

    def events_of(self, instrument: str, country: str) -> Results[InstrumentEvent]:
        """A state's recorded events under an instrument, in the order they happened.

        A dated event comes at the first day its date can mean; one known
        only to have happened by a day (``no_later_than``) at that day; an
        undated one last.  An empty answer means that no event of the state
        is recorded (its stage is "not known"), not that it took no step.

        Raises:
            UnknownIdError: The instrument is not recognised.
            UnknownCountryError: The country is not recognised.
        """
        record = self.instrument(self.resolve_instrument(instrument))
        code = to_country_code(country)
        return Results(in_date_order(e for e in record.events if e.country == code))

    def parties_to(
        self, instrument: str, on: DateLike | None = None, status: PartyStage | str = PartyStage.IN_FORCE
    ) -> Results[str]:
        """The states that had reached a stage under an instrument on a date, sorted.

        ``status`` is one of ``signed``, ``consented`` and ``in_force``; a
        state counts once it has reached that stage or a later one, and not
        while its participation is suspended or after it withdrew.

        Raises:
            UnknownIdError: The instrument is not recognised.
            InvalidDateError: ``on`` cannot be read as a date.
            ValueError: ``status`` is not one of the three stages.
        """
        wanted = _status(PartyStage, status, PARTY_STAGES)
        record = self.instrument(self.resolve_instrument(instrument))
        by = _last_day(on)
        reached = PARTY_STAGES[PARTY_STAGES.index(wanted) :]
        countries = sorted({e.country for e in record.events})
        return Results(c for c in countries if stage(record, c, by) in reached)

    def instruments_in_force(
        self, country: str, on: DateLike | None = None, *, topic: str | None = None
    ) -> Results[Instrument]:
        """The instruments in force for a state on a date, by the day they were signed.

        Args:
            country: Code, name or demonym.
            on: The date (by default, as of the latest record).
            topic: Only instruments on this topic or a narrower one.

        Raises:
            UnknownCountryError: The country is not recognised.
            UnknownTopicError: The topic is not in the vocabulary.
            InvalidDateError: ``on`` cannot be read as a date.
        """
        code = to_country_code(country)
        by = _last_day(on)
        pool = self.instruments_on(topic) if topic is not None else self._index.instruments_ordered
        return Results(i for i in pool if stage(i, code, by) is PartyStage.IN_FORCE)

    def instruments_on(self, topic: str, *, narrower: bool = True) -> Results[Instrument]:
        """Instruments on a topic and, by default, on any narrower topic, by the day they were signed.

        Raises:
            UnknownTopicError: The topic is not in the vocabulary.
        """
        return _on_topic(self._index.instruments_by_topic, topic, narrower, instrument_order)

    def bodies_of(self, organization: str) -> tuple[str, ...]:
        """The ids of the organization and every body below it, sorted."""
        return self._index.descendants(self.resolve_organization(organization))

    def meetings_by_country(
        self, country: str, *, status: ParticipantStatus | str | None = None
    ) -> Results[Meeting]:
        """Meetings in which a country took part, in date order.

        Args:
            country: Code, name or demonym (``"KZ"``, ``"Kazakhstan"``,
                ``"Kazakh"``).
            status: Only meetings where it took part in this capacity
                (``"observer"``, say).

        Raises:
            UnknownCountryError: The country is not recognised.
            ValueError: ``status`` is not a participant status.
        """
        code = to_country_code(country)
        capacity = None if status is None else _status(ParticipantStatus, status)
        return self._index.by_country.get((code, capacity), NONE)

    def absences_of(self, country: str) -> Results[Meeting]:
        """Meetings that the evidence says a country did not take part in, in date order.

        These are never among :meth:`meetings_by_country`'s answers; each
        meeting's :attr:`Meeting.absences` says why and on what evidence.

        Raises:
            UnknownCountryError: The country is not recognised.
        """
        return self._index.absent_by_country.get(to_country_code(country), NONE)

    def meetings_between(self, start: DateLike, end: DateLike, *, certain: bool = False) -> Results[Meeting]:
        """Dated meetings held between ``start`` and ``end``, in date order.

        The range runs from the first day ``start`` can mean to the last day
        ``end`` can mean (so ``meetings_between("2016", "2016")`` is the whole
        year).  By default a meeting is included when it *may* fall in the
        range: some day it can mean lies inside (``2018-09?`` is in
        ``2018-09-15..2018-09-30``).  With ``certain=True``, only meetings
        every possible day of which lies inside.

        Raises:
            InvalidDateError: A bound cannot be read as a date, or the range
                ends before it starts.
        """
        first, last = to_partial_date(start), to_partial_date(end)
        if last.latest < first.earliest:
            raise InvalidDateError(f"the range ends ({last}) before it starts ({first})")
        return self._index.between(first.earliest, last.latest, certain=certain)

    def meetings_of(self, organization: str, *, bodies: bool = True) -> Results[Meeting]:
        """Meetings of an organization and, by default, of its bodies, in date order.

        Raises:
            UnknownIdError: No organization has this id, name or abbreviation.
        """
        ids = self.bodies_of(organization) if bodies else (self.resolve_organization(organization),)
        groups = [self._index.by_organization.get(i, NONE) for i in ids]
        if len(ids) == 1:
            return groups[0]
        return Results(sorted((m for g in groups for m in g), key=meeting_order))

    def find_meetings(
        self,
        *,
        country: str | None = None,
        status: ParticipantStatus | str | None = None,
        organization: str | None = None,
        topic: str | None = None,
        start: DateLike | None = None,
        end: DateLike | None = None,
    ) -> Results[Meeting]:
        """Meetings that meet every condition given, in date order; all meetings if none is.

        Args:
            country: A country that took part (see :meth:`meetings_by_country`).
            status: With ``country``, the capacity in which it took part.
            organization: The body that met, with its bodies.
            topic: A topic of the meeting, or a narrower one.
            start: Only meetings that may fall on or after this date.
            end: Only meetings that may fall on or before this date.

        Raises:
            UnknownCountryError: The country is not recognised.
            UnknownIdError: The organization is not recognised.
            UnknownTopicError: The topic is not in the vocabulary.
            InvalidDateError: A date cannot be read.
            ValueError: ``status`` is given without ``country``, or is not a
                participant status.
        """
        if status is not None and country is None:
            raise ValueError("status needs a country: the capacity in which that country took part")
        if country is not None:
            found: Results[Meeting] = self.meetings_by_country(country, status=status)
        elif organization is not None:
            found = self.meetings_of(organization)
        else:
            found = self._index.ordered
        keep: list[Any] = []
        if country is not None and organization is not None:
            bodies = set(self.bodies_of(organization))
            keep.append(lambda m: m.organization in bodies)
        if topic is not None:
            vocabulary = topic_vocabulary()
            topic_id = vocabulary.resolve(topic)
            wanted = {topic_id, *vocabulary.narrower(topic_id)}
            keep.append(lambda m: not wanted.isdisjoint(m.topics))
        if start is not None or end is not None:
            window = {m.id for m in self.meetings_between(start or "0001", end or "9999")}
            keep.append(lambda m: m.id in window)
        if not keep:
            return found
        return Results(m for m in found if all(test(m) for test in keep))

    def initiatives_on(self, topic: str, *, narrower: bool = True) -> Results[Commitment]:
        """Commitments on a topic and, by default, on any narrower topic, in date order.

        Args:
            topic: Topic id, label or synonym (``"cyber terrorism"``).
            narrower: Include commitments on narrower topics.

        Raises:
            UnknownTopicError: The topic is not in the vocabulary.
        """
        return _on_topic(self._index.by_topic, topic, narrower, commitment_order)

    def officials_of(
        self, country: str, on: DateLike | None = None, *, certain: bool = False
    ) -> Results[Official]:
        """Officials of a country, by id.

        Args:
            country: Code, name or demonym.
            on: Only those who may have held a recorded post on that date:
                a post whose unknown start or end is taken as open.
            certain: With ``on``, only those whose recorded term surely
                covers every day the date can mean: a known start on or
                before it and a known end after it.  A term with no recorded
                end (an official still in office, or one whose end was not
                found) is never certain.

        Raises:
            UnknownCountryError: The country is not recognised.
            InvalidDateError: ``on`` cannot be read as a date.
        """
        code = to_country_code(country)
        found = self._index.officials_by_country.get(code, NONE)
        if on is None:
            return found
        when = to_partial_date(on)
        held = _holding(certain)
        return Results(o for o in found if any(held(p, when.earliest, when.latest) for p in o.positions))

    def posts_on(self, country: str, on: DateLike, *, certain: bool = False) -> Results[Tenure]:
        """The posts a country's officials held on a date: one answer per official and post.

        Args:
            country: Code, name or demonym.
            on: The date; a post counts as in :meth:`officials_of`.
            certain: Only posts whose recorded term surely covers the date.

        Raises:
            UnknownCountryError: The country is not recognised.
            InvalidDateError: ``on`` cannot be read as a date.
        """
        when = to_partial_date(on)
        held = _holding(certain)
        return Results(
            Tenure(o, p)
            for o in self._index.officials_by_country.get(to_country_code(country), NONE)
            for p in o.positions
            if held(p, when.earliest, when.latest)
        )

    def holders_of(self, post: str, on: DateLike | None = None, *, certain: bool = False) -> Results[Tenure]:
        """Who held a post (by its id, see :attr:`Position.post`), earliest term first.

        Args:
            post: The post's id (``"cis-cmia-chair"``); ``scocoop.posts()``
                lists them.
            on: Only the terms that may have covered this date.
            certain: With ``on``, only terms that surely covered it.

        Raises:
            UnknownIdError: No recorded term is of this post.
            InvalidDateError: ``on`` cannot be read as a date.
        """
        terms = self._index.by_post.get(post) if isinstance(post, str) else None
        if terms is None:
            raise UnknownIdError("post", post, candidates=tuple(sorted(self._index.by_post)))
        if on is None:
            return terms
        when = to_partial_date(on)
        held = _holding(certain)
        return Results(t for t in terms if held(t.position, when.earliest, when.latest))

    def posts(self) -> tuple[str, ...]:
        """The ids of the posts that recorded terms are of, sorted."""
        return tuple(sorted(self._index.by_post))

    def members_of(
        self,
        organization: str,
        on: DateLike | None = None,
        status: MembershipStatus | str | None = MembershipStatus.MEMBER,
        *,
        taking_part: bool = False,
    ) -> Results[str]:
        """Country codes with a standing in an organization, sorted.

        A body with no memberships of its own has those of its parent.  An
        empty result means that no country had that standing then, as far as
        the record goes; a body whose membership is not recorded at all
        raises :class:`NotRecordedError` rather than answer "none".

        A standing counts while it holds formally, including one whose
        participation its state declared frozen (see
        :attr:`Membership.qualifier`); ``taking_part=True`` leaves those
        periods out.  A membership the organization suspended has the status
        ``suspended`` and is not a full membership.

        Args:
            organization: Id, name, abbreviation or alias.
            on: Only standings that may have held on that date.
            status: Only this standing (default: full members); ``None``
                for any.
            taking_part: Leave out standings that held while the state did
                not take part (frozen, stopped taking part).

        Raises:
            UnknownIdError: The organization is not recognised.
            NotRecordedError: No membership of the organization, or of one it
                belongs to, is recorded.
            InvalidDateError: ``on`` cannot be read as a date.
            ValueError: ``status`` is not a membership status.
        """
        asked = org = self.organization(self.resolve_organization(organization))
        while not org.memberships and org.parent is not None:
            org = self.organization(org.parent)
        if not org.memberships:
            raise NotRecordedError(
                f"no membership of {show(asked.id)} (or of a body it belongs to) is recorded"
            )
        wanted = None if status is None else _status(MembershipStatus, status)
        when = None if on is None else to_partial_date(on)
        return Results(
            sorted(
                {
                    m.country
                    for m in org.memberships
                    if (wanted is None or m.status is wanted)
                    and (not taking_part or m.qualifier is None)
                    and (when is None or m.in_effect(when.earliest, when.latest))
                }
            )
        )

    def citations(self, record_id: str) -> Results[tuple[Citation, Source]]:
        """The citations of a record, each with its source (shown as a table of sources in notebooks).

        Raises:
            UnknownIdError: No record has this id.
        """
        record = self.get(record_id)
        if record is None:
            raise UnknownIdError("record", record_id)
        if isinstance(record, Source):
            return Results()
        return Results((c, self.source(c.source)) for c in record.sources)

    # Notebook conveniences: one-line delegates to the view functions, the
    # named exceptions to the one-way layering (see tests/test_layers.py).

    def to_pandas(self) -> dict[str, pandas.DataFrame]:
        """The dataset as tidy pandas DataFrames, by table name: :func:`scocoop.to_pandas` (extra ``pandas``).

        Raises:
            MissingExtraError: pandas is not installed.
        """
        from scocoop._views.frames import to_pandas  # upward, by design

        return to_pandas(self)

    def to_networkx(
        self,
        of: Literal["countries", "officials", "memberships"] = "countries",
        *,
        inferred: bool = True,
        organization: str | None = None,
        start: DateLike | None = None,
        end: DateLike | None = None,
    ) -> networkx.Graph[str]:
        """The co-participation or membership network: :func:`scocoop.to_networkx` (extra ``graph``).

        Args:
            of: ``"countries"``, ``"officials"`` or ``"memberships"``.
            inferred: Whether to count participants that no source names.
            organization: Only this organization and its bodies.
            start: Only what may fall on or after this date.
            end: Only what may fall on or before this date.

        Raises:
            MissingExtraError: networkx is not installed.
        """
        from scocoop._views.network import to_networkx  # upward, by design

        return to_networkx(self, of, inferred=inferred, organization=organization, start=start, end=end)

    def plot_timeline(self, ax: Axes | None = None) -> Axes:
        """Draw the dated meetings, one row per body: :func:`scocoop.plot_timeline` (extra ``plot``).

        Raises:
            MissingExtraError: matplotlib is not installed.
        """
        from scocoop._views.pictures import plot_timeline  # upward, by design

        return plot_timeline(self, ax)


E = TypeVar("E", ParticipantStatus, MembershipStatus, PartyStage)
T = TypeVar("T", bound=Commitment | Instrument)


def _status(kind: type[E], value: E | str, allowed: tuple[E, ...] = ()) -> E:
    """An enumeration's member given as itself or its value, among ``allowed`` (all, if empty)."""
    choices = allowed or tuple(kind)
    for choice in choices:
        if value is choice or choice.value == value:
            return choice
    listed = ", ".join(repr(c.value) for c in choices)
    raise ValueError(f"status must be one of {listed}, not {show(value)}")


def _on_topic(
    by_topic: dict[str, Results[T]], topic: str, narrower: bool, order: Callable[[T], DateKey]
) -> Results[T]:
    """The records on a topic and, if ``narrower``, on any narrower topic, in ``order``."""
    vocabulary = topic_vocabulary()
    topic_id = vocabulary.resolve(topic)
    ids = (topic_id, *vocabulary.narrower(topic_id)) if narrower else (topic_id,)
    groups = [g for g in (by_topic.get(i) for i in ids) if g]
    if len(groups) <= 1:
        return groups[0] if groups else NONE
    unique = {r.id: r for g in groups for r in g}
    return Results(sorted(unique.values(), key=order))


def _last_day(on: DateLike | None) -> datetime.date | None:
    """The last day a date can mean; ``None`` for "as of the latest record"."""
    return None if on is None else to_partial_date(on).latest


def _holding(certain: bool) -> Callable[[Position, datetime.date, datetime.date], bool]:
    """Whether a term surely covered a range (``certain``) or may have."""
    return Position.held_throughout if certain else Position.in_effect


def _record_id(record: Record) -> str:
    return record.id


def _data_version_problems(value: object) -> list[Problem]:
    """A data version is one line of text, like a name, or nothing."""
    if value is None:
        return []
    try:
        check_text("data_version", value, lines=False)
    except FieldError as exc:
        return [Problem(exc.field, exc.message)]
    return []


def _restore(collections: dict[str, tuple[Any, ...]], data_version: str | None) -> Dataset:
    """Rebuild a pickled or copied dataset."""
    return Dataset._checked(collections, data_version)  # noqa: SLF001 - the module's own constructor
