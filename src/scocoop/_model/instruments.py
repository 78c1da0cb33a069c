"""Where a state stands under an instrument on a day, read from its recorded events.

The answer is one of the stages of :class:`PartyStage`.  Only recorded events
count: nothing is inferred here from an instrument's rule of entry into force
(an event that a curator reasoned is recorded with ``inferred=True``).  An
event counts as having happened by a date when the first day it can mean is
on or before the last day the date can mean, as ``on=`` does elsewhere; an
event known only to have happened by a day (``no_later_than``) counts from
that day; an undated event counts only for the question "as of the latest
record" (``on=None``).
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Iterable

from scocoop._model.records import EventKind, Instrument, InstrumentEvent

__all__ = ["PARTY_STAGES", "PartyStage", "in_date_order", "stage"]


class PartyStage(enum.Enum):
    """A state's standing under an instrument.

    ``NOT_KNOWN``: no event of the state is recorded.  ``NOT_YET``: its
    recorded events all come later.  ``NOT_SIGNED``: a page states that it did
    not sign.  ``SIGNED``: signed, its consent not (yet) recorded.
    ``CONSENTED``: ratified, approved, acceded or deposited its consent, entry
    into force for it not (yet) recorded.  ``IN_FORCE``: in force for it.
    ``SUSPENDED`` and ``WITHDRAWN``: as recorded, the latter once the
    withdrawal took effect.
    """

    NOT_KNOWN = "not_known"
    NOT_YET = "not_yet"
    NOT_SIGNED = "not_signed"
    SIGNED = "signed"
    CONSENTED = "consented"
    IN_FORCE = "in_force"
    SUSPENDED = "suspended"
    WITHDRAWN = "withdrawn"


PARTY_STAGES = (PartyStage.SIGNED, PartyStage.CONSENTED, PartyStage.IN_FORCE)
"""The stages of a party, in order: a party "at" a stage has reached it or a later one."""

# The stage each kind of event brings a state to, latest steps first.
_BRINGS = {
    EventKind.WITHDRAWAL: PartyStage.WITHDRAWN,
    EventKind.SUSPENSION: PartyStage.SUSPENDED,
    EventKind.ENTRY_INTO_FORCE: PartyStage.IN_FORCE,
    EventKind.DEPOSIT: PartyStage.CONSENTED,
    EventKind.ACCESSION: PartyStage.CONSENTED,
    EventKind.DOMESTIC_ACT: PartyStage.CONSENTED,
    EventKind.PROVISIONAL_APPLICATION: PartyStage.CONSENTED,
    EventKind.SIGNATURE: PartyStage.SIGNED,
    EventKind.REVOCATION: PartyStage.SIGNED,
    EventKind.NON_SIGNATURE: PartyStage.NOT_SIGNED,
}
_RANK = {kind: index for index, kind in enumerate(_BRINGS)}


def _happened(event: InstrumentEvent, by: datetime.date | None) -> bool:
    if by is None:
        return True
    if event.date is not None:
        return event.date.earliest <= by
    return event.no_later_than is not None and event.no_later_than.latest <= by


def _known_later(event: InstrumentEvent, by: datetime.date | None) -> bool:
    return (event.date is not None or event.no_later_than is not None) and not _happened(event, by)


def _day(event: InstrumentEvent) -> datetime.date:
    return event.date.earliest if event.date is not None else datetime.date.min


def _order_day(event: InstrumentEvent) -> datetime.date:
    if event.date is not None:
        return event.date.earliest
    if event.no_later_than is not None:
        return event.no_later_than.latest
    return datetime.date.max


def in_date_order(events: Iterable[InstrumentEvent]) -> list[InstrumentEvent]:
    """``events`` in the order they happened, as far as their dates tell.

    A dated event comes at the first day its date can mean; one known only
    to have happened by a day (``no_later_than``) at that day; an undated
    one last.  Events on the same day keep the order they were recorded in.
    """
    return sorted(events, key=_order_day)


_BREAKS = frozenset({EventKind.WITHDRAWAL, EventKind.SUSPENSION, EventKind.REVOCATION})
"""Events after which a state's earlier steps no longer count."""


def stage(instrument: Instrument, country: str, by: datetime.date | None = None) -> PartyStage:
    """The stage of ``country`` under ``instrument`` by the day ``by`` (``None``: as of the latest record).

    The steps after the state's latest withdrawal, suspension or revocation of
    consent count (all of them if there is none): the furthest of them
    decides; with none after it, the break itself does.
    """
    events = [e for e in instrument.events if e.country == country]
    if not events:
        return PartyStage.NOT_KNOWN
    steps = [e for e in events if e.kind in _BRINGS and _happened(e, by)]
    if not steps:
        later = any(_known_later(e, by) for e in events)
        return PartyStage.NOT_YET if later else PartyStage.NOT_KNOWN
    breaks = [e for e in steps if e.kind in _BREAKS]
    if breaks:
        last = max(breaks, key=_day)
        after = [e for e in steps if e.kind not in _BREAKS and _day(e) > _day(last)]
        if not after:
            return _BRINGS[last.kind]
        steps = after
    return _BRINGS[min((e.kind for e in steps), key=_RANK.__getitem__)]
