"""One Markdown converter per build, shared by the pages we make, reset between pages.

MkDocs builds a new converter for every page, with every extension (about 0.15 ms a page),
and runs an HTML parser over each page's source to find anchors in raw HTML. Our pages hold no
raw HTML (safe_markdown shows it as text), so that scan finds nothing and is left out. The
steps kept are MkDocs' own: anchors, link rewriting and checking, the title.
"""

from __future__ import annotations

import logging

import markdown
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure import pages as mkdocs_pages
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

log = logging.getLogger("mkdocs.plugins.newsarchive")
# MkDocs' own steps, private names: when an upgrade renames them, pages render the stock way.
_STEPS = tuple(
    getattr(mkdocs_pages, name, None)
    for name in (
        "_ExtractAnchorsTreeprocessor",
        "_RelativePathTreeprocessor",
        "_ExtractTitleTreeprocessor",
    )
)
SHARED = all(_STEPS)


class Converter:
    """Markdown to HTML for one build's pages, as MkDocs' Page.render does it."""

    def __init__(self, config: MkDocsConfig) -> None:
        self._config = config
        if not SHARED:
            log.warning("MkDocs' page steps have new names: each page gets its own converter")
        self._md = markdown.Markdown(
            extensions=config.markdown_extensions, extension_configs=config.mdx_configs or {}
        )

    def render(self, page: Page, files: Files) -> None:
        """Set the page's content, toc, title and anchors from page.markdown."""
        assert page.markdown is not None
        if not SHARED:
            Page.render(page, self._config, files)
            return
        md = self._md.reset()
        # Registering under MkDocs' names replaces the previous page's processors.
        extract_anchors, relative_paths, extract_title = _STEPS
        anchors = extract_anchors(page.file, files, self._config)
        anchors._register(md)
        links = relative_paths(page.file, files, self._config)
        links._register(md)
        title = extract_title()
        title._register(md)
        page.content = md.convert(page.markdown)
        page.toc = get_toc(getattr(md, "toc_tokens", []))
        page._title_from_render = title.title
        page.present_anchor_ids = anchors.present_anchor_ids
        page.links_to_anchors = links.links_to_anchors

    def fragment(self, markdown_text: str) -> str:
        """One piece of the page just rendered (a paragraph of it, or of its original), with
        the same extensions and, when shared, the same page's link steps."""
        return self._md.reset().convert(markdown_text)


class ConvertedPage(Page):
    """A page rendered by the build's shared Converter."""

    def __init__(self, file: File, config: MkDocsConfig, converter: Converter) -> None:
        super().__init__(None, file, config)
        self.converter = converter

    def render(self, config: MkDocsConfig, files: Files) -> None:
        """Convert page.markdown with the shared converter."""
        self.converter.render(self, files)
