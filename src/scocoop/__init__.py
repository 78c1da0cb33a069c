"""scocoop: a citable record of security cooperation in the SCO, the CIS and Central Asia.

>>> import scocoop
>>> [m.id for m in scocoop.meetings_of("SCO prosecutors general") if m.date][:2]
['sco-prosecutors-general-1', 'sco-prosecutors-general-7']
"""

from types import FunctionType as _FunctionType
from typing import TYPE_CHECKING as _TYPE_CHECKING

from scocoop._converter import make_converter
from scocoop._countries import (
    CountryCodes,
    Scheme,
    country_codes,
    country_name,
    to_country_code,
    to_country_codes,
)
from scocoop._coverage import SeriesCoverage, coverage
from scocoop._dataset import Dataset
from scocoop._dates import DateLike, PartialDate, Precision, to_partial_date
from scocoop._errors import (
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
from scocoop._export import export
from scocoop._info import DatasetInfo, cite, dataset_info
from scocoop._io import dump, dumps, load, loads
from scocoop._model import (
    Citation,
    Commitment,
    CommitmentKind,
    CommitmentStatus,
    Meeting,
    MeetingMode,
    Membership,
    MembershipStatus,
    Official,
    Organization,
    OrganizationKind,
    Participant,
    ParticipantStatus,
    Place,
    Position,
    Record,
    Source,
    commitment_order,
    meeting_order,
)
from scocoop._network import to_networkx
from scocoop._pandas import to_pandas
from scocoop._queries import (
    find_meetings,
    initiatives_on,
    meetings_between,
    meetings_by_country,
    meetings_of,
    members_of,
    officials_of,
)
from scocoop._results import Results
from scocoop._schema import SCHEMA_VERSION
from scocoop._states import StateCode
from scocoop._timeline import plot_timeline
from scocoop._topics import Topic, Vocabulary, topics

__all__ = [
    "SCHEMA_VERSION",
    "AmbiguousCountryError",
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
    "InvalidDateError",
    "Meeting",
    "MeetingMode",
    "Membership",
    "MembershipStatus",
    "MissingExtraError",
    "NotRecordedError",
    "Official",
    "Organization",
    "OrganizationKind",
    "PartialDate",
    "Participant",
    "ParticipantStatus",
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
    "Topic",
    "UnknownCountryError",
    "UnknownIdError",
    "UnknownTopicError",
    "Vocabulary",
    "cite",
    "commitment_order",
    "country_codes",
    "country_name",
    "coverage",
    "dataset_info",
    "dump",
    "dumps",
    "export",
    "find_meetings",
    "initiatives_on",
    "load",
    "loads",
    "make_converter",
    "meeting_order",
    "meetings_between",
    "meetings_by_country",
    "meetings_of",
    "members_of",
    "officials_of",
    "plot_timeline",
    "to_country_code",
    "to_country_codes",
    "to_networkx",
    "to_pandas",
    "to_partial_date",
    "topics",
]

# Public objects say they belong to `scocoop`, where users find them, in
# tracebacks, reprs and the documentation (as httpx does).
for _name in __all__:
    _object = globals()[_name]
    if isinstance(_object, (type, _FunctionType)):
        _object.__module__ = "scocoop"
del _name, _object


if _TYPE_CHECKING:
    __version__: str
else:

    def __getattr__(name: str) -> str:
        # The version is read from the installed metadata on first access only,
        # so that importing scocoop reads no files.  Type checkers see only the
        # declaration above, so that a misspelt attribute is still an error.
        if name == "__version__":
            from importlib.metadata import version

            return version("scocoop")
        raise AttributeError(f"module 'scocoop' has no attribute {name!r}")
