"""Table-driven cases for the single rules behind `newsarchive validate`."""

from __future__ import annotations

import pytest

from newsarchive.duplicates import DuplicateIndex, containment, digest, fingerprint, shingles
from newsarchive.validate.damage import heading_problem, quote_problem
from newsarchive.validate.fields import check_model
from newsarchive.validate.safety import link_problem
from newsarchive.validate.yamltraps import parse_front_matter

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
    assert index.exact("a", fingerprint(story)) == []
    assert index.exact("a", fingerprint(" ".join(story.split("  ")))) == []
    near = dict(index.near("a", story, fingerprint(story), bodies.__getitem__))
    assert set(near) == {"b", "d"}
    assert 0.2 <= near["b"] < 1.0
    assert index.near("c", other, fingerprint(other), bodies.__getitem__) == []


HEAD = "---\ntitle: T\nslug: t\ndate: 2025-03-01\nadded: 2025-03-02\nlanguage: en\n"


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        (
            "updated: 2025-03-05\n",
            (
                7,
                "updated must be the day of the last correction that is not minor; "
                "remove the 'updated' line",
            ),
        ),
        (
            "corrections:\n- date: 2025-03-05\n  note: Name fixed.\n",
            (
                7,
                "updated must be the day of the last correction that is not minor; "
                "write updated: 2025-03-05",
            ),
        ),
        (
            "updated: 2025-03-03\ncorrections:\n- date: 2025-03-03\n  note: A.\n"
            "- date: 2025-03-01\n  note: B.\n  minor: true\n",
            (
                11,
                "correction of 2025-03-01 is before the article was added (2025-03-02); "
                "fix the correction's date",
            ),
        ),
        (
            "corrections:\n- date: 2025-13-01\n  note: A.\n",
            (
                8,
                "corrections.date item 1: 2025-13-01 is not a real calendar date; "
                "write the day of the correction as YYYY-MM-DD",
            ),
        ),
        (
            "corrections:\n- date: 2025-03-03\n  note: A.\n  minor: maybe\n",
            (
                10,
                "corrections.minor item 1 must be true or false; "
                "write minor: true or leave the line out",
            ),
        ),
        (
            "moved_from:\n- 2025/03/old\n- 2025/3/old\n",
            (
                9,
                "moved_from item 2: '2025/3/old' is not an old address like 2025/03/old-slug; "
                "write the page's old place in the archive as YYYY/MM/slug",
            ),
        ),
    ],
)
def test_history_fields_are_explained_at_their_line(fields: str, expected: tuple[int, str]) -> None:
    front = parse_front_matter(f"{HEAD}{fields}---\n\nBody.\n")
    assert check_model(front) == [expected]


def test_a_day_first_added_date_is_explained() -> None:
    front = parse_front_matter(HEAD.replace("2025-03-02", "25/03/2025") + "---\n\nBody.\n")
    assert check_model(front) == [
        (5, "added '25/03/2025' is not YYYY-MM-DD; write added: 2025-03-25")
    ]
