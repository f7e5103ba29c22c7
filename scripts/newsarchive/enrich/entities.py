"""Link mentions of people, organisations and places to their registry names.

Text is cut into word tokens once; aliases are token sequences looked up by their
first token, so a lookup costs the same however large the registry grows, and a
name can never match inside a longer word ("Ukraine" in "Ukrainian").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache
from itertools import pairwise
from typing import NamedTuple

from ..registry import Entity

# Letters, digits and marks; apostrophes and hyphens split words, so "Putin's",
# "l'OTAN" and "d’Ukraine" expose the bare name.
_TOKEN_RE = re.compile(r"[^\W_]+")
# Scripts written without spaces: their aliases are found as substrings instead.
_UNSPACED_RE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
# Short or all-capital aliases ("UN", "US", "Xi") are matched exactly; longer ones ignore
# case and accents, except that a capitalised word needs a capital in the text, so
# "Amnesty" and "Chad" are names but "amnesty" and "chad" are not.
_EXACT_MAX_LETTERS = 4
# What may stand between two words of one name: a space or a hyphen, or the dot
# of an initial ("U.S."); never a line break, which separates paragraphs.
_GAP_CLASSES = str.maketrans({"-": " ", "‐": " ", "‑": " ", "’": "'", "\u00a0": " "})
_SPACES_RE = re.compile(r"\s+")
PARTICLES = frozenset({
    "von", "van", "der", "den", "de", "del", "della", "di", "da", "du", "dos", "das", "le",
    "la", "al", "el", "bin", "ibn", "ben", "ter", "zu",
})  # fmt: skip


class Token(NamedTuple):
    """One word of the text: its form, its folded form and where it sits."""

    text: str
    folded: str
    start: int
    end: int


@dataclass(frozen=True)
class Alias:
    """One way to write a name; `conditional` surnames count only beside the full name."""

    words: tuple[str, ...]
    gaps: tuple[str, ...]
    exact: bool
    capitals: tuple[bool, ...]
    name: str
    conditional: bool = False


@dataclass
class AliasIndex:
    """Aliases keyed by their first folded word, longest first."""

    by_first: dict[str, list[Alias]] = field(default_factory=dict)
    unspaced: list[tuple[str, str]] = field(default_factory=list)

    def add(self, alias: Alias) -> None:
        """File an alias under its first word, keeping longer aliases ahead."""
        bucket = self.by_first.setdefault(fold(alias.words[0]), [])
        bucket.append(alias)
        bucket.sort(key=lambda a: (-len(a.words), a.conditional))


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Case- and accent-insensitive form of a word ('Erdoğan' -> 'erdogan')."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def tokenize(text: str) -> list[Token]:
    """The words of `text` with their offsets."""
    tokens = []
    for match in _TOKEN_RE.finditer(text):
        word = match.group()
        tokens.append(Token(word, fold(word), *match.span()))
    return tokens


def _gap(text: str) -> str:
    return "\n" if "\n" in text else _SPACES_RE.sub(" ", text.translate(_GAP_CLASSES))


def make_alias(text: str, name: str, conditional: bool = False) -> Alias | None:
    """The token form of one alias, or None when it has no words."""
    text = unicodedata.normalize("NFC", text)
    matches = list(_TOKEN_RE.finditer(text))
    if not matches:
        return None
    words = tuple(m.group() for m in matches)
    gaps = tuple(_gap(text[a.end() : b.start()]) for a, b in pairwise(matches))
    letters = [ch for ch in text if ch.isalpha()]
    exact = len(letters) <= _EXACT_MAX_LETTERS or all(ch.isupper() for ch in letters)
    folded = words if exact else tuple(fold(w) for w in words)
    capitals = tuple(w[0].isupper() for w in words)
    return Alias(folded, gaps, exact, capitals, name, conditional)


def surname(name: str) -> str | None:
    """The family name of a Latin-script full name, particles kept ('von der Leyen')."""
    words = name.split()
    if len(words) < 2 or not all(w.isascii() or w.isalpha() for w in words):
        return None
    start = len(words) - 1
    while start > 1 and words[start - 1].lower() in PARTICLES:
        start -= 1
    return " ".join(words[start:])


def build_index(entities: Mapping[str, Entity], with_surnames: bool = False) -> AliasIndex:
    """An index of every name and alias; people may also be found by surname alone."""
    index = AliasIndex()
    for entity in entities.values():
        spellings = [entity.name, *entity.aliases]
        for spelling in spellings:
            if _UNSPACED_RE.search(spelling):
                index.unspaced.append((spelling, entity.name))
            elif (alias := make_alias(spelling, entity.name)) is not None:
                index.add(alias)
        if not with_surnames:
            continue
        listed = {s.casefold() for s in spellings}
        for spelling in spellings:
            family = surname(spelling)
            if family is not None and family.casefold() not in listed:
                alias = make_alias(family, entity.name, conditional=True)
                if alias is not None:
                    index.add(alias)
    return index


# Transliterations differ by a letter or two ("Christodoulidis", "Christodoulides").
_SAME_PERSON_RATIO = 0.85


def index_given_names(entities: Mapping[str, Entity]) -> dict[str, list[tuple[str, str]]]:
    """(folded full spelling, name) of each person, keyed by folded first word."""
    by_given: dict[str, list[tuple[str, str]]] = {}
    for entity in entities.values():
        for spelling in [entity.name, *entity.aliases]:
            words = fold(spelling).split()
            if len(words) >= 2:
                by_given.setdefault(words[0], []).append((" ".join(words), entity.name))
    return by_given


def closest_person(name: str, by_given: Mapping[str, list[tuple[str, str]]]) -> str | None:
    """The registered person `name` is a variant spelling of, if any (same first name)."""
    words = fold(name).split()
    wanted = " ".join(words)
    for spelling, canonical in by_given.get(words[0], ()) if words else ():
        if SequenceMatcher(None, wanted, spelling).ratio() >= _SAME_PERSON_RATIO:
            return canonical
    return None


def _matches_at(alias: Alias, tokens: Sequence[Token], i: int, text: str) -> bool:
    if i + len(alias.words) > len(tokens):
        return False
    for k, word in enumerate(alias.words):
        token = tokens[i + k]
        if alias.exact:
            if token.text != word:
                return False
        elif token.folded != word or (alias.capitals[k] and not token.text[0].isupper()):
            return False
        if k and _gap(text[tokens[i + k - 1].end : token.start]) != alias.gaps[k - 1]:
            return False
    return True


@dataclass(frozen=True)
class Mention:
    """A name found in the text and where; a `conditional` one is a surname alone."""

    name: str
    start: int
    conditional: bool = False


def find_mentions(index: AliasIndex, text: str, tokens: Sequence[Token]) -> list[Mention]:
    """Every alias occurrence, the longest one at each position, left to right."""
    found: list[Mention] = []
    i = 0
    while i < len(tokens):
        bucket = index.by_first.get(tokens[i].folded)
        hit = None
        if bucket is not None:
            hit = next((a for a in bucket if _matches_at(a, tokens, i, text)), None)
        if hit is None:
            i += 1
            continue
        matched = [a for a in bucket if len(a.words) == len(hit.words)]
        for alias in matched:
            if _matches_at(alias, tokens, i, text):
                found.append(Mention(alias.name, tokens[i].start, alias.conditional))
        i += len(hit.words)
    for spelling, name in index.unspaced:
        position = text.find(spelling)
        if position >= 0:
            found.append(Mention(name, position))
    return found


def link_names(mentions: Iterable[Mention]) -> list[str]:
    """Names in order of first mention; a surname alone counts only beside the full name."""
    mentions = list(mentions)
    confirmed = {m.name for m in mentions if not m.conditional}
    first: dict[str, int] = {}
    for mention in mentions:
        if mention.name in confirmed:
            first[mention.name] = min(first.get(mention.name, mention.start), mention.start)
    return sorted(first, key=first.__getitem__)


# Titles that introduce a person ("Polish Prime Minister Donald Tusk"); longer first, so
# "Secretary of State" wins over "Secretary". Capitalised words before the title
# ("Polish", "U.S.", "European Commission") become part of the role.
ROLE_TITLES = (
    "Prime Minister", "First Minister", "Minister", "Chancellor", "President", "Premier",
    "Vice President", "Vice-President", "Secretary of State", "Secretary-General",
    "Secretary General", "Secretary", "Foreign Secretary", "High Representative",
    "Commissioner", "Governor", "Mayor", "Senator", "Sen.", "Rep.", "Speaker", "Ambassador",
    "ambassador", "Envoy", "envoy", "special envoy", "spokesperson", "spokesman",
    "spokeswoman", "Spokesperson", "Spokesman", "counterpart", "opposition leader",
    "King", "Queen", "Crown Prince", "Prince", "Emir", "Pope", "Patriarch", "General",
    "Gen.", "Admiral", "Commander", "Director-General", "Director General", "Chairman",
    "Chairwoman",
)  # fmt: skip
_ROLE_RE = re.compile(
    r"(?<![\w.'’-])(?P<pre>(?:[A-Z][\w.'’-]*[^\S\n]+){0,3}?)(?P<title>"
    + "|".join(re.escape(t) for t in sorted(ROLE_TITLES, key=len, reverse=True))
    + r")(?=[^\S\n]+[^\W\d_])"
)
_NAME_WORD_RE = re.compile(r"[^\S\n]+((?:al-|el-)?[^\W\d_][\w'’.-]*)")
_POSSESSIVE_RE = re.compile(r"['’]s?$")
_INITIAL_RE = re.compile(r"^(?:[A-Z]\.)+$")
# Capitalised words that are not names: sentence starters, verbs of title-case leads, dates.
SENTENCE_WORDS = frozenset({
    "The", "A", "An", "And", "Or", "But", "Of", "In", "On", "At", "To", "For", "With", "From",
    "By", "As", "After", "Before", "During", "His", "Her", "Their", "Its", "This", "That",
    "These", "Those", "Who", "Which", "Said", "Says", "Say", "Told", "Used", "Will", "Would",
    "Could", "Should", "Has", "Had", "Have", "Was", "Were", "Is", "Are", "Be", "Met", "Meets",
    "Urged", "Called", "Warned", "Added", "Also", "Again", "Monday", "Tuesday", "Wednesday",
    "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March", "April",
    "May", "June", "July", "August", "September", "October", "November", "December", "Jr",
})  # fmt: skip
NOT_NAME_WORDS = SENTENCE_WORDS | {word for title in ROLE_TITLES for word in title.split()}
_NAME_WORDS_MAX = 4


@dataclass(frozen=True)
class Introduced:
    """A person named right after a role, e.g. ('Donald Tusk', 'Polish Prime Minister')."""

    name: str
    role: str
    start: int


def _read_name(text: str, position: int) -> tuple[str | None, int]:
    words: list[str] = []
    capitals = 0
    while len(words) < _NAME_WORDS_MAX + 2 and capitals < _NAME_WORDS_MAX:
        match = _NAME_WORD_RE.match(text, position)
        if match is None:
            break
        word = match.group(1)
        ends_sentence = word.endswith(".") and not _INITIAL_RE.match(word)
        ends_name = ends_sentence or bool(_POSSESSIVE_RE.search(word))
        word = _POSSESSIVE_RE.sub("", word.rstrip(".") if ends_sentence else word)
        if word in PARTICLES or word in {"al-", "el-"}:
            words.append(word)
        elif word[:1].isupper() and word not in NOT_NAME_WORDS:
            words.append(word)
            capitals += 1
        else:
            break
        position = match.end()
        if ends_name:
            break
    while words and words[-1] in PARTICLES:
        words.pop()
    return (" ".join(words) if capitals >= 2 else None), position


# Share of capitalised words above which an unpunctuated line is a headline in title
# case; a sentence ending in a full stop may be dense with names and titles.
_TITLE_CASE_SHARE = 0.6
_TITLE_CASE_MIN_WORDS = 4
_SENTENCE_END = tuple('.!?…:;"”’»)')


def is_title_case(text: str) -> bool:
    """True for headline-style lines: no closing punctuation, most words capitalised."""
    words = [w for w in text.split() if w[:1].isalpha()]
    if len(words) < _TITLE_CASE_MIN_WORDS or text.rstrip().endswith(_SENTENCE_END):
        return False
    return sum(w[0].isupper() for w in words) / len(words) > _TITLE_CASE_SHARE


def find_introduced(text: str) -> list[Introduced]:
    """People introduced by a role phrase, in order; their names are not checked here."""
    found: list[Introduced] = []
    position = 0
    while (match := _ROLE_RE.search(text, position)) is not None:
        name, position = _read_name(text, match.end())
        if name is None:
            position = match.end()
            continue
        pre = match.group("pre").split()
        while pre and pre[0] in SENTENCE_WORDS:
            pre.pop(0)
        role = " ".join([*pre, match.group("title")])
        found.append(Introduced(name, role[:1].upper() + role[1:], match.start()))
    return found
