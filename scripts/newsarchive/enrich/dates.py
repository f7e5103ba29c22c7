"""The publication date: chosen by precedence, never guessed; a weekday may only confirm it."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from ..errors import InputError
from ..overrides import Overrides
from ..records import CleanArticle

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WEEKDAY_RE = re.compile(r"\b(?:on|last|this)\s+(" + "|".join(WEEKDAYS) + r")\b")
# A lead's weekday is usually the day of publication or the day before; the day after
# covers announcements ("will meet on Tuesday") filed late in the evening.
_PLAUSIBLE_OFFSETS = (-1, 0, 1)


def choose_date(clean: CleanArticle, overrides: Overrides) -> dt.date:
    """The publication date by precedence, or InputError: a wrong day is worse than none.

    The contributor's date, else the page's metadata date, else the text's date line or a
    dateline that carries its year.
    """
    chosen = overrides.date or clean.raw.date or clean.date
    if chosen is None:
        raise InputError(
            "no publication date found; pass --date YYYY-MM-DD or add 'date:' to "
            f"{sidecar_name(clean.raw.path)}",
            clean.raw.path,
        )
    return chosen


def check_weekday(date: dt.date, lead: str | None) -> str | None:
    """A warning when the lead's first 'on <weekday>' cannot fit `date`, else None."""
    match = _WEEKDAY_RE.search(lead or "")
    if match is None:
        return None
    said = WEEKDAYS.index(match.group(1))
    if any((date.weekday() + offset) % 7 == said for offset in _PLAUSIBLE_OFFSETS):
        return None
    return (
        f"the lead says '{match.group(0)}' but {date.isoformat()} is a "
        f"{WEEKDAYS[date.weekday()]}; check the date"
    )


def sidecar_name(path: Path) -> str:
    """The name of the sidecar that could supply missing facts for `path`."""
    return f"{path.stem}.meta.yml"
