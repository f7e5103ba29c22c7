"""Front matter parsed with the line of every key, and the YAML traps contributors hit.

YAML 1.1 (what PyYAML reads) turns some plain text into other types: `no` becomes
false, `12:30` becomes the base-60 number 750, and `title: A: B` is a syntax error.
The model then sees the wrong value, so each trap is explained at its own line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from .. import frontmatter
from ..errors import PageError

Location = tuple[str | int, ...]

_BOOL_WORDS = {"true", "false"}


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """Safe loader that keeps an impossible date (2025-02-30) as text for the model to reject."""


def _lenient_timestamp(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Any:
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        return node.value


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _lenient_timestamp)


@dataclass
class FrontMatter:
    """A page split and parsed; `data` is None when the YAML could not be read."""

    data: dict[str, Any] | None
    body: str
    body_line: int
    lines: dict[Location, int] = field(default_factory=dict)
    traps: dict[Location, str] = field(default_factory=dict)
    errors: list[tuple[int, str]] = field(default_factory=list)

    def line_of(self, location: Location) -> int:
        """File line of a key or list item, else of its nearest parent, else line 1."""
        for end in range(len(location), 0, -1):
            if location[:end] in self.lines:
                return self.lines[location[:end]]
        return 1


def name_of(location: Location) -> str:
    """'translation.from', or 'people item 2' for the second entry of a list."""
    keys = ".".join(str(part) for part in location if isinstance(part, str))
    items = [part for part in location if isinstance(part, int)]
    return f"{keys} item {items[-1] + 1}" if items else keys


def quote(value: str) -> str:
    """The value as a quoted YAML scalar a contributor can paste."""
    if "'" in value and '"' not in value and "\\" not in value:
        return f'"{value}"'
    return "'" + value.replace("'", "''") + "'"


def _example(location: Location, value: str) -> str:
    last = location[-1]
    return f"- {quote(value)}" if isinstance(last, int) else f"{last}: {quote(value)}"


def _trap(node: yaml.ScalarNode, location: Location) -> str | None:
    if node.style:  # quoted or block scalar: None (PyYAML) or '' (libyaml) when plain
        return None
    if node.tag.endswith(":bool") and node.value.lower() not in _BOOL_WORDS:
        read_as = str(yaml.safe_load(node.value)).lower()
        return (
            f"{name_of(location)}: {node.value} is read as {read_as} (a YAML yes/no word); "
            f"quote it: {_example(location, node.value)}"
        )
    if node.tag.endswith((":int", ":float")) and ":" in node.value:
        number = yaml.safe_load(node.value)
        return (
            f"{name_of(location)}: {node.value} is read as the number {number} (YAML reads "
            f"digits with ':' in base 60); quote it: {_example(location, node.value)}"
        )
    return None


def _walk(node: yaml.Node, location: Location, first_line: int, parsed: FrontMatter) -> None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            child = (*location, str(key_node.value))
            parsed.lines.setdefault(child, first_line + key_node.start_mark.line)
            _walk(value_node, child, first_line, parsed)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            child = (*location, index)
            parsed.lines[child] = first_line + item.start_mark.line
            _walk(item, child, first_line, parsed)
    elif isinstance(node, yaml.ScalarNode) and location:
        trap = _trap(node, location)
        if trap is not None:
            parsed.traps[location] = trap


def _tab_errors(yaml_text: str, first_line: int) -> list[tuple[int, str]]:
    errors = []
    for number, line in enumerate(yaml_text.splitlines()):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            errors.append(
                (
                    first_line + number,
                    "tab in the indentation; YAML allows only spaces: replace the tab with spaces",
                )
            )
    return errors


def _explain_yaml_error(exc: yaml.YAMLError, yaml_text: str, first_line: int) -> tuple[int, str]:
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    if mark is None:
        return first_line, f"front matter is not valid YAML ({problem}); fix its quoting"
    line = first_line + mark.line
    text = yaml_text.splitlines()[mark.line] if mark.line < len(yaml_text.splitlines()) else ""
    key, colon, value = text.partition(":")
    # PyYAML says "...allowed here", libyaml "...allowed in this context".
    if problem.startswith("mapping values are not allowed") and colon:
        key = key.strip().lstrip("- ")
        return line, (
            f"the value of '{key}' contains ': ', which YAML reads as a new field; "
            f"quote the whole value: {key}: {quote(value.strip())}"
        )
    return line, f"front matter is not valid YAML ({problem}); check the quoting on this line"


def parse_front_matter(text: str) -> FrontMatter:
    """Split a page and parse its front matter, recording problems instead of raising."""
    try:
        yaml_text, body, first_line = frontmatter.split(text)
    except PageError as exc:
        return FrontMatter(data=None, body=text, body_line=1, errors=[(1, exc.message)])
    body_line = text[: len(text) - len(body)].count("\n") + 1
    parsed = FrontMatter(data=None, body=body, body_line=body_line)
    tabs = _tab_errors(yaml_text, first_line)
    loader = _Loader(yaml_text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else {}
    except yaml.YAMLError as exc:
        parsed.errors = tabs or [_explain_yaml_error(exc, yaml_text, first_line)]
        return parsed
    finally:
        loader.dispose()
    parsed.errors = tabs
    if not isinstance(data, dict):
        parsed.errors.append(
            (
                first_line,
                "front matter must be 'field: value' lines; "
                "see the field reference in CONTRIBUTING.md",
            )
        )
        return parsed
    _walk(node, (), first_line, parsed)
    parsed.data = data
    return parsed
