"""Originals: the original-language text of a translated article, kept beside its page.

A translation at docs/articles/YYYY/MM/<slug>.md may have its original beside it, at
<slug>.<lang>.md, where <lang> is the original's language (the article's `translation.from`).
It is a page of its own kind: front matter (the Original model below), a blank line, then the
Markdown body, cleaned like any article. It is never an article: no listing, feed, count,
sitemap entry or duplicate check sees it; the site shows it on its translation's page.

The original's headline, address and language are facts about the translation and stay in
the article's `translation` block; the original's own front matter repeats only its language
(so the file reads on its own) and the digest of the raw file it was made from.
"""

from __future__ import annotations

import re
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from . import frontmatter
from .model import LANG_PATTERN, SLUG_PATTERN

# <slug>.<lang>.md: a slug never holds a dot, so no article's file name reads as an original's.
_NAME = re.compile(rf"^(?P<slug>{SLUG_PATTERN[1:-1]})\.(?P<lang>{LANG_PATTERN[1:-1]})\.md$")


class Original(BaseModel):
    """Front matter of an original beside its translation."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    language: str = Field(
        pattern=LANG_PATTERN, description="ISO 639-1 code of the original; the file name's too"
    )
    input_sha256: str | None = Field(
        None,
        pattern=r"^[0-9a-f]{64}$",
        description="SHA-256 of the raw file the original was made from",
    )

    def front_matter(self) -> dict[str, str]:
        """The mapping written to disk: field order kept, empty values left out."""
        return self.model_dump(exclude_none=True)


def render(original: Original, body: str) -> str:
    """The original's file text exactly as it is written (as writer.render for articles)."""
    return frontmatter.dumps(original.front_matter(), body)


def beside_problem(path: Path, article: bool, translated_from: str | None) -> str | None:
    """Why the original at `path` cannot stand beside its article, or None: `article` says
    whether its article is there (and reads), `translated_from` what that article says it
    was translated from (None: not a translation). Validate and the site say it alike."""
    found = parts(path.name)
    assert found is not None, path
    slug, language = found
    if not article:
        return f"original without its article: no readable {slug}.md beside it; add or fix it"
    if translated_from != language:
        said = f"from '{translated_from}'" if translated_from else "not translated"
        return (
            f"original in '{language}', but {slug}.md says {said}; "
            "rename this file or fix the article's translation"
        )
    return None


def parts(name: str) -> tuple[str, str] | None:
    """(slug, language) of an original's file name, or None for any other file."""
    match = _NAME.match(name)
    return (match["slug"], match["lang"]) if match else None


def is_original(path: Path | str) -> bool:
    """Whether a file is an original (by its name alone)."""
    return parts(Path(path).name) is not None


def original_path(page: Path, language: str) -> Path:
    """Where the original in `language` of the article at `page` lives."""
    return page.with_name(f"{page.stem}.{language}.md")


def translation_path(original: Path) -> Path:
    """The article page an original belongs to."""
    found = parts(original.name)
    assert found is not None, original
    return original.with_name(f"{found[0]}.md")


def uri_of_translation(src_uri: str) -> str | None:
    """The article's source path for an original's (articles/2025/03/x.de.md), else None."""
    folder, _, name = src_uri.rpartition("/")
    found = parts(name)
    return f"{folder}/{found[0]}.md" if found else None
