"""Exports: CSV with a Frictionless descriptor, canonical JSON with its schema, Popolo, Parquet.

Every export builds all of its files in memory first and then writes each
one atomically, so that a failure leaves no half-written file behind.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from scocoop._core.dates import EDTF_FORM, PartialDate
from scocoop._core.errors import show
from scocoop._core.extras import require
from scocoop._core.files import write_directory
from scocoop._io.jsonfile import dumps
from scocoop._io.schema import json_schema
from scocoop._views.info import DATA_LICENSE, TITLE

if TYPE_CHECKING:
    from scocoop._dataset.dataset import Dataset
    from scocoop._views.tables import Column, Table, Value

__all__ = ["FORMATS", "ExportFormat", "export"]


def _dumps_json(value: Any) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


# CSV and its Frictionless Data Package descriptor.


def _cell(value: Value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


_BOUNDS = (("earliest", "The earliest day"), ("latest", "The latest day"))
"""The two columns of real dates written beside each EDTF date column: (suffix, what it holds)."""


def _bounds(value: Value) -> list[str]:
    if not isinstance(value, PartialDate):
        return ["", ""]
    return [value.earliest.isoformat(), value.latest.isoformat()]


def _bound_fields(column: Column) -> list[dict[str, Any]]:
    return [
        {
            "name": f"{column.name}_{suffix}",
            "type": "date",
            "description": f"{what} the {column.name} can mean (ISO 8601), for tools that read dates",
        }
        for suffix, what in _BOUNDS
    ]


def _header(table: Table) -> list[str]:
    names = []
    for column in table.columns:
        names.append(column.name)
        if column.kind == "date":
            names.extend(f"{column.name}_{suffix}" for suffix, _ in _BOUNDS)
    return names


def _cells(table: Table, row: dict[str, Value]) -> list[str]:
    cells = []
    for column in table.columns:
        value = row[column.name]
        cells.append(_cell(value))
        if column.kind == "date":
            cells.extend(_bounds(value))
    return cells


def _field(column: Column) -> dict[str, Any]:
    field: dict[str, Any] = {"name": column.name, "description": column.description}
    if column.kind == "date":
        field["type"] = "string"
        field["format"] = "default"
        field["description"] += "; EDTF: ? uncertain, ~ approximate, % both"
        field["constraints"] = {"pattern": EDTF_FORM}
    else:
        field["type"] = column.kind
    if column.kind == "boolean":
        field["trueValues"] = ["true"]
        field["falseValues"] = ["false"]
    if column.required:
        field.setdefault("constraints", {})["required"] = True
    return field


def _descriptor(dataset: Dataset) -> dict[str, Any]:
    from scocoop._views.tables import TABLES

    resources = []
    for table in TABLES:
        schema: dict[str, Any] = {
            "fields": [
                field
                for c in table.columns
                for field in (_field(c), *(_bound_fields(c) if c.kind == "date" else ()))
            ],
            "missingValues": [""],
            "primaryKey": list(table.key),
        }
        if table.references:
            schema["foreignKeys"] = [
                {
                    "fields": column,
                    # The Data Package convention: an empty name refers to this resource.
                    "reference": {"resource": "" if other == table.name else other, "fields": key},
                }
                for column, other, key in table.references
            ]
        resources.append(
            {
                "name": table.name,
                "path": f"{table.name}.csv",
                "title": table.description,
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": schema,
            }
        )
    descriptor: dict[str, Any] = {
        "profile": "tabular-data-package",
        "name": "scocoop",
        "title": TITLE,
        "description": (
            "Meetings, officials, organizations and commitments, each with its sources and verbatim "
            "quotes. Dates are EDTF strings as precise as the sources allow, each with the earliest and "
            "latest day it can mean beside it."
        ),
        "licenses": [DATA_LICENSE],
        "resources": resources,
    }
    if dataset.data_version:
        descriptor["version"] = dataset.data_version
    return descriptor


def _csv_files(dataset: Dataset) -> dict[str, bytes]:
    from scocoop._views.tables import TABLES, rows

    files: dict[str, bytes] = {}
    for table in TABLES:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(_header(table))
        writer.writerows(_cells(table, row) for row in rows(dataset, table.name))
        files[f"{table.name}.csv"] = buffer.getvalue().encode("utf-8")
    files["datapackage.json"] = _dumps_json(_descriptor(dataset))
    return files


# Canonical JSON with its schema.


def _json_files(dataset: Dataset) -> dict[str, bytes]:
    return {
        "scocoop.json": dumps(dataset).encode("utf-8"),
        "scocoop.schema.json": _dumps_json(json_schema()),
    }


def _popolo_files(dataset: Dataset) -> dict[str, bytes]:
    from scocoop._views.popolo import popolo

    return {"popolo.json": _dumps_json(popolo(dataset))}


# Parquet.


def _parquet_files(dataset: Dataset) -> dict[str, bytes]:
    from scocoop._views.frames import to_pandas

    require("pyarrow", extra="parquet", feature="the Parquet export")
    frames = to_pandas(dataset)
    files = {}
    for name, frame in frames.items():
        buffer = io.BytesIO()
        frame.to_parquet(buffer, index=False)
        files[f"{name}.parquet"] = buffer.getvalue()
    return files


FORMATS: dict[str, Callable[[Dataset], dict[str, bytes]]] = {
    "csv": _csv_files,
    "json": _json_files,
    "popolo": _popolo_files,
    "parquet": _parquet_files,
}
"""Export formats, by name: each gives the files it writes, by file name."""


ExportFormat = Literal["csv", "json", "popolo", "parquet"]
"""The export formats, by name."""


def export(dataset: Dataset, directory: str | os.PathLike[str], format: ExportFormat = "csv") -> list[Path]:
    """Write a dataset into ``directory`` (created if missing) in one of the export formats.

    Formats: ``csv`` (one file per table, with a Frictionless
    ``datapackage.json``), ``json`` (the canonical file and its JSON
    Schema), ``popolo`` (Popolo JSON) and ``parquet`` (one file per table;
    extra ``parquet``).  The package is built beside ``directory`` and
    swapped in whole, so that a failure leaves the previous package as it
    was, never old and new files side by side.  Files of other export
    formats already in ``directory`` are kept; a directory holding any other
    file is refused, so that nothing unrelated is lost.

    Returns:
        The files written, sorted by name.

    Raises:
        ValueError: ``format`` is not one of :data:`FORMATS`.
        MissingExtraError: The format needs an extra that is not installed.
        OSError: The directory holds other files, or cannot be written.
    """
    build = FORMATS.get(format)
    if build is None:
        raise ValueError(f"unknown export format {show(format)}; expected one of {', '.join(FORMATS)}")
    files = build(dataset)
    target = Path(directory)
    write_directory(target, files, keep=_export_file)
    return [target / name for name in sorted(files)]


_OTHER_FILES = {"datapackage.json", "scocoop.json", "scocoop.schema.json", "popolo.json"}


def _export_file(name: str) -> bool:
    """Whether a file name is one that some export format writes."""
    from scocoop._views.tables import TABLES

    stem, _, suffix = name.rpartition(".")
    tables = {table.name for table in TABLES}
    return name in _OTHER_FILES or (suffix in ("csv", "parquet") and stem in tables)
