"""Comparing one extracted field with the corpus truth, by what the field means.

Case, whitespace, typographic quotes and the order of authors never count as a miss;
agency credits ("dpa/lno", "Reuters") are not authors, so they are set aside on both
sides and an annotation made only of them is reported as unscorable.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'"})
_DASHES = re.compile(r"[‐-―−]")
_TOKEN = re.compile(r"\w+")
# Between author names in one byline string, in the corpus languages.
_NAME_SEPARATORS = re.compile(r"\s*(?:[;,/&|]|\s(?:and|und|et|y|e|mit|with)\s)\s*", re.IGNORECASE)
_BY_PREFIX = re.compile(r"^(?:by|von|par|por|від)\s+", re.IGNORECASE)
_AGENCIES = {
    "afp", "ap", "apa", "dpa", "efe", "epa", "jiji", "kna", "reuter", "reuters", "ukrinform",
    "interfax", "ansa", "sda", "kyodo", "xinhua", "tass", "agenturen", "agencies", "red",
}  # fmt: skip
# Short all-lowercase or all-capitals credits ("lno", "ls", "NDR", "FR") are desk codes.
_CREDIT_CODE = re.compile(r"^(?:[a-z]{1,4}|[A-ZÄÖÜ]{2,5})$")
_DOMAIN = re.compile(r"^[\w-]+(?:\.[\w-]+)+$")  # "wien.ORF.at": a site, not a person
_MONTH_DAY = re.compile(r",?\s+[A-Za-z]{3,9}\.?\s+\d{1,2}\s*$")


def normalise(text: str) -> str:
    """NFKC, casefolded, plain quotes and hyphens, single spaces."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    return " ".join(_DASHES.sub("-", text).casefold().split())


def tokens(text: str) -> list[str]:
    """Word tokens of `text`, normalised; punctuation and Markdown marks drop out."""
    return _TOKEN.findall(normalise(text))


def same_title(ours: str | None, truth: str) -> bool:
    """Titles match when equal after normalising, ignoring surrounding punctuation."""
    return ours is not None and tokens(ours) == tokens(truth)


def _is_credit(name: str) -> bool:
    plain = name.strip(" .()")
    folded = plain.casefold()
    return (
        folded in _AGENCIES
        or "agenc" in folded
        or "agentur" in folded
        or bool(_CREDIT_CODE.match(plain) or _DOMAIN.match(plain))
    )


def split_names(values: Iterable[str]) -> tuple[frozenset[str], bool]:
    """(normalised author names, whether any agency credit was set aside)."""
    names: set[str] = set()
    credited = False
    for value in values:
        for part in _NAME_SEPARATORS.split(value.strip()):
            part = _BY_PREFIX.sub("", part.strip())
            if not part:
                continue
            if _is_credit(part):
                credited = True
                continue
            names.add(normalise(part))
    return frozenset(names), credited


def as_list(value: object) -> list[str]:
    """A truth value that may be a string, a list or missing, as a list of strings."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value] if value.strip() else []
    return [str(item) for item in value if str(item).strip()]  # type: ignore[attr-defined]


@dataclass(frozen=True)
class Overlap:
    """Token-level precision, recall and F1 of an extracted body against the truth."""

    precision: float
    recall: float
    f1: float


def token_overlap(ours: str, truth: str) -> Overlap:
    """Bag-of-words overlap of two texts (each token counted as often as it occurs)."""
    got, want = Counter(tokens(ours)), Counter(tokens(truth))
    common = sum((got & want).values())
    precision = common / sum(got.values()) if got else 0.0
    recall = common / sum(want.values()) if want else 0.0
    f1 = 2 * precision * recall / (precision + recall) if common else 0.0
    return Overlap(precision, recall, f1)


def contains(body: str, snippet: str) -> bool:
    """Whether the snippet's words appear in `body` in order and adjacent."""
    want = " ".join(tokens(snippet))
    return bool(want) and f" {want} " in f" {' '.join(tokens(body))} "


def paragraphs_found(ours: str, truth: str) -> tuple[int, int]:
    """(truth paragraphs that appear whole in `ours`, truth paragraphs)."""
    paragraphs = [p for p in re.split(r"\n\s*\n|\n", truth) if tokens(p)]
    return sum(contains(ours, p) for p in paragraphs), len(paragraphs)


def person_matches(ours: str, truth: str) -> bool:
    """Reuters-style 'james-baker' matches an extracted name holding all its tokens."""
    ours_tokens = set(tokens(_ascii(ours)))
    return all(part in ours_tokens for part in truth.casefold().split("-") if part)


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def dateline_place(raw: str) -> str:
    """The place in a wire dateline: 'TAMPA, Fla., March 2 -' -> 'tampa, fla.'."""
    place = _MONTH_DAY.sub("", raw.strip().rstrip("-—– ").strip())
    return normalise(place)


def same_place(ours: str | None, truth_raw: str) -> bool:
    """Our dateline names the truth's place: the whole of it, or its first part (the city)."""
    if not ours:
        return False
    place = dateline_place(truth_raw)
    return tokens(ours) in (tokens(place), tokens(place.split(",")[0]))
