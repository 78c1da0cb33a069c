"""Dates as precise as their source: :class:`PartialDate` and its EDTF form.

A :class:`PartialDate` is known to the year, the month or the day, and may be
flagged *uncertain* (``?``: the source does not state it, it was inferred) or
*approximate* (``~``).  Its text form is the Extended Date/Time Format (EDTF,
ISO 8601-2) level 1 form: ``2016``, ``2016-11``, ``2016-11-30``,
``2013-09-10?``, ``2019-08~``, ``2004%`` (uncertain and approximate).

>>> date = PartialDate.parse("2019-08~")
>>> date.precision.value, date.approximate, str(date.earliest), str(date.latest)
('month', True, '2019-08-01', '2019-08-31')
>>> PartialDate.parse("2023-02-30")
Traceback (most recent call last):
...
scocoop.InvalidDateError: ...
"""

from __future__ import annotations

import calendar
import datetime
import enum
import re

from attrs import field, frozen

from scocoop._core.errors import InvalidDateError, show

__all__ = ["DateLike", "PartialDate", "Precision", "to_partial_date"]


class Precision(enum.Enum):
    """How much of a date is known."""

    YEAR = "year"
    MONTH = "month"
    DAY = "day"


EDTF_FORM = r"[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?[?~%]?"
"""The written form of a :class:`PartialDate`, as a regular expression for schemas.

It admits no impossible month or day number; calendar rules (30 February)
are checked by :meth:`PartialDate.parse` alone.
"""
# ASCII digits only: "\d" would also accept the digits of other scripts, which no other tool reads.
_EDTF = re.compile(r"(?P<year>[0-9]{4})(?:-(?P<month>[0-9]{2})(?:-(?P<day>[0-9]{2}))?)?(?P<flag>[?~%])?")
_QUALIFIER = {(False, False): "", (True, False): "?", (False, True): "~", (True, True): "%"}


def _check_month(instance: PartialDate, attribute: object, value: int | None) -> None:
    if value is not None and not 1 <= value <= 12:
        raise InvalidDateError(f"month must be between 1 and 12, not {show(value)}")


def _check_day(instance: PartialDate, attribute: object, value: int | None) -> None:
    if value is None:
        return
    if instance.month is None:
        raise InvalidDateError(f"a day ({show(value)}) needs a month")
    last = calendar.monthrange(instance.year, instance.month)[1]
    if not 1 <= value <= last:
        raise InvalidDateError(
            f"day must be between 1 and {last} in {instance.year:04d}-{instance.month:02d}, not {show(value)}"
        )


def _check_year(instance: PartialDate, attribute: object, value: int) -> None:
    if not 1 <= value <= 9999:
        raise InvalidDateError(f"year must be between 1 and 9999, not {show(value)}")


@frozen(kw_only=True, order=False, repr=False)
class PartialDate:
    """A calendar date known to the year, month or day, honestly flagged.

    Create one from its parts or parse its EDTF form with
    :meth:`PartialDate.parse`.  ``str()`` gives the EDTF form back exactly.

    Partial dates sort by the earliest day they can mean, then the latest, so
    ``2016`` sorts before ``2016-11`` and ``2016-11`` before ``2016-11-30``;
    the flags break remaining ties (certain before uncertain).  Equality is
    exact: ``2016-11`` and ``2016-11?`` are different statements.

    >>> d = PartialDate.parse("2013-09-10?")
    >>> d.precision, d.uncertain, d.earliest
    (<Precision.DAY: 'day'>, True, datetime.date(2013, 9, 10))
    >>> PartialDate(year=2019, month=8).latest
    datetime.date(2019, 8, 31)
    """

    year: int = field(validator=_check_year)
    month: int | None = field(default=None, validator=_check_month)
    day: int | None = field(default=None, validator=_check_day)
    uncertain: bool = False
    approximate: bool = False

    def __repr__(self) -> str:
        return f"PartialDate.parse({str(self)!r})"

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read the EDTF level-1 form (``2016``, ``2016-11-30``, ``2013-09-10?``).

        Raises:
            InvalidDateError: The text is not in that form, or names a day
                that does not exist.
        """
        if not isinstance(text, str):
            raise InvalidDateError(f"expected an EDTF date string, got {show(text)}")
        match = _EDTF.fullmatch(text)
        if match is None:
            raise InvalidDateError(
                f"expected an EDTF date such as '2016', '2016-11', '2016-11-30'"
                f" or '2013-09-10?', got {show(text)}"
            )
        month, day, flag = match["month"], match["day"], match["flag"]
        return cls(
            year=int(match["year"]),
            month=None if month is None else int(month),
            day=None if day is None else int(day),
            uncertain=flag in ("?", "%"),
            approximate=flag in ("~", "%"),
        )

    @classmethod
    def from_date(cls, value: datetime.date) -> PartialDate:
        """The day-precise, certain partial date of a :class:`datetime.date`."""
        return cls(year=value.year, month=value.month, day=value.day)

    @property
    def precision(self) -> Precision:
        """Whether the year, the month or the day is known."""
        if self.day is not None:
            return Precision.DAY
        if self.month is not None:
            return Precision.MONTH
        return Precision.YEAR

    @property
    def earliest(self) -> datetime.date:
        """The first day this date can mean."""
        return datetime.date(self.year, self.month or 1, self.day or 1)

    @property
    def latest(self) -> datetime.date:
        """The last day this date can mean."""
        if self.day is not None and self.month is not None:
            return datetime.date(self.year, self.month, self.day)
        month = self.month or 12
        return datetime.date(self.year, month, calendar.monthrange(self.year, month)[1])

    def _sort_key(self) -> tuple[datetime.date, datetime.date, bool, bool]:
        return (self.earliest, self.latest, self.uncertain, self.approximate)

    def __lt__(self, other: PartialDate) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._sort_key() < other._sort_key()

    def __le__(self, other: PartialDate) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._sort_key() <= other._sort_key()

    def __gt__(self, other: PartialDate) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._sort_key() > other._sort_key()

    def __ge__(self, other: PartialDate) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._sort_key() >= other._sort_key()

    def __str__(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text + _QUALIFIER[(self.uncertain, self.approximate)]


DateLike = PartialDate | datetime.date | str | int
"""What a query accepts as a date: an integer is a year."""

MAX_DATE_TEXT = 100
"""The longest text read as a date: longer text is refused before any parsing."""

# Day and month as numbers, then a year: 01/09/2018, 1.9.2018, 01-09-18.
_NUMERIC = re.compile(r"(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4})")

# Two defaults that differ in every field: a field that comes out different in
# the two parses was not in the text, and is left unknown rather than invented.
_DEFAULT_A = datetime.datetime(2000, 1, 1)
_DEFAULT_B = datetime.datetime(2001, 2, 2)


def to_partial_date(value: DateLike) -> PartialDate:
    """Read a date given to a query.

    Accepts a :class:`PartialDate`, a :class:`datetime.date`, a year as an
    integer, an EDTF or ISO string, or a written date such as
    ``"30 November 2016"`` or ``"Sep. 2013"``.  A written date is read with
    python-dateutil and keeps only the parts the text states:
    ``"November 2016"`` is month-precise.  A date written with the day and
    the month as numbers is read only where their order cannot be mistaken
    (``25/12/2018``); ``01/09/2018`` could be 1 September or 9 January and is
    refused, as is an interval (``2018-09-01/2018-09-30``): give its ends
    as a range's start and end.

    >>> str(to_partial_date("30 November 2016"))
    '2016-11-30'
    >>> str(to_partial_date("Sep 2013"))
    '2013-09'
    >>> str(to_partial_date(2016))
    '2016'

    Raises:
        InvalidDateError: The value cannot be read as a date, gives no year,
            or could be read two ways.
    """
    if isinstance(value, PartialDate):
        return value
    if isinstance(value, datetime.datetime):
        return PartialDate.from_date(value.date())
    if isinstance(value, datetime.date):
        return PartialDate.from_date(value)
    if isinstance(value, int) and not isinstance(value, bool):
        if not 1 <= value <= 9999:
            raise InvalidDateError(f"a year must be between 1 and 9999, not {show(value)}")
        return PartialDate(year=value)
    if not isinstance(value, str):
        raise InvalidDateError(
            f"expected a date (PartialDate, datetime.date, a year or a string), got {type(value).__name__}"
        )
    if len(value) > MAX_DATE_TEXT:
        raise InvalidDateError(f"a date is at most {MAX_DATE_TEXT} characters; got {len(value)}")
    text = value.strip()
    if _EDTF.fullmatch(text):
        return PartialDate.parse(text)
    if "/" in text and all(_EDTF.fullmatch(part.strip()) for part in text.split("/", 1)):
        raise InvalidDateError(
            f"{show(text)} is an interval; give its first and last dates as the start and end of a range"
        )
    return _parse_written(text)


def _parse_written(value: str) -> PartialDate:
    from dateutil import parser

    numeric = _NUMERIC.fullmatch(value)
    if numeric:
        return _numeric(value, *numeric.groups())
    try:
        first = parser.parse(value, default=_DEFAULT_A)
        second = parser.parse(value, default=_DEFAULT_B)
    except (ValueError, OverflowError) as exc:
        raise InvalidDateError(f"cannot read {show(value)} as a date") from exc
    if first.year != second.year:
        raise InvalidDateError(f"{show(value)} gives no year")
    month = first.month if first.month == second.month else None
    day = first.day if month is not None and first.day == second.day else None
    return PartialDate(year=first.year, month=month, day=day)


def _numeric(value: str, first: str, second: str, year: str) -> PartialDate:
    """A date written as two numbers and a year, read only where the order of day and month is plain."""
    a, b = int(first), int(second)
    how = "write it as YYYY-MM-DD (2018-09-01), or with the month's name (1 September 2018)"
    if len(year) == 2:
        raise InvalidDateError(f"{show(value)} gives its year in two digits; {how}")
    if a != b and a <= 12 and b <= 12:
        raise InvalidDateError(f"{show(value)} could be read day first or month first; {how}")
    day, month = (a, b) if a > 12 or a == b else (b, a)
    try:
        return PartialDate(year=int(year), month=month, day=day)
    except InvalidDateError as exc:
        raise InvalidDateError(f"cannot read {show(value)} as a date: {exc}") from None
