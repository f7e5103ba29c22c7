"""YAML and model errors in the words of the file a contributor edits: what is wrong, then
the edit that fixes it.

Every YAML reader (pages, sidecars, data/*.yml) and every model check (a page's Article, a
sidecar's or flag's Overrides, a registry entry) explains its errors here, so one mistake
reads the same wherever it is made: ingest, validate, the site's build log.
"""

from __future__ import annotations

import difflib
import re
import types
from collections.abc import Mapping
from typing import Any, Union, get_args, get_origin

import yaml
from pydantic import BaseModel

from .model import (
    ADDRESS_PATTERN,
    IPTC_PATTERN,
    LANG_PATTERN,
    SLUG_PATTERN,
    WIKIDATA_PATTERN,
)

Location = tuple[str | int, ...]

_SHOWN_MAX = 80
_LISTED_MAX = 12  # a model with more fields is pointed to CONTRIBUTING.md instead
# Each pattern of the models in words, for the message and the field reference alike.
PATTERN_WORDS = {
    LANG_PATTERN: "a two-letter ISO 639-1 code such as en, fr, de, uk",
    SLUG_PATTERN: "lowercase ASCII words joined by '-'",
    ADDRESS_PATTERN: "an address YYYY/MM/slug",
    WIKIDATA_PATTERN: "a Wikidata item id such as Q42",
    IPTC_PATTERN: "an IPTC Media Topic code such as medtop:11000000",
}
_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$")
_ISO_LIKE = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}$")


def shown(value: Any) -> str:
    """A value as quoted in a one-line error: what does not print escaped (line breaks,
    zero-width marks), long ones cut."""
    text = "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in str(value))
    return text if len(text) <= _SHOWN_MAX else text[: _SHOWN_MAX - 1] + "…"


def quote(value: str) -> str:
    """The value as a quoted YAML scalar a contributor can paste."""
    if "'" in value and '"' not in value and "\\" not in value:
        return f'"{value}"'
    return "'" + value.replace("'", "''") + "'"


def name_of(location: Location) -> str:
    """'translation.from', or 'people item 2' for the second entry of a list."""
    keys = ".".join(str(part) for part in location if isinstance(part, str))
    items = [part for part in location if isinstance(part, int)]
    return f"{keys} item {items[-1] + 1}" if items else keys


TAB_IN_INDENT = "tab in the indentation; YAML allows only spaces: replace the tab with spaces"


def tab_lines(text: str) -> list[int]:
    """Lines (from 0) whose indentation holds a tab, which YAML refuses or misreads."""
    return [
        number
        for number, line in enumerate(text.splitlines())
        if "\t" in line[: len(line) - len(line.lstrip(" \t"))]
    ]


def yaml_error(exc: yaml.YAMLError, text: str, first_line: int = 1) -> tuple[int, str]:
    """(file line, message) for YAML that does not parse; `text` starts at `first_line`."""
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    lines = text.splitlines()
    at = mark.line if mark is not None else 0
    tabs = [number for number in tab_lines(text) if number <= at]
    if tabs:
        return first_line + tabs[0], TAB_IN_INDENT
    line = lines[at] if at < len(lines) else ""
    key, colon, value = line.partition(":")
    # PyYAML says "...allowed here", libyaml "...allowed in this context".
    if mark is not None and problem.startswith("mapping values are not allowed") and colon:
        if mark.column <= len(key):  # the line's own key: it sits deeper than its siblings
            return first_line + at, (
                "this line is indented further than the lines it belongs with; line it up with them"
            )
        key = key.strip().lstrip("- ")
        return first_line + at, (
            f"the value of '{key}' contains ': ', which YAML reads as a new field; "
            f"quote the whole value: {key}: {quote(value.strip())}"
        )
    return first_line + at, f"not valid YAML ({problem}); check the quoting and indentation"


def date_problem(value: Any, meaning: str = "the date", key: str = "") -> str:
    """Why `value` is not a date, and the YYYY-MM-DD line to write instead (`key: ...`)."""
    text, line = str(value).strip(), f"{key}: " if key else ""
    if _ISO_LIKE.match(text):
        return f"{text} is not a real calendar date; write {meaning} as YYYY-MM-DD"
    match = _DAY_MONTH_YEAR.match(text)
    if match:
        first, second, year = (int(part) for part in match.groups())
        day_first = f"{year}-{second:02d}-{first:02d}"
        if first > 12 and second <= 12:
            return f"'{text}' is not YYYY-MM-DD; write {line}{day_first}"
        if first <= 12 and second <= 12:
            return (
                f"'{text}' is not YYYY-MM-DD; write {line}{day_first} "
                f"or {year}-{first:02d}-{second:02d}, whichever the original means"
            )
    return f"'{shown(text)}' is not a date; write {meaning} as YYYY-MM-DD"


def model_error(error: Mapping[str, Any], model: type[BaseModel], name: str = "") -> str:
    """One pydantic error as 'name what is wrong; how to fix it'. `name` is how the user
    wrote the field ('--date', 'translation.from'); by default its place in the data."""
    location: Location = tuple(error["loc"])
    kind, value = error["type"], error.get("input")
    name = name or name_of(location)
    last = str(location[-1]) if location else ""
    ctx = error.get("ctx", {})
    if kind == "missing":
        return f"missing required field '{name}'; add a line '{last}: …'"
    if kind == "extra_forbidden":
        fields = _field_names(_model_at(model, location[:-1]))
        close = difflib.get_close_matches(last, fields, n=1)
        hint = f"did you mean '{close[0]}'?" if close else "remove it (see CONTRIBUTING.md)"
        if not close and len(fields) <= _LISTED_MAX:
            hint = "remove it or use one of: " + ", ".join(fields)
        return f"unknown field '{shown(name)}'; {hint}"
    if kind == "value_error":  # the model's own rule, worded 'what; fix' where it has one
        reason = str(ctx.get("error", error["msg"]))
        if not name:
            return reason
        if not reason[:1].islower():  # the reason quotes the value itself
            quoted = reason[:1] == "'" or reason[:1].isdigit()
            return f"{name} {reason}" if quoted else f"{name}: {reason}"
        said = f" '{shown(value)}'" if isinstance(value, str | int | float) else ""
        return f"{name}{said} {reason}"
    if kind == "string_pattern_mismatch":
        words = PATTERN_WORDS.get(ctx.get("pattern", ""), f"text matching {ctx.get('pattern')}")
        return f"{name} '{shown(value)}' is not {words}"
    if kind == "literal_error":
        choices = str(ctx.get("expected", "")).replace("'", "").replace(" or ", ", ")
        return f"{name} '{shown(value)}' is not one of {choices}; pick the one that fits"
    if kind.startswith(("date", "datetime")):
        return f"{name} {date_problem(value)}"
    if kind == "string_type":
        return f"{name} must be text, not {type(value).__name__}; quote the value"
    if kind in {"bool_type", "bool_parsing"}:
        return f"{name} must be true or false; write {last}: true or leave the line out"
    if kind in {"int_type", "int_parsing"}:
        return f"{name} must be a whole number, not '{shown(value)}'"
    if kind == "list_type":
        return f"{name} must be a list; write one '- item' line per entry under '{last}:'"
    if kind in {"model_type", "model_attributes_type", "dict_type"}:
        return f"{name} must hold indented 'field: value' lines"
    if kind == "string_too_short":
        return f"{name} is empty; fill it in or remove the line"
    if kind == "string_too_long":
        return f"{name} is longer than {ctx.get('max_length')} characters; shorten it"
    return f"{name}: {error['msg']}; correct the value (see CONTRIBUTING.md)"


def _field_names(model: type[BaseModel] | None) -> list[str]:
    fields = model.model_fields.items() if model is not None else ()
    return [info.alias or field for field, info in fields]


def _model_at(model: type[BaseModel], location: Location) -> type[BaseModel] | None:
    """The model that validates the mapping at `location` inside `model`."""
    current: type[BaseModel] | None = model
    for part in location:
        if isinstance(part, int) or current is None:
            continue
        info = next((i for f, i in current.model_fields.items() if (i.alias or f) == part), None)
        current = _inner_model(info.annotation) if info is not None else None
    return current


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if get_origin(annotation) in (Union, types.UnionType, list, tuple):
        return next(filter(None, map(_inner_model, get_args(annotation))), None)
    return None
