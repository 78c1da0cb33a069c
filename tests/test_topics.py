from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scocoop import UnknownTopicError, topics


def test_every_broader_topic_exists_and_the_graph_has_no_cycle() -> None:
    vocabulary = topics()
    for topic in vocabulary:
        for parent in topic.broader:
            assert parent in vocabulary
        assert topic.id not in vocabulary.narrower(topic.id)


def test_cyberterrorism_is_narrower_than_terrorism_and_cybercrime() -> None:
    vocabulary = topics()
    assert "cyberterrorism" in vocabulary.narrower("terrorism")
    assert "cyberterrorism" in vocabulary.narrower("cybercrime")
    assert {"terrorism", "separatism", "extremism"} <= set(vocabulary.narrower("three-evils"))


@pytest.mark.parametrize(
    ("name", "topic_id"),
    [
        ("cyberterrorism", "cyberterrorism"),
        ("Cyber terrorism", "cyberterrorism"),
        ("cyber-terrorism", "cyberterrorism"),
        ("terrorism on the Internet", "cyberterrorism"),
        ("Drug trafficking", "drug-trafficking"),
        ("terrorist financing", "money-laundering"),
        ("three evils", "three-evils"),
        ("search for criminals", "fugitive-search"),
    ],
)
def test_ids_labels_and_synonyms_resolve(name: str, topic_id: str) -> None:
    assert topic_id == topics().resolve(name)


def test_unknown_topic_suggests_the_closest() -> None:
    with pytest.raises(UnknownTopicError) as info:
        topics().resolve("terorism")
    assert "'terrorism'" in str(info.value)
    assert isinstance(info.value, LookupError)


@pytest.mark.parametrize("name", ["", "   ", None, 3, "knitting"])
def test_anything_else_is_an_unknown_topic(name: object) -> None:
    with pytest.raises(UnknownTopicError):
        topics().resolve(name)


def test_the_vocabulary_is_read_once() -> None:
    assert topics() is topics()


def _through_the_converter(document: object) -> object:
    from scocoop._core.converter import CONVERTER
    from scocoop._model.topics import _TopicsFile

    try:
        return CONVERTER().structure(document, _TopicsFile).topics
    except Exception:  # noqa: BLE001 - any refusal
        return None


def test_the_bundled_topics_are_read_alike_without_the_converter() -> None:
    import json
    from importlib import resources

    from scocoop._model.topics import _plain_topics

    document = json.loads((resources.files("scocoop") / "data" / "topics.json").read_text(encoding="utf-8"))
    plain = _plain_topics(document)
    assert plain is not None
    assert _through_the_converter(document) == plain


_WORDS = st.one_of(st.text(max_size=3), st.integers(), st.none())
_VALID = st.fixed_dictionaries(
    {"id": st.text(max_size=3), "label": st.text(max_size=3)},
    optional={
        "synonyms": st.lists(st.text(max_size=3), max_size=2),
        "broader": st.lists(st.text(max_size=3)),
    },
)
_ANY = st.dictionaries(
    st.sampled_from(["id", "label", "synonyms", "broader", "note"]),
    st.one_of(_WORDS, st.lists(_WORDS, max_size=2)),
)
_DOCUMENTS = st.one_of(
    st.fixed_dictionaries({"topics": st.lists(_VALID, max_size=3)}),
    st.fixed_dictionaries({"topics": st.lists(st.one_of(_VALID, _ANY), max_size=3)}),
    st.dictionaries(st.sampled_from(["topics", "other"]), st.lists(_ANY, max_size=2)),
    _WORDS,
)


@given(_DOCUMENTS)
def test_the_plain_reader_accepts_only_what_the_converter_reads_the_same(document: object) -> None:
    from scocoop._model.topics import _plain_topics

    plain = _plain_topics(document)
    if plain is not None:
        assert _through_the_converter(document) == plain


@given(st.fixed_dictionaries({"topics": st.lists(_VALID, max_size=3)}))
def test_the_plain_reader_reads_every_file_of_the_expected_shape(document: object) -> None:
    from scocoop._model.topics import _plain_topics

    assert _plain_topics(document) is not None
