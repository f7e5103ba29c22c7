"""The published Contributing page, built from the real CONTRIBUTING.md: each procedure is one
numbered list, and every command or file example is a code block (Python-Markdown needs four
spaces to continue a list item, eight for a code block inside one)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import REPO, run_build, write_site

pytestmark = pytest.mark.slow

GUIDE = REPO / "CONTRIBUTING.md"
STEPS = "Adding an article, step by step"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture archive built with the repository's own CONTRIBUTING.md."""
    root = tmp_path_factory.mktemp("contributing")
    config = write_site(root)
    shutil.copy(GUIDE, root / "CONTRIBUTING.md")
    code, output = run_build(config, root / "site", "--strict")
    assert code == 0, output
    return root / "site"


@pytest.fixture(scope="module")
def page(site: Path) -> BeautifulSoup:
    html = (site / "contributing" / "index.html").read_text(encoding="utf-8")
    return BeautifulSoup(html, "lxml").select_one("article")


def steps_in_the_guide() -> list[str]:
    section = GUIDE.read_text(encoding="utf-8").split(f"## {STEPS}\n")[1].split("\n## ")[0]
    titles = re.findall(r"^\d+\. \*\*(.+?)\*\*", section, flags=re.M)
    return [title.replace("`", "") for title in titles]


def test_the_steps_are_one_numbered_list(page: BeautifulSoup) -> None:
    heading = page.find("h2", id="adding-an-article-step-by-step")
    assert heading is not None
    lists = []
    for sibling in heading.find_next_siblings():
        if sibling.name == "h2":
            break
        lists += [sibling] if sibling.name == "ol" else sibling.find_all("ol")
    (steps,) = lists
    items = steps.find_all("li", recursive=False)
    titles = [item.find("strong").get_text() for item in items]
    assert titles == steps_in_the_guide()
    assert len(titles) == 8
    assert titles[0] == "Fork and clone"


def test_every_command_is_a_code_block(page: BeautifulSoup) -> None:
    blocks = [pre.get_text() for pre in page.select("pre code")]
    for command in [
        "git clone https://github.com/YOUR-NAME/ARCHIVE.git\ncd ARCHIVE\n",
        "pipx install .\nuv tool install .\n",
        "git switch -c add-starmer-ceasefire\n",
        "newsarchive ingest inbox/starmer.txt --date 2025-03-15 --from fr --method machine\n",
        "newsarchive validate --changed-since main\n",
        "git push -u origin add-starmer-ceasefire\n",
        "- name: Volodymyr Zelenskyy\n",
        "updated: 2025-06-02\ncorrections:\n",
    ]:
        assert any(command in block for block in blocks), command
    # No command is left as a paragraph: a line of text, outside code, starting with one.
    prose = "".join(s for s in page.find_all(string=True) if s.parent.name not in ("code", "a"))
    assert not re.search(r"^\s*(newsarchive|git|pipx|uv) [a-z-]+", prose, flags=re.M)


def test_no_procedure_for_contributors_needs_make_or_a_venv_path() -> None:
    guide = GUIDE.read_text(encoding="utf-8")
    steps = guide.split(f"## {STEPS}\n")[1].split("\n## ")[0]
    assert ".venv" not in guide.replace("`.venv/`", "")  # only the developers' note names it
    assert "make" not in re.findall(r"\w+", steps)


# Counted in the page Chromium shows: the ordered lists after the steps' heading, up to the next
# heading of its level, their items, and whether every command block is laid out as a block.
IN_CHROMIUM = """() => {
  const heading = document.getElementById('adding-an-article-step-by-step');
  const lists = [];
  for (let node = heading.nextElementSibling; node && node.tagName !== 'H2';
       node = node.nextElementSibling) {
    if (node.tagName === 'OL') lists.push(node);
  }
  const blocks = [...lists[0].querySelectorAll(':scope > li > pre > code')];
  return {
    lists: lists.length,
    items: lists[0].querySelectorAll(':scope > li').length,
    numbers: getComputedStyle(lists[0]).listStyleType,
    blocks: blocks.map((code) => getComputedStyle(code.parentElement).display !== 'inline'),
    first: blocks[0].innerText,
  };
}"""


@pytest.mark.browser
def test_chromium_shows_one_numbered_list_with_its_commands_in_blocks(site: Path) -> None:
    playwright_api = pytest.importorskip("playwright.sync_api")
    from newsarchive.bench.browser import CHROMIUM, CHROMIUM_ARGS, serve

    if not Path(CHROMIUM).exists():
        pytest.skip("Debian chromium is not installed (make browser)")
    with serve(site) as url, playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        tab = browser.new_page(viewport={"width": 1280, "height": 800})
        tab.goto(f"{url}contributing/")
        seen = tab.evaluate(IN_CHROMIUM)
        browser.close()
    assert seen == {
        "lists": 1,
        "items": 8,
        "numbers": "decimal",
        "blocks": [True] * 7,  # steps 1, 2, 3, 5 (two), 7 and 8
        "first": "git clone https://github.com/YOUR-NAME/ARCHIVE.git\ncd ARCHIVE\n",
    }
