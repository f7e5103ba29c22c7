"""Bytes a reader downloads for one search, measured in headless Chromium.

The built site is served on 127.0.0.1 (no compression, so body bytes are file bytes);
each query runs in a fresh browser context (an empty cache), and the response body
sizes Chromium reports for every request finished after the page had loaded are summed.
A response the browser took from its own cache counts nothing.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .browser import CHROMIUM, CHROMIUM_ARGS, serve

QUIET_MS = 500  # no response for this long: the query's downloads are done
SEARCH_INPUT = ".na-search__input"
# A query is answered when a result shows, or the status says there is none.
ANSWERED = ".na-search__result-link, .na-search__status:text-matches('^No results')"
# What each download is, by its address (website/search.py lays the bundle out).
KINDS = (
    ("router", r"/pagefind/router/"),
    ("engine", r"/pagefind/(pagefind\.js|wasm\.[^/]*\.pagefind)$"),
    ("page lists", r"\.pf_meta$"),
    ("word chunks", r"\.pf_index$"),
    ("filters", r"(\.pf_filter|/filters\.json)$"),
    ("excerpts", r"\.pf_fragment$"),
    ("manifests", r"(pagefind-entry|search)\.json(\?.*)?$"),
)


@dataclass(frozen=True)
class SearchBytes:
    """What one query cost: bytes to load the search page, then bytes for the query."""

    word: str
    page_bytes: int
    query_bytes: int
    requests: int
    by_kind: dict[str, int] = field(default_factory=dict)  # the query's bytes by KINDS


def kind_of(url: str) -> str:
    """Which part of the search bundle an address is ('other' for the rest)."""
    path = url.split("#")[0]
    return next((name for name, pattern in KINDS if re.search(pattern, path)), "other")


def measure_queries(site: Path, words: list[str], page: str = "search/") -> list[SearchBytes]:
    """Download figures for each word, typed into the site's search page."""
    from playwright.sync_api import sync_playwright

    results = []
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for word in words:
                results.append(_one_query(browser, base + page, word))
        finally:
            browser.close()
    return results


def _one_query(browser: object, url: str, word: str) -> SearchBytes:
    context = browser.new_context()  # type: ignore[attr-defined]
    page = context.new_page()
    finished: list[object] = []
    page.on("requestfinished", lambda request: finished.append(request))
    page.goto(url, wait_until="networkidle")
    before = len(finished)
    page.fill(SEARCH_INPUT, word)
    page.wait_for_selector(ANSWERED, timeout=30_000)
    _settle(page, finished)
    # Chromium reports a body taken from its cache as a negative size: nothing was sent.
    sizes = [max(0, r.sizes()["responseBodySize"]) for r in finished]  # type: ignore[attr-defined]
    by_kind: Counter[str] = Counter()
    for request, size in zip(finished[before:], sizes[before:], strict=True):
        by_kind[kind_of(request.url)] += size  # type: ignore[attr-defined]
    context.close()
    return SearchBytes(
        word, sum(sizes[:before]), sum(sizes[before:]), len(sizes) - before, dict(by_kind)
    )


def _settle(page: object, finished: list[object], limit_ms: int = 20_000) -> None:
    seen, quiet = len(finished), 0
    while quiet < QUIET_MS and limit_ms > 0:
        page.wait_for_timeout(100)  # type: ignore[attr-defined]
        limit_ms -= 100
        quiet = quiet + 100 if len(finished) == seen else 0
        seen = len(finished)
