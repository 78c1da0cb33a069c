from __future__ import annotations

import csv
import functools
import json
import tempfile
import typing
from pathlib import Path
from typing import Any

import frictionless
import jsonschema
import pandas as pd
import pytest
from hypothesis import given, settings
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT3

import scocoop
from scocoop import Dataset, MissingExtraError, export
from scocoop._io.schema import json_schema
from scocoop._views.export import FORMATS, ExportFormat
from scocoop._views.popolo import popolo
from scocoop._views.tables import TABLES, Table, rows
from strategies import datasets

POPOLO = Path(__file__).resolve().parents[1].parent / "shared" / "popolo-schemas"


@pytest.fixture(scope="module")
def bundled() -> Dataset:
    return scocoop.load()


@pytest.fixture(scope="module")
def csv_package(bundled: Dataset, tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("csv")
    export(bundled, directory, "csv")
    return directory


# CSV and the Frictionless descriptor.


def test_frictionless_finds_the_csv_package_valid(csv_package: Path) -> None:
    report = frictionless.Package(csv_package / "datapackage.json").validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    assert len(TABLES) == len(report.tasks)


# Each example writes and validates a whole package: a quarter of the profile's count.
@settings(max_examples=max(1, settings().max_examples // 4))
@given(datasets())
def test_frictionless_finds_the_csv_package_of_any_dataset_valid(dataset: Dataset) -> None:
    with tempfile.TemporaryDirectory() as directory:
        export(dataset, directory, "csv")
        report = frictionless.Package(Path(directory) / "datapackage.json").validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_frictionless_checks_the_declared_foreign_keys(csv_package: Path, tmp_path: Path) -> None:
    for path in csv_package.iterdir():
        (tmp_path / path.name).write_bytes(path.read_bytes())
    text = (tmp_path / "participants.csv").read_text(encoding="utf-8")
    (tmp_path / "participants.csv").write_text(
        text.replace("sco-interior-ministers-4,", "no-such-meeting,", 1), encoding="utf-8"
    )
    report = frictionless.Package(tmp_path / "datapackage.json").validate()
    assert not report.valid
    assert ["foreign-key"] == [error[0] for error in report.flatten(["type"])]


def _as_csv(value: object) -> str:
    if value is None:
        return ""
    return str(value).lower() if isinstance(value, bool) else str(value)


def _with_bounds(table: Table, row: dict[str, Any]) -> dict[str, str]:
    written = {}
    for column in table.columns:
        value = row[column.name]
        written[column.name] = _as_csv(value)
        if column.kind == "date":
            written[f"{column.name}_earliest"] = value.earliest.isoformat() if value else ""
            written[f"{column.name}_latest"] = value.latest.isoformat() if value else ""
    return written


def test_every_table_is_written_with_every_row(bundled: Dataset, csv_package: Path) -> None:
    for table in TABLES:
        with (csv_package / f"{table.name}.csv").open(encoding="utf-8", newline="") as stream:
            written = list(csv.DictReader(stream))
        expected = [_with_bounds(table, row) for row in rows(bundled, table.name)]
        assert expected == written, table.name


def test_every_date_column_has_its_earliest_and_latest_day_beside_it(csv_package: Path) -> None:
    with (csv_package / "meetings.csv").open(encoding="utf-8", newline="") as stream:
        reader = csv.DictReader(stream)
        header = reader.fieldnames
        found = list(reader)
    assert header is not None
    assert header[header.index("date") : header.index("date") + 3] == ["date", "date_earliest", "date_latest"]
    year_only = next(row for row in found if len(row["date"]) == 4)
    assert (year_only["date_earliest"], year_only["date_latest"]) == (
        f"{year_only['date']}-01-01",
        f"{year_only['date']}-12-31",
    )
    undated = next(row for row in found if not row["date"])
    assert undated["date_earliest"] == undated["date_latest"] == ""
    descriptor = json.loads((csv_package / "datapackage.json").read_text(encoding="utf-8"))
    meetings = next(r for r in descriptor["resources"] if r["name"] == "meetings")
    types = {f["name"]: f["type"] for f in meetings["schema"]["fields"]}
    assert (types["date"], types["date_earliest"], types["date_latest"]) == ("string", "date", "date")


def test_citation_table_holds_every_citation(bundled: Dataset) -> None:
    expected = (
        sum(len(r.sources) for r in bundled if not isinstance(r, scocoop.Source))
        + sum(len(m.sources) for o in bundled.organizations for m in o.memberships)
        + sum(len(a.sources) for m in bundled.meetings for a in m.absences)
        + sum(len(e.sources) for i in bundled.instruments for e in i.events)
    )
    assert expected == len(list(rows(bundled, "citations")))


# Canonical JSON and its schema.


def test_json_export_is_the_canonical_file_and_its_schema(bundled: Dataset, tmp_path: Path) -> None:
    written = export(bundled, tmp_path, "json")
    assert ["scocoop.json", "scocoop.schema.json"] == [p.name for p in written]
    assert bundled == scocoop.load(tmp_path / "scocoop.json")
    assert json_schema() == json.loads((tmp_path / "scocoop.schema.json").read_text(encoding="utf-8"))


# Popolo.


POPOLO_SCHEMAS = {
    "persons": "person",
    "organizations": "organization",
    "memberships": "membership",
    "events": "event",
    "motions": "motion",
}


@functools.cache
def _popolo_validator(name: str) -> jsonschema.Draft3Validator:
    registry: Registry[Any] = Registry()
    for path in POPOLO.glob("*.json"):
        schema = json.loads(path.read_text(encoding="utf-8"))
        registry = registry.with_resource(schema["id"], Resource.from_contents(schema, DRAFT3))
    schema = json.loads((POPOLO / f"{name}.json").read_text(encoding="utf-8"))
    return jsonschema.Draft3Validator(schema, registry=registry)


@pytest.mark.skipif(not POPOLO.is_dir(), reason="the Popolo schemas (../shared) are not present")
@pytest.mark.parametrize(("collection", "schema"), POPOLO_SCHEMAS.items())
def test_popolo_export_is_valid_under_the_popolo_schemas(
    bundled: Dataset, collection: str, schema: str
) -> None:
    validator = _popolo_validator(schema)
    items = popolo(bundled)[collection]
    assert items
    for item in items:
        assert [] == [e.message for e in validator.iter_errors(item)], item["id"]


@pytest.mark.skipif(not POPOLO.is_dir(), reason="the Popolo schemas (../shared) are not present")
@given(datasets())
def test_popolo_export_of_any_dataset_is_valid(dataset: Dataset) -> None:
    document = popolo(dataset)
    for collection, schema in POPOLO_SCHEMAS.items():
        validator = _popolo_validator(schema)
        for item in document[collection]:
            assert [] == [e.message for e in validator.iter_errors(item)], item["id"]
    assert set() == _dangling_popolo_references(document)


def _dangling_popolo_references(document: dict[str, Any]) -> set[str]:
    known = {item["id"] for kind in ("persons", "organizations", "events") for item in document[kind]}
    referenced = set()
    for kind in ("organizations", "memberships", "events", "motions"):
        for item in document[kind]:
            for name in ("person_id", "organization_id", "parent_id", "creator_id", "legislative_session_id"):
                referenced.add(item.get(name))
            referenced.add(item.get("member", {}).get("id"))
            referenced.update(attendee["id"] for attendee in item.get("attendees", ()))
            for participant in item.get("participants", ()):
                referenced.update((participant.get("organization_id"), participant.get("person_id")))
            referenced.update(item.get("parties", ()))
    return referenced - known - {None}


def test_popolo_refers_only_to_items_it_contains(bundled: Dataset) -> None:
    assert set() == _dangling_popolo_references(popolo(bundled))


def test_popolo_keeps_every_quote_and_qualified_date(bundled: Dataset) -> None:
    document = popolo(bundled)
    notes = [link["note"] for kind in document.values() for item in kind for link in item.get("sources", ())]
    for record in bundled:
        if isinstance(record, scocoop.Source):
            continue
        for citation in record.sources:
            if citation.quote:
                assert any(f"“{citation.quote}”" in note for note in notes), record.id
    events = {e["id"]: e for e in document["events"]}
    assert "2004-09-29" == events["cis-cmia-2004-kyiv"]["start_date"]
    assert "2004-09-29?" == events["cis-cmia-2004-kyiv"]["start_date_edtf"]
    assert "start_date_edtf" not in events["sco-interior-ministers-4"]


def test_popolo_represents_membership_history(bundled: Dataset) -> None:
    document = popolo(bundled)
    india = [
        m
        for m in document["memberships"]
        if m.get("organization_id") == "sco" and m.get("member", {}).get("id") == "country:IN"
    ]
    assert {("observer", "2005-07"), ("member", "2017-06-09")} <= {
        (m["role"], m.get("start_date")) for m in india
    }
    assert "country:IN" in {o["id"] for o in document["organizations"]}


# Parquet.


def test_parquet_files_read_back_as_the_dataframes(bundled: Dataset, tmp_path: Path) -> None:
    export(bundled, tmp_path, "parquet")
    frames = bundled.to_pandas()
    for name, frame in frames.items():
        read = pd.read_parquet(tmp_path / f"{name}.parquet")
        # Parquet has no unit of seconds: dates come back in milliseconds.
        for column in frame.select_dtypes("datetime").columns:
            read[column] = read[column].astype(frame[column].dtype)
        pd.testing.assert_frame_equal(frame, read)


# The export itself.


def test_an_unknown_format_is_refused_with_the_known_ones(bundled: Dataset, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="csv, json, popolo, parquet"):
        export(bundled, tmp_path, "xlsx")  # type: ignore[arg-type]
    assert [] == list(tmp_path.iterdir())


def test_a_missing_extra_writes_nothing(
    bundled: Dataset, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(__import__("sys").modules, "pyarrow", None)
    with pytest.raises(MissingExtraError, match=r"pip install 'scocoop\[parquet\]'"):
        export(bundled, tmp_path / "out", "parquet")
    assert not (tmp_path / "out").exists()


def test_every_format_is_exported(bundled: Dataset, tmp_path: Path) -> None:
    for name in typing.get_args(ExportFormat):
        written = export(bundled, tmp_path / name, name)
        assert written
        assert all(path.stat().st_size > 0 for path in written)


def test_the_csv_package_writes_values_as_they_are(tmp_path: Path) -> None:
    # Faithful to the data, formula-like text included (see the security notes in docs/errors.md).
    ds = Dataset(sources=[scocoop.Source(id="s", title="=1+1 is not a formula here")])
    export(ds, tmp_path, "csv")
    with (tmp_path / "sources.csv").open(encoding="utf-8", newline="") as stream:
        assert "=1+1 is not a formula here" == next(csv.DictReader(stream))["title"]


def test_the_format_names_are_the_formats() -> None:
    assert set(typing.get_args(ExportFormat)) == set(FORMATS)
