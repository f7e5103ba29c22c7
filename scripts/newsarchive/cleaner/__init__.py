"""The cleaner: RawArticle -> CleanArticle. Page furniture out, the article's parts told apart.

Steps, in order (each works on lines, never on one file's strings):
1. paragraphs: hard-wrapped wire copy is re-flowed, one-line paragraphs stay; spacing repaired
   (lines.py, spacing.py);
2. copyright lines, translation notes (read into facts: translation_note.py), credit
   trailers, furniture (furniture.yml's one rule) and runs
   of one-word menu labels are taken out, anywhere in the text (copyright.py, furniture.py);
3. the article is the densest run of sentence paragraphs; the menus, link lists and footers
   of a whole-page paste lie outside it and are dropped (page.py);
4. the lines above it give the title (the headline-shaped line nearest the article, or a
   short first sentence set apart from the text), date and byline; date lines inside it
   are dropped (header.py);
5. an agency dateline is cut from the first paragraph; short bare lines become headings
   (datelines.py, headings.py).
Whatever is taken out lands in CleanArticle.removed, so nothing disappears unseen.
"""

from __future__ import annotations

from dataclasses import replace

from ..records import CleanArticle, RawArticle
from ..registry import Registries
from .copyright import take_out_copyright
from .datelines import cut_dateline, match_dateline
from .furniture import is_furniture, take_out_menus, take_out_promos
from .header import (
    date_facts,
    edge_bylines,
    is_headline,
    opens_with_headline,
    read_header,
    same_text,
)
from .headings import to_blocks
from .lines import AgencyName, Found, Line, line_key, split_lines, take_out
from .page import WHOLE_PAGE_CHROME, article_span, repeated_lines
from .spacing import repair_spacing
from .translation_note import note_words, take_out_notes

__all__ = ["clean", "repair_spacing"]


def clean(raw: RawArticle, registries: Registries) -> CleanArticle:
    """Separate the article from its page: furniture out, title/date/byline/dateline apart.

    The registries say what furniture, translation notes and agency credits look like.
    """
    agency = registries.agency_name
    french = raw.language == "fr" or "«" in raw.text
    lines = [
        replace(line, text=repair_spacing(line.text, french)) for line in split_lines(raw.text)
    ]
    lines = [line for line in lines if line.text]
    found = Found(title=raw.title)
    removed: list[str] = []

    lines, notice = take_out_copyright(lines, removed, agency)
    found.take(notice)
    # Before furniture: 'Translated by ...' is also a credit line.
    links = {line_key(text): address for text, address in raw.links}
    words = note_words(registries.languages)
    lines, translation = take_out_notes(lines, removed, words, links)
    lines = take_out_promos(lines, removed)
    lines = take_out(lines, removed, lambda line: is_furniture(line.text, registries.furniture))
    # Menus and footers are what mark a whole page; its article is found among them below.
    whole_page = raw.kind == "text" and sum(not line.real for line in lines) >= WHOLE_PAGE_CHROME
    if not whole_page:
        lines = take_out_menus(lines, removed)

    # A first line set apart as the headline stays in the header, where it is the title.
    first = raw.kind == "text" and found.title is None and opens_with_headline(lines, agency)
    if first:
        found.title = lines[0].text
    start = next(
        (i for i, line in enumerate(lines) if i >= first and _opens_article(line, agency)), None
    )
    if start is None:  # no sentence at all (a table of figures): all of it but a headline
        start = 1 if len(lines) > 1 and (first or is_headline(lines[0])) else 0
    end, repeated = len(lines), frozenset[str]()
    if whole_page:
        repeated = repeated_lines(lines)
        start, end = article_span(lines, repeated)
    removed.extend(line.text for line in lines[end:])
    header, body = lines[:start], lines[start:end]
    kept_header = read_header(
        header,
        body[:5],
        found,
        removed,
        keep_unknown=raw.kind == "html",
        whole_page=whole_page,
        agency=agency,
    )
    body = take_out(
        body, removed, lambda line: line_key(line.text) in repeated or found.take(date_facts(line))
    )
    body = [*kept_header, *body]
    if found.title:
        body = (
            take_out(body[:3], removed, lambda line: same_text(line.text, found.title)) + body[3:]
        )
    bylines = edge_bylines(body, agency)
    for index in sorted(bylines):
        found.take(bylines[index])
        removed.append(body[index].text)
    body = [line for index, line in enumerate(body) if index not in bylines]
    body, dateline = cut_dateline(body, removed, agency)
    found.take(dateline)
    facts = found.facts
    return CleanArticle(
        raw=raw,
        blocks=tuple(to_blocks(body)),
        title=found.title,
        date=facts.date or raw.date,
        dateline=facts.dateline,
        # The page's metadata names the authors before the text does; an agency is no author.
        agency=facts.agency or next(filter(None, map(agency, raw.byline)), None),
        byline=tuple(name for name in raw.byline if not agency(name)) or facts.byline,
        copyright=facts.copyright,
        copyright_holder=facts.holder,
        translation=translation,
        removed=tuple(removed),
    )


def _opens_article(line: Line, agency: AgencyName) -> bool:
    return line.real or (not line.heading and match_dateline(line.text, agency) is not None)
