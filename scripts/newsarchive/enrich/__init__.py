"""The enricher: CleanArticle + Overrides + Registries -> Article and body.

Every field follows one precedence: what the contributor said (flags over sidecar,
already merged in Overrides), then the page's metadata (HTML), then what the cleaner
read from the text. Nothing is guessed: a missing date is an InputError, and a text
that starts with the story gets a headline made from its lead, marked provisional for
a person to confirm.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from pydantic import ValidationError

from ..cleaner.header import provisional_title
from ..errors import InputError
from ..explain import model_error
from ..model import UNCREDITED_IMAGE, Article, Image, provisional_message
from ..overrides import Overrides
from ..records import CleanArticle, ImageFacts
from ..registry import Entity, Languages, Registries
from ..slugs import slugify
from ..summary import standfirst
from .dates import check_weekday, choose_date, sidecar_name
from .entities import (
    AliasIndex,
    Mention,
    Token,
    build_index,
    closest_person,
    find_introduced,
    find_mentions,
    index_given_names,
    is_title_case,
    link_names,
    tokenize,
)
from .language import detect_language, function_words
from .topics import CueIndex, build_cue_index, score_topics
from .translation import find_translation

__all__ = ["Enriched", "enrich"]


@dataclass(frozen=True)
class Enriched:
    """An article ready for the writer, with what the ingest should report or register."""

    article: Article
    body: str
    new_people: tuple[Entity, ...] = ()
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Indexes:
    people: AliasIndex
    given_names: dict[str, list[tuple[str, str]]]
    organisations: AliasIndex
    places: AliasIndex
    topics: CueIndex


# Built once per Registries object (ingest workers share one), keyed by identity
# because the registries hold dicts and cannot be hashed.
_INDEXES: dict[int, tuple[Registries, _Indexes]] = {}


def _indexes(registries: Registries) -> _Indexes:
    cached = _INDEXES.get(id(registries))
    if cached is not None and cached[0] is registries:
        return cached[1]
    built = _Indexes(
        people=build_index(registries.people, with_surnames=True),
        given_names=index_given_names(registries.people),
        organisations=build_index(registries.organisations),
        places=build_index(registries.places),
        topics=build_cue_index(registries.topics),
    )
    _INDEXES[id(registries)] = (registries, built)
    return built


def enrich(
    clean: CleanArticle,
    overrides: Overrides,
    registries: Registries,
    added: dt.date | None = None,
) -> Enriched:
    """The article's front matter and body, every field by the documented precedence.

    `added` is the day the article enters the archive (today unless given: an ingest run
    passes one day for all its articles).
    """
    raw = clean.raw
    date = choose_date(clean, overrides)
    body = clean.body()
    paragraphs = [b.text for b in clean.blocks if b.kind == "paragraph"]
    title = overrides.title or clean.title or raw.title
    sample = "\n".join(paragraphs) or title or ""
    language = detect_language(sample, raw.language, registries.languages)
    if language is None:
        raise InputError("no article text found; check that the file holds the article", raw.path)
    provisional: list[str] = []
    if not title:  # the text starts with the story: a headline from its lead, to confirm
        title = provisional_title(clean.lead() or "", _dangling(registries.languages, language))
        provisional.append("title")
    if not title:
        raise InputError(
            f"no headline found; pass --title \"...\" or add 'title:' to {sidecar_name(raw.path)}",
            raw.path,
        )
    found = find_translation(overrides, clean, language, registries.languages)
    indexes = _indexes(registries)
    # Only the headline and the article's own blocks are read for names: never
    # the removed furniture, bylines or credits.
    text = "\n\n".join([title, *(b.text for b in clean.blocks)])
    tokens = tokenize(text)
    people, new_people = _link_people(indexes, title, clean, text, tokens)
    holder = _holder(clean.copyright_holder, registries)
    image = _image(raw.image)
    fields = {
        "title": title,
        "provisional": provisional,
        "slug": slugify(title) or f"article-{raw.digest[:12]}",
        "date": date,
        "added": added or dt.date.today(),
        "source": _canonical_source(overrides.source or raw.source or holder.publisher, registries),
        "url": overrides.url or raw.url,
        "agency": _canonical_source(clean.agency or holder.agency, registries, kind="agency"),
        "byline": list(dict.fromkeys(clean.byline)),
        "dateline": clean.dateline,
        "language": language,
        "translation": found.translation,
        "people": people,
        "organisations": link_names(find_mentions(indexes.organisations, text, tokens)),
        "places": link_names(find_mentions(indexes.places, text, tokens)),
        "topics": score_topics(indexes.topics, text, tokens, title_end=len(title)),
        # The lead is in the body already; only a standfirst that differs is stored.
        "summary": standfirst(raw.description, clean.lead()),
        "copyright": clean.copyright,
        "image": image,
    }
    try:
        article = Article(**fields)
    except ValidationError as exc:
        raise InputError(
            f"{model_error(exc.errors()[0], Article)}, with the matching flag or "
            f"in {sidecar_name(raw.path)}",
            raw.path,
        ) from exc
    warnings = [
        check_weekday(date, clean.lead()),
        *map(provisional_message, provisional),
        found.warning,
        UNCREDITED_IMAGE if image is not None and image.credit is None else None,
    ]
    if overrides.from_lang == language:
        warnings.append(
            f"--from {language} is the language of the text itself; no translation recorded"
        )
    return Enriched(article, body, new_people, tuple(w for w in warnings if w))


def _image(image: ImageFacts | None) -> Image | None:
    """The page's lead image as front matter: what the page said of it, nothing guessed.
    One the model refuses is left out: the article is archived without it."""
    if image is None:
        return None
    try:
        return Image(url=image.url, caption=image.caption, credit=image.credit)
    except ValidationError:
        return None


def _dangling(languages: Languages, language: str) -> frozenset[str]:
    """Words a headline never ends on: the text's function words (any listed, if unknown)."""
    words = function_words(languages)
    return words.get(language) or frozenset().union(*words.values())


def _link_people(
    indexes: _Indexes, title: str, clean: CleanArticle, text: str, tokens: list[Token]
) -> tuple[list[str], tuple[Entity, ...]]:
    """Registered people mentioned, plus unregistered ones introduced by a role."""
    mentions = find_mentions(indexes.people, text, tokens)
    new: dict[str, Entity] = {}
    start = len(title) + 2
    for block in clean.blocks:
        # Headings and title-case lines ("Minister Warns Farmers") would read as names.
        if block.kind == "paragraph" and not is_title_case(block.text):
            for person in find_introduced(block.text):
                if find_mentions(indexes.people, person.name, tokenize(person.name)):
                    continue
                known = closest_person(person.name, indexes.given_names)
                if known is None and person.name not in new:
                    new[person.name] = Entity(name=person.name, role=person.role)
                mentions.append(Mention(known or person.name, start + person.start))
        start += len(block.text) + 2
    return link_names(mentions), tuple(new.values())


@dataclass(frozen=True)
class _Holder:
    """The copyright holder as a source: an agency's notice on wire copy names no publisher."""

    publisher: str | None = None
    agency: str | None = None


def _holder(name: str | None, registries: Registries) -> _Holder:
    source = registries.source_named(name.strip()) if name else None
    if source is not None and source.kind == "agency":
        return _Holder(agency=name)
    return _Holder(publisher=name)


def _canonical_source(
    name: str | None, registries: Registries, kind: Literal["publisher", "agency"] | None = None
) -> str | None:
    """The registry's name for a source when known (and of the wanted kind), else as given."""
    if not name:
        return None
    source = registries.source_named(name.strip())
    if source is not None and (kind is None or source.kind == kind):
        return source.name
    return name.strip()
