"""Translation notes: a short line saying the text is a translation, read into facts.

"Automatic translation from the Italian original", "Traduit de l'allemand par DeepL",
"Aus dem Russischen übersetzt", "Machine translation, edited by Jane Doe". A line is a
note by its kind, never by one site's wording: it sits at the start or end of the text
or among the lines around the headline (not between two paragraphs of the story), it
holds a 'translated' word and a language, a tool or a translator, and nothing but the
words such notes use (languages.yml), a translator's name, a quoted original
title and a link. A sentence of the story about a translation ("The book was
translated from Italian in 1990") says more than that, so it stays.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from ..model import Method
from ..records import TranslationFacts
from ..registry import Languages
from .lines import Line, line_key

# A note is one short line.
NOTE_MAX_WORDS = 24
# A translator's name: a few capitalised words, small particles between them ('de', 'van').
_NAME_MAX_WORDS = 5
_PARTICLE_MAX_CHARS = 3

_LINK = re.compile(r"\[([^\]]*)\]\((https?://[^)\s]+)\)|<?(https?://[^\s>)]+)>?")
_QUOTED = re.compile(r"[“«„\"]([^“”«»„\"]{2,})[”»“\"]")
_TOKEN = re.compile(r"[^\W_]+|[:;,()]")


@dataclass(frozen=True)
class NoteWords:
    """Every note word of every language, by role; language names; tool names."""

    roles: Mapping[str, frozenset[str]]  # case-folded word -> its roles in notes
    languages: Mapping[str, str]  # case-folded name or declined form -> ISO 639-1 code
    engines: re.Pattern[str]  # any tool's name or alias
    engine_names: Mapping[str, str]  # case-folded alias -> the tool's name


# Built once per Languages object (ingest workers share one), keyed by identity.
_CACHE: dict[int, tuple[Languages, NoteWords]] = {}


def note_words(languages: Languages) -> NoteWords:
    """The note vocabulary of languages.yml, indexed for reading notes."""
    cached = _CACHE.get(id(languages))
    if cached is not None and cached[0] is languages:
        return cached[1]
    roles: dict[str, set[str]] = {}
    names: dict[str, str] = {}
    for language in languages.languages:
        for spelling in [language.name, *language.names]:
            names[spelling.casefold()] = language.code
        for role, words in (language.note.model_dump() if language.note else {}).items():
            for word in words:
                for token in _TOKEN.findall(word.casefold()):
                    roles.setdefault(token, set()).add(role)
    engines = {
        spelling.casefold(): engine.name
        for engine in languages.engines
        for spelling in [engine.name, *engine.aliases]
    }
    alternatives = "|".join(re.escape(a) for a in sorted(engines, key=len, reverse=True))
    built = NoteWords(
        roles={word: frozenset(found) for word, found in roles.items()},
        languages=names,
        engines=re.compile(rf"(?<!\w)(?:{alternatives or '(?!)'})(?!\w)", re.IGNORECASE),
        engine_names=engines,
    )
    _CACHE[id(languages)] = (languages, built)
    return built


def take_out_notes(
    lines: list[Line], removed: list[str], words: NoteWords, links: Mapping[str, str]
) -> tuple[list[Line], TranslationFacts | None]:
    """Lines less their translation notes (into `removed`), and the facts the notes give.

    `links` maps a page paragraph's text to the address it links to: a note's own link
    ("read the original here") is the original's address.
    """
    kept: list[Line] = []
    facts: TranslationFacts | None = None
    for index, line in enumerate(lines):
        found = read_note(line.text, words)
        # Between two paragraphs of the story, a line that reads like a note is the story's.
        if found is not None and 0 < index < len(lines) - 1:
            found = None if lines[index - 1].real and lines[index + 1].real else found
        if found is None:
            kept.append(line)
            continue
        removed.append(line.text)
        link = links.get(line_key(line.text))
        if link and found.original_url is None:
            found = TranslationFacts(original_url=link).over(found)
        facts = found if facts is None else facts.over(found)
    return kept, facts


def read_note(text: str, words: NoteWords) -> TranslationFacts | None:
    """The facts a translation note gives, or None when `text` is not one."""
    if len(text.split()) > NOTE_MAX_WORDS:
        return None
    urls = [m[2] or m[3] for m in _LINK.finditer(text)]
    text = _LINK.sub(lambda m: m[1] or " ", text)
    titles = _QUOTED.findall(text)
    text = _QUOTED.sub(" ", text)
    engine = words.engines.search(text)
    tool = words.engine_names[engine[0].casefold()] if engine else None
    text = words.engines.sub(" ", text)
    tokens = _TOKEN.findall(text)
    reading = _read_tokens(tokens, words)
    if reading is None:
        return None
    roles, languages, names = reading
    if "translated" not in roles or not (languages or tool or names or "machine" in roles):
        return None
    return TranslationFacts(
        from_lang=languages[0] if languages else None,
        method=_method(roles, tool, names),
        translator=_translator(tool, names),
        original_title=titles[0].strip() if titles else None,
        original_url=urls[0] if urls else None,
    )


def _read_tokens(
    tokens: list[str], words: NoteWords
) -> tuple[set[str], list[str], list[str]] | None:
    """(roles said, original languages named, translators named), or None for a word no
    note holds. A name follows 'by' or 'Translation:'; the language after 'into' is the
    target, not the original."""
    roles: set[str] = set()
    languages: list[str] = []
    names: list[list[str]] = []
    name: list[str] | None = None  # the name being read
    opens = after_into = False
    for index, token in enumerate(tokens):
        following = tokens[index + 1] if index + 1 < len(tokens) else ""
        found = words.roles.get(token.casefold(), frozenset())
        code = words.languages.get(token.casefold())
        if code is None and not found and _is_name_word(token) and (name is not None or opens):
            if name is None:
                name = []
                names.append(name)
            name.append(token)
            opens = False
            continue
        if name is not None and _particle(token) and _is_name_word(following):
            name.append(token)  # 'de' in 'Ana de Sousa'
            continue
        if code is None and not found and token not in ":;,()":
            return None
        if code is not None and not after_into:
            languages.append(code)
        roles |= found
        name = None
        after_into = "into" in found
        opens = "by" in found or (token == ":" and "translated" in roles)
    return roles, languages, [" ".join(n) for n in names if len(n) <= _NAME_MAX_WORDS]


def _is_name_word(token: str) -> bool:
    return token[:1].isupper() and token.isalpha()


def _particle(token: str) -> bool:
    return token.islower() and len(token) <= _PARTICLE_MAX_CHARS


def _method(roles: set[str], tool: str | None, names: list[str]) -> Method | None:
    machine = bool(tool) or "machine" in roles
    if machine and ("edited" in roles or names):
        return "post-edited"
    if machine:
        return "machine"
    return "human" if names else None


def _translator(tool: str | None, names: list[str]) -> str | None:
    """The person when one is named (who translated or checked a tool's output), else the tool."""
    return names[0] if names else tool
