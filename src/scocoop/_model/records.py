"""The domain model: immutable records that refer to each other by id.

The records hold data and check the invariants of a single record (id
syntax, a date range in order).  Rules that span records (unique ids,
references that resolve, known countries and topics) belong to
:class:`scocoop.Dataset`.  Collections whose order carries no meaning are
sorted on construction (topics, parties, aliases), so that equal data
compares equal and serializes to the same bytes; lists whose order a curator
chooses (participants as the source lists them, memberships, positions,
citations) keep it.
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Any

from attrs import field, frozen

from scocoop._core.dates import PartialDate
from scocoop._core.errors import show
from scocoop._core.render import Shown
from scocoop._core.validators import (
    FieldError,
    a_country,
    a_language,
    a_text,
    an_edition,
    an_id,
    an_instance,
    check,
    check_range,
    collect_all,
    no_duplicates,
)

__all__ = [
    "COLLECTIONS",
    "REFERENCES",
    "Absence",
    "AbsenceReason",
    "Citation",
    "Commitment",
    "CommitmentKind",
    "CommitmentStatus",
    "EventKind",
    "InForceRule",
    "Instrument",
    "InstrumentEvent",
    "InstrumentKind",
    "Meeting",
    "MeetingMode",
    "Membership",
    "MembershipQualifier",
    "MembershipStatus",
    "Official",
    "Organization",
    "OrganizationKind",
    "Participant",
    "ParticipantList",
    "ParticipantStatus",
    "Place",
    "Position",
    "Record",
    "Reference",
    "Source",
    "Tenure",
    "commitment_order",
    "instrument_order",
    "meeting_order",
    "meeting_span",
    "tenure_order",
]


class OrganizationKind(enum.Enum):
    """What sort of body an organization is."""

    INTERGOVERNMENTAL_ORGANIZATION = "intergovernmental_organization"
    BODY = "body"
    REGIONAL_FORMAT = "regional_format"
    NATIONAL_AGENCY = "national_agency"
    OTHER = "other"


class MembershipStatus(enum.Enum):
    """A country's standing in an organization.

    ``PARTNER`` is the single status into which the SCO merged its observers
    and dialogue partners on 1 September 2025; ``ASSOCIATE_MEMBER`` is
    Turkmenistan's standing in the CIS; ``PARTICIPANT`` a state that takes
    part without a formal status (Ukraine in the CIS); ``SUSPENDED`` a
    membership the organization suspended by a decision of its own
    (Uzbekistan in the CSTO from 19 December 2012), which is not counted as
    membership.
    """

    MEMBER = "member"
    ASSOCIATE_MEMBER = "associate_member"
    OBSERVER = "observer"
    DIALOGUE_PARTNER = "dialogue_partner"
    PARTNER = "partner"
    PARTICIPANT = "participant"
    SUSPENDED = "suspended"


class MembershipQualifier(enum.Enum):
    """A standing that held formally while the state did not take part as it had.

    ``PARTICIPATION_FROZEN``: the state's government declared its
    participation frozen and remained formally a member (Armenia in the
    CSTO, from February 2024).  ``NOT_TAKING_PART``: the state stopped
    taking part without a formal act that the record holds.  A suspension
    decided by the organization is a status of its own
    (:attr:`MembershipStatus.SUSPENDED`), not a qualifier.
    """

    PARTICIPATION_FROZEN = "participation_frozen"
    NOT_TAKING_PART = "not_taking_part"


class ParticipantStatus(enum.Enum):
    """The capacity in which a delegation took part in one meeting.

    ``BODY`` is a body of the organization that met (a secretariat, a
    coordination bureau) attending in its own right.  ``SPEAKER`` is someone
    who addressed the meeting without belonging to the body that met: the
    host country's head of state opening it, an invited speaker.
    """

    MEMBER = "member"
    OBSERVER = "observer"
    DIALOGUE_PARTNER = "dialogue_partner"
    PARTNER = "partner"
    GUEST = "guest"
    BODY = "body"
    SPEAKER = "speaker"


class ParticipantList(enum.Enum):
    """How much of a meeting's attendance its evidence states.

    ``COMPLETE``: the sources name every state that took part, or say that
    all of a stated group did.  ``PARTIAL``: they name some and do not say
    that the list is whole.  ``NOT_STATED``: they do not say which states
    took part.  A count of attendance can leave out the meetings whose list
    is not complete.
    """

    COMPLETE = "complete"
    PARTIAL = "partial"
    NOT_STATED = "not_stated"


class AbsenceReason(enum.Enum):
    """Why a state did not take part in a meeting, as its evidence puts it.

    ``DID_NOT_ATTEND`` where the sources say only that it was not there.
    """

    DID_NOT_ATTEND = "did_not_attend"
    BOYCOTTED = "boycotted"
    PARTICIPATION_FROZEN = "participation_frozen"
    NOT_INVITED = "not_invited"
    SUSPENDED = "suspended"


class MeetingMode(enum.Enum):
    """How a meeting was held: in one place, by videoconference, or both."""

    IN_PERSON = "in_person"
    VIDEOCONFERENCE = "videoconference"
    HYBRID = "hybrid"


class CommitmentKind(enum.Enum):
    """What sort of undertaking a commitment is.

    ``STATEMENT`` is a joint statement or communiqué; ``PROTOCOL`` includes
    the signed minutes of a meeting.
    """

    PROPOSAL = "proposal"
    INITIATIVE = "initiative"
    AGREEMENT = "agreement"
    MEMORANDUM = "memorandum"
    PROTOCOL = "protocol"
    STATEMENT = "statement"
    PLAN = "plan"
    CONCEPT = "concept"
    PROGRAMME = "programme"
    STRATEGY = "strategy"
    REGULATION = "regulation"
    DECLARATION = "declaration"
    CHARTER = "charter"
    DECISION = "decision"


class CommitmentStatus(enum.Enum):
    """How far a commitment had come, as of the source that reports it."""

    PROPOSED = "proposed"
    ENDORSED = "endorsed"
    UNDER_DISCUSSION = "under_discussion"
    DRAFT = "draft"
    AGREED = "agreed"
    ADOPTED = "adopted"
    SIGNED = "signed"
    IN_FORCE = "in_force"


class InstrumentKind(enum.Enum):
    """What sort of instrument a treaty or programme is."""

    CHARTER = "charter"
    CONVENTION = "convention"
    TREATY = "treaty"
    AGREEMENT = "agreement"
    PROTOCOL = "protocol"
    PROGRAMME = "programme"
    STRATEGY = "strategy"
    CONCEPT = "concept"
    DECISION = "decision"
    MEMORANDUM = "memorandum"


class InForceRule(enum.Enum):
    """How an instrument enters into force, as its text or the pages state.

    ``ON_DATE``: for all its parties on one date (:attr:`Instrument.entry_into_force`).
    ``PER_STATE``: for each state separately, after its own consent.
    ``NOT_IN_FORCE``: not in force, as of the latest page found.
    """

    ON_DATE = "on_date"
    PER_STATE = "per_state"
    NOT_IN_FORCE = "not_in_force"


class EventKind(enum.Enum):
    """One step in a state's relation to an instrument.

    ``DOMESTIC_ACT`` is the state's own act of consent (a ratification law,
    a decree, a government resolution; its body and number in
    :attr:`InstrumentEvent.act`); ``DEPOSIT`` the deposit of the instrument of
    ratification, approval or of a notice of completed procedures with the
    depositary; ``WITHDRAWAL_ACT`` the state's own act deciding to withdraw
    (a law, a decree), ``WITHDRAWAL_NOTICE`` the notice of withdrawal and
    ``WITHDRAWAL`` the day it took effect.
    """

    SIGNATURE = "signature"
    NON_SIGNATURE = "non_signature"
    DOMESTIC_ACT = "domestic_act"
    DEPOSIT = "deposit"
    ACCESSION = "accession"
    ENTRY_INTO_FORCE = "entry_into_force"
    PROVISIONAL_APPLICATION = "provisional_application"
    RESERVATION = "reservation"
    DECLARATION = "declaration"
    WITHDRAWAL_ACT = "withdrawal_act"
    WITHDRAWAL_NOTICE = "withdrawal_notice"
    WITHDRAWAL = "withdrawal"
    SUSPENSION = "suspension"
    REVOCATION = "revocation"


def _sorted_strs(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted(values))


def _count_citations(values: tuple[Citation, ...]) -> str:
    # Quotes make a record's repr unreadable; the count says whether it is cited.
    return f"<{len(values)} citation{'' if len(values) == 1 else 's'}>"


# One converter per record type: mypy's attrs plugin needs a concrete type.
def _citations(values: Iterable[Citation]) -> tuple[Citation, ...]:
    return tuple(values)


def _memberships(values: Iterable[Membership]) -> tuple[Membership, ...]:
    return tuple(values)


def _positions(values: Iterable[Position]) -> tuple[Position, ...]:
    return tuple(values)


def _participants(values: Iterable[Participant]) -> tuple[Participant, ...]:
    return tuple(values)


def _absences(values: Iterable[Absence]) -> tuple[Absence, ...]:
    return tuple(values)


def _events(values: Iterable[InstrumentEvent]) -> tuple[InstrumentEvent, ...]:
    return tuple(values)


class _Term:
    """What a standing in an organization and a post have in common: a period from ``start`` to ``end``."""

    __slots__ = ()
    start: PartialDate | None
    end: PartialDate | None

    def _check_term(self) -> None:
        check_range("start", "end", self.start, self.end)

    def _last(self) -> PartialDate | None:
        """The end, or the latest day it can have ended where the end is not known."""
        return self.end

    def in_effect(self, earliest: datetime.date, latest: datetime.date) -> bool:
        """Whether it may have held at some day in the range.

        Unknown bounds are open, up to the latest possible end where one is
        known; the end day itself is excluded.
        """
        last = self._last()
        return (self.start is None or self.start.earliest <= latest) and (
            last is None or earliest < last.latest
        )

    def held_throughout(self, earliest: datetime.date, latest: datetime.date) -> bool:
        """Whether it surely held on every day of the range.

        Both bounds must be known: the start on or before ``earliest``, the
        end (excluded) after ``latest``.
        """
        return (
            self.start is not None
            and self.end is not None
            and self.start.latest <= earliest
            and latest < self.end.earliest
        )


def _member(kind: type[enum.Enum], value: Any) -> Any:
    """An enumeration's value (``"member"``) as its member, as loading reads it.

    Anything else is left for the field's validator to report.
    """
    if isinstance(value, str) and not isinstance(value, kind):
        try:
            return kind(value)
        except ValueError:
            return value
    return value


# One named converter per enumeration: mypy's attrs plugin reads only named functions.
def _organization_kind(value: Any) -> Any:
    return _member(OrganizationKind, value)


def _membership_status(value: Any) -> Any:
    return _member(MembershipStatus, value)


def _participant_status(value: Any) -> Any:
    return _member(ParticipantStatus, value)


def _meeting_mode(value: Any) -> Any:
    return _member(MeetingMode, value)


def _membership_qualifier(value: Any) -> Any:
    return _member(MembershipQualifier, value)


def _participant_list(value: Any) -> Any:
    return _member(ParticipantList, value)


def _absence_reason(value: Any) -> Any:
    return _member(AbsenceReason, value)


def _instrument_kind(value: Any) -> Any:
    return _member(InstrumentKind, value)


def _in_force_rule(value: Any) -> Any:
    return _member(InForceRule, value)


def _event_kind(value: Any) -> Any:
    return _member(EventKind, value)


def _commitment_kind(value: Any) -> Any:
    return _member(CommitmentKind, value)


def _commitment_status(value: Any) -> Any:
    return _member(CommitmentStatus, value)


def _is(kind: type[enum.Enum], *, optional: bool = False) -> Any:
    allowed = ", ".join(repr(m.value) for m in kind)
    return an_instance(kind, optional=optional, expected=f"one of {allowed}")


def _date(value: Any) -> Any:
    """A converter that reads EDTF text (``"2016-11-30"``) into a :class:`PartialDate`, as loading does."""
    if isinstance(value, str):
        try:
            return PartialDate.parse(value)
        except ValueError:
            return value
    return value


_A_DATE = an_instance(PartialDate, optional=True, expected="a PartialDate or EDTF text such as '2016-11-30'")


# Records.


@frozen(kw_only=True, field_transformer=collect_all)
class Citation(Shown):
    """The evidence for a record: a source and the words of it that support it.

    Attributes:
        source: Id of the :class:`Source`.
        quote: The verbatim words of the source (a sentence or less).  Every
            citation of a bundled source has one.
        note: What the citation shows when that needs saying.
    """

    source: str = field(validator=an_id())
    quote: str | None = field(default=None, validator=a_text(optional=True, lines=True))
    note: str | None = field(default=None, validator=a_text(optional=True, lines=True))

    def __attrs_post_init__(self) -> None:
        check(self)


@frozen(kw_only=True, field_transformer=collect_all)
class Source(Shown):
    """A document that records cite."""

    id: str = field(validator=an_id())
    title: str = field(validator=a_text())
    publisher: str | None = field(default=None, validator=a_text(optional=True))
    published: PartialDate | None = field(default=None, converter=_date, validator=_A_DATE)
    url: str | None = field(default=None, validator=a_text(optional=True))
    language: str = field(default="en", validator=a_language())
    note: str | None = field(default=None, validator=a_text(optional=True, lines=True))

    def __attrs_post_init__(self) -> None:
        check(self)


@frozen(kw_only=True, field_transformer=collect_all)
class Membership(_Term, Shown):
    """A country's standing in an organization over a period.

    ``start`` and ``end`` are ``None`` where they are not known; ``end`` is
    the date the standing ended (a country that moved from observer to
    member has the observer period end on the day membership starts).

    Attributes:
        qualifier: Set where the standing held formally but the state did
            not take part as it had (suspended, participation frozen); a
            change of qualifier starts a new period.
        notice: The day the state gave notice of withdrawal; ``end`` is the
            day the withdrawal took effect.
    """

    country: str = field(validator=a_country())
    status: MembershipStatus = field(
        default=MembershipStatus.MEMBER, converter=_membership_status, validator=_is(MembershipStatus)
    )
    qualifier: MembershipQualifier | None = field(
        default=None, converter=_membership_qualifier, validator=_is(MembershipQualifier, optional=True)
    )
    start: PartialDate | None = field(default=None, converter=_date, validator=_A_DATE)
    end: PartialDate | None = field(default=None, converter=_date, validator=_A_DATE)
    notice: PartialDate | None = field(default=None, converter=_date, validator=_A_DATE)
    sources: tuple[Citation, ...] = field(default=(), converter=_citations, repr=_count_citations)
    note: str | None = field(default=None, validator=a_text(optional=True, lines=True))

    def __attrs_post_init__(self) -> None:
        check(self, self._check_term, self._check_notice)

    def _check_notice(self) -> None:
        check_range("notice", "end", self.notice, self.end)


@frozen(kw_only=True, field_transformer=collect_all)
class Organization(Shown):
    """An intergovernmental organization, one of its bodies, a regional format, or a national agency.

    Attributes:
        parent: Id of the organization this one belongs to (the CIS Council
            of Ministers of Internal Affairs belongs to the CIS).
        country: For a national agency, its country.
        memberships: The countries' standing over time.  A body with no
            memberships of its own has those of its parent.
    """

    id: str = field(validator=an_id())
    name: str = field(validator=a_text())
    kind: OrganizationKind = field(converter=_organization_kind, validator=_is(OrganizationKind))
    abbreviation: str | None = field(default=None, validator=a_text(optional=True))
    parent: str | None = field(default=None, validator=an_id(optional=True))
    country: str | None = field(default=None, validator=a_country())
    founded: PartialDate | None = field(default=None, converter=_date, validator=_A_DATE)
    aliases: tuple[str, ...] = field(
        default=(), converter=_sorted_strs, validator=(a_text(many=True), no_duplicates())
    )
    memberships: tuple[Membership, ...] = field(default=(), converter=_memberships)
    sources: tuple[Citation, ...] = field(default=(), converter=_citations, repr=_count_citations)
    note: str | None = field(default=None, validator=a_text(optional=True, lines=True))

    def __attrs_post_init__(self) -> None:
        check(self, self._check_parent)

    def _check_parent(self) -> None:
        if self.parent == self.id:
            raise FieldError("parent", f"an organization cannot be its own parent ({show(self.id)})")


@frozen(kw_only=True, field_transformer=collect_all)
class Position(_Term, Shown):
    """A post an official held: a title, usually in an organization.

    ``start`` and ``end`` are the term of office as public record gives it;
    ``None`` where it is not known (the ``note`` says what is known).

    Attributes:
        post: Id of the post where one person holds it at a time
            (``kz-interior-minister``, ``cis-cmia-chair``): the key that
            :meth:`Dataset.holders_of` reads and that lets terms of one post
            be checked for overlaps.  ``None`` for a post several people
            hold at once (a deputy, a judge).
        ended_by: Where ``end`` is not known, the latest day the term can
            have ended (the start of a later holder's term), so that the
            term is not taken to run on; ``None`` where ``end`` is known or
            no bound is.
    """

    title: str = field(validator=a_text())
    organization: str | None = field(default=None, validator=an_id(optional=True))
    post: str | None = field(default=None, validator=an_id(optional=True))
    start: PartialDate | None = field(default=None, converter=_date, validator=_A_DATE)
    end: PartialDate | None = field(default=None, converter=_date, validator=_A_DATE)
    ended_by: PartialDate | None = field(default=None, converter=_date, validator=_A_DATE)
    note: str | None = field(default=None, validator=a_text(optional=True, lines=True))

    def __attrs_post_init__(self) -> None:
        check(self, self._check_term, self._check_ended_by)

    def _check_ended_by(self) -> None:
        if self.ended_by is not None and self.end is not None:
            raise FieldError("ended_by", "a term with a known end needs no ended_by; give one or the other")
        check_range("start", "ended_by", self.start, self.ended_by)

    def _last(self) -> PartialDate | None:
        return self.end if self.end is not None else self.ended_by


@frozen(kw_only=True, field_transformer=collect_all)
class Official(Shown):
    """A person who took part in cooperation, under one canonical name.

    Attributes:
        name: One canonical romanisation, given name first.
        aliases: Other spellings, the source's word order, native scripts.
        positions: Posts held, earliest first.
    """

    id: str = field(validator=an_id())
    name: str = field(validator=a_text())
    country: str = field(validator=a_country())
    aliases: tuple[str, ...] = field(
        default=(), converter=_sorted_strs, validator=(a_text(many=True), no_duplicates())
    )
    positions: tuple[Position, ...] = field(default=(), converter=_positions)
    sources: tuple[Citation, ...] = field(default=(), converter=_citations, repr=_count_citations)
    note: str | None = field(default=None, validator=a_text(optional=True, lines=True))

    def __attrs_post_init__(self) -> None:
        check(self)


@frozen(kw_only=True, field_transformer=collect_all)
class Place(Shown):
    """Where a meeting was held, under the place's current name.

    Attributes:
        city: The city (or the town nearest a venue outside one), in its
            current English name: one spelling per city.
        name_at_the_time: The name the city had on the meeting's date, where
            it differs from ``city``.
        venue: The building or site, where the sources name it.
    """

    city: str = field(validator=a_text())
    country: str = field(validator=a_country())
    name_at_the_time: str | None = field(default=None, validator=a_text(optional=True))
    venue: str | None = field(default=None, validator=a_text(optional=True))

    def __attrs_post_init__(self) -> None:
        check(self)


@frozen(kw_only=True, field_transformer=collect_all)
class Participant(Shown):
    """A delegation at a meeting: a country, a body, or both.

    Attributes:
        country: The delegation's country (``None`` for a body of an
            international organization).
        organization: The agency or body the delegation came from.
        status: The capacity in which it took part; ``None`` where the
            source does not say or none applies (bilateral talks).
        official: Id of the :class:`Official` who led or represented it.
        role: The official's role at the meeting ("head of delegation").
        inferred: True when the source does not name this participant and
            it was inferred (from "all member states attended", say); the
            ``note`` gives the reasoning.
    """

    country: str | None = field(default=None, validator=a_country())
    organization: str | None = field(default=None, validator=an_id(optional=True))
    status: ParticipantStatus | None = field(
        default=None, converter=_participant_status, validator=_is(ParticipantStatus, optional=True)
    )
    official: str | None = field(default=None, validator=an_id(optional=True))
    role: str | None = field(default=None, validator=a_text(optional=True))
    inferred: bool = field(default=False, validator=an_instance(bool, expected="true or false"))
    note: str | None = field(default=None, validator=a_text(optional=True, lines=True))

    def __attrs_post_init__(self) -> None:
        check(self, self._check_delegation)

    def _check_delegation(self) -> None:
        if self.country is None and self.organization is None:
            raise FieldError("country", "a participant needs a country or an organization")


@frozen(kw_only=True, field_transformer=collect_all)
class Absence(Shown):
    """A state that its evidence says did not take part in a meeting.

    An absent state is never a participant: queries of attendance leave the
    meeting out for it, and :meth:`Dataset.absences_of` lists them.
    """

    country: str = field(validator=a_country())
    reason: AbsenceReason = field(
        default=AbsenceReason.DID_NOT_ATTEND, converter=_absence_reason, validator=_is(AbsenceReason)
    )
    sources: tuple[Citation, ...] = field(default=(), converter=_citations, repr=_count_citations)
    note: str | None = field(default=None, validator=a_text(optional=True, lines=True))

    def __attrs_post_init__(self) -> None:
        check(self)


@frozen(kw_only=True, field_transformer=collect_all)
class Meeting(Shown):
    """A meeting of a body: when, where, who took part, on what.

    Attributes:
        organization: Id of the body that met; ``None`` for a meeting held
            outside any body, such as bilateral talks.
        held_during: Id of the meeting on whose sidelines this one was held.
        edition: Its number in the body's series, where the source gives it.
        date: The (first) day, as precise as the sources allow; ``None``
            only where no source dates the meeting.
        end_date: The last day of a meeting of several days.
        place: Where it was held; ``None`` for a meeting held only by
            videoconference, or where no source says.
        mode: In person, by videoconference or hybrid; ``None`` where the
            sources do not say.
        host: The country that hosted it (for a videoconference, the country
            that organised it).
        chair: The country that chaired it.
        next_host: The country the meeting named as the next host.
        participant_list: Whether ``participants`` names every state that
            took part, some of them, or none that the sources state.
        absences: States the sources say did not take part.
        topics: Ids from the topic vocabulary.
    """

    id: str = field(validator=an_id())
    name: str = field(validator=a_text())
    organization: str | None = field(default=None, validator=an_id(optional=True))
    held_during: str | None = field(default=None, validator=an_id(optional=True))
    edition: int | None = field(default=None, validator=an_edition())
    date: PartialDate | None = field(default=None, converter=_date, validator=_A_DATE)
    end_date: PartialDate | None = field(default=None, converter=_date, validator=_A_DATE)
    place: Place | None = field(default=None, validator=an_instance(Place, optional=True, expected="a Place"))
    mode: MeetingMode | None = field(
        default=None, converter=_meeting_mode, validator=_is(MeetingMode, optional=True)
    )
    host: str | None = field(default=None, validator=a_country())
    chair: str | None = field(default=None, validator=a_country())
    next_host: str | None = field(default=None, validator=a_country())
    participants: tuple[Participant, ...] = field(default=(), converter=_participants)
    participant_list: ParticipantList = field(
        default=ParticipantList.NOT_STATED, converter=_participant_list, validator=_is(ParticipantList)
    )
    absences: tuple[Absence, ...] = field(default=(), converter=_absences)
    topics: tuple[str, ...] = field(
        default=(), converter=_sorted_strs, validator=(an_id(many=True), no_duplicates())
    )
    sources: tuple[Citation, ...] = field(default=(), converter=_citations, repr=_count_citations)
    note: str | None = field(default=None, validator=a_text(optional=True, lines=True))

    def __attrs_post_init__(self) -> None:
        check(self, self._check_dates, self._check_place, self._check_absences)

    def _check_absences(self) -> None:
        present = {p.country for p in self.participants}
        for absence in self.absences:
            if absence.country in present:
                raise FieldError(
                    "absences",
                    f"{show(absence.country)} is both a participant and absent; a state that did not take"
                    " part is not listed among the participants",
                )

    def _check_dates(self) -> None:
        if self.end_date is not None and self.date is None:
            raise FieldError("end_date", "an end_date needs a date")
        check_range("date", "end_date", self.date, self.end_date)

    def _check_place(self) -> None:
        if self.mode is MeetingMode.VIDEOCONFERENCE and self.place is not None:
            raise FieldError(
                "place", f"a meeting held only by videoconference has no place, got {show(self.place)}"
            )

    @property
    def countries(self) -> tuple[str, ...]:
        """The codes of the countries that took part, sorted, each once."""
        return tuple(sorted({p.country for p in self.participants if p.country}))


@frozen(kw_only=True, field_transformer=collect_all)
class Commitment(Shown):
    """Something proposed, agreed, adopted or signed: the unit of initiatives.

    ``status`` and ``date`` are the instrument's own: when it was proposed,
    adopted or signed.  A meeting that only discussed it (reviewed its draft,
    reported on it) is listed in ``discussed_at``, not in ``meeting``.

    Attributes:
        meeting: Id of the meeting at which it reached ``status`` (was
            proposed, adopted or signed there).
        discussed_at: Ids of meetings that discussed it without making it.
        proposed_by: Id of the :class:`Official` who proposed it.
        proposer: The country that proposed it, for a unilateral proposal.
        parties: Countries bound by it (an agreement, a protocol) or that
            adopted it, where the sources name them; never a mere proposer.
        date: When it had ``status``: with a ``meeting``, within the
            meeting's dates.
    """

    id: str = field(validator=an_id())
    kind: CommitmentKind = field(converter=_commitment_kind, validator=_is(CommitmentKind))
    status: CommitmentStatus = field(converter=_commitment_status, validator=_is(CommitmentStatus))
    title: str = field(validator=a_text())
    summary: str | None = field(default=None, validator=a_text(optional=True, lines=True))
    meeting: str | None = field(default=None, validator=an_id(optional=True))
    discussed_at: tuple[str, ...] = field(
        default=(), converter=_sorted_strs, validator=(an_id(many=True), no_duplicates())
    )
    proposed_by: str | None = field(default=None, validator=an_id(optional=True))
    proposer: str | None = field(default=None, validator=a_country())
    parties: tuple[str, ...] = field(
        default=(), converter=_sorted_strs, validator=(a_country(many=True), no_duplicates())
    )
    topics: tuple[str, ...] = field(
        default=(), converter=_sorted_strs, validator=(an_id(many=True), no_duplicates())
    )
    date: PartialDate | None = field(default=None, converter=_date, validator=_A_DATE)
    instrument: str | None = field(default=None, validator=an_id(optional=True))
    sources: tuple[Citation, ...] = field(default=(), converter=_citations, repr=_count_citations)
    note: str | None = field(default=None, validator=a_text(optional=True, lines=True))

    def __attrs_post_init__(self) -> None:
        check(self)


_CONSENT = frozenset({EventKind.DOMESTIC_ACT, EventKind.DEPOSIT, EventKind.ENTRY_INTO_FORCE})


@frozen(kw_only=True, field_transformer=collect_all)
class InstrumentEvent(Shown):
    """One state's step in relation to an instrument, with its evidence.

    Attributes:
        country: The state.
        kind: What happened.
        date: When, as precise as the sources allow.
        no_later_than: Where ``date`` is not known, the latest day it can
            have happened (a page reporting it as done by then).
        act: For a domestic act, its body, kind and number ("Law of the
            Republic of Kazakhstan No. 123-IV").
        inferred: True where no page states the event and it was reasoned
            (from the instrument's rule of entry into force, say); the note
            gives the reasoning.
    """

    country: str = field(validator=a_country())
    kind: EventKind = field(converter=_event_kind, validator=_is(EventKind))
    date: PartialDate | None = field(default=None, converter=_date, validator=_A_DATE)
    no_later_than: PartialDate | None = field(default=None, converter=_date, validator=_A_DATE)
    act: str | None = field(default=None, validator=a_text(optional=True))
    inferred: bool = field(default=False, validator=an_instance(bool, expected="true or false"))
    sources: tuple[Citation, ...] = field(default=(), converter=_citations, repr=_count_citations)
    note: str | None = field(default=None, validator=a_text(optional=True, lines=True))

    def __attrs_post_init__(self) -> None:
        check(self, self._check_bound)

    def _check_bound(self) -> None:
        if self.no_later_than is not None and self.date is not None:
            raise FieldError(
                "no_later_than", "an event with a known date needs no bound; give one or the other"
            )


@frozen(kw_only=True, field_transformer=collect_all)
class Instrument(Shown):
    """A treaty, convention, agreement, programme or other instrument, with each state's events.

    A :class:`Commitment` is what a meeting did about an instrument (signed
    it, adopted it, discussed its draft) and names it in
    :attr:`Commitment.instrument`; the instrument holds what follows for
    each state.

    Attributes:
        title: The English title.
        kind: What sort of instrument it is.
        original_title: The title in the language of an authentic text.
        organization: The organization whose instrument it is.
        body: The body that adopted it (the Council of Heads of State).
        adopted_at: The meeting at which it was signed or adopted.
        binding: Whether it binds the states that consent to it (a treaty),
            or not (a programme adopted by decision); ``None`` where the
            sources do not say.
        signed: The day it was signed or adopted.
        place: The city where it was signed or adopted.
        depositary: Who keeps it, as its text or the pages name them.
        entry_into_force: Its own entry into force, where one date applies.
        in_force_rule: How it enters into force.
        duration: Its term and prolongation, in our own words.
        amends: The instrument this one amends.
        replaces: The instrument this one replaces.
        events: Each state's steps, one entry per event.
    """

    id: str = field(validator=an_id())
    title: str = field(validator=a_text())
    kind: InstrumentKind = field(converter=_instrument_kind, validator=_is(InstrumentKind))
    original_title: str | None = field(default=None, validator=a_text(optional=True))
    organization: str | None = field(default=None, validator=an_id(optional=True))
    body: str | None = field(default=None, validator=an_id(optional=True))
    adopted_at: str | None = field(default=None, validator=an_id(optional=True))
    binding: bool | None = field(
        default=None, validator=an_instance(bool, optional=True, expected="true, false or null")
    )
    signed: PartialDate | None = field(default=None, converter=_date, validator=_A_DATE)
    place: str | None = field(default=None, validator=a_text(optional=True))
    depositary: str | None = field(default=None, validator=a_text(optional=True))
    entry_into_force: PartialDate | None = field(default=None, converter=_date, validator=_A_DATE)
    in_force_rule: InForceRule | None = field(
        default=None, converter=_in_force_rule, validator=_is(InForceRule, optional=True)
    )
    duration: str | None = field(default=None, validator=a_text(optional=True, lines=True))
    amends: str | None = field(default=None, validator=an_id(optional=True))
    replaces: str | None = field(default=None, validator=an_id(optional=True))
    topics: tuple[str, ...] = field(
        default=(), converter=_sorted_strs, validator=(an_id(many=True), no_duplicates())
    )
    events: tuple[InstrumentEvent, ...] = field(default=(), converter=_events)
    sources: tuple[Citation, ...] = field(default=(), converter=_citations, repr=_count_citations)
    note: str | None = field(default=None, validator=a_text(optional=True, lines=True))

    def __attrs_post_init__(self) -> None:
        check(self, self._check_dates, self._check_event_order)

    def _check_dates(self) -> None:
        check_range("signed", "entry_into_force", self.signed, self.entry_into_force)
        for name in ("amends", "replaces"):
            if getattr(self, name) == self.id:
                raise FieldError(name, f"an instrument cannot {name[:-1]} itself ({show(self.id)})")

    def _check_event_order(self) -> None:
        """A state's steps come in their order, and none before the instrument was signed."""
        first: dict[tuple[str, EventKind], tuple[int, PartialDate]] = {}
        for index, event in enumerate(self.events):
            if event.date is None:
                continue
            if self.signed is not None and event.date.latest < self.signed.earliest:
                raise FieldError(
                    "events",
                    f"events[{index}] ({event.country} {event.kind.value}, {event.date}) is before the"
                    f" instrument was signed ({self.signed})",
                )
            key = (event.country, event.kind)
            if key not in first or event.date.earliest < first[key][1].earliest:
                first[key] = (index, event.date)
        for country in sorted({e.country for e in self.events}):
            _in_order(first, country, EventKind.SIGNATURE, _CONSENT)
            _in_order(first, country, EventKind.DEPOSIT, (EventKind.ENTRY_INTO_FORCE,))
            _in_order(first, country, EventKind.WITHDRAWAL_NOTICE, (EventKind.WITHDRAWAL,))


def _in_order(
    first: dict[tuple[str, EventKind], tuple[int, PartialDate]],
    country: str,
    earlier: EventKind,
    later: Iterable[EventKind],
) -> None:
    """Refuse a ``later`` step of a state that surely came before its ``earlier`` one."""
    if (country, earlier) not in first:
        return
    at, before = first[(country, earlier)]
    for kind in sorted(later, key=lambda k: k.value):
        if (country, kind) in first:
            index, after = first[(country, kind)]
            if after.latest < before.earliest:
                raise FieldError(
                    "events",
                    f"events[{index}] ({country} {kind.value}, {after}) comes before its"
                    f" {earlier.value} at events[{at}] ({before})",
                )


@frozen
class Tenure:
    """An official and one post they held: an answer to "who held which post then".

    Attributes:
        official: The official.
        position: The post, with its term as recorded.
    """

    official: Official
    position: Position

    @property
    def title(self) -> str:
        """The post's title."""
        return self.position.title


Record = Source | Organization | Official | Meeting | Commitment | Instrument
"""Any of the six kinds of record."""

COLLECTIONS: Mapping[str, type[Record]] = MappingProxyType(
    {
        "sources": Source,
        "organizations": Organization,
        "officials": Official,
        "meetings": Meeting,
        "commitments": Commitment,
        "instruments": Instrument,
    }
)
"""The collections of a dataset and the record type of each, in the order they are written."""


@frozen
class Reference:
    """A field whose value names another record, a country or a topic.

    Attributes:
        collection: The collection whose records hold the field.
        path: Attribute names from the record to the value; a tuple met on
            the way is gone through item by item (``participants``,
            ``official``).
        target: The collection the value names, or ``"countries"`` (an ISO
            3166-1 alpha-2 code) or ``"topics"`` (a topic id).
    """

    collection: str
    path: tuple[str, ...]
    target: str


def _refs(collection: str, target: str, *paths: str) -> tuple[Reference, ...]:
    return tuple(Reference(collection, tuple(p.split(".")), target) for p in paths)


REFERENCES: tuple[Reference, ...] = (
    *_refs("organizations", "organizations", "parent"),
    *_refs("organizations", "countries", "country", "memberships.country"),
    *_refs("organizations", "sources", "sources.source", "memberships.sources.source"),
    *_refs("officials", "countries", "country"),
    *_refs("officials", "organizations", "positions.organization"),
    *_refs("officials", "sources", "sources.source"),
    *_refs("meetings", "organizations", "organization", "participants.organization"),
    *_refs("meetings", "meetings", "held_during"),
    *_refs(
        "meetings",
        "countries",
        "place.country",
        "host",
        "chair",
        "next_host",
        "participants.country",
        "absences.country",
    ),
    *_refs("meetings", "officials", "participants.official"),
    *_refs("meetings", "topics", "topics"),
    *_refs("meetings", "sources", "sources.source", "absences.sources.source"),
    *_refs("commitments", "meetings", "meeting", "discussed_at"),
    *_refs("commitments", "officials", "proposed_by"),
    *_refs("commitments", "countries", "proposer", "parties"),
    *_refs("commitments", "topics", "topics"),
    *_refs("commitments", "instruments", "instrument"),
    *_refs("commitments", "sources", "sources.source"),
    *_refs("instruments", "organizations", "organization", "body"),
    *_refs("instruments", "meetings", "adopted_at"),
    *_refs("instruments", "instruments", "amends", "replaces"),
    *_refs("instruments", "countries", "events.country"),
    *_refs("instruments", "topics", "topics"),
    *_refs("instruments", "sources", "sources.source", "events.sources.source"),
)
"""Every field that names something outside its record: the one declaration
that the dataset's integrity checks, the tables' foreign keys and the docs read."""


# Date order.

_FAR_FUTURE = datetime.date.max

DateKey = tuple[bool, datetime.date, datetime.date, bool, bool, str]


def _date_key(date: PartialDate | None, record_id: str) -> DateKey:
    # As PartialDate sorts (earliest, latest, certain before flagged), then by id.
    if date is None:
        return (True, _FAR_FUTURE, _FAR_FUTURE, False, False, record_id)
    return (False, date.earliest, date.latest, date.uncertain, date.approximate, record_id)


def meeting_order(meeting: Meeting) -> DateKey:
    """Sort key of meetings in date order: earliest day, latest day, id; undated last.

    ``sorted(ds.meetings, key=scocoop.meeting_order)`` lists meetings as queries do.
    """
    return _date_key(meeting.date, meeting.id)


def commitment_order(commitment: Commitment) -> DateKey:
    """Sort key of commitments in date order, as :func:`meeting_order`."""
    return _date_key(commitment.date, commitment.id)


def instrument_order(instrument: Instrument) -> DateKey:
    """Sort key of instruments by the day they were signed or adopted, as :func:`meeting_order`."""
    return _date_key(instrument.signed, instrument.id)


def meeting_span(meeting: Meeting) -> tuple[datetime.date, datetime.date]:
    """The first and last day a meeting's dates can mean; far in the future if undated."""
    if meeting.date is None:
        return (_FAR_FUTURE, _FAR_FUTURE)
    return meeting.date.earliest, (meeting.end_date or meeting.date).latest


def tenure_order(tenure: Tenure) -> DateKey:
    """Sort key of terms of office by their start (unknown starts last), then by official."""
    return _date_key(tenure.position.start, tenure.official.id)
