"""data/languages.yml: it loads, names each language once, and a broken file is one line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from newsarchive.errors import RegistryError
from newsarchive.registry import DATA_DIR, FILES, load_registries

MAJOR = ("en", "fr", "de", "es", "it", "pt", "ru", "uk", "pl")


@pytest.fixture(scope="module")
def languages():
    return load_registries().languages


def test_major_languages_have_note_words_and_function_words(languages):
    listed = {language.code: language for language in languages.languages}
    for code in MAJOR:
        assert listed[code].note is not None and listed[code].note.translated, code
        assert len(listed[code].function_words) >= 40, code


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("it", "it"),
        ("it-IT", "it"),
        ("Italian", "it"),
        ("italienischen", "it"),
        ("з російської", None),  # a phrase, not a name
        ("російської", "ru"),
        ("polskiego", "pl"),  # 'z polskiego'
        ("allemand", "de"),  # "de l'allemand"
        ("Klingon", None),
    ],
)
def test_code_of_codes_names_and_declined_forms(languages, value, code):
    assert languages.code_of(value) == code


def test_site_names(languages):
    assert (languages.name_of("uk"), languages.name_of("el"), languages.name_of("xx")) == (
        "Ukrainian",
        "Greek",
        "xx",
    )


def test_an_archive_without_languages_yml_uses_the_shipped_one(tmp_path: Path):
    for kind, name in FILES.items():
        if kind != "languages":
            shutil.copy(DATA_DIR / name, tmp_path / name)
    assert load_registries(tmp_path).languages.name_of("pl") == "Polish"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "languages:\n- code: it\n  name: Italian\n- code: es\n  name: Spanish\n"
            "  names: [italian]\n",
            "'italian' names both it and es; keep it under one",
        ),
        (
            "languages:\n- code: ita\n  name: Italian\n",
            "field 'languages.0.code': String should match pattern '^[a-z]{2}$'",
        ),
        (
            "languages:\n- code: it\n  name: Italian\n  function_words: [il, no]\n",
            "field 'languages.0.function_words.1': Input should be a valid string",
        ),
    ],
)
def test_broken_languages_yml_is_one_exact_line(tmp_path: Path, text: str, message: str):
    for name in FILES.values():
        shutil.copy(DATA_DIR / name, tmp_path / name)
    broken = tmp_path / FILES["languages"]
    broken.write_text(text, encoding="utf-8")
    with pytest.raises(RegistryError) as caught:
        load_registries(tmp_path)
    assert str(caught.value) == f"{broken}: {message}"
