"""Content that must never reach a reader's browser: raw HTML, scripts, unsafe links.

Articles are contributed and untrusted. The site renders Markdown, which passes raw
HTML through, so any tag is refused; links may only lead to web pages, never run code
(javascript:, data:, vbscript:) or point at files on someone's disk.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Iterator
from typing import Any

from ..links import scheme_of, scheme_problem
from .yamltraps import Location, name_of

_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)(?![A-Za-z0-9:@.+-])|<!--|<[!?][A-Za-z]+")
_CODE_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
_INLINE_LINK = re.compile(r"\]\(\s*<?([^)\s>]*)")
_REFERENCE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?([^\s>]+)")
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]*:[^<>\s]*)>")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]")
# In plain-text values only an address-shaped 'data:' counts ('Big data: a survey' is fine).
_VALUE_SCHEME = re.compile(r"(?i)\b(javascript|vbscript)\s*:|\b(data):[a-z]+/[a-z]")
# 'onclick=' in a value breaks out of an attribute; in a { } attribute list it adds one.
_HANDLER = re.compile(r"(?i)\bon[a-z]{3,}\s*=")
_ATTR_LIST = re.compile(r"\{:?[^{}\n]*\}")


def body_lines(body: str) -> Iterator[tuple[int, str]]:
    """(offset, text) of body lines outside code blocks, with inline code blanked out."""
    fenced = False
    for offset, line in enumerate(body.splitlines()):
        if _CODE_FENCE.match(line):
            fenced = not fenced
            continue
        if not fenced:
            yield offset, _CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)


def _shown(match: re.Match[str]) -> str:
    return match.group(0) + (">" if match.group(2) else "")


def _tag_problems(line: str) -> Iterator[str]:
    tags = list(_TAG.finditer(_AUTOLINK.sub("", line)))
    if any((tag.group(2) or "").lower() == "script" for tag in tags):
        yield "<script> element; remove it (scripts from articles never run on the site)"
    other = next((tag for tag in tags if (tag.group(2) or "").lower() != "script"), None)
    if other:
        yield f"raw HTML {_shown(other)}; write it as Markdown (**bold**, [text](url)) or remove it"


def link_problem(url: str, page_dir: str) -> str | None:
    """Why a link target is unsafe or broken, or None when it leads to a web page."""
    if scheme_of(url) is not None:
        return scheme_problem(url)
    # Browsers ignore whitespace and decode entities in a link: 'java&#115;cript:'.
    target = _INVISIBLE.sub("", html.unescape(url)).lower()
    if re.match(r"^\\\\|^~/", target):
        return f"link to a local file '{url}'; link to the published web page instead"
    if target.startswith(("#", "//")) or not target:
        return None
    if target.startswith("/"):
        return f"link to a local path '{url}'; link to the published web page instead"
    resolved = posixpath.normpath(posixpath.join(page_dir, target.split("#")[0]))
    if resolved == ".." or resolved.startswith("../"):
        return f"link '{url}' leads outside the archive; link to the published web page instead"
    return None


def check_body(body: str, first_line: int, page_dir: str) -> Iterator[tuple[int, str]]:
    """(line, message) for raw HTML and unsafe links in the Markdown body."""
    for offset, line in body_lines(body):
        for problem in _tag_problems(line):
            yield first_line + offset, problem
        for attributes in _ATTR_LIST.findall(line):
            if _HANDLER.search(attributes) or _VALUE_SCHEME.search(html.unescape(attributes)):
                message = f"attribute list {attributes} can run a script; keep only #id and .class"
                yield first_line + offset, message
        urls = [*_INLINE_LINK.findall(line), *_REFERENCE.findall(line), *_AUTOLINK.findall(line)]
        for url in urls:
            problem = link_problem(url, page_dir)
            if problem:
                yield first_line + offset, problem


def _strings(value: Any, location: Location) -> Iterator[tuple[Location, str]]:
    if isinstance(value, str):
        yield location, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*location, str(key)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, (*location, index))


def check_values(data: dict[str, Any]) -> Iterator[tuple[Location, str]]:
    """(location, message) for front-matter text carrying HTML or a script address."""
    for location, text in _strings(data, ()):
        tag = _TAG.search(text)
        if tag:
            yield location, f"{name_of(location)} contains raw HTML {_shown(tag)}; remove the tag"
        handler = None if tag else _HANDLER.search(text)
        if handler:
            found = handler.group(0).rstrip("= ")
            yield location, f"{name_of(location)} contains an event handler '{found}='; remove it"
        scheme = _VALUE_SCHEME.search(text)
        if scheme:
            found = (scheme.group(1) or scheme.group(2)).lower()
            yield location, f"{name_of(location)} contains a {found}: address; remove it"
