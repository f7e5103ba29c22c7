"""The one furniture rule: how a line is matched against data/furniture.yml.

The cleaner (taking furniture out at ingest) and validate (flagging it in a page) both
call `Furniture.matches`, which holds the `FurnitureRule` built here when furniture.yml
loads, so the two can never disagree. The rule, as furniture.yml documents it:

1. a line is read plain: spaces collapsed, separators and end punctuation trimmed;
2. it is furniture when its plain text, case-folded, is one of `lines`, or one of
   `patterns` finds it (case-insensitive; `{name}` stands for any word of `words[name]`);
3. or when it is several segments joined by separators (· • | › – — and a spaced - / >)
   and every segment is furniture by 2: "Sponsored · continue reading below".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

# Never what a line is about: spaces, end punctuation, separators, list dashes.
_TRIM = " .:;!|•·›/–—-"
# What joins the widgets of one furniture line.
_SEPARATOR = re.compile(r"[·•|›–—]|\s[-/>]\s")
_GROUP = re.compile(r"\{([a-z][a-z_]*)\}")


def plain(line: str) -> str:
    """A line as the rule reads it: spaces collapsed, separators and end punctuation trimmed."""
    return " ".join(line.split()).strip(_TRIM)


def expand(pattern: str, words: Mapping[str, Iterable[str]]) -> str:
    """`pattern` with each `{name}` replaced by an alternation of that word group."""

    def alternation(match: re.Match[str]) -> str:
        name = match[1]
        if name not in words:
            raise ValueError(
                f"pattern {pattern!r} names the word group {{{name}}}, which 'words' does not "
                "define; add the group or write \\{ for a literal brace"
            )
        # Longest first, so "share this" is tried before "share".
        choices = sorted({" ".join(w.split()) for w in words[name]}, key=len, reverse=True)
        return "(?:" + "|".join(re.escape(choice) for choice in choices) + ")"

    return _GROUP.sub(alternation, pattern)


def compile_pattern(pattern: str, words: Mapping[str, Iterable[str]]) -> re.Pattern[str]:
    """One furniture.yml pattern, compiled; ValueError with a one-line fix when it is bad."""
    expanded = expand(pattern, words)
    try:
        return re.compile(expanded, re.IGNORECASE)
    except re.error as exc:
        raise ValueError(
            f"pattern {pattern!r} is not a regular expression ({exc}); fix or quote it"
        ) from exc


@dataclass(frozen=True)
class FurnitureRule:
    """furniture.yml compiled: exact plain lines and patterns, applied to lines and segments."""

    lines: frozenset[str]
    patterns: tuple[re.Pattern[str], ...]

    @classmethod
    def build(
        cls, lines: Iterable[str], patterns: Iterable[str], words: Mapping[str, Iterable[str]]
    ) -> FurnitureRule:
        """The rule for one furniture.yml; a bad pattern raises ValueError."""
        exact = frozenset(filter(None, (plain(line).casefold() for line in lines)))
        return cls(exact, tuple(compile_pattern(pattern, words) for pattern in patterns))

    def matches(self, line: str) -> bool:
        """The line is page furniture, whole or as separated widgets that all are."""
        text = plain(line)
        if not text:
            return False
        if self._widget(text):
            return True
        parts = _SEPARATOR.split(text)
        if len(parts) < 2:
            return False
        segments = [segment for segment in map(plain, parts) if segment]
        return len(segments) > 1 and all(map(self._widget, segments))

    def _widget(self, text: str) -> bool:
        return text.casefold() in self.lines or any(p.search(text) for p in self.patterns)
