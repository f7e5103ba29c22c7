"""Which page of a duplicate pair is reported: the one that entered the archive later.

The original stays; the copy is the page to remove. Pages are ordered by `added`, then by
the commit that first added the file (a file git has not seen yet is the newest), then by
path. In a pull request, a page it adds is newer than every page already archived,
whatever its `added` says.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Iterable, Mapping
from pathlib import Path
from typing import Any

from .changed import first_commits


def _day(value: Any) -> dt.date | None:
    return value if isinstance(value, dt.date) and not isinstance(value, dt.datetime) else None


def later_pages(
    pairs: Iterable[tuple[Path, Path]],
    added: Mapping[Path, Any],
    shown: Callable[[Path], str],
    new: Collection[Path] = (),
) -> dict[tuple[Path, Path], Path]:
    """For each pair of pages, the one added later.

    `added` holds each page's `added` value as read (anything not a date is unknown);
    `new` holds pages a pull request adds. git is asked once, for the pairs that
    neither tells apart.
    """
    decided: dict[tuple[Path, Path], Path] = {}
    tied = []
    for pair in pairs:
        a, b = pair
        day_a, day_b = _day(added.get(a)), _day(added.get(b))
        if (a in new) != (b in new):
            decided[pair] = a if a in new else b
        elif day_a is not None and day_b is not None and day_a != day_b:
            decided[pair] = a if day_a > day_b else b
        else:
            tied.append(pair)
    commits = first_commits(path for pair in tied for path in pair)
    never = float("inf")  # not committed yet: the newest of all
    for pair in tied:
        decided[pair] = max(pair, key=lambda path: (commits.get(path, never), shown(path)))
    return decided
