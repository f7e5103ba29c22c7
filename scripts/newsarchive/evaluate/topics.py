"""Scoring topics against a labelled classification set (one category per article).

A set's labels are its own words ('business', 'tech', 'Sci/Tech', 'world'); each is
mapped to the archive topics that file such a story. An article scores when any topic
assigned to it is one of those, both on the whole article and on its headline and lead
alone (what a short paste or a feed item gives).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

from ..registry import Topic

# Labels of the common news classification sets (BBC News, AG News, 20 Newsgroups' news
# groups, HuffPost categories, Reuters' top codes) -> archive topics that file such a story.
# 'world' is news from abroad: its politics, wars and disasters.
_LABELS = {
    "business": ["economy-business-finance"],
    "economy": ["economy-business-finance"],
    "finance": ["economy-business-finance"],
    "money": ["economy-business-finance"],
    "markets": ["economy-business-finance"],
    "entertainment": ["arts-culture-entertainment-media"],
    "arts": ["arts-culture-entertainment-media"],
    "culture": ["arts-culture-entertainment-media"],
    "media": ["arts-culture-entertainment-media"],
    "comedy": ["arts-culture-entertainment-media"],
    "music": ["arts-culture-entertainment-media"],
    "film": ["arts-culture-entertainment-media"],
    "politics": ["politics"],
    "sport": ["sport"],
    "sports": ["sport"],
    "tech": ["science-technology"],
    "technology": ["science-technology"],
    "sci/tech": ["science-technology"],
    "science": ["science-technology"],
    "health": ["health"],
    "wellness": ["health"],
    "world": ["politics", "conflict-war-peace", "disaster-accident"],
    "world news": ["politics", "conflict-war-peace", "disaster-accident"],
    "crime": ["crime-law-justice"],
    "environment": ["environment"],
    "green": ["environment"],
    "climate": ["environment"],
    "education": ["education"],
    "religion": ["religion"],
    "travel": ["lifestyle-leisure"],
    "food": ["lifestyle-leisure"],
    "style": ["lifestyle-leisure"],
    "lifestyle": ["lifestyle-leisure"],
    "weird news": ["human-interest"],
    "good news": ["human-interest"],
    "weather": ["weather"],
}
# A headline and lead, as a short paste or a feed item gives them: 30 to 60 words.
LEAD_MIN_WORDS = 30
LEAD_MAX_WORDS = 60
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’»)]*\s+")


def wanted_topics(label: str, topics: Mapping[str, Topic]) -> frozenset[str]:
    """The archive topics that file a story with this label, or none when it has no match."""
    key = " ".join(label.casefold().replace("&", " and ").split())
    mapped = _LABELS.get(key)
    if mapped is None:  # a label the table lacks: a topic whose slug or label says it
        mapped = [
            slug
            for slug, topic in topics.items()
            if key in slug.split("-") or key == topic.label.casefold()
        ]
    return frozenset(slug for slug in mapped if slug in topics)


def headline_and_lead(text: str) -> str:
    """The first line (the headline) and the whole sentences after it, 30 to 60 words."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        return ""
    words: list[str] = []
    for sentence in _SENTENCE_END.split(" ".join(lines[1:])):
        if len(words) >= LEAD_MIN_WORDS:
            break
        words.extend(sentence.split())
    return f"{lines[0]}\n\n{' '.join(words[:LEAD_MAX_WORDS])}\n"


def write_lead_copy(path: Path, folder: Path) -> Path:
    """A copy of an article reduced to its headline and lead, in `folder`."""
    copy = folder / path.name
    copy.write_text(headline_and_lead(path.read_text(encoding="utf-8")), encoding="utf-8")
    return copy
