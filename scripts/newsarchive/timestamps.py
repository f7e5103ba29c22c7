"""Timestamps, and the publisher's own calendar day behind a timestamp written in UTC.

A page's date is the day its publisher printed. A timestamp with an offset
('2024-11-02T00:30:00+02:00') already says that day, so it is read as written and never
converted. A timestamp in UTC ('Z', '+00:00', 'GMT') says the day in Greenwich, which
near midnight is not the publisher's: the page's own local evidence for the same moment
then decides (a timestamp with the publisher's non-zero offset, the date it prints), and
without any, the day is only taken when no publisher could be on another one.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from .dates import find_date

_DAY_MINUTES = 24 * 60
# Publishers the archive reads sit between UTC-8 (the American west coast) and UTC+3
# (Moscow, Kyiv, Istanbul): a UTC time from 08:00 to 21:00 is the same day for all of them.
_SETTLED_FROM, _SETTLED_UNTIL = 8 * 60, _DAY_MINUTES - 3 * 60
# Every real zone lies between UTC-12 and UTC+14, on a quarter hour.
_OFFSET_MIN, _OFFSET_MAX, _OFFSET_STEP = -12 * 60, 14 * 60, 15
# Two fields of one page give one moment to the second or to the minute: one minute apart
# at most.
_SAME_MOMENT = 1

_CLOCK = re.compile(
    r"(?<![\d:.])T?(?P<h>[01]?\d|2[0-3])\s?[:.hH]\s?(?P<m>[0-5]\d)(?::[0-5]\d(?:[.,]\d+)?)?"
    r"(?:\s*(?P<ampm>[ap])\.?\s?m\b\.?)?"
    r"(?:\s*(?P<zone>z\b|(?:gmt|utc)?\s*[+-]\d\d?(?::?\d\d)?\b|gmt\b|utc\b))?",
    re.IGNORECASE,
)
_OFFSET = re.compile(r"(?P<sign>[+-])(?P<h>\d\d?)(?::?(?P<m>\d\d))?")


@dataclass(frozen=True)
class Stamp:
    """A date as a page gives it: the day written, and the time and zone when given."""

    day: dt.date
    minutes: int | None = None  # time of day, in minutes after midnight
    offset: int | None = None  # minutes east of UTC when the zone is written; 0 is UTC
    printed: bool = False  # shown to readers (page text), not a machine-readable field

    @property
    def utc(self) -> bool:
        """A machine timestamp in UTC: its day need not be the publisher's."""
        return self.offset == 0 and self.minutes is not None and not self.printed

    def clock(self) -> int | None:
        """The wall-clock reading as minutes since 0001-01-01, zone ignored."""
        return None if self.minutes is None else self.day.toordinal() * _DAY_MINUTES + self.minutes

    def moment(self) -> int | None:
        """The moment in UTC as minutes since 0001-01-01, when time and zone are written."""
        clock = self.clock()
        return None if clock is None or self.offset is None else clock - self.offset


def read_stamp(text: str | None, printed: bool = False) -> Stamp | None:
    """The date in `text` with its time of day and zone when written; None without a date."""
    text = text or ""
    found = find_date(text)
    if found is None:
        return None
    day, start, end = found
    rest = text[:start] + " " * (end - start) + text[end:]
    clock = _CLOCK.search(rest)
    if clock is None:
        return Stamp(day, printed=printed)
    hour = int(clock["h"])
    if clock["ampm"]:
        hour = hour % 12 + (12 if clock["ampm"].lower() == "p" else 0)
    return Stamp(day, hour * 60 + int(clock["m"]), _zone(clock["zone"]), printed)


def _zone(text: str | None) -> int | None:
    """Minutes east of UTC for 'Z', 'GMT', '+03:00', 'GMT+2'; None when no zone is written."""
    if not text:
        return None
    offset = _OFFSET.search(text)
    if offset is None:
        return 0  # 'Z', 'GMT', 'UTC'
    minutes = int(offset["h"]) * 60 + int(offset["m"] or 0)
    return -minutes if offset["sign"] == "-" else minutes


def publisher_day(stamp: Stamp, evidence: Iterable[Stamp]) -> dt.date | None:
    """The publisher's own day for `stamp`; None when a UTC timestamp leaves it uncertain.

    Only a machine timestamp in UTC is in question. The first piece of `evidence` (the
    page's other timestamps and printed dates, best first) that describes the same moment
    gives its day; without one, the UTC day stands only between 08:00 and 21:00.
    """
    if not stamp.utc:
        return stamp.day
    for other in evidence:
        if _same_moment(stamp, other):
            return other.day
    return stamp.day if _SETTLED_FROM <= (stamp.minutes or 0) < _SETTLED_UNTIL else None


def same_moment(one: Stamp, other: Stamp) -> bool:
    """Both stamps give a time and zone, and the same moment."""
    first, second = one.moment(), other.moment()
    return first is not None and second is not None and abs(first - second) <= _SAME_MOMENT


def _same_moment(utc: Stamp, other: Stamp) -> bool:
    """`other` is the page's local reading of the UTC moment `utc`."""
    minutes = utc.minutes or 0
    moment = utc.day.toordinal() * _DAY_MINUTES + minutes
    clock = other.clock()
    if not other.printed:  # a machine stamp says something only in the publisher's own zone
        return bool(other.offset) and same_moment(utc, other)
    if clock is not None:  # a printed time: its distance from UTC must be a real zone's offset
        shift = clock - moment
        off_step = abs(shift - round(shift / _OFFSET_STEP) * _OFFSET_STEP)
        return _OFFSET_MIN <= shift <= _OFFSET_MAX and off_step <= _SAME_MOMENT
    # A printed day alone: the same day, or the next or last one where a real zone reaches it.
    days = (other.day - utc.day).days
    return (
        days == 0
        or (days == 1 and minutes + _OFFSET_MAX >= _DAY_MINUTES)
        or (days == -1 and minutes + _OFFSET_MIN < 0)
    )
