"""DataFrames, networks and the timeline, and what happens when their extra is missing."""

from __future__ import annotations

import datetime as dt
import itertools
import sys
from collections import Counter
from pathlib import Path

import matplotlib as mpl

mpl.use("Agg")

import matplotlib.pyplot as plt
import networkx as nx
import numpy as np
import pandas as pd
import pytest
from hypothesis import given

import scocoop
from scocoop import Dataset, MissingExtraError, meeting_order
from scocoop._views.tables import TABLES, rows
from strategies import datasets


@pytest.fixture(scope="module")
def bundled() -> Dataset:
    return scocoop.load()


# pandas


def test_one_frame_per_table_with_every_row(bundled: Dataset) -> None:
    frames = bundled.to_pandas()
    assert [t.name for t in TABLES] == list(frames)
    for table in TABLES:
        assert len(list(rows(bundled, table.name))) == len(frames[table.name]), table.name


def test_dates_are_datetimes_with_their_precision_and_statement(bundled: Dataset) -> None:
    meetings = bundled.to_pandas()["meetings"].set_index("id")
    assert pd.api.types.is_datetime64_any_dtype(meetings["date"])
    row = meetings.loc["sco-rats-council-39"]
    assert pd.Timestamp("2023-03-01") == row["date"]
    assert pd.Timestamp("2023-03-31") == row["date_latest"]
    assert "month" == row["date_precision"]
    assert "2023-03?" == row["date_edtf"]
    undated = meetings.loc["cis-interior-ministers-first-almaty"]
    assert pd.isna(undated["date"])
    assert pd.isna(undated["date_latest"])
    assert pd.isna(undated["date_precision"])
    assert pd.isna(undated["date_edtf"])


def test_link_tables_join_back_to_their_records(bundled: Dataset) -> None:
    frames = bundled.to_pandas()
    participants = frames["participants"].merge(frames["meetings"], left_on="meeting", right_on="id")
    assert len(frames["participants"]) == len(participants)
    kazakhstan = participants[participants["country_x"] == "KZ"]["meeting"].nunique()
    assert len(bundled.meetings_by_country("KZ")) == kazakhstan
    assert frames["participants"]["inferred"].dtype == "boolean"


@given(datasets())
def test_frames_hold_every_date_as_stated(dataset: Dataset) -> None:
    meetings = dataset.to_pandas()["meetings"]
    expected = [str(m.date) if m.date else None for m in dataset.meetings]
    assert expected == [None if pd.isna(v) else v for v in meetings["date_edtf"]]


# networkx


def test_country_network_weights_count_shared_meetings(bundled: Dataset) -> None:
    graph = bundled.to_networkx()
    shared: Counter[tuple[str, str]] = Counter()
    for meeting in bundled.meetings:
        shared.update(itertools.combinations(meeting.countries, 2))
    assert set(shared) == {tuple(sorted(edge)) for edge in graph.edges}
    for (a, b), count in shared.items():
        assert count == graph.edges[a, b]["weight"]
        ids = graph.edges[a, b]["meetings"].split()
        assert count == len(ids)
        assert sorted(ids, key=lambda i: meeting_order(bundled.meeting(i))) == list(ids)
    assert "Kazakhstan" == graph.nodes["KZ"]["name"]
    assert len(bundled.meetings_by_country("KZ")) == graph.nodes["KZ"]["meetings"]


def test_country_network_can_leave_out_inferred_participants(bundled: Dataset) -> None:
    named = bundled.to_networkx(inferred=False)
    shared: Counter[tuple[str, str]] = Counter()
    for meeting in bundled.meetings:
        countries = sorted({p.country for p in meeting.participants if p.country and not p.inferred})
        shared.update(itertools.combinations(countries, 2))
    edges: list[tuple[str, str, int]] = list(named.edges(data="weight"))
    weights = {tuple(sorted((a, b))): w for a, b, w in edges}
    assert shared == Counter(weights)
    assert named.edges["KZ", "UZ"]["weight"] < bundled.to_networkx().edges["KZ", "UZ"]["weight"]
    assert named.graph["inferred"] is False


def test_official_network_links_officials_at_one_meeting(bundled: Dataset) -> None:
    graph = bundled.to_networkx(of="officials")
    attended = {p.official for m in bundled.meetings for p in m.participants if p.official}
    assert attended == set(graph.nodes)
    edges: list[tuple[str, str, str]] = list(graph.edges(data="meetings"))
    for a, b, ids in edges:
        for meeting_id in ids.split():
            present = {p.official for p in bundled.meeting(meeting_id).participants}
            assert {a, b} <= present
    assert isinstance(graph, nx.Graph)


def test_the_membership_network_joins_states_to_organizations_in_the_period(
    bundled: Dataset, tmp_path: Path
) -> None:
    graph = bundled.to_networkx(of="memberships", start="2020-01-01", end="2020-12-31")
    sco = bundled.organization("sco")
    in_2020 = {m.country for m in sco.memberships if m.in_effect(dt.date(2020, 1, 1), dt.date(2020, 12, 31))}
    assert in_2020 == set(graph["sco"])
    assert graph.nodes["sco"]["bipartite"] == 1
    assert graph.nodes["KZ"]["bipartite"] == 0
    assert graph["IR"]["sco"]["statuses"] == "observer"
    whole = bundled.to_networkx(of="memberships", organization="SCO")
    assert whole["IR"]["sco"]["statuses"] == "observer; member"
    assert whole["IR"]["sco"]["periods"] == "2005?/2023-07-04; 2023-07-04/.."
    only = bundled.to_networkx(of="memberships", organization="CSTO")
    assert {n for n in only if only.nodes[n]["bipartite"] == 1} == {"csto"}
    nx.write_graphml(graph, tmp_path / "memberships.graphml")
    assert set(nx.read_graphml(tmp_path / "memberships.graphml")) == set(graph)


def test_an_unknown_network_is_refused(bundled: Dataset) -> None:
    with pytest.raises(ValueError, match="officials"):
        bundled.to_networkx(of="cities")  # type: ignore[arg-type]


# matplotlib


def test_timeline_draws_one_row_per_body_and_a_dot_per_dated_meeting(bundled: Dataset) -> None:
    figure, ax = plt.subplots()
    try:
        assert ax is bundled.plot_timeline(ax=ax)
        labels = [t.get_text() for t in ax.get_yticklabels()]
        bodies = {m.organization for m in bundled.meetings if m.date is not None and m.organization}
        assert sorted(bodies) == sorted(labels)
        assert (
            labels.index("sco-prosecutors-general")
            < labels.index("cis-cmia")
            < labels.index("csto-drugs-council")
        )
        dated = [m for m in bundled.meetings if m.date is not None and m.organization]
        markers = [line for line in ax.get_lines() if line.get_marker() == "o"]
        assert len(dated) == len(markers)
        legend_box = ax.get_legend()
        assert legend_box is not None
        legend = [t.get_text() for t in legend_box.get_texts()]
        assert legend[:3] == ["SCO", "CIS", "CSTO"]
        assert f"({len(bundled.meetings) - len(dated)} undated" in ax.get_title()
    finally:
        plt.close(figure)


def test_attendance_counts_what_the_panel_counts_and_leaves_what_it_cannot_judge_blank(
    bundled: Dataset,
) -> None:
    ax = scocoop.plot_attendance(bundled, "csto")
    try:
        panel = scocoop.country_year(bundled)
        image = ax.get_images()[0].get_array()
        assert image is not None
        blank = np.ma.getmaskarray(image)
        states = [t.get_text() for t in ax.get_yticklabels()]
        years = [int(t.get_text()) for t in ax.get_xticklabels()]
        for i, state in enumerate(states):
            for j, year in enumerate(years):
                row = panel[(panel["iso2c"] == state) & (panel["year"] == year)].iloc[0]
                if pd.isna(row["csto_attended"]):
                    assert blank[i, j]
                else:
                    assert image[i, j] == row["csto_attended"]
        crosses = sum(1 for t in ax.texts if t.get_text() == "\N{MULTIPLICATION SIGN}")
        assert crosses == sum(
            1
            for _, r in panel.iterrows()
            if r["iso2c"] in states and r["year"] in years and r["csto_absent"] > 0
        )
        assert crosses > 0
    finally:
        plt.close("all")


def test_attendance_refuses_an_organization_without_a_panel(bundled: Dataset) -> None:
    with pytest.raises(ValueError, match="sco, cis, csto"):
        scocoop.plot_attendance(bundled, "interpol")


def test_timeline_makes_its_own_figure(bundled: Dataset) -> None:
    ax = bundled.plot_timeline()
    assert ax.figure is not None
    plt.close("all")


# Missing extras


@pytest.mark.parametrize(
    ("module", "extra", "call"),
    [
        ("pandas", "pandas", lambda ds: ds.to_pandas()),
        ("networkx", "graph", lambda ds: ds.to_networkx()),
        ("matplotlib", "plot", lambda ds: ds.plot_timeline()),
    ],
)
def test_a_missing_extra_is_named_in_the_error(
    bundled: Dataset, monkeypatch: pytest.MonkeyPatch, module: str, extra: str, call: object
) -> None:
    monkeypatch.setitem(sys.modules, module, None)
    with pytest.raises(MissingExtraError, match=rf"pip install 'scocoop\[{extra}\]'") as caught:
        call(bundled)  # type: ignore[operator]
    assert isinstance(caught.value, ImportError)
    assert module == caught.value.name


def test_importing_and_querying_load_no_extra() -> None:
    import subprocess

    code = (
        "import sys, scocoop; scocoop.load().meetings_by_country('KZ');"
        "heavy = ('pandas', 'numpy', 'networkx', 'matplotlib', 'pyarrow');"
        "print(sorted(m for m in heavy if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "[]" == result.stdout.strip()


def test_an_answer_becomes_one_frame_with_its_tables_columns(bundled: Dataset) -> None:
    found = bundled.meetings_by_country("KZ")
    frame = found.to_pandas()
    assert list(bundled.to_pandas()["meetings"].columns) == list(frame.columns)
    assert [m.id for m in found] == list(frame["id"])
    members = bundled.members_of("SCO", on="2020-01-01").to_pandas()
    assert ["country", "name"] == list(members.columns)
    assert "Kazakhstan" in set(members["name"])
    assert 0 == len(scocoop.Results().to_pandas())
    with pytest.raises(TypeError, match="one kind of record"):
        scocoop.Results([bundled.meetings[0], bundled.officials[0]]).to_pandas()


def test_a_network_can_be_written_to_graphml_and_gexf_as_it_is(bundled: Dataset, tmp_path: Path) -> None:
    graph = scocoop.to_networkx(bundled)
    nx.write_graphml(graph, tmp_path / "g.graphml")
    nx.write_gexf(graph, tmp_path / "g.gexf")
    back = nx.read_graphml(tmp_path / "g.graphml")
    assert graph.edges["CN", "KZ"]["meetings"] == back.edges["CN", "KZ"]["meetings"]


def test_a_network_is_limited_to_an_organization_and_a_period(bundled: Dataset) -> None:
    rats = scocoop.to_networkx(bundled, organization="RATS", start=2015, end=2019)
    ids = {i for _, _, data in rats.edges(data=True) for i in data["meetings"].split()}
    assert ids
    assert all(bundled.meeting(i).organization == "sco-rats-council" for i in ids)
    assert all(bundled.meeting(i).date.earliest.year in range(2015, 2020) for i in ids)  # type: ignore[union-attr]
    assert "AM" not in rats


def test_a_states_events_become_a_frame_with_the_event_tables_columns(bundled: Dataset) -> None:
    steps = bundled.events_of("sco-convention-against-terrorism-2009", "KZ")
    frame = steps.to_pandas()
    assert len(steps) == len(frame)
    assert "instrument" not in frame.columns
    assert list(frame["kind"]) == [e.kind.value for e in steps]
    assert frame["date"].is_monotonic_increasing
    assert str(frame["inferred"].dtype) == "boolean"
