"""The exceptions scocoop raises.

Every error derives from :class:`ScocoopError`; each concrete error also
derives from the builtin exception a caller would naturally catch.
"""

from __future__ import annotations

from collections.abc import Iterable

from attrs import frozen

__all__ = [
    "MAX_PROBLEMS",
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
    "printable",
    "show",
]

SHOWN = 80
"""How many characters of a value a message shows at most."""


def printable(text: object) -> str:
    """A file name or other text as a terminal may show it: as it is if printable, else escaped.

    A name with a line break or an escape sequence could otherwise forge a line of output
    (``data.json: valid``) or move the cursor.
    """
    shown = str(text)
    return shown if shown.isprintable() else show(shown, 200)


_BITS_SHOWN = 256
"""Integers up to this many bits (77 digits) are shown whole."""


def show(value: object, limit: int = SHOWN) -> str:
    """``repr(value)``, cut to ``limit`` characters: every message shows values through it.

    A message repeats the value that failed, so that the reader can find it,
    but never whole: a 10 MB value gives a message of one line.
    """
    if isinstance(value, str) and len(value) > limit:
        value = value[:limit]  # repr of a long text costs its length: cut it first
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > _BITS_SHOWN:
        # Beyond Python's digit limit repr() raises; far below it, the digits say nothing more.
        return f"an integer of about {int(value.bit_length() * 0.30103) + 1} digits"
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 4] + "...'"


class ScocoopError(Exception):
    """Base class of every error raised by scocoop."""


@frozen
class Problem:
    """One problem found in a dataset.

    Attributes:
        location: Where the problem is, as a path into the data
            (``meetings[3].participants[0].country``); empty for the whole
            document.
        message: What is wrong, naming what was expected and what was found.
    """

    location: str
    message: str

    def __str__(self) -> str:
        return f"{self.location}: {self.message}" if self.location else self.message


MAX_PROBLEMS = 1000
"""Checking stops after this many problems: a file that bad needs mending first."""

_LISTED = 50


class DataError(ScocoopError, ValueError):
    """A dataset is not valid; :attr:`problems` lists every problem found.

    The message lists the first 50 problems too, one per line, and says how
    many more there are, so that the error is readable where it is printed
    and usable by tools through ``problems``.  Checking stops after
    :data:`MAX_PROBLEMS` problems.
    """

    problems: tuple[Problem, ...]

    def __init__(self, problems: Iterable[Problem], *, origin: str | None = None) -> None:
        self.problems = tuple(problems)
        self.origin = origin
        where = f" in {printable(origin)}" if origin else ""
        count = len(self.problems)
        more = " (checking stopped there)" if count >= MAX_PROBLEMS else ""
        head = f"{count} problem{'s' if count != 1 else ''} found{where}{more}:"
        lines = [head, *(f"  {p}" for p in self.problems[:_LISTED])]
        if count > _LISTED:
            lines.append(f"  ... and {count - _LISTED} more")
        super().__init__("\n".join(lines))


class RecordError(DataError):
    """A record was built with values that break its invariants.

    Raised by the record classes' constructors; each problem is located at
    the field it concerns (``date``, ``end_date``), whatever their number.
    """

    def __init__(self, problems: Iterable[Problem], *, record: str) -> None:
        self.record = record
        super().__init__(problems, origin=record)


class NotRecordedError(ScocoopError, LookupError):
    """The data records nothing of the kind asked for, so no answer can say "none".

    Raised by :meth:`~scocoop.Dataset.members_of` for a body whose membership
    (and its parents') is not recorded at all: an empty answer would read as
    "no members".
    """


class InvalidDateError(ScocoopError, ValueError):
    """A date could not be read, or does not exist (``2023-02-30``)."""


class _UnknownNameError(ScocoopError, LookupError, ValueError):
    """A name that the vocabulary of :attr:`kind` does not know; ``suggestions`` are the closest."""

    kind = "name"

    def __init__(self, value: object, suggestions: Iterable[str] = ()) -> None:
        self.value = value
        self.suggestions = tuple(suggestions)
        hint = f"; did you mean {_or_list(self.suggestions)}?" if self.suggestions else ""
        super().__init__(f"unknown {self.kind} {show(value)}{hint}")


class UnknownCountryError(_UnknownNameError):
    """A country name or code was not recognised.

    ``reason``, where set, says why a value that names something is still no
    country code: a former state, a code of another date, a name of several
    countries (see :class:`AmbiguousCountryError`).
    """

    kind = "country"

    def __init__(self, value: object, suggestions: Iterable[str] = (), *, reason: str | None = None) -> None:
        super().__init__(value, suggestions)
        self.reason = reason
        if reason is not None:
            self.args = (f"{show(value)} {reason}",)


class AmbiguousCountryError(UnknownCountryError):
    """A name of several countries ("Korea", "Congo"); ``candidates`` lists them."""

    def __init__(self, value: object, candidates: Iterable[str]) -> None:
        self.candidates = tuple(candidates)
        reason = f"may name {_or_list(self.candidates)}; give a fuller name or a code"
        super().__init__(value, reason=reason)


class CountryResolutionError(ScocoopError, LookupError, ValueError):
    """Values of a sequence that name no country, each with its error.

    Raised by :func:`~scocoop.to_country_codes` with ``errors="raise"``;
    ``failures`` holds one :class:`UnknownCountryError` for each distinct
    value, and ``counts`` how often each occurs.
    """

    def __init__(self, failures: Iterable[UnknownCountryError], counts: Iterable[int]) -> None:
        self.failures = tuple(failures)
        self.counts = tuple(counts)
        super().__init__(_resolution_report(self.failures, self.counts))


class CountryResolutionWarning(UserWarning):
    """Values that :func:`~scocoop.to_country_codes` left missing with ``errors="coerce"``."""

    def __init__(self, failures: Iterable[UnknownCountryError], counts: Iterable[int]) -> None:
        self.failures = tuple(failures)
        self.counts = tuple(counts)
        super().__init__(_resolution_report(self.failures, self.counts))


def _resolution_report(failures: tuple[UnknownCountryError, ...], counts: tuple[int, ...]) -> str:
    lines = [f"{len(failures)} distinct value(s) name no country:"]
    for failure, count in list(zip(failures, counts, strict=True))[:_LISTED]:
        times = f" ({count} times)" if count > 1 else ""
        lines.append(f"  {failure}{times}")
    if len(failures) > _LISTED:
        lines.append(f"  ... and {len(failures) - _LISTED} more")
    return "\n".join(lines)


class UnknownTopicError(_UnknownNameError):
    """A topic id, label or synonym was not recognised."""

    kind = "topic"


class UnknownIdError(ScocoopError, KeyError):
    """No record of the requested kind has this id."""

    def __init__(self, kind: str, record_id: object, *, candidates: Iterable[str] = ()) -> None:
        self.kind = kind
        self.id = record_id
        self.candidates = tuple(candidates)
        if self.candidates:
            message = (
                f"{show(record_id)} names several {kind}s: {', '.join(self.candidates)}; give the id of one"
            )
        else:
            message = f"no {kind} {show(record_id)}"
        super().__init__(message)

    def __str__(self) -> str:
        # KeyError would print the repr of the message; show it as written.
        return str(self.args[0])


class MissingExtraError(ScocoopError, ImportError):
    """An optional dependency needed by a feature is not installed."""

    def __init__(self, feature: str, extra: str, module: str) -> None:
        self.extra = extra
        super().__init__(
            f"{feature} needs {module}, which is not installed; "
            f"install it with: pip install 'scocoop[{extra}]'",
            name=module,
        )


def _or_list(items: tuple[str, ...]) -> str:
    quoted = [repr(i) for i in items]
    if len(quoted) == 1:
        return quoted[0]
    return ", ".join(quoted[:-1]) + " or " + quoted[-1]
