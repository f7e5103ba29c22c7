"""Controlled vocabularies in data/*.yml, loaded through pydantic models.

People, organisations, places, topics and sources are YAML lists edited by pull
request; furniture.yml lists page furniture. Languages (their names and the words of
translation notes) are the same for every archive: languages.yml ships with this package.
Errors name the file and the entry.
"""

from __future__ import annotations

import fcntl
import functools
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError, model_validator

from .checkout import find_upward
from .errors import RegistryError
from .explain import model_error, yaml_error
from .furniture_rule import FurnitureRule
from .model import IPTC_PATTERN, LANG_PATTERN, SLUG_PATTERN, WIKIDATA_PATTERN

LANGUAGES = Path(__file__).with_name("languages.yml")
# "Agencia EFE", "Agence France-Presse": the word for agency before an agency's name.
_AGENCY_WORD = re.compile(r"^(?:agencia|agence|agentur|agenzia|agência)\s+", re.IGNORECASE)
# Where registry ids resolve: Wikidata entities, IPTC Media Topics (NewsCodes).
WIKIDATA = "http://www.wikidata.org/entity/"
MEDIATOPIC = "http://cv.iptc.org/newscodes/mediatopic/"


def wikidata_uri(wikidata: str | None) -> str | None:
    """'Q7747' -> 'http://www.wikidata.org/entity/Q7747'; None stays None."""
    return WIKIDATA + wikidata if wikidata else None


class Entity(BaseModel):
    """A person, organisation or place."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(min_length=1, description="Canonical name used in front matter")
    aliases: list[str] = Field(default_factory=list, description="Other spellings and scripts")
    wikidata: str | None = Field(None, pattern=WIKIDATA_PATTERN)
    role: str | None = Field(None, min_length=1, description="e.g. President of Ukraine")
    description: str | None = None

    @property
    def uri(self) -> str | None:
        """The Wikidata entity's URI, when the id is known."""
        return wikidata_uri(self.wikidata)


class Topic(BaseModel):
    """A subject in the controlled vocabulary."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    slug: str = Field(pattern=SLUG_PATTERN)
    label: str = Field(min_length=1)
    description: str = Field(min_length=1)
    iptc: str | None = Field(None, pattern=IPTC_PATTERN, description="IPTC Media Topic")
    broader: str | None = Field(None, description="Slug of the topic this one is part of")
    strong: list[str] = Field(default_factory=list, description="Cues that say the topic alone")
    cues: list[str] = Field(default_factory=list, description="Cues that support the topic")

    @property
    def uri(self) -> str | None:
        """The IPTC Media Topic's URI (medtop:16000000 -> .../mediatopic/16000000), if set."""
        return MEDIATOPIC + self.iptc.removeprefix("medtop:") if self.iptc else None

    @model_validator(mode="after")
    def _each_spelling_once(self) -> Topic:
        # A word matched by two cues would count twice and outweigh the rest.
        seen: set[str] = set()
        for cue in [*self.strong, *self.cues]:
            for spelling in (part.strip() for part in cue.split("|")):
                if spelling in seen:
                    raise ValueError(f"cue '{spelling}' is listed twice; keep one")
                seen.add(spelling)
        # A phrase ('rescue team') may start with a stemmed word ('rescue*'): it says more.
        stems = [s[:-1] for s in seen if s.endswith("*") and " " not in s]
        for spelling in sorted(s for s in seen if " " not in s):
            stem = next((s for s in stems if spelling != s + "*" and spelling.startswith(s)), None)
            if stem is not None:
                raise ValueError(f"cue '{spelling}' is already matched by '{stem}*'; keep one")
        return self


class Source(BaseModel):
    """A publisher or news agency."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(min_length=1)
    kind: Literal["publisher", "agency"] = "publisher"
    aliases: list[str] = Field(default_factory=list)
    url: str | None = None
    wikidata: str | None = Field(None, pattern=WIKIDATA_PATTERN)

    @property
    def uri(self) -> str | None:
        """The Wikidata entity's URI, when the id is known."""
        return wikidata_uri(self.wikidata)


class Furniture(BaseModel):
    """Page furniture (furniture.yml): lines, patterns and the word groups patterns name."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    words: dict[str, list[str]] = Field(default_factory=dict, description="{name} in patterns")
    lines: list[str] = Field(default_factory=list)
    patterns: list[str] = Field(default_factory=list)
    _rule: FurnitureRule = FurnitureRule(frozenset(), ())

    @model_validator(mode="after")
    def _compile(self) -> Furniture:
        # Compiled where the file loads, so a bad pattern names the file actually read.
        self._rule = FurnitureRule.build(self.lines, self.patterns, self.words)
        return self

    def matches(self, line: str) -> bool:
        """The line is page furniture: the one rule the cleaner and validate both apply."""
        return self._rule.matches(line)


class NoteWords(BaseModel):
    """The words of a translation note written in one language, by role (languages.yml)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    translated: list[str] = Field(min_length=1, description="'translated', 'übersetzt'")
    machine: list[str] = Field(default_factory=list, description="'machine', 'automatique'")
    edited: list[str] = Field(default_factory=list, description="'edited', 'relu'")
    by: list[str] = Field(default_factory=list, description="a translator or tool follows")
    into: list[str] = Field(default_factory=list, description="the target language follows")
    other: list[str] = Field(default_factory=list, description="'from the', 'this article'")


class Language(BaseModel):
    """One language: its code, English name, names in notes and commonest words."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    code: str = Field(pattern=LANG_PATTERN, description="ISO 639-1 code")
    name: str = Field(min_length=1, description="English name, shown on the site")
    names: list[str] = Field(default_factory=list, description="Names used in notes, declined")
    note: NoteWords | None = None
    function_words: list[str] = Field(default_factory=list)


class Engine(BaseModel):
    """A machine-translation tool: a note naming it describes a machine translation."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(min_length=1)
    aliases: list[str] = Field(default_factory=list)


class Languages(BaseModel):
    """languages.yml: the languages and the machine-translation tools."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    engines: list[Engine] = Field(default_factory=list)
    languages: list[Language] = Field(min_length=1)
    _owners: dict[str, str] = PrivateAttr(default_factory=dict)  # code or name -> code

    @model_validator(mode="after")
    def _one_language_per_name(self) -> Languages:
        for language in self.languages:
            for spelling in [language.code, language.name, *language.names]:
                owner = self._owners.setdefault(spelling.casefold(), language.code)
                if owner != language.code:
                    raise ValueError(
                        f"'{spelling}' names both {owner} and {language.code}; keep it under one"
                    )
        return self

    def name_of(self, code: str) -> str:
        """English name of an ISO 639-1 code, or the code itself when it is not listed."""
        return next((lang.name for lang in self.languages if lang.code == code), code)

    def code_of(self, value: str) -> str | None:
        """The listed language `value` means: a code ('it', 'it-IT') or a name ('Italian')."""
        wanted = value.strip().casefold()
        region = wanted.replace("_", "-").split("-")[0]  # 'it-it' -> 'it'
        return self._owners.get(wanted) or self._owners.get(region)


M = TypeVar("M", bound=BaseModel)

FILES = {
    "people": "people.yml",
    "organisations": "organisations.yml",
    "places": "places.yml",
    "topics": "topics.yml",
    "sources": "sources.yml",
    "furniture": "furniture.yml",
}


@dataclass(frozen=True)
class Registries:
    """All vocabularies, keyed by canonical name (topics by slug)."""

    data_dir: Path
    people: dict[str, Entity]
    organisations: dict[str, Entity]
    places: dict[str, Entity]
    topics: dict[str, Topic]
    sources: dict[str, Source]
    furniture: Furniture
    languages: Languages

    @functools.cached_property
    def _agencies(self) -> dict[str, str]:
        # Every name and alias of every agency, folded: the one table credits are read with.
        return {
            spelling.casefold(): source.name
            for source in self.sources.values()
            if source.kind == "agency"
            for spelling in (source.name, *source.aliases)
        }

    def agency_name(self, text: str) -> str | None:
        """The agency a credit names ('Agencia EFE', 'AP/Jane Doe', 'Reuter'), or None."""
        key = _AGENCY_WORD.sub("", text.strip()).split("/")[0].strip(" .").casefold()
        return self._agencies.get(key) or self._agencies.get(text.strip().casefold())

    def topic_label(self, slug: str) -> str:
        """The registry label of a topic, or its slug when unknown."""
        topic = self.topics.get(slug)
        return topic.label if topic else slug

    def source_named(self, name: str) -> Source | None:
        """The source whose name or alias matches `name` (case-insensitive)."""
        wanted = name.casefold()
        for source in self.sources.values():
            if wanted in {source.name.casefold(), *(a.casefold() for a in source.aliases)}:
                return source
        return None


def _read_yaml(path: Path) -> object:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise RegistryError("file is missing; restore it from git", path) from exc
    try:
        # libyaml's safe loader when present: the registries are read on every run.
        return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        line, message = yaml_error(exc, text)
        raise RegistryError(f"line {line}: {message}", path) from exc


def _explain(exc: ValidationError, model: type[BaseModel]) -> str:
    return model_error(exc.errors()[0], model)


def _load_list(path: Path, model: type[M], key: str) -> dict[str, M]:
    data = _read_yaml(path)
    if data is None:
        return {}
    if not isinstance(data, list):
        raise RegistryError("must be a YAML list of entries ('- name: ...')", path)
    items: dict[str, M] = {}
    for number, entry in enumerate(data, start=1):
        label = entry.get(key, "?") if isinstance(entry, dict) else "?"
        try:
            item = model.model_validate(entry)
        except ValidationError as exc:
            raise RegistryError(f"entry {number} ({label}): {_explain(exc, model)}", path) from exc
        name = getattr(item, key)
        if name in items:
            raise RegistryError(f"entry {number}: '{name}' is listed twice; merge the two", path)
        items[name] = item
    return items


def _check_broader(topics: dict[str, Topic], data_dir: Path) -> dict[str, Topic]:
    """Every `broader` names a listed topic, and no chain of them loops back."""
    for slug, topic in topics.items():
        seen = {slug}
        parent = topic.broader
        while parent is not None:
            if parent not in topics:
                raise RegistryError(
                    f"topic '{slug}': broader '{parent}' is not a topic slug; fix or remove it",
                    data_dir / FILES["topics"],
                )
            if parent in seen:
                raise RegistryError(
                    f"topic '{slug}': broader topics loop back to '{parent}'; break the loop",
                    data_dir / FILES["topics"],
                )
            seen.add(parent)
            parent = topics[parent].broader
    return topics


def default_data_dir() -> Path:
    """The data/ folder of the archive checkout around the current folder."""
    found = find_upward(f"data/{FILES['people']}")
    if found is None:
        raise RegistryError(
            "no data/ folder (with people.yml) here or above; run newsarchive inside the "
            "archive's checkout or pass --data-dir",
            Path.cwd(),
        )
    return found / "data"


def _load_mapping(path: Path, model: type[M]) -> M:
    try:
        return model.model_validate(_read_yaml(path) or {})
    except ValidationError as exc:
        raise RegistryError(_explain(exc, model), path) from exc


def load_registries(data_dir: Path | None = None) -> Registries:
    """Load and check every vocabulary file in `data_dir` (the checkout's data/ if None)."""
    data_dir = data_dir or default_data_dir()
    return Registries(
        data_dir=data_dir,
        people=_load_list(data_dir / FILES["people"], Entity, "name"),
        organisations=_load_list(data_dir / FILES["organisations"], Entity, "name"),
        places=_load_list(data_dir / FILES["places"], Entity, "name"),
        topics=_check_broader(_load_list(data_dir / FILES["topics"], Topic, "slug"), data_dir),
        sources=_load_list(data_dir / FILES["sources"], Source, "name"),
        furniture=_load_mapping(data_dir / FILES["furniture"], Furniture),
        languages=_load_mapping(LANGUAGES, Languages),
    )


def append_entities(path: Path, entities: Iterable[Entity]) -> list[Entity]:
    """Append entities not yet listed, as text, so comments and order stay as written.

    The file is locked while it is read and extended, so two ingests running at once
    cannot add the same person twice. Returns the entities actually added.
    """
    with path.open("a+", encoding="utf-8") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        handle.seek(0)
        existing = handle.read()
        listed = {
            item.get("name") for item in yaml.safe_load(existing) or [] if isinstance(item, dict)
        }
        added = [entity for entity in entities if entity.name not in listed]
        chunks = [
            yaml.safe_dump(
                [entity.model_dump(exclude_none=True, exclude_defaults=True)],
                sort_keys=False,
                allow_unicode=True,
                width=10_000,
            )
            for entity in added
        ]
        if chunks:
            separator = "" if not existing or existing.endswith("\n") else "\n"
            handle.write(separator + "".join(chunks))
            handle.flush()
            os.fsync(handle.fileno())
    return added
