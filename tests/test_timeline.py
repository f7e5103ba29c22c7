"""Timelines: articles per month as a static SVG with a table behind it, on every person, topic
and source page and on the front pages, checked on the built fixture site."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from pathlib import Path

from bs4 import BeautifulSoup, Tag

from newsarchive.website.catalog import Catalog
from newsarchive.website.pages import archive_timeline
from newsarchive.website.timeline import (
    MONTHS,
    Timeline,
    month_name,
    month_number,
    timeline_html,
    with_timeline,
)


def _figure(page: Path) -> Tag | None:
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    return soup.find("figure", class_="na-timeline")


def _table_counts(figure: Tag) -> dict[str, int]:
    """'March 2025' -> count, for every month cell of the table that has a number."""
    table = figure.find("table")
    assert table is not None
    header = [th.get_text() for th in table.thead.find_all("th")]
    assert header == ["Year", *MONTHS, "Total"]
    found: dict[str, int] = {}
    for row in table.tbody.find_all("tr"):
        year = int(row.th.get_text())
        cells = [td.get_text() for td in row.find_all("td")]
        assert len(cells) == 13
        months = {MONTHS[i]: int(c) for i, c in enumerate(cells[:12]) if c}
        assert int(cells[12]) == sum(months.values())
        found |= {
            f"{month_name(month_number(dt.date(year, MONTHS.index(m) + 1, 1)))}": n
            for m, n in months.items()
        }
    return found


def _bars(figure: Tag) -> dict[str, int]:
    """'March 2025' -> count, from the titles of the SVG's bars."""
    svg = figure.find("svg")
    assert svg is not None and svg["aria-hidden"] == "true"
    found = {}
    for rect in svg.find_all("rect"):
        label, count = rect.title.get_text().rsplit(": ", 1)
        found[label] = int(count)
        assert 0 < float(rect["height"]) <= float(svg["height"])
    return found


def _expected(site: Path, key: str, value: str) -> Counter[str]:
    """Articles per month with `value` in the export's `key`, from archive.jsonl."""
    counts: Counter[str] = Counter()
    for line in (site / "archive.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        field = record.get(key)
        values = field if isinstance(field, list) else [field]
        if key == "source":
            values = [record.get("source"), record.get("agency")]
        if value in values or value == "*":
            counts[month_name(month_number(dt.date.fromisoformat(record["date"])))] += 1
    return counts


def test_person_topic_and_source_pages_show_their_months(built_site: Path) -> None:
    for page, key, value in [
        ("people/vladimir-putin/index.html", "people", "Vladimir Putin"),
        ("people/donald-trump/index.html", "people", "Donald Trump"),
        ("topics/diplomacy/index.html", "topics", "diplomacy"),
        ("sources/the-canadian-press/index.html", "source", "The Canadian Press"),
        ("sources/ap/index.html", "source", "AP"),
    ]:
        figure = _figure(built_site / page)
        assert figure is not None, page
        expected = _expected(built_site, key, value)
        assert _bars(figure) == dict(expected), page
        table = _table_counts(figure)
        assert {m: n for m, n in table.items() if n} == dict(expected), page
        # Months between the first and the last without an article read 0, not blank.
        assert len(table) == len(_months_between(min(expected, key=_key), max(expected, key=_key)))


def _key(name: str) -> dt.date:
    return dt.datetime.strptime(name, "%B %Y").date()


def _months_between(first: str, last: str) -> list[int]:
    return list(range(month_number(_key(first)), month_number(_key(last)) + 1))


def test_putin_in_words(built_site: Path) -> None:
    figure = _figure(built_site / "people/vladimir-putin/index.html")
    assert figure is not None
    assert figure.figcaption.get_text() == (
        "Vladimir Putin: 3 articles by month of publication, November 2024 – March 2025; "
        "most in March 2025 (2)"
    )
    assert [span.get_text() for span in figure.find(class_="na-timeline__axis")("span")] == [
        "Nov 2024",
        "Mar 2025",
    ]
    assert figure.details.summary.get_text() == "Articles per month, as a table"
    # A year line where 2025 begins: after November and December 2024.
    lines = figure.svg.find_all("line")
    slot = int(figure.svg["width"]) // 5
    assert [int(line["x1"]) for line in lines] == [2 * slot]


def test_front_page_and_date_archive_show_the_whole_archive(built_site: Path) -> None:
    expected = dict(_expected(built_site, "slug", "*"))
    assert sum(expected.values()) == 8
    for page in ("index.html", "archive/index.html"):
        figure = _figure(built_site / page)
        assert figure is not None, page
        assert _bars(figure) == expected, page
        assert figure.figcaption.get_text().startswith("The whole archive: 8 articles")
        # Before the page's first section.
        section = figure.find_next("h2")
        assert section is not None and figure.find_previous("h2") is None, page


def test_only_the_first_page_of_a_list_has_the_timeline(built_site: Path) -> None:
    pages = sorted((built_site / "archive/2025/page").glob("*/index.html"))
    assert pages, "the fixture archive has a second page of 2025"
    assert all(_figure(page) is None for page in pages)
    assert _figure(built_site / "archive/2025/index.html") is None  # year pages list months


def test_hostile_names_are_text_in_the_chart_and_table(built_site: Path) -> None:
    page = built_site / "sources/evil-script-alert-source-script-times/index.html"
    raw = page.read_text(encoding="utf-8")
    figure = _figure(page)
    assert figure is not None
    name = 'Evil <script>alert("source")</script> Times'
    assert figure.figcaption.get_text().startswith(f"{name}: 1 article by month")
    assert figure.table.caption.get_text() == f"{name}: articles per month"
    assert figure.find("script") is None and "<script>alert" not in raw


def test_timeline_of_counts_every_month_in_between() -> None:
    months = [month_number(dt.date(2024, 11, 5))] * 2 + [month_number(dt.date(2025, 2, 1))]
    timeline = Timeline.of("X", months)
    assert timeline == Timeline("X", month_number(dt.date(2024, 11, 1)), (2, 0, 0, 1))
    assert timeline is not None and timeline.total == 3
    assert Timeline.of("X", []) is None


def test_archive_timeline_comes_from_the_month_index() -> None:
    assert archive_timeline(Catalog.from_entries([])) is None
    catalog = Catalog(months={(2024, 12): [0, 1], (2025, 2): [2]})  # type: ignore[arg-type]
    timeline = archive_timeline(catalog)
    assert timeline == Timeline("The whole archive", month_number(dt.date(2024, 12, 1)), (2, 0, 1))


def test_a_long_timeline_stays_small() -> None:
    # Twenty years of one article a month: the chart narrows its bars, the table has a row a
    # year, and the HTML grows with the months, never with the articles.
    start = month_number(dt.date(2006, 1, 1))
    html = timeline_html(Timeline("Busy", start, (1,) * 240))
    svg = BeautifulSoup(html, "html.parser").svg
    assert int(svg["width"]) == 720 and len(svg.find_all("rect")) == 240
    assert len(BeautifulSoup(html, "html.parser").tbody.find_all("tr")) == 20
    heavy = timeline_html(Timeline("Busy", start, (1000,) * 240))
    assert len(html) < 30_000 and len(heavy) < len(html) * 1.1  # only digits grow


def test_with_timeline_goes_before_the_first_section_or_last() -> None:
    timeline = Timeline("A & B", month_number(dt.date(2025, 1, 1)), (1,))
    at_end = with_timeline("<h1>A</h1><p>x</p>", timeline)
    assert at_end.startswith("<h1>A</h1><p>x</p><figure")
    before = with_timeline("<h1>A</h1><h2 id='s'>S</h2><h2>T</h2>", timeline)
    assert before.index("<figure") < before.index("<h2 id='s'>")
    assert "A &amp; B: 1 article by month of publication, January 2025" in before
