"""ASCII slugs for file names and page addresses."""

from __future__ import annotations

import re
import unicodedata

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
# Names Windows refuses for any file or folder (with any extension): a contributor on
# Windows could not check out an archive holding con.md or people/aux/.
_WINDOWS_RESERVED = frozenset(
    ["con", "prn", "aux", "nul", *(f"{port}{n}" for port in ("com", "lpt") for n in range(10))]
)


def slugify(text: str, max_length: int = 80) -> str:
    """Lowercase ASCII words joined by '-', cut at a word boundary within max_length."""
    text = unicodedata.normalize("NFKC", text).lower().translate(_TRANSLIT)
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = _NON_ALNUM.sub("-", ascii_text).strip("-")
    if len(slug) > max_length:
        cut = slug[: max_length + 1]
        slug = cut[: cut.rfind("-")] if "-" in cut[:max_length] else slug[:max_length]
    slug = slug.strip("-")
    return f"{slug}-page" if slug in _WINDOWS_RESERVED else slug
