"""Paragraphs of a translation aligned with its original's, by position and length.

Gale and Church's length model (1993), on paragraphs instead of sentences: a translation's
paragraph is about as long as its original's times a constant for the language pair, with
a spread that grows with the length. A dynamic programme over both paragraph lists takes,
at each step, one paragraph from each side (1-1), one against two (1-2, 2-1: a machine
translation or an editor split or joined one), or one alone (1-0, 0-1: left out on the other
side). The constant is measured on the pair itself (total length against total length), so
no language table is needed.

A row whose lengths do not fit even as a pair is split into two rows, each alone: a paragraph
that does not align is shown on its own, never beside the wrong one.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

# Gale and Church's priors for each kind of step; 2-2 is left out (two 1-1 steps do it).
_PRIOR = {(1, 1): 0.89, (1, 0): 0.005, (0, 1): 0.005, (2, 1): 0.0445, (1, 2): 0.0445}
# Variance of the length difference per character (Gale and Church's estimate).
_VARIANCE = 6.8
# Above this many standard deviations apart, a 1-1 pair is two paragraphs alone.
_APART = 3.0
_PENALTY = {step: -math.log(prior) for step, prior in _PRIOR.items()}
# Only cells this many paragraphs off the diagonal are searched: a long article costs
# length x band, not length squared, and no true alignment strays that far.
_BAND = 30


@dataclass(frozen=True)
class Row:
    """One aligned row: indexes into the translation's and the original's paragraphs."""

    translation: tuple[int, ...]
    original: tuple[int, ...]


def _deviation(left: int, right: int, ratio: float) -> float:
    """How far apart two lengths are, in standard deviations of the length model."""
    mean = (left + right / ratio) / 2
    return abs(right - left * ratio) / math.sqrt(max(mean, 1.0) * _VARIANCE)


def _cost(left: int, right: int, ratio: float) -> float:
    # -log of the chance of a difference at least this large (two-sided normal tail).
    tail = math.erfc(_deviation(left, right, ratio) / math.sqrt(2))
    return -math.log(max(tail, 1e-300))


def align(translation: list[str], original: list[str]) -> list[Row]:
    """Rows pairing the translation's paragraphs with the original's, in reading order."""
    left = [len(text) for text in translation]
    right = [len(text) for text in original]
    ratio = (sum(right) or 1) / (sum(left) or 1)
    n, m = len(left), len(right)
    best = [[math.inf] * (m + 1) for _ in range(n + 1)]
    step_of: list[list[tuple[int, int]]] = [[(0, 0)] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    for i in range(n + 1):
        centre = i * m // max(n, 1)
        for j in range(max(0, centre - _BAND), min(m, centre + _BAND) + 1):
            if i == j == 0:
                continue
            for (a, b), penalty in _PENALTY.items():
                if a > i or b > j or best[i - a][j - b] == math.inf:
                    continue
                length_left, length_right = sum(left[i - a : i]), sum(right[j - b : j])
                cost = best[i - a][j - b] + penalty + _cost(length_left, length_right, ratio)
                if cost < best[i][j]:
                    best[i][j], step_of[i][j] = cost, (a, b)
    rows: list[Row] = []
    i, j = n, m
    while i or j:
        a, b = step_of[i][j]
        rows.append(Row(tuple(range(i - a, i)), tuple(range(j - b, j))))
        i, j = i - a, j - b
    rows.reverse()
    return _apart(rows, left, right, ratio)


def _apart(rows: list[Row], left: list[int], right: list[int], ratio: float) -> list[Row]:
    """Rows whose two sides are far too different in length, each side in a row alone."""
    kept: list[Row] = []
    for row in rows:
        if row.translation and row.original:
            length_left = sum(left[i] for i in row.translation)
            length_right = sum(right[j] for j in row.original)
            if _deviation(length_left, length_right, ratio) > _APART:
                kept += [Row(row.translation, ()), Row((), row.original)]
                continue
        kept.append(row)
    return kept
