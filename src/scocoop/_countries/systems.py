"""The state lists of the Correlates of War and of Gleditsch and Ward, with ISO codes.

Both projects number the independent states of the international system and
record when each was a member of it.  ``data/states.csv`` holds one row per
period of membership:

- ``system``: ``cow`` (Correlates of War Project, State System Membership List
  v2016) or ``gw`` (Gleditsch and Ward's list of independent states; the main
  list, without its separate list of microstates);
- ``number``, ``letters``: the state's number and three-letter code in that list;
- ``name``: the list's name of the state (COW only);
- ``start``, ``end``: the period, ISO dates; an empty end is a state still in the
  list at the end of its coverage (2016 for COW, 2020 for GW);
- ``iso2c``: the ISO 3166-1 alpha-2 code of the same state today, empty for a
  former state that no current code names;
- ``iso2c_from``: where set, the code names the state only from that day: the
  number's earlier years are a predecessor (the Soviet Union for Russia, the
  Ottoman Empire for Turkey, Yugoslavia for Serbia...).

The ISO columns are scocoop's reading of the lists, not part of them.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Mapping

import attrs

from scocoop._core.once import once

__all__ = ["STATE_SYSTEMS", "StateCode", "periods", "periods_of_letters", "periods_of_number"]

STATE_SYSTEMS = {"cow": "Correlates of War", "gw": "Gleditsch-Ward"}


@attrs.frozen
class StateCode:
    """A state's code in a state list, and the days it names the state.

    ``end`` is ``None`` for a state still in the list at the end of the list's
    coverage.  ``iso2c`` is the ISO 3166-1 alpha-2 code of the same state, or
    ``None`` for a former state; ``iso2c_from`` is the first day the ISO code
    names it, where that is later than ``start``.
    """

    system: str
    number: int
    letters: str
    name: str | None
    start: dt.date
    end: dt.date | None
    iso2c: str | None = None
    iso2c_from: dt.date | None = None

    def covers(self, day: dt.date | None) -> bool:
        """True when the state is in the list on ``day`` (``None``: today)."""
        if day is None:
            return self.end is None
        return self.start <= day and (self.end is None or day <= self.end)

    def iso_on(self, day: dt.date | None) -> str | None:
        """The ISO code that names this state on ``day`` (``None``: today)."""
        if self.iso2c is None or (day is not None and self.iso2c_from is not None and day < self.iso2c_from):
            return None
        return self.iso2c


def _date(text: str) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


@once
def periods() -> tuple[StateCode, ...]:
    """Every row of ``data/states.csv``, in the file's order."""
    from importlib import resources

    text = (resources.files("scocoop") / "data" / "states.csv").read_text(encoding="utf-8")
    return tuple(
        StateCode(
            system=row["system"],
            number=int(row["number"]),
            letters=row["letters"],
            name=row["name"] or None,
            start=dt.date.fromisoformat(row["start"]),
            end=_date(row["end"]),
            iso2c=row["iso2c"] or None,
            iso2c_from=_date(row["iso2c_from"]),
        )
        for row in csv.DictReader(io.StringIO(text))
    )


@once
def _indexes() -> tuple[
    Mapping[tuple[str, int], tuple[StateCode, ...]], Mapping[tuple[str, str], tuple[StateCode, ...]]
]:
    """The periods by (system, number) and by (system, letters)."""
    by_number: dict[tuple[str, int], tuple[StateCode, ...]] = {}
    by_letters: dict[tuple[str, str], tuple[StateCode, ...]] = {}
    for row in periods():
        by_number[row.system, row.number] = (*by_number.get((row.system, row.number), ()), row)
        by_letters[row.system, row.letters] = (*by_letters.get((row.system, row.letters), ()), row)
    return by_number, by_letters


def periods_of_number(system: str, number: int) -> tuple[StateCode, ...]:
    """The periods of a state number in ``system`` (empty when it is not used)."""
    return _indexes()[0].get((system, number), ())


def periods_of_letters(system: str, letters: str) -> tuple[StateCode, ...]:
    """The periods of a three-letter state code in ``system``."""
    return _indexes()[1].get((system, letters.upper()), ())
