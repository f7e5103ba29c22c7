"""A saved page's lead image: JSON-LD `image`, the article's first captioned <figure>, og:image.

JSON-LD names the image and often its caption and credit; the lead figure is what the page
shows, with the caption and credit printed under it; og:image gives an address alone. The
first that gives a caption or credit wins, and a bare address is the last resort. Only
http(s) addresses are kept (relative ones are resolved against the page's address).
"""

from __future__ import annotations

import html as html_module
import posixpath
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import urljoin, urlsplit

from lxml import etree, html

from ..records import ImageFacts
from .metadata import clean_text, http_url

_META_IMAGE = ("og:image:secure_url", "og:image:url", "og:image", "twitter:image")
# Elements of a caption that hold its credit, by their class, id or itemprop.
_CREDIT_ELEMENT = etree.XPath(
    ".//*[re:test(concat(@class, ' ', @id, ' ', @itemprop), "
    "'(credit|copyright|photographer|byline|source|author)', 'i')]",
    namespaces={"re": "http://exslt.org/regular-expressions"},
)
# Words that label a credit in a caption ('Photo: ...', 'Foto: ...', 'Фото: ...').
_LABELS = "photo|foto|фото|image|imagen|bild|picture|photograph|credit|crédit|kuva"
# A credit written at the end of the caption: 'Photo: Jane Doe', '(AP Photo/Jane Doe)', '© X'.
_CREDIT_TEXT = re.compile(
    rf"\s*(?:\(\s*)?(?P<credit>(?:(?:{_LABELS})s?(?:\s+credit)?\s*[:/|]|©|\(c\)|copyright\b"
    r"|\w+ (?:photo|foto)\s*/)[^()]{2,200}?)\s*\)?\s*$",
    re.IGNORECASE,
)
_CREDIT_LABEL = re.compile(rf"(?i)(?:{_LABELS})s?\s*(?:credit)?\s*:")
_CAPTION_MAX = 1000
_CREDIT_MAX = 300


def lead_image(
    tree: html.HtmlElement, jsonld_image: Any, page_url: str | None
) -> ImageFacts | None:
    """The page's lead image, with its caption and credit when the page gives them;
    `jsonld_image` is the `image` of its JSON-LD article (readers/metadata.py)."""
    given = next(_jsonld_images(jsonld_image, page_url), None)
    figure = _lead_figure(tree, page_url)
    meta = _meta_image(tree, page_url)
    if given is not None and figure is not None and _same_file(given.url, figure.url):
        return _trimmed(
            ImageFacts(given.url, given.caption or figure.caption, given.credit or figure.credit)
        )
    for found in (given, figure):
        if found is not None and (found.caption or found.credit):
            return _trimmed(found)
    return given or figure or meta


def _trimmed(image: ImageFacts) -> ImageFacts:
    """Caption and credit as the model takes them: one line; a credit too long is no credit."""
    caption = image.caption
    if caption and len(caption) > _CAPTION_MAX:
        caption = caption[: _CAPTION_MAX - 1].rsplit(" ", 1)[0] + "…"
    credit = image.credit if image.credit and len(image.credit) <= _CREDIT_MAX else None
    return ImageFacts(image.url, caption, credit)


def _address(value: Any, page_url: str | None) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()
    try:
        return http_url(urljoin(page_url, value) if page_url else value)
    except ValueError:  # 'http://[broken': no address
        return None


def _same_file(one: str, other: str) -> bool:
    """The same picture at two sizes often keeps its file name ('/600/x.jpg', '/1200/x.jpg')."""
    try:
        first, second = urlsplit(one).path, urlsplit(other).path
    except ValueError:
        return False
    return posixpath.basename(first) == posixpath.basename(second) != ""


def _jsonld_images(value: Any, page_url: str | None) -> Iterator[ImageFacts]:
    """A JSON-LD article's `image`: an address, an ImageObject, or a list of them."""
    for entry in value if isinstance(value, list) else [value]:
        if isinstance(entry, dict):
            url = _address(entry.get("url") or entry.get("contentUrl"), page_url)
            if url:
                credit = entry.get("creditText") or _name(entry.get("copyrightHolder"))
                credit = credit or _name(entry.get("author"))
                caption = _string(entry.get("caption") or entry.get("description"))
                yield ImageFacts(url, _plain(caption), _plain(_string(credit)))
        elif (url := _address(entry, page_url)) is not None:
            yield ImageFacts(url)


def _plain(text: str | None) -> str | None:
    # JSON-LD text is often HTML-escaped ('mis&nbsp;en garde').
    return clean_text(html_module.unescape(text)) if text else None


def _name(value: Any) -> Any:
    if isinstance(value, list):
        value = value[0] if value else None
    return value.get("name") if isinstance(value, dict) else value


def _string(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _lead_figure(tree: html.HtmlElement, page_url: str | None) -> ImageFacts | None:
    """The first <figure> with a picture and a caption, in the <article> when there is one."""
    scope = next(tree.iter("article"), tree)
    for figure in scope.iter("figure"):
        caption = next(figure.iter("figcaption"), None)
        image = next(figure.iter("img"), None)
        if caption is None or image is None:
            continue
        url = _address(image.get("src") or image.get("data-src"), page_url)
        if url is None:
            continue
        text, credit = _caption_and_credit(caption)
        return ImageFacts(url, text, credit)
    return None


def _caption_and_credit(caption: html.HtmlElement) -> tuple[str | None, str | None]:
    """A figcaption's text and its credit: a marked element, else a credit at its end."""
    marked = next(iter(_CREDIT_ELEMENT(caption)), None)
    text = clean_text(caption.text_content())
    if marked is not None:
        credit = clean_text(marked.text_content())
        if credit and text:
            text = clean_text(text.replace(credit, "")) or None
        return text, _strip_label(credit)
    if text and (match := _CREDIT_TEXT.search(text)):
        return _words(text[: match.start()]), _strip_label(match.group("credit"))
    return text, None


def _words(text: str) -> str | None:
    """`text` when it says something: what is left of '. Imagen: Télam' is no caption."""
    text = clean_text(text) or ""
    return text if any(ch.isalnum() for ch in text) else None


def _strip_label(credit: str | None) -> str | None:
    """'Photo: Jane Doe' -> 'Jane Doe'; a wire credit ('AP Photo/Jane Doe', '© AFP') stays."""
    if not credit:
        return None
    label = _CREDIT_LABEL.match(credit)
    return clean_text(credit[label.end() :] if label else credit)


def _meta_image(tree: html.HtmlElement, page_url: str | None) -> ImageFacts | None:
    """og:image (or twitter:image): an address and nothing more."""
    metas = {}
    for node in tree.iter("meta"):
        key = (node.get("property") or node.get("name") or "").lower()
        if key in _META_IMAGE and key not in metas:
            metas[key] = node.get("content")
    for key in _META_IMAGE:
        url = _address(metas.get(key), page_url)
        if url:
            return ImageFacts(url)
    return None
