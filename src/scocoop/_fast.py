"""Reading and writing dataset files with msgspec, where it is installed.

:func:`read` decodes a file into the wire types of :mod:`scocoop._wire`,
which check every field, builds the records in bulk (msgspec fills
subclasses of the record classes, which then become the record classes),
asks whether every rule between records holds (each rule's fast predicate, in
:mod:`scocoop._integrity`), and
returns the :class:`Dataset`.  On any doubt it returns ``None`` and the
precise loader reads the file: that one reports problems with their
locations, so the error a user sees is the same whichever path ran, and the
fast path never accepts what the precise one refuses.

:func:`write` converts the records into output structs and lets msgspec
encode and indent them: the same bytes as the precise writer.
"""

from __future__ import annotations

import collections
import functools
import itertools
import operator
from collections.abc import Iterable
from typing import Any

from scocoop._dataset import Dataset
from scocoop._dates import PartialDate
from scocoop._integrity import all_hold
from scocoop._model import COLLECTIONS
from scocoop._schema import SCHEMA_VERSION
from scocoop._validators import FieldError
from scocoop._wire import EDTFText, Types, UnsupportedError, output_hook, types_of_the_model

__all__ = ["read", "write"]


class _RefusedError(Exception):
    """The fast path leaves this input to the precise loader."""


def _types() -> Types | None:
    try:
        return types_of_the_model()
    except (ImportError, UnsupportedError):
        return None


def read(data: bytes | str) -> Dataset | None:
    """The dataset in ``data``, or ``None`` when the precise loader must read it (see the module doc)."""
    types = _types()
    if types is None:
        return None
    import msgspec

    try:
        return _read(data, types, msgspec)
    except (_RefusedError, msgspec.MsgspecError, FieldError, ValueError):
        # ValueError: an invalid date in the date hook, text that cannot be encoded.
        return None


def _read(data: bytes | str, types: Types, msgspec: Any) -> Dataset:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if raw.startswith(b"\xef\xbb\xbf") or b"\\u003" in raw:
        # A byte-order mark is refused with its own message; on "\u003a", see _colons_agree.
        raise _RefusedError
    dates: dict[str, tuple[PartialDate, int]] = {}
    date_colons = [0]

    def read_date(kind: Any, value: Any) -> Any:
        if kind is not EDTFText or type(value) is not str:
            raise _RefusedError
        found = dates.get(value)
        if found is None:
            date = PartialDate.parse(value)
            found = dates[value] = (date, msgspec.json.encode(date).count(b":"))
        date_colons[0] += found[1]
        return found[0]

    document = msgspec.json.Decoder(types.wire, dec_hook=read_date).decode(raw)
    if not _colons_agree(raw, msgspec.json.encode(document), date_colons[0]):
        raise _RefusedError
    given = {name: getattr(document, name) for name in COLLECTIONS}
    built = {
        name: msgspec.convert(
            () if records is msgspec.UNSET else records, types.built[name], from_attributes=True
        )
        for name, records in given.items()
    }
    data_version: str | None = None if document.data_version is msgspec.UNSET else document.data_version
    del given
    del document
    for name, cls in COLLECTIONS.items():
        _become(built[name], cls, types)
    if not all_hold(built):
        raise _RefusedError
    ordered = {name: tuple(sorted(records, key=_ID)) for name, records in built.items()}
    return Dataset._checked(ordered, data_version)  # noqa: SLF001 - checked here, as Dataset() checks


def _colons_agree(raw: bytes, written: bytes, date_colons: int) -> bool:
    r"""Whether every key of the input is one the decoded document writes back, once.

    msgspec keeps the last of repeated keys silently.  A colon in a JSON text
    separates a key from its value or stands for itself in a string, and the
    strings of the document are those of the input (the input holds no
    ``\\u003a``, a colon written otherwise).  So the input has as many colons
    as the document written back (without the colons of the dates, which
    msgspec writes as objects) only if no key was repeated and no field was
    given at its default: a file with either is read by the precise loader.
    """
    return raw.count(b":") == written.count(b":") - date_colons


_NOT_NONE = functools.partial(operator.is_not, None)
_ID = operator.attrgetter("id")
_SET_CLASS = object.__setattr__


def _become(records: Iterable[Any], cls: type, types: Types) -> None:
    """Switch built records, and the records they hold, to their public classes; check what msgspec could not.

    Converters that sort are applied, repeats refused, and each class's
    whole-record checks (``_check_*``) run.
    """
    records = list(records)
    collections.deque(
        map(_SET_CLASS, records, itertools.repeat("__class__"), itertools.repeat(cls)), maxlen=0
    )
    for field in types.fields[cls]:
        if field.sort:
            _sort(records, field.name, unique=field.unique)
        elif field.unique:
            raise _RefusedError  # the wire types cannot say it
    for check in record_checks(cls):
        collections.deque(map(check, records), maxlen=0)
    for name, child, many in types.nested[cls]:
        held = map(operator.attrgetter(name), records)
        _become(itertools.chain.from_iterable(held) if many else filter(None, held), child, types)


def record_checks(cls: type) -> tuple[Any, ...]:
    """The whole-record checks of a record class: its methods named ``_check_*``, which its post-init runs."""
    return tuple(getattr(cls, name) for name in sorted(dir(cls)) if name.startswith("_check_"))


def _sort(records: list[Any], name: str, *, unique: bool) -> None:
    for record, value in zip(records, map(operator.attrgetter(name), records), strict=True):
        if len(value) < 2:
            continue
        ordered = tuple(sorted(value))
        if unique and len(set(ordered)) != len(ordered):
            raise _RefusedError
        if ordered != value:
            _SET_CLASS(record, name, ordered)


def write(dataset: Dataset) -> bytes | None:
    """The canonical bytes of a dataset, or ``None`` where msgspec cannot write them."""
    types = _types()
    if types is None:
        return None
    import msgspec

    records = {
        name: msgspec.convert(
            getattr(dataset, name), types.output[name], from_attributes=True, dec_hook=output_hook
        )
        for name in COLLECTIONS
    }
    document = types.output_top(schema_version=SCHEMA_VERSION, data_version=dataset.data_version, **records)
    text: bytes = msgspec.json.format(msgspec.json.encode(document), indent=2)
    return text + b"\n"
