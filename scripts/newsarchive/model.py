"""The front-matter contract: one typed model shared by writer, validator and site.

Field order here is the order written to disk. Optional fields that are empty are
not written, so a page carries only what is known.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)

Method = Literal["machine", "human", "post-edited"]
# Fields the pipeline can fill in itself when the article does not give them.
Provisional = Literal["title"]
# How it fills each one; a person confirms what it made.
_MADE_FROM = {"title": "made from the lead"}

LANG_PATTERN = r"^[a-z]{2}$"
SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
SLUG_MAX = 80
# Where a page lives, as its folder and file name say: docs/articles/YYYY/MM/<slug>.md.
ADDRESS_PATTERN = r"^[0-9]{4}/[0-9]{2}/[a-z0-9]+(?:-[a-z0-9]+)*$"
# The registries' identifiers for an entry elsewhere.
WIKIDATA_PATTERN = r"^Q[1-9][0-9]*$"
IPTC_PATTERN = r"^medtop:[0-9]{8}$"


def check_http_url(value: str | None) -> str | None:
    """The one web-address rule for a page's and a contributor's addresses."""
    if value is not None and not value.lower().startswith(("http://", "https://")):
        raise ValueError("must be an http:// or https:// address")
    return value


def _unique(values: list[str]) -> list[str]:
    seen: set[str] = set()
    for value in values:
        if value in seen:
            raise ValueError(f"{value!r} is listed twice")
        seen.add(value)
    return values


class Translation(BaseModel):
    """How the text came to be in its current language."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True, frozen=True)

    from_: str = Field(
        alias="from", pattern=LANG_PATTERN, description="ISO 639-1 code of the original language"
    )
    method: Method = Field(description="machine, human or post-edited")
    translator: str | None = Field(None, min_length=1, description="Person or tool that translated")
    original_title: str | None = Field(None, min_length=1, description="Headline in the original")
    original_url: str | None = Field(None, description="Address of the original article")
    reviewed: bool = Field(
        False, description="A person checked the translation against the original"
    )

    @field_validator("original_url")
    @classmethod
    def _http_only(cls, value: str | None) -> str | None:
        return check_http_url(value)


class Correction(BaseModel):
    """One change to a published article, as readers are told of it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    date: dt.date = Field(description="Day of the change, YYYY-MM-DD")
    note: str = Field(
        min_length=1, max_length=300, pattern=r"^[^\n]*$", description="What changed, one line"
    )
    minor: bool = Field(
        False, description="A typo-level fix: recorded, but no notice is shown to readers"
    )


class Image(BaseModel):
    """The article's lead image: where the publisher serves it, what it shows, whose it is.

    The site never copies the file and shows it only with its credit: an image without one
    is kept here until a person finds it, and stays off the page.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    url: str = Field(description="Address of the image file on the publisher's site")
    caption: str | None = Field(
        None, min_length=1, max_length=1000, pattern=r"^[^\n]*$", description="What it shows"
    )
    credit: str | None = Field(
        None,
        min_length=1,
        max_length=300,
        pattern=r"^[^\n]*$",
        description="Photographer or agency, e.g. 'AP Photo/Kirsty Wigglesworth'; "
        "required for the site to show the image",
    )

    @field_validator("url")
    @classmethod
    def _http_only(cls, value: str) -> str:
        return check_http_url(value)  # type: ignore[return-value]


class Article(BaseModel):
    """Front matter of one archive page. The Markdown body is kept beside it, not in it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    title: str = Field(min_length=1, max_length=300, description="Headline as published")
    provisional: list[Provisional] = Field(
        default_factory=list,
        description="Fields newsarchive made up because the article gave none (a headline "
        "made from the lead); confirm or edit each, then remove it from this list",
    )
    slug: str = Field(
        pattern=SLUG_PATTERN,
        max_length=SLUG_MAX,
        description="ASCII file name, stable once written",
    )
    date: dt.date = Field(description="Publication date, YYYY-MM-DD")
    added: dt.date = Field(
        description="Day the article entered the archive, YYYY-MM-DD (set by ingest; never edited)"
    )
    updated: dt.date | None = Field(
        None, description="Day of the last correction that is not minor; absent until then"
    )
    source: str | None = Field(None, min_length=1, description="Publisher (sources.yml name)")
    url: str | None = Field(None, description="Address of the published article")
    agency: str | None = Field(None, min_length=1, description="News agency, e.g. AP, Reuters, AFP")
    byline: list[str] = Field(default_factory=list, description="Authors, one per item")
    dateline: str | None = Field(None, min_length=1, description="Place the story was filed from")
    language: str = Field(pattern=LANG_PATTERN, description="ISO 639-1 code of this text")
    translation: Translation | None = Field(None, description="Absent for untranslated text")
    people: list[str] = Field(default_factory=list, description="people.yml names")
    organisations: list[str] = Field(default_factory=list, description="organisations.yml names")
    places: list[str] = Field(default_factory=list, description="places.yml names")
    topics: list[str] = Field(default_factory=list, description="topics.yml slugs")
    summary: str | None = Field(
        None, min_length=1, description="Standfirst; leave out to show the body's lead paragraph"
    )
    copyright: str | None = Field(None, min_length=1, description="e.g. © 2025 The Canadian Press")
    image: Image | None = Field(None, description="Lead image: url, caption, credit")
    corrections: list[Correction] = Field(
        default_factory=list, description="Changes since the article was archived, oldest first"
    )
    moved_from: list[str] = Field(
        default_factory=list,
        description="Old addresses (YYYY/MM/slug) of this page; each keeps a redirect here",
    )
    same_story: list[str] = Field(
        default_factory=list,
        description="Addresses (YYYY/MM/slug) of other pages of the archive that tell the same "
        "story (another agency's, another translation, a second paste); each stays a page",
    )
    input_sha256: str | None = Field(
        None,
        pattern=r"^[0-9a-f]{64}$",
        description="SHA-256 of the raw file the page was made from; lets a re-ingest find it",
    )

    @field_validator("url")
    @classmethod
    def _http_only(cls, value: str | None) -> str | None:
        return check_http_url(value)

    @field_validator(
        "provisional",
        "byline",
        "people",
        "organisations",
        "places",
        "topics",
        "moved_from",
        "same_story",
    )
    @classmethod
    def _no_repeats(cls, values: list[str]) -> list[str]:
        return _unique(values)

    @field_validator("moved_from", "same_story")
    @classmethod
    def _addresses(cls, values: list[str], info: ValidationInfo) -> list[str]:
        old = info.field_name == "moved_from"
        kind = "an old address like 2025/03/old-slug" if old else "an address like 2025/03/the-slug"
        for value in values:
            if not re.fullmatch(ADDRESS_PATTERN, value):
                raise ValueError(f"{value!r} is not {kind}")
        return values

    @model_validator(mode="after")
    def _history_in_order(self) -> Article:
        # The dates must tell one story: archived, then corrected, the last change last.
        for correction in self.corrections:
            if correction.date < self.added:
                raise ValueError(
                    f"correction of {correction.date} is before the article was added "
                    f"({self.added}); fix the correction's date"
                )
        last = max((c.date for c in self.corrections if not c.minor), default=None)
        if last != self.updated:
            fix = f"write updated: {last}" if last else "remove the 'updated' line"
            raise ValueError(
                f"updated must be the day of the last correction that is not minor; {fix}"
            )
        return self

    def front_matter(self) -> dict[str, Any]:
        """The mapping written to disk: field order kept, empty values left out."""
        data = self.model_dump(mode="python", by_alias=True, exclude_none=True)
        if self.translation is not None and not self.translation.reviewed:
            data["translation"].pop("reviewed")
        for correction in data.get("corrections", []):
            if not correction["minor"]:
                correction.pop("minor")
        return {key: value for key, value in data.items() if value != []}


# Said by ingest and validate of a lead image the site does not show.
UNCREDITED_IMAGE = (
    "image has no credit, so the site does not show it; add 'credit:' under 'image:' "
    "(the photographer or agency, as the publisher names them)"
)


def shown_image(article: Article) -> Image | None:
    """The lead image a page or feed may show: only one with its credit, never without."""
    image = article.image
    return image if image is not None and image.credit else None


def provisional_message(field: str) -> str:
    """What a provisional field is and how a person confirms it (ingest and validate)."""
    made = _MADE_FROM.get(field, "made by newsarchive")
    return (
        f"{field} is provisional ({made}); confirm or edit it, "
        f"then remove '{field}' from 'provisional'"
    )


def json_schema() -> str:
    """JSON Schema of the front matter, generated from the model."""
    schema = Article.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "newsarchive article front matter"
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
