"""Translation facts the article states itself: notes in the text, JSON-LD, hreflang links.

Each fixture goes read_file -> clean -> enrich; the note leaves the body for
CleanArticle.removed, and flags or a sidecar still win, field by field.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newsarchive.cleaner import clean
from newsarchive.cleaner.translation_note import note_words, read_note
from newsarchive.enrich import Enriched, enrich
from newsarchive.overrides import Overrides
from newsarchive.readers import read_file
from newsarchive.records import TranslationFacts
from newsarchive.registry import Registries, load_registries

FIXTURES = Path(__file__).parent / "fixtures" / "translation"


@pytest.fixture(scope="module")
def registries() -> Registries:
    return load_registries()


def run(registries: Registries, name: str, **given: object) -> tuple[Enriched, tuple[str, ...]]:
    cleaned = clean(read_file(FIXTURES / name), registries)
    return enrich(cleaned, Overrides(**given), registries), cleaned.removed


@pytest.mark.parametrize(
    ("name", "note", "translation"),
    [
        (
            "translation_note_italian_original.txt",
            "Automatic translation from the Italian original",
            {"from": "it", "method": "machine"},
        ),
        (
            "translation_machine_polish_label.txt",
            "Translation: machine (Polish)",
            {"from": "pl", "method": "machine"},
        ),
        (
            "traduit_de_l_allemand_par_deepl.txt",
            "Traduit de l'allemand par DeepL",
            {"from": "de", "method": "machine", "translator": "DeepL"},
        ),
        (
            "aus_dem_russischen_uebersetzt.txt",
            "Aus dem Russischen übersetzt",
            {"from": "ru", "method": "machine"},  # the method is not said: the default
        ),
    ],
)
def test_note_is_read_and_taken_out(registries, name, note, translation):
    result, removed = run(registries, name)
    assert result.article.front_matter()["translation"] == translation
    assert note in removed
    assert note not in result.body
    assert result.warnings == ()


@pytest.mark.parametrize(
    ("name", "note", "translation"),
    [
        (
            "translated_by_google_at_end.txt",
            "Translated by Google",
            {"from": "pl", "method": "machine", "translator": "Google Translate"},
        ),
        (
            "machine_translation_edited_by_person.txt",
            "Machine translation, edited by Jane Doe",
            {"from": "pt", "method": "post-edited", "translator": "Jane Doe"},
        ),
        (
            "machine_translation_note_with_link.md",
            "This text was translated by a machine; "
            "[read the original here](https://example.com.ua/news/curfew-extended).",
            {
                "from": "uk",
                "method": "machine",
                "original_url": "https://example.com.ua/news/curfew-extended",
            },
        ),
    ],
)
def test_a_note_without_its_language_fills_in_beside_from(registries, name, note, translation):
    result, removed = run(registries, name, from_lang=translation["from"])
    assert result.article.front_matter()["translation"] == translation
    assert note in removed and note not in result.body


def test_a_note_without_its_language_asks_for_from(registries):
    result, removed = run(registries, "translated_by_google_at_end.txt")
    assert result.article.translation is None
    assert "Translated by Google" in removed
    assert result.warnings == (
        "the text says it is a translation but not from which language; pass --from LANG",
    )


def test_flags_win_field_by_field(registries):
    result, _ = run(
        registries, "traduit_de_l_allemand_par_deepl.txt", method="post-edited", reviewed=True
    )
    assert result.article.front_matter()["translation"] == {
        "from": "de",
        "method": "post-edited",
        "translator": "DeepL",
        "reviewed": True,
    }


def test_a_story_sentence_about_a_translation_stays(registries):
    result, removed = run(registries, "story_sentence_about_translation_stays.txt")
    assert result.article.translation is None
    assert result.body.endswith("The book was translated from Italian in 1990.")
    assert not any("translated" in line for line in removed)


def test_jsonld_translation_of_work(registries):
    result, _ = run(registries, "jsonld_translation_of_work.html")
    assert result.article.front_matter()["translation"] == {
        "from": "it",
        "method": "machine",
        "translator": "DeepL",
        "original_title": "Il tribunale di Roma blocca il trasferimento dei migranti in Albania",
        "original_url": "https://example.it/cronaca/tribunale-roma-albania",
    }


def test_hreflang_link_to_the_language_a_note_names_is_the_original(registries):
    result, removed = run(registries, "hreflang_original_named_by_note.html")
    assert result.article.front_matter()["translation"] == {
        "from": "pl",
        "method": "human",
        "translator": "Anna Nowak",
        "original_url": "https://example.pl/kraj/rolnicy-blokuja-przejscie",
    }
    assert "Translated from the Polish by Anna Nowak" in removed


def test_hreflang_editions_alone_are_no_translation(registries):
    result, _ = run(registries, "hreflang_editions_without_note.html")
    assert result.article.translation is None


@pytest.mark.parametrize(
    ("text", "facts"),
    [
        ("Перевод с украинского", TranslationFacts(from_lang="uk")),
        (
            "Переклад з російської: Олена Петренко",
            TranslationFacts(from_lang="ru", method="human", translator="Олена Петренко"),
        ),
        (
            "Tłumaczenie maszynowe z języka ukraińskiego",
            TranslationFacts(from_lang="uk", method="machine"),
        ),
        (
            "Traducido del inglés con DeepL y revisado por la redacción",
            TranslationFacts(from_lang="en", method="post-edited", translator="DeepL"),
        ),
        (
            "Tradotto automaticamente dal tedesco",
            TranslationFacts(from_lang="de", method="machine"),
        ),
        (
            "Traduzido do russo pelo Google Tradutor",
            TranslationFacts(from_lang="ru", method="machine", translator="Google Translate"),
        ),
        (
            "Translated from the Ukrainian by Ana de Sousa",
            TranslationFacts(from_lang="uk", method="human", translator="Ana de Sousa"),
        ),
        (
            "Translated from Italian into English by DeepL",
            TranslationFacts(from_lang="it", method="machine", translator="DeepL"),
        ),
        (
            "Original: «Il titolo» – translated from the Italian by DeepL",
            TranslationFacts(
                from_lang="it", method="machine", translator="DeepL", original_title="Il titolo"
            ),
        ),
    ],
)
def test_notes_in_the_languages_the_archive_reads(registries, text, facts):
    assert read_note(text, note_words(registries.languages)) == facts


@pytest.mark.parametrize(
    "text",
    [
        "The book was translated from Italian in 1990.",
        "It was translated from Italian.",
        "Google translated its terms of service into Italian.",
        "Translation",
        "Lost in translation: why the talks failed",
        "Translated from the Italian original by the author himself in the spring of 1990, "
        "the novel sold more copies abroad than at home, and the translator became famous too.",
    ],
)
def test_lines_that_are_not_notes(registries, text):
    assert read_note(text, note_words(registries.languages)) is None


def test_a_note_between_two_paragraphs_is_part_of_the_story(registries, tmp_path):
    story = (FIXTURES / "translation_note_italian_original.txt").read_text(encoding="utf-8")
    moved = story.replace("Automatic translation from the Italian original\n\n", "").replace(
        "The judges said",
        "Automatic translation from the Italian original\n\nThe judges said",
    )
    (tmp_path / "story.txt").write_text(moved, encoding="utf-8")
    cleaned = clean(read_file(tmp_path / "story.txt"), registries)
    assert cleaned.translation is None
    assert "Automatic translation from the Italian original" in cleaned.body()
