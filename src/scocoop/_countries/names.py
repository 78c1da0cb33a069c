"""The name tables behind :func:`scocoop.to_country_code`, and how names are compared.

Names are compared by a key: Unicode-normalised, case-folded, without
diacritics on Latin, Greek and Cyrillic letters, without punctuation and the
words "the", "of" and "and", with common abbreviations written out
("Rep." -> republic, "St." -> saint).  The tables, built on first use:

- ISO 3166-1 codes and names from pycountry, with pycountry's translations of
  the names into Russian and Chinese for every country, and into the official
  languages of the SCO, CIS and CSTO states and partners for those states;
  ISO 3166-3's former countries, refused;
- the letters and names of the COW and GW state lists (:mod:`scocoop._countries.systems`)
  where the ISO code names the listed state throughout;
- ``data/country-names.csv``: World Bank, IMF and UN M49 forms that the other
  tables lack, older and transliterated English names, native names of the
  region's states, demonyms; names of several countries, former states and
  places without a code, refused with the reason.

A key that two tables give to different countries is refused as ambiguous.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator, Mapping
from typing import Any

import attrs

from scocoop._core.once import once
from scocoop._countries.systems import periods

__all__ = [
    "DESIGNATIONS",
    "Refusal",
    "Tables",
    "is_designation",
    "name_key",
    "name_tables",
    "parts",
    "variants",
]

# Key normalisation ---------------------------------------------------------

_QUOTES = re.compile(r"['\u2018\u2019\u02bb\u02bc\u02b9`\u00b4\"]")
_NOT_WORD = re.compile(r"[^\w]+")
_STOPWORDS = frozenset({"the", "of", "and"})
_ABBREVIATIONS = {
    "st": "saint",
    "ste": "sainte",
    "rep": "republic",
    "dem": "democratic",
    "sts": "states",
    "fed": "federal",
}


def _drop_marks(text: str) -> str:
    # Diacritics go from Latin, Greek and Cyrillic letters (Türkiye, Côte,
    # a dotted capital I, a short i); other scripts keep their combining signs, which spell vowels.
    kept: list[str] = []
    base = ""
    for char in text:
        if unicodedata.combining(char) and (base <= "\u052f" or "\u1e00" <= base <= "\u1eff"):
            continue
        kept.append(char)
        if not unicodedata.combining(char):
            base = char
    return "".join(kept)


@functools.lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    text = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", text).casefold())
    text = _drop_marks(text).replace("&", " and ").replace(".", "")
    text = _NOT_WORD.sub(" ", _QUOTES.sub("", text)).replace("_", " ")
    words = text.split()
    if len(words) > 1:  # a lone word is kept as it is: "AND" is Andorra, "ST" Sao Tome
        words = [_ABBREVIATIONS.get(word, word) for word in words if word not in _STOPWORDS]
    return unicodedata.normalize("NFC", " ".join(words))


# Words of a state's form of government: "Kazakhstan, Republic of" names what
# "Kazakhstan" names, unless the country's name alone names several states.
# fmt: off
DESIGNATIONS = frozenset((
    "republic", "islamic", "kingdom", "state", "states", "federal", "federated", "united",
    "arab", "democratic", "peoples", "people", "socialist", "plurinational", "bolivarian", "bolivariana",
    "de", "principality", "grand", "duchy", "sultanate", "commonwealth", "federation", "union",
    "emirate", "республика", "исламская", "федеративная",
))
# fmt: on
_DIVIDED = frozenset(
    {"korea", "congo", "china", "germany", "vietnam", "viet nam", "yemen", "macedonia", "guinea"}
)
_PARENTHESIS = re.compile(r"^(?P<outer>[^()]*)\((?P<inner>[^()]*)\)(?P<rest>[^()]*)$")


def variants(text: str) -> Iterator[tuple[str, bool]]:
    """Readings of a name, in order, each with whether it keeps every word."""
    yield text, True
    match = _PARENTHESIS.match(text)
    if match and not match["rest"].strip():
        outer, inner = match["outer"].strip(), match["inner"].strip()
        yield f"{inner} {outer}", True
        if is_designation(inner) and name_key(outer) not in _DIVIDED:
            yield outer, False
    if text.count(",") == 1:
        head, tail = (part.strip() for part in text.split(","))
        yield f"{tail} {head}", True
        if is_designation(tail) and name_key(head) not in _DIVIDED:
            yield head, False
    # "Tajikistan Rep.", "Federation of Russia": the name without its form of government.
    core = " ".join(word for word in name_key(text).split() if word not in DESIGNATIONS)
    if core and core != name_key(text) and core not in _DIVIDED:
        yield core, False


def parts(text: str) -> tuple[str, str] | None:
    """The two names of "Myanmar (Burma)" or "Tajikistan/Tadjikistan", which must agree."""
    match = _PARENTHESIS.match(text)
    if match and not match["rest"].strip():
        return match["outer"].strip(), match["inner"].strip()
    if text.count("/") == 1:
        first, second = (part.strip() for part in text.split("/"))
        return first, second
    return None


def is_designation(text: str) -> bool:
    words = name_key(text).split()
    return all(word in DESIGNATIONS for word in words)


# The tables ---------------------------------------------------------------


@attrs.frozen
class Refusal:
    """Why a name gives no code: several countries, a former state, no code."""

    kind: str
    codes: tuple[str, ...]


@attrs.frozen
class Tables:
    lookup: Mapping[str, str]
    refusals: Mapping[str, Refusal]
    names: Mapping[str, str]
    alpha3: Mapping[str, str]
    numeric: Mapping[str, str]
    codes: Mapping[str, tuple[str, str]]


# The states of the SCO, CIS and CSTO, their observers and dialogue partners,
# and the official languages (pycountry locale names) in which their names are
# added from pycountry's translations; Russian and Chinese are added for all.
# fmt: off
_REGION = frozenset((
    "CN", "IN", "IR", "KZ", "KG", "PK", "RU", "TJ", "UZ", "BY", "AF", "MN", "AM", "AZ", "KH", "NP",
    "LK", "TR", "EG", "QA", "SA", "KW", "MV", "MM", "AE", "BH", "LA", "MD", "TM", "UA", "GE",
))
# fmt: on
# fmt: off
_REGION_LOCALES = (
    "kk", "ky", "uz", "tg", "be", "fa", "hi", "ur", "ps", "mn", "hy", "az", "km", "ne", "si", "ta",
    "tr", "ar", "dv", "my", "lo", "ro", "ro_MD", "tk", "uk", "ka", "zh_TW", "zh_HK",
)
# fmt: on
_EVERY_COUNTRY_LOCALES = ("ru", "zh_CN")
# Translations that name another country: the Tajik catalogue gives Sri Lanka
# the name of Liechtenstein.
_WRONG_TRANSLATIONS = frozenset({("tg", "LK")})
_REFUSING_KINDS = frozenset({"ambiguous", "former", "no-code"})


class _Collector:
    """Names and codes gathered from every table, then sorted into answers and refusals."""

    def __init__(self) -> None:
        self.found: dict[str, set[str]] = {}
        self.refusals: dict[str, Refusal] = {}

    def add(self, name: str | None, code: str) -> None:
        key = name_key(name) if name else ""
        if key:
            self.found.setdefault(key, set()).add(code)

    def add_with_short_form(self, name: str | None, code: str, *, reordered: bool = False) -> None:
        """A name, and for "Iran, Islamic Republic of" also "Iran" (and the reordered form)."""
        self.add(name, code)
        if name and name.count(",") == 1:
            head, tail = (part.strip() for part in name.split(","))
            if reordered:
                self.add(f"{tail} {head}", code)  # "Korea, Republic of": "Republic of Korea"
            if is_designation(tail) and name_key(head) not in _DIVIDED:
                self.add(head, code)

    def refuse(self, name: str, refusal: Refusal) -> None:
        self.refusals[name_key(name)] = refusal

    def answers(self) -> tuple[dict[str, str], dict[str, Refusal]]:
        lookup: dict[str, str] = {}
        refusals = dict(self.refusals)
        for key, candidates in self.found.items():
            if key in refusals:
                continue
            if len(candidates) == 1:
                lookup[key] = next(iter(candidates))
            else:
                refusals[key] = Refusal("ambiguous", tuple(sorted(candidates)))
        return lookup, refusals


def _add_iso(collector: _Collector, countries: list[Any]) -> None:
    for country in countries:
        for attr in ("alpha_2", "alpha_3", "name", "official_name", "common_name"):
            collector.add_with_short_form(getattr(country, attr, None), country.alpha_2, reordered=True)


def _add_state_lists(collector: _Collector) -> None:
    # Letters and names only where the ISO code names the state throughout:
    # COW's "Yugoslavia" is not Serbia.
    for row in periods():
        if row.iso2c is not None and row.iso2c_from is None:
            collector.add(row.letters, row.iso2c)
            collector.add(row.name, row.iso2c)


def _add_curated(collector: _Collector) -> None:
    import csv
    from importlib import resources

    text = (resources.files("scocoop") / "data" / "country-names.csv").read_text(encoding="utf-8")
    for entry in csv.DictReader(text.splitlines()):
        codes = tuple(entry["codes"].split())
        if entry["kind"] in _REFUSING_KINDS:
            collector.refuse(entry["name"], Refusal(entry["kind"], codes))
        else:
            (code,) = codes
            collector.add(entry["name"], code)


def _add_translations(collector: _Collector, countries: list[Any], locales_dir: str) -> None:
    import gettext

    for locale in (*_EVERY_COUNTRY_LOCALES, *_REGION_LOCALES):
        catalogue = gettext.translation("iso3166-1", locales_dir, languages=[locale], fallback=True)
        every = locale in _EVERY_COUNTRY_LOCALES
        for country in countries:
            code = country.alpha_2
            if not (every or code in _REGION) or (locale, code) in _WRONG_TRANSLATIONS:
                continue
            for attr in ("name", "common_name"):
                value = getattr(country, attr, None)
                translated = catalogue.gettext(value) if value else None
                if translated and translated != value:
                    collector.add_with_short_form(translated, code)


def _add_former(collector: _Collector, historic: list[Any]) -> None:
    """ISO 3166-3's former countries, where no other table reads the name."""
    for country in historic:
        for attr in ("name", "alpha_2", "alpha_3", "alpha_4"):
            value = getattr(country, attr, None)
            if value and name_key(value) not in collector.found and name_key(value) not in collector.refusals:
                collector.refuse(value, Refusal("former", ()))


@once
def name_tables() -> Tables:
    import pycountry

    countries = list(pycountry.countries)
    collector = _Collector()
    _add_iso(collector, countries)
    _add_state_lists(collector)
    _add_curated(collector)
    _add_translations(collector, countries, pycountry.LOCALES_DIR)
    _add_former(collector, list(pycountry.historic_countries))
    lookup, refusals = collector.answers()
    return Tables(
        lookup=lookup,
        refusals=refusals,
        names={c.alpha_2: getattr(c, "common_name", None) or c.name for c in countries},
        alpha3={c.alpha_3: c.alpha_2 for c in countries},
        numeric={c.numeric: c.alpha_2 for c in countries},
        codes={c.alpha_2: (c.alpha_3, c.numeric) for c in countries},
    )
