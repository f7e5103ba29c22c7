"""The built fixture site in headless Chromium, as a reader meets it: no request to another host,
a light/dark toggle that follows the system and persists, the lead image on request with its
caption and credit, and a citation that copies."""

from __future__ import annotations

import base64
from collections.abc import Iterator

import pytest

pytestmark = pytest.mark.browser
playwright_api = pytest.importorskip("playwright.sync_api")

ZELENSKYY = "articles/2025/03/zelenskyy-calls-for-sanctions/"
STARMER = "articles/2025/03/starmer-urges-putin-to-accept-ceasefire/"
IMAGE = "https://images.example.org/2025/zelenskyy-address.jpg"
# A 1x1 PNG, served in the publisher's place when the reader asks for the image.
PIXEL = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)


@pytest.fixture
def context(browser: object) -> Iterator[object]:
    """A fresh desktop context in light mode; every request it makes is kept in .requests."""
    context = browser.new_context(viewport={"width": 1280, "height": 800}, color_scheme="light")
    context.requests = []
    context.on("request", lambda request: context.requests.append(request.url))
    yield context
    context.close()


def test_home_an_article_and_a_search_ask_no_other_host(context: object, base_url: str) -> None:
    tab = context.new_page()
    tab.goto(base_url, wait_until="networkidle")
    tab.goto(base_url + ZELENSKYY, wait_until="networkidle")  # the one with a lead image
    tab.goto(base_url + "search/?q=ceasefire", wait_until="networkidle")
    tab.wait_for_selector(".na-search__result-link", timeout=30_000)
    tab.locator(".na-search__filter-name", has_text="Year").click()  # filter data loads too
    tab.wait_for_selector("#year-2024")
    tab.wait_for_load_state("networkidle")
    assert len(context.requests) > 20
    assert [url for url in context.requests if not url.startswith(base_url)] == []
    assert base_url + "pagefind/filters.json" in context.requests


def test_the_dark_toggle_follows_the_system_switches_and_persists(
    browser: object, context: object, base_url: str
) -> None:
    tab = context.new_page()
    tab.goto(base_url + STARMER)
    scheme = "document.body.getAttribute('data-md-color-scheme')"
    assert tab.evaluate(scheme) == "default"
    tab.click("label[title='Switch to dark mode']")
    assert tab.evaluate(scheme) == "slate"
    tab.goto(base_url + "people/vladimir-putin/")  # another page, the reader's choice kept
    assert tab.evaluate(scheme) == "slate"
    tab.reload()
    assert tab.evaluate(scheme) == "slate"
    tab.click("label[title='Switch to light mode']")
    assert tab.evaluate(scheme) == "default"
    # A reader whose system is dark gets the dark scheme without touching anything.
    dark = browser.new_context(color_scheme="dark")
    try:
        other = dark.new_page()
        other.goto(base_url + STARMER)
        assert other.evaluate(scheme) == "slate"
        background = "getComputedStyle(document.body).backgroundColor"
        assert other.evaluate(background) != tab.evaluate(background)
    finally:
        dark.close()


def test_lead_image_loads_only_when_asked_with_caption_and_credit(
    context: object, base_url: str
) -> None:
    served: list[str] = []

    def publisher(route: object) -> None:
        served.append(route.request.url)
        route.fulfill(status=200, content_type="image/png", body=PIXEL)

    context.route("https://images.example.org/**", publisher)
    tab = context.new_page()
    tab.goto(base_url + ZELENSKYY, wait_until="networkidle")
    figure = tab.locator("figure.na-figure")
    caption = "Volodymyr Zelenskyy speaks to allies by video link from Kyiv."
    credit = "Image: Presidential Office of Ukraine"
    assert " ".join(figure.locator("figcaption").inner_text().split()) == f"{caption} {credit}"
    assert served == []  # opening the page told the publisher nothing
    figure.locator("a.na-figure__show").click()
    image = figure.locator("img.na-figure__image")
    playwright_api.expect(image).to_be_visible()
    tab.wait_for_function("document.querySelector('.na-figure__image').complete")
    assert image.evaluate("img => img.naturalWidth") == 1
    assert served == [IMAGE]
    assert tab.url == base_url + ZELENSKYY  # shown in place, the reader stays on the page
    assert figure.locator(".na-figure__credit").inner_text() == credit


def test_with_images_blocked_the_caption_and_credit_remain(context: object, base_url: str) -> None:
    context.route("**/*.{png,jpg,jpeg,gif,webp,svg}", lambda route: route.abort())
    tab = context.new_page()
    tab.goto(base_url + ZELENSKYY)
    tab.locator("a.na-figure__show").click()
    tab.wait_for_function("document.querySelector('.na-figure__image')?.complete")
    assert tab.locator(".na-figure__image").evaluate("img => img.naturalWidth") == 0
    assert (
        tab.locator("figure.na-figure figcaption")
        .inner_text()
        .startswith("Volodymyr Zelenskyy speaks to allies")
    )
    assert tab.locator(".na-figure__credit").is_visible()


def test_the_citation_block_copies_the_citation(context: object, base_url: str) -> None:
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/"))
    tab = context.new_page()
    tab.goto(base_url + STARMER)
    tab.click(".na-cite summary")
    tab.click("[data-clipboard-target='#na-cite-text']")
    copied = tab.evaluate("navigator.clipboard.readText()")
    assert copied == (
        "Jill Lawless. “Starmer urges Putin to accept a ceasefire after coalition call.” "
        "The Canadian Press, 15 March 2025. https://example.com/cp/starmer-ceasefire. "
        "Machine-translated from French by DeepL: “Starmer exhorte Poutine à accepter un "
        "cessez-le-feu”, https://example.fr/starmer-cessez-le-feu. Archived by newsarchive on "
        "16 March 2025. https://newsarchive.example.org/" + STARMER
    )
    tab.click("[data-clipboard-target='#na-cite-bibtex']")
    bibtex = tab.evaluate("navigator.clipboard.readText()")
    assert bibtex.startswith("@misc{starmer-urges-putin-to-accept-ceasefire-2025,\n  author =")
    assert bibtex.endswith("}")
