"""sitemap.xml for every page, split into a sitemap index past the protocol's 50,000 URLs."""

from __future__ import annotations

import gzip
from collections.abc import Iterable
from pathlib import Path
from xml.sax.saxutils import escape

LIMIT = 50_000  # sitemaps.org: at most 50,000 URLs per sitemap file
_NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'


def _write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    path.with_name(path.name + ".gz").write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))


def write_sitemaps(site_dir: Path, base: str, urls: Iterable[tuple[str, str | None]]) -> int:
    """Write sitemap.xml (+ .gz) from (site-relative url, YYYY-MM-DD lastmod or None); returns
    how many files. A page with no known last change gets no lastmod rather than a guess."""
    chunks: list[list[str]] = [[]]
    for url, lastmod in urls:
        if len(chunks[-1]) == LIMIT:
            chunks.append([])
        stamp = f"<lastmod>{lastmod}</lastmod>" if lastmod else ""
        chunks[-1].append(f"<url><loc>{escape(base + url)}</loc>{stamp}</url>")
    if len(chunks) == 1:
        _write(site_dir / "sitemap.xml", _urlset(chunks[0]))
        return 1
    names = [f"sitemap-{n}.xml" for n in range(1, len(chunks) + 1)]
    for name, chunk in zip(names, chunks, strict=True):
        _write(site_dir / name, _urlset(chunk))
    index = "".join(f"<sitemap><loc>{escape(base + name)}</loc></sitemap>\n" for name in names)
    _write(
        site_dir / "sitemap.xml",
        f'<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex {_NS}>\n{index}</sitemapindex>\n',
    )
    return len(names) + 1


def _urlset(lines: list[str]) -> str:
    body = "\n".join(lines)
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset {_NS}>\n{body}\n</urlset>\n'


def write_robots(site_dir: Path, site_url: str | None) -> None:
    """robots.txt: every page may be read; the sitemap is at the site's own address.

    The Sitemap line must be an absolute address, so a site without site_url gets none."""
    lines = ["User-agent: *", "Allow: /"]
    if site_url:
        lines.append(f"Sitemap: {site_url.rstrip('/')}/sitemap.xml")
    (site_dir / "robots.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
