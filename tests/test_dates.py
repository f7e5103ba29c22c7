"""Dates: printed lines (dates.py), timestamps and the publisher's day (timestamps.py), and
saved pages in tests/fixtures/dates read, cleaned and enriched whole."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from newsarchive import cleaner
from newsarchive.dates import MONTHS, is_date_line, is_update_line, parse_date
from newsarchive.enrich.dates import choose_date
from newsarchive.errors import InputError
from newsarchive.overrides import Overrides
from newsarchive.readers import read_file
from newsarchive.records import CleanArticle
from newsarchive.registry import Registries, load_registries
from newsarchive.timestamps import Stamp, publisher_day, read_stamp

D = dt.date
FIXTURES = Path(__file__).parent / "fixtures" / "dates"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Published on 9 May 2025 at 14:32", D(2025, 5, 9)),
        ("April 9, 2025 10:14 AM GMT+2", D(2025, 4, 9)),
        ("2025-04-09", D(2025, 4, 9)),
        ("2020-04-10T23:30:00-05:00", D(2020, 4, 10)),
        ("09.04.2025", D(2025, 4, 9)),
        ("Updated: Wednesday 9 April 2025", D(2025, 4, 9)),
        ("Mar 15, 2025", D(2025, 3, 15)),
        ("Nov. 19, 2019", D(2019, 11, 19)),
        ("November 18th, 2019 at 11:04 a.m.", D(2019, 11, 18)),
        ("20 Nov, 2019 05:47", D(2019, 11, 20)),
        ("26-FEB-1987 15:01:01.79", D(1987, 2, 26)),
        ("11/13/19 at 4:00 PM EST", D(2019, 11, 13)),
        ("13/11/2019", D(2019, 11, 13)),
        ("11.14.2019 09:00 AM", D(2019, 11, 14)),
        ("2025年4月9日", D(2025, 4, 9)),
        # US month-first with a day over 12, any separator; day-first dots stay day-first
        ("11/28/2024", D(2024, 11, 28)),
        ("11-28-2024", D(2024, 11, 28)),
        ("Posted 11/28/2024 9:15 AM", D(2024, 11, 28)),
        ("28/11/2024", D(2024, 11, 28)),
        ("28.11.2024 09:15", D(2024, 11, 28)),
        ("19.2.2020 16:20", D(2020, 2, 19)),
        # a timestamp keeps the day it is written in, whatever its offset
        ("2024-11-02T00:30:00+02:00", D(2024, 11, 2)),
        ("2024-11-01T23:30:00-05:00", D(2024, 11, 1)),
        ("Sat, 02 Nov 2024 00:30:00 +0200", D(2024, 11, 2)),
        ("Tue Aug 25 2020 00:23:33 GMT+0000 (Coordinated Universal Time)", D(2020, 8, 25)),
        ("Tue Jan 28 15:28:56 CET 2020", D(2020, 1, 28)),
        # other languages
        ("9 avril 2025", D(2025, 4, 9)),
        ("Publié le 1er mai 2025 à 08h15", D(2025, 5, 1)),
        ("Veröffentlicht am 9. März 2025, 10:00 Uhr", D(2025, 3, 9)),
        ("9 de abril de 2025", D(2025, 4, 9)),
        ("Pubblicato il 9 aprile 2025", D(2025, 4, 9)),
        ("9 de março de 2025", D(2025, 3, 9)),
        ("9 квітня 2025 року, 14:32", D(2025, 4, 9)),
        ("9 апреля 2025 г.", D(2025, 4, 9)),
        ("19 sierpnia 2020, 5:16", D(2020, 8, 19)),
        ("28 listopada 2024 r.", D(2024, 11, 28)),
        ("3 maart 2024", D(2024, 3, 3)),
        ("28 november 2024 om 14:05", D(2024, 11, 28)),
        ("28. listopadu 2024", D(2024, 11, 28)),
        ("5. června 2024", D(2024, 6, 5)),
        ("5. července 2024", D(2024, 7, 5)),
        ("28 noiembrie 2024", D(2024, 11, 28)),
        ("28 augusti 2024 kl. 09.15", D(2024, 8, 28)),
        ("28 Kasım 2024", D(2024, 11, 28)),
        ("28 KASIM 2024", D(2024, 11, 28)),
        ("5 Şubat 2024 Pazartesi", D(2024, 2, 5)),
        ("19. helmikuuta 2020", D(2020, 2, 19)),
        ("28 Νοεμβρίου 2024", D(2024, 11, 28)),
        ("28 ΝΟΕΜΒΡΙΟΥ 2024", D(2024, 11, 28)),
        ("28 ноември 2024", D(2024, 11, 28)),
        ("2024. november 28.", D(2024, 11, 28)),
        ("28 fevrier 2024", D(2024, 2, 28)),  # accents dropped
        # no date, or no way to know which one
        ("Updated 3 hours ago", None),
        ("yesterday", None),
        ("04/09/2025", None),  # 4 September or April 9: never guessed
        ("04-09-2025", None),
        ("11/12/24", None),
        ("13/13/2024", None),
        ("11/31/2024", None),
        ("31.02.2025", None),
        ("April 9", None),
        ("The ceasefire held for 30 days.", None),
        # ordinary words between a number and a year are not months
        ("He scored 3 goals in 2024.", None),
        ("Gate 5 mart 2024", D(2024, 3, 5)),  # Turkish "mart" is March: only beside a day
        ("Room 12, maja 2024 edition", None),
        ("Section 28 of the 2024 act", None),
        ("3 Maja 2024", D(2024, 5, 3)),  # Polish: "3 May"
    ],
)
def test_parse_date(line: str, expected: dt.date | None) -> None:
    assert parse_date(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Published on 9 May 2025 at 14:32", True),
        ("Updated: Wednesday 9 April 2025", True),
        ("November 19, 2019 / 12:21 AM / Updated 14 hours ago", True),
        ("Updated 10:01 pm PST, Tuesday, November 19, 2019", True),
        ("Updated 3 hours ago", True),
        ("7 minute(s) ago", True),
        ("4 hours ( s) ago", True),
        ("yesterday", True),
        ("5:53 PM", True),
        ("Опубліковано 9 квітня 2025 року", True),
        ("Opublikowano: środa, 19 sierpnia 2020 r., 05:16", True),
        ("Gepubliceerd op 3 maart 2024 om 14:05", True),
        ("Perşembe, 28 Kasım 2024", True),
        ("11/28/2024 9:15 AM", True),
        ("Stand: 28.04.2020 18:00 Uhr", True),
        ("9 апреля 2025 г.", True),
        ("Associated Press November 19, 2019, 9:02 AM", False),
        ("The meeting on 9 May 2025 was long.", False),
        ("Starmer said on Saturday that talks would go on.", False),
        ("2019", False),
        ("", False),
    ],
)
def test_is_date_line(line: str, expected: bool) -> None:
    assert is_date_line(line) is expected


def test_month_names_fold_to_one_month_each() -> None:
    """An accent-free or case-folded spelling never names two months (Croatian is out)."""
    assert MONTHS["listopad"] == 11 and MONTHS["kasim"] == 11 and MONTHS["fevrier"] == 2


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Updated: 2 November 2024", True),
        ("Aktualisiert: 11.04.2020, 10:27", True),
        ("Stand: 28.04.2020 18:00 Uhr", False),
        ("Published 2 November 2024", False),
    ],
)
def test_is_update_line(line: str, expected: bool) -> None:
    assert is_update_line(line) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-11-02T00:30:00+02:00", Stamp(D(2024, 11, 2), 30, 120)),
        ("2020-08-25T00:23:33.312Z", Stamp(D(2020, 8, 25), 23, 0)),
        ("2019-12-30T05:03-0500", Stamp(D(2019, 12, 30), 303, -300)),
        ("Tue Aug 25 2020 00:23:33 GMT+0000", Stamp(D(2020, 8, 25), 23, 0)),
        ("April 9, 2025 10:14 AM GMT+2", Stamp(D(2025, 4, 9), 614, 120)),
        ("Mon 20 Jan 2020 06.05 GMT", Stamp(D(2020, 1, 20), 365, 0)),
        ("19.10.2019, 23:38 Uhr", Stamp(D(2019, 10, 19), 1418)),
        ("Published: 12:05am, 20 Jan, 2020", Stamp(D(2020, 1, 20), 5)),
        ("Publié le jeudi 24 décembre 2020 à 07h47", Stamp(D(2020, 12, 24), 467)),
        ("2020-03-23", Stamp(D(2020, 3, 23))),
        ("1600633920", None),
    ],
)
def test_read_stamp(text: str, expected: Stamp | None) -> None:
    assert read_stamp(text) == expected


def printed(text: str) -> Stamp:
    stamp = read_stamp(text, printed=True)
    assert stamp is not None
    return stamp


def machine(text: str) -> Stamp:
    stamp = read_stamp(text)
    assert stamp is not None
    return stamp


@pytest.mark.parametrize(
    ("stamp", "evidence", "expected"),
    [
        # a timestamp with an offset, or none, is the publisher's day as written
        ("2024-11-02T00:30:00+02:00", [], D(2024, 11, 2)),
        ("2024-11-01T23:30:00", [], D(2024, 11, 1)),
        # UTC in the middle of the day: the same day from UTC-8 to UTC+3
        ("2024-11-01T12:00:00Z", [], D(2024, 11, 1)),
        # UTC near midnight with nothing local: refused, not guessed
        ("2024-11-01T23:30:00Z", [], None),
        ("2024-08-25T00:23:33Z", [machine("2024-08-25T00:23:33+00:00")], None),
        ("2024-08-25T00:23:33Z", [machine("2024-08-25T00:23")], None),  # no zone, no word
        # the publisher's own offset for the same moment
        ("2024-11-01T23:30:00Z", [machine("2024-11-02T00:30:00+01:00")], D(2024, 11, 2)),
        ("2024-08-25T00:23:00Z", [machine("2024-08-24T20:23:00-04:00")], D(2024, 8, 24)),
        ("2024-11-01T23:30:00Z", [machine("2024-11-02T09:00:00+01:00")], None),  # another moment
        # the printed date and time: a real zone's distance from UTC
        ("2024-11-01T23:30:00Z", [printed("02.11.2024, 00:30 Uhr")], D(2024, 11, 2)),
        ("2024-11-01T23:30:00Z", [printed("01.11.2024, 23:30")], D(2024, 11, 1)),
        ("2024-11-01T23:30:00Z", [printed("02.11.2024, 00:47")], None),
        # the printed day alone: the same, next or last day where a zone reaches it
        ("2024-11-01T23:30:00Z", [printed("2 November 2024")], D(2024, 11, 2)),
        ("2024-11-02T03:00:00Z", [printed("1 November 2024")], D(2024, 11, 1)),
        ("2024-11-02T03:00:00Z", [printed("5 November 2024")], None),
        ("2024-11-01T15:00:00Z", [printed("31 October 2024")], D(2024, 11, 1)),
    ],
)
def test_publisher_day(stamp: str, evidence: list[Stamp], expected: dt.date | None) -> None:
    assert publisher_day(machine(stamp), evidence) == expected


@pytest.fixture(scope="module")
def registries() -> Registries:
    return load_registries()


def clean_fixture(name: str, registries: Registries) -> CleanArticle:
    return cleaner.clean(read_file(FIXTURES / name), registries)


def page_date(name: str, registries: Registries, given: Overrides | None = None) -> dt.date:
    """The date ingest would write for a fixture: read, cleaned, chosen by precedence."""
    return choose_date(clean_fixture(name, registries), given or Overrides())


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # JSON-LD in UTC, the page prints the next local day under the headline
        ("html_utc_stamp_printed_local_day.html", D(2024, 11, 2)),
        # <meta> in UTC, a <time> for the same moment shows the local day
        ("html_utc_time_element_printed_local_day.html", D(2024, 11, 2)),
        # an offset timestamp half an hour after local midnight keeps its own day
        ("html_offset_stamp_after_midnight.html", D(2024, 11, 2)),
        # the site's "today" line in the page header is not the article's date
        ("html_site_today_line_above_headline.html", D(2020, 4, 27)),
        # pastes: a date line month-first, a dateline that carries its year
        ("date_line_us_month_first.txt", D(2024, 11, 28)),
        ("dateline_with_year_ansa.txt", D(2024, 11, 28)),
        ("dateline_with_year_dpa.txt", D(2024, 11, 28)),
    ],
)
def test_page_date(name: str, expected: dt.date, registries: Registries) -> None:
    assert page_date(name, registries) == expected


@pytest.mark.parametrize(
    "name",
    [
        "html_utc_stamp_near_midnight_no_local_day.html",
        # a revision's date the next day says nothing of the first version's day
        "html_utc_stamp_updated_next_day.html",
    ],
)
def test_utc_stamp_near_midnight_with_no_local_day_is_refused(
    name: str, registries: Registries
) -> None:
    with pytest.raises(InputError, match="no publication date found"):
        page_date(name, registries)


def test_dateline_without_a_year_gives_no_date(registries: Registries) -> None:
    article = clean_fixture("dateline_without_year_gives_no_date.txt", registries)
    assert (article.dateline, article.agency, article.date) == ("Hamburg", "Reuters", None)
    with pytest.raises(InputError, match="no publication date found"):
        page_date("dateline_without_year_gives_no_date.txt", registries)


@pytest.mark.parametrize(
    ("name", "dateline", "agency", "lead"),
    [
        ("dateline_with_year_ansa.txt", "Rome", "ANSA", "Italy and Slovenia agreed on Thursday"),
        (
            "dateline_with_year_dpa.txt",
            "Berlin",
            "Deutsche Presse-Agentur",
            "The Senate wants to build",
        ),
    ],
)
def test_dateline_with_a_year_is_cut_from_the_lead(
    name: str, dateline: str, agency: str, lead: str, registries: Registries
) -> None:
    article = clean_fixture(name, registries)
    assert (article.dateline, article.agency) == (dateline, agency)
    assert (article.lead() or "").startswith(lead)
    assert article.removed[-1].startswith(dateline.upper() + ", ")


def test_contributor_date_wins_over_a_dateline(registries: Registries) -> None:
    given = Overrides(date=D(2024, 11, 29))
    assert page_date("dateline_with_year_ansa.txt", registries, given) == D(2024, 11, 29)
