"""`newsarchive serve`: a preview that renders again only what a change touches.

The first build is a full one. The site, its catalogue and MkDocs' files, nav and template
environment then stay in memory. On each change the source tree is compared with the last
one by content (a file whose size or time changed is read and hashed; only a new hash
counts), and:
- articles added, edited or deleted: their entries are read again (no other), listings and
  feeds are planned again (plain data, under a second at 20,000 articles), and the pages
  and feeds whose content differs are rendered (website/incremental.py); the sitemap,
  export and redirects are written again from the catalogue;
- a registry (data/*.yml): read again, and the same comparison finds what it changes;
- anything else (mkdocs.yml, a template, another page, CONTRIBUTING.md): a full build,
  and the log says why.
The result is what a full build of the same sources writes, byte for byte (tested), but
for search: the articles changed since the last full build are indexed again in the
background as a small delta index, which the search page searches before the pieces and
whose addresses it drops from them (website/search.py), so a change is findable within
seconds and no page waits for it.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import tempfile
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

from mkdocs.commands import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import File, InclusionLevel

from ..errors import NewsarchiveError, PageError
from ..ninjs import ninjs_document
from ..originals import original_path, uri_of_translation
from ..registry import Registries, load_registries
from .archive import add_generated, plan_archive, with_original
from .article_page import ArticlePage
from .catalog import Catalog, Entry, check_vocabulary, read_entry
from .export import ninjs_name
from .incremental import touched
from .plugin import NewsarchivePlugin
from .search import write_delta

log = logging.getLogger("mkdocs.plugins.newsarchive")
# MkDocs' private one-page steps: without them (an upgrade renamed them) every change is a
# full build, which is slower but right.
_MKDOCS_STEPS = tuple(
    getattr(mkdocs_build, name, None) for name in ("_populate_page", "_build_page")
)
if not all(_MKDOCS_STEPS):
    _MKDOCS_STEPS = ()

# Front-matter lists named after the registry they draw on.
FIELDS = ("people", "organisations", "places", "topics")
Stamp = tuple[int, int, str]  # (mtime_ns, size, sha256 of the content)


@dataclass(frozen=True)
class Update:
    """What one refresh did, for the log and the benchmark."""

    kind: str  # "none", "incremental" or "full"
    seconds: float
    pages: int = 0  # pages rendered (incremental)
    reason: str = ""  # why a full build (full)


class Preview:
    """A built site kept in memory, brought up to date change by change."""

    def __init__(self, config_file: Path, site_dir: Path, site_url: str | None = None) -> None:
        self.config_file = config_file.resolve()
        self.site_dir = site_dir
        self.site_url = site_url
        self.config: MkDocsConfig | None = None
        self.stamps: dict[str, Stamp] = {}  # by path: strings, 20,000 Path objects cost 1 s
        # Search: what changed since the last full build, indexed by one background worker.
        self._delta_uris: set[str] = set()
        self._replaced: set[str] = set()
        self._indexer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="search-delta")
        self._indexing: Future[None] | None = None

    # --- the whole site ---------------------------------------------------------------------

    def build(self) -> Update:
        """A full build, then a note of every source's content for the next comparison."""
        if self._indexing is not None:  # a late delta must not land in the new index
            self._indexing.exception()  # waits; a failure was logged already
        start = time.perf_counter()
        self._delta_uris, self._replaced = set(), set()
        overrides = {"site_dir": str(self.site_dir)}
        config = load_config(str(self.config_file), **overrides)
        if self.site_url is not None:
            config.site_url = self.site_url
        mkdocs_build.build(config, serve_url=self.site_url)
        self.config = config
        self.stamps = dict(self._stamps({}))
        return Update("full", time.perf_counter() - start)

    @property
    def plugin(self) -> NewsarchivePlugin:
        assert self.config is not None
        plugin = self.config.plugins["newsarchive"]
        assert isinstance(plugin, NewsarchivePlugin)
        return plugin

    # --- a change ---------------------------------------------------------------------------

    def refresh(self) -> Update:
        """Bring the site up to date with its sources: incrementally where it can."""
        start = time.perf_counter()
        if self.config is None:
            return self.build()
        stamps = dict(self._stamps(self.stamps))
        changed = {
            Path(path)
            for path in stamps.keys() | self.stamps.keys()
            if _content(stamps.get(path)) != _content(self.stamps.get(path))
        }
        self.stamps = stamps
        if not changed:
            return Update("none", time.perf_counter() - start)
        reason = self._cannot_reason_about(changed)
        if reason:
            log.info(f"Full build: {reason}")
            update = self.build()
            return replace(update, reason=reason)
        try:
            pages = self._update(changed)
        except (NewsarchiveError, _Fallback) as exc:
            log.info(f"Full build: {exc}")
            return replace(self.build(), reason=str(exc))
        return Update("incremental", time.perf_counter() - start, pages)

    def _cannot_reason_about(self, changed: set[Path]) -> str:
        if not _MKDOCS_STEPS:
            return "this MkDocs has no _populate_page/_build_page to render one page with"
        articles, data = self._articles_dir(), self._data_dir()
        for path in sorted(changed):
            if path.suffix == ".md" and path.is_relative_to(articles):
                continue
            if path.suffix == ".yml" and path.parent == data:
                continue
            return f"{self._shown(path)} changed, which only a full build can take in"
        return ""

    def _update(self, changed: set[Path]) -> int:
        config, plugin = self.config, self.plugin
        assert config is not None and plugin.archive is not None and plugin.files is not None
        old = plugin.archive
        registries = old.registries
        if any(path.parent == self._data_dir() for path in changed):
            registries = load_registries(self._data_dir())
        entries = {entry.src_uri: entry for entry in old.catalog.entries}
        # An original changed: its translation's page shows it, so that page is read again.
        uris = {
            uri_of_translation(uri) or uri
            for uri in (self._uri(path) for path in changed if path.suffix == ".md")
        }
        problems = [p for p in old.problems if p.path is None or self._uri(p.path) not in uris]
        for uri in sorted(uris):
            problems += self._read(uri, entries, registries)
        for problem in problems:
            log.warning(str(problem))
        catalog = Catalog.from_entries(entries.values())
        new = plan_archive(catalog, registries, config, plugin.config, old.converter, old.own_home)
        new.problems = problems
        self._check_addresses(old.paths.__dict__, new.paths.__dict__)
        display = uris | _entities_changed(old, new)
        found = touched(
            old, new, display, (plugin.config.related_size, plugin.config.related_window)
        )
        self._files(set(old.listings), set(new.listings))
        plugin.archive = new
        plugin.urls = {file.src_uri: file.url for file in plugin.files.documentation_pages()}
        doc_files = plugin.files.documentation_pages()
        for uri in sorted(found.pages):
            self._render(uri, doc_files)
        self._remove(found.removed, found.removed_feeds)
        plugin.write_outputs(config, found.feeds)
        if plugin.config.search:
            self._index_changes(display, old.catalog, new.catalog)
        return len(found.pages)

    def _index_changes(self, uris: set[str], old: Catalog, new: Catalog) -> None:
        """Index every article changed since the full build again, in the background."""
        config, plugin = self.config, self.plugin
        assert config is not None
        self._delta_uris |= uris
        urls = {"/" + e.url for c in (old, new) for e in c.entries if e.src_uri in uris}
        self._replaced |= urls | {url + "#na-original" for url in urls}
        current = {e.src_uri: e for e in new.entries if e.src_uri in self._delta_uris}
        records = [r for uri in sorted(current) for r in plugin.records(current[uri], config)]
        out = Path(config.site_dir) / "pagefind"
        job = self._indexer.submit(write_delta, records, set(self._replaced), out, "en")
        job.add_done_callback(_report_search)
        self._indexing = job

    def wait_for_search(self) -> None:
        """Block until the last delta index is written (the benchmark and tests wait)."""
        if self._indexing is not None:
            self._indexing.result()

    def _read(self, uri: str, entries: dict[str, Entry], registries: object) -> list[PageError]:
        """One article read again: added, changed or (gone from disk) deleted."""
        assert self.config is not None
        files, config = self.plugin.files, self.config
        assert files is not None
        path = Path(config.docs_dir) / uri
        file = files.get_file_from_path(uri)
        entry = None
        problems: list[PageError] = []
        if path.is_file():
            url = file.url if file is not None else _new_file(config, uri).url
            try:
                entry = read_entry(path, uri, url)
            except PageError as exc:
                problems.append(exc)  # as a full build does: an invalid page leaves the site
        translation = entry.article.translation if entry else None
        beside = original_path(path, translation.from_) if translation else None
        if entry is not None and beside is not None and beside.is_file():
            entry, problem = with_original(entry, beside)
            problems += [problem] if problem else []
        if entry is None:
            entries.pop(uri, None)
            if file is not None:
                files.remove(file)
            return problems
        if file is None:
            file = _new_file(config, uri)
            files.append(file)
            ArticlePage(file, config, self.plugin.archive.converter)  # type: ignore[union-attr]
        entries[uri] = entry
        return problems + check_vocabulary(entry, path, registries)  # type: ignore[arg-type]

    def _files(self, before: set[str], after: set[str]) -> None:
        """Generated pages that appear or disappear (a new person's list, an emptied one)."""
        assert self.config is not None
        files, old = self.plugin.files, self.plugin.archive
        assert files is not None and old is not None
        for uri in after - before:
            add_generated(files, self.config, old.converter, uri)
        for uri in before - after:
            file = files.get_file_from_path(uri)
            if file is not None:
                files.remove(file)

    def _render(self, uri: str, doc_files: Sequence[File]) -> None:
        """One page through MkDocs' own read and write steps, with our plugin's events."""
        config, plugin = self.config, self.plugin
        assert config is not None and plugin.files is not None
        file = plugin.files.get_file_from_path(uri)
        assert file is not None and file.page is not None, uri
        populate, build = _MKDOCS_STEPS
        populate(file.page, config, plugin.files)
        build(file.page, config, doc_files, plugin.nav, plugin.env)

    def _remove(self, pages: frozenset[str], feeds: frozenset[str]) -> None:
        """Outputs of pages and feeds that are gone, and the folders they leave empty."""
        assert self.config is not None
        site = Path(self.config.site_dir)
        outputs = [site / feed for feed in feeds]
        for uri in pages:
            dest = _new_file(self.config, uri).dest_uri
            outputs += [site / dest, site / ninjs_name(dest)]  # an article's ninjs beside it
        for output in outputs:
            output.unlink(missing_ok=True)
            folder = output.parent
            while folder != site and folder.is_dir() and not any(folder.iterdir()):
                folder.rmdir()
                folder = folder.parent

    @staticmethod
    def _check_addresses(before: dict[str, object], after: dict[str, object]) -> None:
        # A new name whose slug collides can renumber another's page: every link to it moves.
        for facet, bases in before.items():
            new = after[facet]
            assert isinstance(bases, dict) and isinstance(new, dict)
            if any(new.get(name, base) != base for name, base in bases.items()):
                raise _Fallback(f"a {facet[:-1]}'s page moved (two names share a slug)")

    # --- sources ----------------------------------------------------------------------------

    def _articles_dir(self) -> Path:
        assert self.config is not None
        return (Path(self.config.docs_dir) / self.plugin.config.articles_dir).resolve()

    def _data_dir(self) -> Path:
        return (self.config_file.parent / self.plugin.config.data_dir).resolve()

    def _uri(self, path: Path) -> str:
        assert self.config is not None
        docs = Path(self.config.docs_dir).resolve()
        return path.resolve().relative_to(docs).as_posix()

    def _shown(self, path: Path) -> str:
        try:
            return path.relative_to(self.config_file.parent).as_posix()
        except ValueError:
            return str(path)

    def watched(self) -> list[Path]:
        """What a change of means the site may change: sources, registries, config, templates."""
        assert self.config is not None
        roots = [Path(self.config.docs_dir).resolve(), self._data_dir(), self.config_file]
        roots.append(self.config_file.parent / self.plugin.config.contributing)
        roots.append(Path(__file__).parent / "templates")
        return [root for root in roots if root.exists()]

    def _stamps(self, before: dict[str, Stamp]) -> Iterator[tuple[str, Stamp]]:
        """Each watched file's stamp; only a file whose size or time moved is read again."""
        for path, info in _walk(self.watched()):
            old = before.get(path)
            if old is not None and old[:2] == (info.st_mtime_ns, info.st_size):
                yield path, old
            else:  # touched, maybe changed: the content decides
                yield path, (info.st_mtime_ns, info.st_size, _digest(path))


def _digest(path: str) -> str:
    try:
        with open(path, "rb") as handle:
            return hashlib.sha256(handle.read()).hexdigest()
    except OSError:  # gone between the walk and the read: the next refresh sees it
        return ""


def _content(stamp: Stamp | None) -> str | None:
    return stamp[2] if stamp else None


def _report_search(job: Future[None]) -> None:
    error = job.exception()
    if error is not None:  # the pages are right; only search lags until the next change
        log.warning(f"Search index of the changes failed: {error}")
    else:
        log.info("Search index of the changes written")


class _Fallback(Exception):
    """A change the incremental path cannot take in; the message says why."""


def _entities_changed(old: object, new: object) -> set[str]:
    """Articles whose pages show a registry value that changed: a topic's label, or any
    registry fact in their ninjs (a Wikidata id, a Media Topic code)."""
    before, after = old.registries.topics, new.registries.topics  # type: ignore[attr-defined]
    labels = {s for s in before.keys() | after.keys() if _label(before, s) != _label(after, s)}
    catalog: Catalog = new.catalog  # type: ignore[attr-defined]
    found = {catalog.entries[p].src_uri for slug in labels for p in catalog.topics.get(slug, [])}
    return found | _ninjs_changed(old.registries, new.registries, catalog)  # type: ignore[attr-defined]


def _ninjs_changed(old: Registries, new: Registries, catalog: Catalog) -> set[str]:
    """Articles whose ninjs a registry edit changes: of those naming an edited entry (any
    article with a source, when sources.yml changed: names match by alias), the ones whose
    document differs. An edit elsewhere (furniture.yml) asks no article."""
    edited = {
        kind: {
            key
            for key in getattr(old, kind).keys() | getattr(new, kind).keys()
            if getattr(old, kind).get(key) != getattr(new, kind).get(key)
        }
        for kind in (*FIELDS, "sources")
    }
    found = set()
    for entry in catalog.entries:
        article = entry.article
        named = any(not edited[kind].isdisjoint(getattr(article, kind)) for kind in FIELDS)
        named = named or bool(edited["sources"] and (article.source or article.agency))
        if named and ninjs_document(article, old, None) != ninjs_document(article, new, None):
            found.add(entry.src_uri)
    return found


def _label(topics: dict[str, object], slug: str) -> str | None:
    topic = topics.get(slug)
    return getattr(topic, "label", None)


def _new_file(config: MkDocsConfig, uri: str) -> File:
    file = File(uri, config.docs_dir, config.site_dir, config.use_directory_urls)
    file.inclusion = InclusionLevel.NOT_IN_NAV
    return file


def _walk(roots: list[Path]) -> Iterator[tuple[str, os.stat_result]]:
    # Roots are resolved once; below them os.scandir's own entries serve (no Path, no
    # resolve per file: for 20,000 files those cost seconds).
    pending = [str(root.resolve()) for root in roots]
    while pending:
        root = pending.pop()
        if os.path.isfile(root):
            yield root, os.stat(root)
            continue
        with os.scandir(root) as found:
            for item in found:
                if item.name.startswith(".") or item.name == "__pycache__":
                    continue
                if item.is_dir():
                    pending.append(item.path)
                elif item.is_file():
                    yield item.path, item.stat()


def serve_preview(config_file: Path, host: str, port: int) -> None:
    """Serve the preview with live reload; each change refreshes only what it touches."""
    site_dir = Path(tempfile.mkdtemp(prefix="newsarchive-preview-"))
    preview = Preview(config_file, site_dir, f"http://{host}:{port}/")
    first = preview.build()
    log.info(f"Preview built in {first.seconds:.1f} s")

    def builder() -> None:
        update = preview.refresh()
        if update.kind == "incremental":
            log.info(f"Updated {update.pages} pages in {update.seconds:.2f} s")

    server = LiveReloadServer(builder=builder, host=host, port=port, root=str(site_dir))
    for path in preview.watched():
        server.watch(str(path))
    try:
        server.serve()
    except KeyboardInterrupt:
        log.info("Shutting down...")
    finally:
        server.shutdown()
        shutil.rmtree(site_dir, ignore_errors=True)
