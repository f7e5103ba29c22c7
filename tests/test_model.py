"""The front-matter contract: what is accepted, refused and written."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from newsarchive import frontmatter
from newsarchive.model import Article, json_schema

BASE = {"title": "A title", "slug": "a-title", "date": "2025-03-15", "language": "en"}


def test_front_matter_leaves_out_empty_fields_and_unreviewed_flag() -> None:
    article = Article.model_validate(
        {**BASE, "translation": {"from": "fr", "method": "machine"}, "people": []}
    )
    assert article.front_matter() == {
        "title": "A title",
        "slug": "a-title",
        "date": article.date,
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


def test_json_schema_names_every_field() -> None:
    schema = json.loads(json_schema())
    assert list(schema["properties"]) == list(Article.model_fields)
    assert schema["additionalProperties"] is False
    assert "from" in schema["$defs"]["Translation"]["properties"]
