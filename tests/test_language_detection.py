"""Language detection: English full of foreign names, and short texts (a headline and a lead).

Each fixture goes read_file -> clean -> enrich, with the page's declared language set to
a wrong one where a saved page would keep its original's `lang` (a translation of a
Spanish page that still says lang="es").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

from newsarchive.cleaner import clean
from newsarchive.enrich import enrich
from newsarchive.enrich.language import detect_language, function_words
from newsarchive.overrides import Overrides
from newsarchive.readers import read_file
from newsarchive.registry import Registries, load_registries

FIXTURES = Path(__file__).parent / "fixtures" / "language"
DATE = Overrides(date=dt.date(2025, 3, 14))


@pytest.fixture(scope="module")
def registries() -> Registries:
    return load_registries()


def language_of(registries: Registries, name: str, declared: str | None) -> str:
    raw = replace(read_file(FIXTURES / name), language=declared)
    cleaned = clean(raw, registries)
    return enrich(cleaned, DATE, registries).article.language


@pytest.mark.parametrize(
    ("name", "declared", "expected"),
    [
        ("english_text_full_of_spanish_names.txt", None, "en"),
        ("english_text_full_of_spanish_names.txt", "es", "en"),
        ("english_text_full_of_ukrainian_names.txt", "uk", "en"),
        ("short_english_lead_with_spanish_names.txt", "es", "en"),
        ("short_english_lead_with_ukrainian_names.txt", "uk", "en"),
        ("short_english_lead_declared_spanish.txt", "es", "en"),
        ("short_german_lead.txt", "en", "de"),
        ("short_french_lead.txt", "it", "fr"),
        ("short_spanish_lead.txt", "pt", "es"),
        ("short_italian_lead.txt", "es", "it"),
        ("short_portuguese_lead.txt", "es", "pt"),
        ("short_polish_lead.txt", "cs", "pl"),
        ("short_russian_lead.txt", "uk", "ru"),
        ("short_ukrainian_lead.txt", "ru", "uk"),
    ],
)
def test_language_of_names_heavy_and_short_texts(registries, name, declared, expected):
    assert language_of(registries, name, declared) == expected


def paragraphs_of(name: str, start: int = 1) -> str:
    """A fixture's paragraphs (from its headline with start=0), one per line."""
    paragraphs = (FIXTURES / name).read_text(encoding="utf-8").split("\n\n")[start:]
    return "\n".join(" ".join(p.split()) for p in paragraphs)


def test_names_are_not_read_as_words():
    # The whole text, names and all, reads as Spanish to the detector alone.
    text = paragraphs_of("english_text_full_of_spanish_names.txt")
    assert detect_language(text.replace("\n", " ")) == "en"


def test_function_words_settle_an_unsure_vote(registries):
    # With its headline of names the vote is unsure: without function words the page's
    # wrong lang="es" would win.
    text = paragraphs_of("short_english_lead_declared_spanish.txt", start=0)
    assert detect_language(text, "es") == "es"
    assert detect_language(text, "es", registries.languages) == "en"


def test_a_confident_vote_beats_the_declared_language(registries):
    german = paragraphs_of("short_german_lead.txt")
    assert detect_language(german, "en", registries.languages) == "de"


def test_function_words_are_case_folded_per_language(registries):
    words = function_words(registries.languages)
    assert {"the", "and", "of"} <= words["en"]
    assert {"und", "für"} <= words["de"] and "für" not in words["en"]
    assert "uk" in words and "zh" not in words  # only languages that list them
