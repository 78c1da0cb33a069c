"""What changed between two datasets, record by record."""

from __future__ import annotations

from pathlib import Path

import attrs

import scocoop
from sample import sample_dataset
from scocoop import Change, Dataset


def test_added_changed_and_removed_records_are_listed_with_the_fields_that_differ() -> None:
    old = sample_dataset()
    meeting = old.meeting("pg-16")
    kept = [m for m in old.meetings if m.id not in ("pg-16", "summit")]
    new = Dataset(
        sources=old.sources,
        organizations=old.organizations,
        officials=old.officials,
        meetings=[
            *kept,
            attrs.evolve(meeting, note="Dated by a later page."),
            attrs.evolve(meeting, id="pg-17"),
        ],
        commitments=[c for c in old.commitments if c.meeting != "summit"],
    )
    found = scocoop.changes(old, new)
    assert Change("meetings", "pg-16", "changed", ("note",)) in found
    assert Change("meetings", "pg-17", "added") in found
    assert Change("meetings", "summit", "removed") in found
    assert () == scocoop.changes(old, old)


def test_the_command_line_compares_two_files(tmp_path: Path, capsys: object) -> None:
    from scocoop._cli import main

    old, new = tmp_path / "old.json", tmp_path / "new.json"
    scocoop.dump(sample_dataset(), old)
    scocoop.dump(Dataset(sources=sample_dataset().sources), new)
    assert 0 == main(["changes", str(old), str(new), "--format", "csv"])
    out = capsys.readouterr().out  # type: ignore[attr-defined]
    assert out.startswith("collection,id,change,fields")
    assert "meetings,pg-14,removed," in out
