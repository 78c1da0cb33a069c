"""scocoop: a citable record of security cooperation in the SCO, the CIS and Central Asia.

>>> import scocoop
>>> [m.id for m in scocoop.meetings_of("SCO prosecutors general") if m.date][:2]
['sco-prosecutors-general-1', 'sco-prosecutors-general-7']
"""

import os as _os
import sys as _sys
import threading as _threading
from types import FunctionType as _FunctionType
from typing import TYPE_CHECKING as _TYPE_CHECKING

if _TYPE_CHECKING:
    from scocoop._core.converter import make_converter
    from scocoop._core.dates import DateLike, PartialDate, Precision, to_partial_date
    from scocoop._core.errors import (
        AmbiguousCountryError,
        CountryResolutionError,
        CountryResolutionWarning,
        DataError,
        InvalidDateError,
        MissingExtraError,
        NotRecordedError,
        Problem,
        RecordError,
        ScocoopError,
        UnknownCountryError,
        UnknownIdError,
        UnknownTopicError,
    )
    from scocoop._countries.codes import (
        CountryCodes,
        Scheme,
        country_codes,
        country_name,
        to_country_code,
        to_country_codes,
    )
    from scocoop._countries.systems import StateCode
    from scocoop._dataset.dataset import Dataset
    from scocoop._dataset.results import Results
    from scocoop._io.jsonfile import dump, dumps, load, loads
    from scocoop._io.schema import SCHEMA_VERSION
    from scocoop._model.instruments import PartyStage
    from scocoop._model.records import (
        Absence,
        AbsenceReason,
        Citation,
        Commitment,
        CommitmentKind,
        CommitmentStatus,
        EventKind,
        InForceRule,
        Instrument,
        InstrumentEvent,
        InstrumentKind,
        Meeting,
        MeetingMode,
        Membership,
        MembershipQualifier,
        MembershipStatus,
        Official,
        Organization,
        OrganizationKind,
        Participant,
        ParticipantList,
        ParticipantStatus,
        Place,
        Position,
        Record,
        Source,
        Tenure,
        commitment_order,
        instrument_order,
        meeting_order,
    )
    from scocoop._model.topics import Topic, Vocabulary, topics
    from scocoop._queries import (
        absences_of,
        events_of,
        find_meetings,
        holders_of,
        initiatives_on,
        instruments_in_force,
        instruments_on,
        meetings_between,
        meetings_by_country,
        meetings_of,
        members_of,
        officials_of,
        parties_to,
        posts_on,
        stage_of,
    )
    from scocoop._views.changes import Change, changes
    from scocoop._views.coverage import SeriesCoverage, coverage
    from scocoop._views.export import export
    from scocoop._views.frames import to_pandas
    from scocoop._views.info import DatasetInfo, cite, dataset_info
    from scocoop._views.network import to_networkx
    from scocoop._views.panels import country_year, dyad_year
    from scocoop._views.pictures import plot_attendance, plot_timeline

    __version__: str

__all__ = [
    "SCHEMA_VERSION",
    "Absence",
    "AbsenceReason",
    "AmbiguousCountryError",
    "Change",
    "Citation",
    "Commitment",
    "CommitmentKind",
    "CommitmentStatus",
    "CountryCodes",
    "CountryResolutionError",
    "CountryResolutionWarning",
    "DataError",
    "Dataset",
    "DatasetInfo",
    "DateLike",
    "EventKind",
    "InForceRule",
    "Instrument",
    "InstrumentEvent",
    "InstrumentKind",
    "InvalidDateError",
    "Meeting",
    "MeetingMode",
    "Membership",
    "MembershipQualifier",
    "MembershipStatus",
    "MissingExtraError",
    "NotRecordedError",
    "Official",
    "Organization",
    "OrganizationKind",
    "PartialDate",
    "Participant",
    "ParticipantList",
    "ParticipantStatus",
    "PartyStage",
    "Place",
    "Position",
    "Precision",
    "Problem",
    "Record",
    "RecordError",
    "Results",
    "Scheme",
    "ScocoopError",
    "SeriesCoverage",
    "Source",
    "StateCode",
    "Tenure",
    "Topic",
    "UnknownCountryError",
    "UnknownIdError",
    "UnknownTopicError",
    "Vocabulary",
    "absences_of",
    "changes",
    "cite",
    "commitment_order",
    "country_codes",
    "country_name",
    "country_year",
    "coverage",
    "dataset_info",
    "dump",
    "dumps",
    "dyad_year",
    "events_of",
    "export",
    "find_meetings",
    "holders_of",
    "initiatives_on",
    "instrument_order",
    "instruments_in_force",
    "instruments_on",
    "load",
    "loads",
    "make_converter",
    "meeting_order",
    "meetings_between",
    "meetings_by_country",
    "meetings_of",
    "members_of",
    "officials_of",
    "parties_to",
    "plot_attendance",
    "plot_timeline",
    "posts_on",
    "stage_of",
    "to_country_code",
    "to_country_codes",
    "to_networkx",
    "to_pandas",
    "to_partial_date",
    "topics",
]

# Importing scocoop imports none of its modules: each public name is looked
# up in its module on first access (PEP 562), so that ``import scocoop`` costs
# about what importing attrs does, and a script or a command pays only for the
# modules it uses.  Type checkers read the imports above instead.
_MODULES: dict[str, tuple[str, ...]] = {
    "_views.changes": ("Change", "changes"),
    "_core.converter": ("make_converter",),
    "_countries.codes": (
        "CountryCodes",
        "Scheme",
        "country_codes",
        "country_name",
        "to_country_code",
        "to_country_codes",
    ),
    "_views.coverage": ("SeriesCoverage", "coverage"),
    "_dataset.dataset": ("Dataset",),
    "_core.dates": ("DateLike", "PartialDate", "Precision", "to_partial_date"),
    "_core.errors": (
        "AmbiguousCountryError",
        "CountryResolutionError",
        "CountryResolutionWarning",
        "DataError",
        "InvalidDateError",
        "MissingExtraError",
        "NotRecordedError",
        "Problem",
        "RecordError",
        "ScocoopError",
        "UnknownCountryError",
        "UnknownIdError",
        "UnknownTopicError",
    ),
    "_views.export": ("export",),
    "_views.info": ("DatasetInfo", "cite", "dataset_info"),
    "_io.jsonfile": ("dump", "dumps", "load", "loads"),
    "_model.records": (
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
        "Source",
        "Tenure",
        "commitment_order",
        "instrument_order",
        "meeting_order",
    ),
    "_model.instruments": ("PartyStage",),
    "_views.network": ("to_networkx",),
    "_views.frames": ("to_pandas",),
    "_views.panels": ("country_year", "dyad_year"),
    "_queries": (
        "absences_of",
        "events_of",
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
    ),
    "_dataset.results": ("Results",),
    "_io.schema": ("SCHEMA_VERSION",),
    "_countries.systems": ("StateCode",),
    "_views.pictures": ("plot_attendance", "plot_timeline"),
    "_model.topics": ("Topic", "Vocabulary", "topics"),
}
_HOMES = {name: f"scocoop.{module}" for module, names in _MODULES.items() for name in names}


# First use from several threads at once: one publishes while the others
# wait, so that no thread reads a module another is still importing.
_PUBLISHING = _threading.RLock()


def _after_fork_in_child() -> None:
    # A lock held by a parent's thread at the fork would stay held in the child.
    global _PUBLISHING  # noqa: PLW0603 - replaced whole, never mutated
    _PUBLISHING = _threading.RLock()


if hasattr(_os, "register_at_fork"):  # not on Windows, which does not fork
    _os.register_at_fork(after_in_child=_after_fork_in_child)


def _publish() -> None:
    """Bind every public name whose module is fully imported, and say it belongs to ``scocoop``.

    Public objects say they belong to `scocoop`, where users find them, in
    tracebacks, reprs, pickles and the documentation (as httpx does).  A
    module still being imported (by this thread, one step up the stack) is
    left for a later call: its names are not all there yet.
    """
    for name, home in _HOMES.items():
        module = _sys.modules.get(home)
        if module is None or name in globals():
            continue
        value = getattr(module, name, _MISSING)
        if value is _MISSING:
            continue
        if isinstance(value, (type, _FunctionType)):
            value.__module__ = "scocoop"
        globals()[name] = value


_MISSING = object()


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


if not _TYPE_CHECKING:

    def __getattr__(name: str) -> object:
        # Type checkers see only the imports and the declaration above, so
        # that a misspelt attribute is still an error.
        if name == "__version__":
            from importlib.metadata import version  # read from the installed metadata when asked

            return version("scocoop")
        home = _HOMES.get(name)
        if home is None:
            raise AttributeError(f"module 'scocoop' has no attribute {name!r}")
        with _PUBLISHING:
            __import__(home)
            _publish()
            return globals()[name]
