"""Load the same corpus with the libraries a user would pick instead of scocoop, side by side in one run.

    python benchmarks/peers.py            # N = 100,000
    python benchmarks/peers.py 10000      # a quicker run

Every side reads the same bytes and applies the same checks: each record's
constraints (the model's own, derived from its declarations) and a
cross-record pass (unique ids, references that resolve, known country codes
and topics).  The sides:

- ``msgspec Structs``: msgspec decodes into Structs that carry the model's
  constraints (scocoop's own wire types), then the cross-record pass runs
  over the Structs.  No records are built: the floor for this format.
- ``pydantic v2``: models generated from the record classes, each field with
  the same type, pattern, length and bounds (``Field``), validated from the
  JSON bytes by a ``TypeAdapter``; then the same cross-record pass.
- ``cattrs into attrs``: scocoop's precise path (cattrs structures the
  records, each record checks itself, the dataset runs its rules).
- ``scocoop.loads``: the fast path.

The collector stays on for every side, as a user would run it; each side's
time in the collector is measured (``gc.callbacks``) and reported as its
share.  Figures are medians of alternating runs, as ratios to the msgspec
side (below 1 is faster).
"""

from __future__ import annotations

import gc
import itertools
import json
import operator
import statistics
import sys
import time
import typing
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Annotated, Any

sys.path.insert(0, str(Path(__file__).parent))

import attrs
import msgspec
from generate import generate

import scocoop
from scocoop._core.dates import PartialDate
from scocoop._core.validators import EVERY_STRING, validators_of
from scocoop._countries.codes import alpha2_codes
from scocoop._io import jsonfile as _io
from scocoop._io.wire import types_of_the_model
from scocoop._model.fields import shape_of, type_hints
from scocoop._model.records import COLLECTIONS, REFERENCES
from scocoop._model.topics import topics


class _Collector:
    """Time spent in the garbage collector while it is installed."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self._start = 0.0

    def __call__(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._start = time.perf_counter()
        else:
            self.seconds += time.perf_counter() - self._start


def _timed(fn: Callable[[], object]) -> tuple[float, float]:
    """(seconds, seconds in the collector) of one call."""
    collector = _Collector()
    gc.collect()
    gc.callbacks.append(collector)
    try:
        start = time.perf_counter()
        fn()
        total = time.perf_counter() - start
    finally:
        gc.callbacks.remove(collector)
    return total, collector.seconds


# The cross-record pass, over any records that have the model's field names.


def _values(records: Iterable[Any], collection: str, path: tuple[str, ...]) -> Iterable[Any]:
    values: Iterable[Any] = records
    cls: Any = COLLECTIONS[collection]
    for step in path:
        shape = shape_of(type_hints(cls)[step])
        values = map(operator.attrgetter(step), values)
        if shape.many:
            values = itertools.chain.from_iterable(values)
        elif shape.optional:
            values = (v for v in values if v is not None)
        cls = shape.kind
    return values


def cross_record_pass(collections: dict[str, Any]) -> None:
    ids = [r.id for r in itertools.chain.from_iterable(collections.values())]
    if len(set(ids)) != len(ids):
        raise ValueError("duplicate ids")
    known: dict[str, Any] = {name: {r.id for r in records} for name, records in collections.items()}
    known["countries"] = alpha2_codes()
    known["topics"] = {t.id for t in topics()}
    for reference in REFERENCES:
        found = _values(collections[reference.collection], reference.collection, reference.path)
        if not known[reference.target].issuperset(found):
            raise ValueError(f"unresolved {reference}")


# msgspec Structs with the model's constraints.


def msgspec_side(raw: bytes) -> None:
    types = types_of_the_model()
    document = msgspec.json.decode(raw, type=types.wire)
    collections = {name: getattr(document, name) or () for name in COLLECTIONS}
    for name, records in collections.items():  # the dates, parsed once per distinct text
        _parse_dates(records, COLLECTIONS[name])
    cross_record_pass(collections)


def _parse_dates(records: Iterable[Any], cls: type, seen: dict[str, PartialDate] | None = None) -> None:
    seen = {} if seen is None else seen
    records = list(records)
    for attribute in attrs.fields(cls):
        shape = shape_of(type_hints(cls)[attribute.name])
        if shape.kind is PartialDate:
            for record in records:
                text = getattr(record, attribute.name)
                if text is not None and text not in seen:
                    seen[text] = PartialDate.parse(text)
        elif attrs.has(shape.kind):
            held = (getattr(r, attribute.name) for r in records)
            inner = itertools.chain.from_iterable(held) if shape.many else (h for h in held if h is not None)
            _parse_dates(inner, shape.kind, seen)


# pydantic v2 models generated from the record classes, with the same constraints.


def pydantic_document() -> Any:  # noqa: C901 - one branch per kind of field
    import pydantic

    models: dict[type, Any] = {}

    def item_type(cls: type, attribute: attrs.Attribute[Any]) -> Any:
        shape = shape_of(type_hints(cls)[attribute.name])
        kind = shape.kind
        if kind is PartialDate:
            kind = Annotated[str, pydantic.AfterValidator(PartialDate.parse)]
        elif attrs.has(kind):
            kind = model(kind)
        elif kind is str:
            keywords: dict[str, Any] = {"max_length": EVERY_STRING.max_length}
            for validator in validators_of(attribute):
                constraint = validator.constraint
                if constraint.kind is str and constraint.pattern is not None:
                    # Rust regexes cannot name lone surrogates, which pydantic refuses in JSON anyway.
                    keywords["pattern"] = f"^(?:{constraint.schema_pattern or constraint.pattern})$"
            kind = Annotated[str, pydantic.Field(**keywords)]
        elif kind is int:
            kind = Annotated[int, pydantic.Field(strict=True, ge=1, le=2**53 - 1)]
        elif kind is bool:
            kind = Annotated[bool, pydantic.Field(strict=True)]
        full: Any = tuple[kind, ...] if shape.many else kind
        return full | None if shape.optional else full

    def model(cls: type) -> Any:
        if cls not in models:
            fields = {
                a.name: (item_type(cls, a), ... if a.default is attrs.NOTHING else a.default)
                for a in attrs.fields(cls)
            }
            models[cls] = pydantic.create_model(  # type: ignore[call-overload]
                f"P{cls.__name__}", __config__=pydantic.ConfigDict(extra="forbid"), **fields
            )
        return models[cls]

    top = pydantic.create_model(  # type: ignore[call-overload]
        "PDataset",
        __config__=pydantic.ConfigDict(extra="forbid"),
        schema_version=(typing.Literal[1], ...),
        data_version=(str | None, None),
        **{name: (tuple[model(cls), ...], ()) for name, cls in COLLECTIONS.items()},
    )
    return pydantic.TypeAdapter(top)


def pydantic_side(raw: bytes, adapter: Any) -> None:
    document = adapter.validate_json(raw)
    cross_record_pass({name: getattr(document, name) for name in COLLECTIONS})


def main() -> None:
    n = int(sys.argv[1]) if sys.argv[1:] else 100_000
    raw = json.dumps(generate(n), ensure_ascii=False).encode()
    adapter = pydantic_document()
    sides: dict[str, Callable[[], object]] = {
        "msgspec Structs (model's constraints) + cross-record pass": lambda: msgspec_side(raw),
        "scocoop.loads (fast path)": lambda: scocoop.loads(raw),
        "pydantic v2 (generated models) + cross-record pass": lambda: pydantic_side(raw, adapter),
        "cattrs into attrs (scocoop's precise path)": lambda: _io._build(_io._parse(raw)),  # noqa: SLF001
    }
    for side in sides.values():  # every side once, so that nothing is first-use
        side()
    repeat = 3 if n >= 100_000 else 5
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in sides}
    for _ in range(repeat):
        for name, side in sides.items():
            times[name].append(_timed(side))
    print(f"scocoop {scocoop.__version__}, Python {sys.version.split()[0]}, msgspec {msgspec.__version__}")
    print(f"N = {n:,} meetings ({len(raw) / 1e6:.1f} MB of JSON); medians of {repeat} alternating runs")
    base = statistics.median(t for t, _ in times[next(iter(sides))])
    for name, runs in times.items():
        total = statistics.median(t for t, _ in runs)
        share = statistics.median(g / t for t, g in runs)
        print(f"  {name:<60} {total:7.2f} s  {total / base:5.2f}x  collector {share:4.0%}")


if __name__ == "__main__":
    main()
