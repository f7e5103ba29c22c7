"""A fork publishes at its own address: `build --site-url` (from the Pages settings, in
pages.yml) replaces mkdocs.yml's site_url in canonical links, feeds and the sitemap."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from conftest import REPO, run_build, write_site

pytestmark = pytest.mark.slow

FORK = "https://someone.github.io/archive/"


def test_the_site_url_given_is_the_one_published(tmp_path: Path) -> None:
    code, output = run_build(write_site(tmp_path), tmp_path / "site", "--site-url", FORK)
    assert code == 0, output
    site = tmp_path / "site"
    configured = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"]
    for name in ("sitemap.xml", "feed.xml", "index.html"):
        text = (site / name).read_text(encoding="utf-8")
        assert FORK in text, name
        assert configured not in text, name
    assert f'<link rel="canonical" href="{FORK}about/">' in (site / "about/index.html").read_text()


def test_a_site_url_must_be_a_web_address(tmp_path: Path) -> None:
    code, output = run_build(write_site(tmp_path), tmp_path / "site", "--site-url", "fork.io")
    assert code == 2
    assert "--site-url 'fork.io' must start with https:// or http://" in output


def test_pages_builds_with_the_address_from_configure_pages() -> None:
    workflow = yaml.safe_load((REPO / ".github/workflows/pages.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["build"]["steps"]
    (pages,) = [i for i, s in enumerate(steps) if "configure-pages" in s.get("uses", "")]
    (build,) = [i for i, s in enumerate(steps) if "build --strict" in s.get("run", "")]
    assert steps[pages]["id"] == "pages" and pages < build
    assert steps[build]["env"] == {"SITE_URL": "${{ steps.pages.outputs.base_url }}"}
    assert steps[build]["run"] == 'newsarchive build --strict --site-url "${SITE_URL%/}/"'
