"""The site's interface words in its language, from words.yml: what templates and listings print.

Material translates its own labels; these are ours ("By", "Related articles", ...). A site
in a language the table lacks gets English and a warning naming the table to add.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
from pathlib import Path
from typing import Any

import yaml
from markupsafe import Markup, escape

from .errors import SiteError
from .model import Translation
from .registry import Languages

WORDS_FILE = Path(__file__).with_name("words.yml")
REFERENCE = "en"
# The words that say how a text was translated, by its method.
_TRANSLATED = {
    "machine": "translated_machine",
    "human": "translated_human",
    "post-edited": "translated_post_edited",
}
log = logging.getLogger("mkdocs.plugins.newsarchive")


class Words:
    """One language's table: `words.by` for a plain word, `words.fill(key, ...)` for a phrase
    with values put in (escaped), `words.date(day)` for a date."""

    def __init__(self, language: str, table: dict[str, Any]) -> None:
        self.language = language
        self._table = table

    def __getattr__(self, key: str) -> str:
        try:
            return self._table[key]
        except KeyError:
            raise AttributeError(f"no interface word {key!r} in {WORDS_FILE.name}") from None

    def text(self, key: str, **values: object) -> str:
        """The phrase `key` with its {placeholders} filled in, as plain text."""
        return str(self._table[key]).format(**values)

    def fill(self, key: str, **values: object) -> Markup:
        """The phrase `key` with its {placeholders} filled in, as HTML: every value escaped."""
        return Markup(escape(self._table[key])).format(**values)

    def pick(self, *keys: str) -> dict[str, str]:
        """The words `keys`, for a script (the search page's)."""
        return {key: self._table[key] for key in keys}

    def language_name(self, code: str, languages: Languages) -> str:
        """A language's name in the site's language: languages.yml's for English, the Unicode
        CLDR's (through Babel) for others ('ukrainien'), else languages.yml's."""
        if self.language == REFERENCE:
            return languages.name_of(code)
        return _cldr_names(self.language).get(code) or languages.name_of(code)

    def translated(self, translation: Translation, languages: Languages) -> str:
        """'Machine-translated from French'."""
        original = self.language_name(translation.from_, languages)
        return self.text(_TRANSLATED[translation.method], language=original)

    def notice(self, translation: Translation, languages: Languages) -> str:
        """'Machine-translated from French · not reviewed': the site's and ninjs' notice."""
        reviewed = self.reviewed if translation.reviewed else self.not_reviewed
        return f"{self.translated(translation, languages)} · {reviewed}"

    def date(self, day: dt.date) -> str:
        """'15 March 2025', '15 mars 2025'."""
        month = self._table["months"][day.month - 1]
        return self.text("date_format", day=day.day, month=month, year=day.year)


@functools.cache
def _tables() -> dict[str, dict[str, Any]]:
    tables = yaml.safe_load(WORDS_FILE.read_text(encoding="utf-8"))
    reference = tables[REFERENCE]
    for language, table in tables.items():
        missing = sorted(set(reference) - set(table))
        extra = sorted(set(table) - set(reference))
        if missing or extra:
            wrong = ", ".join(
                [*(f"missing {k}" for k in missing), *(f"no {k} in en" for k in extra)]
            )
            raise SiteError(f"'{language}' words differ from '{REFERENCE}': {wrong}", WORDS_FILE)
        if len(table["months"]) != 12:
            raise SiteError(f"'{language}' months: list the twelve months", WORDS_FILE)
    return tables


@functools.cache  # one table and at most one warning per language and process
def words_for(language: str) -> Words:
    """The table of `language` ('fr', 'pt-BR' -> its own or 'pt'), else English with a warning."""
    tables = _tables()
    for code in (language, language.split("-")[0].split("_")[0]):
        if code in tables:
            return Words(code, tables[code])
    log.warning(
        f"No interface words for '{language}' in {WORDS_FILE}: the site shows English; "
        f"add a '{language}:' table with the keys of '{REFERENCE}:'"
    )
    return Words(REFERENCE, tables[REFERENCE])


def languages() -> list[str]:
    """The languages words.yml has a table for."""
    return list(_tables())


@functools.cache
def _cldr_names(language: str) -> dict[str, str]:
    from babel import Locale, UnknownLocaleError

    try:
        return dict(Locale.parse(language).languages)
    except (UnknownLocaleError, ValueError):
        return {}


@functools.cache
def locale_of(language: str) -> str:
    """The likely locale of an ISO 639-1 code in OpenGraph's form: 'en' -> 'en_US'."""
    from babel.core import get_global  # Material's own dependency; imported when first needed

    likely = get_global("likely_subtags").get(language)
    if not likely:
        return language
    parts = likely.split("_")
    return f"{parts[0]}_{parts[-1]}" if len(parts) > 1 else parts[0]
