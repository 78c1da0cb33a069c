"""Co-participation networks of countries or officials (extra ``graph``)."""

from __future__ import annotations

import itertools
from collections import defaultdict
from typing import TYPE_CHECKING, Literal

from scocoop._countries import country_name
from scocoop._dates import DateLike
from scocoop._errors import show
from scocoop._extras import require
from scocoop._model import Meeting, meeting_order

if TYPE_CHECKING:
    import networkx

    from scocoop._dataset import Dataset

__all__ = ["to_networkx"]


def _members(meeting: Meeting, of: Literal["countries", "officials"], inferred: bool) -> list[str]:
    taking_part = [p for p in meeting.participants if inferred or not p.inferred]
    if of == "countries":
        return sorted({p.country for p in taking_part if p.country})
    return sorted({p.official for p in taking_part if p.official})


def _add_nodes(graph: networkx.Graph[str], dataset: Dataset, of: str, meetings: dict[str, list[str]]) -> None:
    if of == "countries":
        for code, ids in sorted(meetings.items()):
            graph.add_node(code, name=country_name(code), meetings=len(ids))
        return
    for official in dataset.officials:
        if official.id in meetings:
            graph.add_node(
                official.id, name=official.name, country=official.country, meetings=len(meetings[official.id])
            )


def to_networkx(
    dataset: Dataset,
    of: Literal["countries", "officials"] = "countries",
    *,
    inferred: bool = True,
    organization: str | None = None,
    start: DateLike | None = None,
    end: DateLike | None = None,
) -> networkx.Graph[str]:
    """The co-participation network as a :class:`networkx.Graph` (extra ``graph``).

    Nodes are the countries (or officials) that took part in a meeting; an
    edge joins two that took part in the same meeting, with ``weight`` the
    number of meetings they shared and ``meetings`` their ids in date order,
    as one space-separated string, so that ``networkx.write_graphml`` and
    ``write_gexf`` write the graph as it is.

    Args:
        dataset: The dataset.
        of: ``"countries"`` or ``"officials"``.
        inferred: Whether to count participants that no source names (see
            :attr:`Participant.inferred`); ``False`` keeps only those the
            sources name.
        organization: Only meetings of this organization and its bodies
            (a series is a body: ``"RATS Council"``).
        start: Only meetings that may fall on or after this date.
        end: Only meetings that may fall on or before this date.

    Raises:
        MissingExtraError: networkx is not installed.
        ValueError: ``of`` is neither.
        UnknownIdError: The organization is not recognised.
        InvalidDateError: A date cannot be read.
    """
    nx = require("networkx", extra="graph", feature="to_networkx()")
    if of not in ("countries", "officials"):
        raise ValueError(f"expected of='countries' or of='officials', got {show(of)}")
    graph: networkx.Graph[str] = nx.Graph(kind=of, inferred=inferred)
    if dataset.data_version is not None:  # GraphML and GEXF write no null attributes
        graph.graph["data_version"] = dataset.data_version
    shared: dict[tuple[str, str], list[str]] = defaultdict(list)
    meetings: dict[str, list[str]] = defaultdict(list)
    chosen = dataset.find_meetings(organization=organization, start=start, end=end)
    for meeting in sorted(chosen, key=meeting_order):
        members = _members(meeting, of, inferred)
        for member in members:
            meetings[member].append(meeting.id)
        for pair in itertools.combinations(members, 2):
            shared[pair].append(meeting.id)
    _add_nodes(graph, dataset, of, meetings)
    for (a, b), ids in sorted(shared.items()):
        graph.add_edge(a, b, weight=len(ids), meetings=" ".join(ids))
    return graph
