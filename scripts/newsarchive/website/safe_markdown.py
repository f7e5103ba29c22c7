"""A Markdown extension that makes untrusted article text safe to publish.

Python-Markdown passes raw HTML through and attr_list can add any attribute (onclick=...).
This extension turns raw HTML into visible text, then, after every other tree step, keeps
only allowlisted attributes and drops links that newsarchive/links.py does not allow.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from ..links import is_safe_url

# What Markdown and our extensions legitimately emit; everything else (on*, style, srcdoc...) goes.
ALLOWED_ATTRIBUTES = frozenset(
    {"id", "class", "title", "lang", "dir", "href", "src", "alt", "start", "align", "rel"}
)
URL_ATTRIBUTES = frozenset({"href", "src"})


class SanitizeTreeprocessor(Treeprocessor):
    """Drop attributes outside the allowlist and unsafe URLs from every element."""

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            for name in list(element.attrib):
                value = element.attrib[name]
                if name.lower() not in ALLOWED_ATTRIBUTES or (
                    name.lower() in URL_ATTRIBUTES and not is_safe_url(value)
                ):
                    del element.attrib[name]


class SafeMarkdownExtension(Extension):
    """Raw HTML shown as text; attributes and URLs filtered after all other tree steps."""

    def extendMarkdown(self, md: Markdown) -> None:
        # Without these two, '<script>' stays text and the serializer escapes it.
        for registry, name in ((md.preprocessors, "html_block"), (md.inlinePatterns, "html")):
            if name in registry:
                registry.deregister(name)
        # Lowest priority: runs after attr_list (8), toc (5), unescape (0) and MkDocs' relpath (0).
        md.treeprocessors.register(SanitizeTreeprocessor(md), "newsarchive_sanitize", -100)


def makeExtension(**kwargs: object) -> SafeMarkdownExtension:
    """Entry point used by `markdown_extensions: [newsarchive.website.safe_markdown]`."""
    return SafeMarkdownExtension(**kwargs)
