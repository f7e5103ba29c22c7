"""What readers and newsrooms are told about a text's translation, in one wording."""

from __future__ import annotations

from .model import Article
from .registry import Languages

METHODS = {
    "machine": "Machine-translated",
    "human": "Translated",
    "post-edited": "Machine-translated and post-edited",
}


def translation_notice(article: Article, languages: Languages) -> str | None:
    """'Machine-translated from French · not reviewed', or None for untranslated text."""
    translation = article.translation
    if translation is None:
        return None
    reviewed = "reviewed" if translation.reviewed else "not reviewed"
    original = languages.name_of(translation.from_)
    return f"{METHODS[translation.method]} from {original} · {reviewed}"
