"""The checks of single records, as validator objects that know their JSON Schema.

Each validator is an attrs validator (called with the instance, the field and
the value) that carries its parameters and can state itself as JSON Schema
keywords, so that the schema of the file format is read from the model's
declarations rather than written twice.  :func:`collect_all` and
:func:`check` make a record report every broken invariant at once, as one
:class:`~scocoop.RecordError`.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from typing import Any, Protocol, TypeAlias

import attrs
from attrs import Attribute, frozen

from scocoop._errors import Problem, RecordError

__all__ = [
    "ID_PATTERN",
    "MAX_TEXT",
    "FieldError",
    "Validator",
    "a_country",
    "a_language",
    "a_text",
    "an_edition",
    "an_id",
    "check",
    "check_range",
    "collect_all",
    "no_duplicates",
]

ID_PATTERN = re.compile(r"[a-z0-9]+(?:[-.][a-z0-9]+)*")
COUNTRY_PATTERN = re.compile(r"[A-Z]{2}")
LANGUAGE_PATTERN = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")
MAX_TEXT = 10_000
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


class FieldError(ValueError):
    """A value that breaks an invariant of one record, raised by a validator.

    :func:`check` collects them into one :class:`~scocoop.RecordError`.
    """

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        self.message = message
        super().__init__(f"{field}: {message}")


class Validator(Protocol):
    """What the schema and the records need of a validator."""

    def __call__(self, instance: object, attribute: Attribute[Any], value: Any) -> None: ...

    def json_schema(self) -> dict[str, Any]:
        """The JSON Schema keywords that say what this validator checks, for one value."""
        ...


def _each(many: bool, value: Any) -> tuple[Any, ...]:
    return tuple(value) if many else (value,)


@frozen
class _Ident:
    optional: bool
    many: bool

    def __call__(self, instance: object, attribute: Attribute[Any], value: Any) -> None:
        for item in _each(self.many, value):
            if item is None and self.optional:
                continue
            if not (isinstance(item, str) and ID_PATTERN.fullmatch(item)):
                raise FieldError(
                    attribute.name,
                    "expected an id of lower-case letters and digits joined by single"
                    f" hyphens or dots, such as 'sco-prosecutors-general-14', got {item!r}",
                )

    def json_schema(self) -> dict[str, Any]:
        return {"pattern": f"^{ID_PATTERN.pattern}$"}


@frozen
class _Text:
    optional: bool
    many: bool

    def __call__(self, instance: object, attribute: Attribute[Any], value: Any) -> None:
        for item in _each(self.many, value):
            if item is None and self.optional:
                continue
            _check_text(attribute.name, item)

    def json_schema(self) -> dict[str, Any]:
        return {
            "minLength": 1,
            "maxLength": MAX_TEXT,
            "pattern": r"^[^\s\x00-\x1f\x7f]([^\x00-\x08\x0b-\x1f\x7f]*[^\s\x00-\x1f\x7f])?$",
        }


def _check_text(name: str, value: object) -> None:
    if not isinstance(value, str) or not value.strip():
        raise FieldError(name, f"expected non-empty text, got {value!r}")
    if value != value.strip():
        raise FieldError(name, f"expected text without leading or trailing spaces, got {value!r}")
    if len(value) > MAX_TEXT:
        raise FieldError(name, f"text is {len(value)} characters long; limit is {MAX_TEXT}")
    if _CONTROL.search(value):
        raise FieldError(name, f"text contains control characters: {value[:80]!r}")


@frozen
class _Country:
    many: bool

    def __call__(self, instance: object, attribute: Attribute[Any], value: Any) -> None:
        for item in _each(self.many, value):
            if item is not None and not (isinstance(item, str) and COUNTRY_PATTERN.fullmatch(item)):
                raise FieldError(
                    attribute.name, f"expected an ISO 3166-1 alpha-2 code such as 'KZ', got {item!r}"
                )

    def json_schema(self) -> dict[str, Any]:
        return {"pattern": f"^{COUNTRY_PATTERN.pattern}$"}


@frozen
class _Language:
    def __call__(self, instance: object, attribute: Attribute[Any], value: Any) -> None:
        if not (isinstance(value, str) and LANGUAGE_PATTERN.fullmatch(value)):
            raise FieldError(attribute.name, f"expected a BCP 47 tag such as 'en', got {value!r}")

    def json_schema(self) -> dict[str, Any]:
        return {"pattern": "^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$"}


@frozen
class _Edition:
    def __call__(self, instance: object, attribute: Attribute[Any], value: Any) -> None:
        if value is not None and not (type(value) is int and value >= 1):
            raise FieldError(attribute.name, f"expected a positive whole number, got {value!r}")

    def json_schema(self) -> dict[str, Any]:
        return {"minimum": 1}


@frozen
class _NoDuplicates:
    def __call__(self, instance: object, attribute: Attribute[Any], value: Any) -> None:
        # The field's converter sorts it, so a repeat sits next to its twin.
        for earlier, later in itertools.pairwise(value):
            if earlier == later:
                raise FieldError(attribute.name, f"{later!r} is listed twice")

    def json_schema(self) -> dict[str, Any]:
        return {"uniqueItems": True}


def an_id(*, optional: bool = False, many: bool = False) -> Validator:
    """An id (``sco-prosecutors-general-14``), or ``None`` if optional, or a tuple of ids."""
    return _Ident(optional, many)


def a_text(*, optional: bool = False, many: bool = False) -> Validator:
    """Non-empty text, trimmed, without control characters other than line breaks and tabs."""
    return _Text(optional, many)


def a_country(*, many: bool = False) -> Validator:
    """An ISO 3166-1 alpha-2 code or ``None``, or a tuple of codes.

    Whether the code names a country is a rule of the dataset.
    """
    return _Country(many)


def a_language() -> Validator:
    """A BCP 47 language tag."""
    return _Language()


def an_edition() -> Validator:
    """A positive whole number or ``None``."""
    return _Edition()


def no_duplicates() -> Validator:
    """A sorted tuple in which no value is repeated."""
    return _NoDuplicates()


def check_range(first: str, last: str, start: Any, end: Any) -> None:
    """Raise :class:`FieldError` at ``last`` if the range ends before it begins."""
    if start is not None and end is not None and end.latest < start.earliest:
        raise FieldError(last, f"{last} {str(end)!r} is before {first} {str(start)!r}")


# Every record checks all its fields and reports every broken invariant at
# once: the validators are moved aside when the class is built and run
# together after __init__, rather than by attrs one by one up to the first.

_METADATA_KEY = "scocoop_validators"


def collect_all(cls: type, fields: list[Attribute[Any]]) -> list[Attribute[Any]]:
    """An attrs field transformer that keeps each field's validators for :func:`check`."""
    return [
        f.evolve(validator=None, metadata={**f.metadata, _METADATA_KEY: _flatten(f.validator)})
        if f.validator
        else f
        for f in fields
    ]


def _flatten(validator: Any) -> tuple[Validator, ...]:
    # attrs joins a tuple of validators with and_(); each part is ours.
    return tuple(getattr(validator, "_validators", (validator,)))


def validators_of(field: Attribute[Any]) -> tuple[Validator, ...]:
    """The validators declared on a field of a record class."""
    found: tuple[Validator, ...] = field.metadata.get(_METADATA_KEY, ())
    return found


_Checks: TypeAlias = "tuple[tuple[Attribute[Any], tuple[Validator, ...]], ...]"
_CHECKS: dict[type, _Checks] = {}


def _checks(cls: type) -> _Checks:
    found = _CHECKS.get(cls)
    if found is None:
        found = tuple((f, validators_of(f)) for f in attrs.fields(cls) if validators_of(f))
        _CHECKS[cls] = found
    return found


def check(record: object, *record_checks: Callable[[], None]) -> None:
    """Run every validator of a record, then its whole-record checks if the fields passed.

    Raises:
        RecordError: Every problem found, each located at its field.
    """
    problems: list[Problem] = []
    for attribute, validators in _checks(type(record)):
        value = getattr(record, attribute.name)
        for validator in validators:
            try:
                validator(record, attribute, value)
            except FieldError as exc:
                problems.append(Problem(exc.field, exc.message))
                break
    if not problems:
        for record_check in record_checks:
            try:
                record_check()
            except FieldError as exc:
                problems.append(Problem(exc.field, exc.message))
    if problems:
        raise RecordError(problems, record=type(record).__name__)
