"""The JSON Schema is generated from the model's declared validators and agrees with load."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import given

import scocoop
from scocoop import Dataset
from scocoop._io.schema import _type, json_schema
from strategies import datasets


def test_the_shipped_schema_is_the_generated_one() -> None:
    shipped = (resources.files("scocoop") / "data" / "scocoop.schema.json").read_text(encoding="utf-8")
    # After a change to the model: scocoop export --to DIR --format json, and copy
    # DIR/scocoop.schema.json into src/scocoop/data.
    assert json_schema() == json.loads(shipped)


def test_the_bundled_data_is_valid_under_the_schema() -> None:
    schema = json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    document = json.loads((resources.files("scocoop") / "data" / "scocoop.json").read_bytes())
    assert [] == [e.message for e in jsonschema.Draft202012Validator(schema).iter_errors(document)]


@given(datasets())
def test_every_dumped_dataset_is_valid_under_the_schema(dataset: Dataset) -> None:
    validator = jsonschema.Draft202012Validator(json_schema())
    assert [] == [e.message for e in validator.iter_errors(json.loads(scocoop.dumps(dataset)))]


@pytest.mark.parametrize(
    ("collection", "change"),
    [
        ("meetings", {"date": "2019-13-01"}),
        ("meetings", {"date": "autumn 2019"}),
        ("meetings", {"id": "Not An Id"}),
        ("meetings", {"unknown_field": 1}),
        ("meetings", {"name": " padded "}),
        ("commitments", {"kind": "treaty of friendship"}),
        ("officials", {"country": "kz"}),
        ("sources", {"title": ""}),
    ],
)
def test_the_schema_rejects_what_load_rejects(collection: str, change: dict[str, Any]) -> None:
    document = json.loads(scocoop.dumps(scocoop.load()))
    document[collection][0].update(change)
    with pytest.raises(scocoop.DataError):
        scocoop.loads(json.dumps(document))
    assert not jsonschema.Draft202012Validator(json_schema()).is_valid(document)


def test_the_schema_states_each_validator_where_it_applies() -> None:
    meeting = json_schema()["$defs"]["Meeting"]["properties"]
    assert {"minimum": 1, "maximum": 2**53 - 1} == {
        k: v for k, v in meeting["edition"]["anyOf"][0].items() if k != "type"
    }
    assert meeting["topics"]["uniqueItems"] is True
    assert "uniqueItems" not in meeting["topics"]["items"]
    assert meeting["topics"]["items"]["pattern"].startswith("^[a-z0-9]")


def test_a_validator_that_cannot_state_its_schema_stops_generation() -> None:
    def opaque(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        """A check with no JSON Schema keywords."""

    with pytest.raises(TypeError, match="no JSON Schema"):
        _type(str, {}, (opaque,))  # type: ignore[arg-type]
