"""A page's own name: og:site_name, publisher, domain. Kept out of bylines and headlines.

Pages print their name where a reader's parser looks for people and titles: an author
meta of "Deutsche Welle (www.dw.com)", trafilatura's "Tagesschau De" for tagesschau.de,
a <title> of "Headline | DW | 23.05.2011" or "标题-新华网". Names are compared as keys:
case folded, letters and digits only, so "MDR.DE", "mdr.de" and "Mdr De" are one name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urlsplit

from .dates import is_date_line

# Host labels that name no site: "www.", "m.", the "co" of "co.uk".
_NOT_A_LABEL = frozenset({"www", "m", "amp", "co", "com", "org", "net", "gov", "ac", "news"})
_ASIDE = re.compile(r"\([^()]*\)")
_NON_WORD = re.compile(r"[\W_]+")
# Where a site name is glued to a headline: " | ", " - ", " — ", " :: ", and in CJK
# titles a bare hyphen after a CJK character ("标题-新华网").
_SEPARATOR = re.compile(
    r"\s+(?:[-|–—·•]|::)\s+|\s*[|｜]\s*|(?<=[\u3000-\u9fff\uff00-\uffef])\s*[-－—_]\s*"
)


def name_key(text: str) -> str:
    """'Deutsche Welle (www.dw.com)' -> 'deutschewelle'; 'MDR.DE' -> 'mdrde'."""
    return _NON_WORD.sub("", _ASIDE.sub("", text).casefold())


def site_keys(names: Iterable[str | None], urls: Iterable[str | None]) -> frozenset[str]:
    """Keys of a page's names (og:site_name, publisher) and of its hosts and their labels."""
    keys: set[str] = set()
    for name in filter(None, names):
        # "stol.it / Suedtirol Online", "DW | Deutsche Welle": each part is the site's name too.
        keys.update(name_key(part) for part in [name, *re.split(r"\s+[/|–—-]\s+|\s*\|\s*", name)])
    for url in urls:
        try:
            host = urlsplit(url if url and "//" in url else f"//{url or ''}").hostname or ""
        except ValueError:  # "http://[broken": an address that names no host
            continue
        labels = host.split(".")
        keys.add(name_key(".".join(label for label in labels if label not in _NOT_A_LABEL)))
        keys.update(label for label in labels[:-1] if label not in _NOT_A_LABEL)
    keys.discard("")
    return frozenset(keys)


def is_site_name(name: str, keys: frozenset[str]) -> bool:
    """The name is the page's own (its site, publisher or domain), not a person."""
    return name_key(name) in keys


def strip_site_suffix(title: str | None, keys: frozenset[str]) -> str | None:
    """'Headline | DW | 23.05.2011' -> 'Headline' when DW is the site; other tails stay."""
    while title:
        separators = list(_SEPARATOR.finditer(title))
        if not separators:
            break
        last = separators[-1]
        head, tail = title[: last.start()].strip(), title[last.end() :].strip()
        if not head or not (is_site_name(tail, keys) or is_date_line(tail)):
            break
        title = head
    return title
