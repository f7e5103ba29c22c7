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
from ..explain import TAB_IN_INDENT, Location, name_of, quote, tab_lines, yaml_error

_BOOL_WORDS = {"true", "false"}


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


def parse_front_matter(text: str) -> FrontMatter:
    """Split a page and parse its front matter, recording problems instead of raising."""
    try:
        yaml_text, body, first_line = frontmatter.split(text)
    except PageError as exc:
        return FrontMatter(data=None, body=text, body_line=1, errors=[(1, exc.message)])
    body_line = text[: len(text) - len(body)].count("\n") + 1
    parsed = FrontMatter(data=None, body=body, body_line=body_line)
    tabs = [(first_line + number, TAB_IN_INDENT) for number in tab_lines(yaml_text)]
    loader = frontmatter.Loader(yaml_text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else {}
    except yaml.YAMLError as exc:
        parsed.errors = tabs or [yaml_error(exc, yaml_text, first_line)]
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
