"""Saved pages: the article's main text (trafilatura) and its metadata (readers/metadata.py)."""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import trafilatura
from lxml import etree, html

from ..errors import InputError
from ..names import split_names
from ..records import RawArticle
from ..sitenames import is_site_name, site_keys, strip_site_suffix
from .limits import MAX_HTML_DEPTH, MAX_HTML_ELEMENTS, check_not_binary, refuse_long
from .metadata import clean_text, http_url, page_metadata
from .page_date import page_date

# A front-page link's text is a site name ('新华网'), not a menu sentence.
_HOME_LINK_MAX_WORDS = 4
_SENTENCE = re.compile(r"^(?!## ).{30,}[.!?…。！？][\"'”’»)]*$")
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
        include_comments=False,
        include_tables=False,
        include_formatting=True,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    blocks = list(_body_blocks(doc.body)) if doc is not None and doc.body is not None else []
    refuse_long(blocks, "paragraph", path)
    text = "\n\n".join(blocks)
    # Menus and link lists are what extraction finds on a page with no article: no sentences.
    if not any(_SENTENCE.search(block) for block in blocks):
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
        byline=_people(meta.get("byline"), sites) or _people(split_names(doc.author or ""), sites),
        source=source,
        url=url,
        language=lang.group(1) if lang else None,
        description=meta.get("description") or clean_text(doc.description),
    )


def _body_blocks(body: etree._Element) -> Iterator[str]:
    """trafilatura's XML body -> '## heading' and paragraph strings, in document order."""
    for child in body:
        if child.tag == "head":
            text = clean_text("".join(child.itertext()))
            if text:
                yield f"## {text}"
        elif child.tag in {"p", "item", "code"} or (
            child.tag == "quote" and child.find("p") is None
        ):
            text = clean_text(" ".join(child.itertext()))
            if text:
                yield text
        elif child.tag in {"list", "quote", "div", "section"}:
            yield from _body_blocks(child)


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
