"""schema.org NewsArticle JSON-LD for an article page, safe to place inside <script>."""

from __future__ import annotations

import json
from typing import Any

from ..model import Article, shown_image

# json.dumps leaves these as-is; inside <script> "</script>" or "<!--" would end the block.
# (str.replace: several times faster than str.translate with a mapping, on every page.)
_SCRIPT_SAFE = (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"))


def news_article(
    article: Article, page_url: str | None, topics: list[str], summary: str | None = None
) -> dict[str, Any]:
    """The NewsArticle: what, when, who wrote it, who and what (topic labels) it is about."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "datePublished": article.date.isoformat(),
        # The archived text's last change: its last correction, else as published.
        "dateModified": (article.updated or article.date).isoformat(),
        "inLanguage": article.language,
    }
    if page_url:
        data["url"] = page_url
        data["mainEntityOfPage"] = page_url
    if article.byline:
        data["author"] = [{"@type": "Person", "name": name} for name in article.byline]
    if article.source:
        data["publisher"] = {"@type": "Organization", "name": article.source}
    if article.agency:
        data["sourceOrganization"] = {"@type": "Organization", "name": article.agency}
    if summary:
        data["description"] = summary
    if article.dateline:
        data["locationCreated"] = {"@type": "Place", "name": article.dateline}
    if article.copyright:
        data["copyrightNotice"] = article.copyright
    image = shown_image(article)
    if image is not None:
        data["image"] = {"@type": "ImageObject", "url": image.url, "creditText": image.credit}
        if image.caption:
            data["image"]["caption"] = image.caption
    if article.people:
        data["mentions"] = [{"@type": "Person", "name": name} for name in article.people]
    if topics:
        data["about"] = [{"@type": "Thing", "name": label} for label in topics]
    original_url = (article.translation and article.translation.original_url) or article.url
    if article.translation:
        original: dict[str, Any] = {
            "@type": "NewsArticle",
            "inLanguage": article.translation.from_,
        }
        if article.translation.original_title:
            original["headline"] = article.translation.original_title
        if original_url:
            original["url"] = original_url
        data["translationOfWork"] = original
        if article.translation.translator:
            data["translator"] = {"@type": "Thing", "name": article.translation.translator}
    if original_url:
        data["isBasedOn"] = original_url
    corrections = [c for c in article.corrections if not c.minor]
    if corrections:
        data["correction"] = [
            {"@type": "CorrectionComment", "text": c.note, "datePublished": c.date.isoformat()}
            for c in corrections
        ]
    return data


def script_json(data: dict[str, Any]) -> str:
    """JSON text that cannot close or comment out the <script> element it is placed in."""
    text = json.dumps(data, ensure_ascii=False)
    for char, escaped in _SCRIPT_SAFE:
        text = text.replace(char, escaped)
    return text
