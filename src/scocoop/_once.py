"""Values built on first use, once, whichever thread asks first."""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from typing import Generic, TypeVar

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


def once(build: Callable[[], T]) -> Once[T]:
    """Decorate a builder of no arguments so that it runs once, on first use."""
    return Once(build)
