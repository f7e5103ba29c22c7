"""The archive as the site sees it: valid entries, indexes, and the pages made from them."""

from __future__ import annotations

import dataclasses
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel

from ..errors import PageError
from ..originals import uri_of_translation
from ..registry import Registries
from ..words import words_for
from .article_page import ArticlePage
from .catalog import Catalog, Entry, check_original, check_vocabulary, read_entry
from .config import NewsarchiveConfig
from .converter import ConvertedPage, Converter
from .pages import Feed, Listing, Paths, escape_md, home_listing, plan_feeds, plan_listings
from .stories import Stories, group_stories

log = logging.getLogger("mkdocs.plugins.newsarchive")

# Links in CONTRIBUTING.md are relative to the repository, not to the site.
_REPO_LINK = re.compile(r"\[([^\]]+)\]\((?![a-z][a-z0-9+.-]*:|#)([^)\s]+)\)", re.IGNORECASE)


@dataclass
class Archive:
    """Registries, catalog, and the listings and feeds planned from them, for one build."""

    registries: Registries
    catalog: Catalog
    paths: Paths
    converter: Converter
    own_home: bool  # docs/index.md is the author's, not the generated home page
    stories: Stories = field(default_factory=Stories)
    listings: dict[str, Listing] = field(default_factory=dict)
    feeds: list[Feed] = field(default_factory=list)
    templates: dict[str, str] = field(default_factory=dict)  # src_uri -> page template
    problems: list[PageError] = field(default_factory=list)


def load_entries(
    files: Files,
    config: MkDocsConfig,
    articles_dir: str,
    registries: Registries,
    converter: Converter,
) -> tuple[list[Entry], list[PageError]]:
    """Validate every article page (an ArticlePage); invalid ones leave `files`, reported."""
    entries: list[Entry] = []
    problems: list[PageError] = []
    prefix = articles_dir.strip("/") + "/"
    articles = [f for f in files.documentation_pages() if f.src_uri.startswith(prefix)]
    # Originals are shown on their translation's page, never as pages of their own.
    originals = {}
    for file in articles:
        translation = uri_of_translation(file.src_uri)
        if translation is not None:
            originals[translation] = file
            files.remove(file)
    for file in articles:
        if uri_of_translation(file.src_uri) is not None:
            continue
        path = Path(file.abs_src_path or file.src_uri)
        original = originals.pop(file.src_uri, None)
        try:
            entry = read_entry(path, file.src_uri, file.url)
        except PageError:
            problems += explain_page(path, registries)
            files.remove(file)
            continue
        file.inclusion = InclusionLevel.NOT_IN_NAV
        ArticlePage(file, config, converter)  # becomes file.page; MkDocs makes no other
        problems += check_vocabulary(entry, path, registries)
        if original is not None:
            entry, problem = with_original(entry, Path(original.abs_src_path or original.src_uri))
            problems += [problem] if problem else []
        entries.append(entry)
    for file in originals.values():  # left over: no article read beside them
        problems.append(check_original(Path(file.abs_src_path or file.src_uri), None))
    return entries, problems


def with_original(entry: Entry, path: Path) -> tuple[Entry, PageError | None]:
    """The entry with its original beside it, or as it was and why the original is left out."""
    problem = check_original(path, entry)
    if problem is not None:
        return entry, problem
    uri = entry.src_uri.rpartition("/")[0] + "/" + path.name
    return dataclasses.replace(entry, original=uri), None


def explain_page(path: Path, registries: Registries) -> list[PageError]:
    """Why a page cannot be published, in validate's words and at its lines."""
    from ..validate.run import check_page  # here: the site needs it only for broken pages

    page = check_page(path, registries, path.parents[2])
    found = [
        PageError(problem.message, f"{path}:{problem.line}")
        for problem in page.problems
        if problem.severity == "error"
    ]
    return found or [PageError("front matter does not match the model", path)]


def contributing_markdown(text: str | None, repo_url: str | None) -> str:
    """CONTRIBUTING.md as a site page: repository-relative links point at the repository."""
    if text is None:
        return "# Contributing\n\nThe contributing guide has not been written yet.\n"

    def relink(match: re.Match[str]) -> str:
        label, target = match.groups()
        return f"[{label}]({repo_url.rstrip('/')}/blob/HEAD/{target})" if repo_url else label

    return _REPO_LINK.sub(relink, text)


def nav_sources(nav: object) -> frozenset[str]:
    """Source paths the nav in mkdocs.yml links to: they keep the nav's titles and place."""
    found: set[str] = set()
    pending = [nav]
    while pending:
        item = pending.pop()
        if isinstance(item, dict):
            pending.extend(item.values())
        elif isinstance(item, list):
            pending.extend(item)
        elif isinstance(item, str) and item.endswith(".md"):
            found.add(item)
    return frozenset(found)


def plan_archive(
    catalog: Catalog,
    registries: Registries,
    config: MkDocsConfig,
    options: NewsarchiveConfig,
    converter: Converter,
    own_home: bool,
) -> Archive:
    """Every generated page and feed of a catalog, as plain data (no file is touched)."""
    paths = Paths(catalog)
    stories = group_stories(catalog, options.articles_dir)
    archive = Archive(registries, catalog, paths, converter, own_home, stories)
    words = words_for(config.theme["language"])
    name, sizes = config.site_name, (options.page_size, options.index_page_size)
    archive.feeds = plan_feeds(catalog, paths, registries, options.feed_size, name, words)
    listings = plan_listings(catalog, paths, registries, *sizes, words, stories)
    if not own_home:
        listings.append(home_listing(catalog, paths, registries, options.home_size, name, words))
    contributing = Path(config.config_file_path).parent / options.contributing
    text = contributing.read_text(encoding="utf-8") if contributing.is_file() else None
    listings.append(Listing("contributing.md", contributing_markdown(text, config.repo_url)))
    listings.append(Listing("search.md", f"# {escape_md(words.search)}\n"))
    archive.templates["search.md"] = "search-page.html"
    for listing in listings:
        archive.listings[listing.uri] = listing
        if listing.feed or listing.entries or listing.rows:
            archive.templates[listing.uri] = "listing.html"
    return archive


def add_generated(files: Files, config: MkDocsConfig, converter: Converter, uri: str) -> File:
    """A generated page's file (its content is made when rendered), added to `files`."""
    in_nav = uri in nav_sources(config.nav)
    inclusion = InclusionLevel.UNDEFINED if in_nav else InclusionLevel.NOT_IN_NAV
    file = File.generated(config, uri, content="", inclusion=inclusion)
    files.append(file)
    if not in_nav:  # nav pages take their title from the nav
        ConvertedPage(file, config, converter)  # becomes file.page
    return file


def build_archive(
    files: Files, config: MkDocsConfig, options: NewsarchiveConfig, registries: Registries
) -> Archive:
    """Load the catalog, plan listings and feeds, and add every generated page to `files`."""
    converter = Converter(config)
    entries, problems = load_entries(files, config, options.articles_dir, registries, converter)
    own_home = files.get_file_from_path("index.md") is not None
    catalog = Catalog.from_entries(entries)
    archive = plan_archive(catalog, registries, config, options, converter, own_home)
    archive.problems = problems
    for uri in archive.listings:
        add_generated(files, config, converter, uri)
    return archive
