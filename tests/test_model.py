"""The front-matter contract: what is accepted, refused and written."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from newsarchive import frontmatter
from newsarchive.model import Article, json_schema

BASE = {
    "title": "A title",
    "slug": "a-title",
    "date": "2025-03-15",
    "added": "2025-03-16",
    "language": "en",
}


def test_front_matter_leaves_out_empty_fields_and_unreviewed_flag() -> None:
    article = Article.model_validate(
        {**BASE, "translation": {"from": "fr", "method": "machine"}, "people": []}
    )
    assert article.front_matter() == {
        "title": "A title",
        "slug": "a-title",
        "date": article.date,
        "added": article.added,
        "language": "en",
        "translation": {"from": "fr", "method": "machine"},
    }


def test_reviewed_translation_is_written() -> None:
    article = Article.model_validate(
        {**BASE, "translation": {"from": "uk", "method": "human", "reviewed": True}}
    )
    assert article.front_matter()["translation"] == {
        "from": "uk",
        "method": "human",
        "reviewed": True,
    }


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"url": "javascript:alert(1)"}, "url"),
        ({"slug": "../../etc/passwd"}, "slug"),
        ({"slug": "UPPER"}, "slug"),
        ({"language": "english"}, "language"),
        ({"people": ["Keir Starmer", "Keir Starmer"]}, "people"),
        ({"peple": ["Keir Starmer"]}, "peple"),
        ({"translation": {"from": "fr", "method": "guess"}}, "translation.method"),
        ({"date": "2025-02-30"}, "date"),
        ({"added": None}, "added"),
        ({"moved_from": ["articles/2025/03/old.md"]}, "moved_from"),
        ({"corrections": [{"date": "2025-04-01", "note": "two\nlines"}]}, "corrections.0.note"),
    ],
)
def test_invalid_values_are_refused_naming_the_field(change: dict, field: str) -> None:
    with pytest.raises(ValidationError) as info:
        Article.model_validate({**BASE, **change})
    locations = {".".join(str(p) for p in e["loc"]) for e in info.value.errors()}
    assert field in locations


def test_round_trip_is_byte_identical() -> None:
    article = Article.model_validate(
        {
            **BASE,
            "title": "“Good vibrations”: Trump says # not a comment",
            "byline": ["Jill Lawless", "Danica Kirka"],
            "translation": {"from": "fr", "method": "machine", "original_url": "https://x.ca/a"},
            "people": ["Keir Starmer", "Вла́димир Путин"],
            "summary": "yes",
        }
    )
    text = frontmatter.dumps(article.front_matter(), "Body: with colon.\n\n## Sub\n")
    data, body = frontmatter.loads(text)
    again = frontmatter.dumps(Article.model_validate(data).front_matter(), body)
    assert again == text
    assert "summary: 'yes'" in text  # quoted, or YAML 1.1 would read a boolean


@pytest.mark.parametrize(
    ("history", "message"),
    [
        (
            {"corrections": [{"date": "2025-03-01", "note": "Fixed."}]},
            "correction of 2025-03-01 is before the article was added (2025-03-16); "
            "fix the correction's date",
        ),
        (
            {"corrections": [{"date": "2025-04-01", "note": "Fixed the name."}]},
            "updated must be the day of the last correction that is not minor; "
            "write updated: 2025-04-01",
        ),
        (
            {"updated": "2025-04-01"},
            "updated must be the day of the last correction that is not minor; "
            "remove the 'updated' line",
        ),
    ],
)
def test_the_history_dates_must_agree(history: dict, message: str) -> None:
    with pytest.raises(ValidationError) as info:
        Article.model_validate({**BASE, **history})
    assert message in str(info.value)


def test_a_minor_correction_needs_no_updated_and_is_written_without_its_flag_off() -> None:
    corrections = [
        {"date": "2025-04-01", "note": "Typo.", "minor": True},
        {"date": "2025-04-02", "note": "The strike lasted ten days."},
    ]
    article = Article.model_validate({**BASE, "updated": "2025-04-02", "corrections": corrections})
    written = article.front_matter()["corrections"]
    assert [c.get("minor") for c in written] == [True, None]


def test_json_schema_names_every_field() -> None:
    schema = json.loads(json_schema())
    assert list(schema["properties"]) == list(Article.model_fields)
    assert schema["additionalProperties"] is False
    assert "from" in schema["$defs"]["Translation"]["properties"]
