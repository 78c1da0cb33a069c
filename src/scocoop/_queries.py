"""The queries as functions over the bundled dataset.

Each is made from the :class:`~scocoop.Dataset` method of the same name by
:func:`_on_the_bundled_data`: the same signature (without ``self``), the
same docstring with a line saying which data it asks, so that ``help()``
and a notebook's ``?`` show the whole of it; it loads the bundled dataset on
first use.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import Concatenate, ParamSpec, TypeVar

from scocoop._dataset.dataset import Dataset
from scocoop._io.jsonfile import load

__all__ = [
    "absences_of",
    "events_of",
    "find_meetings",
    "holders_of",
    "initiatives_on",
    "instruments_in_force",
    "instruments_on",
    "meetings_between",
    "meetings_by_country",
    "meetings_of",
    "members_of",
    "officials_of",
    "parties_to",
    "posts_on",
    "stage_of",
]

P = ParamSpec("P")
R = TypeVar("R")


def _on_the_bundled_data(method: Callable[Concatenate[Dataset, P], R]) -> Callable[P, R]:
    """A function that asks the bundled dataset what ``method`` asks, with its signature and docstring."""

    @functools.wraps(method)
    def query(*args: P.args, **kwargs: P.kwargs) -> R:
        return method(load(), *args, **kwargs)

    name = method.__name__
    signature = inspect.signature(method)
    query.__signature__ = signature.replace(parameters=list(signature.parameters.values())[1:])  # type: ignore[attr-defined]
    query.__qualname__ = name
    query.__doc__ = (
        f"{inspect.cleandoc(method.__doc__ or name)}\n\n"
        f"This function asks the bundled dataset (:func:`scocoop.load`);"
        f" :meth:`Dataset.{name}` asks any other."
    )
    del query.__wrapped__  # help() is to read __signature__, not the method's
    return query


absences_of = _on_the_bundled_data(Dataset.absences_of)
events_of = _on_the_bundled_data(Dataset.events_of)
find_meetings = _on_the_bundled_data(Dataset.find_meetings)
holders_of = _on_the_bundled_data(Dataset.holders_of)
initiatives_on = _on_the_bundled_data(Dataset.initiatives_on)
instruments_in_force = _on_the_bundled_data(Dataset.instruments_in_force)
instruments_on = _on_the_bundled_data(Dataset.instruments_on)
meetings_between = _on_the_bundled_data(Dataset.meetings_between)
meetings_by_country = _on_the_bundled_data(Dataset.meetings_by_country)
meetings_of = _on_the_bundled_data(Dataset.meetings_of)
members_of = _on_the_bundled_data(Dataset.members_of)
officials_of = _on_the_bundled_data(Dataset.officials_of)
parties_to = _on_the_bundled_data(Dataset.parties_to)
posts_on = _on_the_bundled_data(Dataset.posts_on)
stage_of = _on_the_bundled_data(Dataset.stage_of)
