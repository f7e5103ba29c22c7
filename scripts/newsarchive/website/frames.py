"""Pages outside the nav, made from one frame per kind of page, filled in per page.

Material renders some forty partials into every page. On a page outside the nav nearly all of
them come out the same for every page of one kind (article, listing) at one folder depth;
only a few values differ: the title, the canonical URL, the skip link, the table of contents,
the feed link, and our own head and body parts. A frame is such a page rendered once with a
slot in place of each of those values; every other page of the kind is the frame with its
own values put in, which leaves out the theme's template work (about 0.5 ms a page).

A frame is used only when it is known to give what a full render gives: while it renders,
any page attribute the theme reads besides those values, or an edit link, means the kind is
rendered in full instead; and the first pages filled from each frame are rendered in full
too and must come out the same, byte for byte.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from jinja2 import Environment
from markupsafe import escape
from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.plugins.newsarchive")

SLOT = "\x1a{}\x1a"  # a control character no theme text or filter produces or changes
_SLOTS = re.compile("\x1a([a-z_]+)\x1a")
# Page attributes the theme may read that are the same on every page of one frame:
# pages outside the nav have no neighbours, ancestors or active state.
_SHARED = frozenset(
    {"meta", "is_homepage", "previous_page", "next_page", "ancestors", "edit_url", "url", "file"}
    | {"is_page", "is_section", "is_link", "parent", "children", "active"}
)
FrameKey = tuple[Any, ...]


@dataclass(frozen=True)
class Kind:
    """A page template that frames are made of, and the parts rendered for each page."""

    template: str  # e.g. article.html, which prints na_head and na_body
    head: str | None  # template of the page's own head tags
    body: str  # template of the page's content


class _Skip:
    url = "#" + SLOT.format("skip")  # as an anchor, so the `url` filter leaves it alone


class FramePage:
    """A page as a frame's render sees it: its own values are slots; reads of others are noted."""

    def __init__(self, page: Page, has_toc: bool, has_canonical: bool) -> None:
        self.real_page = page
        self.title = SLOT.format("title")
        self.canonical_url = SLOT.format("canonical") if has_canonical else None
        self.toc = [_Skip()] if has_toc else []
        self.unexpected: set[str] = set()

    def __getattr__(self, name: str) -> Any:
        if name in _SHARED:
            return getattr(self.real_page, name)
        self.unexpected.add(name)
        raise AttributeError(name)


class Frame:
    """A rendered page split at its slots: text, slot name, text, ..., text."""

    def __init__(self, html: str) -> None:
        self.parts = _SLOTS.split(html)

    def fill(self, values: dict[str, str]) -> str:
        """The page with each slot replaced by its value."""
        parts = self.parts
        out = [parts[0]]
        for index in range(1, len(parts), 2):
            out.append(values[parts[index]])
            out.append(parts[index + 1])
        return "".join(out)


class Frames:
    """Frames per kind, depth and leading folders of pages, made on first use and checked."""

    CHECKS = 2  # pages per frame also rendered in full and compared

    def __init__(self, env: Environment, nav_depth: int) -> None:
        self._env = env
        self._depth = nav_depth
        self._frames: dict[FrameKey, Frame | None] = {}
        self._checked: Counter[FrameKey] = Counter()
        self.counts: Counter[str] = Counter()  # filled / full, for the build log

    def render(self, kind: Kind, page: Page, context: dict[str, Any]) -> str:
        """The page's HTML; `context` is the page's template context (with na_feed_href for
        a page that has a feed), completed here."""
        values = self._values(kind, page, context)
        context.update(na_head=values["head"], na_body=values["body"], na_toc=values["toc"])
        key = self._key(kind, page, values)
        if key not in self._frames:
            self._frames[key] = self._make(kind, page, context, key)
        frame = self._frames[key]
        if frame is None:
            self.counts["full"] += 1
            return self._full(kind, context)
        html = frame.fill(values)
        if self._checked[key] < self.CHECKS:
            self._checked[key] += 1
            full = self._full(kind, context)
            if full != html:
                # Shown: it means a theme change made this kind of page slower to build.
                log.warning(
                    f"Page frame {key} differs from a full render of {page.file.src_uri}; "
                    "pages of that kind are rendered in full (slower)"
                )
                self._frames[key] = None
                self.counts["full"] += 1
                return full
        self.counts["filled"] += 1
        return html

    def _key(self, kind: Kind, page: Page, values: dict[str, str]) -> FrameKey | None:
        if page.edit_url or page.file.inclusion.is_in_nav():
            return None
        folders = tuple(page.url.split("/")[:-1])
        present = tuple(bool(values[name]) for name in ("skip", "canonical", "feed"))
        return kind.template, len(folders), folders[: self._depth], present

    def _values(self, kind: Kind, page: Page, context: dict[str, Any]) -> dict[str, str]:
        first = next(iter(page.toc), None)
        # Material's toc partial reads its labels from `lang`, which base.html imports.
        lang = self._env.get_template("partials/language.html").module
        toc = self._env.get_template("theme/partials/toc.html").render({**context, "lang": lang})
        head = self._env.get_template(kind.head).render(context) if kind.head else ""
        return {
            "title": str(escape(page.title or "")),
            "canonical": page.canonical_url or "",
            "skip": first.url.removeprefix("#") if first is not None else "",
            "toc": toc,
            "feed": context.get("na_feed_href") or "",
            "head": head,
            "body": self._env.get_template(kind.body).render(context),
        }

    def _full(self, kind: Kind, context: dict[str, Any]) -> str:
        return self._env.get_template(kind.template).render(context)

    def _make(
        self, kind: Kind, page: Page, context: dict[str, Any], key: FrameKey | None
    ) -> Frame | None:
        if key is None:
            return None
        has_toc, has_canonical, _feed = key[-1]
        stand_in = FramePage(page, has_toc, has_canonical)
        slots = {name: SLOT.format(name) for name in ("head", "body", "toc")}
        feed = SLOT.format("feed") if context.get("na_feed_href") else None
        html = self._env.get_template(kind.template).render(
            {
                **context,
                "page": stand_in,
                "na_head": slots["head"],
                "na_body": slots["body"],
                "na_toc": slots["toc"],
                "na_feed_href": feed,
                "na": None,
                "na_jsonld": None,
                "na_items": None,
            }
        )
        if stand_in.unexpected:
            read = ", ".join(f"page.{name}" for name in sorted(stand_in.unexpected))
            log.warning(f"No page frame for {key}: the theme reads {read}; rendered in full")
            return None
        return Frame(html)
