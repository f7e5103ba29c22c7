"""A published page's history: `added` stays, and every change of substance is recorded.

Compares a page that was already archived with the same page at the merge base. A change
to its body or its facts needs a new `corrections` entry (`minor: true` for a typo fix);
tags, `provisional` and confirming a provisional title need none. Old corrections are the
page's history and stay as written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from ..duplicates import normalise
from ..errors import PageError
from ..frontmatter import loads
from .yamltraps import FrontMatter

# What the article says and where it came from: changing any of these is a correction.
FACTS = (
    "title",
    "date",
    "source",
    "url",
    "agency",
    "byline",
    "dateline",
    "language",
    "translation",
    "summary",
    "copyright",
)


def _plain(value: Any) -> Any:
    # Empty and false values mean the same as an absent field (the writer leaves them out).
    if isinstance(value, dict):
        return {
            key: _plain(item) for key, item in value.items() if item not in (None, [], "", False)
        }
    return None if value in ([], "", False) else value


def _entries(value: Any) -> list[Any]:
    # Corrections compared by what they say: a missing 'minor' is minor: false.
    if not isinstance(value, list):
        return []
    return [
        {**item, "minor": item.get("minor", False)} if isinstance(item, dict) else item
        for item in value
    ]


def _day(value: Any) -> bool:
    # YAML reads 2025-06-02 as a date and 2025-06-02 10:00 as a datetime (not a day).
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)


def _listed(names: list[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def _changed(old: dict[str, Any], old_body: str, front: FrontMatter) -> list[str]:
    # The facts and the body that differ, in file order; confirming a provisional title is
    # no change of substance.
    assert front.data is not None
    confirmed = "title" in (old.get("provisional") or [])
    changed = [
        name
        for name in FACTS
        if _plain(old.get(name)) != _plain(front.data.get(name))
        and not (name == "title" and confirmed)
    ]
    return [*changed, "body"] if normalise(old_body) != normalise(front.body) else changed


def _unrecorded(
    changed: list[str],
    fresh: list[tuple[int, Any]],
    front: FrontMatter,
    ref: str,
    since: dt.date,
    day: dt.date,
) -> Iterator[tuple[int, str]]:
    # A change of substance needs a correction the old page did not have, dated from `since`.
    if not fresh:
        line = front.line_of((changed[0],)) if changed[0] != "body" else front.body_line
        yield (
            line,
            f"{_listed(changed)} changed since {ref}; add a correction: "
            f"corrections: [{{date: {day}, note: what changed}}] (and updated: {day}), "
            "or minor: true for a typo fix",
        )
        return
    dates = [entry.get("date") if isinstance(entry, dict) else None for _, entry in fresh]
    if not any(_day(date) and date >= since for date in dates):
        yield (
            front.line_of(("corrections", fresh[-1][0], "date")),
            f"the new correction is dated before this change ({ref} is of {since}); "
            f"date it the day of the change: date: {day}",
        )


def check_history(
    old_text: str, front: FrontMatter, ref: str, since: dt.date, today: dt.date
) -> list[tuple[int, str]]:
    """(line, message) for each way the page's edit since `ref` breaks its history.

    `since` is the day of the merge base: a new correction is dated on or after it.
    `today` is the day suggested for a correction the page lacks.
    """
    assert front.data is not None
    try:
        old, old_body = loads(old_text)
    except PageError:
        return []  # the old page could not be read; nothing to compare with
    found = []
    if "added" in old and front.data.get("added") != old["added"]:
        found.append(
            (
                front.line_of(("added",)),
                "added is the day the page entered the archive and never changes; "
                f"write added: {old['added']}",
            )
        )
    before, after = _entries(old.get("corrections")), _entries(front.data.get("corrections"))
    for entry in before:
        if entry not in after:
            what = f"of {entry.get('date')} " if isinstance(entry, dict) else ""
            found.append(
                (
                    front.line_of(("corrections",)),
                    f"the correction {what}was removed or changed; earlier corrections are the "
                    f"page's history: restore it as it was in {ref}",
                )
            )
    changed = _changed(old, old_body, front)
    if changed:
        fresh = [(index, entry) for index, entry in enumerate(after) if entry not in before]
        found.extend(_unrecorded(changed, fresh, front, ref, since, max(today, since)))
    return found
