"""Topics from weighted cues in data/topics.yml: supported by the text, never invented."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from newsarchive.enrich.entities import tokenize
from newsarchive.enrich.topics import MAX_TOPICS, CueIndex, build_cue_index, score_topics
from newsarchive.registry import Topic, load_registries

CASES = Path(__file__).parent / "fixtures" / "topics" / "headline_and_lead.yml"
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


def test_ceasefire_story_is_the_finer_topic_and_its_broader_one(shipped):
    topics = topics_of(shipped, "Allies press Russia on ceasefire", CEASEFIRE_STORY)
    assert topics[:2] == ["conflict-war-peace", "ceasefire-peace-talks"]
    assert "sport" not in topics


def test_football_story(shipped):
    assert topics_of(shipped, "Champions crowned", FOOTBALL_STORY) == ["sport"]


def test_every_topic_is_from_the_file_and_at_most_three(shipped):
    text = " ".join([CEASEFIRE_STORY, FOOTBALL_STORY] * 3) + (
        " Inflation, interest rates and the economy worried investors; an earthquake and "
        "floods forced evacuations; schools and universities closed; voters went to the "
        "polls in an election campaign."
    )
    topics = topics_of(shipped, "Everything at once", text)
    assert len(topics) == MAX_TOPICS == 3
    assert set(topics) <= set(load_registries().topics)


def test_headline_and_lead_alone_are_enough(shipped):
    """Short texts in many styles: the topic a reader would file each under is assigned."""
    cases = yaml.safe_load(CASES.read_text(encoding="utf-8"))
    assigned = [topics_of(shipped, case["title"], case["lead"]) for case in cases]
    missed = [
        case["title"]
        for case, topics in zip(cases, assigned, strict=True)
        if case["want"] not in topics
    ]
    assert len(cases) >= 60
    assert len(missed) / len(cases) <= 0.1, missed
    assert sum(bool(topics) for topics in assigned) / len(cases) >= 0.95
    assert all(len(topics) <= MAX_TOPICS for topics in assigned)


def make_index(*cues: list[str], strong: tuple[list[str], ...] = (), broader=None):
    topics = {}
    for n, group in enumerate(cues):
        topics[f"t{n}"] = Topic(
            slug=f"t{n}",
            label=f"T{n}",
            description="d",
            cues=list(group),
            strong=list(strong[n]) if n < len(strong) else [],
            broader=(broader or {}).get(f"t{n}"),
        )
    return build_cue_index(topics)


@pytest.mark.parametrize(
    ("cues", "title", "body", "expected"),
    [
        pytest.param(["truce", "talks"], "", "A truce and talks.", ["t0"], id="two-cues-fallback"),
        pytest.param(["truce", "talks"], "", "A truce, a truce.", [], id="one-cue-repeated"),
        pytest.param(
            ["truce", "talks"], "Truce holds", "Nothing more.", ["t0"], id="title-counts-2"
        ),
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
            ["women's rights", "rally"], "", "A womens rally. Womens rights.", [], id="apostrophe"
        ),
        pytest.param(
            ["women's rights", "rally"],
            "",
            "A rally for women's rights.",
            ["t0"],
            id="apostrophe-gap",
        ),
        pytest.param(
            ["peace talks", "truce"], "", "Peace.\n\nTalks and a truce.", [], id="no-phrase-across"
        ),
        pytest.param(["Apple", "phone"], "", "An apple and a phone.", [], id="capital-is-exact"),
        pytest.param(["Apple", "phone"], "", "Apple sells a phone.", ["t0"], id="capital-matches"),
    ],
)
def test_scoring_rules(cues, title, body, expected):
    assert topics_of(make_index(cues), title, body) == expected


def test_one_strong_cue_is_enough_and_ordinary_ones_need_three():
    index = make_index(["a1", "a2", "a3"], ["b1", "b2"], strong=([], ["goalkeeper"]))
    assert topics_of(index, "", "The goalkeeper saved it.") == ["t1"]
    # Three ordinary cues reach the strong level; the leader is then kept alone.
    assert topics_of(index, "", "a1 a2 a3 b1") == ["t0"]


def test_a_finer_topic_lifts_its_broader_one_which_comes_first():
    index = make_index(["vote"], ["ballot", "runoff"], broader={"t1": "t0"})
    assert topics_of(index, "", "A runoff ballot.") == ["t0", "t1"]


def test_best_first_and_far_behind_dropped():
    # t1's two cues score under 30% of t0's nine; t2's three stay.
    index = make_index([f"a{n}" for n in range(9)], ["b1", "b2"], ["c1", "c2", "c3"])
    body = " ".join(f"a{n}" for n in range(9)) + " b1 b2 c1 c2 c3"
    assert topics_of(index, "", body) == ["t0", "t2"]
