"""Values built on first use, once, whichever thread asks first."""

from __future__ import annotations

import threading

import pytest

from scocoop._once import once


def test_the_value_is_built_once_however_many_threads_ask() -> None:
    calls: list[int] = []
    barrier = threading.Barrier(8)

    @once
    def build() -> object:
        calls.append(1)
        return object()

    results: list[object] = []

    def ask() -> None:
        barrier.wait()
        results.append(build())

    threads = [threading.Thread(target=ask) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [1] == calls
    assert all(r is results[0] for r in results)
    assert build.built


def test_a_failed_build_keeps_nothing_and_the_next_call_tries_again() -> None:
    attempts: list[int] = []

    @once
    def build() -> int:
        attempts.append(1)
        if len(attempts) == 1:
            raise OSError("not yet")
        return 7

    with pytest.raises(OSError, match="not yet"):
        build()
    assert not build.built
    assert 7 == build()
    assert 7 == build.fresh()()
