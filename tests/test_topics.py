from __future__ import annotations

import pytest

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
