"""Article pages that are read and rendered only when their HTML is written, then let go.

MkDocs reads and converts every page before it writes the first one, so all articles'
Markdown and HTML would sit in memory together (about 10 kB per article). An ArticlePage does
both in the write step instead (`render_now`, from the plugin's on_page_context) and drops
them once its file is written (`release`), so a build holds one article's text at a time.
Its front matter is already in the catalog, so the body is cut from the file unparsed.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.toc import get_toc

from ..frontmatter import split
from .converter import ConvertedPage


class ArticlePage(ConvertedPage):
    """An archive page whose body is converted at write time; MkDocs' read phase is a no-op.

    Its edit link is printed by our own template beside the page's history, not by the theme
    (which would print it outside the parts frames.py fills in, so no frame could be shared).
    """

    source_edit_url: str | None = None

    def _set_edit_url(
        self,
        repo_url: str | None,
        edit_uri: str | None = None,
        edit_uri_template: str | None = None,
    ) -> None:
        super()._set_edit_url(repo_url, edit_uri, edit_uri_template)
        self.source_edit_url, self.edit_url = self.edit_url, None

    def read_source(self, config: MkDocsConfig) -> None:
        """Nothing yet: the body is read by render_now."""
        self.markdown, self.meta = "", {}

    def render(self, config: MkDocsConfig, files: Files) -> None:
        """Nothing yet: the body is converted by render_now."""
        self.content = ""

    def render_now(self, config: MkDocsConfig, files: Files) -> None:
        """Read the body (without its front matter) and convert it, with its table of contents."""
        _front, self.markdown, _line = split(self.file.content_string)
        self.converter.render(self, files)

    def release(self) -> None:
        """Drop the body and its HTML once the page is written."""
        self.markdown = self.content = None
        self.toc = get_toc([])
