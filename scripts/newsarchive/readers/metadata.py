"""A saved page's own metadata, as a cascade of extract_* functions (first found wins).

JSON-LD (NewsArticle) > OpenGraph and <meta> > <time datetime>; trafilatura's own
extraction fills what none of them gives (readers/html.py). Dates are given as timestamps
under their own keys; readers/page_date.py ranks them.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from typing import Any

from lxml import etree, html

from ..names import BY_PREFIX, byline_people, split_names
from ..records import TranslationFacts
from ..timestamps import Stamp, read_stamp

_ARTICLE_TYPES = frozenset(
    {"NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "BlogPosting",
     "OpinionNewsArticle", "BackgroundNewsArticle", "LiveBlogPosting", "Report", "WebPage"}
)  # fmt: skip
# <meta> names and properties per field, most specific first.
_META_TITLE = ("og:title", "twitter:title", "dc.title")
_META_PUBLISHED = (
    "article:published_time", "og:published_time", "og:article:published_time",
    "datepublished", "pubdate", "publishdate", "dc.date.issued", "parsely-pub-date",
)  # fmt: skip
# Names that do not say which date they give (often the last edit or the page's build).
_META_DATE = ("date", "dc.date", "sailthru.date")
_META_AUTHOR = ("author", "article:author", "dc.creator", "sailthru.author", "parsely-author")
_META_SOURCE = ("og:site_name", "application-name", "publisher")
_META_URL = ("og:url", "twitter:url")
_META_DESCRIPTION = ("og:description", "description", "twitter:description")

Field = tuple[str, Any]

# Elements a page marks as its byline; the text of each is read as names.
_BYLINE_ELEMENTS = etree.XPath(
    "//*[not(self::script or self::style or self::meta or self::link)]"
    "[re:test(concat(@class, ' ', @id, ' ', @itemprop, ' ', @rel),"
    " '(^|[^a-z])(author|authors|byline|autor|autoren|autorenzeile|auteur|verfasser)"
    "([^a-z]|$)', 'i')]",
    namespaces={"re": "http://exslt.org/regular-expressions"},
)
_PARAGRAPHS = etree.XPath("//p | //span | //div[not(*)] | //li")
_BYLINE_MAX_WORDS = 16

# A paragraph short enough to be a note, and made of a few elements at most.
_NOTE_MAX_WORDS = 30
_NOTE_MAX_CHILDREN = 6
_INLINE = frozenset({"a", "em", "i", "b", "strong", "span", "small", "sup", "sub", "u", "mark"})


def page_metadata(tree: html.HtmlElement) -> dict[str, Any]:
    """Title, date, byline, source, url, description: the first extractor to give one wins.

    Bylines are the exception: a later source that names the same people and more
    (JSON-LD's first author, <meta>'s whole list) is the fuller byline.
    """
    found: dict[str, Any] = {}
    extractors = (extract_jsonld, extract_meta, extract_time, extract_translation)
    for key, value in (field for extract in extractors for field in extract(tree)):
        if not value:
            continue
        if key not in found or (key == "byline" and _names_more(value, found[key])):
            found[key] = value
    return found


def _names_more(fuller: tuple[str, ...], names: tuple[str, ...]) -> bool:
    wanted = {" ".join(name.casefold().split()) for name in names}
    given = {" ".join(name.casefold().split()) for name in fuller}
    return wanted < given


def extract_byline_element(tree: html.HtmlElement) -> tuple[str, ...]:
    """People named in the page's byline element, the last resort after JSON-LD and <meta>.

    An element the page marks as its byline (class, id or itemprop 'author', 'byline'),
    else a short paragraph that says so ('Auteur : A. Name', 'By A and B'); every name
    must be shaped like a person's ('Von A, B und C, NDR' gives A, B and C).
    """
    labelled = (n for n in _PARAGRAPHS(tree) if BY_PREFIX.match(n.text_content().strip()))
    for node in itertools.chain(_BYLINE_ELEMENTS(tree), labelled):
        text = clean_text(node.text_content())
        if not text or len(text.split()) > _BYLINE_MAX_WORDS:
            continue
        names = byline_people(text)
        if names:
            return names
    return ()


def extract_jsonld(tree: html.HtmlElement) -> Iterator[Field]:
    """Fields of the page's JSON-LD article (NewsArticle and kin; WebPage only weakly)."""
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            data = json.loads(script.text or "")
        except (ValueError, RecursionError):
            continue  # broken (or absurdly nested) JSON-LD is common; the other sources apply
        for item in _jsonld_items(data):
            kinds = item.get("@type")
            kinds = set(kinds) if isinstance(kinds, list) else {kinds}
            if not kinds & _ARTICLE_TYPES:
                continue
            # WebPage is a weak match: only its date and names, after any real article.
            weak = not kinds & (_ARTICLE_TYPES - {"WebPage"})
            yield "title", None if weak else clean_text(_text(item.get("headline")))
            yield "date", as_stamp(_text(item.get("datePublished")))
            yield "byline", None if weak else _jsonld_names(item.get("author"))
            yield "source", clean_text(_text(_name_of(item.get("publisher"))))
            yield "url", None if weak else http_url(_text(item.get("url")))
            yield "description", None if weak else clean_text(_text(item.get("description")))
            # The whole text of pages drawn by script, whose HTML holds none (readers/html.py).
            yield "body", None if weak else _text(item.get("articleBody"))
            # As given (an address, an ImageObject, a list): readers/images.py reads it.
            yield "jsonld_image", None if weak else item.get("image")


def extract_meta(tree: html.HtmlElement) -> Iterator[Field]:
    """Fields of OpenGraph, Twitter, Dublin Core and plain <meta> tags, and the canonical link."""
    metas: dict[str, str] = {}
    for node in tree.iter("meta"):
        key = (node.get("property") or node.get("name") or node.get("itemprop") or "").lower()
        if key and node.get("content") and key not in metas:
            metas[key] = node.get("content")
    canonical = next(
        (n.get("href") for n in tree.iter("link") if (n.get("rel") or "").lower() == "canonical"),
        None,
    )
    yield "title", next((clean_text(metas[k]) for k in _META_TITLE if metas.get(k)), None)
    yield "published", next((d for k in _META_PUBLISHED if (d := as_stamp(metas.get(k)))), None)
    yield "meta_date", next((d for k in _META_DATE if (d := as_stamp(metas.get(k)))), None)
    authors = [metas[k] for k in _META_AUTHOR if metas.get(k) and not http_url(metas[k])]
    yield "byline", split_names(authors[0]) if authors else None
    yield "source", next((clean_text(metas[k]) for k in _META_SOURCE if metas.get(k)), None)
    yield "sites", tuple(metas[k] for k in _META_SOURCE if metas.get(k))
    yield (
        "url",
        http_url(canonical) or next((http_url(metas[k]) for k in _META_URL if k in metas), None),
    )
    yield (
        "description",
        next((clean_text(metas[k]) for k in _META_DESCRIPTION if metas.get(k)), None),
    )


def extract_time(tree: html.HtmlElement) -> Iterator[Field]:
    """The first <time datetime> that holds a date: the weakest date source."""
    for node in tree.iter("time"):
        when = as_stamp(node.get("datetime"))
        if when is not None:
            yield "time", when
            return


def extract_translation(tree: html.HtmlElement) -> Iterator[Field]:
    """What the page says of its own translation: schema.org translationOfWork, translator
    and inLanguage in its JSON-LD article, and its <link rel="alternate" hreflang> pages."""
    for script in tree.iter("script"):
        source = script.text or ""
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not (
            "translat" in source or "inLanguage" in source
        ):
            continue  # most pages say nothing of it: no second parse of their JSON-LD
        try:
            data = json.loads(source)
        except (ValueError, RecursionError):
            continue
        for item in _jsonld_items(data):
            kinds = item.get("@type")
            if set(kinds if isinstance(kinds, list) else [kinds]) & _ARTICLE_TYPES:
                yield "language", _language(item.get("inLanguage"))
                yield "translation", _translation_facts(item)
    alternates = tuple(
        (lang.strip().lower(), href)
        for node in tree.iter("link")
        if "alternate" in (node.get("rel") or "").lower().split()
        and (lang := node.get("hreflang") or "")
        and lang.strip().lower() != "x-default"
        and (href := http_url(node.get("href")))
    )
    yield "alternates", alternates


def _translation_facts(item: dict[str, Any]) -> TranslationFacts | None:
    original = item.get("translationOfWork")
    original = original[0] if isinstance(original, list) and original else original
    translator = item.get("translator")
    translator = translator[0] if isinstance(translator, list) and translator else translator
    if not original and not translator:
        return None
    work = original if isinstance(original, dict) else {"url": original}
    person = isinstance(translator, dict) and translator.get("@type") == "Person"
    return TranslationFacts(
        from_lang=_language(work.get("inLanguage")),
        method="human" if person else None,  # a tool or an agency: not said which
        translator=clean_text(_text(_name_of(translator))),
        original_title=clean_text(_text(work.get("headline") or work.get("name"))),
        original_url=http_url(_text(work.get("url") or work.get("@id"))),
    )


def _language(value: Any) -> str | None:
    """schema.org inLanguage: a code or name, or a Language with a name or alternateName."""
    if isinstance(value, dict):
        value = value.get("alternateName") or value.get("name")
    return clean_text(_text(value))


def note_links(tree: html.HtmlElement, blocks: list[str]) -> tuple[tuple[str, str], ...]:
    """(text, address) of each short paragraph of the article text that holds a link.

    A translation note's link ('read the original here') is the original's address;
    the cleaner reads the note, this keeps where its link led.
    """
    short = {block for block in blocks if len(block.split()) <= _NOTE_MAX_WORDS}
    found = []
    for link in tree.iter("a") if short else ():
        address = http_url(link.get("href"))
        block = link
        while block.getparent() is not None and block.tag in _INLINE:
            block = block.getparent()
        if address and len(block) <= _NOTE_MAX_CHILDREN:
            text = clean_text(block.text_content())
            if text in short:
                found.append((text, address))
    return tuple(found)


def _jsonld_items(data: Any) -> Iterator[dict[str, Any]]:
    """Every object in a JSON-LD document, articles inside '@graph' lists included."""
    # A stack, not recursion: a page may nest lists as deep as json.loads allows.
    pending = [data]
    while pending:
        item = pending.pop()
        if isinstance(item, list):
            pending.extend(reversed(item))
        elif isinstance(item, dict):
            yield item
            pending.append(item.get("@graph"))


def _jsonld_names(value: Any) -> tuple[str, ...]:
    values = value if isinstance(value, list) else [value]
    names: list[str] = []
    for entry in values:
        if isinstance(entry, dict) and entry.get("@type") not in (None, "Person"):
            continue  # an Organization as author is the publisher, not a byline
        names.extend(split_names(_text(_name_of(entry)) or ""))
    return tuple(dict.fromkeys(names))


def _name_of(value: Any) -> Any:
    return value.get("name") if isinstance(value, dict) else value


def _text(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    return value if isinstance(value, str) else None


def clean_text(value: str | None) -> str | None:
    """`value` with runs of whitespace made one space; None when nothing is left."""
    text = " ".join((value or "").split())
    return text or None


def http_url(value: str | None) -> str | None:
    """`value` when it is an http(s) address, else None."""
    value = (value or "").strip()
    return value if value.lower().startswith(("http://", "https://")) else None


def as_stamp(value: str | None) -> Stamp | None:
    """The date in `value`, with its time and zone when written; None without a date."""
    return read_stamp(value) if value else None
