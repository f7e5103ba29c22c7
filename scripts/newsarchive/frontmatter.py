"""The only place where page front matter is parsed or written.

A page is `---`, a YAML mapping, `---`, a blank line, then the Markdown body. Writing
is canonical (field order from the model, safe_dump, one trailing newline), so that
reading a page and writing it back gives the same bytes.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from .errors import PageError
from .explain import yaml_error

DELIMITER = "---"


class Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """The safe loader (libyaml's when present: many times faster on large archives) that
    keeps an impossible date (2025-02-30) as text, for the model to refuse in its words."""


def _lenient_timestamp(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Any:
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        return node.value


Loader.add_constructor("tag:yaml.org,2002:timestamp", _lenient_timestamp)
_FRONT_RE = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?---[ \t]*(?:\r?\n|\Z)", re.DOTALL)


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """Safe dumper (libyaml's when present) that never writes aliases."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def split(text: str) -> tuple[str, str, int]:
    """Split a page into (yaml text, body, line number where the YAML starts)."""
    match = _FRONT_RE.match(text)
    if match is None:
        raise PageError("no front matter; start the file with a line '---', the fields, then '---'")
    body = text[match.end() :]
    if body.startswith("\n"):
        body = body[1:]
    return match.group(1) or "", body, 2


def loads(text: str) -> tuple[dict[str, Any], str]:
    """Parse a page into (front-matter mapping, Markdown body)."""
    yaml_text, body, first_line = split(text)
    try:
        data = yaml.load(yaml_text, Loader=Loader) if yaml_text.strip() else {}
    except yaml.YAMLError as exc:
        line, message = yaml_error(exc, yaml_text, first_line)
        raise PageError(f"front matter: {message}", line=line) from exc
    if not isinstance(data, dict):
        raise PageError("front matter must be a mapping of 'field: value' lines")
    return data, body


def written_body(body: str) -> str:
    """The body exactly as a page stores it: no blank lines around it, one final newline."""
    body = body.strip("\n")
    return f"{body}\n" if body else ""


def dumps(front_matter: dict[str, Any], body: str) -> str:
    """Write a page: front matter, a blank line, then the body."""
    yaml_text = yaml.dump(
        front_matter,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=10_000,
    )
    body = written_body(body)
    return f"{DELIMITER}\n{yaml_text}{DELIMITER}\n" + (f"\n{body}" if body else "")
