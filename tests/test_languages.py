"""languages.yml (shipped with the package): it loads, names each language once, and a
broken file is one line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import REPO_DATA
from newsarchive import registry
from newsarchive.errors import RegistryError
from newsarchive.registry import load_registries

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


def test_any_archive_has_the_shipped_languages(tmp_path: Path):
    shutil.copytree(REPO_DATA, tmp_path / "data")
    assert load_registries(tmp_path / "data").languages.name_of("pl") == "Polish"


def test_data_is_found_from_inside_the_checkout_and_nowhere_else(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """The archive's data/ is looked for around the current folder, never beside the code."""
    shutil.copytree(REPO_DATA, tmp_path / "archive" / "data")
    (tmp_path / "archive" / "docs" / "articles").mkdir(parents=True)
    monkeypatch.chdir(tmp_path / "archive" / "docs" / "articles")
    assert load_registries().data_dir == tmp_path / "archive" / "data"
    monkeypatch.chdir(tmp_path)
    with pytest.raises(RegistryError, match=r"no data/ folder .* pass --data-dir"):
        load_registries()


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
            "languages.code item 1 'ita' is not a two-letter ISO 639-1 code such as en, fr, de, uk",
        ),
        (
            "languages:\n- code: it\n  name: Italian\n  function_words: [il, no]\n",
            "languages.function_words item 2 must be text, not bool; quote the value",
        ),
    ],
)
def test_broken_languages_yml_is_one_exact_line(
    tmp_path: Path, text: str, message: str, monkeypatch: pytest.MonkeyPatch
):
    broken = tmp_path / "languages.yml"
    broken.write_text(text, encoding="utf-8")
    monkeypatch.setattr(registry, "LANGUAGES", broken)
    with pytest.raises(RegistryError) as caught:
        load_registries()
    assert str(caught.value) == f"{broken}: {message}"
