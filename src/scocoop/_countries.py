"""Country names and codes: anything a user types, to an ISO 3166-1 alpha-2 code.

The ISO tables come from pycountry, read on first use; a small curated table
adds the aliases and demonyms that the standard lacks ("PRC", "Kirghizia",
"Kazakh").
"""

from __future__ import annotations

import functools
import re
import unicodedata

from scocoop._errors import UnknownCountryError
from scocoop._once import once

__all__ = ["country_name", "is_country_code", "to_country_code"]

_ALIASES: dict[str, str] = {
    # Other names and former names.
    "prc": "CN",
    "people's republic of china": "CN",
    "russia": "RU",
    "kirghizia": "KG",
    "kirgizia": "KG",
    "kyrgyz republic": "KG",
    "kazakstan": "KZ",
    "tadjikistan": "TJ",
    "byelorussia": "BY",
    "belorussia": "BY",
    "iran": "IR",
    "moldova": "MD",
    "turkey": "TR",
    "burma": "MM",
    "laos": "LA",
    "uae": "AE",
    "usa": "US",
    "uk": "GB",
    # Demonyms.
    "kazakh": "KZ",
    "kazakhstani": "KZ",
    "kyrgyz": "KG",
    "kirghiz": "KG",
    "tajik": "TJ",
    "tajikistani": "TJ",
    "uzbek": "UZ",
    "uzbekistani": "UZ",
    "turkmen": "TM",
    "russian": "RU",
    "chinese": "CN",
    "indian": "IN",
    "pakistani": "PK",
    "iranian": "IR",
    "belarusian": "BY",
    "mongolian": "MN",
    "afghan": "AF",
    "azerbaijani": "AZ",
    "armenian": "AM",
    "moldovan": "MD",
    "ukrainian": "UA",
    "georgian": "GE",
    "turkish": "TR",
    "sri lankan": "LK",
    "nepali": "NP",
    "nepalese": "NP",
    "cambodian": "KH",
    "egyptian": "EG",
    "qatari": "QA",
    "saudi": "SA",
    "emirati": "AE",
    "kuwaiti": "KW",
    "bahraini": "BH",
    "maldivian": "MV",
    "burmese": "MM",
}

_SPACES = re.compile(r"\s+")


def _key(text: str) -> str:
    # NFKC first: a name typed or pasted in decomposed form (NFD) is the same name.
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", text).strip().casefold())


@once
def _table() -> tuple[dict[str, str], dict[str, str]]:
    """Names and codes to alpha-2 codes, and alpha-2 codes to short names."""
    import pycountry

    lookup: dict[str, str] = {}
    names: dict[str, str] = {}
    for country in pycountry.countries:
        alpha2 = country.alpha_2
        names[alpha2] = getattr(country, "common_name", country.name)
        for attr in ("alpha_2", "alpha_3", "name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                lookup.setdefault(_key(value), alpha2)
    for alias, alpha2 in _ALIASES.items():
        lookup.setdefault(alias, alpha2)
    return lookup, names


@functools.lru_cache(maxsize=4096)
def _resolve(text: str) -> str | None:
    if text in _ALPHA_2:  # the common case, without loading the names
        return text
    return _table()[0].get(_key(text))


def to_country_code(value: object) -> str:
    """The ISO 3166-1 alpha-2 code of a country given by code, name or demonym.

    Case is ignored.  Accepts alpha-2 and alpha-3 codes, English short,
    official and common names, and curated aliases and demonyms.

    >>> to_country_code("Kazakh"), to_country_code("PRC"), to_country_code("kgz")
    ('KZ', 'CN', 'KG')

    Raises:
        UnknownCountryError: The value names no country; the message suggests
            the closest names.
    """
    if isinstance(value, str):
        code = _resolve(value)
        if code is not None:
            return code
        raise UnknownCountryError(value, _suggest(value))
    raise UnknownCountryError(value)


def _suggest(value: str) -> list[str]:
    lookup, names = _table()
    import difflib  # only when a name is not found

    close = difflib.get_close_matches(_key(value), list(lookup), n=6, cutoff=0.7)
    seen: dict[str, None] = {}
    for candidate in close:
        seen.setdefault(f"{names[lookup[candidate]]} ({lookup[candidate]})")
    return list(seen)[:3]


# The assigned ISO 3166-1 alpha-2 codes, as pycountry lists them (a test keeps the
# two equal), so that checking a dataset's codes needs no import of pycountry.
_ALPHA_2 = frozenset(
    [
        "AD",
        "AE",
        "AF",
        "AG",
        "AI",
        "AL",
        "AM",
        "AO",
        "AQ",
        "AR",
        "AS",
        "AT",
        "AU",
        "AW",
        "AX",
        "AZ",
        "BA",
        "BB",
        "BD",
        "BE",
        "BF",
        "BG",
        "BH",
        "BI",
        "BJ",
        "BL",
        "BM",
        "BN",
        "BO",
        "BQ",
        "BR",
        "BS",
        "BT",
        "BV",
        "BW",
        "BY",
        "BZ",
        "CA",
        "CC",
        "CD",
        "CF",
        "CG",
        "CH",
        "CI",
        "CK",
        "CL",
        "CM",
        "CN",
        "CO",
        "CR",
        "CU",
        "CV",
        "CW",
        "CX",
        "CY",
        "CZ",
        "DE",
        "DJ",
        "DK",
        "DM",
        "DO",
        "DZ",
        "EC",
        "EE",
        "EG",
        "EH",
        "ER",
        "ES",
        "ET",
        "FI",
        "FJ",
        "FK",
        "FM",
        "FO",
        "FR",
        "GA",
        "GB",
        "GD",
        "GE",
        "GF",
        "GG",
        "GH",
        "GI",
        "GL",
        "GM",
        "GN",
        "GP",
        "GQ",
        "GR",
        "GS",
        "GT",
        "GU",
        "GW",
        "GY",
        "HK",
        "HM",
        "HN",
        "HR",
        "HT",
        "HU",
        "ID",
        "IE",
        "IL",
        "IM",
        "IN",
        "IO",
        "IQ",
        "IR",
        "IS",
        "IT",
        "JE",
        "JM",
        "JO",
        "JP",
        "KE",
        "KG",
        "KH",
        "KI",
        "KM",
        "KN",
        "KP",
        "KR",
        "KW",
        "KY",
        "KZ",
        "LA",
        "LB",
        "LC",
        "LI",
        "LK",
        "LR",
        "LS",
        "LT",
        "LU",
        "LV",
        "LY",
        "MA",
        "MC",
        "MD",
        "ME",
        "MF",
        "MG",
        "MH",
        "MK",
        "ML",
        "MM",
        "MN",
        "MO",
        "MP",
        "MQ",
        "MR",
        "MS",
        "MT",
        "MU",
        "MV",
        "MW",
        "MX",
        "MY",
        "MZ",
        "NA",
        "NC",
        "NE",
        "NF",
        "NG",
        "NI",
        "NL",
        "NO",
        "NP",
        "NR",
        "NU",
        "NZ",
        "OM",
        "PA",
        "PE",
        "PF",
        "PG",
        "PH",
        "PK",
        "PL",
        "PM",
        "PN",
        "PR",
        "PS",
        "PT",
        "PW",
        "PY",
        "QA",
        "RE",
        "RO",
        "RS",
        "RU",
        "RW",
        "SA",
        "SB",
        "SC",
        "SD",
        "SE",
        "SG",
        "SH",
        "SI",
        "SJ",
        "SK",
        "SL",
        "SM",
        "SN",
        "SO",
        "SR",
        "SS",
        "ST",
        "SV",
        "SX",
        "SY",
        "SZ",
        "TC",
        "TD",
        "TF",
        "TG",
        "TH",
        "TJ",
        "TK",
        "TL",
        "TM",
        "TN",
        "TO",
        "TR",
        "TT",
        "TV",
        "TW",
        "TZ",
        "UA",
        "UG",
        "UM",
        "US",
        "UY",
        "UZ",
        "VA",
        "VC",
        "VE",
        "VG",
        "VI",
        "VN",
        "VU",
        "WF",
        "WS",
        "YE",
        "YT",
        "ZA",
        "ZM",
        "ZW",
    ]
)


def country_codes() -> frozenset[str]:
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
        return _table()[1][code]
    except (KeyError, TypeError):
        raise UnknownCountryError(code) from None
