"""A real strict build of the fixture archive, checked by parsing what it wrote."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.slow

ATOM = "{http://www.w3.org/2005/Atom}"
STARMER = "articles/2025/03/starmer-urges-putin-to-accept-ceasefire/index.html"
GERMAN = "articles/2025/02/bundestag-debattiert-verteidigungshaushalt/index.html"
HOSTILE = "articles/2025/03/hostile-markup-in-every-field/index.html"
PEOPLE_YML = Path(__file__).parent / "fixtures" / "website" / "data" / "people.yml"


def soup(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page).read_text(encoding="utf-8"), "lxml")


def content(site: Path, page: str) -> BeautifulSoup:
    return soup(site, page).select_one("article.md-content__inner")


def listed(site: Path, page: str) -> list[str]:
    """Titles of the articles a listing page links to, in order."""
    return [a.get_text() for a in content(site, page).select("li > a[href*='articles/']")]


def jsonld(site: Path, page: str) -> dict:
    script = soup(site, page).find("script", type="application/ld+json")
    return json.loads(script.string)


def test_person_page_lists_their_articles_newest_first(built_site: Path) -> None:
    page = content(built_site, "people/vladimir-putin/index.html")
    assert page.h1.get_text() == "Vladimir Putin¶"
    assert "President of Russia" in page.get_text()
    assert "Also known as: Владимир Путин, Wladimir Putin" in page.get_text()
    assert listed(built_site, "people/vladimir-putin/index.html") == [
        "Zelenskyy calls for tougher sanctions on Moscow",
        "Starmer urges Putin to accept a ceasefire after coalition call",
        "Ceasefire talks stall as winter approaches",
    ]


def test_topic_page_has_description_and_articles(built_site: Path) -> None:
    page = content(built_site, "topics/european-union/index.html")
    assert "The EU's institutions and policies." in page.get_text()
    assert listed(built_site, "topics/european-union/index.html") == [
        "Macron and Meloni meet in Rome to mend ties",
        "EU leaders agree on next year's budget",
    ]


def test_agency_gets_a_source_page(built_site: Path) -> None:
    assert "News agency" in content(built_site, "sources/ap/index.html").get_text()
    assert listed(built_site, "sources/ap/index.html") == [
        "Starmer urges Putin to accept a ceasefire after coalition call",
        "Trump wins the presidential election",
    ]


def test_month_page_lists_articles_newest_first_and_says_so(built_site: Path) -> None:
    # Like every person's, topic's and source's list.
    assert listed(built_site, "archive/2024/11/index.html") == [
        "Ceasefire talks stall as winter approaches",
        "Trump wins the presidential election",
    ]
    page = content(built_site, "archive/2024/11/index.html")
    assert "2 articles · newest first" in page.get_text()


def test_year_listing_is_paginated(built_site: Path) -> None:
    first = listed(built_site, "archive/2025/index.html")
    second = listed(built_site, "archive/2025/page/2/index.html")
    assert len(first) == 3 and len(second) == 2
    assert "Page 1 of 2 · Older →" in content(built_site, "archive/2025/index.html").get_text()
    pager = content(built_site, "archive/2025/page/2/index.html").find("a", string="← Newer")
    assert pager["href"] == "../../"
    months = content(built_site, "archive/2025/page/2/index.html").find("a", string="March")
    assert months["href"] == "../../03/"


def test_people_index_counts_articles(built_site: Path) -> None:
    text = content(built_site, "people/index.html").get_text()
    assert "9 in all" in text
    assert "Vladimir Putin · 3 articles" in text
    assert "Olaf Scholz · 1 article" in text


def test_no_article_is_in_the_nav(built_site: Path) -> None:
    page = soup(built_site, STARMER)
    nav_links = [a["href"] for a in page.select(".md-nav a, .md-tabs a")]
    assert nav_links and not [href for href in nav_links if "articles/" in href]


def test_home_shows_latest_additions_with_chips_and_totals(built_site: Path) -> None:
    page = content(built_site, "index.html")
    assert "8 articles · 9 people · 6 topics · 7 sources · 2024–2025" in page.get_text()
    # Latest added first: a December 2024 story archived in December 2025 leads.
    cards = [h.get_text().rstrip("¶") for h in page.find_all("h3")]
    assert cards[:3] == [
        "EU leaders agree on next year's budget",
        "Zelenskyy calls for tougher sanctions on Moscow",
        "Starmer urges Putin to accept a ceasefire after coalition call",
    ]
    second = page.find_all("h3")[1]
    assert "16 March 2025 · Le Monde · added 17 March 2025" in second.find_next("p").get_text()
    # No stored summary: the card shows the body's lead paragraph.
    lead = "The Ukrainian president asked allies on Sunday to tighten sanctions"
    assert lead in second.find_next("p").find_next("p").get_text()
    by_date = page.find("a", string="by date of publication")
    assert by_date["href"] == "archive/"


def test_article_header_notice_chips_and_copyright(built_site: Path) -> None:
    page = content(built_site, STARMER)
    meta = " ".join(page.select_one(".na-meta").get_text().split())
    assert meta == (
        "15 March 2025 · Added to the archive on 16 March 2025 · The Canadian Press · AP · "
        "By Jill Lawless · London · 1 min read"
    )
    notice = page.select_one(".na-notice")
    assert " ".join(notice.get_text().split()) == (
        "Machine-translated from French · not reviewed · original"
    )
    assert notice.a["href"] == "https://example.fr/starmer-cessez-le-feu"
    chip = page.find("a", class_="na-chip", string="Vladimir Putin")
    assert chip["href"] == "../../../../people/vladimir-putin/"
    assert page.select_one(".na-copyright").get_text() == "© 2025 The Canadian Press"
    toc = [a.get_text().strip() for a in soup(built_site, STARMER).select(".md-nav--secondary a")]
    assert toc == ["Troops to protect the peace", "An unconditional ceasefire"]


def test_reviewed_human_translation_notice(built_site: Path) -> None:
    page = content(built_site, "articles/2025/03/zelenskyy-calls-for-sanctions/index.html")
    assert page.select_one(".na-notice").get_text().strip() == (
        "Translated from Ukrainian · reviewed"
    )


def test_untranslated_german_article_has_lang_and_no_notice(built_site: Path) -> None:
    page = content(built_site, GERMAN)
    assert page.select_one(".na-article")["lang"] == "de"
    notice = page.select_one(".na-notice")
    assert notice.get_text().strip() == "Original article"
    assert jsonld(built_site, GERMAN)["inLanguage"] == "de"
    assert "translationOfWork" not in jsonld(built_site, GERMAN)


def test_related_and_neighbours(built_site: Path) -> None:
    page = content(built_site, STARMER)
    related = [a.get_text() for a in page.select(".na-related a")]
    assert related == [
        "Zelenskyy calls for tougher sanctions on Moscow",
        "Ceasefire talks stall as winter approaches",
        "Macron and Meloni meet in Rome to mend ties",
    ]
    older = page.select_one(".na-neighbours__older")
    newer = page.select_one(".na-neighbours__newer")
    assert older["href"] == "../hostile-markup-in-every-field/"
    assert newer.get_text() == "Zelenskyy calls for tougher sanctions on Moscow →"


def test_jsonld_describes_the_translated_article(built_site: Path) -> None:
    data = jsonld(built_site, STARMER)
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Starmer urges Putin to accept a ceasefire after coalition call"
    assert data["datePublished"] == "2025-03-15"
    assert data["author"] == [{"@type": "Person", "name": "Jill Lawless"}]
    assert data["publisher"] == {"@type": "Organization", "name": "The Canadian Press"}
    assert data["translationOfWork"]["inLanguage"] == "fr"
    assert data["translationOfWork"]["url"] == "https://example.fr/starmer-cessez-le-feu"
    assert data["isBasedOn"] == "https://example.fr/starmer-cessez-le-feu"
    assert [m["name"] for m in data["mentions"]] == [
        "Keir Starmer",
        "Vladimir Putin",
        "Volodymyr Zelenskyy",
    ]
    assert [a["name"] for a in data["about"]] == ["War in Ukraine", "Diplomacy"]


def test_opengraph_tags(built_site: Path) -> None:
    page = soup(built_site, STARMER)
    og = {m["property"]: m["content"] for m in page.select("meta[property]")}
    assert og["og:type"] == "article"
    assert og["og:title"] == "Starmer urges Putin to accept a ceasefire after coalition call"
    assert og["og:url"] == (
        "https://newsarchive.example.org/articles/2025/03/starmer-urges-putin-to-accept-ceasefire/"
    )
    assert og["article:published_time"] == "2025-03-15"


def test_hostile_front_matter_and_body_stay_text(built_site: Path) -> None:
    page = soup(built_site, HOSTILE)
    title = (
        'Hostile <script>alert("title")</script> & </title><img src=x onerror=alert(1)> headline'
    )
    assert page.title.get_text() == f"{title} - newsarchive"
    assert page.select_one(".na-article h1").get_text() == title
    assert jsonld(built_site, HOSTILE)["headline"] == title
    body = page.select_one(".na-body")
    assert body.find("img", src=True) is None
    assert body.find("a", string="javascript link").get("href") is None
    assert body.find("a", string="file link").get("href") is None
    assert body.find("a", string="clickable").attrs == {
        "class": ["note"],
        "href": "https://example.com/safe",
    }
    assert "<div onclick=\"alert('block')\">block html</div>" in body.get_text()


def test_no_page_carries_script_handlers_or_unsafe_links(built_site: Path) -> None:
    unsafe = ("javascript:", "data:", "vbscript:", "file:")
    for path in built_site.rglob("*.html"):
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        for element in page.find_all(True):
            assert not [a for a in element.attrs if a.startswith("on")], (path, element)
            for name in ("href", "src"):
                value = "".join(str(element.get(name, "")).split()).lower()
                assert not value.startswith(unsafe), (path, element)
        for script in page.find_all("script"):
            if script.get("type") != "application/ld+json":
                assert "alert(" not in (script.string or ""), path
        assert not page.find("img", onerror=True)


def test_corrections_are_shown_above_the_text_with_the_page_history(built_site: Path) -> None:
    page = content(built_site, STARMER)
    notice = page.select_one(".na-correction")
    assert notice.find_previous_sibling("header") is not None
    assert " ".join(notice.p.get_text().split()) == (
        "Corrected on 2 April 2025: The second subheading had the Kremlin's reply where "
        "Zelenskyy's words were meant."
    )
    history = "https://github.com/newsarchive/archive/commits/main/docs/articles/2025/03/"
    assert notice.find("a")["href"] == history + "starmer-urges-putin-to-accept-ceasefire.md"
    links = {a.get_text(): a["href"] for a in page.select(".na-source-links a")}
    assert links["Suggest a correction"] == (
        "https://github.com/newsarchive/archive/edit/main/docs/articles/2025/03/"
        "starmer-urges-putin-to-accept-ceasefire.md"
    )
    data = jsonld(built_site, STARMER)
    assert (data["datePublished"], data["dateModified"]) == ("2025-03-15", "2025-04-02")
    assert data["correction"][0]["datePublished"] == "2025-04-02"
    # A minor (typo) correction is recorded in the page, but no notice is shown.
    zelenskyy = "articles/2025/03/zelenskyy-calls-for-sanctions/index.html"
    assert content(built_site, zelenskyy).select_one(".na-correction") is None
    assert jsonld(built_site, zelenskyy)["dateModified"] == "2025-03-16"


def test_an_old_address_redirects_and_is_in_no_sitemap(built_site: Path) -> None:
    old = built_site / "articles/2025/03/starmer-urges-putin-ceasefire/index.html"
    page = BeautifulSoup(old.read_text(encoding="utf-8"), "html.parser")
    new = (
        "https://newsarchive.example.org/articles/2025/03/starmer-urges-putin-to-accept-ceasefire/"
    )
    assert page.find("link", rel="canonical")["href"] == new
    assert page.find("meta", attrs={"http-equiv": "refresh"})["content"] == (
        "0; url=../starmer-urges-putin-to-accept-ceasefire/"
    )
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert "starmer-urges-putin-ceasefire/" not in (built_site / "sitemap.xml").read_text()


def test_feeds_follow_additions_with_dates_categories_and_language(built_site: Path) -> None:
    feed = ET.parse(built_site / "feed.xml").getroot()
    entries = list(feed.iter(f"{ATOM}entry"))
    titles = [e.findtext(f"{ATOM}title") for e in entries]
    assert len(titles) == 8
    # Newest addition first: an old story archived late reaches subscribers.
    assert titles[:3] == [
        "EU leaders agree on next year's budget",
        "Zelenskyy calls for tougher sanctions on Moscow",
        "Starmer urges Putin to accept a ceasefire after coalition call",
    ]
    starmer = entries[2]
    assert starmer.findtext(f"{ATOM}published") == "2025-03-15T00:00:00Z"
    assert starmer.findtext(f"{ATOM}updated") == "2025-04-02T00:00:00Z"
    assert feed.findtext(f"{ATOM}updated") == "2025-12-01T00:00:00Z"
    assert starmer.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
    categories = [(c.get("term"), c.get("label")) for c in starmer.iter(f"{ATOM}category")]
    assert categories == [("ukraine-war", "War in Ukraine"), ("diplomacy", "Diplomacy")]
    # No byline: no made-up author on the entry; the feed's own author stands for it.
    no_byline = entries[0]
    assert no_byline.find(f"{ATOM}author") is None
    assert feed.find(f"{ATOM}author").findtext(f"{ATOM}name") == "newsarchive"
    source = ET.parse(built_site / "sources/le-monde/feed.xml").getroot()
    assert source.findtext(f"{ATOM}title") == "Le Monde · newsarchive"
    person = ET.parse(built_site / "people/vladimir-putin/feed.xml").getroot()
    links = [e.find(f"{ATOM}link").get("href") for e in person.iter(f"{ATOM}entry")]
    assert links == [
        "https://newsarchive.example.org/articles/2025/03/zelenskyy-calls-for-sanctions/",
        "https://newsarchive.example.org/articles/2025/03/starmer-urges-putin-to-accept-ceasefire/",
        "https://newsarchive.example.org/articles/2024/11/ceasefire-talks-stall/",
    ]
    topic = ET.parse(built_site / "topics/elections/feed.xml").getroot()
    assert topic.findtext(f"{ATOM}title") == "Elections · newsarchive"
    assert len(list(topic.iter(f"{ATOM}entry"))) == 2


def test_export_has_one_line_per_article(built_site: Path) -> None:
    lines = (built_site / "archive.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert len(records) == 8
    starmer = next(r for r in records if r["slug"] == "starmer-urges-putin-to-accept-ceasefire")
    assert starmer["path"] == "docs/articles/2025/03/starmer-urges-putin-to-accept-ceasefire.md"
    assert starmer["url"] == "https://example.com/cp/starmer-ceasefire"
    assert starmer["page_url"].endswith(
        "/articles/2025/03/starmer-urges-putin-to-accept-ceasefire/"
    )
    assert starmer["translation"]["from"] == "fr"
    zelenskyy = next(r for r in records if r["slug"] == "zelenskyy-calls-for-sanctions")
    assert zelenskyy["summary"].startswith("The Ukrainian president asked allies on Sunday")


def test_sitemap_gives_each_page_its_last_change(built_site: Path) -> None:
    ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    root = ET.parse(built_site / "sitemap.xml").getroot()
    entries = {u.findtext(f"{ns}loc"): u.findtext(f"{ns}lastmod") for u in root}
    base = "https://newsarchive.example.org/"
    # An article: the day it was added, or its last correction.
    assert entries[base + "articles/2024/11/ceasefire-talks-stall/"] == "2024-11-21"
    assert entries[base + "articles/2025/03/starmer-urges-putin-to-accept-ceasefire/"] == (
        "2025-04-02"
    )
    # A list: the last change of anything in it; a page with none known: no lastmod.
    assert entries[base + "people/vladimir-putin/"] == "2025-04-02"
    assert entries[base + "archive/2024/12/"] == "2025-12-01"
    assert entries[base + "about/"] is None
    assert len([loc for loc in entries if "/articles/" in loc]) == 8
    assert base + "404.html" not in entries


def test_contributing_page_comes_from_the_repository_file(built_site: Path) -> None:
    page = content(built_site, "contributing/index.html")
    assert page.find("h2").get_text() == "Front matter¶"
    assert "Read the README first" in page.get_text()
    # Links relative to the repository lead into it (mkdocs.yml's repo_url).
    readme = "https://github.com/newsarchive/archive/blob/HEAD/README.md"
    assert page.find("a", string="README")["href"] == readme


def test_search_bundle_is_written_in_pieces(built_site: Path) -> None:
    bundle = built_site / "pagefind"
    assert (bundle / "pagefind.js").is_file() and (bundle / "wasm.en.pagefind").is_file()
    manifest = json.loads((bundle / "search.json").read_text())
    assert manifest["filters"] == ["person", "topic", "source", "language", "year"]
    # The fixture site indexes 2 articles a piece (conftest.write_site).
    assert [(p["first"], p["articles"]) for p in manifest["pieces"]] == [
        ("2024-11-06", 2),
        ("2024-12-19", 2),
        ("2025-02-20", 2),
        ("2025-03-15", 2),
    ]
    for piece in manifest["pieces"]:
        entry = json.loads((bundle / piece["path"] / "pagefind-entry.json").read_text())
        assert entry["languages"]["en"]["page_count"] == 2
    filters = json.loads((bundle / "filters.json").read_text())
    assert filters["year"] == {"2024": 3, "2025": 5}


def test_every_page_has_the_search_form(built_site: Path) -> None:
    for page in ("index.html", STARMER, "people/index.html", "about/index.html"):
        form = soup(built_site, page).select_one("form.na-search-form")
        assert form["action"].endswith("search/") and form.input["name"] == "q", page


UNKNOWN_PERSON = """---
title: A page naming someone unknown
slug: unknown-person
date: 2025-01-10
added: 2025-01-11
language: en
people:
- Nobody Known
---

Text.
"""

BAD_DATE = """---
title: A page with a bad date
slug: bad-date
date: 2025-13-40
added: 2025-01-11
language: en
---

Text.
"""


def test_strict_build_fails_on_unknown_person_naming_the_file(tmp_path, build_variant) -> None:
    code, output = build_variant({"2025/01/unknown-person.md": UNKNOWN_PERSON}, "--strict")
    path = tmp_path / "docs/articles/2025/01/unknown-person.md"
    assert code == 1
    assert output.splitlines()[-1] == (
        f"Error: build failed: {path}: unknown person "
        f"'Nobody Known'; add them to {PEOPLE_YML} "
        "or fix the name"
    )


def test_strict_build_fails_on_invalid_front_matter(tmp_path, build_variant) -> None:
    code, output = build_variant({"2025/01/bad-date.md": BAD_DATE}, "--strict")
    assert code == 1
    assert output.splitlines()[-1] == (
        # The same words, at the same line, as newsarchive validate gives.
        f"Error: build failed: {tmp_path / 'docs/articles/2025/01/bad-date.md'}:4: date "
        "2025-13-40 is not a real calendar date; write the publication date as YYYY-MM-DD"
    )


def test_lenient_build_publishes_despite_unknown_person(tmp_path, build_variant) -> None:
    code, output = build_variant({"2025/01/unknown-person.md": UNKNOWN_PERSON})
    assert code == 0, output
    assert (tmp_path / "out/people/nobody-known/index.html").is_file()


def test_shared_nav_links_are_relative_to_each_page(built_site: Path) -> None:
    """Pages outside the nav share one rendering of it per depth and leading folder."""
    expected = {
        STARMER: "../../../../people/",
        GERMAN: "../../../../people/",
        "people/vladimir-putin/index.html": "../",
        "topics/elections/index.html": "../../people/",
        "people/index.html": "./",
    }
    for page, people_href in expected.items():
        html = soup(built_site, page)
        tabs = {a.get_text().strip(): a["href"] for a in html.select(".md-tabs a")}
        side = {a.get_text().strip(): a["href"] for a in html.select(".md-nav--primary a")}
        assert tabs["People"] == side["People"] == people_href, page


def test_feeds_are_discoverable_but_not_taken_for_language_versions(built_site: Path) -> None:
    html = (built_site / "people/vladimir-putin/index.html").read_text(encoding="utf-8")
    feeds = BeautifulSoup(html, "html.parser").select(
        "head > link[rel~=alternate][type='application/atom+xml']"
    )
    assert [link["href"] for link in feeds] == ["../../feed.xml", "feed.xml"]
    # Material fetches a sitemap for each element matching [rel=alternate] exactly.
    assert 'rel="alternate"' not in html.split("</head>")[0]
