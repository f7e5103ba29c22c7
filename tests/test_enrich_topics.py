"""Topics from cue words in data/topics.yml: supported by the text, never invented."""

from __future__ import annotations

import pytest

from newsarchive.enrich.entities import tokenize
from newsarchive.enrich.topics import MAX_TOPICS, CueIndex, build_cue_index, score_topics
from newsarchive.registry import Topic, load_registries

CEASEFIRE_STORY = (
    "Leaders agreed on Saturday to press Russia to accept a 30-day ceasefire in its war "
    "against Ukraine. Troops from several countries could form a peacekeeping force once "
    "a truce holds, and negotiations on a peace agreement would follow, officials said."
)
FOOTBALL_STORY = (
    "The striker scored twice as the champions won the league title in front of a full "
    "stadium, and the coach praised the goalkeeper after the football final."
)


def topics_of(index: CueIndex, title: str, body: str) -> list[str]:
    text = f"{title}\n\n{body}"
    return score_topics(index, text, tokenize(text), title_end=len(title))


@pytest.fixture(scope="module")
def shipped():
    return build_cue_index(load_registries().topics)


def test_ceasefire_story(shipped):
    topics = topics_of(shipped, "Allies press Russia on ceasefire", CEASEFIRE_STORY)
    assert topics[:2] == ["ceasefire-peace-talks", "conflict-war-peace"]
    assert "sport" not in topics


def test_football_story(shipped):
    assert topics_of(shipped, "Champions crowned", FOOTBALL_STORY) == ["sport"]


def test_every_topic_is_from_the_file_and_at_most_four(shipped):
    text = " ".join([CEASEFIRE_STORY, FOOTBALL_STORY] * 3) + (
        " Inflation, interest rates and the economy worried investors; an earthquake and "
        "floods forced evacuations; schools and universities closed; voters went to the "
        "polls in an election campaign."
    )
    topics = topics_of(shipped, "Everything at once", text)
    assert len(topics) == MAX_TOPICS
    assert set(topics) <= set(load_registries().topics)


def make_index(*cues: list[str]):
    topics = {
        f"t{n}": Topic(slug=f"t{n}", label=f"T{n}", description="d", cues=list(group))
        for n, group in enumerate(cues)
    }
    return build_cue_index(topics)


@pytest.mark.parametrize(
    ("cues", "title", "body", "expected"),
    [
        pytest.param(["truce", "talks"], "", "A truce and talks.", ["t0"], id="two-cues"),
        pytest.param(["truce", "talks"], "", "A truce, a truce.", [], id="one-cue-repeated"),
        pytest.param(["truce", "talks"], "Truce holds", "The truce held.", ["t0"], id="title-hit"),
        pytest.param(
            ["ceasefire|cease-fire", "x"], "", "A ceasefire, a cease fire.", [], id="variants-once"
        ),
        pytest.param(
            ["negotiat*", "peace"], "", "Negotiators want peace.", ["t0"], id="stem-prefix"
        ),
        pytest.param(["war", "peace"], "", "Warsaw wants peaceful days.", [], id="whole-words"),
        pytest.param(
            ["peace talks", "truce"], "", "Peace-talks and a truce.", ["t0"], id="hyphen-is-space"
        ),
        pytest.param(
            ["peace talks", "truce"], "", "Peace.\n\nTalks and a truce.", [], id="no-phrase-across"
        ),
    ],
)
def test_scoring_rules(cues, title, body, expected):
    assert topics_of(make_index(cues), title, body) == expected


def test_best_first_and_far_behind_dropped():
    # t1's two cues score under a quarter of t0's nine.
    index = make_index([f"a{n}" for n in range(9)], ["b1", "b2"], ["c1", "c2", "c3"])
    body = " ".join(f"a{n}" for n in range(9)) + " b1 b2 c1 c2 c3"
    assert topics_of(index, "", body) == ["t0", "t2"]
