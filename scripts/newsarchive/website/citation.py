"""How to cite an archived article: plain text, BibTeX, CSL-JSON and `citation_*` meta tags.

A citation names the original publication (authors, headline, publisher, date, address),
how the text came to be in its language, and where and since when the archive keeps it.
Values are raw text here: BibTeX is escaped for LaTeX here, HTML by the template.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from typing import Any

from ..model import Article
from ..registry import Registries
from ..words import Words
from .article_view import translation_method

# LaTeX's special characters, as BibTeX fields must write them.
_LATEX = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "$": r"\$",
    "&": r"\&",
    "%": r"\%",
    "#": r"\#",
    "_": r"\_",
    "^": r"\^{}",
    "~": r"\~{}",
}
_LATEX_SPECIAL = re.compile(r"[\\{}$&%#_^~]")
# Characters a BibTeX url field cannot hold as they are (braces end the field).
_URL_UNSAFE = re.compile(r"[\\{}\s]")


# A headline that ends in one of these takes no full stop after it.
_ENDS = (".", "?", "!", "…")


@dataclass(frozen=True)
class Citation:
    """One article's citation in every form the page offers."""

    text: str
    bibtex: str
    csl_json: str
    meta: list[tuple[str, str]]  # (name, content) of each citation_* tag, in order


def cite(
    article: Article,
    page_url: str | None,
    site_name: str,
    registries: Registries,
    words: Words,
) -> Citation:
    """The citation of `article`, archived at `page_url` (None when the site has no address)."""
    method = translation_method(article, registries.languages, words)
    translator = article.translation.translator if article.translation else None
    translation = (
        words.text("cite_translation", method=method, translator=translator)
        if method and translator
        else method
    )
    return Citation(
        text=_plain(article, page_url, site_name, translation, words),
        bibtex=_bibtex(article, page_url, site_name, translation, words),
        csl_json=_csl(article, page_url, site_name, translation),
        meta=_meta(article, page_url),
    )


def _publisher(article: Article) -> str | None:
    return article.source or article.agency


def _plain(
    article: Article, page_url: str | None, site: str, translation: str | None, words: Words
) -> str:
    parts = []
    if article.byline:
        parts.append(", ".join(article.byline) + ".")
    title = article.title if article.title.endswith(_ENDS) else article.title + "."
    parts.append(f"“{title}”")
    published = words.date(article.date)
    publisher = _publisher(article)
    parts.append(f"{publisher}, {published}." if publisher else f"{published}.")
    if article.url:
        parts.append(article.url + ".")
    if translation:
        parts.append(_translation_note(article, translation) + ".")
    archived = words.text("cite_archived", site=site, date=words.date(article.added))
    parts.append(f"{archived}. {page_url}" if page_url else f"{archived}.")
    return " ".join(parts)


def _translation_note(article: Article, translation: str) -> str:
    """'Machine-translated from French by DeepL: “Original headline”, https://original'."""
    original = article.translation
    note = translation
    if original and original.original_title:
        note += f": “{original.original_title}”"
    if original and original.original_url and original.original_url != article.url:
        note += f", {original.original_url}"
    return note


def _latex(text: str) -> str:
    return _LATEX_SPECIAL.sub(lambda match: _LATEX[match.group()], " ".join(text.split()))


def _bib_url(url: str) -> str:
    return _URL_UNSAFE.sub(lambda match: f"%{ord(match.group()):02X}", url)


def _bib_name(name: str) -> str:
    # Braces keep a name with a comma or ' and ' whole: BibTeX would split it.
    latex = _latex(name)
    return f"{{{latex}}}" if "," in name or " and " in f" {name} " else latex


def _bibtex(
    article: Article, page_url: str | None, site: str, translation: str | None, words: Words
) -> str:
    fields: list[tuple[str, str]] = []
    if article.byline:
        fields.append(("author", " and ".join(map(_bib_name, article.byline))))
    fields.append(("title", "{" + _latex(article.title) + "}"))  # keep its capitals
    publisher = _publisher(article)
    if publisher:
        fields.append(("howpublished", _latex(publisher)))
    date = article.date
    fields += [("date", date.isoformat()), ("year", str(date.year)), ("month", str(date.month))]
    url = article.url or page_url
    if url:
        fields.append(("url", _bib_url(url)))
    fields.append(("language", article.language))
    notes = [_translation_note(article, translation)] if translation else []
    archived = words.text("cite_archived", site=site, date=words.date(article.added))
    notes.append(f"{archived}. {page_url}" if page_url else archived)
    fields.append(("note", _latex(". ".join(notes))))
    if page_url:
        fields.append(("urldate", article.added.isoformat()))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@misc{{{article.slug}-{date.year},\n{body}\n}}"


def _date_parts(day: dt.date) -> dict[str, list[list[int]]]:
    return {"date-parts": [[day.year, day.month, day.day]]}


def _csl(article: Article, page_url: str | None, site: str, translation: str | None) -> str:
    item: dict[str, Any] = {
        "id": f"{article.slug}-{article.date.year}",
        "type": "article-newspaper",
        "title": article.title,
    }
    if article.byline:
        item["author"] = [{"literal": name} for name in article.byline]
    if _publisher(article):
        item["container-title"] = _publisher(article)
    item["issued"] = _date_parts(article.date)
    if article.url or page_url:
        item["URL"] = article.url or page_url
    item["language"] = article.language
    original = article.translation
    if original and original.original_title:
        item["original-title"] = original.original_title
    if original and original.translator:
        item["translator"] = [{"literal": original.translator}]
    if translation:
        item["note"] = _translation_note(article, translation)
    item["archive"] = site
    if page_url:
        item["archive_location"] = page_url
    item["accessed"] = _date_parts(article.added)
    # One field a line: json.dumps(indent=...) would give each date part a line of its own.
    lines = ",\n".join(
        f"    {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in item.items()
    )
    return f"[\n  {{\n{lines}\n  }}\n]"


def _meta(article: Article, page_url: str | None) -> list[tuple[str, str]]:
    """The tags Zotero, Mendeley and Google Scholar read (Highwire Press names)."""
    tags = [("citation_title", article.title)]
    tags += [("citation_author", name) for name in article.byline]
    tags.append(("citation_publication_date", article.date.strftime("%Y/%m/%d")))
    if _publisher(article):
        tags.append(("citation_journal_title", _publisher(article) or ""))
    tags.append(("citation_language", article.language))
    if page_url:
        tags.append(("citation_fulltext_html_url", page_url))
    return tags
