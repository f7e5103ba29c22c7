"""Which links an article may carry: the one policy validate checks and the site enforces.

A link leads to a web page (http, https) or an e-mail address (mailto), or within the
archive. Anything else either runs code in a reader's browser (javascript:, data:,
vbscript:), reads someone's disk (file:, C:\\...), or names a service the site does
not link to (ftp:, tel:, ...): validate refuses it, and the renderer drops it.
"""

from __future__ import annotations

import html
import re

SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
CODE_SCHEMES = frozenset({"javascript", "vbscript", "data"})
# Browsers ignore ASCII whitespace and control characters inside a scheme ("java\tscript:").
_IGNORED_IN_URL = re.compile(r"[\x00-\x20\x7f]+")
_SCHEME = re.compile(r"^([^/?#]*?):")


def scheme_of(url: str) -> str | None:
    """The scheme a browser would see in `url` (lowercase), or None for a relative link."""
    # Character references ('&#106;', '&colon;') survive into the page and the browser decodes them.
    match = _SCHEME.match(_IGNORED_IN_URL.sub("", html.unescape(url)))
    return match.group(1).lower() if match else None


def is_safe_url(url: str) -> bool:
    """True for relative links, fragments and http(s)/mailto; False for everything else."""
    scheme = scheme_of(url)
    return scheme is None or scheme in SAFE_SCHEMES


def scheme_problem(url: str) -> str | None:
    """Why a link's scheme is not allowed ('what is wrong; how to fix it'), or None."""
    scheme = scheme_of(url)
    if scheme is None or scheme in SAFE_SCHEMES:
        return None
    if scheme in CODE_SCHEMES:
        return f"{scheme}: link, which can run code in a reader's browser; remove it"
    if scheme == "file" or re.fullmatch(r"[a-z]", scheme):
        return f"link to a local file '{url}'; link to the published web page instead"
    allowed = ", ".join(sorted(SAFE_SCHEMES))
    return f"{scheme}: link, which the site does not keep (only {allowed}); link to a web page"
