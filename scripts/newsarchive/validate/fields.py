"""Front-matter fields against the model (Article) and the registries in data/.

Pydantic reports what is wrong in its own words; each error type is rephrased here
as what a contributor sees in the file and the edit that fixes it.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, get_args

from pydantic import BaseModel, ValidationError

from ..explain import Location, date_problem, model_error, name_of
from ..model import (
    ADDRESS_PATTERN,
    SLUG_PATTERN,
    UNCREDITED_IMAGE,
    Article,
    Provisional,
    provisional_message,
)
from ..registry import FILES, Registries
from ..slugs import slugify
from .yamltraps import FrontMatter

# A complete line for each required field, to paste when it is missing.
_EXAMPLES = {
    "title": "title: Headline as published",
    "slug": "slug: words-joined-by-hyphens",
    "date": "date: YYYY-MM-DD",
    "added": "added: YYYY-MM-DD",
    "note": "note: what changed",
    "language": "language: en",
    "from": "from: fr",
    "method": "method: machine",
}
# What each date field means, for the message that asks for it as YYYY-MM-DD.
_DAYS = {
    "date": "the publication date",
    "added": "the day the article entered the archive",
    "updated": "the day of the last correction that is not minor",
    "corrections": "the day of the correction",
}


def _value_fix(name: str, reason: str) -> str:
    # The model's own rules say what to do after a ';'; the rest say only what is wrong.
    if "listed twice" in reason:
        return f"{name}: {reason}; remove the repeat"
    if "http" in reason:
        return f"{name} {reason}; give the full web address"
    if not name:  # a rule across fields, worded by the model from its first field on
        return reason
    if "old address" in reason:
        return f"{name}: {reason}; write the page's old place in the archive as YYYY/MM/slug"
    return f"{name}: {reason}" if ";" in reason else f"{name}: {reason}; correct the value"


def _explain(error: Mapping[str, Any], location: Location, model: type[BaseModel] = Article) -> str:
    """The shared explainer (explain.model_error), with what a page's fields add: a line to
    paste, the meaning of each date, a slug to use."""
    kind, name, value = error["type"], name_of(location), error.get("input")
    last = str(location[-1]) if location else ""
    if kind == "missing":
        return f"missing required field '{name}'; add a line '{_EXAMPLES.get(last, last + ': …')}'"
    if location[:1] in {(key,) for key in _DAYS} and kind.startswith(("date", "datetime")):
        if any(isinstance(part, int) for part in location):
            name += ":"  # 'corrections.date item 1: 2025-13-01 is ...'
        return f"{name} {date_problem(value, _DAYS[str(location[0])], last)}"
    if kind == "string_pattern_mismatch" and last == "slug":
        suggestion = slugify(str(value)) or "words-joined-by-hyphens"
        return f"slug '{value}' is not lowercase ASCII words joined by '-'; use slug: {suggestion}"
    if kind == "string_pattern_mismatch" and last == "note":
        return f"{name} must be one line; join its lines into one sentence"
    if kind == "literal_error" and location[:1] == ("provisional",):
        fields = ", ".join(get_args(Provisional))
        return f"{name} '{value}' cannot be provisional (only {fields} can); remove it"
    if kind in {"bool_type", "bool_parsing"} and last == "reviewed":
        return f"{name} must be true or false; write {last}: true only after a human check"
    if kind == "value_error":
        return _value_fix(name, str(error.get("ctx", {}).get("error", error["msg"])))
    return model_error(error, model)


def _repeat_location(data: Mapping[str, Any], location: Location) -> Location:
    # A repeated list entry is reported at its second occurrence, not at the list key.
    values = data.get(str(location[0])) if len(location) == 1 else None
    if isinstance(values, list):
        seen: list[Any] = []
        for index, value in enumerate(values):
            if value in seen:
                return (*location, index)
            seen.append(value)
    return location


def _rule_location(data: Mapping[str, Any], reason: str) -> Location:
    # A rule across fields is shown at the field its message starts with: 'updated must
    # be ...' at updated (or at the corrections that call for it), 'correction of DATE is
    # ...' at that correction's date.
    first, _, rest = reason.partition(" ")
    if first == "correction":
        day = rest.removeprefix("of ").split(" ", 1)[0]
        items = data.get("corrections")
        for index, item in enumerate(items if isinstance(items, list) else []):
            if isinstance(item, Mapping) and str(item.get("date")) == day:
                return ("corrections", index, "date")
        return ("corrections",)
    return (first,) if first in data else ("corrections",)


def _address_location(data: Mapping[str, Any], location: Location) -> Location:
    # An address that is not YYYY/MM/slug is reported at its own item.
    values = data.get(str(location[0]))
    for index, value in enumerate(values if isinstance(values, list) else []):
        if not isinstance(value, str) or not re.fullmatch(ADDRESS_PATTERN, value):
            return (location[0], index)
    return location


def check_model(front: FrontMatter, model: type[BaseModel] = Article) -> list[tuple[int, str]]:
    """(line, message) for every field the model (an article's, or an original's) rejects."""
    assert front.data is not None
    try:
        model.model_validate(front.data)
    except ValidationError as exc:
        found = []
        for error in exc.errors():
            location: Location = tuple(error["loc"])
            reason = str(error.get("ctx", {}).get("error", ""))
            if error["type"] == "value_error" and "listed twice" in reason:
                location = _repeat_location(front.data, location)
            elif error["type"] == "value_error" and location in {("moved_from",), ("same_story",)}:
                location = _address_location(front.data, location)
            message = front.traps.get(location) or _explain(error, location, model)
            if error["type"] == "value_error" and not location:
                location = _rule_location(front.data, reason)
            found.append((front.line_of(location), message))
        return found
    return []


def check_provisional(front: FrontMatter) -> Iterator[tuple[int, str]]:
    """(line, message) at each field marked provisional: a person has yet to confirm it."""
    assert front.data is not None
    marked = front.data.get("provisional")
    for name in marked if isinstance(marked, list) else []:
        if name in get_args(Provisional):  # anything else is the model's error
            yield front.line_of((name,)), provisional_message(name)


def check_image(front: FrontMatter) -> Iterator[tuple[int, str]]:
    """(line, message) at a lead image without its credit: kept, but not shown."""
    assert front.data is not None
    image = front.data.get("image")
    if isinstance(image, dict) and image.get("url") and not image.get("credit"):
        yield front.line_of(("image",)), UNCREDITED_IMAGE


def _entity_problem(value: str, kind: str, file: str, names: Mapping[str, Any]) -> str | None:
    if value in names:
        return None
    for canonical, entry in names.items():
        spellings = [*getattr(entry, "aliases", []), getattr(entry, "label", "")]
        if value.casefold() in {spelling.casefold() for spelling in spellings if spelling}:
            return f"{kind} '{value}' is another spelling; use the registered name '{canonical}'"
    close = difflib.get_close_matches(value, list(names), n=1, cutoff=0.8)
    if close:
        return f"{kind} '{value}' is not in data/{file}; did you mean '{close[0]}'?"
    return (
        f"{kind} '{value}' is not in data/{file}; add it there (see CONTRIBUTING.md) or remove it"
    )


_REGISTERED = (
    ("people", "person", "people"),
    ("organisations", "organisation", "organisations"),
    ("places", "place", "places"),
    ("topics", "topic", "topics"),
)


def check_registries(front: FrontMatter, registries: Registries) -> Iterator[tuple[int, str]]:
    """(line, message) for each name the registries do not know."""
    assert front.data is not None
    for key, kind, registry in _REGISTERED:
        values = front.data.get(key)
        for index, value in enumerate(values if isinstance(values, list) else []):
            if not isinstance(value, str):
                continue
            problem = _entity_problem(value, kind, FILES[registry], getattr(registries, registry))
            if problem:
                yield front.line_of((key, index)), problem
    source = front.data.get("source")
    if isinstance(source, str) and source not in registries.sources:
        known = registries.source_named(source)
        yield (
            front.line_of(("source",)),
            (
                f"source '{source}' is another spelling; use the registered name '{known.name}'"
                if known
                else _entity_problem(source, "source", FILES["sources"], registries.sources)
            ),
        )


def expected_path(data: Mapping[str, Any]) -> tuple[str, int, int] | None:
    """(slug, year, month) from the front matter, when both date and slug are usable."""
    slug, date = data.get("slug"), data.get("date")
    if not isinstance(slug, str) or not re.match(SLUG_PATTERN, slug):
        return None
    if not isinstance(date, dt.date) or isinstance(date, dt.datetime):
        return None
    return slug, date.year, date.month


def check_path(front: FrontMatter, path: Path) -> Iterator[tuple[int, str]]:
    """Pages live at YYYY/MM/<slug>.md: the path must agree with date and slug."""
    assert front.data is not None
    wanted = expected_path(front.data)
    if wanted is None:
        return
    slug, year, month = wanted
    where = f"{year:04d}/{month:02d}/{slug}.md"
    parts = path.parts[-3:]
    actual = "/".join(parts)
    if path.stem != slug:
        yield (
            front.line_of(("slug",)),
            (
                f"file name {path.name} does not match slug '{slug}'; "
                f"rename the file to {slug}.md (git mv) or correct the slug"
            ),
        )
    if tuple(parts[:-1]) != (f"{year:04d}", f"{month:02d}"):
        yield (
            front.line_of(("date",)),
            (
                f"page is at {actual} but its date says {where}; "
                f"move it to {year:04d}/{month:02d}/ (git mv) or correct the date"
            ),
        )
