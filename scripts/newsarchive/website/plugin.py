"""The `newsarchive` MkDocs plugin: short event handlers; the work lives in the other modules."""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PrefixLoader
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import normalize_url
from mkdocs.utils.templates import TemplateContext

from ..errors import NewsarchiveError
from ..ninjs import ninjs_document
from ..registry import Registries, load_registries
from ..words import Words, locale_of, words_for
from .archive import Archive, build_archive, log
from .article_page import ArticlePage
from .article_view import article_view
from .catalog import Entry
from .chrome import Labels, SharedChrome, nav_depth
from .citation import cite
from .config import NewsarchiveConfig
from .export import ninjs_name, write_export, write_ninjs
from .frames import Frames, Kind
from .jsonld import news_article, script_json
from .original_view import original_view
from .outputs import sitemap_urls, write_feeds
from .pages import Feed, Link, Listing, entry_link, index_link, page_uri, topic_label
from .redirects import write_redirects
from .search import Record, SearchJob
from .sitemap import write_robots, write_sitemaps
from .timeline import with_timeline

TEMPLATES = Path(__file__).parent / "templates"
ARTICLE = Kind("article.html", head="na-article-head.html", body="na-article-body.html")
LISTING = Kind("listing.html", head=None, body="na-listing-body.html")
FRAMED = {kind.template: kind for kind in (ARTICLE, LISTING)}
SAFE_MARKDOWN = "newsarchive.website.safe_markdown"


class NewsarchivePlugin(BasePlugin[NewsarchiveConfig]):
    """Generates listing pages, article chrome, feeds, sitemap, export and the search index."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.archive: Archive | None = None
        self.search: SearchJob | None = None
        self.files: Files | None = None
        self.urls: dict[str, str] = {}  # src_uri -> page URL, one lookup per link
        self.nav_depth = 0
        self.frames: Frames | None = None
        # Kept after the build, for a preview that renders again only what a change touches.
        self.nav: Navigation | None = None
        self.env: Environment | None = None
        self.redirects: set[Path] = set()
        self.export_lines: dict[str, tuple[Entry, str]] = {}
        self.export_registries: Registries | None = None  # what export_lines were made with
        self.words: Words | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Put our templates first; our sitemap replaces the theme's; article text made safe."""
        config.theme.dirs.insert(0, str(TEMPLATES))
        config.theme.static_templates.discard("sitemap.xml")
        # The site's safety must not rest on one line of mkdocs.yml: without the extension
        # raw HTML and script links from articles would reach readers. Last, so it sees all.
        if SAFE_MARKDOWN in config.markdown_extensions:
            config.markdown_extensions.remove(SAFE_MARKDOWN)
        config.markdown_extensions.append(SAFE_MARKDOWN)
        self.words = words_for(config.theme["language"])
        name_palette_toggles(config.theme["palette"], self.words)
        return config

    @event_priority(-50)  # after other plugins have added or removed files
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Read all front matter, add generated pages, start indexing on the other core."""
        data_dir = Path(config.config_file_path).parent / self.config.data_dir
        try:
            registries = load_registries(data_dir)
        except NewsarchiveError as exc:
            raise PluginError(str(exc)) from exc
        self.archive = archive = build_archive(files, config, self.config, registries)
        for problem in archive.problems:
            log.warning(str(problem))
        if archive.problems and config.strict:
            raise PluginError(f"{len(archive.problems)} article problem(s) in strict mode")
        if self.config.search:
            out = Path(config.site_dir) / "pagefind"
            pieces = self.config.search_piece_size
            self.search = SearchJob(self._records(config), out, "en", pieces)
        self.files = files
        self.urls = {file.src_uri: file.url for file in files.documentation_pages()}
        return files

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        """Note how deep nav URLs go, for sharing the rendered nav (chrome.py)."""
        self.nav_depth = nav_depth(nav)
        self.nav = nav
        return nav

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        """Our nav partials reach Material's own as `theme/...` and keep renderings to share."""
        others = [folder for folder in config.theme.dirs if folder != str(TEMPLATES)]
        theme = PrefixLoader({"theme": FileSystemLoader(others)})
        env.loader = ChoiceLoader([env.loader, theme])
        env.globals["na_chrome"] = SharedChrome(self.nav_depth)
        env.globals["na_labels"] = Labels(env, config.theme["language"])
        env.globals["na_words"] = self.words
        env.filters["na_locale"] = locale_of
        self.frames = Frames(env, self.nav_depth)
        self.env = env
        return env

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        """Generated pages get their Markdown now; article front matter never reaches Material."""
        assert self.archive is not None
        uri = page.file.src_uri
        if uri in self.archive.catalog.position:
            entry = self.archive.catalog.entries[self.archive.catalog.position[uri]]
            page.meta = {"template": "na-frame.html"}
            page.title = entry.article.title
            return markdown
        template = self.archive.templates.get(uri)
        if template:
            page.meta = {"template": "na-frame.html" if template in FRAMED else template}
        listing = self.archive.listings.get(uri)
        return listing.head if listing else markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """A listing with a timeline shows it before its first section (timeline.py)."""
        assert self.archive is not None
        listing = self.archive.listings.get(page.file.src_uri)
        if listing is None or listing.timeline is None:
            return html
        return with_timeline(html, listing.timeline)

    def on_page_context(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: object
    ) -> TemplateContext:
        """Article pages get their view (chips, related, neighbours) and their ninjs file beside
        them; listings items and feed; both are then made from their frame (frames.py)."""
        assert self.archive is not None and self.files is not None and self.frames is not None
        archive, uri = self.archive, page.file.src_uri
        if uri in archive.catalog.position:
            entry = archive.catalog.entries[archive.catalog.position[uri]]
            if isinstance(page, ArticlePage):
                page.render_now(config, self.files)
            url_of = self._url_of
            size = (self.config.related_size, self.config.related_window)
            edit_url = page.source_edit_url if isinstance(page, ArticlePage) else None
            assert self.words is not None
            words, markdown = self.words, page.markdown or ""
            view = article_view(
                entry, archive.catalog, archive.paths, archive.registries, url_of, size, words,
                edit_url, markdown, archive.stories,
            )  # fmt: skip
            context["na"] = view
            topics = [link.label for link in view.topics]
            data = news_article(entry.article, page.canonical_url, topics, entry.summary)
            context["na_jsonld"] = script_json(data)
            ninjs = ninjs_document(
                entry.article, archive.registries, page.canonical_url, entry.summary
            )
            write_ninjs(Path(config.site_dir), page.file.dest_uri, ninjs)
            context["na_ninjs_href"] = posixpath.basename(ninjs_name(page.file.dest_uri))
            docs = Path(config.docs_dir)
            context["na_original"] = (
                original_view(entry, page, docs, archive.registries.languages)
                if isinstance(page, ArticlePage)
                else None
            )
            context["na_cite"] = cite(
                entry.article, page.canonical_url, config.site_name, archive.registries, words
            )
            context["na_page"] = self.frames.render(ARTICLE, page, context)
        elif uri in archive.listings:
            listing = archive.listings[uri]
            context["na_feed_href"] = normalize_url(listing.feed, page) if listing.feed else None
            context["na_items"] = self._items(listing)
            if archive.templates.get(uri) == LISTING.template:
                context["na_page"] = self.frames.render(LISTING, page, context)
        return context

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        """The article's HTML is written next and never needed again: let its text go."""
        if isinstance(page, ArticlePage):
            page.release()
        return output

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Feeds, sitemap and export, then wait for the search index."""
        assert self.archive is not None
        self.write_outputs(config, self.archive.feeds)
        if self.frames is not None:
            made = self.frames.counts
            log.info(f"Pages made from shared frames: {made['filled']}, in full: {made['full']}")
        if self.search is not None:
            count = self.search.wait()
            log.info(f"Search index: {count} articles")
            self.search = None

    def write_outputs(self, config: MkDocsConfig, feeds: Iterable[Feed]) -> None:
        """`feeds`, and the files made from the whole catalog: redirects, sitemap, export."""
        assert self.archive is not None and self.files is not None
        site_dir, base = Path(config.site_dir), config.site_url or "/"
        write_feeds(site_dir, self.archive, feeds, base, config.site_name)
        self.redirects = write_redirects(
            site_dir,
            self.archive,
            config.site_url,
            self.config.articles_dir,
            config.use_directory_urls,
            stale=self.redirects,
        )
        write_sitemaps(site_dir, base, sitemap_urls(self.files, self.archive))
        if self.files.get_file_from_path("robots.txt") is None:  # the author's own wins
            write_robots(site_dir, config.site_url)
        if self.config.export:
            docs = Path(config.docs_dir).relative_to(Path(config.config_file_path).parent)
            path = site_dir / self.config.export
            entries, registries = self.archive.catalog.entries, self.archive.registries
            if registries is not self.export_registries:  # lines show registry URIs
                self.export_lines.clear()
                self.export_registries = registries
            write_export(path, entries, base, docs.as_posix(), registries, self.export_lines)

    def on_build_error(self, *, error: Exception) -> None:
        """Do not leave the indexing process running."""
        if self.search is not None:
            self.search.cancel()
            self.search = None

    def _url_of(self, uri: str) -> str:
        return self.urls[uri]

    def _items(self, listing: Listing) -> list[Link] | None:
        """The linked lines below a listing's head: its articles or its index rows."""
        assert self.archive is not None and self.words is not None
        entries, urls, words = self.archive.catalog.entries, self.urls, self.words
        if listing.entries:
            return [
                entry_link(entries[p], urls[entries[p].src_uri], words) for p in listing.entries
            ]
        if listing.rows:
            return [index_link(row, urls[page_uri(row.base, 1)], words) for row in listing.rows]
        return None

    def _records(self, config: MkDocsConfig) -> list[Record]:
        assert self.archive is not None
        return [r for entry in self.archive.catalog.entries for r in self.records(entry, config)]

    def records(self, entry: Entry, config: MkDocsConfig) -> list[Record]:
        """What the search index holds of one article besides its body: the article, and its
        original when one is archived beside it."""
        assert self.archive is not None
        registries, docs, article = self.archive.registries, Path(config.docs_dir), entry.article
        languages, words = registries.languages, words_for(config.theme["language"])
        record = Record(
            path=str(docs / entry.src_uri),
            url="/" + entry.url,
            title=article.title,
            date=entry.date.isoformat(),
            filters={
                "person": list(article.people),
                "topic": [topic_label(s, registries) for s in article.topics],
                "source": entry.sources(),
                "language": [words.language_name(article.language, languages)],
                "year": [str(entry.date.year)],
            },
        )
        translation = article.translation
        if entry.original is None or translation is None:
            return [record]
        # Found in its own words, opened on the page's original view.
        language = translation.from_
        filters = {**record.filters, "language": [words.language_name(language, languages)]}
        original = replace(
            record,
            path=str(docs / entry.original),
            url=record.url + "#na-original",
            title=translation.original_title or record.title,
            filters=filters,
            language=language,
        )
        return [record, original]


def name_palette_toggles(palette: object, words: Words) -> None:
    """Name the light/dark toggles in the site's words, where mkdocs.yml names none."""
    options = palette if isinstance(palette, list) else []
    for option in options:
        toggle = option.get("toggle") if isinstance(option, dict) else None
        if isinstance(toggle, dict) and not toggle.get("name"):
            dark = option.get("scheme") == "slate"
            toggle["name"] = words.to_light if dark else words.to_dark
