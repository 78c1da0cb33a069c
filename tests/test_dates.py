from __future__ import annotations

import datetime
import re

import pytest
from hypothesis import given

from scocoop import InvalidDateError, PartialDate, Precision, to_partial_date
from scocoop._core.dates import EDTF_FORM
from strategies import partial_dates


@pytest.mark.parametrize(
    ("text", "precision", "uncertain", "approximate"),
    [
        ("2016", Precision.YEAR, False, False),
        ("2016-11", Precision.MONTH, False, False),
        ("2016-11-30", Precision.DAY, False, False),
        ("2013-09-10?", Precision.DAY, True, False),
        ("2019-08~", Precision.MONTH, False, True),
        ("2004%", Precision.YEAR, True, True),
    ],
)
def test_parse_reads_each_edtf_level_1_form(
    text: str, precision: Precision, uncertain: bool, approximate: bool
) -> None:
    date = PartialDate.parse(text)
    assert (precision, uncertain, approximate) == (date.precision, date.uncertain, date.approximate)
    assert text == str(date)


@given(partial_dates(min_year=1, max_year=9999))
def test_str_and_parse_round_trip(date: PartialDate) -> None:
    assert date == PartialDate.parse(str(date))


@pytest.mark.parametrize(
    "text",
    [
        "2023-02-30",
        "2016-13",
        "2016-00",
        "16",
        "2016-1-5",
        "2016-11-30??",
        "",
        " 2016",
        "2016-11-30T10:00",
        "0000",
    ],
)
def test_parse_rejects_malformed_or_impossible_dates(text: str) -> None:
    with pytest.raises(InvalidDateError):
        PartialDate.parse(text)


def test_a_day_needs_a_month() -> None:
    with pytest.raises(InvalidDateError, match="needs a month"):
        PartialDate(year=2016, day=3)


def test_earliest_and_latest_span_what_the_date_can_mean() -> None:
    assert (datetime.date(2016, 1, 1), datetime.date(2016, 12, 31)) == (
        PartialDate(year=2016).earliest,
        PartialDate(year=2016).latest,
    )
    feb = PartialDate(year=2016, month=2)
    assert datetime.date(2016, 2, 29) == feb.latest


def test_sorting_puts_coarser_dates_first_and_orders_by_time() -> None:
    texts = ["2016-11-30", "2016", "2015-12~", "2016-11", "2016-11-30?"]
    ordered = [str(d) for d in sorted(PartialDate.parse(t) for t in texts)]
    assert ["2015-12~", "2016", "2016-11", "2016-11-30", "2016-11-30?"] == ordered


def test_equality_keeps_uncertainty_distinct() -> None:
    assert PartialDate.parse("2016-11") != PartialDate.parse("2016-11?")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("30 November 2016", "2016-11-30"),
        ("November 2016", "2016-11"),
        ("Sep. 2013", "2013-09"),
        ("2016", "2016"),
        ("2013-09-10?", "2013-09-10?"),
        (datetime.date(2020, 2, 29), "2020-02-29"),
        (datetime.datetime(2020, 2, 29, 12, 0), "2020-02-29"),
        (PartialDate(year=1999), "1999"),
    ],
)
def test_to_partial_date_keeps_only_what_the_input_states(value: object, expected: str) -> None:
    assert expected == str(to_partial_date(value))  # type: ignore[arg-type]


@pytest.mark.parametrize("value", ["30 November", "not a date", "", None, 0, 10000, True, 3.5])
def test_to_partial_date_rejects_what_has_no_year_or_is_no_date(value: object) -> None:
    with pytest.raises(InvalidDateError):
        to_partial_date(value)  # type: ignore[arg-type]


@given(partial_dates(min_year=1, max_year=9999))
def test_the_schema_form_admits_every_written_date(date: PartialDate) -> None:
    assert re.fullmatch(EDTF_FORM, str(date))


@pytest.mark.parametrize("text", ["2019-13", "2019-00", "2019-01-32", "2019-01-00", "19-01", "2019/01"])
def test_the_schema_form_refuses_impossible_months_and_days(text: str) -> None:
    assert re.fullmatch(EDTF_FORM, text) is None
    with pytest.raises(InvalidDateError):
        PartialDate.parse(text)


def test_a_year_as_an_integer_is_a_year() -> None:
    assert "2016" == str(to_partial_date(2016))


@pytest.mark.parametrize(
    ("value", "says"),
    [
        ("01/09/2018", "day first or month first"),
        ("1.9.2018", "day first or month first"),
        ("09-01-2018", "day first or month first"),
        ("01/09/18", "two digits"),
        ("2018-09-01/2018-09-30", "interval"),
        ("2018" * 30, "at most 100 characters"),
    ],
)
def test_a_date_that_could_be_misread_is_refused_with_how_to_write_it(value: str, says: str) -> None:
    with pytest.raises(InvalidDateError, match=says):
        to_partial_date(value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("25/12/2018", "2018-12-25"),
        ("12/25/2018", "2018-12-25"),
        ("05.05.2018", "2018-05-05"),
        ("2018/09/01", "2018-09-01"),
    ],
)
def test_a_numeric_date_whose_order_is_plain_is_read(value: str, expected: str) -> None:
    assert expected == str(to_partial_date(value))
