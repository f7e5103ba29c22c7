"""Topics the text supports, scored from each topic's weighted cues in topics.yml.

A cue is a word or phrase ("peace talks"); a trailing '*' makes its last word a stem
("negotiat*"), '|' joins spellings of one cue ("ceasefire|cease-fire"), which count
once, and a cue written with a capital letter ("Apple", "NFL") matches only that case.
Hyphens, apostrophes and spaces between a phrase's words are interchangeable.

A `strong` cue says the topic on its own (a headline with "Premier League" is sport);
an ordinary cue only supports it. A topic is kept when its cues add up to STRONG
(one strong cue, or three ordinary ones), and words in the headline count double,
so a headline and a 30-word lead are enough. A finer topic also lifts its `broader`
one, so an election story is politics too.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from ..registry import Topic
from .entities import Token, fold, tokenize

STRONG = 3.0
ORDINARY = 1.0
TITLE_FACTOR = 2.0
MAX_TOPICS = 3
# A topic far behind the leader is a side remark in a long article.
MIN_SHARE_OF_BEST = 0.3
# With nothing at STRONG, the leader is still kept from this much: two different
# ordinary cues, or one in the headline. Below it the text says too little.
FALLBACK = 2.0
# What may stand between the words of one phrase: "peace-talks", "women's", "S&P".
_GAP_CHARS = frozenset(" \u00a0-‐'’&./")
_GAP_MAX = 2
_MEMO_MAX = 200_000


@dataclass(frozen=True)
class Cue:
    """One spelling of a cue: its words (folded, or as written when `exact`)."""

    words: tuple[str, ...]
    stem: bool
    exact: bool
    topic: str
    text: str  # the cue as written in topics.yml: its spellings count as one
    weight: float


@dataclass
class CueIndex:
    """Cues keyed by their first folded word; stems keyed by the stem's length and letters."""

    by_word: dict[str, list[Cue]]
    by_stem: dict[int, dict[str, list[Cue]]]
    order: tuple[str, ...]
    broader: dict[str, str]
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
        weighted = [(c, STRONG) for c in topic.strong] + [(c, ORDINARY) for c in topic.cues]
        for text, weight in weighted:
            for variant in (v.strip() for v in text.split("|")):
                cue = _make_cue(variant, topic.slug, text, weight)
                if cue is None:
                    continue
                first = fold(cue.words[0])
                if cue.stem and len(cue.words) == 1:
                    by_stem[len(first)][first].append(cue)
                else:
                    by_word[first].append(cue)
    broader = {slug: topic.broader for slug, topic in topics.items() if topic.broader}
    return CueIndex(dict(by_word), {n: dict(d) for n, d in by_stem.items()}, tuple(topics), broader)


def _make_cue(variant: str, topic: str, text: str, weight: float) -> Cue | None:
    stem = variant.endswith("*")
    tokens = tokenize(variant.rstrip("*"))
    if not tokens:
        return None
    exact = any(ch.isupper() for ch in variant)
    words = tuple(t.text if exact else t.folded for t in tokens)
    return Cue(words, stem, exact, topic, text, weight)


def _word_matches(cue: Cue, k: int, token: Token) -> bool:
    word = cue.words[k]
    form = token.text if cue.exact else token.folded
    if cue.stem and k == len(cue.words) - 1:
        return form.startswith(word)
    return form == word


def _cue_at(cue: Cue, tokens: Sequence[Token], i: int, text: str) -> bool:
    if i + len(cue.words) > len(tokens):
        return False
    for k in range(len(cue.words)):
        token = tokens[i + k]
        if not _word_matches(cue, k, token):
            return False
        if k:
            gap = text[tokens[i + k - 1].end : token.start]
            if not gap or len(gap) > _GAP_MAX or not set(gap) <= _GAP_CHARS:
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


def topic_scores(
    index: CueIndex, text: str, tokens: Sequence[Token], title_end: int
) -> dict[str, float]:
    """Each topic's score: its distinct cues' weights, headline hits doubled; finer lift broader."""
    seen: dict[tuple[str, str], tuple[float, int, bool]] = {}
    for cue, start in find_cues(index, text, tokens):
        key = (cue.topic, cue.text)
        _, count, in_title = seen.get(key, (cue.weight, 0, False))
        seen[key] = (cue.weight, count + 1, in_title or start < title_end)
    scores: dict[str, float] = defaultdict(float)
    for (slug, _), (weight, count, in_title) in seen.items():
        # Repetition adds a little: the tenth "government" says less than the second cue.
        scores[slug] += weight * (TITLE_FACTOR if in_title else 1.0) * (1 + 0.8 * math.log(count))
    for slug in sorted(scores, key=scores.__getitem__, reverse=True):
        parent = index.broader.get(slug)
        while parent is not None:
            scores[parent] = max(scores.get(parent, 0.0), scores[slug])
            parent = index.broader.get(parent)
    return dict(scores)


def score_topics(index: CueIndex, text: str, tokens: Sequence[Token], title_end: int) -> list[str]:
    """Slugs of the topics `text` supports, best first; text before `title_end` is the title."""
    scores = topic_scores(index, text, tokens, title_end)
    if not scores:
        return []
    best = max(scores.values())
    floor = STRONG if best >= STRONG else FALLBACK
    cut = max(floor, best * MIN_SHARE_OF_BEST)
    # Ties go to the broader topic, then to the file's order.
    depth = {slug: _depth(index, slug) for slug in scores}
    position = {slug: n for n, slug in enumerate(index.order)}
    kept = [slug for slug, score in scores.items() if score >= cut]
    kept.sort(key=lambda slug: (-scores[slug], depth[slug], position.get(slug, 0)))
    return kept[:MAX_TOPICS]


def _depth(index: CueIndex, slug: str) -> int:
    depth, parent = 0, index.broader.get(slug)
    while parent is not None:
        depth, parent = depth + 1, index.broader.get(parent)
    return depth
