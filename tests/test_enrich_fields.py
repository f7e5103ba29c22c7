"""Field precedence of the enricher: overrides, then page metadata, then the text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from newsarchive.enrich import enrich
from newsarchive.enrich.dates import check_weekday
from newsarchive.enrich.language import declared_language, detect_language
from newsarchive.errors import InputError
from newsarchive.model import Translation
from newsarchive.overrides import Overrides
from newsarchive.records import Block, CleanArticle, RawArticle
from newsarchive.registry import Registries, load_registries
from newsarchive.summary import lead_paragraph, standfirst, summarise, summary_of

ENGLISH = (
    "The government said on Friday that the new rules would take effect next month, "
    "after weeks of debate in parliament about how they should be enforced."
)
FRENCH = (
    "Le gouvernement a annoncé mardi que les nouvelles règles entreraient en vigueur le "
    "mois prochain, après des semaines de débat au parlement."
)
UKRAINIAN = (
    "Уряд у вівторок заявив, що нові правила наберуть чинності наступного місяця після "
    "тижнів дебатів у парламенті."
)


@pytest.fixture(scope="module")
def registries() -> Registries:
    return load_registries()


def make_raw(**fields: object) -> RawArticle:
    defaults: dict = {
        "path": Path("inbox/story.txt"),
        "kind": "text",
        "text": "",
        "digest": "ab" * 32,
    }
    return RawArticle(**{**defaults, **fields})


def make_clean(*paragraphs: str, raw: RawArticle | None = None, **fields: object) -> CleanArticle:
    defaults: dict = {"title": "Rules take effect", "date": dt.date(2025, 3, 15)}
    blocks = tuple(Block("paragraph", text) for text in paragraphs or (ENGLISH,))
    return CleanArticle(raw=raw or make_raw(), blocks=blocks, **{**defaults, **fields})


def article_of(registries: Registries, clean: CleanArticle, **overrides: object):
    return enrich(clean, Overrides(**overrides), registries).article


@pytest.mark.parametrize(
    ("overrides", "raw_title", "clean_title", "expected"),
    [
        ({"title": "Given"}, "Page title", "Text title", "Given"),
        ({}, "Page title", "Text title", "Text title"),
        ({}, "Page title", None, "Page title"),
    ],
)
def test_title_precedence(registries, overrides, raw_title, clean_title, expected):
    clean = make_clean(raw=make_raw(title=raw_title), title=clean_title)
    article = article_of(registries, clean, **overrides)
    assert (article.title, article.slug) == (expected, expected.lower().replace(" ", "-"))


def test_no_title_gets_a_provisional_one_from_the_lead(registries):
    enriched = enrich(make_clean(title=None), Overrides(), registries)
    article = enriched.article
    assert article.title == (
        "The government said on Friday that the new rules would take effect next month"
    )
    assert article.provisional == ["title"]
    assert enriched.body.startswith("The government said on Friday")  # the lead stays whole
    assert enriched.warnings == (
        "title is provisional (made from the lead); confirm or edit it, "
        "then remove 'title' from 'provisional'",
    )


def test_a_given_title_is_never_provisional(registries):
    assert article_of(registries, make_clean(title=None), title="Rules").provisional == []


def test_no_title_and_no_words_in_the_lead_is_an_input_error(registries):
    with pytest.raises(InputError) as caught:
        enrich(make_clean("— …", title=None), Overrides(), registries)
    assert str(caught.value) == (
        "inbox/story.txt: no headline found; pass --title \"...\" or add 'title:' to story.meta.yml"
    )


def test_headline_in_another_script_gets_a_transliterated_slug(registries):
    article = article_of(registries, make_clean(title="习近平会见客人"))
    assert article.slug == "xi-jin-ping-hui-jian-ke-ren"


def test_headline_without_letters_gets_a_digest_slug(registries):
    assert article_of(registries, make_clean(title="⚡ — ⚡")).slug == "article-abababababab"


def test_field_the_model_rejects_is_one_line(registries):
    with pytest.raises(InputError) as caught:
        enrich(make_clean(title="x" * 301), Overrides(), registries)
    assert str(caught.value) == (
        "inbox/story.txt: title is longer than 300 characters; shorten it, "
        "with the matching flag or in story.meta.yml"
    )


@pytest.mark.parametrize(
    ("given", "page", "date_line", "expected"),
    [
        (dt.date(2025, 1, 1), dt.date(2025, 2, 2), dt.date(2025, 3, 3), dt.date(2025, 1, 1)),
        (None, dt.date(2025, 2, 2), dt.date(2025, 3, 3), dt.date(2025, 2, 2)),
        (None, None, dt.date(2025, 3, 3), dt.date(2025, 3, 3)),
    ],
)
def test_date_precedence(registries, given, page, date_line, expected):
    clean = make_clean(raw=make_raw(date=page), date=date_line)
    assert article_of(registries, clean, date=given).date == expected


def test_no_date_is_an_input_error(registries):
    with pytest.raises(InputError) as caught:
        enrich(make_clean(date=None), Overrides(), registries)
    assert str(caught.value) == (
        "inbox/story.txt: no publication date found; pass --date YYYY-MM-DD or add 'date:' "
        "to story.meta.yml"
    )


@pytest.mark.parametrize(
    ("date", "lead", "expected"),
    [
        (dt.date(2025, 3, 15), "Leaders met on Saturday in London.", None),
        (dt.date(2025, 3, 16), "Leaders met on Saturday in London.", None),
        (dt.date(2025, 3, 15), "No weekday here.", None),
        (
            dt.date(2025, 3, 15),
            "Leaders met on Tuesday in London.",
            "the lead says 'on Tuesday' but 2025-03-15 is a Saturday; check the date",
        ),
    ],
)
def test_weekday_only_confirms(date, lead, expected):
    assert check_weekday(date, lead) == expected


def test_weekday_mismatch_is_a_warning_not_a_new_date(registries):
    enriched = enrich(make_clean("Leaders met on Tuesday. " + ENGLISH), Overrides(), registries)
    assert enriched.article.date == dt.date(2025, 3, 15)
    assert enriched.warnings == (
        "the lead says 'on Tuesday' but 2025-03-15 is a Saturday; check the date",
    )


@pytest.mark.parametrize(
    ("text", "declared", "expected"),
    [
        (ENGLISH, None, "en"),
        (FRENCH, "en", "fr"),
        (UKRAINIAN, None, "uk"),
        ("Hallo", "de-AT", "de"),
        ("", "pt_BR", "pt"),
        ("", None, None),
    ],
)
def test_detect_language(text, declared, expected):
    assert detect_language(text, declared) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [("en-US", "en"), ("FR", "fr"), ("zh-Hans-CN", "zh"), ("x-klingon", None), (None, None)],
)
def test_declared_language(value, expected):
    assert declared_language(value) == expected


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        ({}, None),
        ({"from_lang": "fr"}, Translation(from_="fr", method="machine")),
        (
            {
                "from_lang": "uk",
                "method": "human",
                "translator": "Olena K.",
                "original_title": "Правила",
                "original_url": "https://example.org/uk/1",
                "reviewed": True,
            },
            Translation(
                from_="uk",
                method="human",
                translator="Olena K.",
                original_title="Правила",
                original_url="https://example.org/uk/1",
                reviewed=True,
            ),
        ),
        ({"from_lang": "en", "method": "machine"}, None),
    ],
)
def test_translation(registries, overrides, expected):
    article = article_of(registries, make_clean(), **overrides)
    assert (article.language, article.translation) == ("en", expected)


def test_from_same_language_warns(registries):
    enriched = enrich(make_clean(), Overrides(from_lang="en"), registries)
    assert enriched.warnings == (
        "--from en is the language of the text itself; no translation recorded",
    )


def test_translation_details_without_from_are_an_error(registries):
    with pytest.raises(InputError) as caught:
        enrich(make_clean(), Overrides(method="human"), registries)
    assert str(caught.value) == (
        "inbox/story.txt: translation details given without the original language; "
        "pass --from LANG or add 'from:' to story.meta.yml"
    )


@pytest.mark.parametrize(
    ("given", "site", "holder", "agency", "expected"),
    [
        # An agency's copyright notice names the wire, never the publisher.
        ("Reuters", "CBC News", "the Canadian press", None, ("Reuters", "The Canadian Press")),
        (None, "cbc", "the Canadian press", None, ("CBC News", "The Canadian Press")),
        (None, None, "the Canadian press", "AP", (None, "The Associated Press")),
        (None, None, "The Daily Planet", None, ("The Daily Planet", None)),
        (None, None, None, "afp", (None, "Agence France-Presse")),
        (None, "The Daily Planet", None, "Bugle Wire", ("The Daily Planet", "Bugle Wire")),
        (None, None, None, "CBC", (None, "CBC")),
    ],
)
def test_source_and_agency(registries, given, site, holder, agency, expected):
    clean = make_clean(raw=make_raw(source=site), copyright_holder=holder, agency=agency)
    article = article_of(registries, clean, source=given)
    assert (article.source, article.agency) == expected


def test_text_facts_pass_through(registries):
    raw = make_raw(url="https://example.org/page", byline=("Ann Lee", "Ann Lee", "Bo Li"))
    clean = make_clean(
        raw=raw,
        byline=("Ann Lee", "Ann Lee", "Bo Li"),  # the cleaner's choice; repeats dropped here
        dateline="LONDON",
        copyright="© 2025 The Canadian Press",
    )
    article = article_of(registries, clean, url="https://example.org/given")
    assert article.front_matter() == {
        "title": "Rules take effect",
        "slug": "rules-take-effect",
        "date": dt.date(2025, 3, 15),
        "added": dt.date.today(),  # enrich's default when no ingest run gives the day
        "url": "https://example.org/given",
        "byline": ["Ann Lee", "Bo Li"],
        "dateline": "LONDON",
        "language": "en",
        "topics": ["politics"],
        "copyright": "© 2025 The Canadian Press",
    }


def test_body_is_the_clean_body(registries):
    raw = make_raw()
    blocks = (
        Block("paragraph", ENGLISH),
        Block("heading", "Next steps"),
        Block("paragraph", "More."),
    )
    clean = CleanArticle(raw=raw, blocks=blocks, title="T", date=dt.date(2025, 3, 15))
    assert enrich(clean, Overrides(), registries).body == f"{ENGLISH}\n\n## Next steps\n\nMore."


SENTENCE = "This sentence is exactly sixty characters long, give or take. "


@pytest.mark.parametrize(
    ("lead", "expected"),
    [
        (None, None),
        ("Short lead.\n", "Short lead."),
        (SENTENCE * 8, (SENTENCE * 6).strip()),
        ("“Quoted.” " + "word " * 100, "“Quoted.”"),
        ("word " * 100, ("word " * 79).strip() + "…"),
        ("word," * 200, "word," * 79 + "word…"),
    ],
)
def test_summary_is_cut_at_a_sentence(lead, expected):
    summary = summarise(lead)
    assert summary == expected
    assert summary is None or len(summary) <= 400


@pytest.mark.parametrize(
    ("description", "lead", "expected"),
    [
        (None, "The lead.", None),
        ("The lead.", "The lead.  It goes on.", None),  # the body says it already
        ("A standfirst of its own.", "The lead.", "A standfirst of its own."),
    ],
)
def test_only_a_standfirst_that_differs_from_the_lead_is_stored(description, lead, expected):
    assert standfirst(description, lead) == expected


def test_summary_of_falls_back_to_the_lead_paragraph(registries):
    article = article_of(registries, make_clean(raw=make_raw()))
    body = "## Heading first\n\n" + SENTENCE * 8 + "\n\nSecond paragraph."
    assert lead_paragraph(body) == (SENTENCE * 8).strip()
    assert summary_of(article, body) == (SENTENCE * 6).strip()
    stored = article.model_copy(update={"summary": "Stored."})
    assert summary_of(stored, body) == "Stored."
