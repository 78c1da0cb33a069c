from __future__ import annotations

import pytest

from scocoop import UnknownCountryError, country_name, to_country_code


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("KZ", "KZ"),
        ("kaz", "KZ"),
        ("Kazakhstan", "KZ"),
        ("Kazakh", "KZ"),
        ("  republic of KAZAKHSTAN ", "KZ"),
        ("PRC", "CN"),
        ("China", "CN"),
        ("Russian Federation", "RU"),
        ("Russia", "RU"),
        ("Kyrgyz Republic", "KG"),
        ("Kirghizia", "KG"),
        ("Tajik", "TJ"),
        ("Iran", "IR"),
        ("Türkiye", "TR"),
        ("Turkey", "TR"),
    ],
)
def test_codes_names_aliases_and_demonyms_resolve(value: str, code: str) -> None:
    assert code == to_country_code(value)


def test_unknown_country_suggests_close_names() -> None:
    with pytest.raises(UnknownCountryError) as info:
        to_country_code("Kazakstn")
    assert "Kazakhstan (KZ)" in str(info.value)
    assert isinstance(info.value, LookupError)
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize("value", ["", "XX", "Atlantis", None, 7])
def test_anything_else_is_an_unknown_country(value: object) -> None:
    with pytest.raises(UnknownCountryError):
        to_country_code(value)


def test_country_name_of_a_code() -> None:
    assert "Kazakhstan" == country_name("KZ")
    with pytest.raises(UnknownCountryError):
        country_name("XX")


def test_names_in_decomposed_unicode_are_found() -> None:
    import unicodedata

    assert "TR" == to_country_code(unicodedata.normalize("NFD", "Türkiye"))
    assert "CI" == to_country_code(unicodedata.normalize("NFD", "Côte d'Ivoire"))


# Crosswalks, refusals, bulk resolution ------------------------------------

import csv  # noqa: E402
import datetime as dt  # noqa: E402
import itertools  # noqa: E402
import warnings  # noqa: E402
from importlib import resources  # noqa: E402

from scocoop import (  # noqa: E402
    AmbiguousCountryError,
    CountryResolutionError,
    CountryResolutionWarning,
    country_codes,
    to_country_codes,
)
from scocoop._countries.systems import periods  # noqa: E402


def _rows(name: str) -> list[dict[str, str]]:
    text = (resources.files("scocoop") / "data" / name).read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines()))


def test_every_iso_country_resolves_from_its_own_codes_and_names() -> None:
    import pycountry

    for country in pycountry.countries:
        for attr in ("alpha_2", "alpha_3", "name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value is None:
                continue
            if (attr == "alpha_3" and value in ("AUS", "MAC", "MNG", "SLV", "SWZ")) or value == "Congo":
                # Another scheme's letters ("AUS": COW's Austria), or ISO's own
                # short name of one of two ("Congo"): refused, never wrong.
                with pytest.raises(AmbiguousCountryError, match=f"\\({country.alpha_2}\\)"):
                    to_country_code(value)
            else:
                assert country.alpha_2 == to_country_code(value), (attr, value)
        assert country.alpha_3 == to_country_code(country.alpha_2, "iso3c")
        assert country.numeric == to_country_code(country.alpha_2, "iso3n")
        assert country.alpha_2 == to_country_code(country.numeric, origin="iso3n")


def test_every_curated_name_gives_its_code_or_its_refusal() -> None:
    for row in _rows("country-names.csv"):
        if row["kind"] in ("ambiguous", "former", "no-code"):
            with pytest.raises(UnknownCountryError):
                to_country_code(row["name"])
        else:
            assert row["codes"] == to_country_code(row["name"]), row


def test_a_wrong_translation_in_pycountry_is_left_out() -> None:
    # The Tajik catalogue gives Sri Lanka the name of Liechtenstein.
    with pytest.raises(UnknownCountryError):
        to_country_code("Князигарии Лихтенштейн")
    assert "LK" == to_country_code("Шри-Ланка")


def test_the_state_lists_are_consistent() -> None:
    rows = periods()
    assert {"cow", "gw"} == {row.system for row in rows}
    by_number: dict[tuple[str, int], list[object]] = {}
    for row in rows:
        assert row.end is None or row.start <= row.end
        assert row.iso2c is None or is_assigned(row.iso2c)
        assert row.iso2c_from is None or (row.iso2c is not None and row.start < row.iso2c_from)
        by_number.setdefault((row.system, row.number), []).append(row)
    for spans in by_number.values():
        ordered = sorted(spans, key=lambda r: r.start)  # type: ignore[attr-defined]
        for before, after in itertools.pairwise(ordered):
            assert before.end is not None  # type: ignore[attr-defined]
            assert before.end < after.start  # type: ignore[attr-defined]
    # One number of each list names a country today.
    for system in ("cow", "gw"):
        today = [row.iso2c for row in rows if row.system == system and row.end is None and row.iso2c]
        assert len(today) == len(set(today))


def is_assigned(code: str) -> bool:
    from scocoop._countries.codes import alpha2_codes

    return code in alpha2_codes()


@pytest.mark.parametrize(
    ("code", "scheme", "on", "expected"),
    [
        ("KZ", "cown", None, 705),
        ("KZ", "cowc", None, "KZK"),
        ("KG", "gwn", None, 703),
        ("TJ", "gwc", "2001-06-15", "TAJ"),
        ("DE", "cown", "1980-01-01", 260),
        ("DE", "cown", "2000-01-01", 255),
        ("DE", "gwn", "2000-01-01", 260),
        ("RS", "cown", "2010-01-01", 345),
        ("RS", "gwn", "2010-01-01", 340),
        ("RO", "gwc", None, "RUM"),
        ("RO", "cowc", None, "ROM"),
        ("YE", "gwn", dt.date(2000, 1, 1), 678),
        ("YE", "cown", dt.date(2000, 1, 1), 679),
        ("RU", "cown", "1992-01-01", 365),
    ],
)
def test_iso_to_state_list_codes(code: str, scheme: str, on: str | None, expected: object) -> None:
    assert expected == to_country_code(code, scheme, on=on)  # type: ignore[call-overload]


@pytest.mark.parametrize(
    ("code", "scheme", "on", "words"),
    [
        ("KZ", "cown", "1980-01-01", "705 1991-12-26"),  # before the state existed
        ("RU", "cown", "1980-01-01", "365 1991-12-26"),  # the Soviet Union then
        ("CN", "gwn", "1930-01-01", "710 1949-10-01"),  # the Republic of China then
        ("LI", "gwn", None, "not in the list"),  # GW's microstates are not included
        ("XK", "cown", None, "unknown country"),
    ],
)
def test_a_state_list_code_outside_its_dates_is_an_error(
    code: str, scheme: str, on: str | None, words: str
) -> None:
    with pytest.raises(UnknownCountryError, match=words):
        to_country_code(code, scheme, on=on)  # type: ignore[call-overload]


@pytest.mark.parametrize(
    ("value", "origin", "on", "expected"),
    [
        (705, "cown", None, "KZ"),
        ("705", "cown", None, "KZ"),
        (705, "iso3n", None, "SI"),
        ("KZK", "cowc", None, "KZ"),
        ("SER", "gwc", None, "RS"),
        ("AUS", "cowc", None, "AT"),
        ("AUS", "iso3c", None, "AU"),
        (345, "cown", "2010-01-01", "RS"),
        (260, "cown", "1980-01-01", "DE"),
        (365, "cown", None, "RU"),
        ("kz", "iso2c", None, "KZ"),
    ],
)
def test_codes_of_a_named_scheme(value: object, origin: str, on: str | None, expected: str) -> None:
    assert expected == to_country_code(value, origin=origin, on=on)  # type: ignore[call-overload]


@pytest.mark.parametrize(
    ("value", "origin", "on", "words"),
    [
        (265, "cown", None, "German Democratic Republic"),
        (345, "cown", "1999-01-01", "only from 2006-06-05"),
        (365, "cown", "1980-01-01", "only from 1991-12-26"),
        (705, "cown", "1990-01-01", "not a state in the list on 1990-01-01"),
        ("CZE", "cowc", None, "Czechoslovakia"),
        ("KZ", "iso3c", None, "no iso3c code"),
        (999, "cown", None, "unknown country"),
    ],
)
def test_former_states_and_dates_outside_a_code_are_refused(
    value: object, origin: str, on: str | None, words: str
) -> None:
    with pytest.raises(UnknownCountryError, match=words):
        to_country_code(value, origin=origin, on=on)  # type: ignore[call-overload]


def test_a_number_that_schemes_read_differently_is_refused_with_each_reading() -> None:
    with pytest.raises(UnknownCountryError) as info:
        to_country_code("705")
    assert "Slovenia (SI)" in str(info.value)
    assert "Kazakhstan (KZ)" in str(info.value)
    assert "origin=" in str(info.value)
    # A zero-padded number is ISO's: COW and GW do not pad.
    assert "AM" == to_country_code("051")


def test_a_name_of_several_countries_lists_them() -> None:
    with pytest.raises(AmbiguousCountryError) as info:
        to_country_code("Korea")
    assert ("South Korea (KR)", "North Korea (KP)") == info.value.candidates
    with pytest.raises(AmbiguousCountryError) as congo:
        to_country_code("Congo")
    assert {"Congo (CG)", "Congo, The Democratic Republic of the (CD)"} == set(congo.value.candidates)
    with pytest.raises(AmbiguousCountryError, match="North Macedonia"):
        to_country_code("Macedonia")
    with pytest.raises(AmbiguousCountryError, match="Austria"):
        to_country_code("AUS")  # ISO's Australia, COW's Austria


def test_a_designation_that_changes_the_country_is_kept() -> None:
    assert "TW" == to_country_code("China, Republic of")
    assert "CN" == to_country_code("China, People's Republic of")
    assert "KP" == to_country_code("Korea, Dem. People's Rep.")
    with pytest.raises(UnknownCountryError):
        to_country_code("Germany, Democratic Republic")


def test_suggestions_favour_the_country_named_not_its_form_of_government() -> None:
    with pytest.raises(UnknownCountryError) as info:
        to_country_code("Kazakstn, Republic of")
    assert ("Kazakhstan (KZ)",) == info.value.suggestions
    with pytest.raises(UnknownCountryError) as tajik:
        to_country_code("Tadjikstan")
    assert "Tajikistan (TJ)" == tajik.value.suggestions[0]


def test_former_states_are_refused_with_the_reason() -> None:
    for value in ("USSR", "Soviet Union", "СССР", "Yugoslavia", "Czechoslovakia", "East Germany", "SU"):
        with pytest.raises(UnknownCountryError, match="former state"):
            to_country_code(value)
    with pytest.raises(UnknownCountryError, match="no ISO 3166-1 code"):
        to_country_code("Kosovo")


def test_country_codes_gives_every_code_with_its_dates() -> None:
    codes = country_codes("Germany")
    assert ("DE", "DEU", "276", "Germany") == (codes.iso2c, codes.iso3c, codes.iso3n, codes.name)
    assert [(255, dt.date(1990, 10, 3), None), (260, dt.date(1955, 5, 5), dt.date(1990, 10, 2))] == [
        (c.number, c.start, c.end) for c in codes.cow
    ]
    assert [(260, "GFR", dt.date(1949, 9, 21))] == [(c.number, c.letters, c.start) for c in codes.gw]
    russia = country_codes(365, origin="cown")
    assert "RU" == russia.iso2c
    assert dt.date(1991, 12, 26) == russia.cow[0].iso2c_from
    assert () == country_codes("Liechtenstein").gw


def test_bulk_resolution_reads_each_value_and_keeps_missing_values() -> None:
    values = ["Kazakhstan", "KGZ", None, float("nan"), "Tadzhikistan", "Kazakhstan"]
    assert ["KZ", "KG", None, None, "TJ", "KZ"] == to_country_codes(values)
    assert [705, None, 702] == to_country_codes(iter(["KZ", None, "TJ"]), "cown")


def test_bulk_resolution_reports_every_failure_at_once() -> None:
    values = ["Kazakhstan", "Kazakstn", "Korea", "Kazakstn", "USSR", 7.5]
    with pytest.raises(CountryResolutionError) as info:
        to_country_codes(values)
    error = info.value
    assert ["Kazakstn", "Korea", "USSR", 7.5] == [f.value for f in error.failures]
    assert (2, 1, 1, 1) == error.counts
    assert isinstance(error.failures[1], AmbiguousCountryError)
    message = str(error)
    assert "4 distinct value(s)" in message
    assert "(2 times)" in message
    assert "Kazakhstan (KZ)" in message


def test_coerce_leaves_failures_missing_and_warns_with_the_report() -> None:
    with pytest.warns(CountryResolutionWarning) as caught:
        codes = to_country_codes(["Uzbekistan", "Atlantis", "Korea"], "cowc", errors="coerce")
    assert ["UZB", None, None] == codes
    warning = caught[0].message
    assert isinstance(warning, CountryResolutionWarning)
    assert ["Atlantis", "Korea"] == [f.value for f in warning.failures]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert ["KZ"] == to_country_codes(["Kazakhstan"], errors="coerce")


def test_bulk_resolution_of_a_series_keeps_its_index_and_name() -> None:
    pd = pytest.importorskip("pandas")
    series = pd.Series(["Kazakhstan", None, "Kyrgyz Republic"], index=[10, 20, 30], name="country")
    codes = to_country_codes(series, "cown")
    assert [10, 20, 30] == list(codes.index)
    assert "country" == codes.name
    assert "Int64" == str(codes.dtype)
    assert [705, 703] == list(codes.dropna())
    assert ["KZ", None, "KG"] == list(to_country_codes(series))


def test_bad_arguments_are_errors() -> None:
    with pytest.raises(ValueError, match="scheme="):
        to_country_code("KZ", "iso9")  # type: ignore[call-overload]
    with pytest.raises(ValueError, match="origin="):
        to_country_code("KZ", origin="iso9")  # type: ignore[call-overload]
    with pytest.raises(ValueError, match="on="):
        to_country_code("KZ", "cown", on="yesterday")
    with pytest.raises(ValueError, match="errors="):
        to_country_codes(["KZ"], errors="ignore")  # type: ignore[call-overload]


def test_numbers_as_floats_and_numpy_integers_are_read() -> None:
    np = pytest.importorskip("numpy")
    assert "KZ" == to_country_code(705.0, origin="cown")
    assert "KZ" == to_country_code(np.int64(705), origin="cown")
    assert "KZ" == to_country_code(np.int64(398))
    with pytest.raises(UnknownCountryError):
        to_country_code(705.5, origin="cown")


def test_a_year_means_its_last_day_as_in_country_year_data() -> None:
    assert "RU" == to_country_code(365, origin="cown", on=1991)  # in from 26 December 1991
    assert 705 == to_country_code("KZ", "cown", on="1991")
    with pytest.raises(UnknownCountryError):
        to_country_code(365, origin="cown", on=1990)


def test_bulk_resolution_takes_one_day_per_value() -> None:
    codes = to_country_codes(
        [365, 365, 705, 260], origin="cown", on=[1995, 2010, None, 1980], errors="coerce"
    )
    assert ["RU", "RU", "KZ", "DE"] == codes
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame({"ccode": [260, 255, 365], "year": [1985, 1995, 1985]})
    with pytest.warns(CountryResolutionWarning) as caught:
        iso = to_country_codes(frame["ccode"], origin="cown", on=frame["year"], errors="coerce")
    assert ["DE", "DE", None] == list(iso)
    assert "only from 1991-12-26" in str(caught[0].message)
    with pytest.raises(ValueError, match="2 days for 3 values"):
        to_country_codes([1, 2, 3], on=[1990, 1991])
    with pytest.raises(TypeError, match="on="):
        to_country_codes([1], on=object())  # type: ignore[call-overload]
