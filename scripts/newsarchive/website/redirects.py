"""Redirect pages at the old addresses of moved articles (front matter `moved_from`).

Pages never change address; when one has to (a slug fixed by hand), its old address keeps a
small page that sends readers and crawlers on: a canonical link and an instant refresh, no
script, marked noindex. It is not a documentation page, so it is in no sitemap, feed or
search index.
"""

from __future__ import annotations

import posixpath
from html import escape
from pathlib import Path

from .archive import Archive, log

_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Moved: {title}</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="{canonical}">
<meta http-equiv="refresh" content="0; url={target}">
</head>
<body>
<p>This article has moved to <a href="{target}">{title}</a>.</p>
</body>
</html>
"""


def old_url(address: str, articles_dir: str, directory_urls: bool) -> str:
    """The site URL an archived page had at `address` (YYYY/MM/slug)."""
    path = f"{articles_dir.strip('/')}/{address}"
    return f"{path}/" if directory_urls else f"{path}.html"


def write_redirects(
    site_dir: Path,
    archive: Archive,
    base: str | None,
    articles_dir: str,
    directory_urls: bool,
    stale: set[Path] = frozenset(),  # type: ignore[assignment]
) -> set[Path]:
    """Write a redirect page at every moved_from address; returns the files written.

    `stale` are the files a previous run wrote: those no longer wanted are removed.
    """
    taken = {entry.url for entry in archive.catalog.entries}
    written: set[Path] = set()
    for entry in archive.catalog.entries:
        for address in entry.article.moved_from:
            url = old_url(address, articles_dir, directory_urls)
            if url in taken:
                log.warning(f"{entry.src_uri}: moved_from {address} is a page's address; skipped")
                continue
            taken.add(url)
            here = url.rstrip("/") if directory_urls else posixpath.dirname(url)
            target = posixpath.relpath(entry.url.rstrip("/"), here) + (
                "/" if directory_urls else ""
            )
            path = site_dir / (url + "index.html" if directory_urls else url)
            path.parent.mkdir(parents=True, exist_ok=True)
            page = _PAGE.format(
                title=escape(entry.article.title),
                canonical=escape(base + entry.url if base else target),
                target=escape(target),
            )
            path.write_text(page, encoding="utf-8")
            written.add(path)
    for path in stale - written:
        path.unlink(missing_ok=True)
    return written
