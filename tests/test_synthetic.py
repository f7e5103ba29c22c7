"""The synthetic news generator shared by the ingest and site benchmarks."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

from newsarchive import frontmatter, readers, synthetic
from newsarchive.model import Article
from newsarchive.registry import load_registries


def test_same_seed_gives_same_stories_and_another_seed_does_not() -> None:
    assert synthetic.make_stories(5, seed=3) == synthetic.make_stories(5, seed=3)
    assert synthetic.make_stories(5, seed=3) != synthetic.make_stories(5, seed=4)


def test_stories_have_the_reference_shape() -> None:
    names = set(synthetic.people_names())
    topics = {slug for slug, _ in synthetic.TOPICS}
    assert (len(names), len(topics)) == (400, 17)
    for story in synthetic.make_stories(60):
        words = sum(len(text.split()) for kind, text in story.blocks if kind == "p")
        headings = sum(1 for kind, _ in story.blocks if kind == "h")
        assert 500 <= words <= 700 + 70, story.index  # the last paragraph may overshoot
        assert headings in (2, 3)
        assert 1 <= len(story.people) <= 4 and set(story.people) <= names
        assert 1 <= len(story.topics) <= 3 and set(story.topics) <= topics
        assert dt.date(2015, 1, 1) <= story.date <= dt.date(2025, 12, 31)


def test_stories_are_added_on_or_after_publication_mostly_the_same_week() -> None:
    stories = synthetic.make_stories(2000)
    delays = [(story.added - story.date).days for story in stories]
    assert min(delays) == 0 and all(s.added <= dt.date(2025, 12, 31) for s in stories)
    assert 0.75 < sum(delay < 7 for delay in delays) / len(delays) < 0.95
    assert sum(delay > 180 for delay in delays) > 100  # archived long after publication
    # The latest added are not the latest published: feeds and "Latest" must tell them apart.
    by_added = sorted(stories, key=lambda s: (s.added, s.index))[-20:]
    by_date = sorted(stories, key=lambda s: (s.date, s.index))[-20:]
    assert len({s.index for s in by_added} & {s.index for s in by_date}) < 10


def test_people_follow_a_zipf_distribution() -> None:
    names = synthetic.people_names()
    counts = Counter(p for story in synthetic.make_stories(2000) for p in story.people)
    # Zipf with s=1: rank 1 is drawn 200 times as often as rank 200, ten times rank 10.
    assert counts[names[0]] > 10 * max(counts[name] for name in names[200:])
    assert counts[names[0]] > counts[names[9]] > counts[names[99]]


def test_write_raw_text_gives_one_sidecar_per_paste_with_its_date(tmp_path: Path) -> None:
    written = synthetic.write_raw(tmp_path, 4, "text")
    stories = synthetic.make_stories(4)
    assert [p.name for p in written] == ["00000.txt", "00001.txt", "00002.txt", "00003.txt"]
    assert len(list(tmp_path.glob("*.meta.yml"))) == 4
    overrides = readers.read_sidecar(readers.sidecar_for(written[2]))
    assert (overrides.date, overrides.method) == (stories[2].date, "machine")
    text = written[2].read_text(encoding="utf-8")
    assert stories[2].title in text.splitlines()


def test_write_raw_html_dates_two_pages_in_three_and_sidecars_the_rest(tmp_path: Path) -> None:
    written = synthetic.write_raw(tmp_path, 6, "html")
    assert sorted(p.name for p in tmp_path.glob("*.meta.yml")) == [
        "00000.meta.yml",
        "00003.meta.yml",
    ]
    assert "article:published_time" not in written[0].read_text(encoding="utf-8")
    raw = readers.read_file(written[1])
    story = synthetic.make_stories(2)[1]
    assert (raw.title, raw.date) == (story.title, story.date)


def test_write_archive_pages_parse_as_articles(tmp_path: Path) -> None:
    written = synthetic.write_archive(tmp_path, 5)
    assert len(written) == 5 == len(list(tmp_path.glob("*/*/*.md")))
    story = synthetic.make_stories(5)[0]
    data, body = frontmatter.loads(written[0].read_text(encoding="utf-8"))
    article = Article.model_validate(data)
    assert (article.title, article.date, article.added, article.people) == (
        story.title,
        story.date,
        story.added,
        list(story.people),
    )
    assert sum(line.startswith("## ") for line in body.splitlines()) in (2, 3)


def test_write_registries_cover_every_synthetic_name(tmp_path: Path) -> None:
    synthetic.write_registries(tmp_path)
    registries = load_registries(tmp_path)
    assert len(registries.people) == 400 and len(registries.topics) == 17
    story = synthetic.make_stories(1)[0]
    assert set(story.people) <= set(registries.people)
    assert registries.source_named(story.source) is not None
