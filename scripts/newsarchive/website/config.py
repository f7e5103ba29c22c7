"""Typed options of the `newsarchive` MkDocs plugin, as written under `plugins:` in mkdocs.yml."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class NewsarchiveConfig(base.Config):
    """Where the archive and registries live, and how big listings and feeds get."""

    # Relative to docs_dir: the archive pages, docs/articles/YYYY/MM/<slug>.md.
    articles_dir = c.Type(str, default="articles")
    # Relative to mkdocs.yml (absolute paths are kept): the data/*.yml registries.
    data_dir = c.Type(str, default="data")
    # Relative to mkdocs.yml: published as the Contributing page when present.
    contributing = c.Type(str, default="CONTRIBUTING.md")
    page_size = c.Type(int, default=50)
    index_page_size = c.Type(int, default=200)
    home_size = c.Type(int, default=10)
    feed_size = c.Type(int, default=50)
    related_size = c.Type(int, default=5)
    # Articles compared per topic or person when looking for related ones: bounds the work.
    related_window = c.Type(int, default=200)
    search = c.Type(bool, default=True)
    # Articles per search index piece: Pagefind's memory while indexing, and what a query
    # downloads per piece it searches, grow with it (website/search.py).
    search_piece_size = c.Type(int, default=2000)
    export = c.Type(str, default="archive.jsonl")
