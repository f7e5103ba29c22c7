"""CONTRIBUTING.md and docs/article.schema.json stay in step with the model."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsarchive.errors import NewsarchiveError
from newsarchive.model import Article, Translation
from newsarchive.reference import BEGIN, END, field_table, reference_files, stale_files

CONTRIBUTING, SCHEMA = reference_files()


def test_generated_reference_is_current() -> None:
    stale = [path.name for path in stale_files(CONTRIBUTING, SCHEMA)]
    assert stale == [], f"{stale} out of date with model.py; run: newsarchive schema --write"


def test_table_has_a_row_per_field_with_its_description() -> None:
    table = field_table()
    for name, info in Article.model_fields.items():
        assert f"| `{info.alias or name}` |" in table
        assert f"| {info.description} |" in table
    for name, info in Translation.model_fields.items():
        assert f"| `translation.{info.alias or name}` |" in table
    assert "| `date` | yes | date, YYYY-MM-DD | Publication date, YYYY-MM-DD |" in table
    assert (
        "| `translation.method` | if translated | one of `machine`, `human`, `post-edited` |"
        in table
    )


def test_published_schema_is_the_model_schema() -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert schema["title"] == "newsarchive article front matter"
    assert set(schema["required"]) == {"title", "slug", "date", "added", "language"}


def test_an_outdated_table_is_reported(tmp_path: Path) -> None:
    contributing = tmp_path / "CONTRIBUTING.md"
    text = CONTRIBUTING.read_text(encoding="utf-8")
    contributing.write_text(text.replace("| `slug` |", "| `old_slug` |"), encoding="utf-8")
    assert stale_files(contributing, SCHEMA) == [contributing]


def test_missing_markers_say_where_the_table_goes(tmp_path: Path) -> None:
    contributing = tmp_path / "CONTRIBUTING.md"
    contributing.write_text("# Contributing\n", encoding="utf-8")
    with pytest.raises(NewsarchiveError) as caught:
        stale_files(contributing, SCHEMA)
    assert str(caught.value) == (
        f"{contributing}: markers not found; put {BEGIN} and {END} around the table"
    )
