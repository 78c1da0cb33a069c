"""Reading and writing dataset files with msgspec, where it is installed.

:func:`read` decodes a file into the wire types of :mod:`scocoop._io.wire`,
which check every field, builds the records in bulk (msgspec fills
subclasses of the record classes, which then become the record classes, in
a pass that also reads the dates and runs each record's own checks), asks
whether every rule between records holds (each rule's fast predicate, in
:mod:`scocoop._dataset.integrity`), and returns the :class:`Dataset`.  On
any doubt it returns ``None`` and the precise loader reads the file: that one reports problems with their
locations, so the error a user sees is the same whichever path ran, and the
fast path never accepts what the precise one refuses.

:func:`write` converts the records into output structs and lets msgspec
encode and indent them: the same bytes as the precise writer.
"""

from __future__ import annotations

import collections
import itertools
import operator
from collections.abc import Iterable
from typing import Any

from scocoop._core.dates import PartialDate
from scocoop._core.errors import InvalidDateError
from scocoop._core.validators import FieldError
from scocoop._dataset.dataset import Dataset
from scocoop._dataset.integrity import all_hold
from scocoop._io.schema import SCHEMA_VERSION
from scocoop._io.wire import Types, output_hook, types_of_the_model
from scocoop._model.fields import UnsupportedError
from scocoop._model.records import COLLECTIONS

__all__ = ["keys_written_once", "read", "write"]


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
    except (_RefusedError, msgspec.ValidationError, msgspec.DecodeError, UnicodeDecodeError):
        # UnicodeDecodeError: invalid UTF-8, as msgspec before 0.19 reports it.
        return None


def _read(data: bytes | str, types: Types, msgspec: Any) -> Dataset:
    try:
        raw = data.encode("utf-8") if isinstance(data, str) else data
    except UnicodeEncodeError:  # a lone surrogate: the precise loader says where
        raise _RefusedError from None
    if raw.startswith(b"\xef\xbb\xbf"):  # refused with its own message
        raise _RefusedError
    document = msgspec.json.Decoder(types.wire).decode(raw)
    if not keys_written_once(raw, msgspec.json.encode(document)):
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
    dates: dict[str, PartialDate] = {}
    for name, cls in COLLECTIONS.items():
        _become(built[name], cls, types, dates)
    if not all_hold(built):
        raise _RefusedError
    ordered = {name: tuple(sorted(records, key=_ID)) for name, records in built.items()}
    return Dataset._checked(ordered, data_version)  # noqa: SLF001 - checked here, as Dataset() checks


def keys_written_once(raw: bytes, written: bytes) -> bool:
    r"""Whether the JSON text ``raw`` repeats no key and gives no field at its default.

    ``written`` is the document decoded from ``raw`` and encoded again
    compactly, which omits fields at their default; msgspec keeps the last
    of repeated keys silently, so neither can be seen in the document.  A
    colon in a JSON text separates a key from its value or stands for itself
    inside a string, and the strings written back are those read; so the
    two texts have as many colons exactly when every key of the input was
    written back once.  A colon can also be written as an escape
    (``\u003a``), which the count cannot see: an input holding ``\u003`` is
    answered ``False``, and read by the precise loader.
    """
    if b"\\u003" in raw:
        return False
    return raw.count(b":") == written.count(b":")


_ID = operator.attrgetter("id")
_SET_CLASS = object.__setattr__


def _become(records: Iterable[Any], cls: type, types: Types, dates: dict[str, PartialDate]) -> None:
    """Switch built records, and the records they hold, to their public classes; check what msgspec could not.

    Dates are read from their text (each distinct text once), converters
    that sort are applied, repeats refused, and each class's whole-record
    checks (``_check_*``) run.
    """
    records = list(records)
    collections.deque(
        map(_SET_CLASS, records, itertools.repeat("__class__"), itertools.repeat(cls)), maxlen=0
    )
    for field in types.fields[cls]:
        if field.shape.kind is PartialDate:
            _read_dates(records, field.name, dates)
        elif field.sort:
            _sort(records, field.name, unique=field.unique)
        elif field.unique:
            raise _RefusedError  # the wire types cannot say it
    for name, child, many in types.nested[cls]:
        held = map(operator.attrgetter(name), records)
        _become(itertools.chain.from_iterable(held) if many else filter(None, held), child, types, dates)
    # Last, so that a record's checks see the records it holds with their dates read.
    try:
        for check in record_checks(cls):
            collections.deque(map(check, records), maxlen=0)
    except FieldError:
        raise _RefusedError from None


def _read_dates(records: list[Any], name: str, dates: dict[str, PartialDate]) -> None:
    """Replace each record's date text by its date; records giving the same text share one date."""
    for record in records:
        text = getattr(record, name)
        if text is None:
            continue
        date = dates.get(text)
        if date is None:
            try:
                date = dates[text] = PartialDate.parse(text)
            except InvalidDateError:
                raise _RefusedError from None
        _SET_CLASS(record, name, date)


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
