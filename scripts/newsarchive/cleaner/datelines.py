"""Agency datelines: 'PLACE (AGENCY) – ' opening the first paragraph, moved into fields.

A dateline's date is the article's only when it carries a year ('ROME, Nov. 28, 2024');
'BERLIN, April 9' could be any year, so it never gives one.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..dates import MONTH_PATTERN, parse_date
from .lines import AgencyName, Facts, Line, is_caps

# Datelines: "London (AP) – ", "BERLIN, April 9 (Reuters) - ", "(CNN) -- ", "MADRID — ",
# "KYIV, Ukraine (AP) —", "SALVADOR, Feb 26 - " (wire copy without agency),
# "ROME, Nov. 28, 2024 (ANSA) -", "BERLIN, 28. November 2024 (dpa) -".
_UP = "A-ZÀ-ÖØ-ÞА-ЯІЇЄҐ"
_MONTH = rf"{MONTH_PATTERN}\.?"
_DAY_MONTH = rf"(?:{_MONTH}\s+\d{{1,2}}|\d{{1,2}}\.?\s+{_MONTH})"
_WHEN = rf"(?:,?\s+(?P<when>{_DAY_MONTH}(?:,?\s+(?:19|20)\d\d)?))"
_PLACE = rf"[{_UP}][\w.'’-]*(?:\s+[{_UP}][\w.'’-]*){{0,3}}"
_PLACE_CAPS = rf"[{_UP}][{_UP}.'’-]+(?:\s+[{_UP}][{_UP}.'’-]*){{0,3}}"
_REGION = rf"(?:,\s+[{_UP}][\w.'’-]*(?:\s+[{_UP}][\w.'’-]*){{0,2}})?"
_DASH = r"\s*(?:--|[-–—‒―])\s+"
_DATELINES = [
    re.compile(
        rf"^(?:(?P<place>{_PLACE}{_REGION})(?i:{_WHEN})?\s*)?\((?P<agency>[^()]{{2,40}})\)"
        rf"(?:\s*(?:--|[-–—‒―])\s*|\s*:\s+|\s+)(?=\S)"
    ),
    re.compile(rf"^(?P<place>{_PLACE_CAPS}{_REGION})(?i:{_WHEN})?{_DASH}(?=\S)"),
    re.compile(rf"^(?P<place>{_PLACE}{_REGION})(?i:{_WHEN}){_DASH}(?=\S)"),
]


def cut_dateline(
    body: list[Line], removed: list[str], agency_name: AgencyName
) -> tuple[list[Line], Facts | None]:
    """Cut 'PLACE (AGENCY) – ' from the start of the first paragraph; return what it says."""
    index = next((i for i, line in enumerate(body) if not line.heading), None)
    if index is None:
        return body, None
    text = body[index].text
    match = match_dateline(text, agency_name)
    if match is None:
        return body, None
    agency = match.groupdict().get("agency")
    when = match.groupdict().get("when")
    facts = Facts(
        agency=(agency_name(agency) or agency) if agency is not None else None,
        dateline=_place_name(match["place"]) if match["place"] else None,
        date=parse_date(when) if when else None,
    )
    removed.append(match.group(0).strip())
    rest = text[match.end() :]
    return [*body[:index], replace(body[index], text=rest), *body[index + 1 :]], facts


def match_dateline(text: str, agency_name: AgencyName) -> re.Match[str] | None:
    """The dateline opening a paragraph; what follows it must be a sentence, not a headline."""
    for pattern in _DATELINES:
        match = pattern.match(text)
        if match is None or is_caps(text[match.end() :]):
            continue
        agency = match.groupdict().get("agency")
        if agency is not None and not (agency_name(agency) or re.fullmatch(r"[A-Z]{2,8}", agency)):
            continue
        return match
    return None


def _place_name(place: str) -> str:
    """'KYIV, Ukraine' -> 'Kyiv, Ukraine'; 'BUFFALO, N.Y.' -> 'Buffalo, N.Y.'."""
    parts = []
    for part in place.split(","):
        part = part.strip()
        letters = [c for c in part if c.isalpha()]
        abbreviation = "." in part and all(len(w.strip(".")) <= 2 for w in part.split("."))
        if letters and all(c.isupper() for c in letters) and len(letters) > 1 and not abbreviation:
            part = re.sub(r"[^\W\d_]+", lambda m: m.group(0).capitalize(), part)
        parts.append(part)
    return ", ".join(parts)
