"""Page furniture: furniture.yml's rule, plus credits, promos and menus, anywhere in the text."""

from __future__ import annotations

import re

from ..registry import Furniture
from .lines import WORD, Line

# Credits at the foot of wire copy: "(Reporting by X; Editing by Y)", "X contributed to this report"
_CREDIT = re.compile(
    r"^[(\[]?\s*(?:additional\s+)?(?:reporting|writing|editing|compiled|research|produced|"
    r"graphics|fact[- ]checking|translated|translation)(?:\s+(?:and|&)\s+\w+)?\s+by\b"
    r"|\bcontributed\s+(?:to\s+)?(?:this|the)\s+(?:report|story|article)\b"
    # "Edition : M. Name", "Redaktion: A. Name": a desk role, a colon, a short name.
    r"|^(?:edition|editing|editor|edited|rédaction|redaktion|redacción|redazione|bearbeitung"
    r"|mise en page|réalisation|realisation|production|producer|montage|infographie|grafik"
    r"|editor[ae]?|редактор|редакторка)\s*:\s*[^\W\d][\w.'’ -]{1,60}$",
    re.IGNORECASE,
)
_CREDIT_MAX_WORDS = 60

# Newsletter pitches: "... delivered to your inbox", "Sign up for our newsletter".
# A pitch speaks to the reader ("your inbox", "our newsletter", "Sign up"), within one
# sentence: "questions were sent via email. She did not reply to the email" is a story.
_PROMO_PITCH = re.compile(
    r"\b(?:delivered|sent|straight|direct(?:ly)?)\b[^.!?]{0,60}\b(?:in|to|into)\s+your\s+"
    r"(?:in-?box|mailbox|reception box|e-?mail)|^\W*sign(?:ing)?\s+up\b"
    r"|\bsign\s+up\s+(?:for|to)\s+our\b"
    r"|\bsubscribe\s+to\s+(?:our|the)\b[^.!?]{0,40}\b(?:newsletter|alerts|updates)\b",
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


def is_furniture(text: str, furniture: Furniture) -> bool:
    """furniture.yml's rule (what validate flags too), a credit trailer or a photo credit."""
    if furniture.matches(text):
        return True
    words = len(WORD.findall(text))
    return (
        (words <= _CREDIT_MAX_WORDS and _CREDIT.search(text) is not None)
        or (words <= _CAPTION_MAX_WORDS and _PHOTO_CREDIT.search(text) is not None)
        or (words <= _PHOTO_BY_MAX_WORDS and _PHOTO_BY.search(text) is not None)
    )
