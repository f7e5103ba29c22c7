"""Bytes a reader downloads for one search, measured in headless Chromium.

The built site is served on 127.0.0.1 (no compression, so body bytes are file bytes);
each query runs in a fresh browser context (an empty cache), and the response body
sizes Chromium reports for every request finished after the page had loaded are summed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .browser import CHROMIUM, CHROMIUM_ARGS, serve

QUIET_MS = 500  # no response for this long: the query's downloads are done
SEARCH_INPUT = ".pagefind-ui__search-input"
RESULTS = ".pagefind-ui__result, .pagefind-ui__message"


@dataclass(frozen=True)
class SearchBytes:
    """What one query cost: bytes to load the search page, then bytes for the query."""

    word: str
    page_bytes: int
    query_bytes: int
    requests: int


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
    # Page-level events include the Pagefind web worker's fetches; a CDP session would not.
    finished: list[object] = []
    page.on("requestfinished", lambda request: finished.append(request))
    page.goto(url, wait_until="networkidle")
    before = len(finished)
    page.fill(SEARCH_INPUT, word)
    page.wait_for_selector(RESULTS, timeout=30_000)
    _settle(page, finished)
    sizes = [r.sizes()["responseBodySize"] for r in finished]  # type: ignore[attr-defined]
    context.close()
    return SearchBytes(word, sum(sizes[:before]), sum(sizes[before:]), len(sizes) - before)


def _settle(page: object, finished: list[object], limit_ms: int = 20_000) -> None:
    seen, quiet = len(finished), 0
    while quiet < QUIET_MS and limit_ms > 0:
        page.wait_for_timeout(100)  # type: ignore[attr-defined]
        limit_ms -= 100
        quiet = quiet + 100 if len(finished) == seen else 0
        seen = len(finished)
