"""Networks of the record (extra ``graph``): co-participation of countries or officials, and memberships."""

from __future__ import annotations

import datetime
import itertools
from collections import defaultdict
from typing import TYPE_CHECKING, Literal

from scocoop._core.dates import DateLike, to_partial_date
from scocoop._core.errors import show
from scocoop._core.extras import require
from scocoop._countries.codes import country_name
from scocoop._model.records import Meeting, Membership, meeting_order

if TYPE_CHECKING:
    import networkx

    from scocoop._dataset.dataset import Dataset

__all__ = ["to_networkx"]


def _members(meeting: Meeting, of: Literal["countries", "officials"], inferred: bool) -> list[str]:
    taking_part = [p for p in meeting.participants if inferred or not p.inferred]
    if of == "countries":
        return sorted({p.country for p in taking_part if p.country})
    return sorted({p.official for p in taking_part if p.official})


def _memberships(
    graph: networkx.Graph[str],
    dataset: Dataset,
    organization: str | None,
    start: DateLike | None,
    end: DateLike | None,
) -> None:
    earliest = to_partial_date(start).earliest if start is not None else datetime.date.min
    latest = to_partial_date(end).latest if end is not None else datetime.date.max
    chosen = dataset.resolve_organization(organization) if organization is not None else None
    for org in dataset.organizations:
        if chosen is not None and org.id != chosen:
            continue
        held = sorted(
            (m for m in org.memberships if m.in_effect(earliest, latest)),
            key=lambda m: (m.country, m.start.earliest if m.start else datetime.date.min),
        )
        if not held:
            continue
        graph.add_node(org.id, name=org.name, bipartite=1)
        for country, standings in itertools.groupby(held, key=lambda m: m.country):
            periods = list(standings)
            graph.add_node(country, name=country_name(country), bipartite=0)
            graph.add_edge(
                country,
                org.id,
                statuses="; ".join(_standing(m) for m in periods),
                periods="; ".join(f"{m.start or '..'}/{m.end or '..'}" for m in periods),
            )


def _standing(membership: Membership) -> str:
    qualifier = f" ({membership.qualifier.value})" if membership.qualifier is not None else ""
    return membership.status.value + qualifier


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


Of = Literal["countries", "officials", "memberships"]


def to_networkx(
    dataset: Dataset,
    of: Of = "countries",
    *,
    inferred: bool = True,
    organization: str | None = None,
    start: DateLike | None = None,
    end: DateLike | None = None,
) -> networkx.Graph[str]:
    """The co-participation or membership network as a :class:`networkx.Graph` (extra ``graph``).

    With ``of="countries"`` (or ``"officials"``), nodes are the countries
    (or officials) that took part in a meeting; an edge joins two that took
    part in the same meeting, with ``weight`` the number of meetings they
    shared and ``meetings`` their ids in date order, as one space-separated
    string, so that ``networkx.write_graphml`` and ``write_gexf`` write the
    graph as it is.

    With ``of="memberships"``, the graph is bipartite: states (``bipartite``
    0) and organizations (``bipartite`` 1), an edge for each state's
    recorded standing in an organization in the period, with ``statuses``
    (each standing held then, in order, separated by ``"; "``: ``member``,
    ``member (participation_frozen)``, ``observer``...) and ``periods``
    (their EDTF intervals, ``..`` for an unknown bound, in the same
    order).  ``inferred`` does not apply to it.

    Args:
        dataset: The dataset.
        of: ``"countries"``, ``"officials"`` or ``"memberships"``.
        inferred: Whether to count participants that no source names (see
            :attr:`Participant.inferred`); ``False`` keeps only those the
            sources name.
        organization: Only meetings of this organization and its bodies
            (a series is a body: ``"RATS Council"``); for memberships, only
            standings in this organization.
        start: Only meetings that may fall on or after this date; for
            memberships, only standings that may have held on or after it.
        end: Only meetings that may fall on or before this date; for
            memberships, only standings that may have held on or before it.

    Raises:
        MissingExtraError: networkx is not installed.
        ValueError: ``of`` is neither.
        UnknownIdError: The organization is not recognised.
        InvalidDateError: A date cannot be read.
    """
    nx = require("networkx", extra="graph", feature="to_networkx()")
    if of not in ("countries", "officials", "memberships"):
        raise ValueError(f"expected of='countries', 'officials' or 'memberships', got {show(of)}")
    graph: networkx.Graph[str] = nx.Graph(kind=of)
    if of != "memberships":
        graph.graph["inferred"] = inferred
    if dataset.data_version is not None:  # GraphML and GEXF write no null attributes
        graph.graph["data_version"] = dataset.data_version
    if of == "memberships":
        _memberships(graph, dataset, organization, start, end)
        return graph
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
