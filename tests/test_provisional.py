"""Pastes that start with the story: a provisional headline from the lead, confirmed by a person.

Ingest writes the page with `provisional: [title]` and says so on its summary line;
`validate` warns (never fails) until the marker is removed.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsarchive import frontmatter
from newsarchive.cleaner import clean
from newsarchive.cleaner.header import PROVISIONAL_MAX_CHARS, provisional_title
from newsarchive.cli import cli
from newsarchive.enrich import enrich
from newsarchive.enrich.language import function_words
from newsarchive.errors import InputError
from newsarchive.model import Article
from newsarchive.overrides import Overrides
from newsarchive.readers import read_file
from newsarchive.registry import Registries, load_registries

FIXTURES = Path(__file__).parent / "fixtures" / "provisional"
LEAD_ONLY = "lead_only_machine_translation.txt"
TITLE = "The Cabinet of Ministers of Ukraine on Wednesday approved the procedure for the payment"
PAGE = Path(
    "articles/2025/06/the-cabinet-of-ministers-of-ukraine-on-wednesday-approved-the-procedure-for-the.md"
)
CONFIRM = (
    "title is provisional (made from the lead); confirm or edit it, "
    "then remove 'title' from 'provisional'"
)


@pytest.fixture(scope="module")
def registries() -> Registries:
    return load_registries()


@pytest.fixture(scope="module")
def english(registries: Registries) -> frozenset[str]:
    return function_words(registries.languages)["en"]


@pytest.mark.parametrize(
    ("lead", "expected"),
    [
        # A first sentence short enough is the headline, less its full stop.
        ("Talks resume in Geneva. Delegations arrived on Sunday.", "Talks resume in Geneva"),
        ("Will the ceasefire hold? Nobody in Kyiv is sure.", "Will the ceasefire hold?"),
        # 'U.S.' and 'Mr.' do not end a sentence.
        (
            "The U.S. Senate passed the bill. Mr. Smith voted against.",
            "The U.S. Senate passed the bill",
        ),
        # Too long: cut where a clause ends, within the limit ...
        (
            "The government said on Friday that the new rules would take effect next month, "
            "after weeks of debate in parliament about how they should be enforced.",
            "The government said on Friday that the new rules would take effect next month",
        ),
        # ... else at a word, never on a function word ('for the').
        (
            "The Cabinet of Ministers of Ukraine on Wednesday approved the procedure for the "
            "payment of compensation for destroyed housing in the de-occupied territories.",
            TITLE,
        ),
        (
            "Polish Prime Minister Donald Tusk met the leaders of the three Baltic states and "
            "of Finland in Warsaw on Friday to discuss the defence of the eastern border.",
            "Polish Prime Minister Donald Tusk met the leaders of the three Baltic states",
        ),
        # Without a clause break, before the last function word, never on an adjective left
        # hanging ('... income taxes for middle').
        (
            "Italy's government approved a draft budget on Thursday that cuts income taxes for "
            "middle earners and raises spending on health care, the economy minister said.",
            "Italy's government approved a draft budget on Thursday that cuts income taxes",
        ),
        # A quotation the cut would leave open is left out.
        (
            "The minister called the deal “a turning point for the whole region and for all of "
            "its people”, and said it would be signed in the spring.",
            "The minister called the deal",
        ),
        ("— …", None),
    ],
)
def test_provisional_title_cut(english, lead, expected):
    assert provisional_title(lead, english) == expected


def test_a_cut_title_is_never_longer_than_the_limit_nor_cut_mid_word(english):
    lead = " ".join(["Parliament"] + ["approved"] * 40) + "."
    title = provisional_title(lead, english)
    assert title is not None and len(title) <= PROVISIONAL_MAX_CHARS
    assert set(title.split()) == {"Parliament", "approved"}


def enriched(registries: Registries, name: str, overrides: Overrides):
    raw = read_file(FIXTURES / name)
    return enrich(clean(raw, registries), overrides, registries)


def test_lead_only_paste_gets_a_provisional_title_and_keeps_its_lead(registries):
    result = enriched(registries, LEAD_ONLY, Overrides(date=dt.date(2025, 6, 11)))
    front = result.article.front_matter()
    assert (front["title"], front["provisional"]) == (TITLE, ["title"])
    assert list(front)[:3] == ["title", "provisional", "slug"]
    assert result.body.startswith(
        "The Cabinet of Ministers of Ukraine on Wednesday approved the procedure for the "
        "payment of compensation for destroyed housing, which will allow families"
    )
    assert result.warnings == (CONFIRM,)


def test_a_short_first_sentence_is_the_title_and_stays_in_the_body(registries):
    name = "first_sentence_short_enough_to_be_the_title.txt"
    result = enriched(registries, name, Overrides(date=dt.date(2025, 6, 11)))
    assert result.article.title == "The United States condemned the new missile strikes on Ukraine"
    assert result.article.provisional == ["title"]
    assert result.body.startswith("The United States condemned the new missile strikes on Ukraine.")


def test_a_title_given_by_flag_is_not_provisional(registries):
    given = Overrides(date=dt.date(2025, 6, 11), title="Ukraine approves housing compensation")
    front = enriched(registries, LEAD_ONLY, given).article.front_matter()
    assert front["title"] == "Ukraine approves housing compensation"
    assert "provisional" not in front


def test_a_missing_date_is_still_refused(registries):
    with pytest.raises(InputError) as caught:
        enriched(registries, LEAD_ONLY, Overrides())
    assert str(caught.value) == (
        f"{FIXTURES / LEAD_ONLY}: no publication date found; pass --date YYYY-MM-DD "
        "or add 'date:' to lead_only_machine_translation.meta.yml"
    )


@pytest.fixture
def lead_only(workdir: Path) -> Path:
    shutil.copy(FIXTURES / LEAD_ONLY, workdir / LEAD_ONLY)
    return workdir


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def test_ingest_writes_a_provisional_title_and_validate_warns_until_confirmed(lead_only: Path):
    code, _, err = run(
        "ingest", LEAD_ONLY, "--date", "2025-06-11", "--out", "articles", "--jobs", "1"
    )
    assert code == 0, err
    assert err.splitlines()[:2] == [
        f'archived {PAGE} [provisional title: "{TITLE}"]',
        f"warning: {LEAD_ONLY}: {CONFIRM}",
    ]
    data, _ = frontmatter.loads((lead_only / PAGE).read_text(encoding="utf-8"))
    assert Article.model_validate(data).provisional == ["title"]

    validate = ("validate", "--archive", "articles", "--data-dir", "data", str(PAGE))
    code, out, _ = run(*validate)
    assert code == 0
    assert out.splitlines() == [
        f"{PAGE}:2: warning: {CONFIRM}",
        "1 file checked: 0 errors, 1 warning",
    ]

    # A person edits the title and removes the marker: nothing left to confirm.
    page = lead_only / PAGE
    text = page.read_text(encoding="utf-8").replace(f"title: {TITLE}", "title: Kyiv approves aid")
    page.write_text(text.replace("provisional:\n- title\n", ""), encoding="utf-8")
    assert run(*validate)[:2] == (0, "1 file checked: 0 errors, 0 warnings\n")


def test_a_field_that_cannot_be_provisional_is_an_error(workdir: Path):
    page = workdir / "articles" / "2025" / "06" / "housing.md"
    page.parent.mkdir(parents=True)
    page.write_text(
        "---\ntitle: Housing\nprovisional:\n- date\nslug: housing\ndate: 2025-06-11\n"
        "added: 2025-06-12\nlanguage: en\n---\n\nText.\n",
        encoding="utf-8",
    )
    code, out, _ = run("validate", "--archive", "articles", "--data-dir", "data", str(page))
    assert code == 1
    assert out.splitlines()[0] == (
        f"{page.relative_to(workdir)}:4: provisional item 1 'date' cannot be provisional "
        "(only title can); remove it"
    )
