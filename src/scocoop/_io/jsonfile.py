"""Reading and writing datasets: the canonical JSON file, and the bundled data.

A dataset file is one UTF-8 JSON object::

    {
      "schema_version": 1,
      "data_version": "2026.11.0",
      "sources": [...], "organizations": [...], "officials": [...],
      "meetings": [...], "commitments": [...], "instruments": [...]
    }

Only ``schema_version`` is required.  :func:`dump` writes the canonical form:
two-space indentation, fields in declaration order, records sorted by id,
defaults omitted, non-ASCII text as is, and a final newline; so dumping
what was loaded from a canonical file gives the same bytes.
"""

from __future__ import annotations

import itertools
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from scocoop._core.converter import CONVERTER, NonFiniteNumber, problems_of, read_int
from scocoop._core.errors import MAX_PROBLEMS, DataError, Problem, show
from scocoop._core.files import write_atomically
from scocoop._core.once import once
from scocoop._dataset.dataset import Dataset
from scocoop._io.fast import read as read_fast
from scocoop._io.fast import write as write_fast
from scocoop._io.schema import SCHEMA_VERSION
from scocoop._model.records import (
    COLLECTIONS,
    Commitment,
    Instrument,
    Meeting,
    Official,
    Organization,
    Source,
)

__all__ = ["MAX_BYTES", "bundled_data_version", "dump", "dumps", "load", "loads"]

MAX_BYTES = 1 << 30
"""The largest input :func:`load` and :func:`loads` read by default (1 GiB, ten
times the size of a 100,000-meeting dataset); ``max_bytes=`` raises it."""

_TYPES: dict[str, Any] = {
    "sources": tuple[Source, ...],
    "organizations": tuple[Organization, ...],
    "officials": tuple[Official, ...],
    "meetings": tuple[Meeting, ...],
    "commitments": tuple[Commitment, ...],
    "instruments": tuple[Instrument, ...],
}
_TOP_FIELDS = ("schema_version", "data_version", *COLLECTIONS)


class _RejectedError(ValueError):
    pass


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _RejectedError(f"key {show(key)} appears twice in one object")
            seen.add(key)
    return result


def _parse(data: str | bytes) -> Any:
    if isinstance(data, bytes):
        if data.startswith(b"\xef\xbb\xbf"):
            raise DataError(
                [Problem("", "the file starts with a byte-order mark; save it as UTF-8 without BOM")]
            )
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise DataError([Problem("", f"not valid UTF-8: byte {exc.start}: {exc.reason}")]) from None
    else:
        text = data
        if text.startswith("\ufeff"):
            raise DataError([Problem("", "the text starts with a byte-order mark")])
    try:
        return json.loads(
            text, parse_constant=NonFiniteNumber, parse_int=read_int, object_pairs_hook=_no_duplicate_keys
        )
    except json.JSONDecodeError as exc:
        raise DataError(
            [Problem("", f"not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}")]
        ) from None
    except _RejectedError as exc:
        raise DataError([Problem("", f"not valid JSON: {exc}")]) from None
    except RecursionError:
        raise DataError([Problem("", "not valid JSON: nested too deeply")]) from None
    except ValueError as exc:
        # Python refuses integer literals of more than 4,300 digits (int_max_str_digits).
        raise DataError([Problem("", f"not valid JSON: {str(exc)[:200]}")]) from None


def _build(document: Any) -> Dataset:
    if type(document) is not dict:
        kind = type(document).__name__
        raise DataError([Problem("", f"expected a JSON object with the dataset's collections, got {kind}")])
    problems = list(_header_problems(document))
    data_version = document.get("data_version")
    collections: dict[str, tuple[Any, ...]] = {}
    for name in COLLECTIONS:
        if name not in document:
            collections[name] = ()
            continue
        try:
            collections[name] = CONVERTER().structure(document[name], _TYPES[name])
        except RecursionError:
            problems.append(Problem(name, "nested too deeply"))
        except MemoryError:
            raise  # a resource error, not a fault of the data
        except Exception as exc:  # noqa: BLE001 - every structuring failure becomes a located problem
            problems.extend(itertools.islice(problems_of(exc, name), MAX_PROBLEMS))
    if problems:
        raise DataError(problems)
    return Dataset(data_version=data_version, **collections)


def _header_problems(document: dict[str, Any]) -> Iterator[Problem]:
    """What is wrong with a document's fields other than the collections."""
    unknown = sorted(set(document) - set(_TOP_FIELDS))
    if unknown:
        names = ", ".join(show(k) for k in unknown[:5]) + (
            f" and {len(unknown) - 5} more" if len(unknown) > 5 else ""
        )
        yield Problem("", f"unknown field {names}; the fields are {', '.join(_TOP_FIELDS)}")
    version = document.get("schema_version")
    if "schema_version" not in document:
        yield Problem("schema_version", "required field is missing")
    elif type(version) is not int or version != SCHEMA_VERSION:
        yield Problem(
            "schema_version", f"this release reads schema version {SCHEMA_VERSION}, got {show(version)}"
        )
    data_version = document.get("data_version")
    if data_version is not None and type(data_version) is not str:
        yield Problem("data_version", f"expected a string, got {show(data_version)}")


def loads(data: str | bytes | bytearray | memoryview, *, max_bytes: int = MAX_BYTES) -> Dataset:
    """Build a :class:`Dataset` from the text of a dataset file.

    Args:
        data: The text, or its UTF-8 bytes.
        max_bytes: Refuse a longer input (characters, for text).

    Raises:
        DataError: The text is not a valid dataset; every problem found is
            listed with its location.
    """
    if not isinstance(data, (str, bytes, bytearray, memoryview)):
        raise TypeError(f"loads() needs text or bytes, got {type(data).__name__}")
    _check_limit(max_bytes)
    # A memoryview's len() counts its items, which may be wider than a byte.
    size = data.nbytes if isinstance(data, memoryview) else len(data)
    if size > max_bytes:
        raise DataError([_too_large(max_bytes)])
    if isinstance(data, (bytearray, memoryview)):
        data = bytes(data)
    # With msgspec installed, a valid file is read by the fast path; anything
    # it leaves, valid or not, by the precise one, which reports the problems.
    dataset = read_fast(data)
    return _build(_parse(data)) if dataset is None else dataset


def _check_limit(max_bytes: object) -> None:
    if not isinstance(max_bytes, int) or isinstance(max_bytes, bool) or max_bytes < 0:
        shown = show(max_bytes) if isinstance(max_bytes, int) else f"a {type(max_bytes).__name__}"
        raise ValueError(f"max_bytes must be a whole number of bytes, 0 or more, not {shown}")


def _too_large(max_bytes: int) -> Problem:
    return Problem("", f"the input is larger than {max_bytes:,} bytes; pass max_bytes= to read a larger one")


def load(path: str | os.PathLike[str] | None = None, *, max_bytes: int = MAX_BYTES) -> Dataset:
    """Load a dataset file, or with no argument the bundled dataset.

    The bundled dataset is read on first use, once, and the same object is
    returned to every caller and thread afterwards.  A file larger than
    ``max_bytes`` (:data:`MAX_BYTES`, 1 GiB, by default) is refused without
    being read.

    For a long session with a large dataset, ``gc.freeze()`` after loading
    moves its records out of the garbage collector's sight: later
    collections no longer scan them.

    Raises:
        DataError: The file is not a valid dataset; every problem is listed
            with its location.
        OSError: The file cannot be read.
    """
    if path is None:
        return _bundled()
    _check_limit(max_bytes)
    with Path(path).open("rb") as stream:
        # Read one byte past the limit: a larger file (or /dev/zero) is refused unread.
        # A limit beyond what one read can ask for means no limit.
        data = stream.read(max_bytes + 1 if max_bytes < sys.maxsize else -1)
    try:
        return loads(data, max_bytes=max_bytes)
    except DataError as exc:
        raise DataError(exc.problems, origin=os.fspath(path)) from None


def _document(dataset: Dataset) -> dict[str, Any]:
    document: dict[str, Any] = {"schema_version": SCHEMA_VERSION}
    if dataset.data_version is not None:
        document["data_version"] = dataset.data_version
    for name in COLLECTIONS:
        document[name] = CONVERTER().unstructure(getattr(dataset, name), _TYPES[name])
    return document


def dumps(dataset: Dataset) -> str:
    """The canonical JSON text of a dataset (see the module documentation).

    With the ``fast`` extra (msgspec, orjson) installed, the text is encoded
    by msgspec or orjson, byte for byte the same and several times faster.
    """
    return _encode(dataset).decode("utf-8")


def _encode(dataset: Dataset) -> bytes:
    """The canonical UTF-8 bytes of a dataset."""
    fast = write_fast(dataset)
    if fast is not None:
        return fast
    document = _document(dataset)
    try:
        import orjson
    except ImportError:
        return _encode_json(document).encode("utf-8")
    return _encode_orjson(document, orjson).encode("utf-8")


def _encode_json(document: dict[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _encode_orjson(document: dict[str, Any], orjson: Any) -> str:
    text: str = orjson.dumps(document, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE).decode("utf-8")
    return text


def dump(dataset: Dataset, path: str | os.PathLike[str]) -> None:
    """Write a dataset to ``path`` in the canonical form, atomically.

    The text goes to a temporary file in the same directory, which is
    flushed to disk and then renamed over ``path``: an interrupted or failed
    write leaves any previous file intact.

    Raises:
        TypeError: ``dataset`` is not a :class:`Dataset`.
        OSError: The file cannot be written.
    """
    if not isinstance(dataset, Dataset):
        raise TypeError(f"dump() needs a Dataset, got {type(dataset).__name__}")
    write_atomically(Path(path), _encode(dataset))


@once
def _bundled() -> Dataset:
    from importlib import resources

    data = (resources.files("scocoop") / "data" / "scocoop.json").read_bytes()
    try:
        return loads(data)
    except DataError as exc:
        raise DataError(exc.problems, origin="the bundled dataset") from None


def bundled_data_version() -> str | None:
    """The bundled data's version, read from the file's header without loading the data."""
    import re
    from importlib import resources

    with (resources.files("scocoop") / "data" / "scocoop.json").open("rb") as stream:
        head = stream.read(256).decode("utf-8", errors="replace")
    found = re.search(r'"data_version": "([^"\\]*)"', head)
    return found.group(1) if found else None
