r"""The model's records as msgspec types, generated from their declarations on first use.

Two families of types are generated, never at import:

- *Wire types* (msgspec structs) that a file is decoded into.  Each field's
  constraints come from the validators declared on it, through a closed table
  (:data:`_RULES`): a validator the table does not know, a converter that
  does something other than sort or pass the value through, or a type it
  cannot state stops generation, so that no rule can be skipped silently.
  Unknown fields are forbidden; patterns are anchored with ``\\A...\\Z``
  (msgspec searches, and ``$`` would let a trailing line break through).
- *Built types*: for each record class, a subclass with the same slots and
  no ``__attrs_post_init__``, that msgspec fills from the wire structs
  before each record's class is switched to the public one.  This relies on
  CPython's rules for ``__class__`` assignment; where they do not hold,
  generation stops and the precise loader reads every file.
- *Output types* (msgspec structs) that :func:`scocoop.dump` encodes: fields
  in declaration order, defaults omitted, dates as their EDTF text.

Two declared facts let a constraint be replaced by a stronger check that
costs less: a reference to a collection (``participants.official``) must
name an id of that collection, every one of which was checked against the id
pattern, so the pattern is left to that check; a reference to countries or
topics is decoded as a choice among the known codes and topic ids, which
each pass the field's validator.
"""

from __future__ import annotations

import abc
from collections.abc import Callable, Iterator
from typing import Annotated, Any, Literal

import attrs

from scocoop._core.dates import PartialDate
from scocoop._core.once import once
from scocoop._core.validators import (
    EVERY_STRING,
    Constraint,
    Validator,
    a_country,
    a_language,
    a_text,
    an_edition,
    an_id,
    an_instance,
    no_duplicates,
    validators_of,
)
from scocoop._countries.codes import alpha2_codes
from scocoop._io.schema import SCHEMA_VERSION
from scocoop._model.fields import Shape, UnsupportedError, is_enum, is_record, shape_of, type_hints
from scocoop._model.records import COLLECTIONS, REFERENCES
from scocoop._model.topics import topics

__all__ = ["Types", "WireField", "output_hook", "types_of_the_model"]


class _Defaulted(abc.ABC):
    """An output field whose default is compared by equality, as the precise writer compares it."""

    default: Any


@attrs.define
class WireField:
    """What the wire type of one field says, as the rules derive it."""

    name: str
    shape: Shape
    default: Any
    meta: dict[str, Any] = attrs.Factory(dict)
    choices: frozenset[str] | None = None
    unique: bool = False
    sort: bool = False
    references: frozenset[str] = frozenset()
    always_referenced: bool = False


@attrs.frozen
class Types:
    """Everything generated from the model."""

    wire: Any
    """The msgspec type of a whole file."""
    built: dict[str, Any]
    """For each collection, the msgspec type of its records as built records."""
    classes: dict[type, type]
    """Each record class by its built subclass."""
    fields: dict[type, tuple[WireField, ...]]
    """Each record class's fields as the rules derived them."""
    nested: dict[type, tuple[tuple[str, type, bool], ...]]
    """Each record class's fields that hold records: (name, record class, whether a list)."""
    output: dict[str, Any]
    """For each collection, the msgspec type its records are written as."""
    output_top: Any
    """The msgspec type of a whole written file."""


def _occurrences(
    cls: type, collection: str, path: tuple[str, ...]
) -> Iterator[tuple[type, str, str, tuple[str, ...]]]:
    """Every field reachable from a collection: (class, field, collection, path from its record)."""
    hints = type_hints(cls)
    for attribute in attrs.fields(cls):
        here = (*path, attribute.name)
        yield cls, attribute.name, collection, here
        shape = shape_of(hints[attribute.name])
        if is_record(shape.kind):
            yield from _occurrences(shape.kind, collection, here)


def _references() -> dict[tuple[type, str], tuple[frozenset[str], bool]]:
    """For each field, the targets it refers to, and whether every place it is reached from declares one."""
    declared = {(r.collection, r.path): r.target for r in REFERENCES}
    targets: dict[tuple[type, str], set[str]] = {}
    everywhere: dict[tuple[type, str], bool] = {}
    for collection, cls in COLLECTIONS.items():
        for owner, name, where, path in _occurrences(cls, collection, ()):
            target = declared.get((where, path))
            key = (owner, name)
            if target is not None:
                targets.setdefault(key, set()).add(target)
            everywhere[key] = everywhere.get(key, True) and target is not None
    return {key: (frozenset(targets.get(key, ())), always) for key, always in everywhere.items()}


def _anchored(pattern: str) -> str:
    return f"\\A(?:{pattern})\\Z"


def _vocabulary(target: str) -> frozenset[str]:
    if target == "countries":
        return alpha2_codes()
    return frozenset(topic.id for topic in topics())


def _meta_of(constraint: Constraint) -> dict[str, Any]:
    """A constraint as msgspec's ``Meta`` keywords; patterns anchored (msgspec searches)."""
    meta: dict[str, Any] = {}
    if constraint.pattern is not None:
        meta["pattern"] = _anchored(constraint.pattern)
    if constraint.max_length is not None:
        meta["max_length"] = constraint.max_length
    if constraint.minimum is not None:
        meta["ge"] = constraint.minimum
    if constraint.maximum is not None:
        meta["le"] = constraint.maximum
    return meta


def _choices_or_stated(field: WireField, validator: Validator, attribute: attrs.Attribute[Any]) -> None:
    """A vocabulary's words where the field always names one each checked; else its constraint."""
    vocabularies = field.references & {"countries", "topics"}
    if field.always_referenced and len(vocabularies) == 1 and field.references == vocabularies:
        words = _vocabulary(next(iter(vocabularies)))
        for word in words:
            validator(None, attribute, (word,) if field.shape.many else word)
        field.choices = words
    else:
        field.meta.update(_meta_of(validator.constraint))


def _optional_matches(field: WireField, validator: Validator) -> None:
    if field.shape.optional and not validator.optional:
        raise UnsupportedError(f"{field.name}: the type allows null and {validator!r} does not")
    if validator.many != field.shape.many:
        raise UnsupportedError(f"{field.name}: {validator!r} does not match the field's type")
    if validator.constraint.kind is not field.shape.kind:
        raise UnsupportedError(f"{field.name}: {validator!r} does not check the field's type")


def _id_rule(field: WireField, validator: Validator, attribute: attrs.Attribute[Any]) -> None:
    _optional_matches(field, validator)
    if field.always_referenced and field.references and field.references <= set(COLLECTIONS):
        # Resolution is checked after decoding, against ids that each passed the pattern.
        for target in field.references:
            id_field = attrs.fields_dict(COLLECTIONS[target]).get("id")
            ids = [v for v in validators_of(id_field) if type(v) is type(an_id())] if id_field else []
            if not any(not v.optional and not v.many for v in ids):
                raise UnsupportedError(f"{target} ids are not checked as ids")
        return
    _choices_or_stated(field, validator, attribute)


def _country_rule(field: WireField, validator: Validator, attribute: attrs.Attribute[Any]) -> None:
    _optional_matches(field, validator)
    _choices_or_stated(field, validator, attribute)


def _stated_rule(field: WireField, validator: Validator, attribute: attrs.Attribute[Any]) -> None:
    """A constraint msgspec states as it is: the value's type, a pattern, a length, bounds."""
    _optional_matches(field, validator)
    field.meta.update(_meta_of(validator.constraint))


def _unique_rule(field: WireField, validator: Validator, attribute: attrs.Attribute[Any]) -> None:
    if not field.shape.many:
        raise UnsupportedError(f"{field.name}: only a list can be free of repeats")
    field.unique = True


Rule = Callable[[WireField, Validator, "attrs.Attribute[Any]"], None]


@once
def _rules() -> dict[type, Rule]:
    """The closed table: each kind of validator the wire types can state, and how."""
    return {
        type(an_id()): _id_rule,
        type(a_text()): _stated_rule,
        type(a_country()): _country_rule,
        type(a_language()): _stated_rule,
        type(an_edition()): _stated_rule,
        type(an_instance(bool, expected="")): _stated_rule,
        type(no_duplicates()): _unique_rule,
    }


def _sorts(attribute: attrs.Attribute[Any], shape: Shape) -> bool:  # noqa: C901 - one probe per kind of value
    """Whether the field's converter sorts; :class:`UnsupportedError` unless it sorts or passes through.

    Probed on the values the wire types give: an enumeration member, a date,
    a tuple of records come back unchanged; a tuple of strings comes back sorted.
    """
    convert = attribute.converter
    if convert is None:
        return False
    if not callable(convert):
        raise UnsupportedError(f"{attribute.name}: no wire form for the converter {convert!r}")
    if shape.many and shape.kind is str:
        if convert(("b", "c", "a")) == ("a", "b", "c") and convert(("a", "b")) == ("a", "b"):
            return True
    elif shape.many:
        items = (object(), object())
        if convert(items) is items:
            return False
    elif is_enum(shape.kind):
        if all(convert(member) is member for member in shape.kind):
            return False
    elif shape.kind is PartialDate:
        date = PartialDate(year=2000)
        if convert(date) is date and convert(None) is None:
            return False
    raise UnsupportedError(f"{attribute.name}: no wire form for the converter {convert!r}")


def _derive(
    cls: type, references: dict[tuple[type, str], tuple[frozenset[str], bool]]
) -> tuple[WireField, ...]:
    hints = type_hints(cls)
    rules = _rules()
    found = []
    for attribute in attrs.fields(cls):
        if isinstance(attribute.default, attrs.Factory):  # type: ignore[arg-type]
            raise UnsupportedError(f"{cls.__name__}.{attribute.name}: no wire form for a default factory")
        if attribute.validator is not None or not attribute.init:
            raise UnsupportedError(f"{cls.__name__}.{attribute.name}: a validator outside the declared ones")
        shape = shape_of(hints[attribute.name])
        targets, always = references.get((cls, attribute.name), (frozenset(), False))
        field = WireField(
            attribute.name, shape, attribute.default, references=targets, always_referenced=always
        )
        field.sort = _sorts(attribute, shape)
        for validator in validators_of(attribute):
            rule = rules.get(type(validator))
            if rule is None:
                raise UnsupportedError(f"{cls.__name__}.{attribute.name}: no wire form for {validator!r}")
            rule(field, validator, attribute)
        found.append(field)
    return tuple(found)


def _item_type(field: WireField, wire: dict[type, Any]) -> Any:
    kind = field.shape.kind
    if field.choices is not None:
        item: Any = Literal[tuple(sorted(field.choices))]
    elif kind is str:
        item = Annotated[str, _meta(**{**_meta_of(EVERY_STRING), **field.meta})]
    elif kind is int:
        item = Annotated[int, _meta(**field.meta)] if field.meta else int
    elif kind is PartialDate:
        item = str  # read into a date by the pass that switches the records' classes
    elif is_record(kind):
        item = wire[kind]
    else:
        item = kind  # bool, or an enumeration read by its values
    if field.meta and kind not in (str, int):
        raise UnsupportedError(f"{field.name}: constraints on {kind!r}")
    return item


def _meta(**keywords: Any) -> Any:
    import msgspec

    return msgspec.Meta(**keywords)


def _tuple_of(item: Any) -> Any:
    return tuple[item, ...]


def _full_type(item: Any, shape: Shape) -> Any:
    full = _tuple_of(item) if shape.many else item
    return full | None if shape.optional else full


def _order(root: type, seen: list[type]) -> list[type]:
    """Record classes reachable from ``root``, each after the classes it holds."""
    for attribute in attrs.fields(root):
        shape = shape_of(type_hints(root)[attribute.name])
        if is_record(shape.kind) and shape.kind not in seen:
            _order(shape.kind, seen)
    if root not in seen:
        seen.append(root)
    return seen


def _built_class(cls: type, fields: tuple[WireField, ...], built: dict[type, type]) -> type:
    """A subclass of ``cls`` with its slots and no post-init check, whose instances can become ``cls``."""
    declared: dict[str, Any] = {}
    for field in fields:
        kind = built[field.shape.kind] if is_record(field.shape.kind) else Any
        declared[field.name] = _full_type(kind, field.shape) if kind is not Any else Any
    subclass = attrs.make_class(
        f"Built{cls.__name__}",
        {name: attrs.field(type=kind) for name, kind in declared.items()},
        bases=(cls,),
        frozen=True,
        kw_only=True,
        slots=True,
    )
    # msgspec reads the annotations, which attrs before 23.2 does not write for
    # a made class: without them it would take the public class's (a date where
    # the built record holds the date's text until it is read).
    subclass.__annotations__ = declared
    # msgspec calls a post-init hook when there is one; its checks are run in bulk instead.
    setattr(subclass, "__attrs_post_init__", None)  # noqa: B010 - a class attribute set on a generated class
    if subclass.__basicsize__ != cls.__basicsize__ or vars(subclass).get("__slots__") != ():
        raise UnsupportedError(f"{cls.__name__}: its built subclass adds slots")
    try:
        object.__setattr__(object.__new__(subclass), "__class__", cls)
    except TypeError as exc:
        raise UnsupportedError(
            f"{cls.__name__}: this Python cannot switch a record's class ({exc})"
        ) from None
    return subclass


def _output_type(field: WireField, output: dict[type, Any]) -> Any:
    kind = field.shape.kind
    if is_record(kind):
        return _full_type(output[kind], field.shape)
    if kind is PartialDate:
        return _full_type(_DateOut, field.shape)
    if field.default not in (attrs.NOTHING, None, (), False):
        # msgspec omits a default it finds by identity; the precise writer compares values.
        defaulted: Any = type(f"Default{field.name.title()}", (_Defaulted,), {"default": field.default})
        defaulted.register(type(field.default))
        return defaulted
    return Any


class _DateOut(abc.ABC):  # noqa: B024 - a marker for the encoder's conversion hook
    """A date in an output type: its EDTF text."""


_DateOut.register(str)


def output_hook(kind: Any, value: Any) -> Any:
    """The conversion hook of the output types: a date as its text, a default as itself."""
    if kind is _DateOut:
        return str(value)
    if isinstance(kind, type) and issubclass(kind, _Defaulted):
        return kind.default if value == kind.default else value
    raise NotImplementedError(kind)


@once
def types_of_the_model() -> Types:
    """Generate every type from the model, once.

    Raises:
        UnsupportedError: The model declares something the types cannot
            state; the precise loader and writer are used instead.
        ImportError: msgspec is not installed.
    """
    import msgspec

    references = _references()
    order: list[type] = []
    for cls in COLLECTIONS.values():
        _order(cls, order)
    fields = {cls: _derive(cls, references) for cls in order}
    wire: dict[type, Any] = {}
    built: dict[type, type] = {}
    output: dict[type, Any] = {}
    for cls in order:
        wire[cls] = msgspec.defstruct(
            f"Wire{cls.__name__}",
            [_struct_field(f, _full_type(_item_type(f, wire), f.shape)) for f in fields[cls]],
            kw_only=True,
            forbid_unknown_fields=True,
            omit_defaults=True,
            gc=False,
            module=__name__,
        )
        built[cls] = _built_class(cls, fields[cls], built)
        output[cls] = msgspec.defstruct(
            f"Output{cls.__name__}",
            [_struct_field(f, _output_type(f, output)) for f in fields[cls]],
            kw_only=True,
            omit_defaults=True,
            gc=False,
            module=__name__,
        )
    data_version = WireField("data_version", Shape(str, optional=True, many=False), None)
    _stated_rule(data_version, a_text(optional=True), None)  # type: ignore[arg-type]  # a dataset's version is one line of text
    wire_top = msgspec.defstruct(
        "WireDataset",
        [
            ("schema_version", Literal[SCHEMA_VERSION]),
            # Absent rather than at a default, so that the document writes back the keys it was given.
            *(
                (name, kind | msgspec.UnsetType, msgspec.UNSET)
                for name, kind in (
                    ("data_version", _full_type(_item_type(data_version, wire), data_version.shape)),
                    *((name, _tuple_of(wire[cls])) for name, cls in COLLECTIONS.items()),
                )
            ),
        ],
        forbid_unknown_fields=True,
        gc=False,
        module=__name__,
    )
    output_top = msgspec.defstruct(
        "OutputDataset",
        [
            ("schema_version", int),
            ("data_version", Any, None),
            *((name, _tuple_of(output[cls])) for name, cls in COLLECTIONS.items()),
        ],
        kw_only=True,
        omit_defaults=True,
        gc=False,
        module=__name__,
    )
    return Types(
        wire=wire_top,
        built={name: _tuple_of(built[cls]) for name, cls in COLLECTIONS.items()},
        classes={sub: cls for cls, sub in built.items()},
        fields=fields,
        nested={
            cls: tuple((f.name, f.shape.kind, f.shape.many) for f in fields[cls] if is_record(f.shape.kind))
            for cls in order
        },
        output={name: _tuple_of(output[cls]) for name, cls in COLLECTIONS.items()},
        output_top=output_top,
    )


def _struct_field(field: WireField, kind: Any) -> tuple[Any, ...]:
    if field.default is attrs.NOTHING:
        return (field.name, kind)
    return (field.name, kind, field.default)
