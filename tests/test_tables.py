"""The tables: keys unique, foreign keys read from the model's references and resolving."""

from __future__ import annotations

import pytest

import scocoop
from scocoop._model.records import COLLECTIONS, REFERENCES
from scocoop._views.tables import TABLES, Table, rows

DS = scocoop.load()
BY_NAME = {t.name: t for t in TABLES}


@pytest.mark.parametrize("table", TABLES, ids=lambda t: t.name)
def test_keys_are_unique_and_required_cells_filled(table: Table) -> None:
    found = list(rows(DS, table.name))
    keys = [tuple(r[k] for k in table.key) for r in found]
    assert len(keys) == len(set(keys))
    for column in table.columns:
        if column.required:
            assert all(r[column.name] is not None for r in found), column.name


@pytest.mark.parametrize("table", TABLES, ids=lambda t: t.name)
def test_every_foreign_key_resolves(table: Table) -> None:
    for column, other, key in table.references:
        targets = {r[key] for r in rows(DS, other)}
        values = {r[column] for r in rows(DS, table.name)} - {None}
        assert values <= targets, (table.name, column)


def test_every_reference_between_records_is_a_foreign_key_of_some_table() -> None:
    keys = {(t.name, column, other) for t in TABLES for column, other, _ in t.references}
    for ref in REFERENCES:
        if ref.target not in COLLECTIONS:
            continue
        if ref.path[-2:] == ("sources", "source"):
            assert ("citations", "source", "sources") in keys
            continue
        inner = ref.path[:-1]
        table = next(t for t in TABLES if t.source in ((ref.collection, *inner), (ref.collection, *ref.path)))
        assert any(name == table.name and other == ref.target for name, _, other in keys), ref


def test_link_tables_refer_to_their_owner() -> None:
    assert ("meeting", "meetings", "id") in BY_NAME["participants"].references
    assert ("commitment", "commitments", "id") in BY_NAME["discussions"].references
    assert ("meeting", "meetings", "id") in BY_NAME["discussions"].references
