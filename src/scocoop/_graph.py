"""Co-participation networks (extra ``graph``) and a timeline of meetings (extra ``plot``)."""

from __future__ import annotations

import datetime
import itertools
import textwrap
from collections import defaultdict
from typing import TYPE_CHECKING, Any, Literal

from scocoop._countries import country_name
from scocoop._dataset import meeting_order
from scocoop._extras import require

if TYPE_CHECKING:
    from scocoop._dataset import Dataset
    from scocoop._dates import PartialDate
    from scocoop._model import Meeting

__all__ = ["plot_timeline", "to_networkx"]


def _members(meeting: Meeting, of: Literal["countries", "officials"], inferred: bool) -> list[str]:
    taking_part = [p for p in meeting.participants if inferred or not p.inferred]
    if of == "countries":
        return sorted({p.country for p in taking_part if p.country})
    return sorted({p.official for p in taking_part if p.official})


def to_networkx(
    dataset: Dataset, of: Literal["countries", "officials"] = "countries", *, inferred: bool = True
) -> Any:
    """The co-participation network: who met whom, and at which meetings."""
    nx = require("networkx", extra="graph", feature="to_networkx()")
    if of not in ("countries", "officials"):
        raise ValueError(f"expected of='countries' or of='officials', got {of!r}")
    graph = nx.Graph(kind=of, inferred=inferred, data_version=dataset.data_version)
    shared: dict[tuple[str, str], list[str]] = defaultdict(list)
    meetings: dict[str, list[str]] = defaultdict(list)
    for meeting in sorted(dataset.meetings, key=meeting_order):
        members = _members(meeting, of, inferred)
        for member in members:
            meetings[member].append(meeting.id)
        for pair in itertools.combinations(members, 2):
            shared[pair].append(meeting.id)
    if of == "countries":
        for code, ids in sorted(meetings.items()):
            graph.add_node(code, name=country_name(code), meetings=len(ids))
    else:
        for official in dataset.officials:
            if official.id in meetings:
                graph.add_node(
                    official.id,
                    name=official.name,
                    country=official.country,
                    meetings=len(meetings[official.id]),
                )
    for (a, b), ids in sorted(shared.items()):
        graph.add_edge(a, b, weight=len(ids), meetings=tuple(ids))
    return graph


def _root(dataset: Dataset, organization: str | None) -> str:
    if organization is None:
        return "no organization\n(bilateral)"
    org = dataset.organization(organization)
    while org.parent is not None:
        org = dataset.organization(org.parent)
    if org.abbreviation:
        return org.abbreviation
    shortest = min((org.name, *org.aliases), key=len)
    return "\n".join(textwrap.wrap(shortest, 30, max_lines=3, placeholder=" …"))


def plot_timeline(dataset: Dataset, ax: Any = None) -> Any:
    """Draw the dated meetings over time, one row per organization; return the Axes.

    A meeting known to the day is a dot; one known only to the month or the
    year is a bar over the days it can mean; an uncertain or approximate date
    is drawn hollow.  Undated meetings are left out.
    """
    require("matplotlib", extra="plot", feature="plot_timeline()")
    import matplotlib.dates as mdates

    if ax is None:
        import matplotlib.pyplot as plt

        _, ax = plt.subplots(figsize=(9, 4.5), layout="constrained")
    rows: dict[str, list[tuple[PartialDate, Meeting]]] = defaultdict(list)
    for meeting in sorted(dataset.meetings, key=meeting_order):
        if meeting.date is not None:
            rows[_root(dataset, meeting.organization)].append((meeting.date, meeting))
    labels = sorted(rows)
    for y, label in enumerate(labels):
        for date, meeting in rows[label]:
            first = date.earliest
            last = (meeting.end_date or date).latest
            flagged = date.uncertain or date.approximate
            if last - first > datetime.timedelta(days=6):
                ax.plot([first, last], [y, y], linewidth=5, alpha=0.35 if flagged else 0.7, color="C0")
            middle = first + (last - first) / 2
            ax.plot(
                [middle],
                [y],
                marker="o",
                markersize=7,
                color="C0",
                markerfacecolor="white" if flagged else "C0",
            )
    ax.set_yticks(range(len(labels)), labels)
    ax.set_ylim(-0.7, len(labels) - 0.3)
    ax.xaxis.set_major_locator(mdates.YearLocator(2))  # type: ignore[no-untyped-call]
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))  # type: ignore[no-untyped-call]
    ax.set_title("Meetings by organization (hollow: date uncertain or approximate)", fontsize="medium")
    ax.grid(axis="x", alpha=0.3)
    return ax
