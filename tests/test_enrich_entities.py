"""Linking people, organisations and places to the shipped registries (data/*.yml)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from newsarchive.enrich import enrich
from newsarchive.overrides import Overrides
from newsarchive.records import Block, CleanArticle, RawArticle
from newsarchive.registry import Entity, Registries, load_registries


@pytest.fixture(scope="module")
def registries() -> Registries:
    return load_registries()


def make_clean(*paragraphs: str, title: str = "A headline", **fields: object) -> CleanArticle:
    raw = RawArticle(path=Path("inbox/story.txt"), kind="text", text="", digest="0" * 64)
    blocks = tuple(Block("paragraph", text) for text in paragraphs)
    return CleanArticle(raw=raw, blocks=blocks, title=title, date=dt.date(2025, 3, 15), **fields)


def linked(registries: Registries, *paragraphs: str, title: str = "A headline") -> dict:
    article = enrich(make_clean(*paragraphs, title=title), Overrides(), registries).article
    return {"people": article.people, "orgs": article.organisations, "places": article.places}


@pytest.mark.parametrize(
    ("text", "field", "expected"),
    [
        pytest.param(
            "London (AP) – British Prime Minister Keir Starmer Used Russian President Vladimir "
            "Putin on Saturday to register for a ceasefire in his war against Ukraine.",
            "people",
            ["Keir Starmer", "Vladimir Putin"],
            id="seed-like-title-case-lead",
        ),
        pytest.param(
            "Starmer said Zelenskyy’s support for a truce showed that Putin's stalling failed.",
            "people",
            ["Keir Starmer", "Volodymyr Zelenskyy", "Vladimir Putin"],
            id="possessives-curly-and-straight",
        ),
        pytest.param(
            "Selenskyj traf Scholz; Zelensky and Zelenskiy are the same man.",
            "people",
            ["Volodymyr Zelenskyy", "Olaf Scholz"],
            id="spellings-of-one-person",
        ),
        pytest.param(
            "Erdogan a reçu Erdoğan.", "people", ["Recep Tayyip Erdoğan"], id="accents-folded"
        ),
        pytest.param(
            "Зеленський заявив, що Путін не хоче миру.",
            "people",
            ["Volodymyr Zelenskyy", "Vladimir Putin"],
            id="cyrillic",
        ),
        pytest.param("习近平会见了来访的客人。", "people", ["Xi Jinping"], id="chinese-no-spaces"),
        pytest.param(
            "Petr Pavel spoke first. Later Pavel said more.",
            "people",
            ["Petr Pavel"],
            id="surname-after-full-name",
        ),
        pytest.param(
            "Pavel said the talks went well.", "people", [], id="surname-alone-not-enough"
        ),
        pytest.param(
            "Ursula von der Leyen arrived. Von der Leyen said the plan stands.",
            "people",
            ["Ursula von der Leyen"],
            id="surname-with-particles",
        ),
        pytest.param(
            "La France et la Pologne demandent à l'OTAN d’aider d’Ukraine.",
            "orgs",
            ["NATO"],
            id="french-elision-org",
        ),
        pytest.param(
            "La France et la Pologne demandent à l'OTAN d’aider d’Ukraine.",
            "places",
            ["France", "Poland", "Ukraine"],
            id="french-elision-places",
        ),
        pytest.param(
            "Ukrainian officials met Ukrainians.", "places", [], id="demonym-is-not-a-place"
        ),
        pytest.param(
            "Ukraine's army held; Kyiv and Kiev and Київ are one city.",
            "places",
            ["Ukraine", "Kyiv"],
            id="possessive-place-and-city-spellings",
        ),
        pytest.param(
            "US troops and U.S. envoys; Us and them.",
            "places",
            ["United States"],
            id="short-alias-case-exact",
        ),
        pytest.param(
            "Il a signé un accord avec the UN.", "orgs", ["United Nations"], id="un-vs-french-un"
        ),
        pytest.param(
            "The UN Security Council met after the UN called.",
            "orgs",
            ["UN Security Council", "United Nations"],
            id="longest-alias-wins",
        ),
        pytest.param(
            "South Sudan and Sudan; the Democratic Republic of the Congo.",
            "places",
            ["South Sudan", "Sudan", "Democratic Republic of the Congo"],
            id="longer-place-names-win",
        ),
        pytest.param(
            "An amnesty for protesters and a turkey dinner in chad colours.",
            "orgs",
            [],
            id="common-words-need-capitals",
        ),
        pytest.param(
            "Amnesty said Turkey and Chad must free them.",
            "places",
            ["Turkey", "Chad"],
            id="capitalised-names-match",
        ),
    ],
)
def test_links_mentions(registries: Registries, text: str, field: str, expected: list[str]):
    assert linked(registries, text)[field] == expected


def test_order_is_first_mention_title_first(registries: Registries):
    result = linked(
        registries,
        "Meloni met Macron in Rome, then flew to Paris.",
        title="Macron hosts talks in Paris",
    )
    assert result == {
        "people": ["Emmanuel Macron", "Giorgia Meloni"],
        "orgs": [],
        "places": ["Paris", "Rome"],
    }


def test_furniture_bylines_and_credits_are_never_tagged(registries: Registries):
    clean = make_clean(
        "The summit ended without a deal.",
        byline=("Olaf Scholz",),
        removed=("Photo: Emmanuel Macron in NATO headquarters, Brussels", "Follow Trump on X"),
    )
    article = enrich(clean, Overrides(), registries).article
    assert (article.people, article.organisations, article.places) == ([], [], [])


def test_role_introduced_unknown_people_are_new(registries: Registries):
    enriched = enrich(
        make_clean(
            "Polish Deputy Minister Jan Kowalczyk met his Moldovan counterpart Ion Rusu, "
            "while French President Emmanuel Macron and Dutch envoy Pieter van den Berg's "
            "team waited."
        ),
        Overrides(),
        registries,
    )
    assert enriched.new_people == (
        Entity(name="Jan Kowalczyk", role="Polish Deputy Minister"),
        Entity(name="Ion Rusu", role="Moldovan counterpart"),
        Entity(name="Pieter van den Berg", role="Dutch envoy"),
    )
    assert enriched.article.people == [
        "Jan Kowalczyk",
        "Ion Rusu",
        "Emmanuel Macron",
        "Pieter van den Berg",
    ]


@pytest.mark.parametrize(
    "paragraph",
    [
        pytest.param("Minister Warns Farmers About Rising Prices", id="title-case-line"),
        pytest.param("The President said on Monday that talks would go on.", id="no-name"),
        pytest.param("Secretary of State Marco Rubio said so.", id="registered-person"),
        pytest.param("King Charles III spoke.", id="registered-by-alias"),
        pytest.param("General Assembly delegates voted.", id="one-capital-word"),
    ],
)
def test_no_new_person(registries: Registries, paragraph: str):
    assert enrich(make_clean(paragraph), Overrides(), registries).new_people == ()


def test_role_phrase_in_headline_is_not_read(registries: Registries):
    enriched = enrich(
        make_clean("Talks went on.", title="Polish Minister Jan Kowalczyk Quits"),
        Overrides(),
        registries,
    )
    assert (enriched.new_people, enriched.article.people) == ((), [])


def test_role_introduced_variant_spelling_is_the_registered_person(registries: Registries):
    enriched = enrich(
        make_clean("Cypriot President Nikos Christodoulidis met Foreign Minister Jan Kowalczyk."),
        Overrides(),
        registries,
    )
    assert enriched.article.people == ["Nikos Christodoulides", "Jan Kowalczyk"]
    assert enriched.new_people == (Entity(name="Jan Kowalczyk", role="Foreign Minister"),)


def test_new_person_introduced_twice_is_listed_once(registries: Registries):
    enriched = enrich(
        make_clean(
            "Polish Minister Jan Kowalczyk spoke.", "Later, Deputy Minister Jan Kowalczyk left."
        ),
        Overrides(),
        registries,
    )
    assert enriched.new_people == (Entity(name="Jan Kowalczyk", role="Polish Minister"),)
    assert enriched.article.people == ["Jan Kowalczyk"]
