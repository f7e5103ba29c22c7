"""Duplicate pages: the same text twice (exact) and the same story told twice (near).

Exact duplicates share a digest of the body after whitespace and quotation marks are
normalised, so a re-paste with other quotes or line breaks still counts as the same.
Near duplicates (two machine translations of one story, one story from two syndication
partners) share many word 3-grams. Each page is indexed by a sample of its 3-grams:
those whose first word hashes to 0 modulo SAMPLE. Sampling by a hash keeps the choice
the same on every page (two copies keep the same 3-grams), the index stays small for a
20,000-page archive, and only pages sharing a sample are compared in full.
"""

from __future__ import annotations

import functools
import hashlib
import re
import zlib
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field

SHINGLE = 3
SAMPLE = 4
# Share of the shorter page's 3-grams found in the other page. Measured on WMT news
# documents: two machine translations of one story score 0.24-0.9 (median about 0.5);
# pages telling different stories score 0.03 at most.
NEAR = 0.2
# Up to this many targets, comparing each with every page in full costs less than indexing.
FEW = 20
# A sample hash shared by this many pages is boilerplate, not evidence of a copy.
COMMON = 200

_QUOTES = str.maketrans({c: '"' for c in "“”„‟«»‹›″"} | {c: "'" for c in "‘’‚‛′`´"})
_WORD = re.compile(r"\w+")


def normalise(text: str) -> str:
    """The text with quotation marks unified and whitespace runs collapsed."""
    return " ".join(text.translate(_QUOTES).split())


def digest(text: str) -> str:
    """Fingerprint of the normalised text: equal for the same article re-pasted."""
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()


def shingles(text: str) -> set[tuple[str, ...]]:
    """The word 3-grams of the text, case and punctuation ignored."""
    words = _WORD.findall(text.casefold())
    if len(words) < SHINGLE:
        return {tuple(words)} if words else set()
    return set(zip(*(words[i:] for i in range(SHINGLE)), strict=False))


def sample(grams: set[tuple[str, ...]]) -> set[int]:
    """Hashes of the 3-grams kept for the index (a stable 1-in-SAMPLE choice)."""
    kept = {word for word in {gram[0] for gram in grams} if not zlib.crc32(word.encode()) % SAMPLE}
    return {hash(gram) for gram in grams if gram[0] in kept}


def containment(a: set[tuple[str, ...]], b: set[tuple[str, ...]]) -> float:
    """Share of the smaller set found in the other one (0 when either is empty)."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def sampled(text: str) -> frozenset[int]:
    """sample(shingles(text)), built from the words alone: only the kept 3-grams are made.

    Indexing a page needs no more than this, so a large archive is indexed at a fraction
    of the cost of building every page's 3-grams.
    """
    words = _WORD.findall(text.casefold())
    if len(words) < SHINGLE:
        return frozenset(sample(shingles(text)))
    starts = len(words) - SHINGLE + 1
    kept = {word for word in set(words[:starts]) if not zlib.crc32(word.encode()) % SAMPLE}
    return frozenset(hash(tuple(words[i : i + SHINGLE])) for i in range(starts) if words[i] in kept)


@functools.lru_cache(maxsize=4)  # ingest asks about a body, then indexes it: one analysis
def _analysed(body: str) -> tuple[str, frozenset[int]]:
    """(digest, sampled hashes) of a body."""
    return digest(body), sampled(body)


@dataclass
class DuplicateIndex:
    """Pages by body digest and by sampled 3-gram hashes, for exact and near lookups."""

    by_digest: dict[str, list[Hashable]] = field(default_factory=lambda: defaultdict(list))
    by_sample: dict[int, list[Hashable]] = field(default_factory=lambda: defaultdict(list))
    samples: dict[Hashable, frozenset[int]] = field(default_factory=dict)

    def add(self, key: Hashable, body: str) -> None:
        """Index one page body under `key` (empty bodies are never duplicates)."""
        if not body.strip():
            return
        body_digest, kept = _analysed(body)
        self.by_digest[body_digest].append(key)
        self.samples[key] = kept
        for value in kept:
            self.by_sample[value].append(key)

    def exact(self, key: Hashable, body: str) -> list[Hashable]:
        """Other pages whose normalised body equals this one."""
        if not body.strip():
            return []
        return [other for other in self.by_digest.get(_analysed(body)[0], []) if other != key]

    def near(
        self, key: Hashable, body: str, load: Callable[[Hashable], str]
    ) -> list[tuple[Hashable, float]]:
        """Other pages telling the same story, with their exact 3-gram containment."""
        grams, kept = shingles(body), _analysed(body)[1]
        shared: Counter[Hashable] = Counter()
        for value in kept:
            owners = self.by_sample.get(value, [])
            if len(owners) < COMMON:
                shared.update(owners)  # counted in C: the owners of common 3-grams add up
        found = []
        least = NEAR / 2 * len(kept)
        for other, count in shared.items():
            # The sample estimate prefilters; the figure reported is measured on full text.
            if other == key or (count < least and count < NEAR / 2 * len(self.samples[other])):
                continue
            score = containment(grams, shingles(load(other)))
            if score >= NEAR:
                found.append((other, score))
        return sorted(found, key=lambda pair: (-pair[1], str(pair[0])))

    def matches(
        self, key: Hashable, body: str, load: Callable[[Hashable], str]
    ) -> list[tuple[Hashable, float, bool]]:
        """(other, containment, exact) for `body`: exact copies first, then near duplicates."""
        exact = sorted(self.exact(key, body), key=str)
        near = [(other, score) for other, score in self.near(key, body, load) if other not in exact]
        return [(other, 1.0, True) for other in exact] + [(o, s, False) for o, s in near]


def compare_few(
    targets: dict[Hashable, str], pages: Iterable[tuple[Hashable, str]]
) -> dict[Hashable, list[tuple[Hashable, float, bool]]]:
    """(other, containment, exact) for each target, in one pass over the other pages.

    For a handful of targets (the pages of one pull request) comparing each page in full
    costs less than building the sample index, and needs no sampling at all.
    """
    grams = {key: shingles(body) for key, body in targets.items() if body.strip()}
    found: dict[Hashable, list[tuple[Hashable, float, bool]]] = {key: [] for key in targets}
    for other, body in pages:
        other_grams = shingles(body) if grams else set()
        for key, own in grams.items():
            score = containment(own, other_grams) if other != key else 0.0
            if score >= NEAR:
                exact = score == 1.0 and digest(targets[key]) == digest(body)
                found[key].append((other, score, exact))
    return found


def compare(
    targets: dict[Hashable, str],
    pages: Iterable[tuple[Hashable, str]],
    load: Callable[[Hashable], str],
) -> dict[Hashable, list[tuple[Hashable, float, bool]]]:
    """(other, containment, exact) for each target among `pages`: the one entry point.

    A few targets (one pull request, one ingest) are compared with every page in full, in
    one pass; more go through the sample index, whose cost is paid once for all of them.
    """
    if len(targets) <= FEW:
        return compare_few(targets, pages)
    return compare_all(targets, pages, load)


def compare_all(
    targets: dict[Hashable, str],
    pages: Iterable[tuple[Hashable, str]],
    load: Callable[[Hashable], str],
) -> dict[Hashable, list[tuple[Hashable, float, bool]]]:
    """(other, containment, exact) for each target, through the sample index."""
    index = DuplicateIndex()
    for key, body in pages:
        index.add(key, body)
    return {key: index.matches(key, body, load) for key, body in targets.items()}
