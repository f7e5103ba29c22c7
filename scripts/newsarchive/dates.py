"""Dates as news sites print them: one line in, one calendar date (or None) out.

Only absolute dates are read. Relative ones ("3 hours ago", "yesterday") depend on
when the page was saved, so they are furniture: is_date_line() says True and
parse_date() says None. A date that could be read two ways (04/09/2025) is None
too: the ingest then asks for --date instead of guessing.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

# Month names and abbreviations in the languages the archive translates from, in the form
# a date prints them: Slavic, Baltic-Finnic and Greek dates use the genitive or partitive
# ("9 квітня", "9 sierpnia", "9. helmikuuta", "9 Νοεμβρίου"), so those forms are listed.
# Accents are optional (added below), as sites drop them. Croatian is left out: its
# "listopad" is October, where Polish and Czech "listopad" is November.
_MONTH_NAMES: dict[int, tuple[str, ...]] = {
    1: ("january", "jan", "janvier", "janv", "januar", "jänner", "enero", "ene", "gennaio",
        "gen", "janeiro", "січень", "січня", "январь", "января", "янв", "styczeń", "stycznia",
        "januari", "leden", "ledna", "január", "januára", "ianuarie", "ian", "tammikuuta",
        "tammikuu", "ocak", "ιανουαρίου", "януари"),
    2: ("february", "feb", "février", "févr", "februar", "febrero", "febbraio", "fevereiro",
        "fev", "лютий", "лютого", "февраль", "февраля", "фев", "luty", "lutego", "februari",
        "únor", "února", "február", "februára", "februarie", "febr", "helmikuuta",
        "helmikuu", "şubat", "φεβρουαρίου", "февруари"),
    3: ("march", "mar", "mars", "märz", "maerz", "mär", "mrz", "marzo", "março", "березень",
        "березня", "март", "марта", "marzec", "marca", "maart", "mrt", "březen", "března",
        "marec", "martie", "marts", "március", "márc", "maaliskuuta", "maaliskuu", "mart",
        "μαρτίου"),
    4: ("april", "apr", "avril", "avr", "abril", "abr", "aprile", "квітень", "квітня",
        "апрель", "апреля", "апр", "kwiecień", "kwietnia", "duben", "dubna", "apríl", "apríla",
        "aprilie", "április", "ápr", "huhtikuuta", "huhtikuu", "nisan", "απριλίου", "април"),
    5: ("may", "mai", "mayo", "maggio", "mag", "maio", "травень", "травня", "май", "мая",
        "maj", "maja", "mei", "květen", "května", "máj", "mája", "május", "toukokuuta",
        "toukokuu", "mayıs", "μαΐου"),
    6: ("june", "jun", "juin", "juni", "junio", "giugno", "giu", "junho", "червень", "червня",
        "июнь", "июня", "czerwiec", "czerwca", "červen", "června", "jún", "júna", "iunie",
        "iun", "június", "kesäkuuta", "kesäkuu", "haziran", "ιουνίου", "юни"),
    7: ("july", "jul", "juillet", "juil", "juli", "julio", "luglio", "lug", "julho", "липень",
        "липня", "июль", "июля", "lipiec", "lipca", "červenec", "července", "júl", "júla",
        "iulie", "iul", "július", "heinäkuuta", "heinäkuu", "temmuz", "ιουλίου", "юли"),
    8: ("august", "aug", "août", "agosto", "ago", "серпень", "серпня", "август", "августа",
        "авг", "sierpień", "sierpnia", "augustus", "srpen", "srpna", "augusta", "augusti",
        "augusztus", "elokuuta", "elokuu", "ağustos", "αυγούστου"),
    9: ("september", "sep", "sept", "septembre", "septiembre", "setiembre", "settembre", "set",
        "setembro", "вересень", "вересня", "сентябрь", "сентября", "сен", "wrzesień",
        "września", "září", "septembra", "septembrie", "szeptember", "szept", "syyskuuta",
        "syyskuu", "eylül", "σεπτεμβρίου", "септември"),
    10: ("october", "oct", "octobre", "oktober", "okt", "octubre", "ottobre", "ott", "outubro",
         "out", "жовтень", "жовтня", "октябрь", "октября", "październik", "października",
         "říjen", "října", "október", "októbra", "octombrie", "lokakuuta", "lokakuu", "ekim",
         "οκτωβρίου", "октомври"),
    11: ("november", "nov", "novembre", "noviembre", "novembro", "листопад", "листопада",
         "ноябрь", "ноября", "ноя", "listopad", "listopada", "listopadu", "novembra",
         "noiembrie", "marraskuuta", "marraskuu", "kasım", "νοεμβρίου", "ноември"),
    12: ("december", "dec", "décembre", "déc", "dezember", "dez", "diciembre", "dic",
         "dicembre", "dezembro", "грудень", "грудня", "декабрь", "декабря", "дек", "grudzień",
         "grudnia", "prosinec", "prosince", "decembra", "decembrie", "desember",
         "joulukuuta", "joulukuu", "aralık", "δεκεμβρίου", "декември"),
}  # fmt: skip
# Words that may stand beside a date in a date line ("Published on ... at ...").
_MARKER_WORDS = (
    "published|updated|posted|last updated|modified|first published|date|on|at|and|"
    "publié|mis à jour|le|à|veröffentlicht|aktualisiert|zuletzt|am|um|uhr|stand|"
    "publicado|actualizado|el|a las|pubblicato|aggiornato|il|alle|atualizado|em|às|"
    "опубліковано|оновлено|опубликовано|обновлено|о|в|року|года|г|"
    "opublikowano|zaktualizowano|aktualizacja|dnia|roku|r|gepubliceerd|bijgewerkt|op|om|"
    "publikováno|aktualizováno|publicat|actualizat|la|publicerad|uppdaterad|publiceret|"
    "opdateret|publisert|oppdatert|kl|julkaistu|päivitetty|klo|yayınlanma|güncelleme|"
    "tarihi|δημοσίευση|ενημέρωση|публикувано|обновено"
)
_WEEKDAY_WORDS = (
    "monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thurs|fri|"
    "sat|sun|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|montag|dienstag|mittwoch|"
    "donnerstag|freitag|samstag|sonntag|lunes|martes|miércoles|jueves|viernes|sábado|domingo|"
    "lunedì|martedì|mercoledì|giovedì|venerdì|sabato|segunda-feira|terça-feira|quarta-feira|"
    "quinta-feira|sexta-feira|понеділок|вівторок|середа|четвер|пʼятниця|п'ятниця|субота|"
    "неділя|понедельник|вторник|среда|четверг|пятница|суббота|воскресенье|poniedziałek|"
    "wtorek|środa|czwartek|piątek|sobota|niedziela|maandag|dinsdag|woensdag|donderdag|"
    "vrijdag|zaterdag|zondag|pondělí|úterý|středa|čtvrtek|pátek|neděle|luni|marți|miercuri|"
    "joi|vineri|sâmbătă|duminică|måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag|mandag|"
    "tirsdag|lørdag|søndag|maanantai|tiistai|keskiviikko|torstai|perjantai|lauantai|"
    "sunnuntai|pazartesi|salı|çarşamba|perşembe|cuma|cumartesi|pazar|δευτέρα|τρίτη|τετάρτη|"
    "πέμπτη|παρασκευή|σάββατο|κυριακή"
)


def _fold(word: str) -> str:
    """A word compared without case or accents ('Février', 'fevrier'; 'KASIM', 'kasım')."""
    plain = unicodedata.normalize("NFKD", word.casefold().replace("ı", "i"))
    return "".join(c for c in plain if not unicodedata.combining(c))


def _alternation(words: str) -> str:
    """A regex matching any of the '|'-separated `words` or their accent-free spellings.

    The words share a prefix tree ('ma(?:r(?:ch|s|zo)?|y)'), so the engine drops a
    position at its first letter instead of trying hundreds of names one by one; every
    optional tail is greedy, so the longest name wins.
    """
    tree: dict[str, dict] = {}
    for word in words.split("|"):
        for form in (word.lower(), _fold(word)):
            node = tree
            for char in form:
                node = node.setdefault(char, {})
            node[""] = {}
    return _tree_pattern(tree)


def _tree_pattern(node: dict[str, dict]) -> str:
    branches = [re.escape(char) + _tree_pattern(child) for char, child in node.items() if char]
    if not branches:
        return ""
    either = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{either})?" if "" in node else either


MONTHS: dict[str, int] = {_fold(name): num for num, names in _MONTH_NAMES.items() for name in names}
# A month name (case-insensitive, accents optional): the one pattern every date reader uses.
MONTH_PATTERN = (
    "(?:" + _alternation("|".join(n for names in _MONTH_NAMES.values() for n in names)) + ")"
)

_MONTH = rf"(?P<month>{MONTH_PATTERN})\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|er|º|\.)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_CLOCK = r"\d\d?:\d\d(?::\d\d)?"
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
    # Hungarian "2024. november 28."; a year-first date needs the year's full stop.
    re.compile(rf"(?<!\d){_YEAR}\.\s+{_MONTH}\s+{_DAY}(?!\d)", re.IGNORECASE),
    # Machine stamps "Tue Jan 28 15:28:56 CET 2020" (C and Java): the time sits before the year.
    re.compile(
        rf"(?<![\w]){_MONTH}\s+{_DAY}\s+{_CLOCK}\s+(?:[a-z]{{3,4}}\s+)?{_YEAR}(?!\d)",
        re.IGNORECASE,
    ),
]
# All-numeric day and month: order decided by which one is > 12, else the separator's convention.
_NUMERIC = re.compile(
    r"(?<![\d.])(?P<a>[0-3]?\d)(?P<sep>[./-])(?P<b>[0-3]?\d)(?P=sep)(?P<y>\d{4}|\d\d)(?![\d])"
)

_TIME = (
    r"(?<![\w])T?\d{1,2}(?:[:.h]\d\d){1,2}(?:\.\d+)?(?:\s*[ap]\.?\s?m\b\.?)?(?:[+-]\d\d:?\d\d|Z)?"
    r"|\b\d{1,2}\s*[ap]\.?m\b\.?"
)
_ZONE = r"(?:gmt|utc|cet|cest|eet|eest|bst|msk|ist|[ecmp][sd]t|z)(?:\s*[+-]\s*\d{1,2}(?::?\d\d)?)?"
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
    rf"(?:\b(?:{_alternation(_MARKER_WORDS)}|{_alternation(_WEEKDAY_WORDS)})\b|{_ZONE}\b"
    r"|[\s,.|/•·:;()\[\]–—-]+)",
    re.IGNORECASE,
)
# A date line that says it is a revision: "Updated ...", "Aktualisiert: ...".
_UPDATE = re.compile(
    r"\b(?:updated|last updated|modified|mis à jour|aktualisiert|actualizado|aggiornato|"
    r"atualizado|оновлено|обновлено|zaktualizowano|aktualizacja|bijgewerkt|aktualizováno|"
    r"actualizat|uppdaterad|opdateret|oppdatert|päivitetty|güncelleme|ενημέρωση|обновено)\b",
    re.IGNORECASE,
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


def find_date(text: str) -> tuple[dt.date, int, int] | None:
    """The first calendar date printed in `text`, with where it starts and ends."""
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            groups = match.groupdict()
            if "month" in groups:
                month = MONTHS[_fold(match["month"])]
                found = _make(int(match["year"]), month, int(match["day"]))
            else:
                found = _make(int(match["year"]), int(match["m"]), int(match["d"]))
            if found is not None:
                return found, match.start(), match.end()
    for match in _NUMERIC.finditer(text):
        found = _numeric(match)
        if found is not None:
            return found, match.start(), match.end()
    return None


def parse_date(text: str) -> dt.date | None:
    """The calendar date printed in one line, or None when there is none or it is ambiguous."""
    found = find_date(text)
    return found[0] if found else None


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


def is_update_line(line: str) -> bool:
    """A date line that gives a revision's date ('Updated 2 May 2025'), not the first one."""
    return bool(_UPDATE.search(line))
