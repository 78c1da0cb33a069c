"""What a dataset holds and how to cite it."""

from __future__ import annotations

from typing import Any, Literal, TypedDict

from scocoop._core.errors import show
from scocoop._dataset.dataset import Dataset
from scocoop._io.jsonfile import dumps, load
from scocoop._io.schema import SCHEMA_VERSION
from scocoop._model.records import COLLECTIONS, ParticipantList, Source
from scocoop._views.coverage import coverage

__all__ = [
    "DATA_LICENSE",
    "HOMEPAGE",
    "LICENSES",
    "TITLE",
    "DatasetInfo",
    "MeetingFigures",
    "SourceSummary",
    "TopicFigures",
    "cite",
    "dataset_info",
]

HOMEPAGE = "https://github.com/scocoop/scocoop"
TITLE = "scocoop: a citable record of security cooperation in the SCO, the CIS and Central Asia"
"""The work's title, as citations, the Data Package descriptor and ``CITATION.cff`` give it."""
_AUTHOR = "The scocoop developers"
LICENSES = {"code": "MIT", "data": "CC-BY-4.0"}
"""The licences, as SPDX identifiers: the code's and the data's (``pyproject.toml`` joins them)."""
DATA_LICENSE = {
    "name": "CC-BY-4.0",
    "title": "Creative Commons Attribution 4.0 International",
    "path": "https://creativecommons.org/licenses/by/4.0/",
}
"""The data's licence as a Data Package descriptor names it."""
_DATA_LICENSE_SHORT = DATA_LICENSE["name"].replace("-", " ")  # "CC BY 4.0", as people write it
_LICENSED = f"Code licensed {LICENSES['code']}; data licensed {_DATA_LICENSE_SHORT}."


def _version() -> str:
    from importlib.metadata import version

    return version("scocoop")


class MeetingFigures(TypedDict):
    """The ``meetings`` figures of :func:`dataset_info`."""

    countries: int
    first_year: int | None
    last_year: int | None
    undated: int
    participant_lists: dict[str, int]
    absences: int


class TopicFigures(TypedDict):
    """The ``topics`` figures of :func:`dataset_info`: how much of the record carries a topic."""

    meetings_tagged: int
    commitments_tagged: int
    untagged_meetings: list[str]
    untagged_commitments: list[str]


class SourceSummary(TypedDict):
    """One source in :func:`dataset_info`."""

    id: str
    title: str
    publisher: str | None
    published: str | None
    url: str | None


class DatasetInfo(TypedDict):
    """What :func:`dataset_info` returns."""

    data_version: str | None
    schema_version: int
    scocoop_version: str
    records: dict[str, int]
    citations: int
    quotes: int
    meetings: MeetingFigures
    topics: TopicFigures
    sources: list[SourceSummary]
    coverage: list[dict[str, Any]]
    sha256: str
    licenses: dict[str, str]


def dataset_info(dataset: Dataset | None = None) -> DatasetInfo:
    """A summary of a dataset (by default the bundled one), ready for ``json.dumps``.

    Keys: ``data_version``, ``schema_version``, ``scocoop_version``,
    ``records`` (count per collection), ``citations`` and ``quotes`` (how many
    citations give a verbatim quote), ``meetings`` (``countries``: how many
    countries took part in any; ``first_year`` and ``last_year`` of the dated
    ones; ``undated``: how many have no date; ``participant_lists``: how many
    name every state that took part, some, or none; ``absences``: states
    recorded as absent), ``topics`` (how many meetings and commitments carry
    a topic, and the ids of those that carry none), ``sources`` (id, title, publisher, date,
    address of each), ``coverage`` (per series of meetings: editions recorded,
    editions known but undated, numbers with no record, years with no record;
    see :func:`coverage`), ``sha256`` (of the dataset's canonical JSON text,
    which for the bundled data is the file shipped in the package) and
    ``licenses``.
    """
    ds = load() if dataset is None else dataset
    citations = [c for record in ds for c in getattr(record, "sources", ())]
    citations.extend(c for o in ds.organizations for m in o.memberships for c in m.sources)
    citations.extend(c for m in ds.meetings for a in m.absences for c in a.sources)
    citations.extend(c for i in ds.instruments for e in i.events for c in e.sources)
    return {
        "data_version": ds.data_version,
        "schema_version": SCHEMA_VERSION,
        "scocoop_version": _version(),
        "records": {name: len(getattr(ds, name)) for name in COLLECTIONS},
        "citations": len(citations),
        "quotes": sum(1 for c in citations if c.quote),
        "meetings": _meetings(ds),
        "topics": _topics(ds),
        "sources": [_source(s) for s in ds.sources],
        "coverage": [series.as_dict() for series in coverage(ds)],
        "sha256": _sha256(dumps(ds).encode("utf-8")),
        "licenses": dict(LICENSES),
    }


def _meetings(ds: Dataset) -> MeetingFigures:
    dated = [m.date for m in ds.meetings if m.date is not None]
    return {
        "countries": len({c for m in ds.meetings for c in m.countries}),
        "first_year": min(d.earliest for d in dated).year if dated else None,
        "last_year": max(d.latest for d in dated).year if dated else None,
        "undated": len(ds.meetings) - len(dated),
        "participant_lists": {
            kind.value: sum(1 for m in ds.meetings if m.participant_list is kind) for kind in ParticipantList
        },
        "absences": sum(len(m.absences) for m in ds.meetings),
    }


def _topics(ds: Dataset) -> TopicFigures:
    return {
        "meetings_tagged": sum(1 for m in ds.meetings if m.topics),
        "commitments_tagged": sum(1 for c in ds.commitments if c.topics),
        "untagged_meetings": [m.id for m in ds.meetings if not m.topics],
        "untagged_commitments": [c.id for c in ds.commitments if not c.topics],
    }


def _source(source: Source) -> SourceSummary:
    return {
        "id": source.id,
        "title": source.title,
        "publisher": source.publisher,
        "published": str(source.published) if source.published else None,
        "url": source.url,
    }


def cite(record_id: str | None = None, *, format: Literal["text", "bibtex", "csl-json"] = "text") -> str:
    """How to cite scocoop's bundled data, or one record of it with its sources.

    The dataset is cited with both versions; a record adds its id and every
    source it cites, with the source's address, title, publisher and date.

    >>> cite(format="bibtex").startswith("@misc{scocoop_")
    True
    >>> "https://" in cite("sco-prosecutors-general-14")
    True

    Args:
        record_id: A record of the bundled data (``None``: the dataset).
        format: ``"text"`` for a reference in prose, ``"bibtex"`` for
            BibTeX entries, ``"csl-json"`` for CSL-JSON items (as
            ``scocoop cite [ID] --format``).

    Raises:
        UnknownIdError: No record has this id.
        ValueError: Unknown format.
    """
    if format not in ("text", "bibtex", "csl-json"):
        raise ValueError(f"unknown citation format {show(format)}; expected 'text', 'bibtex' or 'csl-json'")
    dataset = load()
    data_version = dataset.data_version or "unversioned"
    version = _version()
    year = data_version[:4] if data_version[:4].isdigit() else ""
    sources = [source for _, source in dataset.citations(record_id)] if record_id is not None else []
    unique = list({source.id: source for source in sources}.values())
    if format == "text":
        dated = f" ({year})" if year else ""
        lines = [
            (
                f"{_AUTHOR}{dated}. {TITLE}. Software version {version}, data version {data_version}. "
                f"{HOMEPAGE}. {_LICENSED}"
            )
        ]
        if record_id is not None:
            lines.append(f"Record {record_id}, citing:")
            lines.extend(f"- {_source_text(source)}" for source in unique)
        return "\n".join(lines)
    if format == "bibtex":
        key = "scocoop_" + "".join(ch if ch.isalnum() else "_" for ch in data_version)
        note = f"Software version {version}, data version {data_version}; data licensed {_DATA_LICENSE_SHORT}"
        if record_id is not None:
            note += f"; record {record_id}"
        fields = [
            ("author", f"{{{_AUTHOR}}}"),
            ("title", f"{{{TITLE}}}"),
            ("year", year),
            ("version", f"{version} (data {data_version})"),
            ("url", HOMEPAGE),
            ("note", note),
        ]
        body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields if value)
        entries = [f"@misc{{{key},\n{body}\n}}"]
        entries.extend(_source_bibtex(source) for source in unique)
        return "\n\n".join(entries)
    import json

    items: list[dict[str, Any]] = [
        {
            "id": f"scocoop-{data_version}",
            "type": "dataset",
            "title": TITLE,
            "author": [{"literal": _AUTHOR}],
            "version": f"{version} (data {data_version})",
            "URL": HOMEPAGE,
            **({"issued": {"date-parts": [[int(year)]]}} if year else {}),
            **({"note": f"record {record_id}"} if record_id is not None else {}),
        }
    ]
    items.extend(_source_csl(source) for source in unique)
    return json.dumps(items, ensure_ascii=False, indent=2)


def _source_text(source: Source) -> str:
    parts = [source.publisher or "publisher not stated", str(source.published or "undated"), source.title]
    return ". ".join(parts) + (f". {source.url}" if source.url else "")


def _source_bibtex(source: Source) -> str:
    fields = [
        ("title", f"{{{source.title}}}"),
        ("publisher", source.publisher or ""),
        ("year", str(source.published.year) if source.published else ""),
        ("url", source.url or ""),
        ("note", f"EDTF date {source.published}" if source.published else ""),
    ]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields if value)
    return f"@misc{{{source.id.replace('-', '_')},\n{body}\n}}"


def _source_csl(source: Source) -> dict[str, Any]:
    item: dict[str, Any] = {"id": source.id, "type": "webpage", "title": source.title}
    if source.publisher:
        item["container-title"] = source.publisher
    if source.url:
        item["URL"] = source.url
    if source.published:
        parts = [source.published.year, source.published.month, source.published.day]
        item["issued"] = {"date-parts": [[p for p in parts if p is not None]]}
    item["language"] = source.language
    return item


def _sha256(data: bytes) -> str:
    import hashlib  # only when asked: the command line lists meetings without it

    return hashlib.sha256(data).hexdigest()
