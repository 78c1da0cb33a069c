"""The topic vocabulary: a small taxonomy of security cooperation.

Each topic has an id (used in the data), a label, synonyms and the ids of its
broader topics; cyberterrorism, for instance, is narrower than both terrorism
and cybercrime.  The vocabulary ships as ``data/topics.json`` and is read on
first use.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from attrs import field, frozen

from scocoop._core.converter import CONVERTER, problems_of
from scocoop._core.errors import DataError, UnknownTopicError
from scocoop._core.once import once
from scocoop._core.render import Row, html_table, text_table

__all__ = ["Topic", "Vocabulary", "topics"]


@frozen(kw_only=True)
class Topic:
    """One topic of the vocabulary."""

    id: str
    label: str
    synonyms: tuple[str, ...] = ()
    broader: tuple[str, ...] = ()


def _key(text: str) -> str:
    # "Cyber-terrorism", "cyber terrorism" and "cyberterrorism" are one key.
    return "".join(ch for ch in text.casefold() if ch.isalnum())


@frozen
class Vocabulary:
    """The topics, indexed by id, with the lookups queries need.

    Iterating yields the topics in vocabulary order.
    """

    _topics: tuple[Topic, ...]
    _by_id: dict[str, Topic] = field(init=False, repr=False, eq=False)
    _by_key: dict[str, str] = field(init=False, repr=False, eq=False)
    _narrower: dict[str, tuple[str, ...]] = field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        by_id = {t.id: t for t in self._topics}
        by_key: dict[str, str] = {}
        narrower: dict[str, list[str]] = {t.id: [] for t in self._topics}
        for topic in self._topics:
            for name in (topic.id, topic.label, *topic.synonyms):
                by_key.setdefault(_key(name), topic.id)
            for parent in topic.broader:
                narrower[parent].append(topic.id)
        object.__setattr__(self, "_by_id", by_id)
        object.__setattr__(self, "_by_key", by_key)
        object.__setattr__(self, "_narrower", {k: tuple(sorted(v)) for k, v in narrower.items()})

    def __iter__(self) -> Iterator[Topic]:
        return iter(self._topics)

    def _rows(self) -> list[Row]:
        return [
            {"id": t.id, "label": t.label, "broader": " ".join(t.broader), "synonyms": "; ".join(t.synonyms)}
            for t in self._topics
        ]

    def _repr_html_(self) -> str:
        return html_table(self._rows(), caption=f"{len(self)} topics")

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        if cycle:
            printer.text("Vocabulary(...)")
            return
        printer.text(f"{len(self)} topics\n" + text_table(self._rows(), width=120).rstrip("\n"))

    def __len__(self) -> int:
        return len(self._topics)

    def __contains__(self, topic_id: object) -> bool:
        return topic_id in self._by_id

    def __getitem__(self, topic_id: str) -> Topic:
        """The topic with this exact id.

        Raises:
            UnknownTopicError: No topic has this id.
        """
        try:
            return self._by_id[topic_id]
        except (KeyError, TypeError):
            raise UnknownTopicError(topic_id, self._suggest(topic_id)) from None

    def resolve(self, name: object) -> str:
        """The id of a topic given by id, label or synonym.

        Case, spaces and punctuation are ignored (``"cyber terrorism"`` ->
        ``"cyberterrorism"``).

        Raises:
            UnknownTopicError: Nothing in the vocabulary matches; the message
                suggests the closest topics.
        """
        if isinstance(name, str):
            found = self._by_key.get(_key(name))
            if found is not None:
                return found
        raise UnknownTopicError(name, self._suggest(name))

    def narrower(self, topic_id: str, *, transitive: bool = True) -> tuple[str, ...]:
        """The ids of the topics narrower than ``topic_id``, sorted."""
        if not transitive:
            return self._narrower[self[topic_id].id]
        found: set[str] = set()
        stack = [self[topic_id].id]
        while stack:
            for child in self._narrower[stack.pop()]:
                if child not in found:
                    found.add(child)
                    stack.append(child)
        return tuple(sorted(found))

    def roots(self) -> tuple[Topic, ...]:
        """The topics that have no broader topic."""
        return tuple(t for t in self._topics if not t.broader)

    def _suggest(self, name: object) -> list[str]:
        if not isinstance(name, str):
            return []
        import difflib  # only when a name is not found

        close = difflib.get_close_matches(_key(name), list(self._by_key), n=6, cutoff=0.6)
        return list(dict.fromkeys(self._by_key[c] for c in close))[:3]


@frozen(kw_only=True)
class _TopicsFile:
    topics: tuple[Topic, ...]


def topics() -> Vocabulary:
    """The bundled topic vocabulary (read once, on first use)."""
    return _vocabulary()


@once
def _vocabulary() -> Vocabulary:
    from importlib import resources

    text = (resources.files("scocoop") / "data" / "topics.json").read_text(encoding="utf-8")
    document = json.loads(text)
    found = _plain_topics(document)
    if found is not None:
        return Vocabulary(found)
    # Anything else is read through the library's converter, so that a field
    # missing, misspelt or of the wrong type is reported as located problems.
    try:
        structured = CONVERTER().structure(document, _TopicsFile)
    except Exception as exc:  # noqa: BLE001 - every structuring error becomes located problems
        raise DataError(list(problems_of(exc)), origin="the bundled topic vocabulary") from None
    return Vocabulary(structured.topics)


_TOPIC_FIELDS = frozenset({"id", "label", "synonyms", "broader"})


def _plain_topics(document: object) -> tuple[Topic, ...] | None:
    """The topics of a file of exactly the expected shape, built without the converter; else ``None``.

    The common case costs no import of cattrs; what this refuses, the
    converter reads or reports.
    """
    if type(document) is not dict or document.keys() != {"topics"} or type(document["topics"]) is not list:
        return None
    found = []
    for entry in document["topics"]:
        if type(entry) is not dict or not {"id", "label"} <= entry.keys() <= _TOPIC_FIELDS:
            return None
        words = (entry["id"], entry["label"])
        lists = (entry.get("synonyms", []), entry.get("broader", []))
        if any(type(w) is not str for w in words) or any(
            type(items) is not list or any(type(item) is not str for item in items) for items in lists
        ):
            return None
        found.append(Topic(id=words[0], label=words[1], synonyms=tuple(lists[0]), broader=tuple(lists[1])))
    return tuple(found)
