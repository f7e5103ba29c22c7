"""What readers of a news archive expect, checked on a real strict build of the fixture archive:
no third-party address in any page, one description per page, the lead image and its credit,
a citation in three forms, and the interface in the site's own language (English, French)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import run_build, write_site

pytestmark = pytest.mark.slow

ZELENSKYY = "articles/2025/03/zelenskyy-calls-for-sanctions/index.html"
MACRON = "articles/2025/02/macron-meloni-meet-in-rome/index.html"
STARMER = "articles/2025/03/starmer-urges-putin-to-accept-ceasefire/index.html"
SITE = "https://newsarchive.example.org/"
TEMPLATES = Path(__file__).parents[1] / "scripts" / "newsarchive" / "website" / "templates"


def soup(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page).read_text(encoding="utf-8"), "lxml")


def meta(page: BeautifulSoup, key: str) -> list[str]:
    """The content of every <meta> named (or with the property) `key`, in order."""
    found = page.find_all("meta", attrs={"name": key}) + page.find_all(
        "meta", attrs={"property": key}
    )
    return [tag["content"] for tag in found]


def test_no_page_names_another_host_for_the_browser_to_fetch(built_site: Path) -> None:
    """Fonts, stylesheets, scripts, images and the repository's counts all stay at home."""
    for path in built_site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert "fonts.googleapis.com" not in text and "fonts.gstatic.com" not in text, path
        # Material's script asks api.github.com for stars and forks of a 'source' component.
        assert 'data-md-component="source"' not in text, path
        page = BeautifulSoup(text, "lxml")
        loaded = [tag.get("src") for tag in page.find_all(["script", "img", "iframe", "source"])]
        loaded += [
            tag.get("href") for tag in page.find_all("link") if "canonical" not in tag["rel"]
        ]
        assert [url for url in loaded if url and re.match(r"(?i)(https?:)?//", url)] == [], path


def test_every_page_has_one_description(built_site: Path) -> None:
    for path in built_site.rglob("index.html"):
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        if page.find("meta", attrs={"http-equiv": "refresh"}):
            continue  # an old address: it sends the reader on at once
        assert len(page.find_all("meta", attrs={"name": "description"})) == 1, path
    article = soup(built_site, STARMER)
    assert meta(article, "description") == [
        "British Prime Minister Keir Starmer urged Vladimir Putin to sign up to a ceasefire."
    ]
    assert meta(soup(built_site, "index.html"), "description") == [
        "An archive of translated news, browsable by date, topic, person and source."
    ]


def test_open_graph_locale_names_language_and_country(built_site: Path) -> None:
    assert meta(soup(built_site, STARMER), "og:locale") == ["en_US"]
    german = "articles/2025/02/bundestag-debattiert-verteidigungshaushalt/index.html"
    assert meta(soup(built_site, german), "og:locale") == ["de_DE"]


def test_robots_txt_points_at_the_sitemap(built_site: Path) -> None:
    text = (built_site / "robots.txt").read_text(encoding="utf-8")
    assert text == f"User-agent: *\nAllow: /\nSitemap: {SITE}sitemap.xml\n"


def test_credited_lead_image_is_shown_with_caption_credit_and_metadata(built_site: Path) -> None:
    page = soup(built_site, ZELENSKYY)
    figure = page.select_one("figure.na-figure")
    url = "https://images.example.org/2025/zelenskyy-address.jpg"
    # Nothing loads from the publisher until the reader asks: a link, not an <img>.
    assert figure.find("img") is None
    assert figure.select_one("a.na-figure__show")["href"] == url
    assert " ".join(figure.figcaption.get_text().split()) == (
        "Volodymyr Zelenskyy speaks to allies by video link from Kyiv. "
        "Image: Presidential Office of Ukraine"
    )
    assert figure.select_one(".na-figure__host").get_text() == "loads from images.example.org"
    assert meta(page, "og:image") == [url]
    assert meta(page, "twitter:card") == ["summary_large_image"]
    data = json.loads(page.find("script", type="application/ld+json").string)
    assert data["image"] == {
        "@type": "ImageObject",
        "url": url,
        "creditText": "Presidential Office of Ukraine",
        "caption": "Volodymyr Zelenskyy speaks to allies by video link from Kyiv.",
    }


def test_lead_image_without_credit_is_not_shown(built_site: Path) -> None:
    page = soup(built_site, MACRON)
    assert page.select("figure.na-figure") == []
    assert meta(page, "og:image") == []
    assert meta(page, "twitter:card") == ["summary"]
    assert "image" not in json.loads(page.find("script", type="application/ld+json").string)
    assert "macron-meloni.jpg" not in (built_site / MACRON).read_text(encoding="utf-8")


def test_citation_in_three_forms_and_citation_meta_tags(built_site: Path) -> None:
    page = soup(built_site, STARMER)
    archived = f"{SITE}articles/2025/03/starmer-urges-putin-to-accept-ceasefire/"
    text = page.select_one("#na-cite-text").get_text()
    assert text == (
        "Jill Lawless. “Starmer urges Putin to accept a ceasefire after coalition call.” "
        "The Canadian Press, 15 March 2025. https://example.com/cp/starmer-ceasefire. "
        "Machine-translated from French by DeepL: “Starmer exhorte Poutine à accepter un "
        "cessez-le-feu”, https://example.fr/starmer-cessez-le-feu. "
        f"Archived by newsarchive on 16 March 2025. {archived}"
    )
    bibtex = page.select_one("#na-cite-bibtex").get_text()
    assert bibtex.startswith("@misc{starmer-urges-putin-to-accept-ceasefire-2025,\n")
    assert "  author = {Jill Lawless},\n" in bibtex
    assert "  url = {https://example.com/cp/starmer-ceasefire},\n" in bibtex
    assert "  urldate = {2025-03-16}\n}" in bibtex
    [csl] = json.loads(page.select_one("#na-cite-csl").get_text())
    assert csl["type"] == "article-newspaper"
    assert csl["author"] == [{"literal": "Jill Lawless"}]
    assert csl["issued"] == {"date-parts": [[2025, 3, 15]]}
    assert csl["original-title"] == "Starmer exhorte Poutine à accepter un cessez-le-feu"
    assert csl["translator"] == [{"literal": "DeepL"}]
    assert csl["archive_location"] == archived
    assert csl["accessed"] == {"date-parts": [[2025, 3, 16]]}
    assert meta(page, "citation_title") == [
        "Starmer urges Putin to accept a ceasefire after coalition call"
    ]
    assert meta(page, "citation_author") == ["Jill Lawless"]
    assert meta(page, "citation_publication_date") == ["2025/03/15"]
    assert meta(page, "citation_journal_title") == ["The Canadian Press"]
    assert meta(page, "citation_fulltext_html_url") == [archived]


def test_palette_follows_the_system_and_names_its_toggles(built_site: Path) -> None:
    page = soup(built_site, STARMER)
    options = page.select("form[data-md-component=palette] input")
    assert [o["data-md-color-media"] for o in options] == [
        "(prefers-color-scheme: light)",
        "(prefers-color-scheme: dark)",
    ]
    assert [o["aria-label"] for o in options] == ["Switch to dark mode", "Switch to light mode"]


def test_every_interface_word_a_template_prints_is_in_every_language() -> None:
    from newsarchive.words import languages, words_for

    used = set()
    for path in TEMPLATES.rglob("*"):
        if path.suffix in (".html", ".js"):
            text = path.read_text(encoding="utf-8")
            used |= set(re.findall(r"na_words\.(\w+)\b(?!\()", text))
            for call in re.findall(r"na_words\.(?:fill|pick)\(([^)]*)\)", text):
                used |= set(re.findall(r'"(\w+)"', call))
    used -= {"language", "fill", "pick"}
    assert len(used) > 30
    for language in languages():
        words = words_for(language)
        assert [key for key in sorted(used) if not hasattr(words, key)] == [], language


@pytest.fixture(scope="module")
def french_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture archive built as a French edition: one setting, theme.language."""
    root = tmp_path_factory.mktemp("french")
    config = write_site(root)
    data = yaml.safe_load(config.read_text(encoding="utf-8"))
    data["theme"]["language"] = "fr"
    config.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    code, output = run_build(config, root / "site", "--strict")
    assert code == 0, output
    return root / "site"


def test_a_french_edition_prints_its_own_words(french_site: Path) -> None:
    page = soup(french_site, STARMER)
    header = " ".join(page.select_one(".na-meta").get_text().split())
    assert header == (
        "15 mars 2025 · Ajouté aux archives le 16 mars 2025 · The Canadian Press · AP · "
        "Par Jill Lawless · London · 1 min de lecture"
    )
    assert " ".join(page.select_one(".na-notice").get_text().split()) == (
        "Traduction automatique (original : français) · non relu · original"
    )
    assert page.select_one(".na-cite summary").get_text() == "Citer cet article"
    assert page.select_one("#related").get_text() == "Articles liés"
    assert page.select_one(".na-correction strong").get_text() == "Corrigé le 2 avril 2025:"
    assert page.html["lang"] == "fr"  # Material's own words follow the same setting
    toggles = [o["aria-label"] for o in page.select("form[data-md-component=palette] input")]
    assert toggles == ["Passer en mode sombre", "Passer en mode clair"]
    month = soup(french_site, "archive/2024/11/index.html").select_one("article")
    assert month.h1.get_text().startswith("Novembre 2024")
    assert "2 articles · du plus récent au plus ancien" in month.get_text()
    year = soup(french_site, "archive/2025/index.html").select_one("article")
    assert "Page 1 sur 2 · Plus anciens →" in year.get_text()
    search = soup(french_site, "search/index.html")
    assert search.select_one(".na-search__input")["placeholder"] == "Rechercher dans les archives"
    words = json.loads(search.select_one("#na-search")["data-words"])
    assert words["results_many"] == "{count} résultats pour « {term} »"
    listing = soup(french_site, "people/vladimir-putin/index.html")
    assert listing.select_one(".na-feed a").get_text() == "Flux Atom de cette liste"
    # No English label left on the pages our templates make.
    for path in (STARMER, "index.html", "people/vladimir-putin/index.html", "search/index.html"):
        text = (french_site / path).read_text(encoding="utf-8")
        for english in ("Added to the archive", "Related articles", "Cite this article", ">By<"):
            assert english not in text, (path, english)


def test_a_language_without_a_table_gets_english_and_is_told_how_to_add_one(
    caplog: pytest.LogCaptureFixture,
) -> None:
    from newsarchive.words import words_for

    words_for.cache_clear()
    assert words_for("pt-BR").language == "en"
    assert "No interface words for 'pt-BR'" in caplog.text
    assert "add a 'pt-BR:' table with the keys of 'en:'" in caplog.text
    assert words_for("fr-CA").by == "Par"  # a regional variant uses its language's table
