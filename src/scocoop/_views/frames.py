"""The dataset as pandas DataFrames (extra ``pandas``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import attrs

from scocoop._core.dates import PartialDate
from scocoop._core.extras import require
from scocoop._countries.codes import country_name
from scocoop._model.records import InstrumentEvent
from scocoop._views.tables import TABLE_OF, TABLES, Table, Value, rows

if TYPE_CHECKING:
    import pandas

    from scocoop._dataset.dataset import Dataset

__all__ = ["results_frame", "to_pandas"]


def _events_table() -> Table:
    # A state's events without the instrument they belong to: the columns of
    # ``instrument_events`` less its key, which names the instrument and the place in its list.
    table = next(t for t in TABLES if t.source == ("instruments", "events"))
    return attrs.evolve(table, columns=tuple(c for c in table.columns if c.name not in table.key))


_TABLE_OF_RESULTS: dict[type, Table] = {**TABLE_OF, InstrumentEvent: _events_table()}

_DTYPES = {"string": "string", "integer": "Int64", "boolean": "boolean"}


def _frame(pd: Any, np: Any, table: Table, records: list[dict[str, Value]]) -> Any:
    columns: dict[str, Any] = {}
    for column in table.columns:
        values = [record[column.name] for record in records]
        if column.kind != "date":
            columns[column.name] = pd.array(values, dtype=_DTYPES[column.kind])
            continue
        dates: list[PartialDate | None] = [v if isinstance(v, PartialDate) else None for v in values]
        days = np.array([d.earliest.isoformat() if d else "NaT" for d in dates], dtype="datetime64[D]")
        # Seconds, not nanoseconds: pandas' default unit cannot hold years before 1677.
        columns[column.name] = pd.Series(days.astype("datetime64[s]"))
        ends = np.array([d.latest.isoformat() if d else "NaT" for d in dates], dtype="datetime64[D]")
        columns[f"{column.name}_latest"] = pd.Series(ends.astype("datetime64[s]"))
        columns[f"{column.name}_precision"] = pd.Categorical(
            [d.precision.value if d else None for d in dates], categories=["year", "month", "day"]
        )
        columns[f"{column.name}_edtf"] = pd.array([str(d) if d else None for d in dates], dtype="string")
    return pd.DataFrame(columns)


def to_pandas(dataset: Dataset) -> dict[str, pandas.DataFrame]:
    """The dataset as tidy pandas DataFrames, by table name (extra ``pandas``).

    One table per collection (``sources``, ``organizations``, ``officials``,
    ``meetings``, ``commitments``) and one per list inside records
    (``memberships``, ``positions``, ``participants``, ``parties``,
    ``discussions``, ``topics``, ``aliases``, ``citations``), keyed by the
    record they belong to.  Each date becomes four columns: ``date`` (the
    earliest day it can mean, a datetime), ``date_latest`` (the last day it
    can mean), ``date_precision`` (``year``, ``month`` or ``day``) and
    ``date_edtf`` (the exact statement, with its ``?`` or ``~``).

    Raises:
        MissingExtraError: pandas is not installed.
    """
    pd = require("pandas", extra="pandas", feature="to_pandas()")
    import numpy as np  # pandas depends on numpy

    return {table.name: _frame(pd, np, table, list(rows(dataset, table.name))) for table in TABLES}


def results_frame(results: Sequence[Any]) -> pandas.DataFrame:
    """The records of a query's answer as one DataFrame (see :meth:`scocoop.Results.to_pandas`)."""
    pd = require("pandas", extra="pandas", feature="Results.to_pandas()")
    import numpy as np  # pandas depends on numpy

    kinds = {type(item) for item in results}
    frame: pandas.DataFrame
    if not kinds:
        frame = pd.DataFrame()
        return frame
    if kinds == {str}:
        frame = pd.DataFrame(
            {"country": pd.array(list(results), dtype="string"), "name": [country_name(c) for c in results]}
        ).astype({"name": "string"})
        return frame
    table = _TABLE_OF_RESULTS.get(next(iter(kinds))) if len(kinds) == 1 else None
    if table is None:
        names = ", ".join(sorted(k.__name__ for k in kinds))
        raise TypeError(f"a DataFrame needs results of one kind of record, got {names}")
    frame = _frame(pd, np, table, [table.row(item) for item in results])
    return frame
