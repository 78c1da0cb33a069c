"""Values built on first use, once, whichever thread asks first."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
import warnings

import pytest

from scocoop._core.once import once


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


@pytest.mark.skipif(not hasattr(os, "fork"), reason="fork is POSIX only")
def test_a_fork_while_another_thread_builds_leaves_the_child_free_to_build() -> None:
    parent = os.getpid()
    started = threading.Event()
    release = threading.Event()

    def build() -> int:
        if os.getpid() == parent:
            started.set()
            release.wait(10)
        return os.getpid()

    value = once(build)
    builder = threading.Thread(target=value)
    builder.start()
    started.wait(10)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # forking a process with threads
        child = os.fork()
    if child == 0:  # pragma: no cover - runs in the child
        os._exit(0 if value() == os.getpid() else 1)
    release.set()
    builder.join()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        done, status = os.waitpid(child, os.WNOHANG)
        if done:
            assert 0 == os.waitstatus_to_exitcode(status)
            return
        time.sleep(0.05)
    os.kill(child, signal.SIGKILL)
    pytest.fail("the child waited for a lock its parent's thread held at the fork")


def test_first_use_of_public_names_from_many_threads_at_once() -> None:
    code = """
import threading, scocoop
names = ["Dataset", "load", "topics", "to_country_code", "Instrument", "coverage", "PartyStage", "cite"]
errors, barrier = [], threading.Barrier(len(names))
def use(name):
    barrier.wait()
    try:
        getattr(scocoop, name)
    except Exception as exc:
        errors.append(repr(exc))
threads = [threading.Thread(target=use, args=(n,)) for n in names]
for t in threads: t.start()
for t in threads: t.join()
print(errors)
"""
    for _ in range(3):
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
        assert (0, "[]\n", "") == (result.returncode, result.stdout, result.stderr)
