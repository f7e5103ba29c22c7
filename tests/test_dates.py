"""dates.parse_date and dates.is_date_line, table-driven: one printed line, one expected value."""

from __future__ import annotations

import datetime as dt

import pytest

from newsarchive.dates import is_date_line, parse_date

D = dt.date


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
        # other languages
        ("9 avril 2025", D(2025, 4, 9)),
        ("Publié le 1er mai 2025 à 08h15", D(2025, 5, 1)),
        ("Veröffentlicht am 9. März 2025, 10:00 Uhr", D(2025, 3, 9)),
        ("9 de abril de 2025", D(2025, 4, 9)),
        ("Pubblicato il 9 aprile 2025", D(2025, 4, 9)),
        ("9 de março de 2025", D(2025, 3, 9)),
        ("9 квітня 2025 року, 14:32", D(2025, 4, 9)),
        ("9 апреля 2025 г.", D(2025, 4, 9)),
        # no date, or no way to know which one
        ("Updated 3 hours ago", None),
        ("yesterday", None),
        ("04/09/2025", None),  # 4 September or April 9: never guessed
        ("31.02.2025", None),
        ("April 9", None),
        ("The ceasefire held for 30 days.", None),
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
        ("Associated Press November 19, 2019, 9:02 AM", False),
        ("The meeting on 9 May 2025 was long.", False),
        ("Starmer said on Saturday that talks would go on.", False),
        ("2019", False),
        ("", False),
    ],
)
def test_is_date_line(line: str, expected: bool) -> None:
    assert is_date_line(line) is expected
