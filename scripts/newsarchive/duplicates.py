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


@dataclass(frozen=True)
class Fingerprint:
    """What the index keeps of a body: its digest (exact copies) and sampled 3-gram hashes.

    Made once per body, possibly in another process of the same run (ingest's workers,
    forked, hash as the main process does).
    """

    digest: str
    sample: frozenset[int]


def fingerprint(body: str) -> Fingerprint:
    """The body's fingerprint."""
    return Fingerprint(digest(body), sampled(body))


@dataclass
class DuplicateIndex:
    """Pages by body digest and by sampled 3-gram hashes, for exact and near lookups."""

    by_digest: dict[str, list[Hashable]] = field(default_factory=lambda: defaultdict(list))
    by_sample: dict[int, list[Hashable]] = field(default_factory=lambda: defaultdict(list))
    samples: dict[Hashable, frozenset[int]] = field(default_factory=dict)

    def add(self, key: Hashable, body: str, known: Fingerprint | None = None) -> None:
        """Index one page body under `key` (empty bodies are never duplicates)."""
        if not body.strip():
            return
        found = known or fingerprint(body)
        self.by_digest[found.digest].append(key)
        self.samples[key] = found.sample
        for value in found.sample:
            self.by_sample[value].append(key)

    def exact(self, key: Hashable, found: Fingerprint) -> list[Hashable]:
        """Other pages whose normalised body equals the one with this fingerprint."""
        return [other for other in self.by_digest.get(found.digest, []) if other != key]

    def near(
        self, key: Hashable, body: str, found: Fingerprint, load: Callable[[Hashable], str]
    ) -> list[tuple[Hashable, float]]:
        """Other pages telling the same story, with their exact 3-gram containment."""
        grams, kept = shingles(body), found.sample
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
        self,
        key: Hashable,
        body: str,
        load: Callable[[Hashable], str],
        known: Fingerprint | None = None,
    ) -> list[tuple[Hashable, float, bool]]:
        """(other, containment, exact) for `body`: exact copies first, then near duplicates."""
        if not body.strip():
            return []
        found = known or fingerprint(body)
        exact = sorted(self.exact(key, found), key=str)
        near = [
            (other, score)
            for other, score in self.near(key, body, found, load)
            if other not in exact
        ]
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
    known: dict[Hashable, Fingerprint] | None = None,
) -> dict[Hashable, list[tuple[Hashable, float, bool]]]:
    """(other, containment, exact) for each target among `pages`: the one entry point.

    A few targets (one pull request, one ingest) are compared with every page in full, in
    one pass; more go through the sample index, whose cost is paid once for all of them.
    `known` holds fingerprints already made, by key.
    """
    if len(targets) <= FEW:
        return compare_few(targets, pages)
    return compare_all(targets, pages, load, known or {})


def compare_all(
    targets: dict[Hashable, str],
    pages: Iterable[tuple[Hashable, str]],
    load: Callable[[Hashable], str],
    known: dict[Hashable, Fingerprint],
) -> dict[Hashable, list[tuple[Hashable, float, bool]]]:
    """(other, containment, exact) for each target, through the sample index."""
    index = DuplicateIndex()
    made = dict(known)
    for key, body in pages:
        if key in targets and key not in made and body.strip():
            made[key] = fingerprint(body)  # made once: the target is looked up with it below
        index.add(key, body, made.get(key))
    return {key: index.matches(key, body, load, made.get(key)) for key, body in targets.items()}
