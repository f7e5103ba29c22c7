"""Translation facts, field by field: the contributor's, then the page's, then the text's.

The contributor's flags and sidecar (merged in Overrides) win; then the page's own
metadata (schema.org translationOfWork and translator in its JSON-LD); then a
translation note in the text ("Automatic translation from the Italian original").
The original's address may also come from the page's <link rel="alternate" hreflang>
pages, but only when the page says elsewhere that it is a translation or names the
original's language: a site's other language editions alone are not its original.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import InputError
from ..model import Method, Translation
from ..overrides import Overrides
from ..records import CleanArticle, TranslationFacts
from ..registry import Languages
from .dates import sidecar_name

# When nobody says how it was translated: most translated news in the archive is machine-made.
DEFAULT_METHOD: Method = "machine"


@dataclass(frozen=True)
class TranslationFound:
    """The translation to record (None for original text) and anything a person should check."""

    translation: Translation | None
    warning: str | None = None


def find_translation(
    overrides: Overrides, clean: CleanArticle, language: str, languages: Languages
) -> TranslationFound:
    """The article's translation facts by precedence; `language` is the text's own."""
    raw = clean.raw
    given = TranslationFacts(
        from_lang=overrides.from_lang,
        method=overrides.method,
        translator=overrides.translator,
        original_title=overrides.original_title,
        original_url=overrides.original_url,
    )
    said = [facts for facts in (raw.translation, clean.translation) if facts is not None]
    facts = given
    for found in said:
        facts = facts.over(found)
    code = languages.code_of(facts.from_lang) if facts.from_lang else None
    original = _original_edition(raw.alternates, code, language, languages) if said else None
    if original is not None:
        code = code or original[0]
        facts = facts.over(TranslationFacts(original_url=original[1]))
    if code is None:
        if given != TranslationFacts():
            raise InputError(
                "translation details given without the original language; pass --from LANG "
                f"or add 'from:' to {sidecar_name(raw.path)}",
                raw.path,
            )
        warning = "the text says it is a translation but not from which language; pass --from LANG"
        return TranslationFound(None, warning if said else None)
    if code == language:
        return TranslationFound(None)
    return TranslationFound(
        Translation(
            from_=code,
            method=facts.method or DEFAULT_METHOD,
            translator=facts.translator,
            original_title=facts.original_title,
            original_url=facts.original_url,
            reviewed=bool(overrides.reviewed),
        )
    )


def _original_edition(
    alternates: tuple[tuple[str, str], ...], code: str | None, language: str, languages: Languages
) -> tuple[str, str] | None:
    """(language, address) of the alternate page in the original's language.

    Without a known original language, only a page with one other language qualifies.
    """
    editions: dict[str, str] = {}
    for hreflang, address in alternates:
        edition = languages.code_of(hreflang)
        if edition is not None and edition != language:
            editions.setdefault(edition, address)
    if code is not None:
        return (code, editions[code]) if code in editions else None
    return next(iter(editions.items())) if len(editions) == 1 else None
