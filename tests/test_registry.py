"""The shipped vocabularies load and are unambiguous; a broken file gets one exact line."""

from __future__ import annotations

import shutil
from collections import defaultdict
from pathlib import Path

import pytest

from conftest import REPO_DATA
from newsarchive.enrich.entities import fold
from newsarchive.errors import RegistryError
from newsarchive.registry import FILES, load_registries

FIXTURES = Path(__file__).parent / "fixtures" / "enrich" / "registry"
TOP_LEVEL_IPTC = {f"medtop:{n:02d}000000" for n in range(1, 18)}


@pytest.fixture(scope="module")
def shipped():
    return load_registries()


def test_shipped_registries_load(shipped):
    lists = [kind for kind in FILES if kind not in ("furniture", "languages")]  # mappings
    counts = {kind: len(getattr(shipped, kind)) for kind in lists}
    assert counts["people"] >= 150
    assert counts["places"] >= 198  # UN members + Kosovo, Palestine, Taiwan, Vatican, W. Sahara
    assert counts["organisations"] >= 60
    assert counts["sources"] >= 50
    assert 20 <= counts["topics"] <= 30


@pytest.mark.parametrize("kind", ["people", "organisations", "places"])
def test_every_alias_names_one_entry(shipped, kind):
    # Matching ignores case and accents, so spellings that fold alike must agree.
    owners = defaultdict(set)
    for entity in getattr(shipped, kind).values():
        for spelling in [entity.name, *entity.aliases]:
            owners[fold(spelling)].add(entity.name)
    assert {alias: names for alias, names in owners.items() if len(names) > 1} == {}


def test_every_source_alias_names_one_source(shipped):
    owners = defaultdict(set)
    for source in shipped.sources.values():
        for spelling in [source.name, *source.aliases]:
            owners[spelling.casefold()].add(source.name)
    assert {alias: names for alias, names in owners.items() if len(names) > 1} == {}


@pytest.mark.parametrize(
    ("spelling", "kind", "name"),
    [
        ("Zelensky", "people", "Volodymyr Zelenskyy"),
        ("Путін", "people", "Vladimir Putin"),
        ("Erdogan", "people", "Recep Tayyip Erdoğan"),
        ("l'OTAN", "organisations", "NATO"),
        ("ООН", "organisations", "United Nations"),
        ("Kiev", "places", "Kyiv"),
        ("Moscou", "places", "Moscow"),
    ],
)
def test_well_known_spellings(shipped, spelling, kind, name):
    assert spelling in getattr(shipped, kind)[name].aliases


def test_source_lookup_by_any_spelling(shipped):
    assert shipped.source_named("the Canadian press").name == "The Canadian Press"
    assert shipped.source_named("Associated Press").kind == "agency"
    assert shipped.source_named("Daily Planet") is None


def test_topic_codes_are_top_level_media_topics(shipped):
    coded = {topic.slug: topic.iptc for topic in shipped.topics.values() if topic.iptc}
    assert set(coded.values()) == TOP_LEVEL_IPTC
    assert coded["conflict-war-peace"] == "medtop:16000000"
    assert all(topic.strong and topic.cues for topic in shipped.topics.values())


def data_dir_with(tmp_path: Path, fixture: str) -> tuple[Path, Path]:
    """A copy of data/ where one file is replaced by a fixture; returns (dir, that file)."""
    for name in FILES.values():
        shutil.copy(REPO_DATA / name, tmp_path / name)
    kind = fixture.split(".")[1]
    broken = tmp_path / FILES[kind]
    shutil.copy(FIXTURES / fixture, broken)
    return tmp_path, broken


@pytest.mark.parametrize(
    ("fixture", "message"),
    [
        (
            "unknown_field.places.yml",
            "entry 2 (Lviv): unknown field 'alias'; did you mean 'aliases'?",
        ),
        ("listed_twice.people.yml", "entry 3: 'Maia Sandu' is listed twice; merge the two"),
        (
            "bad_indentation.organisations.yml",
            "line 5: this line is indented further than the lines it belongs with; "
            "line it up with them",
        ),
        ("not_a_list.topics.yml", "must be a YAML list of entries ('- name: ...')"),
        (
            "bad_iptc.topics.yml",
            "entry 1 (politics): iptc '11000000' is not an IPTC Media Topic code "
            "such as medtop:11000000",
        ),
        ("cue_listed_twice.topics.yml", "entry 1 (sport): cue 'soccer' is listed twice; keep one"),
        (
            "cue_matched_by_stem.topics.yml",
            "entry 1 (politics): cue 'parliamentary' is already matched by 'parliament*'; keep one",
        ),
        (
            "unknown_broader.topics.yml",
            "topic 'elections': broader 'politcs' is not a topic slug; fix or remove it",
        ),
        (
            "broader_loop.topics.yml",
            "topic 'politics': broader topics loop back to 'politics'; break the loop",
        ),
    ],
)
def test_broken_registry_is_one_exact_line(tmp_path, fixture, message):
    data_dir, broken = data_dir_with(tmp_path, fixture)
    with pytest.raises(RegistryError) as caught:
        load_registries(data_dir)
    assert str(caught.value) == f"{broken}: {message}"
