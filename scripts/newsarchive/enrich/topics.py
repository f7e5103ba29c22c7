"""Topics the text supports, scored from each topic's cue words in topics.yml.

A cue is a word or phrase ("peace talks"); a trailing '*' makes its last word a stem
("negotiat*"), and '|' joins spellings of one cue ("ceasefire|cease-fire"), which count
once. Hyphens and spaces are interchangeable in the text.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from ..registry import Topic
from .entities import Token, tokenize

# One cue in passing is not a subject: a topic needs this many different cues, or
# one cue in the headline and at least one more hit anywhere.
MIN_DISTINCT_CUES = 2
TITLE_WEIGHT = 3
MAX_TOPICS = 4
# Topics far behind the leader are side remarks in long articles.
MIN_SHARE_OF_BEST = 0.25
_MEMO_MAX = 200_000


@dataclass(frozen=True)
class Cue:
    """One cue: folded words, the last one possibly a stem."""

    words: tuple[str, ...]
    stem: bool
    topic: str
    text: str


@dataclass
class CueIndex:
    """Cues keyed by their first word; stems keyed by the stem's length and letters."""

    by_word: dict[str, list[Cue]]
    by_stem: dict[int, dict[str, list[Cue]]]
    order: tuple[str, ...]
    # Cues that may start at a given word; news reuses its words, so this fills quickly.
    starting: dict[str, tuple[Cue, ...]] = field(default_factory=dict)

    def cues_starting(self, word: str) -> tuple[Cue, ...]:
        """The cues whose first word matches `word` (folded)."""
        cues = self.starting.get(word)
        if cues is None:
            found = list(self.by_word.get(word, ()))
            for length, stems in self.by_stem.items():
                found.extend(stems.get(word[:length], ()))
            if len(self.starting) >= _MEMO_MAX:
                self.starting.clear()
            cues = self.starting[word] = tuple(found)
        return cues


def build_cue_index(topics: Mapping[str, Topic]) -> CueIndex:
    """Index every cue of every topic for a single pass over the text."""
    by_word: dict[str, list[Cue]] = defaultdict(list)
    by_stem: dict[int, dict[str, list[Cue]]] = defaultdict(lambda: defaultdict(list))
    for topic in topics.values():
        for text, variant in ((t, v.strip()) for t in topic.cues for v in t.split("|")):
            stem = variant.endswith("*")
            words = tuple(t.folded for t in tokenize(variant.rstrip("*")))
            if not words:
                continue
            cue = Cue(words, stem, topic.slug, text)
            if stem and len(words) == 1:
                by_stem[len(words[0])][words[0]].append(cue)
            else:
                by_word[words[0]].append(cue)
    return CueIndex(dict(by_word), {n: dict(d) for n, d in by_stem.items()}, tuple(topics))


def _word_matches(cue: Cue, k: int, token: Token) -> bool:
    word = cue.words[k]
    if cue.stem and k == len(cue.words) - 1:
        return token.folded.startswith(word)
    return token.folded == word


def _cue_at(cue: Cue, tokens: Sequence[Token], i: int, text: str) -> bool:
    if i + len(cue.words) > len(tokens):
        return False
    for k in range(len(cue.words)):
        token = tokens[i + k]
        if not _word_matches(cue, k, token):
            return False
        if k and text[tokens[i + k - 1].end : token.start] not in {" ", "-", "\u00a0"}:
            return False
    return True


def find_cues(index: CueIndex, text: str, tokens: Sequence[Token]) -> list[tuple[Cue, int]]:
    """Every cue occurrence in `text` with its offset, possibly several at one word."""
    found: list[tuple[Cue, int]] = []
    for i, token in enumerate(tokens):
        candidates = index.cues_starting(token.folded)
        if candidates:
            found.extend((c, token.start) for c in candidates if _cue_at(c, tokens, i, text))
    return found


def score_topics(index: CueIndex, text: str, tokens: Sequence[Token], title_end: int) -> list[str]:
    """Slugs of the topics `text` supports, best first; text before `title_end` is the title."""
    hits: dict[str, list[tuple[str, bool]]] = defaultdict(list)
    for cue, start in find_cues(index, text, tokens):
        hits[cue.topic].append((cue.text, start < title_end))
    scores: dict[str, float] = {}
    for slug, found in hits.items():
        distinct = {cue for cue, _ in found}
        in_title = {cue for cue, title_hit in found if title_hit}
        if len(distinct) < MIN_DISTINCT_CUES and not (in_title and len(found) >= 2):
            continue
        # Distinct cues decide; repetition only breaks ties.
        scores[slug] = len(distinct) + TITLE_WEIGHT * len(in_title) + 0.01 * len(found)
    if not scores:
        return []
    best = max(scores.values())
    kept = [slug for slug in index.order if scores.get(slug, 0) >= best * MIN_SHARE_OF_BEST]
    kept.sort(key=lambda slug: -scores[slug])
    return kept[:MAX_TOPICS]
