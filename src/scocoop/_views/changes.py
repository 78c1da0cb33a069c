"""What changed between two versions of a dataset, record by record."""

from __future__ import annotations

from attrs import frozen

from scocoop._dataset.dataset import Dataset
from scocoop._model.records import COLLECTIONS

__all__ = ["Change", "changes"]


@frozen
class Change:
    """One record added, changed or removed between two datasets.

    Attributes:
        collection: The collection (``meetings``).
        id: The record's id.
        change: ``added``, ``changed`` or ``removed``.
        fields: For a changed record, the names of the fields that differ.
    """

    collection: str
    id: str
    change: str
    fields: tuple[str, ...] = ()


def changes(old: Dataset, new: Dataset) -> tuple[Change, ...]:
    """Every record added, changed or removed from ``old`` to ``new``, by collection and id.

    A record is changed when any of its fields differs (its citations and
    notes included); ``fields`` names them.
    """
    import attrs

    found: list[Change] = []
    for name in COLLECTIONS:
        before = {r.id: r for r in getattr(old, name)}
        after = {r.id: r for r in getattr(new, name)}
        for record_id in sorted(before.keys() | after.keys()):
            if record_id not in before:
                found.append(Change(name, record_id, "added"))
            elif record_id not in after:
                found.append(Change(name, record_id, "removed"))
            elif before[record_id] != after[record_id]:
                differ = tuple(
                    a.name
                    for a in attrs.fields(type(after[record_id]))
                    if getattr(before[record_id], a.name) != getattr(after[record_id], a.name)
                )
                found.append(Change(name, record_id, "changed", differ))
    return tuple(found)
