from __future__ import annotations

import datetime

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import scocoop
from sample import CITE, P, sample_dataset
from scocoop import Meeting, PartialDate, Place, Results
from scocoop._core.render import text_table
from scocoop._dataset.display import summary
from scocoop._dataset.results import MAX_ROWS
from scocoop._model.records import COLLECTIONS


class Printer:
    """The part of IPython's pretty printer that ``_repr_pretty_`` uses."""

    def __init__(self) -> None:
        self.output = ""

    def text(self, text: str) -> None:
        self.output += text


def meeting(number: int, name: str = "A meeting") -> Meeting:
    return Meeting(
        id=f"m-{number}",
        name=name,
        date=PartialDate.from_date(datetime.date(2020, 1, 1) + datetime.timedelta(days=number)),
        place=Place(city="Astana", country="KZ"),
        sources=CITE,
    )


def test_query_results_are_the_tuples_they_were() -> None:
    found = sample_dataset().meetings_by_country("KZ")
    assert isinstance(found, Results)
    assert tuple(found) == found
    assert found[1:] == tuple(found)[1:]


def test_html_escapes_every_value() -> None:
    found = Results([meeting(1, name="<script>alert('x')</script> & co")])
    shown = found._repr_html_()
    assert "<script>" not in shown
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; co" in shown
    assert "<caption>1 result</caption>" in shown


def test_long_results_are_cut_and_counted() -> None:
    found = Results([meeting(n) for n in range(MAX_ROWS + 7)])
    shown = found._repr_html_()
    assert shown.count("<tr><td>m-") == MAX_ROWS
    assert "… 7 more" in shown
    printer = Printer()
    found._repr_pretty_(printer, cycle=False)
    lines = printer.output.splitlines()
    assert f"{MAX_ROWS + 7} results" == lines[0]
    assert "… 7 more" == lines[-1]
    assert len(lines) == MAX_ROWS + 4  # caption, header, rule, rows, count of the rest


def test_country_codes_are_shown_with_their_names() -> None:
    printer = Printer()
    scocoop.members_of("SCO", on="2001-06-15")._repr_pretty_(printer, cycle=False)
    assert "KZ       Kazakhstan" in printer.output


def test_empty_results_show_a_count_only() -> None:
    assert "<caption>0 results</caption>" in Results()._repr_html_()


def test_dataset_shows_its_collections() -> None:
    ds = sample_dataset()
    shown = ds._repr_html_()
    assert "data version test" in shown
    assert f"<td>meetings</td><td>{len(ds.meetings)}</td>" in shown
    printer = Printer()
    ds._repr_pretty_(printer, cycle=False)
    assert repr(ds) == printer.output


def test_record_repr_counts_citations_instead_of_quoting_them() -> None:
    text = repr(meeting(1))
    assert "sources=<1 citation>" in text
    assert "They met." not in text
    assert "date=PartialDate.parse('2020-01-02')" in text


@pytest.mark.parametrize("text", ["2016", "2016-11", "2013-09-10?", "2019-08~", "2004%"])
def test_partial_date_repr_evaluates_to_an_equal_date(text: str) -> None:
    date = P(text)
    assert date == eval(repr(date), {"PartialDate": PartialDate})  # noqa: S307


def test_public_objects_name_the_public_module() -> None:
    assert "scocoop" == scocoop.DataError.__module__
    assert "scocoop" == scocoop.load.__module__
    assert "scocoop.Meeting" in repr(scocoop.Meeting)


@given(st.integers(min_value=10, max_value=200))
def test_a_table_fits_the_width_by_cutting_its_widest_column(width: int) -> None:
    rows = [summary(m) for m in scocoop.load().meetings[:30]]
    # Columns keep their heading or eight characters, dates their whole width.
    narrowest = 8 + 11 + 8 + 9 + 8 + 2 * 4
    lines = text_table(rows, width).splitlines()
    assert all(len(line) <= max(width, narrowest) for line in lines)
    assert all(r["date"] in text_table(rows, width) for r in rows)  # dates are never cut


def pretty(value: object) -> str:
    printer = Printer()
    value._repr_pretty_(printer, cycle=False)  # type: ignore[attr-defined]
    return printer.output


def test_a_record_shows_one_line_per_field_it_gives() -> None:
    record = meeting(1, name="A meeting & <b>more</b>")
    lines = pretty(record).splitlines()
    assert lines[0] == "Meeting m-1"
    assert "  name: A meeting & <b>more</b>" in lines
    assert "  date: 2020-01-02" in lines
    assert "  place: Astana; KZ" in lines
    assert not any(line.startswith("  end_date") for line in lines)  # not given: not shown
    shown = record._repr_html_()
    assert "<caption>Meeting m-1</caption>" in shown
    assert "A meeting &amp; &lt;b&gt;more&lt;/b&gt;" in shown
    assert "<b>" not in shown


def test_a_record_display_cuts_long_text_and_counts_long_lists() -> None:
    codes = (
        "KZ",
        "KG",
        "TJ",
        "UZ",
        "RU",
        "CN",
        "IN",
        "PK",
        "IR",
        "BY",
        "MN",
        "AF",
        "AM",
        "AZ",
        "GE",
        "MD",
        "TM",
        "UA",
    )
    participants = tuple(scocoop.Participant(country=code) for code in codes)
    record = attrs.evolve(meeting(1), note=" ".join(["word"] * 200), participants=participants)
    text = pretty(record)
    note = next(line for line in text.splitlines() if line.startswith("  note: "))
    assert note.endswith("…")
    assert len(note) < 200
    assert "  participants (18):" in text
    assert "    - … 6 more" in text


def test_every_kind_of_record_displays_itself() -> None:
    dataset = scocoop.load()
    for name in COLLECTIONS:
        record = getattr(dataset, name)[0]
        assert pretty(record).startswith(f"{type(record).__name__} {record.id}\n")
        assert record._repr_html_().startswith(f"<table><caption>{type(record).__name__} {record.id}")


def test_answers_about_the_data_show_as_tables() -> None:
    dataset = scocoop.load()
    reports = scocoop.coverage(dataset)
    text = pretty(reports)
    assert text.splitlines()[0] == f"{len(reports)} results"
    assert "sco-prosecutors-general" in text
    assert len(text.splitlines()) == min(len(reports), MAX_ROWS) + 3 + (len(reports) > MAX_ROWS)
    meeting_id = dataset.meetings[0].id
    citations = dataset.citations(meeting_id)
    shown = citations._repr_html_()
    for _, source in citations:
        assert f"<td>{source.id}</td>" in shown
    vocabulary = scocoop.topics()
    assert pretty(vocabulary).splitlines()[0] == f"{len(vocabulary)} topics"
    assert vocabulary._repr_html_().count("<tr><td>") == len(vocabulary)
