"""Search in the preview: a change is findable without a full build (the delta index).

The preview's pages are checked byte for byte in test_preview.py; here the search page, in
Chromium, finds an added article, finds an edited one by its new words only, and no longer
finds a deleted one, after one incremental refresh and its background delta index.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from conftest import write_site
from newsarchive.bench.browser import CHROMIUM, CHROMIUM_ARGS, serve
from newsarchive.website.preview import Preview

playwright_api = pytest.importorskip("playwright.sync_api")
pytestmark = [pytest.mark.browser, pytest.mark.slow]

ADDED = """---
title: Quokka census counts record numbers
slug: quokka-census-counts-record-numbers
date: 2025-04-02
added: 2026-01-05
language: en
topics:
- diplomacy
---

Rangers on the island counted more quokkas than in any year since the census began.
"""


@pytest.fixture
def preview(tmp_path: Path) -> Iterator[Preview]:
    config = write_site(tmp_path)
    data = yaml.safe_load(config.read_text(encoding="utf-8"))
    options = data["plugins"][0]["newsarchive"]
    shutil.copytree(options["data_dir"], tmp_path / "data")
    options.update(data_dir="data", search=True)
    config.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    preview = Preview(config, tmp_path / "preview")
    preview.build()
    yield preview


def search(page: object, base_url: str, word: str) -> list[str]:
    page.goto(f"{base_url}search/?q={word}")
    status = page.locator(".na-search__status")
    page.wait_for_function(
        "/ for |failed/.test(document.querySelector('.na-search__status').textContent)",
        timeout=30_000,
    )
    assert "failed" not in status.inner_text(), status.inner_text()
    page.wait_for_load_state("networkidle")
    return page.locator(".na-search__result-link").all_inner_texts()


def test_added_edited_and_deleted_articles_are_searched_as_they_now_are(
    preview: Preview, tmp_path: Path
) -> None:
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian chromium is not installed (make browser)")
    articles = tmp_path / "docs" / "articles"
    ceasefire = articles / "2024/11/ceasefire-talks-stall.md"
    ceasefire_title = "Ceasefire talks stall as winter approaches"
    with (
        serve(tmp_path / "preview") as base_url,
        playwright_api.sync_playwright() as p,
    ):
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        assert search(page, base_url, "Meloni") == ["Macron and Meloni meet in Rome to mend ties"]
        assert search(page, base_url, "hydroponics") == [ceasefire_title]

        (articles / "2025/04").mkdir(parents=True, exist_ok=True)
        (articles / "2025/04/quokka-census-counts-record-numbers.md").write_text(ADDED, "utf-8")
        text = ceasefire.read_text(encoding="utf-8")
        ceasefire.write_text(text.replace("hydroponics", "vermiculture"), encoding="utf-8")
        (articles / "2025/02/macron-meloni-meet-in-rome.md").unlink()
        assert preview.refresh().kind == "incremental"
        preview.wait_for_search()

        bundle = tmp_path / "preview" / "pagefind"
        manifest = json.loads((bundle / "search.json").read_text(encoding="utf-8"))
        assert manifest["delta"]["path"] == "delta/"
        assert "/articles/2025/02/macron-meloni-meet-in-rome/" in manifest["delta"]["replaced"]
        assert (bundle / "delta" / "pagefind-entry.json").is_file()

        assert search(page, base_url, "quokkas") == ["Quokka census counts record numbers"]
        assert search(page, base_url, "vermiculture") == [ceasefire_title]
        assert search(page, base_url, "hydroponics") == []  # the old text is in a piece
        assert search(page, base_url, "Meloni") == []
        browser.close()
