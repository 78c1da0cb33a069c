"""Writing files and export directories: whole or not at all, and only where meant."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

import scocoop
from scocoop._core import files as _files
from scocoop._core.files import write_atomically, write_directory


def test_writing_through_a_symlink_replaces_the_file_it_names(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    write_atomically(link, b"new")
    assert link.is_symlink()
    assert "new" == real.read_text()


def test_a_target_that_is_not_a_regular_file_is_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(OSError, match="not a regular file") as info:
        write_atomically(fifo, b"x")
    assert str(fifo) == info.value.filename
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    with pytest.raises(OSError, match="not a regular file"):
        scocoop.dump(scocoop.Dataset(), tmp_path)  # a directory


def test_a_new_file_follows_the_umask_and_an_existing_one_keeps_its_mode(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        write_atomically(tmp_path / "new.json", b"x")
    finally:
        os.umask(old)
    assert 0o640 == stat.S_IMODE((tmp_path / "new.json").stat().st_mode)
    kept = tmp_path / "kept.json"
    kept.write_text("x")
    kept.chmod(0o600)
    write_atomically(kept, b"y")
    assert 0o600 == stat.S_IMODE(kept.stat().st_mode)


def test_errors_name_the_target_not_a_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "missing-directory" / "out.json"
    with pytest.raises(FileNotFoundError) as info:
        write_atomically(target, b"x")
    assert str(target) == info.value.filename


def test_a_name_as_long_as_the_file_system_allows_is_written(tmp_path: Path) -> None:
    target = tmp_path / ("n" * 250 + ".json")
    write_atomically(target, b"x")
    assert b"x" == target.read_bytes()


def test_the_temporary_files_of_a_killed_write_are_removed_by_the_next(tmp_path: Path) -> None:
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True, check=True
    )
    stale = tmp_path / f".scocoop-{dead.stdout.strip()}-abc.tmp"
    stale.write_text("half")
    mine = tmp_path / f".scocoop-{os.getpid()}-abc.tmp"
    mine.write_text("in progress")
    write_atomically(tmp_path / "out.json", b"x")
    assert not stale.exists()
    assert mine.exists()
    assert {"out.json", mine.name} == {p.name for p in tmp_path.iterdir()}


def keep_json(name: str) -> bool:
    return name.endswith(".json")


def test_a_directory_is_swapped_in_whole(tmp_path: Path) -> None:
    target = tmp_path / "package"
    write_directory(target, {"a.json": b"1", "b.json": b"1"}, keep_json)
    write_directory(target, {"a.json": b"2"}, keep_json)
    assert {"a.json": "2", "b.json": "1"} == {p.name: p.read_text() for p in target.iterdir()}
    assert ["package"] == [p.name for p in tmp_path.iterdir()]


def test_a_failed_directory_write_leaves_the_old_one_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "package"
    write_directory(target, {"a.json": b"old", "b.json": b"old"}, keep_json)
    real = _files._write_file
    written: list[Path] = []

    def failing(path: Path, data: bytes, mode: int | None) -> None:
        if written:
            raise OSError(28, "No space left on device")
        written.append(path)
        real(path, data, mode)

    monkeypatch.setattr(_files, "_write_file", failing)
    with pytest.raises(OSError, match="No space") as info:
        write_directory(target, {"a.json": b"new", "b.json": b"new"}, keep_json)
    assert str(target) == info.value.filename
    assert {"a.json": "old", "b.json": "old"} == {p.name: p.read_text() for p in target.iterdir()}
    assert ["package"] == [p.name for p in tmp_path.iterdir()]


def test_a_directory_with_other_files_is_refused_untouched(tmp_path: Path) -> None:
    target = tmp_path / "mine"
    target.mkdir()
    (target / "thesis.docx").write_text("precious")
    with pytest.raises(OSError, match=r"thesis\.docx"):
        write_directory(target, {"a.json": b"x"}, keep_json)
    assert ["thesis.docx"] == [p.name for p in target.iterdir()]


def test_an_export_keeps_other_formats_and_refuses_foreign_files(tmp_path: Path) -> None:
    ds = scocoop.load()
    scocoop.export(ds, tmp_path / "out", "json")
    scocoop.export(ds, tmp_path / "out", "popolo")
    assert {"scocoop.json", "scocoop.schema.json", "popolo.json"} == {
        p.name for p in (tmp_path / "out").iterdir()
    }
    (tmp_path / "out" / "notes.txt").write_text("mine")
    with pytest.raises(OSError, match=r"notes\.txt"):
        scocoop.export(ds, tmp_path / "out", "csv")


def test_a_directory_named_like_a_file_of_the_export_is_refused_with_its_contents_kept(
    tmp_path: Path,
) -> None:
    target = tmp_path / "package"
    write_directory(target, {"a.json": b"1"}, keep_json)
    (target / "a.json").unlink()
    (target / "a.json").mkdir()
    (target / "a.json" / "notes.txt").write_text("mine")
    with pytest.raises(OSError, match=r"'a\.json'"):
        write_directory(target, {"a.json": b"2"}, keep_json)
    assert "mine" == (target / "a.json" / "notes.txt").read_text()


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only directories")
def test_a_read_only_package_is_refused_unchanged(tmp_path: Path) -> None:
    target = tmp_path / "package"
    write_directory(target, {"a.json": b"1"}, keep_json)
    target.chmod(0o555)
    try:
        with pytest.raises(PermissionError, match="read-only"):
            write_directory(target, {"a.json": b"2"}, keep_json)
        assert 0o555 == stat.S_IMODE(target.stat().st_mode)
        assert ["package"] == [p.name for p in tmp_path.iterdir()]
    finally:
        target.chmod(0o755)


def test_the_swap_leaves_the_old_package_or_the_new_one_whatever_step_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "package"
    write_directory(target, {"a.json": b"old"}, keep_json)
    calls: list[Path] = []
    real_rename = Path.rename

    def second_rename_fails(self: Path, to: Path) -> Path:
        calls.append(self)
        if len(calls) == 2:
            raise OSError(5, "Input/output error")
        return real_rename(self, to)

    monkeypatch.setattr(_files, "_exchange", lambda *_: False)  # the two-step path
    monkeypatch.setattr(Path, "rename", second_rename_fails)
    with pytest.raises(OSError, match="Input/output"):
        write_directory(target, {"a.json": b"new"}, keep_json)
    assert "old" == (target / "a.json").read_text()


def test_an_old_package_left_aside_by_a_killed_swap_is_put_back_by_the_next_write(tmp_path: Path) -> None:
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True, check=True
    )
    aside = tmp_path / f".scocoop-{dead.stdout.strip()}-abc-was-package.tmp"
    aside.mkdir()
    (aside / "a.json").write_text("old")
    write_atomically(tmp_path / "other.json", b"x")
    assert "old" == (tmp_path / "package" / "a.json").read_text()
    assert {"package", "other.json"} == {p.name for p in tmp_path.iterdir()}


def test_a_package_is_swapped_in_one_step_where_the_system_can(tmp_path: Path) -> None:
    if not sys.platform.startswith("linux"):
        pytest.skip("renameat2 is Linux's")
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    (first / "x").write_text("1")
    (second / "x").write_text("2")
    assert _files._exchange(first, second)
    assert ("2", "1") == ((first / "x").read_text(), (second / "x").read_text())
