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
