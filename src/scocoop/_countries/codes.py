"""Country names and codes: what people and other datasets write, to ISO 3166-1 codes and back.

A value resolves to one ISO 3166-1 alpha-2 code, or is refused: a wrong code
is worse than none.  Names are read through the tables of
:mod:`scocoop._countries.names`; the codes of the Correlates of War and
Gleditsch-Ward state lists, with their dates, come from
:mod:`scocoop._countries.systems`.

>>> to_country_code("Kyrgyz Republic"), to_country_code("KAZ"), to_country_code("Таджикистан")
('KG', 'KZ', 'TJ')
>>> to_country_code("Congo")
Traceback (most recent call last):
...
scocoop.AmbiguousCountryError: ...
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import operator
import warnings
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, Literal, overload

import attrs

from scocoop._core.errors import (
    AmbiguousCountryError,
    CountryResolutionError,
    CountryResolutionWarning,
    UnknownCountryError,
    show,
)
from scocoop._countries.names import DESIGNATIONS, Refusal, name_key, name_tables, parts, variants
from scocoop._countries.systems import (
    STATE_SYSTEMS,
    StateCode,
    periods,
    periods_of_letters,
    periods_of_number,
)

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "CountryCodes",
    "Scheme",
    "alpha2_codes",
    "country_codes",
    "country_name",
    "is_country_code",
    "to_country_code",
    "to_country_codes",
]

Scheme = Literal["iso2c", "iso3c", "iso3n", "cown", "cowc", "gwn", "gwc"]
"""A code scheme: ISO 3166-1 alpha-2 (``iso2c``), alpha-3 (``iso3c``) and
numeric (``iso3n``, a three-digit string); Correlates of War numbers
(``cown``, int) and letters (``cowc``); Gleditsch-Ward numbers (``gwn``, int)
and letters (``gwc``).  The names are those of the R package countrycode."""

Day = dt.date | str | int | None
"""A day for COW and GW codes: a date, an ISO date string, or a year (its last day); ``None`` is today."""

_SCHEMES = ("iso2c", "iso3c", "iso3n", "cown", "cowc", "gwn", "gwc")
_STATE_SCHEMES = {"cown": "cow", "cowc": "cow", "gwn": "gw", "gwc": "gw"}

# Reading a value ----------------------------------------------------------


def _label(code: str) -> str:
    return f"{name_tables().names[code]} ({code})"


def _refuse(value: object, refusal: Refusal) -> UnknownCountryError:
    if refusal.kind == "ambiguous":
        candidates = [_label(code) for code in refusal.codes]
        if len(candidates) == 1:
            candidates.append("a region that is not a country")
        return AmbiguousCountryError(value, candidates)
    if refusal.kind == "former":
        return UnknownCountryError(value, reason="names a former state, which no ISO 3166-1 code names")
    return UnknownCountryError(value, reason="has no ISO 3166-1 code")


@functools.lru_cache(maxsize=8192)
def _read_name(text: str) -> str | Refusal | None:
    if text in _ALPHA_2:  # the common case, without loading the tables
        return text
    tables = name_tables()
    for variant, whole in variants(text):
        key = name_key(variant)
        if not key:
            continue
        refusal = tables.refusals.get(key)
        if refusal is not None and (whole or refusal.kind != "no-code"):
            return refusal
        code = tables.lookup.get(key)
        if code is not None:
            return code
    pair = parts(text)
    if pair is not None:
        # "Myanmar (Burma)", "Kazakhstan (KZ)": both names must give the same code.
        first, second = (_read_name(part) for part in pair)
        if isinstance(first, str) and first == second:
            return first
    return None


def _day(on: Day) -> dt.date | None:
    """The day ``on=`` names: a date, an ISO date, or a year (its last day, as in country-year data)."""
    if on is None or type(on) is dt.date:
        return on
    if isinstance(on, dt.datetime):
        return on.date()
    year = _number(on)
    if year is not None and 1 <= year <= 9999:
        return dt.date(year, 12, 31)
    if isinstance(on, str):
        try:
            return dt.date.fromisoformat(on.strip())
        except ValueError:
            pass
    raise ValueError(f"on= needs a date, an ISO date (2020-01-31) or a year, got {show(on)}")


def _describe(rows: tuple[StateCode, ...]) -> str:
    first = rows[0]
    name = first.name or (name_tables().names[first.iso2c] if first.iso2c else first.letters)
    return f"{STATE_SYSTEMS[first.system]} {first.number} ({name})"


def _from_state(value: object, rows: tuple[StateCode, ...], day: dt.date | None) -> str:
    if not rows:
        raise UnknownCountryError(value)
    covering = [row for row in rows if row.covers(day)]
    if not covering:
        spans = ", ".join(f"{row.start}..{row.end or ''}" for row in rows)
        when = f"on {day}" if day is not None else "today"
        raise UnknownCountryError(
            value, reason=f"is {_describe(rows)}, not a state in the list {when}: {spans}"
        )
    row = covering[0]
    code = row.iso_on(day)
    if code is None:
        if row.iso2c is not None and row.iso2c_from is not None:
            reason = f"is {_describe(rows)}, which ISO's {row.iso2c} names only from {row.iso2c_from}"
        else:
            reason = f"is {_describe(rows)}, a former state, which no ISO 3166-1 code names"
        raise UnknownCountryError(value, reason=reason)
    return code


_MAX_DIGITS = 9


def _number(value: object) -> int | None:
    """A whole number given as an int (numpy's too), an integral float (705.0) or digits."""
    if isinstance(value, bool):
        return None
    if isinstance(value, float):
        return int(value) if value.is_integer() else None
    if isinstance(value, str):
        # No code has more than four digits; a longer string of digits names no country
        # (and int() refuses strings of thousands of digits).
        text = value.strip()
        return int(text) if text.isascii() and text.isdigit() and len(text) <= _MAX_DIGITS else None
    try:
        return operator.index(value)  # type: ignore[arg-type]
    except TypeError:
        return None


def _read_number(value: object, number: int, day: dt.date | None) -> str:
    """An unlabelled number: ISO numeric, COW or GW, when they agree."""
    readings: dict[str, str] = {}
    text = value.strip() if isinstance(value, str) else ""
    iso = name_tables().numeric.get(f"{number:03d}")
    if iso is not None:
        readings[iso] = f"ISO 3166-1 numeric: {_label(iso)}"
    if not (len(text) == 3 and text.startswith("0")):  # zero-padded: ISO only
        for system in STATE_SYSTEMS:
            rows = periods_of_number(system, number)
            if rows:
                try:
                    code = _from_state(value, rows, day)
                except UnknownCountryError:
                    return _refuse_number(value, readings, f"{_describe(rows)}")
                readings.setdefault(code, f"{_describe(rows)}: {_label(code)}")
    if not readings:
        raise UnknownCountryError(value)
    if len(readings) > 1:
        return _refuse_number(value, readings, None)
    return next(iter(readings))


def _refuse_number(value: object, readings: dict[str, str], other: str | None) -> str:
    meanings = list(readings.values()) + ([other] if other else [])
    if len(meanings) == 1:
        raise UnknownCountryError(value, reason=f"is {meanings[0]}, which no current ISO 3166-1 code names")
    raise UnknownCountryError(
        value,
        reason=f"is read differently by several schemes ({'; '.join(meanings)}); pass origin= to say which",
    )


def _to_iso(value: object, origin: str | None, day: dt.date | None) -> str:
    if origin is None:
        return _read_any(value, day)
    reader = _ORIGIN_READERS.get(origin)
    if reader is None:
        raise ValueError(
            f"origin= is one of {', '.join(_SCHEMES)}, or None for any name or code; got {show(origin)}"
        )
    code = reader(value, day)
    if code is None:
        raise UnknownCountryError(value, reason=f"is no {origin} code")
    return code


MAX_NAME = 200
"""The longest text read as a country: a longer one names none, and is refused before any lookup or cache."""


def _read_any(value: object, day: dt.date | None) -> str:
    if isinstance(value, str) and len(value) > MAX_NAME:
        reason = f"is longer than any country's name ({len(value)} characters)"
        raise UnknownCountryError(value, reason=reason)
    number = _number(value)
    if number is not None:
        return _read_number(value, number, day)
    if not isinstance(value, str):
        raise UnknownCountryError(value)
    found = _read_name(value)
    if isinstance(found, str):
        return found
    if found is not None:
        raise _refuse(value, found)
    raise UnknownCountryError(value, _suggest(value))


def _read_iso2c(value: object, day: dt.date | None) -> str | None:
    code = value.strip().upper() if isinstance(value, str) else None
    return code if code in _ALPHA_2 else None


def _read_iso3c(value: object, day: dt.date | None) -> str | None:
    return name_tables().alpha3.get(value.strip().upper()) if isinstance(value, str) else None


def _read_iso3n(value: object, day: dt.date | None) -> str | None:
    number = _number(value)
    return None if number is None else name_tables().numeric.get(f"{number:03d}")


def _state_reader(system: str, *, letters: bool) -> Callable[[object, dt.date | None], str | None]:
    def read(value: object, day: dt.date | None) -> str | None:
        if letters:
            if not isinstance(value, str):
                return None
            return _from_state(value, periods_of_letters(system, value.strip()), day)
        number = _number(value)
        return None if number is None else _from_state(value, periods_of_number(system, number), day)

    return read


_ORIGIN_READERS: dict[str, Callable[[object, dt.date | None], str | None]] = {
    "iso2c": _read_iso2c,
    "iso3c": _read_iso3c,
    "iso3n": _read_iso3n,
    "cown": _state_reader("cow", letters=False),
    "cowc": _state_reader("cow", letters=True),
    "gwn": _state_reader("gw", letters=False),
    "gwc": _state_reader("gw", letters=True),
}


def _state_rows(code: str, system: str, day: dt.date | None) -> list[StateCode]:
    return [row for row in periods() if row.system == system and row.covers(day) and row.iso_on(day) == code]


def _encode(code: str, scheme: str, day: dt.date | None) -> str | int:
    if scheme == "iso2c":
        return code
    if scheme == "iso3c":
        return name_tables().codes[code][0]
    if scheme == "iso3n":
        return name_tables().codes[code][1]
    system = _STATE_SCHEMES.get(scheme)
    if system is None:
        raise ValueError(f"scheme= is one of {', '.join(_SCHEMES)}; got {show(scheme)}")
    rows = _state_rows(code, system, day)
    if not rows:
        listed = [row for row in periods() if row.system == system and row.iso2c == code]
        when = f"on {day}" if day is not None else "today"
        spans = "; ".join(f"{row.number} {row.iso2c_from or row.start}..{row.end or ''}" for row in listed)
        detail = f" (its periods: {spans})" if spans else " (it is not in the list)"
        raise UnknownCountryError(
            code, reason=f"({name_tables().names[code]}) has no {STATE_SYSTEMS[system]} code {when}{detail}"
        )
    row = rows[0]
    return row.number if scheme in ("cown", "gwn") else row.letters


@overload
def to_country_code(
    value: object,
    scheme: Literal["iso2c", "iso3c", "iso3n", "cowc", "gwc"] = ...,
    *,
    origin: Scheme | None = ...,
    on: Day = ...,
) -> str: ...
@overload
def to_country_code(
    value: object,
    scheme: Literal["cown", "gwn"],
    *,
    origin: Scheme | None = ...,
    on: Day = ...,
) -> int: ...
def to_country_code(
    value: object,
    scheme: Scheme = "iso2c",
    *,
    origin: Scheme | None = None,
    on: Day = None,
) -> str | int:
    """The code of a country given by name or code, in the scheme asked for.

    Without ``origin``, ``value`` may be any name (English, with its World
    Bank, IMF, UN and older forms; Russian, Chinese and the region's own
    languages), a demonym, an ISO alpha-2 or alpha-3 code, the letters of the
    Correlates of War or Gleditsch-Ward lists, or a number that the ISO
    numeric, COW and GW schemes read alike.  A value that schemes read
    differently ("705": Slovenia in ISO, Kazakhstan in COW) is refused;
    ``origin=`` says which scheme the value is in.

    Args:
        value: The name or code.
        scheme: The code wanted: ``"iso2c"`` (the default), ``"iso3c"``,
            ``"iso3n"``, ``"cown"``, ``"cowc"``, ``"gwn"`` or ``"gwc"``.
        origin: The scheme of ``value``, where it is a code.
        on: The day a COW or GW code applies to: a date, ``"2001-06-15"``,
            or a year (its last day, 31 December, as in country-year data);
            by default, today: the code of the state now in the list.

    Returns:
        The code: a string, or an int for ``"cown"`` and ``"gwn"``.

    Raises:
        UnknownCountryError: ``value`` names no country; or a former state,
            or a state outside the list on ``on``.  The message says which,
            and suggests close names for a misspelling.
        AmbiguousCountryError: ``value`` names several countries ("Korea").

    Example:
        >>> to_country_code("Kazakh"), to_country_code("Кыргызстан"), to_country_code("kgz")
        ('KZ', 'KG', 'KG')
        >>> to_country_code("Tajikistan, Rep. of", "cown")
        702
        >>> to_country_code(365, origin="cown", on="2005-01-01")
        'RU'
    """
    if scheme not in _SCHEMES:
        raise ValueError(f"scheme= is one of {', '.join(_SCHEMES)}; got {show(scheme)}")
    day = _day(on)
    return _encode(_to_iso(value, origin, day), scheme, day)


def _is_missing(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    return type(value).__name__ in ("NAType", "NaTType")


def _resolve_all(
    items: list[object], scheme: str, origin: str | None, days: list[dt.date | None]
) -> tuple[list[Any], list[UnknownCountryError], list[int]]:
    """Each item's code (``None`` where missing or unresolved), and the failures with their counts."""
    answers: dict[Any, str | int | UnknownCountryError] = {}
    counts: dict[Any, int] = {}
    out: list[Any] = []
    for item, day in zip(items, days, strict=True):
        if _is_missing(item):
            out.append(None)
            continue
        key = (type(item), item if _hashable(item) else id(item), day)
        if key not in answers:
            try:
                answers[key] = _encode(_to_iso(item, origin, day), scheme, day)
            except UnknownCountryError as exc:
                answers[key] = exc
        answer = answers[key]
        if isinstance(answer, UnknownCountryError):
            counts[key] = counts.get(key, 0) + 1
            out.append(None)
        else:
            out.append(answer)
    failures = [answers[key] for key in counts]
    return out, failures, list(counts.values())  # type: ignore[return-value]


def _days(on: object, size: int) -> list[dt.date | None]:
    """One day per value: the same for all, or one each from a sequence (a year column)."""
    if on is None or isinstance(on, (str, int, dt.date)):
        return [_day(on)] * size
    if not isinstance(on, Iterable):
        raise TypeError(f"on= needs a date, an ISO date, a year, or one of these per value; got {show(on)}")
    days = [None if _is_missing(day) else _day(day) for day in on]
    if len(days) != size:
        raise ValueError(f"on= gives {len(days)} days for {size} values")
    return days


@overload
def to_country_codes(
    values: pd.Series[Any],
    scheme: Scheme = ...,
    *,
    origin: Scheme | None = ...,
    on: Day | Iterable[Day] = ...,
    errors: Literal["raise", "coerce"] = ...,
) -> pd.Series[Any]: ...
@overload
def to_country_codes(
    values: Iterable[object],
    scheme: Scheme = ...,
    *,
    origin: Scheme | None = ...,
    on: Day | Iterable[Day] = ...,
    errors: Literal["raise", "coerce"] = ...,
) -> list[Any]: ...
def to_country_codes(
    values: Iterable[object],
    scheme: Scheme = "iso2c",
    *,
    origin: Scheme | None = None,
    on: Day | Iterable[Day] = None,
    errors: Literal["raise", "coerce"] = "raise",
) -> Any:
    """The codes of many values at once, each distinct value read once.

    Missing values (``None``, NaN, ``pd.NA``) stay missing.  With
    ``errors="raise"`` every value that names no country is reported in one
    :class:`CountryResolutionError`; with ``errors="coerce"`` such values
    become missing (``None``; never a guess) and one
    :class:`CountryResolutionWarning` lists them with the reason or the
    closest names.

    Args:
        values: A sequence, any iterable, or a pandas Series.
        scheme: The code wanted, as for :func:`to_country_code`.
        origin: The scheme of the values, where they are codes.
        on: The day COW and GW codes apply to; or one day per value (a
            sequence or Series of dates or years, as in country-year data).
        errors: ``"raise"`` (the default) or ``"coerce"``.

    Returns:
        A list; or, for a Series, a Series with the same index and name
        (dtype ``Int64`` for ``"cown"`` and ``"gwn"``, else ``object``).

    Raises:
        CountryResolutionError: With ``errors="raise"``, some values name no
            country; ``failures`` has an error for each.

    Example:
        >>> to_country_codes(["Kazakhstan", "KGZ", None, "Tadzhikistan"])
        ['KZ', 'KG', None, 'TJ']
        >>> to_country_codes([365, 365, 705], origin="cown", on=[1995, 2010, 2010])
        ['RU', 'RU', 'KZ']
    """
    if errors not in ("raise", "coerce"):
        raise ValueError(f'errors= is "raise" or "coerce"; got {show(errors)}')
    if scheme not in _SCHEMES:
        raise ValueError(f"scheme= is one of {', '.join(_SCHEMES)}; got {show(scheme)}")
    series = _series_of(values)
    items = list(values)
    out, failures, counts = _resolve_all(items, scheme, origin, _days(on, len(items)))
    if failures:
        if errors == "raise":
            raise CountryResolutionError(failures, counts)
        warnings.warn(CountryResolutionWarning(failures, counts), stacklevel=2)
    if series is None:
        return out
    import pandas as pd

    dtype = "Int64" if scheme in ("cown", "gwn") else "object"
    return pd.Series(out, index=series.index, name=series.name, dtype=dtype)


def _series_of(values: object) -> Any:
    module = type(values).__module__
    if module.startswith("pandas") and type(values).__name__ == "Series":
        return values
    return None


def _hashable(item: object) -> bool:
    try:
        hash(item)
    except TypeError:
        return False
    return True


def _suggest(value: str) -> list[str]:
    tables = name_tables()
    import difflib  # only when a name is not found

    key = name_key(value)
    # Compare the country's own name first: "Kazakstn, Republic of" is near
    # "Kazakhstan", and its "Republic of" is no evidence for Korea.
    core = " ".join(word for word in key.split() if word not in DESIGNATIONS) or key
    seen: dict[str, None] = {}
    for probe in dict.fromkeys((core, key)):
        for candidate in difflib.get_close_matches(probe, list(tables.lookup), n=6, cutoff=0.75):
            seen.setdefault(_label(tables.lookup[candidate]))
    return list(seen)[:3]


@attrs.frozen
class CountryCodes:
    """A country's ISO 3166-1 codes and its codes in the COW and GW state lists.

    ``cow`` and ``gw`` hold each period of the lists in which a number names
    this country, with its dates; empty where the list does not include it.
    """

    iso2c: str
    iso3c: str
    iso3n: str
    name: str
    cow: tuple[StateCode, ...]
    gw: tuple[StateCode, ...]


def country_codes(value: object, *, origin: Scheme | None = None, on: Day = None) -> CountryCodes:
    """Every code of a country, with the dates its COW and GW codes apply.

    Args:
        value: A name or code, as for :func:`to_country_code`.
        origin: The scheme of ``value``, where it is a code.
        on: The day, where ``value`` is a COW or GW code.

    Raises:
        UnknownCountryError: As for :func:`to_country_code`.

    Example:
        >>> codes = country_codes("Kazakhstan")
        >>> codes.iso3c, codes.iso3n, [(c.number, c.letters, str(c.start)) for c in codes.cow]
        ('KAZ', '398', [(705, 'KZK', '1991-12-26')])
    """
    code = _to_iso(value, origin, _day(on))
    alpha3, numeric = name_tables().codes[code]
    rows = [row for row in periods() if row.iso2c == code]
    return CountryCodes(
        iso2c=code,
        iso3c=alpha3,
        iso3n=numeric,
        name=name_tables().names[code],
        cow=tuple(row for row in rows if row.system == "cow"),
        gw=tuple(row for row in rows if row.system == "gw"),
    )


# The assigned ISO 3166-1 alpha-2 codes, as pycountry lists them (a test keeps the
# two equal), so that checking a dataset's codes needs no import of pycountry.
# fmt: off
_ALPHA_2 = frozenset((
    "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX", "AZ",
    "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ", "BR", "BS",
    "BT", "BV", "BW", "BY", "BZ", "CA", "CC", "CD", "CF", "CG", "CH", "CI", "CK", "CL", "CM", "CN",
    "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ", "DE", "DJ", "DK", "DM", "DO", "DZ", "EC", "EE",
    "EG", "EH", "ER", "ES", "ET", "FI", "FJ", "FK", "FM", "FO", "FR", "GA", "GB", "GD", "GE", "GF",
    "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GS", "GT", "GU", "GW", "GY", "HK", "HM",
    "HN", "HR", "HT", "HU", "ID", "IE", "IL", "IM", "IN", "IO", "IQ", "IR", "IS", "IT", "JE", "JM",
    "JO", "JP", "KE", "KG", "KH", "KI", "KM", "KN", "KP", "KR", "KW", "KY", "KZ", "LA", "LB", "LC",
    "LI", "LK", "LR", "LS", "LT", "LU", "LV", "LY", "MA", "MC", "MD", "ME", "MF", "MG", "MH", "MK",
    "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS", "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA",
    "NC", "NE", "NF", "NG", "NI", "NL", "NO", "NP", "NR", "NU", "NZ", "OM", "PA", "PE", "PF", "PG",
    "PH", "PK", "PL", "PM", "PN", "PR", "PS", "PT", "PW", "PY", "QA", "RE", "RO", "RS", "RU", "RW",
    "SA", "SB", "SC", "SD", "SE", "SG", "SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS",
    "ST", "SV", "SX", "SY", "SZ", "TC", "TD", "TF", "TG", "TH", "TJ", "TK", "TL", "TM", "TN", "TO",
    "TR", "TT", "TV", "TW", "TZ", "UA", "UG", "UM", "US", "UY", "UZ", "VA", "VC", "VE", "VG", "VI",
    "VN", "VU", "WF", "WS", "YE", "YT", "ZA", "ZM", "ZW",
))
# fmt: on


def alpha2_codes() -> frozenset[str]:
    """Every assigned ISO 3166-1 alpha-2 code."""
    return _ALPHA_2


def is_country_code(value: str) -> bool:
    """True when ``value`` is an assigned ISO 3166-1 alpha-2 code (upper case)."""
    return value in _ALPHA_2


def country_name(code: str) -> str:
    """The English short name of an alpha-2 code (``"KZ"`` -> ``"Kazakhstan"``).

    Raises:
        UnknownCountryError: ``code`` is not an assigned alpha-2 code.
    """
    try:
        return name_tables().names[code]
    except (KeyError, TypeError):
        raise UnknownCountryError(code) from None
