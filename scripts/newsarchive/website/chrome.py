"""Material's navigation (sidebar and tabs), rendered once per kind of page outside the nav.

Material renders the whole nav twice on every page, in the sidebar and in the tabs: about
45% of a page's template time. On a page outside the nav no item is active, and its links
differ only by their path relative to the page, which depends on how deep the page's folder
is and on the leading folders it shares with nav pages. Pages with the same two share one
rendering: articles (articles/YYYY/MM/slug/) all have the same nav. The footer is shared the
same way, and Material's app config (the same on every page) by the page's base URL.
Templates use it through partials/na-shared.html.
"""

from __future__ import annotations

from jinja2 import Environment
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

# (part, folder depth, leading folders) -> rendered HTML
Key = tuple[str, int, tuple[str, ...]]


def nav_depth(nav: Navigation) -> int:
    """Most folders in a nav page's URL: a page's deeper folders never change a link to one."""
    return max((len(page.url.split("/")) - 1 for page in nav.pages), default=0)


class SharedChrome:
    """Rendered nav parts kept per key, for the templates (`na_chrome` in partials/)."""

    def __init__(self, depth: int) -> None:
        self._depth = depth
        self._html: dict[Key, str] = {}

    def key(self, page: Page, part: str) -> Key | None:
        """The sharing key of `part` on `page`; None for nav pages (one of their items is active)
        and for templates without a page (404)."""
        if not isinstance(page, Page) or page.file.inclusion.is_in_nav():
            return None
        folders = tuple(page.url.split("/")[:-1])
        return part, len(folders), folders[: self._depth]

    def get(self, key: Key) -> str | None:
        """The HTML kept for `key`, if any."""
        return self._html.get(key)

    def keep(self, key: Key, html: str) -> str:
        """Keep and return the HTML rendered for `key`."""
        self._html[key] = html
        return html


class Labels:
    """Material's interface labels, looked up through its own language partials once per key."""

    def __init__(self, env: Environment, language: str) -> None:
        self._env = env
        self._language = language
        self._kept: dict[str, str] = {}

    def get(self, key: str) -> str:
        """The label for `key` in the site's language, else English, else the key."""
        if key not in self._kept:
            lang = self._env.get_template(f"theme/partials/languages/{self._language}.html")
            fallback = self._env.get_template("theme/partials/languages/en.html")
            self._kept[key] = lang.module.t(key) or fallback.module.t(key) or key
        return self._kept[key]
