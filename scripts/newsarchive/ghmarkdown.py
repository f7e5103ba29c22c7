"""Contributor-written text inside a GitHub comment, shown and never interpreted.

Every value a stranger wrote (titles, article text, sidecar facts) is put in a code span or a
fenced code block: there Markdown, HTML, links, images and @mentions are plain text. Both
helpers pick a backtick run longer than any in the text, so the text cannot close them.
"""

from __future__ import annotations

import re

from .errors import one_line

_TICKS = re.compile(r"`+")


def _fence_for(text: str, shortest: int) -> str:
    longest = max((len(run) for run in _TICKS.findall(text)), default=0)
    return "`" * max(shortest, longest + 1)


def code_span(value: object) -> str:
    """`value` as inline code on one line, safe in a table cell ('|' escaped, as GFM asks)."""
    text = one_line(str(value)).replace("|", "\\|")
    if not text.strip():
        return "(empty)"
    fence = _fence_for(text, 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def code_block(text: str, info: str = "text") -> str:
    """`text` as a fenced code block that no line of it can end."""
    fence = _fence_for(text, 3)
    return f"{fence}{info}\n{text.rstrip()}\n{fence}"
