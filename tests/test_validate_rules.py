"""Table-driven cases for the single rules behind `newsarchive validate`."""

from __future__ import annotations

import pytest

from newsarchive.duplicates import DuplicateIndex, containment, digest, shingles
from newsarchive.validate.damage import heading_problem, quote_problem
from newsarchive.validate.safety import link_problem

CODE = "link, which can run code in a reader's browser; remove it"
LOCAL = "; link to the published web page instead"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.org/a", None),
        ("mailto:desk@example.org", None),
        ("#section", None),
        ("../02/earlier.md", None),
        ("JavaScript:alert(1)", f"javascript: {CODE}"),
        ("java\tscript:alert(1)", f"javascript: {CODE}"),
        ("&#106;avascript:alert(1)", f"javascript: {CODE}"),
        ("data:text/html,x", f"data: {CODE}"),
        ("vbscript:msgbox", f"vbscript: {CODE}"),
        ("file:///etc/passwd", f"link to a local file 'file:///etc/passwd'{LOCAL}"),
        ("~/notes.txt", f"link to a local file '~/notes.txt'{LOCAL}"),
        ("/etc/passwd", f"link to a local path '/etc/passwd'{LOCAL}"),
        ("../../../x.md", f"link '../../../x.md' leads outside the archive{LOCAL}"),
    ],
)
def test_link_problem(url: str, expected: str | None) -> None:
    assert link_problem(url, "2025/03") == expected


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("He said “yes” and left.", None),
        ("„Wir sind bereit“, sagte er.", None),
        ("„Jesteśmy gotowi”, powiedział.", None),
        ("« Nous sommes prêts », a-t-il dit.", None),
        ('He said "yes" and left.', None),
        ("He said “yes and left.", "unbalanced quotation marks in this paragraph (1 “, 0 ”, 0 „)"),
        ("as a” coalition “ in", "quotation marks out of order in this paragraph (” before its “)"),
        ("« Nous sommes prêts, a-t-il dit.", "unbalanced quotation marks in this paragraph (1 «"),
        ('He said "yes and left.', 'odd number of " in this paragraph (1)'),
    ],
)
def test_quote_problem(paragraph: str, expected: str | None) -> None:
    problem = quote_problem(paragraph)
    assert problem is None if expected is None else problem.startswith(expected)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("## Troops to protect the peace", None),
        ("## What comes next...", None),
        ("## Troops will protect the peace.", "heading ends with a full stop"),
        ("## " + " ".join(["word"] * 16), "heading is 16 words long"),
        ("Not a heading.", None),
    ],
)
def test_heading_problem(line: str, expected: str | None) -> None:
    problem = heading_problem(line)
    assert problem is None if expected is None else problem.startswith(expected)


def test_digest_ignores_quote_style_and_whitespace() -> None:
    assert digest("He said “yes”\n\nand  left.") == digest('He said "yes" and left.')
    assert digest("He said yes.") != digest("He said no.")


def test_containment_is_share_of_the_shorter_text() -> None:
    short = shingles("the port reopened on monday after the strike")
    long = shingles("officials said the port reopened on monday after the strike ended")
    assert containment(short, long) == 1.0
    assert containment(long, short) == 1.0
    assert containment(short, shingles("rain fell on valencia overnight")) == 0.0


def test_index_finds_exact_and_near_copies_but_not_other_stories() -> None:
    story = (
        "Heavy rain that fell overnight on the region forced more than three thousand people "
        "to leave their homes, the regional emergency service said on Tuesday morning."
    )
    retold = story.replace("said on", "reported on").replace("overnight", "during the night")
    other = "The central bank left interest rates unchanged and said inflation was slowing."
    bodies = {"a": story, "b": retold, "c": other, "d": story.replace(",", " ,")}
    index = DuplicateIndex()
    for key, body in bodies.items():
        index.add(key, body)
    assert index.exact("a", story) == []
    assert index.exact("a", " ".join(story.split("  "))) == []
    near = dict(index.near("a", story, bodies.__getitem__))
    assert set(near) == {"b", "d"}
    assert 0.2 <= near["b"] < 1.0
    assert index.near("c", other, bodies.__getitem__) == []
