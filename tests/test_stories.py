"""One story across its versions: two agencies' versions and a corrected re-paste, ingested
for real, grouped on one story page; every version keeps its own page and address."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import SITE_FIXTURES, run_build, write_site
from newsarchive.frontmatter import loads
from newsarchive.ingest import run_ingest
from newsarchive.model import Article
from newsarchive.validate.run import validate_pages
from newsarchive.website.catalog import Catalog, Entry
from newsarchive.website.stories import group_stories

RAW = Path(__file__).parent / "fixtures" / "stories"
FIRST = "2025/01/fishing-boats-return-to-the-harbour-as-storm-nears-the-coast"
REUTERS = "2025/01/storm-nears-baltic-coast-as-fishing-boats-return-to-harbour"
REPASTE = FIRST + "-2"
STORY = f"stories/{FIRST}/index.html"


def ingest_versions(root: Path) -> Path:
    """The AP story, then Reuters' and a corrected re-paste as its versions; the archive."""
    shutil.copytree(SITE_FIXTURES / "data", root / "data")
    out = root / "articles"

    def ingest(name: str, **flags: bool) -> int:
        return run_ingest([RAW / name], out=out, data_dir=root / "data", jobs=1, **flags)

    assert ingest("ap.txt") == 0
    assert ingest("reuters.txt") == 1  # the duplicate rule: refused, nothing written
    assert ingest("reuters.txt", same_story=True) == 0
    assert ingest("ap_again.txt", same_story=True) == 0
    return out


def test_ingest_records_the_versions_the_duplicate_rule_found(tmp_path: Path) -> None:
    out = ingest_versions(tmp_path)
    pages = sorted(p.relative_to(out).with_suffix("").as_posix() for p in out.rglob("*.md"))
    assert pages == [FIRST, REPASTE, REUTERS]
    stories = {
        address: loads((out / f"{address}.md").read_text(encoding="utf-8"))[0].get("same_story")
        for address in pages
    }
    assert stories == {FIRST: None, REUTERS: [FIRST], REPASTE: [FIRST, REUTERS]}
    assert validate_pages([out], archive=out, data_dir=tmp_path / "data").problems == []


def test_validate_refuses_a_version_that_is_no_page(tmp_path: Path) -> None:
    out = ingest_versions(tmp_path)
    page = out / f"{REUTERS}.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace(f"- {FIRST}", "- 2025/01/no-such-story"), encoding="utf-8")
    messages = [
        problem.message
        for problem in validate_pages([out], archive=out, data_dir=tmp_path / "data").problems
    ]
    assert (
        "same_story '2025/01/no-such-story' is no page of the archive; give the address "
        "(YYYY/MM/slug) of another version of this story"
    ) in messages
    # Undeclared now, the pair is a near duplicate again, with the fix in its message.
    assert any(
        m.startswith("near duplicate of") and m.endswith(f"with 'same_story: [{FIRST}]'")
        for m in messages
    )


def _entry(address: str, **fields: object) -> Entry:
    data = {"title": address, "slug": address.rsplit("/", 1)[1], "date": "2025-01-13"}
    data |= {"added": "2025-01-14", "language": "en", **fields}
    return Entry(Article.model_validate(data), f"articles/{address}.md", f"articles/{address}/")


def test_translations_of_one_original_and_moved_pages_are_one_story() -> None:
    machine = {"from": "fr", "method": "machine"}
    catalog = Catalog.from_entries(
        [
            _entry("2025/01/a", translation={**machine, "original_url": "https://le.fr/x/"}),
            _entry("2025/01/b", translation={**machine, "original_url": "HTTPS://LE.FR/x"}),
            _entry("2025/01/c", url="https://le.fr/x", language="fr"),  # the original itself
            _entry("2025/01/d", moved_from=["2024/12/old-d"]),
            _entry("2025/01/e", same_story=["2024/12/old-d"]),  # named by its old address
            _entry("2025/01/f", same_story=["2025/01/nowhere"]),
            _entry("2025/01/g"),
            _entry("2025/01/h", url="https://news.example/"),  # a front page, no article
            _entry("2025/01/i", url="https://NEWS.example"),
        ]
    )
    stories = group_stories(catalog, "articles")
    grouped = sorted(
        [catalog.entries[p].src_uri.split("/")[-1] for p in members] for members in stories.members
    )
    assert grouped == [["a.md", "b.md", "c.md"], ["d.md", "e.md"]]
    assert sorted(stories.bases) == ["stories/2025/01/a", "stories/2025/01/d"]


@pytest.fixture(scope="module")
def story_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("stories")
    out = ingest_versions(root / "inbox")
    extra = {
        p.relative_to(out).as_posix(): p.read_text(encoding="utf-8") for p in out.rglob("*.md")
    }
    config = write_site(root, extra)
    settings = yaml.safe_load(config.read_text(encoding="utf-8"))
    settings["plugins"][0]["newsarchive"]["data_dir"] = str(root / "inbox" / "data")
    config.write_text(yaml.safe_dump(settings, sort_keys=False), encoding="utf-8")
    code, output = run_build(config, root / "site", "--strict")
    assert code == 0, output
    return root / "site"


def test_one_story_page_lists_the_three_versions(story_site: Path) -> None:
    page = BeautifulSoup((story_site / STORY).read_text(encoding="utf-8"), "lxml")
    content = page.select_one("article.md-content__inner")
    assert "One story, 3 versions in the archive" in content.get_text()
    links = [(a.get_text(), a["href"]) for a in content.select("li > a")]
    assert links == [
        (
            "Fishing boats return to the harbour as storm nears the coast",
            f"../../../../articles/{FIRST}/",
        ),
        (
            "Fishing boats return to the harbour as storm nears the coast",
            f"../../../../articles/{REPASTE}/",
        ),
        (
            "Storm nears Baltic coast as fishing boats return to harbour",
            f"../../../../articles/{REUTERS}/",
        ),
    ]
    assert [p.name for p in (story_site / "stories").rglob("index.html")] == ["index.html"]


def test_each_version_keeps_its_page_and_names_the_others(story_site: Path) -> None:
    for address in (FIRST, REUTERS, REPASTE):
        html = (story_site / "articles" / address / "index.html").read_text(encoding="utf-8")
        note = BeautifulSoup(html, "lxml").select_one(".na-story")
        hrefs = [a["href"] for a in note.select("a")]
        others = {h.rstrip("/").rsplit("/", 1)[1] for h in hrefs[:-1]}
        assert others == {a.rsplit("/", 1)[1] for a in (FIRST, REUTERS, REPASTE) if a != address}
        assert hrefs[-1].endswith(f"stories/{FIRST}/")
        assert note.select("a")[-1].get_text() == "All 3 versions"
    # No page lost or moved: every fixture article is still at its address, and each
    # version is counted once.
    for fixture in (SITE_FIXTURES / "articles").rglob("*.md"):
        address = fixture.relative_to(SITE_FIXTURES / "articles").with_suffix("").as_posix()
        assert (story_site / "articles" / address / "index.html").is_file(), address
    lines = (story_site / "archive.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 11
    assert f"stories/{FIRST}/" in (story_site / "sitemap.xml").read_text(encoding="utf-8")
