"""Page furniture: data/furniture.yml plus the general shapes below, anywhere in the text."""

from __future__ import annotations

import re
from functools import lru_cache

from ..errors import RegistryError
from ..registry import DATA_DIR
from .lines import WORD, Line, wordset

Rules = tuple[frozenset[str], tuple[re.Pattern[str], ...]]

# Credits at the foot of wire copy: "(Reporting by X; Editing by Y)", "X contributed to this report"
_CREDIT = re.compile(
    r"^[(\[]?\s*(?:additional\s+)?(?:reporting|writing|editing|compiled|research|produced|"
    r"graphics|fact[- ]checking|translated|translation)(?:\s+(?:and|&)\s+\w+)?\s+by\b"
    r"|\bcontributed\s+(?:to\s+)?(?:this|the)\s+(?:report|story|article)\b",
    re.IGNORECASE,
)
_CREDIT_MAX_WORDS = 60

# Newsletter pitches: "... delivered to your inbox", "Sign up for our newsletter".
_PROMO_PITCH = re.compile(
    r"\b(?:delivered|sent|straight|direct(?:ly)?)\b.{0,60}\b(?:in|to|into)\s+(?:your|the)\s+"
    r"(?:in-?box|mailbox|reception box|e-?mail)|\bsign(?:ing)?\s+up\s+(?:for|to)\s+(?:our|the)\b"
    r"|\bsubscribe\s+to\s+(?:our|the)\b.{0,40}\b(?:newsletter|alerts|updates)\b",
    re.IGNORECASE,
)
_PROMO_HEAD = re.compile(r"\b(?:news|newsletters?|alerts|updates|briefing|digest)\b", re.I)
_PROMO_MAX_WORDS = 40

# Photo captions and credits: "Photo: X", "... (Name/AP)", "[File: Reuters]", "© Agency / Name".
_PHOTO_CREDIT = re.compile(
    r"^(?:main\s+)?(?:photo|image|picture|foto|photograph|illustration|graphic|video)s?"
    r"(?:\s+credit)?\s*:\s*\S"
    r"|\([^()]*[^\W\d_]\s?/\s?[A-Z][^()]*\)\s*$|\[(?:file|photo|image)\b[^\]]*\]\s*$"
    r"|©\s*[^\W\d][^©.]{0,60}$",
    re.IGNORECASE,
)
_CAPTION_MAX_WORDS = 60
# "Photo by NAME Agency", "The photo was taken by NAME.": short credit lines.
_PHOTO_BY = re.compile(
    r"^(?:the\s+)?(?:photo|image|picture|foto|photograph|illustration|video)s?"
    r"(?:\s+was)?(?:\s+taken)?\s+by\b[^.!?]*\.?$",
    re.IGNORECASE,
)
_PHOTO_BY_MAX_WORDS = 8

# A menu label is one short word; a long one-word line is a URL or a code, not navigation.
_LABEL_CHARS = 24

# Share bars and link rows: every word is a network or a share verb.
_SHARE_WORDS = wordset(
    "share shares sharing this article story page link links url copy copied email e-mail mail "
    "print facebook twitter x whatsapp linkedin pinterest reddit messenger telegram flipboard "
    "tumblr sms comment comments save bookmark on with via the close options more show "
    "instagram youtube rss feed tweet post"
)
_SHARE_NETWORKS = wordset(
    "share facebook twitter whatsapp linkedin pinterest reddit messenger telegram email "
    "instagram youtube tweet copy"
)


def take_out_promos(lines: list[Line], removed: list[str]) -> list[Line]:
    """A newsletter pitch goes, with the short 'Get daily news' line that heads it."""
    kept: list[Line] = []
    for line in lines:
        if line.words <= _PROMO_MAX_WORDS and _PROMO_PITCH.search(line.text):
            head = kept[-1] if kept else None
            if head and not head.sentence and head.words <= 8 and _PROMO_HEAD.search(head.text):
                removed.append(kept.pop().text)
            removed.append(line.text)
        else:
            kept.append(line)
    return kept


def take_out_menus(lines: list[Line], removed: list[str]) -> list[Line]:
    """Runs of one-word lines ('Home', 'Politik', 'Cultura') are a menu, whatever the words."""
    menu = [
        not line.heading
        and line.words == 1
        and not line.sentence
        and len(line.text) <= _LABEL_CHARS
        for line in lines
    ]
    kept: list[Line] = []
    for index, line in enumerate(lines):
        in_run = menu[index] and (
            (index > 0 and menu[index - 1]) or (index + 1 < len(lines) and menu[index + 1])
        )
        if in_run:
            removed.append(line.text)
        else:
            kept.append(line)
    return kept


@lru_cache(maxsize=8)
def compile_furniture(lines: tuple[str, ...], patterns: tuple[str, ...]) -> Rules:
    """furniture.yml as exact keys and compiled patterns; a bad pattern is a RegistryError."""
    exact = frozenset(_furniture_key(line) for line in lines)
    compiled = []
    for pattern in patterns:
        try:
            compiled.append(re.compile(pattern, re.IGNORECASE))
        except re.error as exc:
            raise RegistryError(
                f"pattern {pattern!r} is not a valid regular expression ({exc}); fix or quote it",
                DATA_DIR / "furniture.yml",
            ) from exc
    return exact, tuple(compiled)


def _furniture_key(text: str) -> str:
    return " ".join(text.split()).strip(" .:;!|•·-–—").casefold()


def is_furniture(text: str, rules: Rules) -> bool:
    """A furniture.yml line or pattern, a credit trailer, a photo credit or a share bar."""
    exact, patterns = rules
    words = len(WORD.findall(text))
    if _furniture_key(text) in exact or any(p.search(text) for p in patterns):
        return True
    if words <= _CREDIT_MAX_WORDS and _CREDIT.search(text):
        return True
    if words <= _CAPTION_MAX_WORDS and _PHOTO_CREDIT.search(text):
        return True
    if words <= _PHOTO_BY_MAX_WORDS and _PHOTO_BY.search(text):
        return True
    tokens = [t.strip(".,:;!?|•·()[]").lower() for t in text.split()]
    tokens = [t for t in tokens if t]
    return (
        bool(tokens)
        and len(tokens) <= 12
        and set(tokens) <= _SHARE_WORDS
        and bool(set(tokens) & _SHARE_NETWORKS)
    )
