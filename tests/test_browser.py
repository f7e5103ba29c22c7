"""The built fixture site in headless Chromium: search, chips, archive, metadata, screenshots."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser
playwright_api = pytest.importorskip("playwright.sync_api")

SCREENS = Path("/tmp/screens")
STARMER = "articles/2025/03/starmer-urges-putin-to-accept-ceasefire/"


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    """A fresh desktop page that fails the test if any script shows a dialog."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    tab = context.new_page()
    dialogs: list[str] = []
    tab.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    yield tab
    context.close()
    assert dialogs == []


def result_titles(page: object) -> list[str]:
    page.wait_for_selector(".na-search__result-link", timeout=30_000)
    return page.locator(".na-search__result-link").all_inner_texts()


def test_search_finds_the_one_article_and_opens_it(page: object, base_url: str) -> None:
    page.goto(base_url)
    page.fill("#na-q", "hydroponics")
    page.press("#na-q", "Enter")
    assert result_titles(page) == ["Ceasefire talks stall as winter approaches"]
    page.click(".na-search__result-link")
    page.wait_for_url(base_url + "articles/2024/11/ceasefire-talks-stall/")
    assert (
        page.locator(".na-article h1").inner_text() == "Ceasefire talks stall as winter approaches"
    )


def test_phrase_search_and_filters(page: object, base_url: str) -> None:
    page.goto(base_url + 'search/?q="coalition call"')
    assert result_titles(page) == ["Starmer urges Putin to accept a ceasefire after coalition call"]
    filters = page.locator(".na-search__filter-name").all_inner_texts()
    assert {f.strip().lower() for f in filters} >= {"person", "topic", "source", "language", "year"}


def test_filter_narrows_results_by_year(page: object, base_url: str) -> None:
    page.goto(base_url + "search/?q=ceasefire")
    assert len(result_titles(page)) >= 2
    page.locator(".na-search__filter-name", has_text="Year").click()  # groups start closed
    page.check("#year-2024")
    results = page.locator(".na-search__result-link")
    # As long as result_titles waits: a loaded machine can take more than the default 5 s.
    playwright_api.expect(results).to_have_text(
        ["Ceasefire talks stall as winter approaches"], timeout=30_000
    )


def search_downloads(page: object, base_url: str) -> list[str]:
    """Addresses under pagefind/ the page fetches from now on, relative to it, in order."""
    bundle = base_url + "pagefind/"
    fetched: list[str] = []
    page.on(
        "requestfinished",
        lambda request: (
            request.url.startswith(bundle)
            and fetched.append(request.url[len(bundle) :].split("?")[0])
        ),
    )
    return fetched


def pieces_in(fetched: list[str]) -> list[str]:
    """The index pieces (2 articles each in the fixture site) in the order first fetched."""
    numbers = [path.split("/")[1] for path in fetched if path.startswith("pieces/")]
    return list(dict.fromkeys(numbers))


def test_a_query_loads_only_its_pieces_and_filter_data_waits_for_the_filters(
    page: object, base_url: str
) -> None:
    fetched = search_downloads(page, base_url)
    page.goto(base_url + "search/", wait_until="networkidle")
    assert fetched == []  # the engine loads with the first query
    page.fill(".na-search__input", "hydroponics")
    assert result_titles(page) == ["Ceasefire talks stall as winter approaches"]
    page.wait_for_load_state("networkidle")
    assert "router/pagefind-entry.json" in fetched
    assert pieces_in(fetched) == ["0"]  # the router knows no other piece has the word
    assert [path for path in fetched if "filter" in path and "router/" not in path] == []
    page.locator(".na-search__filter-name", has_text="Year").click()
    page.wait_for_selector("#year-2024")
    assert [path for path in fetched if "filter" in path and "router/" not in path] == [
        "filters.json"
    ]
    assert page.locator("label[for='year-2025']").inner_text() == "2025 5"
    with page.expect_request_finished(lambda request: "/pieces/0/filter/" in request.url):
        page.check("#year-2024")  # the piece's year filter loads now, and only that piece's
    assert pieces_in(fetched) == ["0"]
    assert result_titles(page) == ["Ceasefire talks stall as winter approaches"]


def test_more_results_opens_older_pieces_newest_first(page: object, base_url: str) -> None:
    fetched = search_downloads(page, base_url)
    page.goto(base_url + "search/?q=the")
    first = result_titles(page)
    page.wait_for_load_state("networkidle")
    # One step opens at most three pieces: the oldest waits for the reader.
    assert pieces_in(fetched) == ["3", "2", "1"]
    status = page.locator(".na-search__status").inner_text()
    assert status == f"{len(first)} results for “the” in articles published since 2024-12-19"
    assert "Ceasefire talks stall as winter approaches" not in first
    page.click(".na-search__more:has-text('Search older articles')")
    playwright_api.expect(page.locator(".na-search__more")).to_be_hidden(timeout=30_000)
    page.wait_for_load_state("networkidle")
    assert pieces_in(fetched) == ["3", "2", "1", "0"]
    titles = result_titles(page)
    assert titles[: len(first)] == first
    assert "Ceasefire talks stall as winter approaches" in titles[len(first) :]
    assert page.locator(".na-search__status").inner_text() == f"{len(titles)} results for “the”"


def test_hostile_article_text_stays_text_in_search_results(page: object, base_url: str) -> None:
    page.goto(base_url + "search/?q=inline markup")
    titles = result_titles(page)
    assert len(titles) == 1 and titles[0].startswith("Hostile ")
    excerpt = page.locator(".na-search__result-excerpt").inner_text()
    assert 'onerror=alert("inline")' in excerpt
    assert page.locator("[onerror], [onclick], #na-search script").count() == 0


def test_person_chip_leads_to_their_page(page: object, base_url: str) -> None:
    page.goto(base_url + STARMER)
    page.click("a.na-chip:has-text('Vladimir Putin')")
    page.wait_for_url(base_url + "people/vladimir-putin/")
    links = page.locator("article li a").all_inner_texts()
    assert "Starmer urges Putin to accept a ceasefire after coalition call" in links


def test_month_archive_from_the_archive_index(page: object, base_url: str) -> None:
    page.goto(base_url + "archive/")
    page.click("a:has-text('November')")
    page.wait_for_url(base_url + "archive/2024/11/")
    assert page.locator("article li a").all_inner_texts() == [
        "Ceasefire talks stall as winter approaches",
        "Trump wins the presidential election",
    ]


def test_pages_do_not_download_the_sitemap(page: object, base_url: str) -> None:
    """Material fetches a sitemap for each link[rel=alternate]; it grows with the archive."""
    fetched: list[str] = []
    page.on("requestfinished", lambda request: fetched.append(request.url))
    for path in ("", "people/vladimir-putin/", STARMER):
        page.goto(base_url + path, wait_until="networkidle")
    assert [url for url in fetched if "sitemap" in url] == []
    assert base_url + "assets/newsarchive.css" in fetched


def test_jsonld_parses_in_the_browser(page: object, base_url: str) -> None:
    page.goto(base_url + "articles/2025/03/hostile-markup-in-every-field/")
    text = page.locator('script[type="application/ld+json"]').text_content()
    data = json.loads(text)
    assert data["headline"].startswith('Hostile <script>alert("title")</script>')
    assert page.locator(".na-article h1").inner_text() == data["headline"]


def test_feed_is_valid_xml_with_items_in_order(page: object, base_url: str) -> None:
    response = page.request.get(base_url + "topics/ukraine-war/feed.xml")
    assert response.ok
    root = ET.fromstring(response.body())
    ns = "{http://www.w3.org/2005/Atom}"
    assert [e.findtext(f"{ns}title") for e in root.iter(f"{ns}entry")] == [
        "Zelenskyy calls for tougher sanctions on Moscow",
        "Starmer urges Putin to accept a ceasefire after coalition call",
        "Ceasefire talks stall as winter approaches",
    ]


@pytest.mark.parametrize(
    ("device", "width", "height"), [("desktop", 1280, 800), ("phone", 390, 844)]
)
def test_screenshots(browser: object, base_url: str, device: str, width: int, height: int) -> None:
    """Screenshots for a person to look at; the test checks only that nothing overflows."""
    SCREENS.mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": width, "height": height})
    tab = context.new_page()
    shots = {
        "home": "",
        "article": STARMER,
        "person": "people/vladimir-putin/",
        "search": "search/?q=ceasefire",
    }
    for name, path in shots.items():
        tab.goto(base_url + path)
        if name == "search":
            result_titles(tab)
        tab.screenshot(path=str(SCREENS / f"{name}-{device}.png"), full_page=True)
        overflow = tab.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, (name, device, overflow)
    context.close()


def test_an_old_address_lands_on_the_moved_article(page: object, base_url: str) -> None:
    page.goto(base_url + "articles/2025/03/starmer-urges-putin-ceasefire/")
    page.wait_for_url(base_url + STARMER)
    assert page.locator(".na-article h1").inner_text() == (
        "Starmer urges Putin to accept a ceasefire after coalition call"
    )


def test_feed_links_are_in_the_page_and_cost_no_sitemap_download(
    page: object, base_url: str
) -> None:
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(base_url + "people/vladimir-putin/")
    page.wait_for_load_state("networkidle")
    feeds = page.eval_on_selector_all(
        "link[rel~=alternate][type='application/atom+xml']", "links => links.map(l => l.href)"
    )
    assert feeds == [base_url + "feed.xml", base_url + "people/vladimir-putin/feed.xml"]
    assert not [url for url in requests if "sitemap" in url], requests


@pytest.mark.parametrize(("width", "height"), [(1280, 800), (390, 844)])
def test_timeline_reads_without_javascript(
    browser: object, base_url: str, width: int, height: int
) -> None:
    context = browser.new_context(
        viewport={"width": width, "height": height}, java_script_enabled=False
    )
    tab = context.new_page()
    tab.goto(base_url + "people/vladimir-putin/")
    chart = tab.locator("figure.na-timeline svg").bounding_box()
    assert chart is not None and 0 < chart["width"] <= width and chart["height"] > 20
    table = tab.locator("figure.na-timeline table")
    assert not table.is_visible()
    tab.locator("figure.na-timeline summary").click()
    assert table.is_visible()
    rows = table.locator("tbody tr").all_inner_texts()
    assert [row.split() for row in rows] == [["2024", "1", "0", "1"], ["2025", "0", "0", "2", "2"]]
    overflow = tab.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    context.close()


def test_ninjs_link_leads_to_the_document(page: object, base_url: str) -> None:
    page.goto(base_url + STARMER)
    href = page.eval_on_selector(
        "link[rel~=alternate][type='application/ninjs+json']", "link => link.href"
    )
    assert href == base_url + STARMER + "index.ninjs.json"
    response = page.request.get(href)
    assert response.ok and response.headers["content-type"].startswith("application/json")
    assert response.json()["uri"] == "https://newsarchive.example.org/" + STARMER
