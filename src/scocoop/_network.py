"""Co-participation networks of countries or officials (extra ``graph``)."""

from __future__ import annotations

import itertools
from collections import defaultdict
from typing import TYPE_CHECKING, Any, Literal

from scocoop._countries import country_name
from scocoop._extras import require
from scocoop._model import Meeting, meeting_order

if TYPE_CHECKING:
    from scocoop._dataset import Dataset

__all__ = ["to_networkx"]


def _members(meeting: Meeting, of: Literal["countries", "officials"], inferred: bool) -> list[str]:
    taking_part = [p for p in meeting.participants if inferred or not p.inferred]
    if of == "countries":
        return sorted({p.country for p in taking_part if p.country})
    return sorted({p.official for p in taking_part if p.official})


def to_networkx(
    dataset: Dataset, of: Literal["countries", "officials"] = "countries", *, inferred: bool = True
) -> Any:
    """The co-participation network as a :class:`networkx.Graph` (extra ``graph``).

    Nodes are the countries (or officials) that took part in a meeting; an
    edge joins two that took part in the same meeting, with ``weight`` the
    number of meetings they shared and ``meetings`` their ids in date order.

    Args:
        dataset: The dataset.
        of: ``"countries"`` or ``"officials"``.
        inferred: Whether to count participants that no source names (see
            :attr:`Participant.inferred`); ``False`` keeps only those the
            sources name.

    Raises:
        MissingExtraError: networkx is not installed.
        ValueError: ``of`` is neither.
    """
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
