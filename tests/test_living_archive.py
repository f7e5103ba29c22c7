"""The archive as a living record, end to end in a scratch git repository (issue 11).

An old story archived today reaches subscribers first; a correction shows on the page, in
JSON-LD, the feed and the sitemap; a moved page fails validation until its old address is
kept, and that address then sends a browser on; a re-paste of an archived article writes
nothing and names the page.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from click.testing import CliRunner

from newsarchive.bench.browser import CHROMIUM, CHROMIUM_ARGS, serve
from newsarchive.cli import cli

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures" / "website"
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
BASE = "https://newsarchive.example.org/"
TODAY = dt.date.today().isoformat()
RAW = """Harbour strike ends after nine days

Lisbon, 4 May 2020

Dock workers in Lisbon returned to work on Monday after their union accepted a pay offer
from the port authority, ending a strike that had held up ships for nine days.

Shipping lines said it would take a week to clear the backlog of containers waiting on the
quays, and the port authority promised to review the shift system with the union by June.
"""
NEW_PAGE = "docs/articles/2020/05/harbour-strike-ends-after-nine-days.md"
CORRECTED = "docs/articles/2025/03/zelenskyy-calls-for-sanctions.md"
MOVED_FROM = "docs/articles/2025/02/macron-meloni-meet-in-rome.md"
MOVED_TO = "docs/articles/2025/02/macron-and-meloni-meet-in-rome.md"


def git(root: Path, *args: str) -> str:
    command = ["git", "-c", "user.name=Test", "-c", "user.email=t@example.org", *args]
    return subprocess.run(command, cwd=root, check=True, capture_output=True, text=True).stdout


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


def build(root: Path) -> Path:
    code, output = run("build", "--strict", "--site-dir", str(root / "site"))
    assert code == 0, output
    return root / "site"


def html(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")


def lastmods(site: Path) -> dict[str, str | None]:
    root = ET.parse(site / "sitemap.xml").getroot()
    return {u.findtext(f"{SITEMAP}loc"): u.findtext(f"{SITEMAP}lastmod") for u in root}


@pytest.fixture
def archive(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The fixture archive as a repository: mkdocs.yml, data/, docs/, committed on main."""
    root = tmp_path / "archive"
    shutil.copytree(FIXTURES / "articles", root / "docs" / "articles")
    shutil.copytree(FIXTURES / "data", root / "data")
    shutil.copy(REPO / "docs" / "about.md", root / "docs" / "about.md")
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    config["plugins"][0]["newsarchive"].update(data_dir="data", search=False)
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "archive")
    monkeypatch.chdir(root)
    yield root


def test_an_old_story_archived_today_comes_first(archive: Path) -> None:
    (archive / "raw.txt").write_text(RAW, encoding="utf-8")
    code, output = run("ingest", "raw.txt", "--from", "pt")
    assert code == 0, output
    front = yaml.safe_load((archive / NEW_PAGE).read_text(encoding="utf-8").split("---")[1])
    assert (front["date"].isoformat(), front["added"].isoformat()) == ("2020-05-04", TODAY)

    site = build(archive)
    feed = ET.parse(site / "feed.xml").getroot()
    first = next(feed.iter(f"{ATOM}entry"))
    assert first.findtext(f"{ATOM}title") == "Harbour strike ends after nine days"
    assert first.findtext(f"{ATOM}published") == "2020-05-04T00:00:00Z"
    assert html(site, "index.html").find("h3").get_text() == (
        "Harbour strike ends after nine days¶"
    )

    # The same article pasted again, spaced differently: nothing written, the page named.
    (archive / "again.txt").write_text(RAW.replace("\n\n", "\n\n\n").replace("  ", " "))
    pages = sorted((archive / "docs" / "articles").rglob("*.md"))
    code, output = run("ingest", "again.txt", "--from", "pt")
    assert code == 1
    assert f"already archived as {NEW_PAGE} (same text)" in output
    assert sorted((archive / "docs" / "articles").rglob("*.md")) == pages


def test_a_correction_shows_everywhere_the_page_is_dated(archive: Path) -> None:
    page = archive / CORRECTED
    text = page.read_text(encoding="utf-8")
    fixed = text.replace("thirty-day ceasefire", "30-day ceasefire")
    page.write_text(fixed, encoding="utf-8")
    code, output = run("validate", "--changed-since", "main")
    assert code == 1
    assert "body changed since main; add a correction" in output

    note = "The ceasefire he asked for was of 30 days, as the original says."
    history = f"updated: {TODAY}\n"
    fixed = fixed.replace("added: 2025-03-17\n", f"added: 2025-03-17\n{history}")
    fixed = fixed.replace(
        "  minor: true\n---", f"  minor: true\n- date: {TODAY}\n  note: {note}\n---"
    )
    page.write_text(fixed, encoding="utf-8")
    code, output = run("validate", "--changed-since", "main")
    assert code == 0, output

    site = build(archive)
    url = "articles/2025/03/zelenskyy-calls-for-sanctions/"
    article = html(site, url + "index.html")
    assert note in article.select_one(".na-correction").get_text()
    data = json.loads(article.find("script", type="application/ld+json").string)
    assert data["dateModified"] == TODAY
    entry = next(
        e
        for e in ET.parse(site / "feed.xml").getroot().iter(f"{ATOM}entry")
        if e.findtext(f"{ATOM}id") == BASE + url
    )
    assert entry.findtext(f"{ATOM}updated") == f"{TODAY}T00:00:00Z"
    assert lastmods(site)[BASE + url] == TODAY


def test_a_moved_page_keeps_its_old_address(archive: Path) -> None:
    git(archive, "mv", MOVED_FROM, MOVED_TO)
    page = archive / MOVED_TO
    text = page.read_text(encoding="utf-8").replace(
        "slug: macron-meloni-meet-in-rome", "slug: macron-and-meloni-meet-in-rome"
    )
    page.write_text(text, encoding="utf-8")
    code, output = run("validate", "--changed-since", "main")
    assert code == 1
    keep = "add 'moved_from: [2025/02/macron-meloni-meet-in-rome]'"
    assert (
        f"{MOVED_TO}:3: {MOVED_FROM} was moved to 2025/02/macron-and-meloni-meet-in-rome.md; "
        f"archived pages never change address: {keep} to {MOVED_TO}, or move it back"
    ) in output.splitlines()

    page.write_text(
        text.replace("---\n\n", "moved_from:\n- 2025/02/macron-meloni-meet-in-rome\n---\n\n", 1),
        encoding="utf-8",
    )
    code, output = run("validate", "--changed-since", "main")
    assert code == 0, output

    site = build(archive)
    old = "articles/2025/02/macron-meloni-meet-in-rome/"
    assert BASE + old not in lastmods(site)
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian chromium is not installed (make browser)")
    playwright = pytest.importorskip("playwright.sync_api")
    with serve(site) as url, playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        tab = browser.new_page()
        tab.goto(url + old)
        tab.wait_for_url(url + "articles/2025/02/macron-and-meloni-meet-in-rome/")
        assert tab.locator(".na-article h1").inner_text() == (
            "Macron and Meloni meet in Rome to mend ties"
        )
        browser.close()
