"""An article's metadata as an IPTC ninjs 3 document (News in JSON), for newsrooms.

Made from the front matter and the registries alone, so it costs the same for every article
and needs no site engine: the site writes one beside each page, the export puts one on each
line. The body is not included (representationType "partial"): the page is its rendition.

How the archive's facts map to ninjs 3 (ninjs-schema_3.1.json):
- people, organisations, places: name, rel "mentions", and the Wikidata URI when known;
- topics are subjects: the label, rel "about", the slug as literal, the IPTC Media Topic URI;
- publisher, agency and translator are infoSources, by role;
- a translation: `language` is this text's, the original is an association (rel
  "translatedFrom") with its own language, headline and address, and `edNote` says how the
  text was translated, in the site's wording (words.yml, English);
- ninjs dates are date-times and the archive keeps days: midnight UTC of that day.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from .model import Article
from .registry import Entity, Registries
from .words import REFERENCE, words_for

SCHEMA = "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#"
MEDIA_TYPE = "application/ninjs+json"
TRANSLATED_FROM = "translatedFrom"


def ninjs_document(
    article: Article, registries: Registries, page_url: str | None, summary: str | None = None
) -> dict[str, Any]:
    """The ninjs document of one article; `page_url` is its page's absolute address, if any."""
    uri = page_url if _absolute(page_url) else f"urn:newsarchive:{_address(article)}"
    data: dict[str, Any] = {
        "uri": uri,
        "standard": {"name": "ninjs", "version": "3.1", "schema": SCHEMA},
        "type": "text",
        "representationType": "partial",
        "slugline": article.slug,
        "firstCreated": _midnight(article.added),
        "versionCreated": _midnight(article.updated or article.added),
        "contentCreated": _midnight(article.date),
        "pubStatus": "usable",
        "language": article.language,
        "headlines": [{"role": "main", "value": article.title}],
    }
    if summary:
        data["descriptions"] = [{"role": "summary", "contentType": "text/plain", "value": summary}]
    if article.byline:
        data["by"] = ", ".join(article.byline)
    if article.dateline:
        data["located"] = article.dateline
    if article.copyright:
        data["copyrightNotice"] = article.copyright
    for key, names, registry in (
        ("people", article.people, registries.people),
        ("organisations", article.organisations, registries.organisations),
        ("places", article.places, registries.places),
    ):
        if names:
            data[key] = [_entity(name, registry) for name in names]
    if article.topics:
        data["subjects"] = [_subject(slug, registries) for slug in article.topics]
    sources = _info_sources(article, registries)
    if sources:
        data["infoSources"] = sources
    renditions = [_html("html", page_url)] if _absolute(page_url) else []
    if article.url and article.url != _original_url(article):
        renditions.append(_html("publisher", article.url))  # this text as its publisher shows it
    if renditions:
        data["renditions"] = renditions
    if article.translation is not None:
        # The notice the site shows, in the archive's reference language (words.yml).
        data["edNote"] = words_for(REFERENCE).notice(article.translation, registries.languages)
        data["associations"] = [_original(article, uri)]
    return data


def _html(name: str, url: str | None) -> dict[str, Any]:
    return {"name": name, "href": url, "contentType": "text/html"}


def _original_url(article: Article) -> str | None:
    # As on the page: the original's own address, else the article's (the publisher's).
    if article.translation is None:
        return None
    return article.translation.original_url or article.url


def _absolute(url: str | None) -> bool:
    return bool(url) and url.lower().startswith(("http://", "https://"))  # type: ignore[union-attr]


def _address(article: Article) -> str:
    return f"{article.date:%Y/%m}/{article.slug}"


def _midnight(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def _entity(name: str, registry: dict[str, Entity]) -> dict[str, str]:
    item = {"name": name, "rel": "mentions"}
    entity = registry.get(name)
    if entity is not None and entity.uri:
        item["uri"] = entity.uri
    return item


def _subject(slug: str, registries: Registries) -> dict[str, str]:
    item = {"name": registries.topic_label(slug), "rel": "about", "literal": slug}
    topic = registries.topics.get(slug)
    if topic is not None and topic.uri:
        item["uri"] = topic.uri
    return item


def _info_sources(article: Article, registries: Registries) -> list[dict[str, str]]:
    found = []
    for role, name in (("publisher", article.source), ("agency", article.agency)):
        if name:
            item = {"name": name, "role": role}
            source = registries.sources.get(name) or registries.source_named(name)
            if source is not None and source.uri:
                item["uri"] = source.uri
            found.append(item)
    if article.translation and article.translation.translator:
        found.append({"name": article.translation.translator, "role": "translator"})
    return found


def _original(article: Article, uri: str) -> dict[str, Any]:
    """The text this one translates: its address when known (else one made from ours)."""
    translation = article.translation
    assert translation is not None
    url = _original_url(article)
    original: dict[str, Any] = {
        "name": "original",
        "rel": TRANSLATED_FROM,
        "uri": url or f"{uri}#original",
        "type": "text",
        "language": translation.from_,
    }
    if translation.original_title:
        original["headlines"] = [{"role": "main", "value": translation.original_title}]
    if url:
        original["renditions"] = [_html("html", url)]
    return original
