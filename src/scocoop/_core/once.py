"""Values built on first use, once, whichever thread asks first."""

from __future__ import annotations

import functools
import os
import threading
import weakref
from collections.abc import Callable
from typing import Any, Generic, TypeVar

__all__ = ["Once", "once"]

T = TypeVar("T")


class Once(Generic[T]):
    """A function of no arguments whose value is built on the first call only.

    Calls that arrive while the value is being built wait for it.  If the
    builder raises, nothing is kept and the next call tries again.  The country
    table, the topic vocabulary and the bundled dataset are loaded this way,
    so that nothing is read at import.
    """

    def __init__(self, build: Callable[[], T]) -> None:
        self._build = build
        self._lock = threading.Lock()
        self._built: list[T] = []
        functools.update_wrapper(self, build)
        _ALL.add(self)

    def __call__(self) -> T:
        if not self._built:
            with self._lock:
                if not self._built:
                    self._built.append(self._build())
        return self._built[0]

    @property
    def built(self) -> bool:
        """Whether the value has been built."""
        return bool(self._built)

    def fresh(self) -> Once[T]:
        """A new, unbuilt copy with the same builder."""
        return Once(self._build)


_ALL: weakref.WeakSet[Once[Any]] = weakref.WeakSet()


def _after_fork_in_child() -> None:
    # A fork copies a lock as it was: one held by a thread of the parent
    # (building a value) would stay held in the child, where no thread will
    # release it.  The child starts each with a free lock instead.
    for value in list(_ALL):
        value._lock = threading.Lock()  # noqa: SLF001 - the module's own class


if hasattr(os, "register_at_fork"):  # not on Windows, which does not fork
    os.register_at_fork(after_in_child=_after_fork_in_child)


def once(build: Callable[[], T]) -> Once[T]:
    """Decorate a builder of no arguments so that it runs once, on first use."""
    return Once(build)
