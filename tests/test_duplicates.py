"""The duplicate rule's index: the fast sample is the sample of every 3-gram."""

from __future__ import annotations

import pytest

from newsarchive import duplicates, synthetic


@pytest.mark.parametrize(
    "text",
    [
        "",
        "One",
        "Two words",
        "Three words here",
        "The “quoted” text, with punctuation; and the the the repeats of the words.",
        *(synthetic.page_body(story) for story in synthetic.make_stories(20)),
    ],
)
def test_sampled_equals_the_sample_of_all_3_grams(text: str) -> None:
    assert duplicates.sampled(text) == duplicates.sample(duplicates.shingles(text))


def test_index_finds_exact_and_near_copies_once_each() -> None:
    stories = synthetic.make_stories(3)
    body = synthetic.page_body(stories[0])
    index = duplicates.DuplicateIndex()
    bodies = {"a": body, "b": synthetic.page_body(stories[1])}
    for key, text in bodies.items():
        index.add(key, text)
    near = body.rsplit("\n\n", 3)[0] + "\n\n" + synthetic.page_body(stories[2])[:2000]
    assert index.matches(None, "  " + body.replace(" ", "\n"), bodies.__getitem__) == [
        ("a", 1.0, True)
    ]
    found = index.matches(None, near, bodies.__getitem__)
    assert [(key, exact) for key, _, exact in found] == [("a", False)]
    score = duplicates.containment(duplicates.shingles(near), duplicates.shingles(body))
    assert found[0][1] == score >= duplicates.NEAR
