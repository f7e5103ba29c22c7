"""Readers: one raw file (pasted text or a saved page) -> RawArticle, and its sidecar -> Overrides.

Only this module reads article files. Everything it refuses is an InputError with one
line that names the file, the problem and the fix.

Page metadata is layered like trafilatura's own cascade, first found wins:
JSON-LD (NewsArticle) > OpenGraph and <meta> > trafilatura's extraction > <time datetime>.
"""

from __future__ import annotations

import codecs
import datetime as dt
import difflib
import hashlib
import json
import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import ftfy
import trafilatura
import yaml
from lxml import etree, html

from .dates import parse_date
from .errors import InputError
from .records import Overrides, RawArticle
from .sitenames import is_site_name, site_keys, strip_site_suffix

# Larger inputs are whole sites or media, not articles, and would make lxml and
# trafilatura slow; 5 MiB is ~50 times the largest real news page we have seen.
MAX_INPUT_BYTES = 5 * 1024 * 1024
# A longer line is a minified script or binary junk, never a paragraph (~30,000 words).
MAX_LINE_CHARS = 200_000
# More lines are a dump, not an article; the cleaner's time grows faster than their
# number (400,000 lines of 'a.' took 12 s).
MAX_LINES = 50_000
# trafilatura's time grows faster than the page (100,000 paragraphs took 40 s); the
# largest page of the evaluation corpus has 2,285 elements.
MAX_HTML_ELEMENTS = 30_000
# A sidecar holds ten short fields; anything bigger is a mistake or an attack.
MAX_SIDECAR_BYTES = 64 * 1024
# A sidecar is one flat mapping; deeper YAML is a mistake or an attack on the parser.
MAX_SIDECAR_DEPTH = 10
# Share of control or undecodable characters above which a file is not text.
MAX_JUNK_SHARE = 0.05
# libxml2 silently drops everything below 255 levels of tags (the rest of the article
# with it); real pages nest a few dozen, so a page this deep is refused, not truncated.
MAX_HTML_DEPTH = 200

TEXT_SUFFIXES = frozenset({".txt", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
SIDECAR_SUFFIX = ".meta.yml"

SIDECAR_KEYS = {
    "title": "title",
    "date": "date",
    "source": "source",
    "url": "url",
    "from": "from_lang",
    "method": "method",
    "translator": "translator",
    "original_title": "original_title",
    "original_url": "original_url",
    "reviewed": "reviewed",
}
_METHODS = ("machine", "human", "post-edited")
_URL_KEYS = frozenset({"url", "original_url"})

_ARTICLE_TYPES = frozenset(
    {"NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "BlogPosting",
     "OpinionNewsArticle", "BackgroundNewsArticle", "LiveBlogPosting", "Report", "WebPage"}
)  # fmt: skip
# <meta> names and properties per field, most specific first.
_META_TITLE = ("og:title", "twitter:title", "dc.title")
_META_DATE = (
    "article:published_time", "og:published_time", "datepublished", "date", "pubdate",
    "publishdate", "dc.date", "dc.date.issued", "sailthru.date", "parsely-pub-date",
)  # fmt: skip
_META_AUTHOR = ("author", "article:author", "dc.creator", "sailthru.author", "parsely-author")
_META_SOURCE = ("og:site_name", "application-name", "publisher")
_META_URL = ("og:url", "twitter:url")
# A front-page link's text is a site name ('新华网'), not a menu sentence.
_HOME_LINK_MAX_WORDS = 4
_META_DESCRIPTION = ("og:description", "description", "twitter:description")

_NAME_SPLIT = re.compile(r"\s*(?:;|,|&|\band\b|\bund\b|\bet\b|\by\b|\bи\b|\bі\b)\s*", re.I)
_BY_PREFIX = re.compile(
    r"^(?:by|von|par|por|di|door|від|от|author|auteur|autor|autorin)\s*:?\s+", re.I
)
# Not a person: a web address, an e-mail, a placeholder.
_NOT_A_NAME = re.compile(
    r"https?://|@|/|\w\.(?:com|org|net|de|fr|at|ch|uk|it|es|ua|ru)\b"
    r"|^(?:no author|unknown|anonym(?:e|ous)?|an[oó]nimo|anonimo)$",
    re.I,
)
_SPACES = re.compile(r"\s+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ufffd]")
_SENTENCE = re.compile(r"^(?!## ).{30,}[.!?…。！？][\"'”’»)]*$")
_LANG = re.compile(r"^([a-z]{2})(?:[-_].*)?$")
_COUNT_ELEMENTS = etree.XPath("count(//*)")
_TOO_DEEP = etree.XPath("boolean(/" + "/".join(["*"] * (MAX_HTML_DEPTH + 1)) + ")")
# Errors quote the contributor's value on one line: control characters and line breaks escaped.
_LINE_BREAKS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_SHOWN_MAX = 80


def read_file(path: Path) -> RawArticle:
    """Read one raw article; the suffix says whether it is pasted text or a saved page."""
    suffix = path.suffix.lower()
    if suffix not in TEXT_SUFFIXES | HTML_SUFFIXES:
        raise InputError(f"unsupported file type '{suffix}'; use .txt, .md, .html or .htm", path)
    data = _read_bytes(path, MAX_INPUT_BYTES, "5 MiB", "save only the article, not a whole site")
    digest = hashlib.sha256(data).hexdigest()
    if not data.strip():
        raise InputError("file is empty; paste the article text into it", path)
    if suffix in HTML_SUFFIXES:
        return _read_html(path, data, digest)
    text = _decode_text(path, data)
    return RawArticle(path=path, kind="text", text=text, digest=digest)


def sidecar_for(path: Path) -> Path:
    """The sidecar of a raw file: NAME.meta.yml next to NAME.txt or NAME.html."""
    return path.with_name(path.stem + SIDECAR_SUFFIX)


def read_sidecar(path: Path) -> Overrides:
    """Read a sidecar of contributor-given facts (the same fields as the ingest flags)."""
    # The facts must come from beside the article: a link out of its folder is not followed.
    if path.resolve().parent != path.parent.resolve():
        raise InputError("sidecar links to a file in another folder; copy the file here", path)
    text = _read_bytes(path, MAX_SIDECAR_BYTES, "64 KiB", "keep only the article's fields")
    text = text.decode("utf-8-sig", errors="replace")
    data = _load_sidecar_yaml(path, text)
    if data is None:
        return Overrides()
    if not isinstance(data, dict):
        raise InputError("sidecar must be a mapping of 'key: value' lines", path)
    values: dict[str, Any] = {}
    for key, value in data.items():
        if key not in SIDECAR_KEYS:
            close = difflib.get_close_matches(str(key), list(SIDECAR_KEYS), n=1)
            known = "known keys: " + ", ".join(SIDECAR_KEYS)
            hint = f"did you mean '{close[0]}'?" if close else known
            raise InputError(f"unknown key '{_shown(key)}'; {hint}", path)
        if value is not None:
            values[SIDECAR_KEYS[key]] = _check_sidecar_value(path, key, value)
    return Overrides(**values)


# --- bytes and text -------------------------------------------------------------------------


def _read_bytes(path: Path, limit: int, limit_text: str, fix: str) -> bytes:
    try:
        # O_NONBLOCK: opening a named pipe must not wait for a writer; fstat then refuses it.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except FileNotFoundError as exc:
        raise InputError("file not found; check the path", path) from exc
    except OSError as exc:
        raise InputError(f"cannot be opened ({exc.strerror}); check the path", path) from exc
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise InputError("is a directory, not a file; name the article file", path)
        if not stat.S_ISREG(info.st_mode):
            raise InputError("is a pipe or device, not a file; name the article file", path)
        # One byte past the limit: a file that grows while it is read is still refused.
        data = handle.read(limit + 1) if info.st_size <= limit else b""
    size = max(info.st_size, len(data))
    if size > limit:
        raise InputError(f"file is larger than {limit_text} ({size:,} bytes); {fix}", path)
    return data


def _decode_text(path: Path, data: bytes) -> str:
    """Bytes of a paste -> clean Unicode with '\\n' newlines and mojibake repaired."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = data.decode("utf-16", errors="replace")
    elif b"\x00" in data:
        raise InputError("file is binary, not text; save the article as .txt or .html", path)
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            # Not UTF-8: a Windows paste. cp1252 leaves five bytes undefined; latin-1 takes them.
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError:
                text = data.decode("latin-1")
    _check_text(path, text)
    # Curly quotes are the translation's own; everything else ftfy repairs is damage.
    return ftfy.fix_text(text, uncurl_quotes=False, fix_character_width=False)


def _check_text(path: Path, text: str) -> None:
    _check_not_binary(path, text)
    if not text.strip():
        raise InputError("file is empty; paste the article text into it", path)
    lines = text.splitlines()
    if len(lines) > MAX_LINES:
        raise InputError(
            f"file has more than {MAX_LINES:,} lines; this is not one article, "
            "save the article on its own",
            path,
        )
    _refuse_long(lines, "line", path)


def _refuse_long(parts: list[str], what: str, path: Path) -> None:
    for number, part in enumerate(parts, start=1):
        if len(part) > MAX_LINE_CHARS:
            raise InputError(
                f"{what} {number} is longer than {MAX_LINE_CHARS:,} characters; "
                "this is not article text, save the article on its own",
                path,
            )


def _check_not_binary(path: Path, text: str) -> None:
    if len(_CONTROL.findall(text)) > MAX_JUNK_SHARE * len(text):
        raise InputError("file is binary, not text; save the article as .txt or .html", path)


# --- saved pages ----------------------------------------------------------------------------


def _read_html(path: Path, data: bytes, digest: str) -> RawArticle:
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
    _check_not_binary(path, tree.text_content())
    meta = _page_metadata(tree)
    doc = trafilatura.bare_extraction(
        tree,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_formatting=True,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    blocks = list(_body_blocks(doc.body)) if doc is not None and doc.body is not None else []
    _refuse_long(blocks, "paragraph", path)
    text = "\n\n".join(blocks)
    # Menus and link lists are what extraction finds on a page with no article: no sentences.
    if not any(_SENTENCE.search(block) for block in blocks):
        raise InputError(
            "page has no article text; save the article page itself, "
            "or paste its text into a .txt file",
            path,
        )
    lang = _LANG.match((tree.getroottree().getroot().get("lang") or "").strip().lower())
    source = meta.get("source") or _clean(doc.sitename)
    url = meta.get("url") or _http(doc.url)
    # The page's own name is never its author, and is cut from the end of its title.
    sites = site_keys([source, doc.sitename, *meta.get("sites", ())], [url, doc.hostname])
    title = meta.get("title") or _clean(doc.title)
    return RawArticle(
        path=path,
        kind="html",
        text=text,
        digest=digest,
        title=strip_site_suffix(title, sites | _home_link_keys(tree)),
        date=meta.get("date") or _as_date(doc.date) or meta.get("time"),
        byline=_people(meta.get("byline"), sites) or _people(split_names(doc.author or ""), sites),
        source=source,
        url=url,
        language=lang.group(1) if lang else None,
        description=meta.get("description") or _clean(doc.description),
    )


def _body_blocks(body: etree._Element) -> Iterator[str]:
    """trafilatura's XML body -> '## heading' and paragraph strings, in document order."""
    for child in body:
        if child.tag == "head":
            text = _clean("".join(child.itertext()))
            if text:
                yield f"## {text}"
        elif child.tag in {"p", "item", "code"} or (
            child.tag == "quote" and child.find("p") is None
        ):
            text = _clean(" ".join(child.itertext()))
            if text:
                yield text
        elif child.tag in {"list", "quote", "div", "section"}:
            yield from _body_blocks(child)


def _page_metadata(tree: html.HtmlElement) -> dict[str, Any]:
    """Title, date, byline, source, url, description from JSON-LD, then <meta>, then <time>."""
    found: dict[str, Any] = {}
    for key, value in [*_jsonld_fields(tree), *_meta_fields(tree)]:
        if value and key not in found:
            found[key] = value
    for node in tree.iter("time"):
        when = _as_date(node.get("datetime"))
        if when is not None:
            found["time"] = when
            break
    return found


def _jsonld_fields(tree: html.HtmlElement) -> Iterator[tuple[str, Any]]:
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
            yield "title", None if weak else _clean(_text(item.get("headline")))
            yield "date", _as_date(_text(item.get("datePublished")))
            yield "byline", None if weak else _jsonld_names(item.get("author"))
            yield "source", _clean(_text(_name_of(item.get("publisher"))))
            yield "url", None if weak else _http(_text(item.get("url")))
            yield "description", None if weak else _clean(_text(item.get("description")))


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


def _meta_fields(tree: html.HtmlElement) -> Iterator[tuple[str, Any]]:
    metas: dict[str, str] = {}
    for node in tree.iter("meta"):
        key = (node.get("property") or node.get("name") or node.get("itemprop") or "").lower()
        if key and node.get("content") and key not in metas:
            metas[key] = node.get("content")
    canonical = next(
        (n.get("href") for n in tree.iter("link") if (n.get("rel") or "").lower() == "canonical"),
        None,
    )
    yield "title", next((_clean(metas[k]) for k in _META_TITLE if metas.get(k)), None)
    yield "date", next((d for k in _META_DATE if (d := _as_date(metas.get(k)))), None)
    authors = [metas[k] for k in _META_AUTHOR if metas.get(k) and not _http(metas[k])]
    yield "byline", split_names(authors[0]) if authors else None
    yield "source", next((_clean(metas[k]) for k in _META_SOURCE if metas.get(k)), None)
    yield "sites", tuple(metas[k] for k in _META_SOURCE if metas.get(k))
    yield "url", _http(canonical) or next((_http(metas[k]) for k in _META_URL if k in metas), None)
    yield "description", next((_clean(metas[k]) for k in _META_DESCRIPTION if metas.get(k)), None)


def _name_of(value: Any) -> Any:
    return value.get("name") if isinstance(value, dict) else value


def _text(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    return value if isinstance(value, str) else None


def _clean(value: str | None) -> str | None:
    text = _SPACES.sub(" ", value or "").strip()
    return text or None


def _http(value: str | None) -> str | None:
    value = (value or "").strip()
    return value if value.lower().startswith(("http://", "https://")) else None


def _as_date(value: str | None) -> dt.date | None:
    return parse_date(value) if value else None


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
            text = _clean(link.text_content())
            if text and len(text.split()) <= _HOME_LINK_MAX_WORDS:
                names.append(text)
    return site_keys(names, ())


def split_names(text: str) -> tuple[str, ...]:
    """'By A and B', 'A, B', 'A; B' -> ('A', 'B'); web addresses and placeholders are dropped."""
    names = []
    for part in _NAME_SPLIT.split(_BY_PREFIX.sub("", text.strip())):
        part = _clean(part)
        if part and not _NOT_A_NAME.search(part):
            names.append(part)
    return tuple(dict.fromkeys(names))


# --- sidecars -------------------------------------------------------------------------------


def _load_sidecar_yaml(path: Path, text: str) -> Any:
    try:
        # Refuse anchors, aliases and deep nesting before composing, so an alias bomb is
        # never expanded and PyYAML's recursive composer never runs out of stack.
        depth = 0
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            line = event.start_mark.line + 1
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                raise InputError(
                    f"line {line} uses a YAML anchor or alias; write each value out in full", path
                )
            depth += isinstance(event, yaml.CollectionStartEvent)
            depth -= isinstance(event, yaml.CollectionEndEvent)
            if depth > MAX_SIDECAR_DEPTH:
                raise InputError(
                    f"line {line} nests values more than {MAX_SIDECAR_DEPTH} deep; "
                    "write one 'key: value' line per field",
                    path,
                )
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or "syntax error"
        raise InputError(
            f"not valid YAML{where} ({problem}); fix the indentation or quoting", path
        ) from exc


def _shown(value: Any) -> str:
    """A contributor's value as quoted in a one-line error: line breaks escaped, long ones cut."""
    text = _LINE_BREAKS.sub(lambda m: repr(m.group(0))[1:-1], str(value))
    return text if len(text) <= _SHOWN_MAX else text[: _SHOWN_MAX - 1] + "…"


def _check_sidecar_value(path: Path, key: str, value: Any) -> Any:
    if key == "date":
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            return value
        if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            try:  # a quoted date, as yaml.safe_dump writes one
                return dt.date.fromisoformat(value)
            except ValueError:
                pass
        raise InputError(
            f"date '{_shown(value)}' is not YYYY-MM-DD; write it like 2025-03-15", path
        )
    if key == "reviewed":
        if isinstance(value, bool):
            return value
        raise InputError(
            f"reviewed '{_shown(value)}' is not true or false; write true or false", path
        )
    if not isinstance(value, str) or not value.strip():
        raise InputError(f"{key} must be text; write it on one line, in quotes if needed", path)
    value = value.strip()
    if key == "method" and value not in _METHODS:
        raise InputError(f"method '{_shown(value)}' is not one of: {', '.join(_METHODS)}", path)
    if key == "from" and not re.fullmatch(r"[a-z]{2}", value):
        raise InputError(
            f"from '{_shown(value)}' is not a two-letter language code like fr or uk", path
        )
    if key in _URL_KEYS and not _http(value):
        raise InputError(f"{key} '{_shown(value)}' must start with http:// or https://", path)
    return value
