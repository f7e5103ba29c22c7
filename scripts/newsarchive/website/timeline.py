"""Articles per month as a small static chart: an SVG made at build time, with its numbers
in a table behind it, readable without JavaScript.

A Timeline is plain data (the counts of one list, from its first month with an article to its
last), so an incremental build can compare it; the HTML is made only for the page showing it,
and its size grows with the months covered, never with the number of articles.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from markupsafe import escape

NAMES = ("January", "February", "March", "April", "May", "June", "July", "August")
NAMES += ("September", "October", "November", "December")
MONTHS = tuple(name[:3] for name in NAMES)
HEIGHT = 48  # px, the chart's drawing height
WIDTH = 720  # px the chart aims at; each month gets a whole number of them, 3 to 48


def month_number(date: dt.date) -> int:
    """Months since year 0: consecutive months are consecutive numbers."""
    return date.year * 12 + date.month - 1


def month_name(number: int) -> str:
    """'March 2025' for a month_number."""
    year, month = divmod(number, 12)
    return f"{NAMES[month]} {year}"


@dataclass(frozen=True)
class Timeline:
    """What one list holds per month: its label and counts from its first month on."""

    label: str  # whose articles: a person's or source's name, a topic's label
    start: int  # month_number of the first month
    counts: tuple[int, ...]  # one per month, first to last; both ends are not zero

    @classmethod
    def of(cls, label: str, months: Iterable[int]) -> Timeline | None:
        """The timeline of articles in these months (one month_number each), None if none."""
        found = Counter(months)
        if not found:
            return None
        start, end = min(found), max(found)
        return cls(label, start, tuple(found[m] for m in range(start, end + 1)))

    @property
    def total(self) -> int:
        return sum(self.counts)


def timeline_html(timeline: Timeline) -> str:
    """The chart (SVG, hidden from screen readers), its caption, and the table behind it."""
    counts, start = timeline.counts, timeline.start
    slot = max(3, min(48, WIDTH // len(counts)))
    width, peak = slot * len(counts), max(counts)
    busiest = start + counts.index(peak)
    label = escape(timeline.label)
    articles = "article" if timeline.total == 1 else "articles"
    span = (
        month_name(start)
        if len(counts) == 1
        else f"{month_name(start)} – {month_name(start + len(counts) - 1)}"
    )
    caption = (
        f"{label}: {timeline.total} {articles} by month of publication, {span}; "
        f"most in {month_name(busiest)} ({peak})"
    )
    marks = []
    for index, count in enumerate(counts):
        month = start + index
        x = index * slot
        if month % 12 == 0 and index:  # a year begins
            marks.append(f'<line x1="{x}" y1="0" x2="{x}" y2="{HEIGHT}"/>')
        if count:
            height = max(2, round(count / peak * HEIGHT))
            marks.append(
                f'<rect x="{x}" y="{HEIGHT - height}" width="{max(1, slot - 1)}" '
                f'height="{height}"><title>{month_name(month)}: {count}</title></rect>'
            )
    svg = (
        f'<svg class="na-timeline__chart" aria-hidden="true" focusable="false" '
        f'viewBox="0 0 {width} {HEIGHT}" width="{width}" height="{HEIGHT}" '
        f'preserveAspectRatio="none">{"".join(marks)}</svg>'
    )
    ends = {_short(start): None, _short(start + len(counts) - 1): None}  # one for one month
    axis = "".join(f"<span>{end}</span>" for end in ends)
    plot = f'{svg}<div class="na-timeline__axis" aria-hidden="true">{axis}</div>'
    return (
        f'<figure class="na-timeline"><div class="na-timeline__plot">{plot}</div>'
        f"<figcaption>{caption}</figcaption>"
        f"<details><summary>Articles per month, as a table</summary>"
        f'<div class="na-timeline__scroll">{_table(timeline)}</div></details></figure>'
    )


def _short(number: int) -> str:
    year, month = divmod(number, 12)
    return f"{MONTHS[month]} {year}"


def _table(timeline: Timeline) -> str:
    """A year a row, a month a column: empty outside the timeline, 0 for a month without."""
    counts, start = timeline.counts, timeline.start
    end = start + len(counts) - 1
    head = "".join(f'<th scope="col">{name}</th>' for name in MONTHS)
    rows = []
    for year in range(start // 12, end // 12 + 1):
        cells, total = [], 0
        for month in range(year * 12, year * 12 + 12):
            if start <= month <= end:
                count = counts[month - start]
                total += count
                cells.append(f"<td>{count}</td>")
            else:
                cells.append("<td></td>")
        rows.append(f'<tr><th scope="row">{year}</th>{"".join(cells)}<td>{total}</td></tr>')
    return (
        f'<table class="na-timeline__table">'
        f"<caption>{escape(timeline.label)}: articles per month</caption>"
        f'<thead><tr><th scope="col">Year</th>{head}<th scope="col">Total</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def with_timeline(content: str, timeline: Timeline) -> str:
    """A page's HTML with the timeline before its first section (<h2>), else at its end.

    The page heads are ours: contributed text in them is escaped and cannot make an <h2>.
    """
    html = timeline_html(timeline)
    at = content.find("<h2")
    return content + html if at < 0 else content[:at] + html + content[at:]
