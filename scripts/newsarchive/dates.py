"""Dates as news sites print them: one line in, one calendar date (or None) out.

Only absolute dates are read. Relative ones ("3 hours ago", "yesterday") depend on
when the page was saved, so they are furniture: is_date_line() says True and
parse_date() says None. A date that could be read two ways (04/09/2025) is None
too: the ingest then asks for --date instead of guessing.
"""

from __future__ import annotations

import datetime as dt
import re

# Month names and common abbreviations in en, fr, de, es, it, pt, uk, ru (Slavic
# languages print the genitive: "9 квітня 2025"). Accents are optional where sites drop them.
_MONTH_NAMES: dict[int, tuple[str, ...]] = {
    1: ("january", "jan", "janvier", "janv", "januar", "jänner", "enero", "ene", "gennaio",
        "gen", "janeiro", "січень", "січня", "январь", "января", "янв"),
    2: ("february", "feb", "février", "fevrier", "févr", "fevr", "févr", "februar", "febrero",
        "febbraio", "fevereiro", "fev", "лютий", "лютого", "февраль", "февраля", "фев"),
    3: ("march", "mar", "mars", "märz", "maerz", "mär", "mrz", "marzo", "março", "marco",
        "березень", "березня", "март", "марта"),
    4: ("april", "apr", "avril", "avr", "abril", "abr", "aprile", "квітень", "квітня",
        "апрель", "апреля", "апр"),
    5: ("may", "mai", "mayo", "maggio", "mag", "maio", "травень", "травня", "май", "мая"),
    6: ("june", "jun", "juin", "juni", "junio", "giugno", "giu", "junho", "червень", "червня",
        "июнь", "июня"),
    7: ("july", "jul", "juillet", "juil", "juli", "julio", "luglio", "lug", "julho", "липень",
        "липня", "июль", "июля"),
    8: ("august", "aug", "août", "aout", "agosto", "ago", "серпень", "серпня", "август",
        "августа", "авг"),
    9: ("september", "sep", "sept", "septembre", "septiembre", "setiembre", "settembre", "set",
        "setembro", "вересень", "вересня", "сентябрь", "сентября", "сен"),
    10: ("october", "oct", "octobre", "oktober", "okt", "octubre", "ottobre", "ott", "outubro",
         "out", "жовтень", "жовтня", "октябрь", "октября"),
    11: ("november", "nov", "novembre", "noviembre", "novembro", "листопад", "листопада",
         "ноябрь", "ноября", "ноя"),
    12: ("december", "dec", "décembre", "decembre", "déc", "dezember", "dez", "diciembre", "dic",
         "dicembre", "dezembro", "грудень", "грудня", "декабрь", "декабря", "дек"),
}  # fmt: skip
MONTHS: dict[str, int] = {name: num for num, names in _MONTH_NAMES.items() for name in names}

_MONTH = "(?P<month>" + "|".join(sorted(map(re.escape, MONTHS), key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|er|º|\.)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
# Tried in order; the first that yields a real calendar date wins.
_PATTERNS = [
    re.compile(rf"(?<!\d){_YEAR}-(?P<m>[01]?\d)-(?P<d>[0-3]?\d)(?!\d)"),
    re.compile(rf"(?<!\d){_YEAR}/(?P<m>[01]?\d)/(?P<d>[0-3]?\d)(?!\d)"),
    re.compile(rf"(?<!\d){_YEAR}\s*年\s*(?P<m>[01]?\d)\s*月\s*(?P<d>[0-3]?\d)\s*日"),
    re.compile(
        rf"(?<![\w]){_DAY}[\s\-/]*(?:de\s+)?{_MONTH},?[\s\-/]*(?:de\s+|del\s+)?{_YEAR}(?!\d)",
        re.IGNORECASE,
    ),
    re.compile(rf"(?<![\w]){_MONTH}\s+{_DAY},?\s+{_YEAR}(?!\d)", re.IGNORECASE),
]
# All-numeric day and month: order decided by which one is > 12, else the separator's convention.
_NUMERIC = re.compile(
    r"(?<![\d.])(?P<a>[0-3]?\d)(?P<sep>[./-])(?P<b>[01]?\d)(?P=sep)(?P<y>\d{4}|\d\d)(?![\d])"
)

_TIME = (
    r"(?<![\w])T?\d{1,2}(?:[:.h]\d\d){1,2}(?:\.\d+)?(?:\s*[ap]\.?\s?m\b\.?)?(?:[+-]\d\d:?\d\d|Z)?"
    r"|\b\d{1,2}\s*[ap]\.?m\b\.?"
)
_ZONE = r"(?:gmt|utc|cet|cest|eet|eest|bst|msk|ist|[ecmp][sd]t|z)(?:\s*[+-]\s*\d{1,2}(?::?\d\d)?)?"
_MARKERS = (
    "published|updated|posted|last updated|modified|first published|date|on|at|and|"
    "publié|publie|mis à jour|le|à|veröffentlicht|aktualisiert|zuletzt|am|um|uhr|stand|"
    "publicado|actualizado|el|a las|pubblicato|aggiornato|il|alle|atualizado|em|às|"
    "опубліковано|оновлено|опубликовано|обновлено|о|в|року|года|г"
)
_WEEKDAYS = (
    "monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thurs|fri|"
    "sat|sun|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|montag|dienstag|mittwoch|"
    "donnerstag|freitag|samstag|sonntag|lunes|martes|miércoles|jueves|viernes|sábado|domingo|"
    "lunedì|martedì|mercoledì|giovedì|venerdì|sabato|segunda-feira|terça-feira|quarta-feira|"
    "quinta-feira|sexta-feira|понеділок|вівторок|середа|четвер|пʼятниця|п'ятниця|субота|"
    "неділя|понедельник|вторник|среда|четверг|пятница|суббота|воскресенье"
)
_RELATIVE = re.compile(
    # "3 hours ago", and the plural-hedging "7 minute(s) ago" of machine translation
    r"\b(?:\d+|an?|one|few)\s+(?:sec(?:ond)?s?|min(?:ute)?s?|h(?:ou)?rs?|days?|weeks?|months?)"
    r"(?:\s?\(\s?s\))?\s+ago\b|\bjust now\b|\byesterday\b|\btoday\b|\bil y a \d+|\bvor \d+\s+\w+|"
    r"\bhace \d+|"
    r"\bhier\b|\baujourd'hui\b|\bgestern\b|\bheute\b|\bayer\b|\bhoy\b|\bieri\b|\boggi\b|"
    r"\bontem\b|\bhoje\b|\bвчора\b|\bсьогодні\b|\bвчера\b|\bсегодня\b",
    re.IGNORECASE,
)
_TIME_RE = re.compile(_TIME, re.IGNORECASE)
_LEFTOVER = re.compile(
    rf"(?:\b(?:{_MARKERS}|{_WEEKDAYS})\b|{_ZONE}\b|[\s,|/•·:;()\[\]–—-]+)", re.IGNORECASE
)
_DATE_LINE_MAX = 120


def _year(text: str) -> int:
    year = int(text)
    if year < 100:  # two-digit years in "11/13/19" are recent ones
        year += 2000 if year <= dt.date.today().year % 100 + 1 else 1900
    return year


def _make(year: int, month: int, day: int) -> dt.date | None:
    if not 1900 <= year <= 2100:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _numeric(match: re.Match[str]) -> dt.date | None:
    a, b, year = int(match["a"]), int(match["b"]), _year(match["y"])
    if a > 12 and b <= 12:
        return _make(year, b, a)
    if b > 12 and a <= 12:
        return _make(year, a, b)
    # Both could be the month: dots are day-first everywhere; slashes are not, so refuse.
    return _make(year, b, a) if match["sep"] == "." else None


def parse_date(text: str) -> dt.date | None:
    """The calendar date printed in one line, or None when there is none or it is ambiguous."""
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            groups = match.groupdict()
            if "month" in groups:
                month = MONTHS[match["month"].lower()]
                found = _make(int(match["year"]), month, int(match["day"]))
            else:
                found = _make(int(match["year"]), int(match["m"]), int(match["d"]))
            if found is not None:
                return found
    for match in _NUMERIC.finditer(text):
        found = _numeric(match)
        if found is not None:
            return found
    return None


def is_date_line(line: str) -> bool:
    """True for a short line holding only a date, time, relative age or 'Published' marker."""
    text = line.strip()
    if not text or len(text) > _DATE_LINE_MAX:
        return False
    found = False
    for pattern in [*_PATTERNS, _NUMERIC, _RELATIVE, _TIME_RE]:
        text, count = pattern.subn(" ", text)
        found = found or count > 0
    return found and not _LEFTOVER.sub("", text)
