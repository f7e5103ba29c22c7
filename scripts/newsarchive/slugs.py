"""ASCII slugs for file names and page addresses.

Latin and Cyrillic titles keep the slugs they always had (pages never change address):
accents are dropped, and Cyrillic follows the Ukrainian national transliteration table
below. A title written mostly in another script (Greek, Arabic, Hebrew, Georgian,
Armenian, Thai, Devanagari, Chinese, Japanese, Korean ...) is transliterated with
anyascii, so its address is readable instead of 'article-<hash>'.
"""

from __future__ import annotations

import re
import unicodedata

from anyascii import anyascii

# Letters that NFKD does not decompose to ASCII but readers expect spelled out.
_TRANSLIT = str.maketrans(
    {
        "ß": "ss",
        "æ": "ae",
        "Æ": "ae",
        "ø": "o",
        "Ø": "o",
        "œ": "oe",
        "Œ": "oe",
        "đ": "d",
        "Đ": "d",
        "ł": "l",
        "Ł": "l",
        "þ": "th",
        "ð": "d",
        "ı": "i",
        "а": "a",
        "б": "b",
        "в": "v",
        "г": "h",
        "ґ": "g",
        "д": "d",
        "е": "e",
        "є": "ie",
        "ж": "zh",
        "з": "z",
        "и": "y",
        "і": "i",
        "ї": "i",
        "й": "i",
        "к": "k",
        "л": "l",
        "м": "m",
        "н": "n",
        "о": "o",
        "п": "p",
        "р": "r",
        "с": "s",
        "т": "t",
        "у": "u",
        "ф": "f",
        "х": "kh",
        "ц": "ts",
        "ч": "ch",
        "ш": "sh",
        "щ": "shch",
        "ь": "",
        "ю": "iu",
        "я": "ia",
        "ы": "y",
        "э": "e",
        "ё": "e",
        "ъ": "",
    }
)
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
# Scripts the accent-dropping and the table above already spell.
_OWN_SCRIPTS = ("LATIN", "CYRILLIC")
# Chinese characters, and Japanese kanji, are one syllable each and written without
# spaces: each becomes a word ('中国经济' -> 'zhong-guo-jing-ji'), so a long title can
# still be cut between words.
_HAN = re.compile("([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f])")
# anyascii marks ejectives, glottal stops and ayin with ' or ` inside a word ("p'arlament").
_GLOTTAL_MARKS = str.maketrans("", "", "'`")
# Names Windows refuses for any file or folder (with any extension): a contributor on
# Windows could not check out an archive holding con.md or people/aux/.
_WINDOWS_RESERVED = frozenset(
    ["con", "prn", "aux", "nul", *(f"{port}{n}" for port in ("com", "lpt") for n in range(10))]
)


def slugify(text: str, max_length: int = 80) -> str:
    """Lowercase ASCII words joined by '-', cut at a word boundary within max_length."""
    # Before NFKC, which splits letters anyascii reads whole (Thai 'ำ').
    if _mostly_other_scripts(text):
        text = _romanise(_HAN.sub(r" \1 ", unicodedata.normalize("NFC", text)))
    text = unicodedata.normalize("NFKC", text).lower().translate(_TRANSLIT)
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = _NON_ALNUM.sub("-", ascii_text).strip("-")
    if len(slug) > max_length:
        cut = slug[: max_length + 1]
        slug = cut[: cut.rfind("-")] if "-" in cut[:max_length] else slug[:max_length]
    slug = slug.strip("-")
    return f"{slug}-page" if slug in _WINDOWS_RESERVED else slug


def _script(char: str) -> str:
    return unicodedata.name(char, "").split(" ", 1)[0]


def _mostly_other_scripts(text: str) -> bool:
    """More than half of the letters are neither Latin nor Cyrillic."""
    letters = [char for char in text if char.isalpha()]
    other = sum(_script(char) not in _OWN_SCRIPTS for char in letters)
    return other * 2 > len(letters)


def _romanise(text: str) -> str:
    """Letters, marks and digits of other scripts in ASCII; symbols and emoji stay as they
    were, so they still drop out of the address ('😀' is not ':grinning:')."""
    return "".join(
        anyascii(char).lower().translate(_GLOTTAL_MARKS) if _foreign(char) else char
        for char in text
    )


def _foreign(char: str) -> bool:
    return (
        not char.isascii()
        and unicodedata.category(char)[0] in "LMN"
        and _script(char) not in _OWN_SCRIPTS
    )
