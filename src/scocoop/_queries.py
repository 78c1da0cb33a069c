"""The queries as functions over the bundled dataset.

Each function loads the bundled dataset on first use and calls the
:class:`~scocoop.Dataset` method of the same name; see there for details.
"""

from __future__ import annotations

from scocoop._dates import DateLike
from scocoop._instruments import PartyStage
from scocoop._io import load
from scocoop._model import (
    Commitment,
    Instrument,
    Meeting,
    MembershipStatus,
    Official,
    ParticipantStatus,
    Tenure,
)
from scocoop._results import Results

__all__ = [
    "absences_of",
    "find_meetings",
    "holders_of",
    "initiatives_on",
    "instruments_in_force",
    "instruments_on",
    "meetings_between",
    "meetings_by_country",
    "meetings_of",
    "members_of",
    "officials_of",
    "parties_to",
    "posts_on",
    "stage_of",
]


def meetings_by_country(country: str, *, status: ParticipantStatus | str | None = None) -> Results[Meeting]:
    """Bundled meetings in which a country took part; see :meth:`Dataset.meetings_by_country`."""
    return load().meetings_by_country(country, status=status)


def absences_of(country: str) -> Results[Meeting]:
    """Bundled meetings a country did not take part in, by their evidence; see :meth:`Dataset.absences_of`."""
    return load().absences_of(country)


def find_meetings(
    *,
    country: str | None = None,
    status: ParticipantStatus | str | None = None,
    organization: str | None = None,
    topic: str | None = None,
    start: DateLike | None = None,
    end: DateLike | None = None,
) -> Results[Meeting]:
    """Bundled meetings that meet every condition given; see :meth:`Dataset.find_meetings`."""
    return load().find_meetings(
        country=country, status=status, organization=organization, topic=topic, start=start, end=end
    )


def holders_of(post: str, on: DateLike | None = None, *, certain: bool = False) -> Results[Tenure]:
    """Who held a post in the bundled data; see :meth:`Dataset.holders_of`."""
    return load().holders_of(post, on, certain=certain)


def initiatives_on(topic: str, *, narrower: bool = True) -> Results[Commitment]:
    """Bundled commitments on a topic; see :meth:`Dataset.initiatives_on`."""
    return load().initiatives_on(topic, narrower=narrower)


def meetings_between(start: DateLike, end: DateLike, *, certain: bool = False) -> Results[Meeting]:
    """Bundled meetings in a date range; see :meth:`Dataset.meetings_between`."""
    return load().meetings_between(start, end, certain=certain)


def meetings_of(organization: str, *, bodies: bool = True) -> Results[Meeting]:
    """Bundled meetings of an organization; see :meth:`Dataset.meetings_of`."""
    return load().meetings_of(organization, bodies=bodies)


def officials_of(country: str, on: DateLike | None = None, *, certain: bool = False) -> Results[Official]:
    """Bundled officials of a country; see :meth:`Dataset.officials_of`."""
    return load().officials_of(country, on, certain=certain)


def members_of(
    organization: str,
    on: DateLike | None = None,
    status: MembershipStatus | str | None = MembershipStatus.MEMBER,
    *,
    taking_part: bool = False,
) -> Results[str]:
    """Countries with a standing in a bundled organization; see :meth:`Dataset.members_of`."""
    return load().members_of(organization, on, status, taking_part=taking_part)


def posts_on(country: str, on: DateLike, *, certain: bool = False) -> Results[Tenure]:
    """The posts a country's bundled officials held on a date; see :meth:`Dataset.posts_on`."""
    return load().posts_on(country, on, certain=certain)


def stage_of(instrument: str, country: str, on: DateLike | None = None) -> PartyStage:
    """Where a state stands under a bundled instrument; see :meth:`Dataset.stage_of`."""
    return load().stage_of(instrument, country, on)


def parties_to(
    instrument: str, on: DateLike | None = None, status: PartyStage | str = PartyStage.IN_FORCE
) -> Results[str]:
    """The states at a stage under a bundled instrument; see :meth:`Dataset.parties_to`."""
    return load().parties_to(instrument, on, status)


def instruments_in_force(
    country: str, on: DateLike | None = None, *, topic: str | None = None
) -> Results[Instrument]:
    """The bundled instruments in force for a state; see :meth:`Dataset.instruments_in_force`."""
    return load().instruments_in_force(country, on, topic=topic)


def instruments_on(topic: str, *, narrower: bool = True) -> Results[Instrument]:
    """Bundled instruments on a topic; see :meth:`Dataset.instruments_on`."""
    return load().instruments_on(topic, narrower=narrower)
