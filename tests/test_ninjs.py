"""Each article's IPTC ninjs document: beside its page, linked from it, in the export, and
valid against the official ninjs 3 schema (../shared/ninjs/)."""

from __future__ import annotations

import datetime as dt
import json
import mimetypes
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from jsonschema import Draft202012Validator, FormatChecker, ValidationError

from newsarchive.model import Article
from newsarchive.ninjs import ninjs_document
from newsarchive.registry import load_registries

SCHEMA = Path("/work/shared/ninjs/ninjs-schema_3.1.json")
FIXTURES = Path(__file__).parent / "fixtures" / "website"
BASE = "https://newsarchive.example.org/"

# jsonschema checks 'uri' and 'date-time' only with optional packages; these say the same.
FORMATS = FormatChecker(formats=())


@FORMATS.checks("uri", raises=ValueError)
def _uri(value: object) -> bool:
    parts = urlsplit(str(value))
    return bool(parts.scheme) and " " not in str(value) and bool(parts.netloc or parts.path)


@FORMATS.checks("date-time", raises=ValueError)
def _date_time(value: object) -> bool:
    text = str(value)
    return "T" in text and dt.datetime.fromisoformat(text.replace("Z", "+00:00")) is not None


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    if not SCHEMA.is_file():
        pytest.skip(f"the ninjs schema is not at {SCHEMA}")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=FORMATS)


def _documents(site: Path) -> dict[str, dict[str, Any]]:
    return {
        path.parent.relative_to(site).as_posix(): json.loads(path.read_text(encoding="utf-8"))
        for path in sorted((site / "articles").rglob("index.ninjs.json"))
    }


def test_every_article_has_a_valid_ninjs_document_linked_from_its_page(
    built_site: Path, validator: Draft202012Validator
) -> None:
    records = (built_site / "archive.jsonl").read_text(encoding="utf-8").splitlines()
    folders = sorted(json.loads(line)["page_url"][len(BASE) : -1] for line in records)
    documents = _documents(built_site)
    assert len(folders) == 8
    assert sorted(documents) == folders  # one per article, none for a redirect
    for folder in folders:
        page = built_site / folder / "index.html"
        document = documents[folder]
        errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(document)]
        assert errors == [], folder
        assert document["uri"] == f"{BASE}{folder}/"
        head = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").head
        links = head.find_all("link", type="application/ninjs+json")
        assert [(link["rel"], link["href"]) for link in links] == [
            (["alternate"], "index.ninjs.json")
        ]


def test_the_schema_check_catches_a_broken_document(validator: Draft202012Validator) -> None:
    # The test above could fail: the schema refuses what ninjs does not allow.
    assert not validator.is_valid({"type": "text"})  # no uri
    assert not validator.is_valid({"uri": "https://a.example/", "headline": "x"})  # unknown key
    assert not validator.is_valid({"uri": "not a uri"})
    assert not validator.is_valid({"uri": "https://a.example/", "versionCreated": "2025-03-01"})


def test_registry_uris_and_iptc_codes(built_site: Path) -> None:
    document = _documents(built_site)["articles/2025/03/zelenskyy-calls-for-sanctions"]
    wikidata = "http://www.wikidata.org/entity/"
    assert document["people"] == [
        {"name": "Volodymyr Zelenskyy", "rel": "mentions", "uri": wikidata + "Q3874799"},
        {"name": "Vladimir Putin", "rel": "mentions", "uri": wikidata + "Q7747"},
    ]
    assert document["organisations"] == [
        {"name": "NATO", "rel": "mentions", "uri": wikidata + "Q7184"},
        {"name": "Kremlin", "rel": "mentions"},
    ]
    assert document["places"] == [
        {"name": "Ukraine", "rel": "mentions", "uri": wikidata + "Q212"},
        {"name": "Moscow", "rel": "mentions"},
    ]
    assert document["subjects"] == [
        {
            "name": "War in Ukraine",
            "rel": "about",
            "literal": "ukraine-war",
            "uri": "http://cv.iptc.org/newscodes/mediatopic/16000000",
        },
        {"name": "Sanctions", "rel": "about", "literal": "sanctions"},
    ]
    assert document["infoSources"] == [
        {"name": "Le Monde", "role": "publisher"},
        {"name": "Olena Petrenko", "role": "translator"},
    ]
    budget = _documents(built_site)["articles/2024/12/eu-leaders-agree-budget"]
    assert budget["infoSources"] == [
        {"name": "Reuters", "role": "publisher", "uri": wikidata + "Q130879"}
    ]


def test_a_translation_points_at_its_original(built_site: Path) -> None:
    documents = _documents(built_site)
    starmer = documents["articles/2025/03/starmer-urges-putin-to-accept-ceasefire"]
    assert starmer["language"] == "en"
    assert starmer["headlines"] == [
        {"role": "main", "value": "Starmer urges Putin to accept a ceasefire after coalition call"}
    ]
    assert starmer["edNote"] == "Machine-translated from French · not reviewed"
    assert starmer["associations"] == [
        {
            "name": "original",
            "rel": "translatedFrom",
            "uri": "https://example.fr/starmer-cessez-le-feu",
            "type": "text",
            "language": "fr",
            "headlines": [
                {"role": "main", "value": "Starmer exhorte Poutine à accepter un cessez-le-feu"}
            ],
            "renditions": [
                {
                    "name": "html",
                    "href": "https://example.fr/starmer-cessez-le-feu",
                    "contentType": "text/html",
                }
            ],
        }
    ]
    # The translation as its publisher (The Canadian Press) shows it.
    assert starmer["renditions"][1]["href"] == "https://example.com/cp/starmer-ceasefire"
    assert {"name": "DeepL", "role": "translator"} in starmer["infoSources"]
    trump = documents["articles/2024/11/trump-wins-presidential-election"]
    assert trump["associations"][0]["uri"] == "https://example.es/trump-gana"
    assert trump["associations"][0]["language"] == "es"
    # Untranslated: no original, and the publisher's page is one of its renditions.
    spiegel = documents["articles/2025/02/bundestag-debattiert-verteidigungshaushalt"]
    assert spiegel["language"] == "de" and "associations" not in spiegel
    assert "edNote" not in spiegel
    assert spiegel["renditions"][1] == {
        "name": "publisher",
        "href": "https://example.de/spiegel/verteidigungshaushalt",
        "contentType": "text/html",
    }
    assert spiegel["contentCreated"] == "2025-02-05T00:00:00Z"
    assert spiegel["firstCreated"] == "2025-02-06T00:00:00Z"


def test_hostile_text_stays_data(built_site: Path) -> None:
    assert mimetypes.guess_type("index.ninjs.json")[0] == "application/json"  # never HTML
    document = _documents(built_site)["articles/2025/03/hostile-markup-in-every-field"]
    assert document["headlines"][0]["value"] == (
        'Hostile <script>alert("title")</script> & </title><img src=x onerror=alert(1)> headline'
    )
    assert document["by"] == '<img src=x onerror=alert("byline")>'
    assert document["infoSources"] == [
        {"name": 'Evil <script>alert("source")</script> Times', "role": "publisher"}
    ]
    raw = (built_site / "articles/2025/03/hostile-markup-in-every-field/index.html").read_text(
        encoding="utf-8"
    )
    head = BeautifulSoup(raw, "html.parser").head
    assert [link["href"] for link in head.find_all("link", type="application/ninjs+json")] == [
        "index.ninjs.json"
    ]


def test_the_export_carries_the_same_document(built_site: Path) -> None:
    lines = (built_site / "archive.jsonl").read_text(encoding="utf-8").splitlines()
    documents = _documents(built_site)
    for record in map(json.loads, lines):
        folder = record["page_url"].removeprefix(BASE).rstrip("/")
        assert record["ninjs"] == documents[folder]


def test_without_a_site_address_the_document_still_has_a_uri(
    validator: Draft202012Validator,
) -> None:
    registries = load_registries(FIXTURES / "data")
    article = Article.model_validate(
        {
            "title": "A text",
            "slug": "a-text",
            "date": dt.date(2025, 3, 1),
            "added": dt.date(2025, 3, 2),
            "language": "en",
            "translation": {"from": "pl", "method": "post-edited"},
            "topics": ["not-in-the-registry"],
        }
    )
    document = ninjs_document(article, registries, "/articles/2025/03/a-text/")
    assert validator.is_valid(document), list(validator.iter_errors(document))
    assert document["uri"] == "urn:newsarchive:2025/03/a-text"
    assert "renditions" not in document
    assert document["associations"][0]["uri"] == "urn:newsarchive:2025/03/a-text#original"
    assert document["subjects"] == [
        {"name": "not-in-the-registry", "rel": "about", "literal": "not-in-the-registry"}
    ]
    assert document["edNote"] == "Machine-translated from Polish and post-edited · not reviewed"
    with pytest.raises(ValidationError):
        validator.validate({**document, "pubStatus": "published"})
