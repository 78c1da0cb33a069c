"""Pictures of the record (extra ``plot``): meetings over time by body, attendance by state and year."""

from __future__ import annotations

import datetime
from collections import defaultdict
from typing import TYPE_CHECKING, Any

from scocoop._core.extras import require
from scocoop._model.records import Meeting, meeting_order

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from scocoop._core.dates import PartialDate
    from scocoop._dataset.dataset import Dataset

__all__ = ["plot_attendance", "plot_timeline"]

_GROUPS = ("sco", "cis", "csto")
"""The organizations whose bodies get a colour of their own; every other body is drawn as "other"."""

_AWAY = "\N{MULTIPLICATION SIGN}"
"""The mark of a state-year with a recorded absence."""

_ROW_HEIGHT = 0.24
"""Inches per row: a label of the default size and a dot, without overlap."""


def _group(dataset: Dataset, organization: str) -> str:
    """The organization a body belongs to: its topmost parent, if that is one of :data:`_GROUPS`."""
    org = dataset.organization(organization)
    while org.parent is not None:
        org = dataset.organization(org.parent)
    return org.id if org.id in _GROUPS else "other"


def _plain(label: str) -> str:
    # A dollar sign starts matplotlib's mathtext; a label is shown as written.
    return label.replace("$", r"\$")


def plot_timeline(dataset: Dataset, ax: Axes | None = None) -> Axes:
    """Draw the dated meetings over time, one row per body, and return the matplotlib Axes.

    Each body (the organization a meeting names) has its own row, labelled
    with its id; rows are grouped by the organization the body belongs to
    (the SCO, the CIS, the CSTO, then the others), each group in a colour
    named in the legend, and ordered within it by first meeting.  A meeting
    known to the day is a dot; one known only to the month or the year is a
    bar over the days it can mean with a dot at its middle; an uncertain or
    approximate date is drawn hollow.  Undated meetings and meetings of no
    body are left out; the title counts them.  Needs the extra ``plot``.

    Args:
        dataset: The dataset.
        ax: The Axes to draw on; by default a new figure's, as tall as the rows need.

    Raises:
        MissingExtraError: matplotlib is not installed.
    """
    require("matplotlib", extra="plot", feature="plot_timeline()")
    import matplotlib.dates as mdates
    from matplotlib.lines import Line2D

    rows: dict[str, list[tuple[PartialDate, Meeting]]] = defaultdict(list)
    left_out = 0
    for meeting in sorted(dataset.meetings, key=meeting_order):
        if meeting.date is None or meeting.organization is None:
            left_out += 1
        else:
            rows[meeting.organization].append((meeting.date, meeting))
    groups = {body: _group(dataset, body) for body in rows}
    order = (*_GROUPS, "other")
    bodies = sorted(rows, key=lambda b: (order.index(groups[b]), rows[b][0][0].earliest, b))
    colour = {group: f"C{i}" for i, group in enumerate(order)}
    if ax is None:
        import matplotlib.pyplot as plt

        _, ax = plt.subplots(figsize=(10, 1.2 + _ROW_HEIGHT * len(bodies)), layout="constrained")
    for y, body in enumerate(bodies):
        tint = colour[groups[body]]
        for date, meeting in rows[body]:
            first = date.earliest
            last = (meeting.end_date or date).latest
            flagged = date.uncertain or date.approximate
            if last - first > datetime.timedelta(days=6):
                span = mdates.date2num([first, last])  # type: ignore[no-untyped-call]
                ax.plot(span, [y, y], linewidth=4, alpha=0.3 if flagged else 0.6, color=tint)
            middle = first + (last - first) / 2
            ax.plot(
                mdates.date2num([middle]),  # type: ignore[no-untyped-call]
                [y],
                marker="o",
                markersize=5,
                color=tint,
                markerfacecolor="white" if flagged else tint,
            )
    ax.set_yticks(range(len(bodies)), [_plain(b) for b in bodies], fontsize="small")
    ax.set_ylim(len(bodies) - 0.4, -0.6)  # the first body on top
    ax.xaxis.set_major_locator(mdates.YearLocator(2))  # type: ignore[no-untyped-call]
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))  # type: ignore[no-untyped-call]
    ax.grid(axis="x", alpha=0.3)
    shown = sorted({groups[b] for b in bodies}, key=order.index)
    names = {g: (dataset.organization(g).abbreviation or g) if g != "other" else "other" for g in shown}
    handles: list[Any] = [
        Line2D([], [], marker="o", linestyle="", color=colour[g], label=_plain(names[g])) for g in shown
    ]
    handles.append(
        Line2D(
            [], [], marker="o", linestyle="", color="grey", markerfacecolor="white", label="date uncertain"
        )
    )
    handles.append(Line2D([], [], linewidth=4, color="grey", alpha=0.6, label="known to month or year"))
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1), fontsize="small", frameon=False)
    dated = sum(len(m) for m in rows.values())
    ax.set_title(
        f"{dated} dated meetings of {len(bodies)} bodies ({left_out} undated or of no body not shown)",
        fontsize="medium",
    )
    return ax


def plot_attendance(
    dataset: Dataset,
    organization: str = "sco",
    *,
    start: int | None = None,
    end: int | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Draw, for each state and year, how many meetings of an organization it took part in.

    One row per state with a standing in the organization at some time,
    one column per year, from :func:`scocoop.country_year`: the number in a
    cell is the meetings of the organization and its bodies the state took
    part in that year; a red cross marks a year in which the record shows it
    staying away from at least one.  A blank grey cell is a year the record
    cannot judge (no standing and no meeting attended, or no meeting of the
    year that says who took part): never drawn as zero.  Needs the extras
    ``plot`` and ``pandas``.

    Args:
        dataset: The dataset.
        organization: ``"sco"``, ``"cis"`` or ``"csto"``.
        start: First year (by default the first with a dated meeting of the organization).
        end: Last year (by default the last with one).
        ax: The Axes to draw on; a new figure's by default.

    Raises:
        MissingExtraError: matplotlib or pandas is not installed.
        ValueError: ``organization`` is not one of the three.
    """
    require("matplotlib", extra="plot", feature="plot_attendance()")
    from scocoop._views.panels import ORGANIZATIONS, country_year

    if organization not in ORGANIZATIONS:
        raise ValueError(f"organization: expected one of {', '.join(ORGANIZATIONS)}, got {organization!r}")
    import numpy as np  # matplotlib depends on numpy

    panel = country_year(dataset, start=start, end=end)
    attended, absent, standing = (f"{organization}_{c}" for c in ("attended", "absent", "standing"))
    ever = sorted(set(panel.loc[panel[standing] != "none", "iso2c"]))
    met = panel.loc[panel[f"{organization}_meetings"] > 0, "year"]
    first = start if start is not None else int(met.min()) if len(met) else int(panel["year"].min())
    last = end if end is not None else int(met.max()) if len(met) else int(panel["year"].max())
    # A set's membership test, not Series.isin, which warns under pandas 2.0 with numpy 1.25.
    chosen = panel["iso2c"].map(set(ever).__contains__).astype(bool)
    panel = panel[chosen & panel["year"].between(first, last)]
    years = list(range(first, last + 1))
    grid = panel.pivot(index="iso2c", columns="year", values=attended).reindex(index=ever, columns=years)
    away = panel.pivot(index="iso2c", columns="year", values=absent).reindex(index=ever, columns=years)
    counts = grid.to_numpy(dtype="float64", na_value=np.nan)
    stayed = np.nan_to_num(away.to_numpy(dtype="float64", na_value=np.nan)) > 0
    if ax is None:
        import matplotlib.pyplot as plt

        _, ax = plt.subplots(figsize=(1.5 + 0.32 * len(years), 1.2 + 0.3 * len(ever)), layout="constrained")
    ax.set_facecolor("0.88")  # the cells the record cannot judge
    image = ax.imshow(np.ma.masked_invalid(counts), cmap="Blues", aspect="auto", vmin=0)
    for i, j in zip(*np.nonzero(~np.isnan(counts)), strict=True):
        dark = counts[i, j] > 0.6 * np.nanmax(counts)
        ax.text(
            j,
            i,
            f"{counts[i, j]:.0f}",
            ha="center",
            va="center",
            fontsize="x-small",
            color="white" if dark else "black",
        )
    for i, j in zip(*np.nonzero(stayed), strict=True):
        ax.text(j + 0.3, i - 0.25, _AWAY, ha="center", va="center", fontsize="x-small", color="C3")
    ax.set_xticks(range(len(years)), [str(y) for y in years], rotation=90, fontsize="x-small")
    ax.set_yticks(range(len(ever)), ever, fontsize="small")
    name = dataset.organization(organization).abbreviation or organization
    ax.set_title(
        f"Meetings of the {_plain(name)} and its bodies attended, by state and year"
        f" (grey: cannot be judged; {_AWAY}: stayed away)",
        fontsize="medium",
    )
    ax.figure.colorbar(image, ax=ax, label="meetings attended", shrink=0.6)
    return ax
