"""Shared fixtures: a real archive site built once per session from tests/fixtures/website."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from newsarchive.cli import cli

REPO = Path(__file__).resolve().parents[1]
SITE_FIXTURES = REPO / "tests" / "fixtures" / "website"
REPO_DATA = REPO / "data"  # the archive's vocabularies, as tests start from them


def write_site(root: Path, extra_articles: dict[str, str] | None = None) -> Path:
    """A site tree in `root`: the repo's mkdocs.yml and about page, fixture articles and data.

    Listings are cut to 3 per page so that pagination shows with eight articles, and the
    search index to 2 articles per piece so that queries cross pieces.
    """
    docs = root / "docs"
    shutil.copytree(SITE_FIXTURES / "articles", docs / "articles")
    shutil.copy(REPO / "docs" / "about.md", docs / "about.md")
    shutil.copy(SITE_FIXTURES / "CONTRIBUTING.md", root / "CONTRIBUTING.md")
    for relative, text in (extra_articles or {}).items():
        path = docs / "articles" / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    options = config["plugins"][0]["newsarchive"]
    options.update(data_dir=str(SITE_FIXTURES / "data"), page_size=3, search_piece_size=2)
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return root / "mkdocs.yml"


def run_build(config: Path, site_dir: Path, *flags: str) -> tuple[int, str]:
    """`newsarchive build` through the CLI; returns (exit code, output)."""
    args = ["build", *flags, "--config-file", str(config), "--site-dir", str(site_dir)]
    result = CliRunner().invoke(cli, args)
    return result.exit_code, result.output


@pytest.fixture
def build_variant(tmp_path: Path):
    """Build the fixture archive plus extra articles: (extra, *flags) -> (code, output)."""

    def build(extra_articles: dict[str, str], *flags: str) -> tuple[int, str]:
        return run_build(write_site(tmp_path, extra_articles), tmp_path / "out", *flags)

    return build


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture archive built with `newsarchive build --strict`; returns the site dir."""
    root = tmp_path_factory.mktemp("site")
    site = root / "site"
    code, output = run_build(write_site(root), site, "--strict")
    assert code == 0, output
    return site


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A scratch folder with a private copy of the registries (ingest may append to them)."""
    shutil.copytree(REPO / "data", tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture(scope="module")
def base_url(built_site: Path) -> Iterator[str]:
    """The built fixture site on a local HTTP server, random port."""
    from newsarchive.bench.browser import serve

    with serve(built_site) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """Debian's Chromium through Playwright, one per test module."""
    from newsarchive.bench.browser import CHROMIUM, CHROMIUM_ARGS

    playwright_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian chromium is not installed (make browser)")
    with playwright_api.sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()
