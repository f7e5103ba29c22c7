"""Benchmark plumbing at tiny sizes: the real ingest, the site projects, the measurements."""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

from newsarchive import frontmatter, synthetic
from newsarchive.bench.ingest import IngestRun, time_ingest
from newsarchive.bench.ingest import render as render_ingest
from newsarchive.bench.measure import folder_bytes, measure
from newsarchive.bench.site import Build, pick_words, write_project
from newsarchive.bench.site import render as render_site
from newsarchive.model import Article


def test_time_ingest_archives_every_synthetic_page(tmp_path: Path) -> None:
    synthetic.write_registries(tmp_path / "data")
    synthetic.write_raw(tmp_path / "html", 6, "html")
    figures = time_ingest(tmp_path / "html", tmp_path / "out", tmp_path / "data", jobs=1)
    assert (figures["archived"], figures["failed"], figures["first_error"]) == (6, 0, None)
    pages = sorted((tmp_path / "out").glob("*/*/*.md"))
    assert len(pages) == 6
    titles = {Article.model_validate(frontmatter.loads(p.read_text())[0]).title for p in pages}
    assert titles == {story.title for story in synthetic.make_stories(6)}


def test_ingest_report_gives_rates_against_targets() -> None:
    runs = [IngestRun("text", 200, 190, 10, 2.0, 120.4, "error: x.txt: no headline found")]
    assert render_ingest(runs, jobs=2).splitlines() == [
        "jobs: 2",
        "",
        "| input | n | archived | failed | seconds | articles/s | target/s | peak MiB |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        "| text | 200 | 190 | 10 | 2.0 | 95.0 | 100 | 120 |",
        "first error (text): error: x.txt: no headline found",
    ]


def test_measure_sees_the_memory_of_a_grandchild() -> None:
    grandchild = "x = bytearray(150 * 1024 * 1024); import time; time.sleep(0.6)"
    child = f"import subprocess, sys; subprocess.run([sys.executable, '-c', {grandchild!r}])"
    measured = measure([sys.executable, "-c", child])
    assert measured.returncode == 0
    assert measured.peak_mib >= 150


def test_write_project_builds_three_views_of_the_same_articles(tmp_path: Path) -> None:
    write_project(tmp_path, 4)
    assert len(list((tmp_path / "docs" / "articles").glob("*/*/*.md"))) == 4
    assert len(list((tmp_path / "floor-docs" / "articles").glob("*/*/*.md"))) == 4
    posts = sorted((tmp_path / "blog-docs" / "blog" / "posts").glob("*.md"))
    assert len(posts) == 4
    floor = yaml.safe_load((tmp_path / "floor.yml").read_text())
    assert (floor["plugins"], floor["nav"], floor["not_in_nav"]) == (
        [],
        ["index.md"],
        "/articles/\n",
    )
    blog = yaml.safe_load((tmp_path / "blog.yml").read_text())
    assert [next(iter(p)) if isinstance(p, dict) else p for p in blog["plugins"]] == [
        "search",
        "tags",
        "blog",
    ]
    meta, _ = frontmatter.loads(posts[0].read_text())
    assert set(meta) == {"date", "categories", "tags"}
    assert folder_bytes(tmp_path / "docs" / "articles") > 4 * 3000


def test_pick_words_finds_a_rare_and_a_common_word() -> None:
    rare, common = pick_words(50)
    bodies = [synthetic.page_body(s).lower() for s in synthetic.make_stories(50)]
    assert sum(rare in body for body in bodies) < 5
    assert sum(common in body for body in bodies) == 50


def test_site_report_gives_ratios_and_marks_skipped_builds() -> None:
    from newsarchive.bench.measure import Measured

    builds = [
        Build(1000, "ours", Measured(6.0, 300.0, 0, ""), 50_000_000),
        Build(1000, "floor", Measured(3.0, 200.0, 0, ""), 20_000_000),
        Build(1000, "pagefind", Measured(1.0, 900.0, 0, ""), 5_000_000),
        Build(1000, "blog", None, 0),
        Build(100000, "ours", Measured(600.0, 900.0, 0, ""), 5_000_000_000),
        Build(100000, "pagefind", None, 0),
    ]
    assert render_site(builds).splitlines()[2:] == [
        "| 1000 | ours | 6.0 | 300 | 50.0 | ours/floor 2.00, ours/(floor+pagefind) 1.50 | ok |",
        "| 1000 | floor | 3.0 | 200 | 20.0 |  | ok |",
        "| 1000 | pagefind | 1.0 | 900 | 5.0 |  | ok |",
        "| 1000 | blog | skipped | | | | |",
        "| 100000 | ours | 600.0 | 900 | 5000.0 | ours/floor —, ours/(floor+pagefind) — | ok |",
        "| 100000 | pagefind | skipped | | | | |",
    ]
