from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import threading
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

import scocoop
from sample import sample_dataset
from scocoop import DataError, Dataset, dump, dumps, load, loads
from scocoop._core.errors import MAX_PROBLEMS
from scocoop._io import jsonfile as io_module
from strategies import datasets

BUNDLED = (resources.files("scocoop") / "data" / "scocoop.json").read_bytes()


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(datasets())
def test_load_of_dump_is_identity_for_generated_datasets(dataset: Dataset) -> None:
    text = dumps(dataset)
    again = loads(text)
    assert dataset == again
    assert text == dumps(again)


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(datasets())
def test_orjson_and_the_standard_library_write_the_same_bytes(dataset: Dataset) -> None:
    orjson = pytest.importorskip("orjson")
    document = io_module._document(dataset)
    assert io_module._encode_json(document) == io_module._encode_orjson(document, orjson)


def test_the_bundled_file_is_in_canonical_form() -> None:
    assert BUNDLED.decode("utf-8") == dumps(loads(BUNDLED))


@pytest.mark.parametrize("seed", ["0", "1", "12345"])
def test_dump_is_byte_identical_whatever_the_hash_seed(seed: str) -> None:
    code = "import sys, scocoop; sys.stdout.buffer.write(scocoop.dumps(scocoop.load()).encode())"
    env = {**os.environ, "PYTHONHASHSEED": seed}
    output = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, check=True).stdout
    assert BUNDLED == output


def test_unicode_names_survive_exactly(tmp_path: Path) -> None:
    dataset = sample_dataset()
    path = tmp_path / "data.json"
    dump(dataset, path)
    text = path.read_text(encoding="utf-8")
    assert "曹建明" in text
    assert "Жақып Асанов" in text
    assert load(path) == dataset


def test_dump_replaces_the_file_atomically_and_keeps_its_mode(tmp_path: Path) -> None:
    path = tmp_path / "data.json"
    path.write_text("old", encoding="utf-8")
    path.chmod(0o640)
    dump(sample_dataset(), path)
    assert 0o640 == path.stat().st_mode & 0o777
    assert [path] == list(tmp_path.iterdir())
    assert sample_dataset() == load(path)


def test_a_failed_write_leaves_the_previous_file_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "data.json"
    path.write_text("previous", encoding="utf-8")

    def fail(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", fail)
    with pytest.raises(OSError, match="No space left"):
        dump(sample_dataset(), path)
    assert "previous" == path.read_text(encoding="utf-8")
    assert [path] == list(tmp_path.iterdir())


def test_dump_refuses_what_is_not_a_dataset(tmp_path: Path) -> None:
    with pytest.raises(TypeError):
        dump({"meetings": []}, tmp_path / "x.json")  # type: ignore[arg-type]
    assert [] == list(tmp_path.iterdir())


def test_a_missing_file_raises_os_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        load(tmp_path / "missing.json")


def test_errors_from_a_file_name_the_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text("[]", encoding="utf-8")
    with pytest.raises(DataError) as info:
        load(path)
    assert str(path) in str(info.value)


VALID = json.loads(BUNDLED)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b'{"schema_version": 1, "meetings": [', "not valid JSON"),
        (b"\xef\xbb\xbf" + BUNDLED, "byte-order mark"),
        (b'{"schema_version": 1, "sources": [{"id": "a", "title": "\xff"}]}', "not valid UTF-8"),
        (b'{"schema_version": NaN}', "reads schema version 1, got NaN"),
        (
            b'{"schema_version": 1, "meetings": [{"id": "m", "name": "M", "edition": -Infinity}]}',
            "meetings[0].edition: expected a whole number, got a non-finite number",
        ),
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
        (b"[]", "expected a JSON object"),
        (b'"text"', "expected a JSON object"),
        (b"", "not valid JSON"),
        (b'{"schema_version": 1, "schema_version": 1}', "appears twice"),
        (b'{"schema_version": 2}', "reads schema version 1"),
        (b'{"schema_version": true}', "reads schema version 1"),
        (b"{}", "schema_version: required field is missing"),
        (b'{"schema_version": 1, "meeting": []}', "unknown field 'meeting'"),
        (b'{"schema_version": 1, "meetings": {}}', "meetings: expected an array"),
    ],
)
def test_malformed_files_raise_data_error_with_the_reason(data: bytes, message: str) -> None:
    with pytest.raises(DataError) as info:
        loads(data)
    assert message in str(info.value)


def test_a_huge_string_is_refused_with_a_located_problem() -> None:
    document = {"schema_version": 1, "sources": [{"id": "a", "title": "x" * 50_000_000}]}
    with pytest.raises(DataError) as info:
        loads(json.dumps(document))
    assert ["sources[0].title"] == [p.location for p in info.value.problems]


def test_every_problem_in_a_file_is_reported_with_its_location() -> None:
    document = json.loads(BUNDLED)
    document["meetings"][0]["date"] = "2023-02-30"
    document["meetings"][1]["participants"][0]["country"] = 7
    document["officials"][2]["nmae"] = "x"
    with pytest.raises(DataError) as info:
        loads(json.dumps(document))
    assert ["officials[2]", "meetings[0].date", "meetings[1].participants[0].country"] == [
        p.location for p in info.value.problems
    ]


def test_concurrent_first_use_loads_the_bundled_data_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(io_module, "_bundled", io_module._bundled.fresh())
    calls = []
    real_loads = io_module.loads

    def counting_loads(data: bytes | str) -> Dataset:
        calls.append(1)
        return real_loads(data)

    monkeypatch.setattr(io_module, "loads", counting_loads)
    results: list[Dataset] = []
    barrier = threading.Barrier(8)

    def worker() -> None:
        barrier.wait()
        results.append(scocoop.load())

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert 1 == len(calls)
    assert 8 == len(results)
    assert all(r is results[0] for r in results)


def test_a_failed_bundled_load_leaves_no_state(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(io_module, "_bundled", io_module._bundled.fresh())

    def broken(data: bytes | str) -> Dataset:
        raise DataError([])

    monkeypatch.setattr(io_module, "loads", broken)
    with pytest.raises(DataError):
        scocoop.load()
    assert not io_module._bundled.built


@pytest.mark.parametrize("data", [BUNDLED, b"[]"])
def test_loading_leaves_the_garbage_collector_as_it_found_it(data: bytes) -> None:
    import gc

    for enabled in (True, False):
        (gc.enable if enabled else gc.disable)()
        try:
            with contextlib.suppress(DataError):
                loads(data)
            assert enabled == gc.isenabled()
        finally:
            gc.enable()


FULLWIDTH_YEAR = (
    '{"schema_version": 1, "meetings": [{"id": "m", "name": "M", "date": "\\uff12\\uff10\\uff11\\uff16"}]}'
)


@pytest.mark.parametrize("kind", [bytes, bytearray, memoryview, lambda b: b.decode("utf-8")])
def test_loads_reads_text_and_every_kind_of_bytes(kind: Any) -> None:
    assert scocoop.load() == loads(kind(BUNDLED))


@pytest.mark.parametrize(
    ("text", "location"),
    [
        (
            '{"schema_version": 1, "meetings": [{"id": "m", "name": "M", "edition": ' + "9" * 5000 + "}]}",
            "meetings[0].edition",
        ),
        (
            '{"schema_version": 1, "meetings": [{"id": "m", "name": "M", "edition": 18446744073709551616}]}',
            "meetings[0].edition",
        ),
        ('{"schema_version": 1, "meetings": [{"id": "m", "name": "M\\ud800"}]}', "meetings[0].name"),
        ('{"schema_version": 1, "meetings": [{"id": "m", "name": "M\\u202eX"}]}', "meetings[0].name"),
        (
            FULLWIDTH_YEAR,
            "meetings[0].date",
        ),
        ('{"schema_version": 1, "data_version": "1\\n2"}', "data_version"),
    ],
)
def test_what_could_not_be_written_back_is_refused_on_loading(text: str, location: str) -> None:
    with pytest.raises(DataError) as info:
        loads(text)
    assert location in [p.location for p in info.value.problems]


def test_a_dataset_with_a_bad_data_version_cannot_be_built() -> None:
    for bad in (7, "a\nb", "", " padded"):
        with pytest.raises(DataError, match="data_version"):
            Dataset(data_version=bad)  # type: ignore[arg-type]


def test_inputs_larger_than_the_limit_are_refused_unread(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="larger than 10 bytes"):
        loads(b"{}" * 6, max_bytes=10)
    with pytest.raises(DataError, match="larger than 1,000 bytes"):
        scocoop.load("/dev/zero", max_bytes=1000)
    path = tmp_path / "data.json"
    path.write_bytes(BUNDLED)
    assert scocoop.load() == scocoop.load(path, max_bytes=len(BUNDLED))


def test_problems_are_capped_and_messages_stay_short() -> None:
    meetings = [{"id": f"m{i}", "name": "M", "edition": "x" * 10_000} for i in range(3000)]
    with pytest.raises(DataError) as info:
        loads(json.dumps({"schema_version": 1, "meetings": meetings}))
    assert MAX_PROBLEMS == len(info.value.problems)
    message = str(info.value)
    assert "checking stopped there" in message
    assert "and 950 more" in message
    assert len(message) < 20_000


def test_running_out_of_memory_is_not_reported_as_bad_data(monkeypatch: pytest.MonkeyPatch) -> None:
    def exhausted(*_: object) -> object:
        raise MemoryError

    monkeypatch.setattr(io_module, "read_fast", lambda _: None)  # the precise loader
    monkeypatch.setattr(io_module, "CONVERTER", type("Exhausted", (), {"structure": staticmethod(exhausted)}))
    with pytest.raises(MemoryError):
        loads(BUNDLED)


def test_running_out_of_memory_on_the_fast_path_is_not_reported_as_bad_data(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pytest.importorskip("msgspec")
    from scocoop._io import fast as _fast

    def exhausted(*_: object) -> object:
        raise MemoryError

    monkeypatch.setattr(_fast, "_become", exhausted)
    with pytest.raises(MemoryError):
        loads(BUNDLED)


def test_loading_leaves_a_paused_collector_paused() -> None:
    import gc

    gc.disable()
    try:
        loads(BUNDLED)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_largest_limit_reads_the_file_and_a_limit_must_be_a_whole_number(tmp_path: Path) -> None:
    import sys

    path = tmp_path / "data.json"
    scocoop.dump(scocoop.Dataset(), path)
    assert scocoop.Dataset() == scocoop.load(path, max_bytes=sys.maxsize)
    for bad in (-1, 1.5, "10", True):
        with pytest.raises(ValueError, match="max_bytes"):
            scocoop.load(path, max_bytes=bad)  # type: ignore[arg-type]


def test_a_memoryview_is_measured_in_bytes_not_items() -> None:
    data = scocoop.dumps(scocoop.Dataset()).encode()
    padded = data + b" " * (-len(data) % 8)
    view = memoryview(padded).cast("Q")  # eight bytes per item
    assert len(view) < len(padded)
    with pytest.raises(scocoop.DataError, match="larger than"):
        scocoop.loads(view, max_bytes=len(padded) - 1)
    assert scocoop.Dataset() == scocoop.loads(view, max_bytes=len(padded))
