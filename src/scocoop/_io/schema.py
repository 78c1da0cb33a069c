"""The JSON Schema of the dataset file, generated from the model.

The schema states the form of a file: fields, types, patterns of ids,
country codes and EDTF dates, enumerations, lengths of text.  Rules that span
records (unique ids, references that resolve, country codes and topics that
exist, dates in order) are beyond JSON Schema; :func:`scocoop.load` checks
them.  A copy ships with the package as ``scocoop/data/scocoop.schema.json``
and is exported beside the data by ``scocoop export --format json``.
"""

from __future__ import annotations

import enum
import sys
import types
import typing
from typing import Any

import attrs

from scocoop._core.dates import EDTF_FORM, PartialDate
from scocoop._core.errors import show
from scocoop._core.validators import Validator, validators_of
from scocoop._model.records import COLLECTIONS

__all__ = ["SCHEMA_ID", "SCHEMA_VERSION", "json_schema"]

SCHEMA_VERSION = 1
"""The version of the file format this release reads and writes."""

SCHEMA_ID = "https://scocoop.github.io/schema/scocoop-1.schema.json"

_EDTF = f"^{EDTF_FORM}$"


def _keywords(validators: tuple[Validator, ...], *, array: bool) -> dict[str, Any]:
    # The validators of a tuple field say something of the array (uniqueItems)
    # or of each item (a pattern); each keyword goes where it applies.
    found: dict[str, Any] = {}
    for validator in validators:
        state = getattr(validator, "json_schema", None)
        if state is None:
            # A check the schema cannot state would be skipped silently: refuse instead.
            raise TypeError(f"no JSON Schema for the validator {show(validator)}")
        found.update((k, v) for k, v in state().items() if (k == "uniqueItems") == array)
    return found


def _type(hint: Any, defs: dict[str, Any], checks: tuple[Validator, ...]) -> dict[str, Any]:  # noqa: PLR0911  # one return per kind of type
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(hint) if a is not type(None)]
        return {"anyOf": [_type(options[0], defs, checks), {"type": "null"}]}
    if origin is tuple:
        return {
            "type": "array",
            "items": _type(typing.get_args(hint)[0], defs, checks),
            **_keywords(checks, array=True),
        }
    if hint is PartialDate:
        return {"type": "string", "pattern": _EDTF, "description": "An EDTF level-1 date"}
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return {"enum": [member.value for member in hint]}
    if attrs.has(hint):
        _define(hint, defs)
        return {"$ref": f"#/$defs/{hint.__name__}"}
    if hint is bool:
        return {"type": "boolean"}
    if hint in (int, str):
        return {"type": "integer" if hint is int else "string", **_keywords(checks, array=False)}
    raise TypeError(f"no JSON Schema for {show(hint)}")


def _define(cls: type, defs: dict[str, Any]) -> None:
    if cls.__name__ in defs:
        return
    defs[cls.__name__] = {}  # claimed first, so that a recursive type stops here
    hints = typing.get_type_hints(cls, globalns=vars(sys.modules["scocoop._model.records"]))
    properties = {}
    required = []
    for field in attrs.fields(cls):
        properties[field.name] = _type(hints[field.name], defs, validators_of(field))
        if field.default is attrs.NOTHING:
            required.append(field.name)
    first_line = (cls.__doc__ or cls.__name__).strip().splitlines()[0]
    defs[cls.__name__] = {
        "type": "object",
        "description": first_line,
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a dataset file of this release."""
    defs: dict[str, Any] = {}
    collections = {}
    for name, cls in COLLECTIONS.items():
        collections[name] = {"type": "array", "items": _type(cls, defs, ())}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "scocoop dataset",
        "description": (
            "A scocoop dataset file. The schema checks the form of each record; scocoop.load() also "
            "checks the rules that span records (unique ids, references, known countries and topics)."
        ),
        "type": "object",
        "properties": {
            "schema_version": {"const": SCHEMA_VERSION},
            "data_version": {"type": "string"},
            **collections,
        },
        "required": ["schema_version"],
        "additionalProperties": False,
        "$defs": dict(sorted(defs.items())),
    }
