"""scocoop's own cattrs converter, and the translation of its errors.

The converter is built here, once, and never touches cattrs' global
converter, so that scocoop's format decisions do not leak into other code.
"""

from __future__ import annotations

import enum
import types
import typing
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from scocoop._core.dates import PartialDate
from scocoop._core.errors import MAX_PROBLEMS, Problem, RecordError, ScocoopError, show
from scocoop._core.once import once
from scocoop._core.validators import EVERY_STRING

if TYPE_CHECKING:
    import cattrs

__all__ = ["CONVERTER", "HugeInteger", "NonFiniteNumber", "make_converter", "problems_of", "read_int"]

T = TypeVar("T")


class _TypeMismatchError(ScocoopError, TypeError):
    """A JSON value of the wrong type; loading reports it as a problem."""


class NonFiniteNumber:
    """``NaN`` or ``Infinity`` read from JSON.

    Kept as a value so that loading can report where it is; no field accepts it.
    """

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return self.text


class HugeInteger:
    """A JSON integer literal too long for any field (and for Python's digit limit).

    Kept as a value, as :class:`NonFiniteNumber` is, so that loading reports it at its field.
    """

    __slots__ = ("digits",)

    def __init__(self, digits: int) -> None:
        self.digits = digits

    def __repr__(self) -> str:
        return f"{self.digits} digits"


_MAX_DIGITS = 100
"""The longest integer literal read as a number: no field holds a longer one."""


def read_int(text: str) -> int | HugeInteger:
    """``json.loads``'s ``parse_int``: an int, or a :class:`HugeInteger` past 100 digits."""
    return int(text) if len(text) <= _MAX_DIGITS else HugeInteger(len(text))


_JSON_TYPE = {
    HugeInteger: "an integer too long for any field",
    NonFiniteNumber: "a non-finite number, which JSON does not allow",
    dict: "an object",
    list: "an array",
    str: "a string",
    int: "a whole number",
    float: "a number",
    bool: "true or false",
    type(None): "null",
}


def _describe(value: object) -> str:
    name = _JSON_TYPE.get(type(value), type(value).__name__)
    return f"{name} ({show(value, 60)})"


def _structure_str(value: object, _: type) -> str:
    if type(value) is not str:
        raise _TypeMismatchError(f"expected a string, got {_describe(value)}")
    limit = EVERY_STRING.max_length
    if limit is not None and len(value) > limit:
        raise _TypeMismatchError(f"string is {len(value)} characters long; limit is {limit}")
    return value


def _structure_int(value: object, _: type) -> int:
    if type(value) is not int:
        raise _TypeMismatchError(f"expected a whole number, got {_describe(value)}")
    return value


def _structure_bool(value: object, _: type) -> bool:
    if type(value) is not bool:
        raise _TypeMismatchError(f"expected true or false, got {_describe(value)}")
    return value


def _structure_date(value: object, _: type) -> PartialDate:
    if type(value) is not str:
        raise _TypeMismatchError(f"expected an EDTF date string such as '2016-11-30', got {_describe(value)}")
    return PartialDate.parse(value)


def _is_homogeneous_tuple(tp: Any) -> bool:
    args = typing.get_args(tp)
    return typing.get_origin(tp) is tuple and len(args) == 2 and args[1] is Ellipsis


def _is_enum(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, enum.Enum)


def _is_optional_enum(tp: Any) -> bool:
    args = typing.get_args(tp)
    return (
        typing.get_origin(tp) in (typing.Union, types.UnionType)
        and len(args) == 2
        and type(None) in args
        and any(_is_enum(a) for a in args)
    )


def make_converter() -> cattrs.Converter:  # noqa: C901, PLR0915 - one hook per format decision in the docstring
    """Build the converter that defines scocoop's JSON form.

    Format decisions:

    - Records are JSON objects with their fields in declaration order;
      fields at their default (``None``, empty tuple, ``false``) are
      omitted, so that files hold only what is known.
    - Unknown fields are errors, so that a misspelt field cannot vanish.
    - Types are strict: a number where a string belongs, a string where a
      number belongs, or ``1`` where ``true`` belongs is an error, never
      converted.  Strings are limited to 10,000 characters.
    - Tuples are JSON arrays (a string is not accepted as a sequence).
    - :class:`PartialDate` is its EDTF string (``"2013-09-10?"``).
    - Enumerations are their string values (``"dialogue_partner"``).
    - Errors are detailed: every problem is collected with its location
      (see :func:`problems_of`).
    """
    # cattrs is imported here, on first use, so that importing scocoop stays cheap.
    import cattrs
    from cattrs.errors import IterableValidationError, IterableValidationNote
    from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn

    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)

    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(bool, _structure_bool)
    conv.register_structure_hook(PartialDate, _structure_date)
    conv.register_unstructure_hook(PartialDate, str)

    def enum_hook(tp: type[enum.Enum]) -> Callable[[object, type], enum.Enum]:
        allowed = ", ".join(repr(m.value) for m in tp)

        def structure(value: object, _: type) -> enum.Enum:
            if type(value) is not str:
                raise _TypeMismatchError(f"expected one of {allowed}, got {_describe(value)}")
            try:
                return tp(value)
            except ValueError:
                raise _TypeMismatchError(f"expected one of {allowed}, got {show(value)}") from None

        return structure

    conv.register_structure_hook_factory(_is_enum, enum_hook)

    def optional_enum_hook(tp: Any) -> Callable[[object, type], enum.Enum | None]:
        # Before cattrs 26, an optional enumeration bypassed the hook above.
        inner = enum_hook(next(a for a in typing.get_args(tp) if a is not type(None)))
        return lambda value, _: None if value is None else inner(value, tp)

    conv.register_structure_hook_factory(_is_optional_enum, optional_enum_hook)
    conv.register_unstructure_hook_factory(_is_enum, lambda _tp: _enum_value)

    def tuple_hook(tp: Any) -> Callable[[object, type], tuple[Any, ...]]:
        item_type = typing.get_args(tp)[0]
        item_hook = conv.get_structure_hook(item_type)

        def structure(value: object, _: type) -> tuple[Any, ...]:
            if not isinstance(value, list | tuple):
                raise _TypeMismatchError(f"expected an array, got {_describe(value)}")
            items: list[Any] = []
            errors: list[Exception] = []
            for index, item in enumerate(value):
                try:
                    items.append(item_hook(item, item_type))
                except Exception as exc:  # noqa: BLE001 - collected and re-raised below
                    note = IterableValidationNote(f"@ index {index}", index, item_type)
                    exc.__notes__ = [*getattr(exc, "__notes__", []), note]  # type: ignore[attr-defined]
                    errors.append(exc)
                    if len(errors) >= MAX_PROBLEMS:
                        break  # a value that bad needs mending first; the rest is not examined
            if errors:
                raise IterableValidationError(f"While structuring {show(tp)}", errors, tp)
            return tuple(items)

        return structure

    def tuple_unstructure(tp: Any) -> Callable[[tuple[Any, ...]], list[Any]]:
        item_type = typing.get_args(tp)[0]
        item_hook = conv.get_unstructure_hook(item_type)
        return lambda value: [item_hook(item) for item in value]

    conv.register_structure_hook_factory(_is_homogeneous_tuple, tuple_hook)
    conv.register_unstructure_hook_factory(_is_homogeneous_tuple, tuple_unstructure)

    def class_hook(cls: type[T]) -> Callable[[object, type], T]:
        inner = make_dict_structure_fn(cls, conv)

        def structure(value: object, _: type) -> T:
            if type(value) is not dict:
                raise _TypeMismatchError(f"expected an object, got {_describe(value)}")
            return inner(value, cls)

        return structure

    conv.register_structure_hook_factory(attrs.has, class_hook)
    conv.register_unstructure_hook_factory(
        attrs.has, lambda cls: make_dict_unstructure_fn(cls, conv, _cattrs_omit_if_default=True)
    )
    return conv


def _enum_value(member: enum.Enum) -> Any:
    return member.value


CONVERTER = once(make_converter)
"""The converter of :func:`make_converter` that the library itself uses, built on first use.

Private: a caller who registers hooks needs a converter of their own, from
:func:`make_converter`, so that the library's format cannot change under it."""


def problems_of(exc: BaseException, prefix: str = "") -> Iterator[Problem]:  # noqa: C901 - one branch per kind of error
    """The problems in an exception raised while structuring, each located.

    ``prefix`` is the location of the structured value in the document.
    """
    from cattrs.errors import (
        AttributeValidationNote,
        BaseValidationError,
        ForbiddenExtraKeysError,
        IterableValidationNote,
    )

    if isinstance(exc, BaseValidationError):
        for sub in exc.exceptions:
            path = prefix
            for note in getattr(sub, "__notes__", []):
                if isinstance(note, AttributeValidationNote):
                    path = f"{prefix}.{note.name}" if prefix else note.name
                elif isinstance(note, IterableValidationNote):
                    path = f"{prefix}[{note.index}]"
            yield from problems_of(sub, path)
    elif isinstance(exc, ForbiddenExtraKeysError):
        extra = sorted(exc.extra_fields)
        fields = ", ".join(show(f) for f in extra[:5]) + (
            f" and {len(extra) - 5} more" if len(extra) > 5 else ""
        )
        allowed = ", ".join(a.name for a in attrs.fields(exc.cl))
        yield Problem(prefix, f"unknown field {fields}; the fields of {exc.cl.__name__} are {allowed}")
    elif isinstance(exc, RecordError):
        for problem in exc.problems:
            yield Problem(f"{prefix}.{problem.location}" if prefix else problem.location, problem.message)
    elif isinstance(exc, KeyError):
        yield Problem(prefix, "required field is missing")
    elif isinstance(exc, RecursionError):
        yield Problem(prefix, "nested too deeply")
    else:
        message = str(exc) or type(exc).__name__
        yield Problem(prefix, message)
