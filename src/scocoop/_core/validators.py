"""The checks of single records, as validator objects whose constraints are data.

Each validator is an attrs validator (called with the instance, the field and
the value) that states what it requires of one value once, as a
:class:`Constraint` (a type, a pattern, lengths, bounds), with whether the
field may be null, is a list, or must hold no repeats.  Everything else is
derived from that statement: the JSON Schema keywords of the file format
(:meth:`Validator.json_schema`), the generated check that :func:`check` runs
first (:meth:`Validator.expression`), and the wire types of the fast loader
(:mod:`scocoop._io.wire`).  Only the messages that explain a failure are
written by hand.  :func:`collect_all` and :func:`check` make a record report
every broken invariant at once, as one :class:`~scocoop.RecordError`.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable
from typing import Any, Protocol, TypeAlias

import attrs
from attrs import Attribute, field, frozen

from scocoop._core.errors import Problem, RecordError, show

__all__ = [
    "EVERY_STRING",
    "ID_PATTERN",
    "MAX_EDITION",
    "MAX_TEXT",
    "Constraint",
    "FieldError",
    "Validator",
    "a_country",
    "a_language",
    "a_text",
    "an_edition",
    "an_id",
    "an_instance",
    "check",
    "check_range",
    "check_text",
    "collect_all",
    "no_duplicates",
    "show",
]

ID_PATTERN = re.compile(r"[a-z0-9]+(?:[-.][a-z0-9]+)*")
COUNTRY_PATTERN = re.compile(r"[A-Z]{2}")
LANGUAGE_PATTERN = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")
MAX_TEXT = 10_000
MAX_EDITION = 2**53 - 1
"""The largest whole number every JSON reader reads exactly."""

# Characters no text may hold: controls (C0 but tab and line feed, DEL, C1),
# the bidirectional embeddings, overrides and isolates that reorder what a
# terminal or a table shows, the Unicode line and paragraph separators, and
# lone surrogates, which no encoding can write.
_NEVER = r"\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069"
_FORBIDDEN = {
    # One-line text (names, titles, places, roles) holds no tab or line break either.
    False: re.compile(f"[\\t\\n{_NEVER}\\ud800-\\udfff]"),
    # Notes, summaries and quotes may hold tabs and line breaks.
    True: re.compile(f"[{_NEVER}\\ud800-\\udfff]"),
}


def _whole_text(never: str, *, lines: bool) -> str:
    """A pattern of valid text: no space at its ends, none of ``never``, no tab or break unless ``lines``."""
    inside = never if lines else f"\\t\\n{never}"
    return f"[^\\s{never}]([^{inside}]*[^\\s{never}])?"


_NEVER_ANY = _NEVER + r"\ud800-\udfff"


def _all(name: str, many: bool, optional: bool, test: str) -> str:
    """The expression that applies ``test`` (``{v}`` for the value) to a field, or to each item of it."""
    if many:
        return f"(type({name}) is tuple and all({test.format(v='_x')} for _x in {name}))"
    one = test.format(v=name)
    return f"({name} is None or {one})" if optional else one


_NAMES: dict[str, Any] = {}
"""The types the generated checks test, by the names they use."""


def _name_of(kind: type) -> str:
    name = f"_{kind.__module__.replace('.', '_')}_{kind.__qualname__}"
    _NAMES[name] = kind
    return name


@frozen
class Constraint:
    """What a validator requires of one value, as data.

    Attributes:
        kind: The value's type: ``str``, ``int`` and ``bool`` exactly (a
            bool is not taken for a whole number), any other class by
            ``isinstance``; ``None`` for a constraint on a list as a whole.
        pattern: A regular expression the whole value matches.
        schema_pattern: The same, as JSON Schema can state it, where it
            differs (JSON Schema's patterns cannot name lone surrogates).
        max_length: The most characters a text may hold.
        minimum: The smallest whole number allowed.
        maximum: The largest whole number allowed.
        unique: For a list: no value repeated.
    """

    kind: type | None
    pattern: str | None = None
    schema_pattern: str | None = None
    max_length: int | None = None
    minimum: int | None = None
    maximum: int | None = None
    unique: bool = False

    def __attrs_post_init__(self) -> None:
        if (self.kind is None) is not self.unique:
            raise ValueError("a constraint is on one value of a type, or on a list's repeats, not both")

    def json_schema(self) -> dict[str, Any]:
        """The JSON Schema keywords that say this of one value (``uniqueItems`` of a list)."""
        found: dict[str, Any] = {}
        if self.pattern is not None:
            found["pattern"] = f"^{self.schema_pattern or self.pattern}$"
        if self.max_length is not None:
            found["minLength"] = 1
            found["maxLength"] = self.max_length
        if self.minimum is not None:
            found["minimum"] = self.minimum
        if self.maximum is not None:
            found["maximum"] = self.maximum
        if self.unique:
            found["uniqueItems"] = True
        return found

    def test(self, value: str) -> str:
        """A Python expression, true when the variable ``value`` meets the constraint."""
        if self.kind is None:  # a constraint on a list as a whole
            return f"(type({value}) is tuple and all(a != b for a, b in _pairwise({value})))"
        if self.kind in (str, int, bool):
            parts = [f"type({value}) is {self.kind.__name__}"]
        else:
            parts = [f"isinstance({value}, {_name_of(self.kind)})"]
        if self.max_length is not None:
            parts.append(f"len({value}) <= {self.max_length}")
        if self.minimum is not None:
            parts.append(f"{self.minimum} <= {value}")
        if self.maximum is not None:
            parts.append(f"{value} <= {self.maximum}")
        if self.pattern is not None:
            parts.append(f"{_matcher(self.pattern)}({value}) is not None")
        return "(" + " and ".join(parts) + ")"


EVERY_STRING = Constraint(str, max_length=MAX_TEXT)
"""What every string of a dataset file meets, whatever its field: the reader refuses a longer one."""

_MATCHERS: dict[str, str] = {}


def _matcher(pattern: str) -> str:
    """The name under which the generated checks call the compiled ``pattern``'s ``fullmatch``."""
    name = _MATCHERS.get(pattern)
    if name is None:
        name = _MATCHERS[pattern] = f"_match_{len(_MATCHERS)}"
        _NAMES[name] = re.compile(pattern).fullmatch
    return name


class FieldError(ValueError):
    """A value that breaks an invariant of one record, raised by a validator.

    :func:`check` collects them into one :class:`~scocoop.RecordError`.
    """

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        self.message = message
        super().__init__(f"{field}: {message}")


class Validator(Protocol):
    """What the schema, the wire types and the records need of a validator."""

    @property
    def constraint(self) -> Constraint:
        """What it requires of one value."""
        ...

    @property
    def optional(self) -> bool:
        """Whether the field may be null."""
        ...

    @property
    def many(self) -> bool:
        """Whether the field is a list, each item of which must meet the constraint."""
        ...

    def __call__(self, instance: object, attribute: Attribute[Any], value: Any) -> None: ...

    def json_schema(self) -> dict[str, Any]:
        """The JSON Schema keywords that say what this validator checks, for one value."""
        ...

    def expression(self, name: str) -> str:
        """A Python expression, true when the variable ``name`` passes: the fast path of :func:`check`."""
        ...


def _each(many: bool, value: Any) -> tuple[Any, ...]:
    if not many:
        return (value,)
    if not isinstance(value, tuple):
        raise TypeError(value)
    return value


class _Stated:
    """What every validator derives from its constraint: its JSON Schema and its generated check."""

    __slots__ = ()
    constraint: Constraint
    optional: bool
    many: bool

    def json_schema(self) -> dict[str, Any]:
        return self.constraint.json_schema()

    def expression(self, name: str) -> str:
        return _all(name, self.many, self.optional, self.constraint.test("{v}"))

    def _fails(self, value: Any) -> bool:
        """Whether one value (not a list) breaks the constraint, by the same generated test."""
        return not _one_test(self.constraint)(value)


@functools.cache
def _one_test(constraint: Constraint) -> Callable[[Any], bool]:
    namespace: dict[str, Any] = {}
    source = f"def test(v):\n    return {constraint.test('v')}\n"
    exec(source, {**_NAMES, "_pairwise": itertools.pairwise}, namespace)  # noqa: S102 - built from the constraint's data
    test: Callable[[Any], bool] = namespace["test"]
    return test


@frozen
class _Ident(_Stated):
    optional: bool
    many: bool
    constraint: Constraint = Constraint(str, pattern=ID_PATTERN.pattern)

    def __call__(self, instance: object, attribute: Attribute[Any], value: Any) -> None:
        for item in _each(self.many, value):
            if item is None and self.optional:
                continue
            if self._fails(item):
                raise FieldError(
                    attribute.name,
                    "expected an id of lower-case letters and digits joined by single"
                    f" hyphens or dots, such as 'sco-prosecutors-general-14', got {item!r}",
                )


@frozen
class _Text(_Stated):
    optional: bool
    many: bool
    lines: bool
    constraint: Constraint = field(init=False)

    @constraint.default
    def _stated(self) -> Constraint:
        return _TEXT[self.lines]

    def __call__(self, instance: object, attribute: Attribute[Any], value: Any) -> None:
        for item in _each(self.many, value):
            if item is None and self.optional:
                continue
            check_text(attribute.name, item, lines=self.lines)


_TEXT = {
    lines: Constraint(
        str,
        pattern=_whole_text(_NEVER_ANY, lines=lines),
        # JSON Schema's patterns cannot name lone surrogates without refusing
        # valid astral characters, so the schema leaves them to loading.
        schema_pattern=_whole_text(_NEVER, lines=lines),
        max_length=MAX_TEXT,
    )
    for lines in (False, True)
}


def check_text(name: str, value: object, *, lines: bool) -> None:
    """Raise :class:`FieldError` at ``name`` if ``value`` is not valid text (see :func:`a_text`).

    The first of the reasons below that applies is given; a text that meets
    none of them meets the text constraint (a test keeps the two in step).
    """
    if not isinstance(value, str) or not value.strip():
        raise FieldError(name, f"expected non-empty text, got {show(value)}")
    if value != value.strip():
        raise FieldError(name, f"expected text without leading or trailing spaces, got {show(value)}")
    if len(value) > MAX_TEXT:
        raise FieldError(name, f"text is {len(value)} characters long; limit is {MAX_TEXT}")
    found = _FORBIDDEN[lines].search(value)
    if found:
        kind = "text" if lines else "one-line text"
        raise FieldError(
            name,
            f"{kind} may not hold the character U+{ord(found.group()):04X} (at position {found.start()})",
        )


@frozen
class _Country(_Stated):
    many: bool
    optional: bool = True  # whether the code names a country is a rule of the dataset
    constraint: Constraint = Constraint(str, pattern=COUNTRY_PATTERN.pattern)

    def __call__(self, instance: object, attribute: Attribute[Any], value: Any) -> None:
        for item in _each(self.many, value):
            if item is not None and self._fails(item):
                raise FieldError(
                    attribute.name, f"expected an ISO 3166-1 alpha-2 code such as 'KZ', got {item!r}"
                )


@frozen
class _Language(_Stated):
    optional: bool = False
    many: bool = False
    constraint: Constraint = Constraint(str, pattern=LANGUAGE_PATTERN.pattern)

    def __call__(self, instance: object, attribute: Attribute[Any], value: Any) -> None:
        if self._fails(value):
            raise FieldError(attribute.name, f"expected a BCP 47 tag such as 'en', got {value!r}")


@frozen
class _Edition(_Stated):
    optional: bool = True
    many: bool = False
    constraint: Constraint = Constraint(int, minimum=1, maximum=MAX_EDITION)

    def __call__(self, instance: object, attribute: Attribute[Any], value: Any) -> None:
        if value is not None and self._fails(value):
            raise FieldError(
                attribute.name, f"expected a whole number from 1 to {MAX_EDITION}, got {show(value)}"
            )


@frozen
class _Instance(_Stated):
    kind: type
    optional: bool
    expected: str
    many: bool = False
    constraint: Constraint = field(init=False)

    @constraint.default
    def _stated(self) -> Constraint:
        return Constraint(self.kind)

    def __call__(self, instance: object, attribute: Attribute[Any], value: Any) -> None:
        if value is None and self.optional:
            return
        if self._fails(value):
            raise FieldError(attribute.name, f"expected {self.expected}, got {show(value)}")


@frozen
class _NoDuplicates(_Stated):
    optional: bool = False
    many: bool = False  # the constraint is on the list as a whole
    constraint: Constraint = Constraint(None, unique=True)

    def __call__(self, instance: object, attribute: Attribute[Any], value: Any) -> None:
        # The field's converter sorts it, so a repeat sits next to its twin.
        for earlier, later in itertools.pairwise(_each(many=True, value=value)):
            if earlier == later:
                raise FieldError(attribute.name, f"{later!r} is listed twice")


def an_id(*, optional: bool = False, many: bool = False) -> Validator:
    """An id (``sco-prosecutors-general-14``), or ``None`` if optional, or a tuple of ids."""
    return _Ident(optional, many)


def a_text(*, optional: bool = False, many: bool = False, lines: bool = False) -> Validator:
    """Non-empty trimmed text; one line unless ``lines`` (a note may hold tabs and line breaks).

    No text holds control characters, bidirectional overrides, Unicode line
    separators or lone surrogates, which forge rows in tables and terminals or
    cannot be written.
    """
    return _Text(optional, many, lines)


def an_instance(kind: type, *, optional: bool = False, expected: str) -> Validator:
    """A value of ``kind`` (or ``None`` if optional); ``expected`` names it in messages."""
    return _Instance(kind, optional, expected)


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


_FAST: dict[type, Callable[[object], bool]] = {}


def _fast(cls: type) -> Callable[[object], bool]:
    """One function that says whether every field of a record of ``cls`` passes every validator."""
    found = _FAST.get(cls)
    if found is None:
        lines = ["def fast(r):"]
        for attribute, validators in _checks(cls):
            value = f"v_{attribute.name}"
            lines.append(f"    {value} = r.{attribute.name}")
            lines.extend(f"    if not {v.expression(value)}: return False" for v in validators)
        lines.append("    return True")
        scope = {**_NAMES, "_pairwise": itertools.pairwise}
        namespace: dict[str, Any] = {}
        exec("\n".join(lines) + "\n", scope, namespace)  # noqa: S102 - built from the model's own field names
        found = _FAST[cls] = namespace["fast"]
    return found


def check(record: object, *record_checks: Callable[[], None]) -> None:
    """Run every validator of a record, then its whole-record checks if the fields passed.

    A record that passes (nearly every one) is checked by one generated
    function; one that does not is checked again field by field to say why.

    Raises:
        RecordError: Every problem found, each located at its field.
    """
    if _fast(type(record))(record) and _passes(record_checks):
        return
    problems = _field_problems(record)
    if not problems:
        for record_check in record_checks:
            try:
                record_check()
            except FieldError as exc:
                problems.append(Problem(exc.field, exc.message))
    if problems:
        raise RecordError(problems, record=type(record).__name__)


def _passes(record_checks: tuple[Callable[[], None], ...]) -> bool:
    try:
        for record_check in record_checks:
            record_check()
    except FieldError:
        return False
    return True


def _field_problems(record: object) -> list[Problem]:
    problems: list[Problem] = []
    for attribute, validators in _checks(type(record)):
        value = getattr(record, attribute.name)
        for validator in validators:
            try:
                validator(record, attribute, value)
            except FieldError as exc:
                problems.append(Problem(exc.field, exc.message))
                break
            except TypeError:
                # A list field given something other than a list (a string, say).
                problems.append(Problem(attribute.name, f"expected a list, got {show(value)}"))
                break
    return problems
