"""Saved pages: the article's main text (trafilatura) and its metadata (readers/metadata.py)."""

from __future__ import annotations

import codecs
import re
from pathlib import Path
from urllib.parse import urlsplit

import trafilatura
from lxml import etree, html

from ..errors import InputError
from ..names import split_names
from ..records import RawArticle
from ..sitenames import is_site_name, site_keys, strip_site_suffix
from .blocks import body_blocks, is_prose, text_blocks, word_bag, word_count
from .images import lead_image
from .limits import MAX_HTML_DEPTH, MAX_HTML_ELEMENTS, check_not_binary, refuse_long
from .metadata import clean_text, extract_byline_element, http_url, note_links, page_metadata
from .page_date import page_date

# A front-page link's text is a site name ('新华网'), not a menu sentence.
_HOME_LINK_MAX_WORDS = 4
# Tables are kept (a data table is article text, and old sites lay out the whole page in
# one); formatting is kept as <hi>, so a word split by markup ('142<sup>e</sup>') stays whole.
_EXTRACTION = {"include_comments": False, "include_tables": True, "include_formatting": True}
# trafilatura's extraction without formatting (its default) is asked too where ours may
# have lost text: with <b>/<i> kept as elements it can drop loose text and bold paragraphs
# set beside <p> paragraphs in one container; and a short extraction, or one without
# prose, is where a lost paragraph hurts most. Asking on every page halves the speed.
_MIXED_LAYOUT = etree.XPath("boolean(//*[p][text()[normalize-space()]])")
_SHORT_WORDS = 150
# The plain extraction replaces ours when it holds nearly all of our words (the same
# article, not another part of the page) and this many times as many.
_SAME_ARTICLE = 0.95
_FULLER = 1.1
# A page's JSON-LD articleBody is the publisher's own article text; it replaces ours when
# it is this many times longer (a page drawn by script, whose HTML holds a caption only).
_JSONLD_FULLER = 2
_LANG = re.compile(r"^([a-z]{2})(?:[-_].*)?$")
_COUNT_ELEMENTS = etree.XPath("count(//*)")
_TOO_DEEP = etree.XPath("boolean(/" + "/".join(["*"] * (MAX_HTML_DEPTH + 1)) + ")")


def read_html(path: Path, data: bytes, digest: str) -> RawArticle:
    """A saved page -> its main text with '## ' headings, and its metadata."""
    if b"\x00" in data[:4096] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise InputError("file is binary, not HTML; save the page as .html", path)
    tree = trafilatura.utils.load_html(data)
    if tree is None:
        raise InputError("page is not readable HTML; save it again as 'Web page, HTML only'", path)
    if _TOO_DEEP(tree):
        raise InputError(
            f"page nests its tags more than {MAX_HTML_DEPTH} levels deep; "
            "paste the article text into a .txt file",
            path,
        )
    if _COUNT_ELEMENTS(tree) > MAX_HTML_ELEMENTS:
        raise InputError(
            f"page has more than {MAX_HTML_ELEMENTS:,} tags; this is not one article, "
            "paste the article text into a .txt file",
            path,
        )
    # Saved pages carry minified scripts on one line, so only the binary check applies here.
    check_not_binary(path, tree.text_content())
    meta = page_metadata(tree)
    doc = trafilatura.bare_extraction(
        tree,
        with_metadata=True,
        date_extraction_params={"extensive_search": False, "original_date": True},
        **_EXTRACTION,
    )
    blocks = _main_text(tree, doc, meta.get("body"))
    refuse_long(blocks, "paragraph", path)
    text = "\n\n".join(blocks)
    # Menus and link lists are what extraction finds on a page with no article: no prose.
    if not any(map(is_prose, blocks)):
        raise InputError(
            "page has no article text; save the article page itself, "
            "or paste its text into a .txt file",
            path,
        )
    lang = _LANG.match((tree.getroottree().getroot().get("lang") or "").strip().lower())
    source = meta.get("source") or clean_text(doc.sitename)
    url = meta.get("url") or http_url(doc.url)
    # The page's own name is never its author, and is cut from the end of its title.
    sites = site_keys([source, doc.sitename, *meta.get("sites", ())], [url, doc.hostname])
    title = meta.get("title") or clean_text(doc.title)
    return RawArticle(
        path=path,
        kind="html",
        text=text,
        digest=digest,
        title=strip_site_suffix(title, sites | _home_link_keys(tree)),
        date=page_date(tree, meta, doc.date),
        # The page's marked byline is read more carefully than trafilatura's guess.
        byline=_people(meta.get("byline"), sites)
        or _people(extract_byline_element(tree), sites)
        or _people(split_names(doc.author or ""), sites),
        source=source,
        url=url,
        language=lang.group(1) if lang else meta.get("language"),
        description=meta.get("description") or clean_text(doc.description),
        translation=meta.get("translation"),
        alternates=meta.get("alternates", ()),
        links=note_links(tree, blocks),
        image=lead_image(tree, meta.get("jsonld_image"), url),
    )


def _main_text(
    tree: html.HtmlElement, doc: trafilatura.settings.Document | None, jsonld_body: str | None
) -> list[str]:
    """The article's blocks: ours, or a source that holds the same text and more of it."""
    blocks = body_blocks(doc.body) if doc is not None and doc.body is not None else []
    words = word_count(blocks)
    if words < _SHORT_WORDS or _MIXED_LAYOUT(tree) or not any(map(is_prose, blocks)):
        plain = trafilatura.bare_extraction(tree, **{**_EXTRACTION, "include_formatting": False})
        other = body_blocks(plain.body) if plain is not None and plain.body is not None else []
        if word_count(other) >= _FULLER * words and _share_in(blocks, other) >= _SAME_ARTICLE:
            blocks = other
    given = text_blocks(jsonld_body) if jsonld_body else []
    if given and word_count(given) >= _JSONLD_FULLER * word_count(blocks):
        blocks = given
    return blocks


def _share_in(blocks: list[str], other: list[str]) -> float:
    """The share of the words of `blocks` that `other` holds too (1.0 when there are none)."""
    mine, theirs = word_bag(blocks), word_bag(other)
    total = sum(mine.values())
    return sum((mine & theirs).values()) / total if total else 1.0


def _people(names: tuple[str, ...] | None, sites: frozenset[str]) -> tuple[str, ...]:
    """Byline names, less the site's own name ('Tagesschau De', 'Deutsche Welle')."""
    return tuple(name for name in names or () if not is_site_name(name, sites))


def _home_link_keys(tree: html.HtmlElement) -> frozenset[str]:
    """Names the page gives its front page: the text of links to a site's root ('新华网')."""
    names = []
    for link in tree.iter("a"):
        try:
            parts = urlsplit((link.get("href") or "").strip())
        except ValueError:  # "http://[broken": a bad link names nothing
            continue
        if parts.netloc and parts.path in ("", "/") and not parts.query:
            text = clean_text(link.text_content())
            if text and len(text.split()) <= _HOME_LINK_MAX_WORDS:
                names.append(text)
    return site_keys(names, ())
