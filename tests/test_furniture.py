"""Page furniture by its kind (data/furniture.yml): one rule for the cleaner and validate.

Fixture pastes and pages (tests/fixtures/furniture) are read and cleaned as ingest does;
single lines are checked against both consumers at once, so they cannot disagree.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import REPO_DATA
from newsarchive.cleaner import clean
from newsarchive.errors import RegistryError
from newsarchive.furniture_rule import FurnitureRule, plain
from newsarchive.readers import read_file
from newsarchive.records import CleanArticle, RawArticle
from newsarchive.registry import Furniture, load_registries
from newsarchive.validate.damage import check_damage

FIXTURES = Path(__file__).parent / "fixtures" / "furniture"
REGISTRIES = load_registries(REPO_DATA)
FURNITURE = REGISTRIES.furniture
PARAGRAPH = "The council said the work would take three more weeks to finish."


def clean_fixture(name: str) -> CleanArticle:
    return clean(read_file(FIXTURES / name), REGISTRIES)


def clean_line(line: str) -> CleanArticle:
    text = f"{PARAGRAPH}\n\n{line}\n\n{PARAGRAPH}\n"
    return clean(RawArticle(path=Path("case.txt"), kind="text", text=text, digest="0"), REGISTRIES)


def flagged(body: str) -> list[int]:
    """Body lines (from 1) that validate calls page furniture."""
    problems = check_damage(body, 1, FURNITURE)
    return [line for line, message in problems if "is page furniture" in message]


def paste_paragraphs(name: str) -> list[str]:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    return [" ".join(block.split()) for block in text.split("\n\n") if block.strip()]


# Each paste: its headline, then the lines the cleaner must take out, in order. Everything
# else in the paste is article text and must come out as the body, in order, with no heading.
PASTES = {
    "share_bar_any_separators.txt": (
        "Tram line to the airport opens in May",
        (
            "Share: WhatsApp Telegram Copy link",
            "SHARE THIS ARTICLE Facebook · X · Email",
            "Facebook | Twitter | LinkedIn | Copy link",
        ),
    ),
    "ad_marker_joined_to_widget.txt": (
        "Regional council approves budget for new hospital wing",
        (
            "Sponsored · continue reading below",
            "- ADVERTISEMENT -",
            "Advertisement:",
            "Anzeige | Story continues below",
        ),
    ),
    "reading_time_and_audio_widgets.txt": (
        "Farmers in the south expect a smaller wheat harvest after a dry spring",
        (
            "Reading time 3 min",
            "Listen 2:41",
            "4 min read · Listen to this article",
            "Listen (3:05)",
        ),
    ),
    "follow_us_prompts.txt": (
        "Museum returns stolen icons to monastery",
        (
            "Join our Telegram channel",
            "Follow us on Google News",
            "Subscribe to our YouTube channel · Follow us: Facebook, Instagram",
        ),
    ),
    "comment_prompts.txt": (
        "City doubles fines for parking in bus lanes",
        ("12 comments", "Leave a comment", "Comments (3)", "Show all 40 comments | Share"),
    ),
    "reuse_and_standards_notices.txt": (
        "Parliament extends state of emergency by three months",
        (
            "Reproduction only with an active link to the source",
            "Our editorial standards",
            "All materials are protected by copyright law; use with a hyperlink",
        ),
    ),
    "untranslated_widgets.txt": (
        "Bridge over the river closed for repairs until June",
        (
            "Lesezeit: 3 Min.",
            "Поделиться: ВКонтакте · Telegram · WhatsApp",
            "Подписывайтесь на наш Telegram-канал",
            "5 Kommentare · Partager",
            "Передрук матеріалів лише з активним посиланням на джерело",
        ),
    ),
}


@pytest.mark.parametrize("name", sorted(PASTES))
def test_furniture_of_each_kind_is_taken_out_of_a_paste(name: str) -> None:
    title, removed = PASTES[name]
    article = clean_fixture(name)
    assert article.title == title
    assert article.removed == removed
    expected = [p for p in paste_paragraphs(name) if p != title and p not in removed]
    assert [block.markdown() for block in article.blocks] == expected


def test_an_ad_marker_joined_to_a_widget_is_never_a_subheading() -> None:
    article = clean_fixture("ad_marker_joined_to_widget.txt")
    assert [block.kind for block in article.blocks] == ["paragraph"] * 4


def test_breadcrumbs_and_widgets_in_a_saved_page_are_taken_out() -> None:
    article = clean_fixture("breadcrumbs.html")
    assert article.title == "Rail freight to the port doubles in a year"
    assert article.removed == (
        "News › Economy › Transport",
        "Home / Business / Logistics",
        "Reading time 4 min • Share",
        "Rail freight to the port doubles in a year",
    )
    assert [block.kind for block in article.blocks] == ["paragraph"] * 4
    assert article.blocks[0].text.startswith("The volume of goods carried by rail")
    assert article.blocks[-1].text.startswith("Port officials said the extra trains")


def test_sentences_about_sharing_comments_ads_reading_and_listening_stay() -> None:
    name = "furniture_words_in_sentences.txt"
    article = clean_fixture(name)
    assert article.removed == ()
    paragraphs = paste_paragraphs(name)
    assert article.title == paragraphs[0]
    assert [block.text for block in article.blocks] == paragraphs[1:]
    # A short line between paragraphs is the article's own subheading.
    assert [b.text for b in article.blocks if b.kind == "heading"] == ["Follow the money"]
    body = "\n\n".join(block.markdown() for block in article.blocks)
    assert flagged(body) == []


# One example per kind and language; the cleaner takes each out and validate flags each.
FURNITURE_LINES = [
    # ad and sponsor markers
    "ADVERTISEMENT",
    "Advertisement:",
    "- Advertisement -",
    "Anzeige",
    "Werbung",
    "Publicité",
    "Реклама",
    "Sponsored · continue reading below",
    "Story continues below the advertisement",
    "Scroll to continue reading",
    "Sponsored by Northwind Bank",
    # share bars, any case and separators
    "Share: WhatsApp Telegram Copy link",
    "Share this article Facebook · X · Email",
    "facebook / twitter / email",
    "Share 12 Tweet 3",
    "Teilen: Facebook • WhatsApp • E-Mail",
    "Поделиться: ВКонтакте · Telegram",
    "Close share panel",
    "Tweet",
    # editorial-standards and reuse notices
    "Reproduction only with an active link to the source",
    "Our editorial standards",
    "Learn more about our editorial policy",
    "All materials are protected by copyright law; use with a hyperlink",
    "При использовании материалов гиперссылка на источник обязательна",
    "Nachdruck nur mit Genehmigung der Redaktion",
    "Found a typo? Select it and press Ctrl+Enter",
    "Reproduction interdite",
    "Перепечатка запрещена",
    # reading-time and audio widgets
    "Reading time 3 min",
    "Reading time: 12 minutes",
    "4 min read",
    "3-minute read",
    "3 Min. Lesezeit",
    "Temps de lecture: 5 min",
    "Время чтения: 4 минуты",
    "Listen 2:41",
    "Listen to this article",
    "Artikel anhören · 4 Min.",
    "Слухати статтю (3:10)",
    "Audio: 12:05",
    "Your browser does not support the audio element.",
    # breadcrumbs
    "News › World › Europe",
    "Home / Politics / Ukraine",
    "Startseite > Politik > Ausland",
    "Accueil » International",
    # follow-us prompts
    "Join our Telegram channel",
    "Follow us on Google News",
    "Subscribe to our YouTube channel",
    "Stay connected:",
    "Folgen Sie uns auf Instagram",
    "Підписуйтесь на наш Telegram-канал",
    "Follow on X",
    # comment prompts
    "12 comments",
    "Leave a comment",
    "Comments (3)",
    "COMMENTS: 41",
    "5 Kommentare",
    "3 комментария",
    "View all 12 comments",
    # widgets joined on one line
    "Reading time 3 min | Listen 2:41 | 12 comments",
    "Home › News — Share",
]


@pytest.mark.parametrize("line", FURNITURE_LINES)
def test_the_cleaner_takes_out_what_validate_flags(line: str) -> None:
    article = clean_line(line)
    assert article.removed == (line,)
    assert article.body() == f"{PARAGRAPH}\n\n{PARAGRAPH}"
    assert flagged(f"{PARAGRAPH}\n\n{line}\n\n{PARAGRAPH}\n") == [3]


# Article text that mentions what furniture is about: kept by the cleaner, never flagged.
SENTENCES = [
    "Share prices rose 3% after the announcement.",
    "Advertising revenue fell by a third last year, the company said.",
    "The ministry banned sponsored content aimed at children.",
    "He left a comment under the post, which drew 12 comments within an hour.",
    "Comments by the minister drew criticism from the opposition.",
    "No comment",
    "Join our Telegram channel, the militants urged their followers.",
    "The channel, with 2 million subscribers on Telegram, was blocked on Monday.",
    "Follow the money",
    "Reading time for pupils has fallen to 20 minutes a day, the survey found.",
    "Listen to the people, the president told lawmakers.",
    "Reproduction of the painting is allowed only with written permission, the museum said.",
    "The newspaper's editorial standards were questioned by the regulator.",
    "Europe",
    "Ukraine – Russia talks",
    "Kyiv — Reuters",
    "Home secretary / interior minister",
    "Telegram",
]


@pytest.mark.parametrize("sentence", SENTENCES)
def test_article_text_about_furniture_is_kept_and_not_flagged(sentence: str) -> None:
    article = clean_line(sentence)
    assert article.removed == ()
    assert [block.text for block in article.blocks] == [PARAGRAPH, sentence, PARAGRAPH]
    assert flagged(f"{PARAGRAPH}\n\n{sentence}\n\n{PARAGRAPH}\n") == []


def test_validate_flags_a_furniture_heading_as_the_cleaner_sees_it() -> None:
    body = f"{PARAGRAPH}\n\n## Sponsored · continue reading below\n\n{PARAGRAPH}\n"
    assert flagged(body) == [3]


def test_a_line_is_read_plain() -> None:
    assert plain("  - ADVERTISEMENT  -  ") == "ADVERTISEMENT"
    assert plain("Reading   time: 3 min.") == "Reading time: 3 min"
    assert plain("› · |") == ""


def test_every_segment_must_be_furniture() -> None:
    rule = FurnitureRule.build(["Sponsored", "Continue reading below"], [], {})
    assert rule.matches("Sponsored · continue reading below")
    assert rule.matches("SPONSORED | CONTINUE READING BELOW")
    assert not rule.matches("Sponsored · the council met on Monday")
    assert not rule.matches("")


def test_a_word_group_stands_for_any_of_its_words() -> None:
    rule = FurnitureRule.build([], [r"^\d+ {comments}$"], {"comments": ["comments", "Kommentare"]})
    assert rule.matches("12 comments") and rule.matches("5 KOMMENTARE")
    assert not rule.matches("12 comment")


def test_a_pattern_naming_an_unknown_word_group_is_refused() -> None:
    with pytest.raises(ValueError, match=r"names the word group \{networks\}"):
        FurnitureRule.build([], ["^share on {networks}$"], {})


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    target = tmp_path / "archive-data"
    shutil.copytree(REPO_DATA, target)
    return target


def test_a_bad_pattern_is_reported_against_the_furniture_file_loaded(data_dir: Path) -> None:
    (data_dir / "furniture.yml").write_text("patterns:\n  - '(unclosed'\n", encoding="utf-8")
    with pytest.raises(RegistryError) as caught:
        load_registries(data_dir)
    assert str(caught.value).startswith(f"{data_dir / 'furniture.yml'}: ")
    assert "pattern '(unclosed' is not a regular expression (missing ), unterminated" in str(
        caught.value
    )
    assert str(REPO_DATA) not in str(caught.value)


def test_furniture_from_another_data_dir_is_what_both_consumers_use(data_dir: Path) -> None:
    (data_dir / "furniture.yml").write_text("lines: [Gallery of the week]\n", encoding="utf-8")
    furniture = load_registries(data_dir).furniture
    assert furniture.matches("GALLERY OF THE WEEK:")
    assert not furniture.matches("Advertisement")
    assert [line for line, _ in check_damage("Gallery of the week\n", 1, furniture)] == [1]


def test_the_shipped_file_loads() -> None:
    assert isinstance(FURNITURE, Furniture)
    assert FURNITURE.words["networks"] and FURNITURE.matches("Advertisement")
