"""Bylines from saved pages and pastes: people only, never the newsroom, outlet or place."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsarchive.cleaner import clean
from newsarchive.names import byline_people, split_names
from newsarchive.readers import read_file
from newsarchive.records import RawArticle
from newsarchive.registry import load_registries

FIXTURES = Path(__file__).parent / "fixtures" / "bylines"
REGISTRIES = load_registries()


def cleaned(name: str):
    return clean(read_file(FIXTURES / name), REGISTRIES)


@pytest.mark.parametrize(
    ("fixture", "byline"),
    [
        (
            "byline_element_with_outlet.html",
            ("Greta Lindqvist", "Ole Brandt", "Mira Schulte"),
        ),
        ("byline_element_with_outlet_and_place.html", ("Rosa Delgado",)),
        ("byline_labelled_paragraph_at_the_foot.html", ("Amadou Sissoko",)),
        ("byline_meta_names_more_than_jsonld.html", ("Priya Natarajan", "Tom Ellery")),
        ("byline_newsroom_placeholder.html", ()),
    ],
)
def test_saved_page_bylines(fixture: str, byline: tuple[str, ...]) -> None:
    article = cleaned(fixture)
    assert article.byline == byline
    assert not any(name in article.body() for name in byline)


def test_credit_lines_at_the_foot_leave_the_body() -> None:
    article = cleaned("byline_labelled_paragraph_at_the_foot.html")
    assert "Edition" not in article.body()
    assert article.body().endswith("raconte un éleveur du village de Koundara.")


def test_a_paste_signed_at_the_foot() -> None:
    text = (
        "Port strike ends after three days\n\n"
        "Dock workers returned to work on Friday after the union accepted a new pay offer "
        "from the port authority.\n\n"
        "Ships that had waited offshore began unloading within hours, officials said.\n\n"
        "Author: Lena Horvath"
    )
    raw = RawArticle(path=Path("case.txt"), kind="text", text=text, digest="0")
    article = clean(raw, REGISTRIES)
    assert article.byline == ("Lena Horvath",)
    assert article.removed == ("Author: Lena Horvath",)


def test_metadata_byline_wins_and_an_agency_is_no_author() -> None:
    text = "Port strike ends\n\nBy Someone Printed\n\nDock workers returned to work on Friday."
    raw = RawArticle(
        path=Path("case.html"), kind="html", text=text, digest="0", byline=("AFP", "Ana Ruiz")
    )
    article = clean(raw, REGISTRIES)
    assert article.byline == ("Ana Ruiz",)
    assert article.agency == "Agence France-Presse"


@pytest.mark.parametrize(
    "placeholder",
    ["Redaktion", "Rédaction", "Redazione", "Staff", "News Desk", "Editorial Team", "Редакция"],
)
def test_the_newsroom_is_not_a_person(placeholder: str) -> None:
    assert split_names(f"{placeholder}, Ana Ruiz") == ("Ana Ruiz",)


@pytest.mark.parametrize(
    ("printed", "people"),
    [
        (
            "Von A. Berg, Jan Lukas Kern und Eva Roth, NDR",
            ("A. Berg", "Jan Lukas Kern", "Eva Roth"),
        ),
        ("By Nada Said, City News, New York", ("Nada Said",)),
        ("By Ana Ruiz and Li Wei", ("Ana Ruiz", "Li Wei")),
        ("By continuing to browse you agree", ()),
    ],
)
def test_printed_byline_people(printed: str, people: tuple[str, ...]) -> None:
    assert byline_people(printed) == people
