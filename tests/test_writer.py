"""The writer: page paths, canonical text, atomic no-clobber writes, the digest index."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from newsarchive import frontmatter, writer
from newsarchive.errors import InputError
from newsarchive.model import Article

DIGEST = "a" * 64


def make_article(**changes: object) -> Article:
    fields = {
        "title": "Starmer: the ball is in Russia's court",
        "slug": "starmer-ball-russia-court",
        "date": dt.date(2025, 3, 15),
        "added": dt.date(2025, 3, 16),
        "language": "en",
        "input_sha256": DIGEST,
    }
    return Article.model_validate({**fields, **changes})


def test_path_for_uses_year_month_and_slug(tmp_path: Path) -> None:
    path = writer.path_for(make_article(), tmp_path)
    assert path == tmp_path / "2025" / "03" / "starmer-ball-russia-court.md"


def test_render_round_trips_a_title_with_colon_and_quotes() -> None:
    text = writer.render(make_article(), "First paragraph.\n\n## Heading\n\nMore.")
    data, body = frontmatter.loads(text)
    assert Article.model_validate(data) == make_article()
    assert body == "First paragraph.\n\n## Heading\n\nMore.\n"
    assert text.endswith("More.\n")


def test_write_new_refuses_an_existing_name_and_leaves_it_untouched(tmp_path: Path) -> None:
    path = writer.path_for(make_article(), tmp_path)
    assert writer.write_new("first\n", path, tmp_path) is True
    assert writer.write_new("second\n", path, tmp_path) is False
    assert path.read_text() == "first\n"
    assert [p.name for p in path.parent.iterdir()] == [path.name]
    assert list((tmp_path / writer.TEMP_DIR).iterdir()) == []  # no temp file left


def test_replace_swaps_content_atomically(tmp_path: Path) -> None:
    path = writer.path_for(make_article(), tmp_path)
    writer.write_new("old\n", path, tmp_path)
    writer.replace("new\n", path, tmp_path)
    assert path.read_text() == "new\n"
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]
    assert list((tmp_path / writer.TEMP_DIR).iterdir()) == []


def test_sweep_temp_removes_only_old_leftovers(tmp_path: Path) -> None:
    folder = tmp_path / writer.TEMP_DIR
    folder.mkdir()
    (folder / "old.partial").write_text("x")
    os.utime(folder / "old.partial", (0, 0))
    (folder / "fresh.partial").write_text("y")
    writer.sweep_temp(tmp_path)
    assert [p.name for p in folder.iterdir()] == ["fresh.partial"]


def test_a_path_outside_out_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="would fall outside"):
        writer.write_new("x\n", tmp_path.parent / "escape.md", tmp_path)


def test_candidate_paths_number_the_slug_within_80_characters(tmp_path: Path) -> None:
    long_slug = "-".join(["word"] * 16)  # 79 characters
    candidates = writer.candidate_paths(make_article(slug=long_slug), tmp_path)
    slugs = [next(candidates)[0].slug for _ in range(3)]
    assert slugs[0] == long_slug
    assert slugs[1].endswith("-2") and len(slugs[1]) <= 80
    assert slugs[2].endswith("-3") and len(slugs[2]) <= 80
    assert slugs[1] != slugs[2]


def test_index_digests_reads_every_page(tmp_path: Path) -> None:
    one = make_article()
    two = make_article(slug="other", date=dt.date(2024, 1, 2), input_sha256="b" * 64)
    hand_written = make_article(slug="by-hand", input_sha256=None)
    for article in (one, two, hand_written):
        path = writer.path_for(article, tmp_path)
        writer.write_new(writer.render(article, "Body."), path, tmp_path)
    assert writer.index_digests(tmp_path) == {
        "b" * 64: tmp_path / "2024" / "01" / "other.md",
        DIGEST: tmp_path / "2025" / "03" / "starmer-ball-russia-court.md",
    }
