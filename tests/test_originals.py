"""The original beside its translation: ingest, validate, alignment, the built page, search.

The pair in tests/fixtures/originals was written for these tests (a German report and an
English version in the manner of a machine translation): the translation splits one
paragraph in two, joins two into one, and leaves one paragraph of the original out.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from click.testing import CliRunner

from conftest import SITE_FIXTURES, run_build, write_site
from newsarchive.align import Row, align
from newsarchive.cli import cli
from newsarchive.frontmatter import loads
from newsarchive.ingest import run_ingest
from newsarchive.validate.run import validate_pages

PAIR = Path(__file__).parent / "fixtures" / "originals"
SLUG = "flood-on-the-oder-frankfurt-prepares-for-the-peak"
PAGE = f"articles/2025/03/{SLUG}/index.html"


def ingest_pair(root: Path) -> tuple[Path, Path]:
    """The fixture pair ingested into root/articles with a copy of the site's registries."""
    if not (root / "data").exists():
        shutil.copytree(SITE_FIXTURES / "data", root / "data")
    code = run_ingest([PAIR], out=root / "articles", data_dir=root / "data", jobs=1)
    assert code == 0
    folder = root / "articles" / "2025" / "03"
    return folder / f"{SLUG}.md", folder / f"{SLUG}.de.md"


# --- alignment ------------------------------------------------------------------------------


def test_alignment_joins_splits_and_leaves_the_left_out_paragraph_alone(tmp_path: Path) -> None:
    article, original = ingest_pair(tmp_path)
    ours = loads(article.read_text(encoding="utf-8"))[1].strip().split("\n\n")
    theirs = loads(original.read_text(encoding="utf-8"))[1].strip().split("\n\n")
    assert align(ours, theirs) == [
        Row((0,), (0,)),
        Row((1, 2), (1,)),  # the translation split the mayor's paragraph
        Row((3,), (2,)),
        Row((), (3,)),  # 1997: not in the translation, shown alone
        Row((4,), (4,)),
        Row((5,), (5, 6)),  # the translation joined the last two
    ]


def test_paragraphs_of_far_different_length_are_never_paired() -> None:
    ours = ["The first paragraph. " * 5, "Short.", "The last paragraph. " * 5]
    theirs = ["Der erste Absatz. " * 6, "Ein sehr langer Absatz, " * 30, "Der letzte Absatz. " * 6]
    rows = align(ours, theirs)
    assert Row((1,), (1,)) not in rows
    assert Row((1,), ()) in rows and Row((), (1,)) in rows


def test_alignment_of_nothing() -> None:
    assert align([], []) == []
    assert align(["Only here."], []) == [Row((0,), ())]
    assert align([], ["Nur hier."] * 50) == [Row((), (j,)) for j in range(50)]


def test_alignment_of_very_unequal_counts_ends() -> None:
    rows = align(["One long paragraph. " * 40], ["Ein Satz."] * 100)
    assert sorted(j for row in rows for j in row.original) == list(range(100))
    assert [i for row in rows for i in row.translation] == [0]


# --- ingest -------------------------------------------------------------------------------


def test_ingest_stores_the_original_beside_the_translation(tmp_path: Path) -> None:
    article, original = ingest_pair(tmp_path)
    front, body = loads(original.read_text(encoding="utf-8"))
    assert set(front) == {"language", "input_sha256"} and front["language"] == "de"
    assert body.startswith("Die Stadt Frankfurt an der Oder hat am Dienstag")
    assert "Jahrhunderthochwasser" in body
    # The headline line went through the cleaner as the article's did: it is the title.
    assert "Hochwasser an der Oder: Frankfurt bereitet" not in body
    data = loads(article.read_text(encoding="utf-8"))[0]
    assert data["translation"]["from"] == "de"
    # Two raw files in the folder, one article: the original is read with it, not alone.
    assert sorted(p.name for p in article.parent.iterdir()) == [original.name, article.name]


def test_a_sidecar_may_not_name_an_original_in_another_folder(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    shutil.copytree(PAIR, inbox)
    sidecar = inbox / "oder_flood.meta.yml"
    text = sidecar.read_text(encoding="utf-8").replace("oder_flood.de.txt", "../secret.txt")
    sidecar.write_text(text, encoding="utf-8")
    (tmp_path / "secret.txt").write_text("Geheim.", encoding="utf-8")
    shutil.copytree(SITE_FIXTURES / "data", tmp_path / "data")
    result = CliRunner().invoke(
        cli,
        ["ingest", str(inbox), "--out", str(tmp_path / "a"), "--data-dir", str(tmp_path / "data")],
    )
    assert result.exit_code == 1
    assert "original '../secret.txt' is not a file in this folder" in result.output
    assert not (tmp_path / "a").exists() or not list((tmp_path / "a").rglob("*.md"))


def test_the_original_flag_needs_a_translation(tmp_path: Path) -> None:
    shutil.copytree(SITE_FIXTURES / "data", tmp_path / "data")
    english = tmp_path / "story.txt"
    english.write_text((PAIR / "oder_flood.txt").read_text(encoding="utf-8"), encoding="utf-8")
    result = CliRunner().invoke(
        cli,
        [
            "ingest", str(english), "--date", "2025-03-18",
            "--original", str(PAIR / "oder_flood.de.txt"),
            "--out", str(tmp_path / "a"), "--data-dir", str(tmp_path / "data"),
        ],
    )  # fmt: skip
    assert result.exit_code == 1
    assert "the article is not a translation; give its language with --from" in result.output
    assert not list((tmp_path / "a").rglob("*.md")) if (tmp_path / "a").exists() else True


# --- validate -----------------------------------------------------------------------------


def _messages(archive: Path, data: Path) -> list[str]:
    report = validate_pages([archive], archive=archive, data_dir=data)
    return [f"{Path(p.path).name}: {p.message}" for p in report.problems]


def test_validate_checks_the_original_with_its_own_model(tmp_path: Path) -> None:
    article, original = ingest_pair(tmp_path)
    archive, data = tmp_path / "articles", tmp_path / "data"
    assert _messages(archive, data) == []
    text = original.read_text(encoding="utf-8")
    original.write_text(text.replace("language: de", "language: de\ntitle: x"), encoding="utf-8")
    assert _messages(archive, data) == [
        f"{original.name}: unknown field 'title'; remove it or use one of: language, input_sha256",
    ]
    original.write_text(text.replace("language: de", "language: fr"), encoding="utf-8")
    assert _messages(archive, data) == [
        f"{original.name}: language 'fr' is not the file name's 'de'; fix one of them"
    ]
    original.write_text(text, encoding="utf-8")
    article.unlink()
    assert _messages(archive, data) == [
        f"{original.name}: original without its article: no readable {SLUG}.md beside it; "
        "add or fix it"
    ]


# --- the built site -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def pair_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture archive plus the ingested pair, built with --strict."""
    root = tmp_path_factory.mktemp("pair")
    article, original = ingest_pair(root / "inbox")
    extra = {f"2025/03/{p.name}": p.read_text(encoding="utf-8") for p in (article, original)}
    config = write_site(root, extra)
    settings = yaml.safe_load(config.read_text(encoding="utf-8"))
    settings["plugins"][0]["newsarchive"]["data_dir"] = str(root / "inbox" / "data")
    config.write_text(yaml.safe_dump(settings, sort_keys=False), encoding="utf-8")
    code, output = run_build(config, root / "site", "--strict")
    assert code == 0, output
    return root / "site"


def test_page_offers_translation_original_and_side_by_side(pair_site: Path) -> None:
    html = BeautifulSoup((pair_site / PAGE).read_text(encoding="utf-8"), "lxml")
    switch = html.select(".na-versions__switch a")
    assert [(a.get_text(), a["href"]) for a in switch] == [
        ("English translation", "#na-versions"),
        ("Original (German)", "#na-original"),
        ("Side by side", "#na-side-by-side"),
    ]
    rows = html.select(".na-aligned .na-pair:not(.na-pair--head)")
    sides = [
        (
            len(row.select(".na-pair__translation > p:not(.na-pair__alone)")),
            len(row.select(".na-pair__original > p:not(.na-pair__alone)")),
        )
        for row in rows
    ]
    assert sides == [(1, 1), (2, 1), (1, 1), (0, 1), (1, 1), (1, 2)]
    alone = rows[3].select_one(".na-pair__original")
    assert alone["lang"] == "de" and "1997" in alone.get_text()
    assert "Not in the translation" in alone.get_text()
    assert rows[0].select_one(".na-pair__translation")["lang"] == "en"
    title = html.select_one(".na-pair__title")
    assert title["lang"] == "de" and title.get_text().startswith("Hochwasser an der Oder")


def test_the_original_is_never_a_second_article(pair_site: Path) -> None:
    assert not (pair_site / "articles" / "2025" / "03" / f"{SLUG}.de").exists()
    assert ".de/" not in (pair_site / "sitemap.xml").read_text(encoding="utf-8")
    lines = (pair_site / "archive.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 9  # the eight fixture articles and the translation
    home = BeautifulSoup((pair_site / "index.html").read_text(encoding="utf-8"), "lxml")
    assert "9 articles" in home.get_text()
    month = [p.read_text(encoding="utf-8") for p in (pair_site / "archive/2025/03").rglob("*.html")]
    assert "4 articles" in month[0]  # three fixture articles of March and the translation
    assert sum(page.count(f"{SLUG}/") for page in month) == 1
    manifest = json.loads((pair_site / "pagefind" / "search.json").read_text(encoding="utf-8"))
    assert sum(piece["articles"] for piece in manifest["pieces"]) == 9
    assert [p["languages"] for p in manifest["pieces"] if "languages" in p] == [["de"]]
    filters = json.loads((pair_site / "pagefind" / "filters.json").read_text(encoding="utf-8"))
    assert "German" not in filters["language"] or filters["language"]["German"] == 1


# --- in Chromium --------------------------------------------------------------------------

SCREENS = Path("/tmp/na15a")


@pytest.fixture(scope="module")
def served(pair_site: Path) -> Iterator[str]:
    from newsarchive.bench.browser import serve

    with serve(pair_site) as url:
        yield url


@pytest.fixture(scope="module")
def chromium() -> Iterator[object]:
    playwright = pytest.importorskip("playwright.sync_api")
    from newsarchive.bench.browser import CHROMIUM, CHROMIUM_ARGS

    if not Path(CHROMIUM).exists():
        pytest.skip("Debian chromium is not installed (make browser)")
    with playwright.sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


def _box(tab: object, selector: str) -> dict[str, float]:
    return tab.locator(selector).first.bounding_box()


@pytest.mark.browser
@pytest.mark.parametrize("script", [True, False], ids=["script", "no-script"])
def test_side_by_side_on_desktop(chromium: object, served: str, script: bool) -> None:
    context = chromium.new_context(
        viewport={"width": 1280, "height": 800}, java_script_enabled=script
    )
    tab = context.new_page()
    tab.goto(served + PAGE.removesuffix("index.html"))
    first = ".na-aligned .na-pair:nth-child(2)"
    assert tab.locator(f"{first} .na-pair__translation").is_visible()
    assert not tab.locator(f"{first} .na-pair__original").is_visible()
    tab.click("text=Side by side")
    translation, original = (
        _box(tab, f"{first} .na-pair__{s}") for s in ("translation", "original")
    )
    assert original["x"] > translation["x"] + translation["width"] - 1  # beside, to the right
    assert abs(original["y"] - translation["y"]) < 2
    alone = tab.locator(".na-pair--original-only .na-pair__original")
    assert (
        alone.is_visible()
        and tab.locator(".na-pair--original-only .na-pair__translation").count() == 0
    )
    if script:
        SCREENS.mkdir(exist_ok=True)
        tab.evaluate("window.scrollTo(0, 0)")
        tab.screenshot(path=str(SCREENS / "side-by-side-desktop.png"), full_page=True)
    tab.click("text=Original (German)")
    assert tab.locator(f"{first} .na-pair__original").is_visible()
    assert not tab.locator(f"{first} .na-pair__translation").is_visible()
    assert tab.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    context.close()


@pytest.mark.browser
def test_phone_shows_one_column_with_a_switch(chromium: object, served: str) -> None:
    context = chromium.new_context(viewport={"width": 390, "height": 844})
    tab = context.new_page()
    tab.goto(served + PAGE.removesuffix("index.html") + "#na-side-by-side")
    first = ".na-aligned .na-pair:nth-child(2)"
    translation, original = (
        _box(tab, f"{first} .na-pair__{s}") for s in ("translation", "original")
    )
    assert original["y"] >= translation["y"] + translation["height"] - 1  # below, one column
    assert abs(original["x"] - translation["x"]) < 2
    assert tab.locator(".na-versions__switch").is_visible()
    assert tab.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    SCREENS.mkdir(exist_ok=True)
    tab.evaluate("window.scrollTo(0, 0)")
    tab.screenshot(path=str(SCREENS / "side-by-side-phone.png"), full_page=True)
    context.close()


@pytest.mark.browser
def test_search_finds_the_original_in_its_own_words(chromium: object, served: str) -> None:
    tab = chromium.new_page()
    tab.goto(served + "search/?q=Jahrhunderthochwasser")
    tab.wait_for_selector(".na-search__result-link", timeout=30_000)
    links = tab.locator(".na-search__result-link")
    assert links.all_inner_texts() == [
        "Hochwasser an der Oder: Frankfurt bereitet sich auf den Scheitel vor"
    ]
    assert links.first.get_attribute("href").endswith(f"{SLUG}/#na-original")
    tab.close()


HOSTILE_TRANSLATION = """---
title: A translation whose original is hostile
slug: a-translation-whose-original-is-hostile
date: 2025-03-10
added: 2025-03-11
language: en
translation:
  from: de
  method: machine
  original_title: <script>alert('title')</script>
---

The first paragraph of the translation.

The second paragraph of the translation.
"""

HOSTILE_ORIGINAL = """---
language: de
---

Der erste Absatz <script>alert('body')</script> der Übersetzung.

Der [zweite](javascript:alert('link')) Absatz <img src=x onerror="alert('img')">.
"""


def test_hostile_original_reaches_no_reader_as_markup(build_variant, tmp_path: Path) -> None:
    folder = "2025/03/a-translation-whose-original-is-hostile"
    code, output = build_variant(
        {f"{folder}.md": HOSTILE_TRANSLATION, f"{folder}.de.md": HOSTILE_ORIGINAL}
    )
    assert code == 0, output
    html = (tmp_path / "out" / "articles" / folder / "index.html").read_text(encoding="utf-8")
    versions = BeautifulSoup(html, "lxml").select_one(".na-versions")
    assert versions is not None
    assert versions.find("script") is None and versions.find("img") is None
    assert not [a for a in versions.find_all("a") if "javascript" in a.get("href", "")]
    assert "<script>alert('title')</script>" in versions.select_one(".na-pair__title").get_text()
    assert "alert('body')" in versions.get_text()  # shown as text
