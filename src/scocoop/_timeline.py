"""A timeline of meetings by organization (extra ``plot``)."""

from __future__ import annotations

import datetime
import textwrap
from collections import defaultdict
from typing import TYPE_CHECKING

from scocoop._extras import require
from scocoop._model import Meeting, meeting_order

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from scocoop._dataset import Dataset
    from scocoop._dates import PartialDate

__all__ = ["plot_timeline"]


def _root(dataset: Dataset, organization: str | None) -> str:
    if organization is None:
        return "no organization\n(bilateral)"
    org = dataset.organization(organization)
    while org.parent is not None:
        org = dataset.organization(org.parent)
    if org.abbreviation:
        return _plain(org.abbreviation)
    shortest = min((org.name, *org.aliases), key=len)
    return _plain("\n".join(textwrap.wrap(shortest, 30, max_lines=3, placeholder=" …")))


def _plain(label: str) -> str:
    # A dollar sign starts matplotlib's mathtext; a label is shown as written.
    return label.replace("$", r"\$")


def plot_timeline(dataset: Dataset, ax: Axes | None = None) -> Axes:
    """Draw the dated meetings over time, one row per organization; return the matplotlib Axes.

    Bodies are drawn on their parent organization's row.  A meeting known to
    the day is a dot; one known only to the month or the year is a bar over
    the days it can mean; an uncertain or approximate date is drawn hollow.
    Undated meetings are left out.  Needs the extra ``plot``.

    Args:
        dataset: The dataset.
        ax: The Axes to draw on; a new figure's by default.

    Raises:
        MissingExtraError: matplotlib is not installed.
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
                span = mdates.date2num([first, last])  # type: ignore[no-untyped-call]
                ax.plot(span, [y, y], linewidth=5, alpha=0.35 if flagged else 0.7, color="C0")
            middle = first + (last - first) / 2
            ax.plot(
                mdates.date2num([middle]),  # type: ignore[no-untyped-call]
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
