"""The answer to a query: a tuple that shows itself as a table."""

from __future__ import annotations

from typing import Any, SupportsIndex, TypeVar, overload

from scocoop._core.render import html_table, text_table
from scocoop._dataset.display import rows_of

__all__ = ["MAX_ROWS", "Results"]

MAX_ROWS = 20
"""Rows shown in a notebook before a long result is cut."""

T = TypeVar("T")


def _caption(count: int) -> str:
    return f"{count} result" if count == 1 else f"{count} results"


class Results(tuple[T, ...]):
    """The answer to a query: a tuple, shown as a table in notebooks.

    It compares, indexes and iterates as the plain tuple it is; only its
    display differs (a table of the first :data:`MAX_ROWS` rows in Jupyter
    and IPython).
    """

    __slots__ = ()

    @overload
    def __getitem__(self, index: SupportsIndex) -> T: ...

    @overload
    def __getitem__(self, index: slice) -> Results[T]: ...

    def __getitem__(self, index: SupportsIndex | slice) -> T | Results[T]:
        # A slice of an answer is an answer: it keeps its table display.
        if isinstance(index, slice):
            return Results(super().__getitem__(index))
        return super().__getitem__(index)

    def to_pandas(self) -> Any:
        """The records as one pandas DataFrame, with the columns of their table in :func:`scocoop.to_pandas`.

        Meetings give the ``meetings`` table's columns, officials the
        ``officials`` table's, and so on; country codes (from
        :meth:`Dataset.members_of`) give ``country`` and ``name``.  Needs
        the extra ``pandas``.

        Raises:
            MissingExtraError: pandas is not installed.
            TypeError: The results mix kinds of record.
        """
        from scocoop._views.frames import results_frame  # upward, by design (see tests/test_layers.py)

        return results_frame(self)

    def _repr_html_(self) -> str:
        shown = rows_of(self[:MAX_ROWS])
        return html_table(shown, caption=_caption(len(self)), hidden=len(self) - len(shown))

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        if cycle:
            printer.text("Results(...)")
            return
        shown = rows_of(self[:MAX_ROWS])
        text = _caption(len(self)) + "\n" + text_table(shown, width=120)
        if len(self) > len(shown):
            text += f"… {len(self) - len(shown)} more\n"
        printer.text(text.rstrip("\n"))
