"""The cleaner on real pastes (tests/fixtures/cleaner) and table-driven single lines."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from conftest import REPO_DATA
from newsarchive.cleaner import clean, repair_spacing
from newsarchive.readers import read_file
from newsarchive.records import CleanArticle, RawArticle
from newsarchive.registry import load_registries

FIXTURES = Path(__file__).parent / "fixtures" / "cleaner"
REGISTRIES = load_registries(REPO_DATA)


def clean_fixture(name: str) -> CleanArticle:
    return clean(read_file(FIXTURES / name), REGISTRIES)


def clean_text(text: str, kind: str = "text", **raw: object) -> CleanArticle:
    article = RawArticle(path=Path("case.txt"), kind=kind, text=text, digest="0", **raw)  # type: ignore[arg-type]
    return clean(article, REGISTRIES)


PARAGRAPH = "The council said the work would take three more weeks to finish."


@pytest.fixture(scope="module")
def seed() -> CleanArticle:
    """The seed: a machine-translated Canadian Press/AP story, one line per paragraph."""
    return clean_fixture("seed_cp_ap.txt")


class TestSeedGolden:
    def test_parts(self, seed: CleanArticle) -> None:
        assert seed.title is None
        assert seed.dateline == "London"
        assert seed.agency == "The Associated Press"
        assert seed.copyright == "© 2025 The Canadian Press"
        assert seed.copyright_holder == "The Canadian Press"
        assert seed.byline == ()

    def test_headings(self, seed: CleanArticle) -> None:
        assert [b.text for b in seed.blocks if b.kind == "heading"] == [
            "Troops in Ukraine to protect peace",
            "Unables ceasefire",
            "“Good vibrations coming out of Russia”",
        ]

    def test_body(self, seed: CleanArticle) -> None:
        body = seed.body()
        assert seed.blocks[0].kind == "paragraph"
        assert seed.blocks[0].text.startswith("British Prime Minister Keir Starmer Used Russian")
        assert "Get daily national news" not in body
        assert "reception box" not in body
        assert "Copy 2025" not in body
        assert "Ukraine’s long-term security" in body
        assert "the large-scale invasion of Russia" in body
        assert " -term" not in body and " -scale" not in body
        # the translation's own words stay, clumsy or not
        assert "“coalition of it willingly”" in body
        assert body.endswith("stop and accept a cease-fire now.”")
        assert len([b for b in seed.blocks if b.kind == "paragraph"]) == 21

    def test_removed_lines_are_kept_for_review(self, seed: CleanArticle) -> None:
        assert seed.removed == (
            "& Copy 2025 the Canadian press",
            "Get daily national news",
            "Get the best news of the day, the titles of political, economic and current "
            "affairs, delivered in your reception box once a day.",
            "London (AP) –",
        )


class TestFixtures:
    def test_title_byline_date_dateline_and_credits(self) -> None:
        article = clean_fixture("title_byline_date.txt")
        assert article.title == "Kyiv opens its first night train to Chisinau"
        assert article.byline == ("Olena Kovalenko", "Mark Ellis")
        assert article.date == dt.date(2025, 5, 9)
        assert (article.dateline, article.agency) == ("Kyiv, Ukraine", "The Associated Press")
        assert article.lead() == (
            "Ukraine’s railway company launched its first overnight service to the Moldovan "
            "capital on Friday, cutting the journey to eleven hours."
        )
        body = article.body()
        for furniture in ("Read also", "Advertisement", "Reporting by", "Published on", "By Olena"):
            assert furniture not in body
        assert "(Reporting by Olena Kovalenko; Editing by Mark Ellis)" in article.removed
        assert len(article.blocks) == 3

    def test_wire_copy_is_reflowed(self) -> None:
        article = clean_fixture("wire_hard_wrapped.txt")
        assert article.title == "CANADA FERRY OPERATOR RAISES FARES"
        assert article.byline == ("Claire Dubois",)
        assert (article.dateline, article.agency) == ("Ottawa", "Reuters")
        assert [b.text for b in article.blocks] == [
            "The country's largest ferry operator said it would raise fares on its Atlantic "
            "routes by six pct from April, blaming higher fuel costs and a shortage of trained "
            "crews on the longer crossings.",
            "The company said the increase would be its first in three years and would not "
            "apply to commuters who buy monthly passes.",
            "Passenger numbers rose four pct last year to 2.1 mln, the operator said.",
        ]
        assert "Reuter" in article.removed

    def test_one_line_paragraphs_are_not_merged(self) -> None:
        article = clean_fixture("promo_block.txt")
        assert len(article.blocks) == 4

    def test_promo_block_goes_with_its_heading(self) -> None:
        article = clean_fixture("promo_block.txt")
        assert "briefing" not in article.body()
        assert article.removed == (
            "Get our morning briefing",
            "Sign up to receive the day's top stories, delivered to your inbox every morning.",
        )
        assert all(b.kind == "paragraph" for b in article.blocks)

    @pytest.mark.parametrize(
        "sentence",
        [
            "Thousands of people rushed to sign up for the vaccine on the first day.",
            "Questions could be sent via email. She did not respond to the email on Friday.",
            "The ministry said the forms were sent to the inbox of every local council.",
        ],
    )
    def test_sentences_about_sign_ups_and_email_stay(self, sentence: str) -> None:
        lead = "Officials said the campaign would continue for another month in every region."
        article = clean_text(f"Campaign widens\n\n{lead}\n\n{sentence}\n\n{lead}")
        assert sentence in article.body()

    @pytest.mark.parametrize(
        ("line", "date", "place"),
        [
            ("Lisbon, 4 May 2020", dt.date(2020, 5, 4), "Lisbon"),
            ("Berlin, 28.11.2024 09:15", dt.date(2024, 11, 28), "Berlin"),
            ("Paris, le 4 mai 2020", dt.date(2020, 5, 4), "Paris"),
            ("Kyiv – 3 hours ago", None, "Kyiv"),
        ],
    )
    def test_a_place_and_date_line_under_the_headline(self, line, date, place) -> None:
        article = clean_text(f"Harbour strike ends\n\n{line}\n\n{PARAGRAPH}")
        assert (article.title, article.date, article.dateline) == (
            "Harbour strike ends",
            date,
            place,
        )
        assert article.removed == (line,)
        assert article.body() == PARAGRAPH

    def test_a_paragraph_ending_in_a_danda_is_not_a_heading(self) -> None:
        text = (
            "बजट पर बहस\n\nसरकार ने आज संसद में नया बजट पेश किया और कहा कि इससे विकास बढ़ेगा।\n\n"
            "विपक्ष ने बजट की आलोचना की।\n\n"
            "वित्त मंत्री ने कहा कि कर की दरें अगले साल भी नहीं बदलेंगी और खर्च बढ़ेगा।"
        )
        assert all(block.kind == "paragraph" for block in clean_text(text).blocks)

    def test_copyright_mangled_entity_and_canadian_press_dateline(self) -> None:
        article = clean_fixture("copyright_mangled_entity.txt")
        assert article.copyright == "© 2025 The Canadian Press"
        assert article.copyright_holder == "The Canadian Press"
        assert (article.dateline, article.agency) == ("Ottawa", "The Canadian Press")
        assert article.lead().startswith("Snow closed schools")

    def test_spacing_damage_is_repaired(self) -> None:
        article = clean_fixture("spacing_damage.txt")
        assert [b.text for b in article.blocks] == [
            "The government presented a long-term plan for large-scale housing, with new targets.",
            "Officials said the “first phase” would start in June; critics were not convinced!",
        ]

    def test_odd_spaces_are_normalised(self) -> None:
        article = clean_fixture("odd_spaces.txt")
        assert [b.text for b in article.blocks] == [
            "The new bridge will open in June, the mayor said. Works cost ten million euros.",
            "It will carry trams and bicycles only.",
        ]

    def test_whole_page_paste_loses_its_chrome(self) -> None:
        article = clean_fixture("fullpage_chrome.txt")
        assert article.title == "Harbour cranes return to Gdańsk"
        assert article.date == dt.date(2025, 3, 12)
        assert (article.dateline, article.agency) == ("Gdańsk", "Reuters")
        assert article.copyright == "© 2025 The Daily Harbour"
        assert [b.text[:40] for b in article.blocks] == [
            "Two giant container cranes arrived in th",
            "The cranes were shipped from Shanghai an",
            "Port traffic in the Baltic has grown ste",
            "The operator expects the new cranes to h",
        ]
        for chrome in ("Sign In", "Most read", "Site map", "cookies", "Facebook", "Tram line"):
            assert chrome not in article.body()
        assert "Mayor unveils winter plan for homeless shelters" in article.removed

    def test_furniture_above_the_headline_goes_first(self) -> None:
        article = clean_fixture("furniture_above_headline.txt")
        assert article.title == "Lviv council votes to rebuild the old tram depot"
        assert article.byline == ("Marta Hnatiuk", "Piotr Zielinski")
        assert article.dateline == "Lviv"
        assert [b.text[:30] for b in article.blocks] == [
            "The city council voted on Thur",
            "The depot will hold forty tram",
            "Councillors from two parties v",
        ]
        for chrome in ("Home", "Politics", "Opinion", "Trending now", "SUBSCRIBE NOW"):
            assert chrome in article.removed
        assert "Marta Hnatiuk and Piotr Zielinski, The Lviv Herald" in article.removed

    def test_headline_with_a_full_stop_above_its_date_and_photo_credit(self) -> None:
        article = clean_fixture("headline_with_full_stop.txt")
        assert article.title == '"Talks resume in Geneva".'
        assert article.removed == ("Photo by ANNA KOWALSKA Reuters.", "4 hour(s) ago")
        assert article.lead().startswith("Negotiators from both sides met again")

    def test_headline_with_a_full_stop_set_apart_by_a_blank_line(self) -> None:
        article = clean_fixture("headline_set_apart_by_blank_line.txt")
        assert article.title == "Bakery chain opens its first shop abroad."
        assert [b.text for b in article.blocks] == [
            "The chain opened the shop in Vienna on Friday.",
            "It plans two more next year.",
        ]


LEAD = "The council said on Monday that the new tram line would open in the spring of next year."


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # short, one sentence, and the first paragraph is much longer: a headline
        (f"Tram line to open in spring.\n{LEAD}\n", "Tram line to open in spring."),
        (f"Will the tram line open in spring?\n{LEAD}\n", "Will the tram line open in spring?"),
        # the nearest headline-shaped line above the article, not the first
        (f"Local news from the valley\nTram line to open in spring\n{LEAD}\n",
         "Tram line to open in spring"),
        # a one-line lead paragraph stays body: as long as the next, or two sentences
        (f"{PARAGRAPH}\n{PARAGRAPH}\n", None),
        (f"The line opens. It runs all night.\n{LEAD}\n", None),
        # a blank row sets a line apart only when the lines below do not all have one
        (f"The line opens in spring, the council said.\n\n{PARAGRAPH}\n\n{PARAGRAPH}\n", None),
        # a dateline opens a lead, never a headline
        (f"KYIV (AP) — The tram line opened.\n{LEAD}\n", None),
    ],
)  # fmt: skip
def test_headline_or_lead(text: str, title: str | None) -> None:
    article = clean_text(text)
    assert article.title == title
    assert article.lead() == LEAD if title else article.lead() != LEAD


@pytest.mark.parametrize(
    ("opening", "dateline", "agency", "rest"),
    [
        ("London (AP) – Talks", "London", "The Associated Press", "Talks"),
        ("BERLIN, April 9 (Reuters) - Talks", "Berlin", "Reuters", "Talks"),
        ("PARIS (AFP) — Talks", "Paris", "Agence France-Presse", "Talks"),
        ("(CNN) -- Talks", None, "CNN", "Talks"),
        ("(CNN) Talks", None, "CNN", "Talks"),
        ("WASHINGTON (AP) —Talks", "Washington", "The Associated Press", "Talks"),
        ("KYIV, Ukraine (AP) — Talks", "Kyiv, Ukraine", "The Associated Press", "Talks"),
        ("BUFFALO, N.Y. — Talks", "Buffalo, N.Y.", None, "Talks"),
        ("SANTA FE, N.M. (AP) — talks", "Santa Fe, N.M.", "The Associated Press", "talks"),
        ("MADRID — Talks", "Madrid", None, "Talks"),
        ("SALVADOR, Feb 26 - Talks", "Salvador", None, "Talks"),
        ("New York, Feb 26 - Talks", "New York", None, "Talks"),
        ("Hamburg (dpa/lno) – Talks", "Hamburg", "Deutsche Presse-Agentur", "Talks"),
        ("Kyiv (Ukrinform) - Talks", "Kyiv", "Ukrinform", "Talks"),
        ("“Talks (in Rome) - ended”", None, None, "“Talks (in Rome) - ended”"),
        ("NATO said on Friday - again", None, None, "NATO said on Friday - again"),
    ],
)
def test_datelines(opening: str, dateline: str | None, agency: str | None, rest: str) -> None:
    article = clean_text(f"{opening} began in the capital on Monday morning.\n{PARAGRAPH}\n")
    assert (article.dateline, article.agency) == (dateline, agency)
    assert article.lead() == f"{rest} began in the capital on Monday morning."


@pytest.mark.parametrize(
    ("line", "copyright", "holder"),
    [
        ("& Copy 2025 the Canadian press", "© 2025 The Canadian Press", "The Canadian Press"),
        ("&copy; 2024 Kyiv Independent", "© 2024 Kyiv Independent", "Kyiv Independent"),
        ("© 2025 Reuters", "© 2025 Reuters", "Reuters"),
        ("(c) 2023 dpa", "© 2023 dpa", "dpa"),
        (
            "Copyright 2019 The Associated Press. All rights reserved. This material may not be "
            "published, broadcast, rewritten or redistributed.",
            "© 2019 The Associated Press",
            "The Associated Press",
        ),
        ("Copyright © 2019 Press TV. All rights reserved.", "© 2019 Press TV", "Press TV"),
        ("© 2010-2025 Guardian News & Media Limited", "© 2010 Guardian News & Media Limited",
         "Guardian News & Media Limited"),
    ],
)  # fmt: skip
def test_copyright_lines(line: str, copyright: str, holder: str) -> None:
    article = clean_text(f"{PARAGRAPH}\n{line}\n")
    assert (article.copyright, article.copyright_holder) == (copyright, holder)
    assert article.body() == PARAGRAPH
    assert article.removed == (line,)


@pytest.mark.parametrize(
    ("line", "byline", "agency"),
    [
        ("By Anna Schmidt", ("Anna Schmidt",), None),
        ("By Anna Schmidt and Jan Nowak", ("Anna Schmidt", "Jan Nowak"), None),
        ("By A. Schmidt, J. Nowak and Li Wei", ("A. Schmidt", "J. Nowak", "Li Wei"), None),
        ("By Anna Schmidt | Reuters", ("Anna Schmidt",), "Reuters"),
        ("Von Anna Schmidt", ("Anna Schmidt",), None),
        ("Par Jean de La Fontaine", ("Jean de La Fontaine",), None),
        ("Por Agencia EFE", (), "EFE"),
        ("Anna Schmidt, Reuters", ("Anna Schmidt",), "Reuters"),
        ("Anna Schmidt and Jan Nowak, The Daily Harbour", ("Anna Schmidt", "Jan Nowak"), None),
        ("Anna Schmidt | Le Monde", ("Anna Schmidt",), None),
    ],
)
def test_bylines(line: str, byline: tuple[str, ...], agency: str | None) -> None:
    article = clean_text(f"A headline for the story\n{line}\n{PARAGRAPH}\n")
    assert (article.byline, article.agency) == (byline, agency)
    assert article.title == "A headline for the story"
    assert article.body() == PARAGRAPH


@pytest.mark.parametrize(
    "line",
    [
        "Advertisement",
        "ADVERTISEMENT",
        "Read more",
        "Read also: Bridge reopens after repairs",
        "Related: Tram line delayed",
        "Share this article",
        "Facebook Twitter Email",
        "Copy link",
        "Image caption",
        "Photo: Anna Schmidt/Reuters",
        "Sign up here",
        "Our Standards: The Thomson Reuters Trust Principles.",
        "Additional reporting by Jan Nowak",
        "Jan Nowak contributed to this report.",
        "Updated 3 hours ago",
        "We use cookies to give you the best experience. Accept all to continue.",
        "Click to share on Twitter (Opens in new window)",
        "Share on WhatsApp",
        "Get daily national news",
        "Sign in to comment",
        "Most viewed this week",
        "Photo by Marko Djurica Reuters",
        "The photo was taken by Anna Schmidt.",
        "See more",
        "Home",
        "7 minute(s) ago",
    ],
)
def test_furniture_lines_are_removed(line: str) -> None:
    article = clean_text(f"{PARAGRAPH}\n{line}\n{PARAGRAPH}\n")
    assert article.body() == f"{PARAGRAPH}\n\n{PARAGRAPH}"
    assert article.removed == (line,)


@pytest.mark.parametrize(
    "sentence",
    [
        "Read more books, the minister told pupils on Monday.",
        "The bakery said its cookies would cost more from next week.",
        "Advertisement revenue fell by a third last year, the company said.",
        "Share prices rose 3% after the announcement.",
        "By the end of the year the line should carry twenty trains a day.",
        "Get daily exercise and sleep well, the doctors said.",
        "Most read the report before the vote, an aide said.",
        "Photo by photo, the archive was rebuilt over the last ten years.",
        "Trending topics changed little, the survey found.",
    ],
)
def test_article_sentences_are_never_furniture(sentence: str) -> None:
    article = clean_text(f"{PARAGRAPH}\n{sentence}\n")
    assert article.body() == f"{PARAGRAPH}\n\n{sentence}"
    assert article.removed == ()


def test_page_headings_stay_and_a_repeated_title_goes() -> None:
    text = f"## Bridge reopens\n\n{PARAGRAPH}\n\n## Buses first\n\n{PARAGRAPH}"
    article = clean_text(text, kind="html", title="Bridge reopens")
    assert article.title == "Bridge reopens"
    assert [b.markdown() for b in article.blocks] == [PARAGRAPH, "## Buses first", PARAGRAPH]
    assert article.removed == ("Bridge reopens",)


def test_page_metadata_is_kept_when_the_text_has_none() -> None:
    article = clean_text(
        PARAGRAPH, kind="html", date=dt.date(2024, 1, 2), byline=("Ana Ruiz",), title="T"
    )
    assert (article.date, article.byline) == (dt.date(2024, 1, 2), ("Ana Ruiz",))


def test_a_run_of_one_word_labels_is_a_menu() -> None:
    article = clean_text(f"{PARAGRAPH}\nPolitik\nWirtschaft\nKultur\n{PARAGRAPH}\n")
    assert article.body() == f"{PARAGRAPH}\n\n{PARAGRAPH}"
    assert article.removed == ("Politik", "Wirtschaft", "Kultur")


def test_a_lone_one_word_subheading_stays() -> None:
    article = clean_text(f"{PARAGRAPH}\nReaction\n{PARAGRAPH}\n")
    assert [b.markdown() for b in article.blocks] == [PARAGRAPH, "## Reaction", PARAGRAPH]


def test_short_line_ending_the_text_is_not_a_heading() -> None:
    article = clean_text(f"{PARAGRAPH}\nMore to follow\n")
    assert [b.kind for b in article.blocks] == ["paragraph", "paragraph"]


@pytest.mark.parametrize(
    ("damaged", "repaired"),
    [
        ("a long -term plan", "a long-term plan"),
        ("a 5 -3 win", "a 5 -3 win"),
        ("said , and left .", "said, and left."),
        ("it rose .5 percent", "it rose .5 percent"),
        ("the “ first phase ” began", "the “first phase” began"),
        ("two  spaces\u00a0and\u202fnarrow", "two spaces and narrow"),
        ("zero\u200bwidth", "zerowidth"),
    ],
)
def test_repair_spacing(damaged: str, repaired: str) -> None:
    assert repair_spacing(damaged) == repaired


def test_french_spacing_before_marks_is_kept() -> None:
    assert repair_spacing("Il a dit : « non » ; puis il est parti !", french=True) == (
        "Il a dit : « non » ; puis il est parti !"
    )
