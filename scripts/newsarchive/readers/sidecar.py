"""Sidecars: NAME.meta.yml beside a raw file, the contributor's facts (the ingest flags' fields)."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from pathlib import Path
from typing import Any

import yaml

from ..errors import InputError
from ..records import Overrides
from .limits import MAX_SIDECAR_BYTES, MAX_SIDECAR_DEPTH, read_bytes
from .metadata import http_url

SIDECAR_SUFFIX = ".meta.yml"

SIDECAR_KEYS = {
    "title": "title",
    "date": "date",
    "source": "source",
    "url": "url",
    "from": "from_lang",
    "method": "method",
    "translator": "translator",
    "original_title": "original_title",
    "original_url": "original_url",
    "reviewed": "reviewed",
}
_METHODS = ("machine", "human", "post-edited")
_URL_KEYS = frozenset({"url", "original_url"})
# Errors quote the contributor's value on one line: control characters and line breaks escaped.
_LINE_BREAKS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_SHOWN_MAX = 80


def sidecar_for(path: Path) -> Path:
    """The sidecar of a raw file: NAME.meta.yml next to NAME.txt or NAME.html."""
    return path.with_name(path.stem + SIDECAR_SUFFIX)


def read_sidecar(path: Path) -> Overrides:
    """Read a sidecar of contributor-given facts (the same fields as the ingest flags)."""
    # The facts must come from beside the article: a link out of its folder is not followed.
    if path.resolve().parent != path.parent.resolve():
        raise InputError("sidecar links to a file in another folder; copy the file here", path)
    text = read_bytes(path, MAX_SIDECAR_BYTES, "64 KiB", "keep only the article's fields")
    data = _load_sidecar_yaml(path, text.decode("utf-8-sig", errors="replace"))
    if data is None:
        return Overrides()
    if not isinstance(data, dict):
        raise InputError("sidecar must be a mapping of 'key: value' lines", path)
    values: dict[str, Any] = {}
    for key, value in data.items():
        if key not in SIDECAR_KEYS:
            close = difflib.get_close_matches(str(key), list(SIDECAR_KEYS), n=1)
            known = "known keys: " + ", ".join(SIDECAR_KEYS)
            hint = f"did you mean '{close[0]}'?" if close else known
            raise InputError(f"unknown key '{_shown(key)}'; {hint}", path)
        if value is not None:
            values[SIDECAR_KEYS[key]] = _check_sidecar_value(path, key, value)
    return Overrides(**values)


def _load_sidecar_yaml(path: Path, text: str) -> Any:
    try:
        # Refuse anchors, aliases and deep nesting before composing, so an alias bomb is
        # never expanded and PyYAML's recursive composer never runs out of stack.
        depth = 0
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            line = event.start_mark.line + 1
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                raise InputError(
                    f"line {line} uses a YAML anchor or alias; write each value out in full", path
                )
            depth += isinstance(event, yaml.CollectionStartEvent)
            depth -= isinstance(event, yaml.CollectionEndEvent)
            if depth > MAX_SIDECAR_DEPTH:
                raise InputError(
                    f"line {line} nests values more than {MAX_SIDECAR_DEPTH} deep; "
                    "write one 'key: value' line per field",
                    path,
                )
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or "syntax error"
        raise InputError(
            f"not valid YAML{where} ({problem}); fix the indentation or quoting", path
        ) from exc


def _shown(value: Any) -> str:
    """A contributor's value as quoted in a one-line error: line breaks escaped, long ones cut."""
    text = _LINE_BREAKS.sub(lambda m: repr(m.group(0))[1:-1], str(value))
    return text if len(text) <= _SHOWN_MAX else text[: _SHOWN_MAX - 1] + "…"


def _check_sidecar_value(path: Path, key: str, value: Any) -> Any:
    if key == "date":
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            return value
        if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            try:  # a quoted date, as yaml.safe_dump writes one
                return dt.date.fromisoformat(value)
            except ValueError:
                pass
        raise InputError(
            f"date '{_shown(value)}' is not YYYY-MM-DD; write it like 2025-03-15", path
        )
    if key == "reviewed":
        if isinstance(value, bool):
            return value
        raise InputError(
            f"reviewed '{_shown(value)}' is not true or false; write true or false", path
        )
    if not isinstance(value, str) or not value.strip():
        raise InputError(f"{key} must be text; write it on one line, in quotes if needed", path)
    value = value.strip()
    if key == "method" and value not in _METHODS:
        raise InputError(f"method '{_shown(value)}' is not one of: {', '.join(_METHODS)}", path)
    if key == "from" and not re.fullmatch(r"[a-z]{2}", value):
        raise InputError(
            f"from '{_shown(value)}' is not a two-letter language code like fr or uk", path
        )
    if key in _URL_KEYS and not http_url(value):
        raise InputError(f"{key} '{_shown(value)}' must start with http:// or https://", path)
    return value
