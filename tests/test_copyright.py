"""Copyright notices without a year are recorded; photo credits are not (cleaner/copyright.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsarchive import cleaner
from newsarchive.readers import read_file
from newsarchive.records import CleanArticle, RawArticle
from newsarchive.registry import Registries, load_registries

FIXTURES = Path(__file__).parent / "fixtures" / "copyright"
LEAD = "The council said the work would take three more weeks to finish."
LAST = "Engineers will start on the northern span first, the city said on Monday."


@pytest.fixture(scope="module")
def registries() -> Registries:
    return load_registries()


def clean_fixture(name: str, registries: Registries) -> CleanArticle:
    return cleaner.clean(read_file(FIXTURES / name), registries)


def clean_text(text: str, registries: Registries) -> CleanArticle:
    raw = RawArticle(path=Path("case.txt"), kind="text", text=text, digest="0")
    return cleaner.clean(raw, registries)


@pytest.mark.parametrize(
    ("name", "copyright", "holder", "last"),
    [
        (
            "copyright_without_year_dpa.txt",
            "© Deutsche Presse-Agentur",
            "Deutsche Presse-Agentur",
            "Visitors will be able to see them in the outdoor enclosure from the weekend.",
        ),
        (
            "copyright_without_year_ap_rights_reserved.txt",
            "© The Associated Press",
            "The Associated Press",
            "Snowploughs were working through the night, and the passes are expected to "
            "reopen by Monday afternoon.",
        ),
    ],
)
def test_notice_without_a_year_is_recorded_and_removed(
    name: str, copyright: str, holder: str, last: str, registries: Registries
) -> None:
    article = clean_fixture(name, registries)
    assert (article.copyright, article.copyright_holder) == (copyright, holder)
    assert article.blocks[-1].text == last
    assert article.removed[0] == (FIXTURES / name).read_text(encoding="utf-8").split("\n")[-2]


def test_photo_credits_are_removed_but_not_recorded(registries: Registries) -> None:
    article = clean_fixture("photo_credit_not_copyright.txt", registries)
    assert (article.copyright, article.copyright_holder) == (None, None)
    assert "© Reuters/Jane Doe" in article.removed and "Photo: © AFP" in article.removed
    assert "©" not in article.body()


@pytest.mark.parametrize(
    ("text", "copyright"),
    [
        (f"{LEAD}\n{LAST}\nCopyright Agence France-Presse", "© Agence France-Presse"),
        (f"{LEAD}\n{LAST}\n© dpa", "© dpa"),
        (f"{LEAD}\n{LAST}\n© AFP 2024", "© 2024 AFP"),
        (f"{LEAD}\nCopyright Agence France-Presse\n{LAST}", "© Agence France-Presse"),
        # a bare "©" above the last paragraph credits a photo
        (f"{LEAD}\n© AFP\n{LAST}", None),
        (f"{LEAD}\n{LAST}\n© Getty Images", None),
        (f"{LEAD}\n{LAST}\n© Reuters/Jane Doe", None),
    ],
)
def test_yearless_lines(text: str, copyright: str | None, registries: Registries) -> None:
    article = clean_text(text, registries)
    assert article.copyright == copyright
    assert article.body() == f"{LEAD}\n\n{LAST}"


def test_footer_links_end_the_holder(registries: Registries) -> None:
    line = "Copyright © 2019, Los Angeles Times | Terms of Service | Privacy Policy"
    article = clean_text(f"{LEAD}\n{LAST}\n{line}", registries)
    assert (article.copyright, article.copyright_holder) == (
        "© 2019 Los Angeles Times",
        "Los Angeles Times",
    )


@pytest.mark.parametrize("label", ["Copyright Policy", "Copyright and Reprint"])
def test_footer_link_labels_are_not_notices(label: str, registries: Registries) -> None:
    assert clean_text(f"{LEAD}\n{LAST}\n{label}", registries).copyright is None


def test_a_sentence_opening_with_copyright_is_text(registries: Registries) -> None:
    sentence = "Copyright law changes were approved by parliament on Tuesday."
    article = clean_text(f"{LEAD}\n{sentence}\n{LAST}", registries)
    assert article.copyright is None
    assert article.body() == f"{LEAD}\n\n{sentence}\n\n{LAST}"
