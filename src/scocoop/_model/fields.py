"""How the record classes declare their fields' types, read for the code that walks records generically.

The wire types, the rules between records and the benchmarks' peers walk
records by their declared field types; :func:`shape_of` reads a declared
type as the three facts they need, and refuses a type none of them can walk.
"""

from __future__ import annotations

import enum
import functools
import sys
import types
import typing
from typing import Any

import attrs

from scocoop._core.dates import PartialDate

__all__ = ["Shape", "UnsupportedError", "is_enum", "is_record", "shape_of", "type_hints"]


class UnsupportedError(Exception):
    """The model declares a field type that the generic code cannot walk (the wire types then stop)."""


@attrs.frozen
class Shape:
    """A field's declared type: the type of one item, whether it may be null, whether it is a list."""

    kind: Any
    optional: bool
    many: bool


def is_enum(kind: Any) -> bool:
    return isinstance(kind, type) and issubclass(kind, enum.Enum)


def is_record(kind: Any) -> bool:
    return attrs.has(kind) and kind is not PartialDate


def shape_of(hint: Any) -> Shape:
    """The shape of a declared field type; :class:`UnsupportedError` if it is none the wire types know."""
    optional = many = False
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        args = typing.get_args(hint)
        if len(args) != 2 or type(None) not in args:
            raise UnsupportedError(f"no wire type for {hint!r}")
        hint = next(a for a in args if a is not type(None))
        optional = True
    if typing.get_origin(hint) is tuple:
        args = typing.get_args(hint)
        if len(args) != 2 or args[1] is not Ellipsis:
            raise UnsupportedError(f"no wire type for {hint!r}")
        hint = args[0]
        many = True
    if hint in (str, int, bool) or hint is PartialDate or is_enum(hint) or is_record(hint):
        return Shape(hint, optional, many)
    raise UnsupportedError(f"no wire type for {hint!r}")


@functools.cache
def type_hints(cls: type) -> dict[str, Any]:
    """Each field's declared type, by name, for a record class (read once per class)."""
    hints = typing.get_type_hints(cls, globalns=vars(sys.modules[cls.__module__]))
    # A class made by attrs.make_class carries its types on its fields only
    # (attrs before 23.2 writes no annotations for it).
    return {a.name: hints.get(a.name, a.type) for a in attrs.fields(cls)}
