"""The preview renders again only what a change touches, and ends up where a full build does.

Each step changes the fixture archive the way a contributor would (add, edit, move in time,
correct, delete, rename a topic), refreshes the preview, and the whole site tree is then
compared, file by file and byte by byte, with a full build of the same sources.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from conftest import write_site
from newsarchive.website import preview as preview_module
from newsarchive.website.preview import Preview

pytestmark = pytest.mark.slow

NEW_PERSON = """---
title: A new envoy meets Putin
slug: a-new-envoy-meets-putin
date: 2025-04-02
added: 2026-01-05
language: en
people:
- Vladimir Putin
- Ada Lovelace
topics:
- diplomacy
moved_from:
- 2025/04/envoy-meets-putin
---

The envoy spoke to reporters on Tuesday about the war and the talks in Paris.
"""


# The original of the Ukrainian president's appeal (written for these tests).
ORIGINAL = """---
language: uk
---

Президент України в неділю закликав союзників посилити санкції до перемир'я.

## Тиск на Кремль

«Москва розуміє одну мову», — написав він, закликавши до тридцятиденного припинення вогню.
"""


STARMER = "2025/03/starmer-urges-putin-to-accept-ceasefire"
# Another version of the Starmer story, declared (same_story).
VERSION = """---
title: Starmer tells Putin to accept the ceasefire
slug: starmer-tells-putin-to-accept-the-ceasefire
date: 2025-03-16
added: 2026-01-06
language: en
same_story:
- 2025/03/starmer-urges-putin-to-accept-ceasefire
---

The British prime minister told the Russian president to accept a ceasefire.
"""


def tree(site: Path) -> dict[str, bytes]:
    """Every file of a built site by its path, with its bytes (the search index aside)."""
    return {
        path.relative_to(site).as_posix(): path.read_bytes()
        for path in sorted(site.rglob("*"))
        if path.is_file() and "pagefind" not in path.parts
    }


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The fixture site with its own registries (a step edits one) and no search index."""
    config = write_site(tmp_path)
    data = yaml.safe_load(config.read_text(encoding="utf-8"))
    options = data["plugins"][0]["newsarchive"]
    shutil.copytree(options["data_dir"], tmp_path / "data")
    options.update(data_dir="data", search=False)
    config.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return config


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, path
    path.write_text(text.replace(old, new), encoding="utf-8")


def steps(root: Path) -> list[tuple[str, Callable[[], None]]]:
    articles, data = root / "docs" / "articles", root / "data"
    macron = articles / "2025/02/macron-meloni-meet-in-rome.md"
    original = articles / "2025/03/zelenskyy-calls-for-sanctions.uk.md"
    version = articles / "2025/03/starmer-tells-putin-to-accept-the-ceasefire.md"
    budget = articles / "2024/12/eu-leaders-agree-budget.md"
    stall = articles / "2024/11/ceasefire-talks-stall.md"

    def add_with_new_person() -> None:
        page = articles / "2025/04/a-new-envoy-meets-putin.md"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(NEW_PERSON, encoding="utf-8")
        with (data / "people.yml").open("a", encoding="utf-8") as registry:
            registry.write("- name: Ada Lovelace\n  role: Envoy\n")

    return [
        ("edit a title", lambda: edit(macron, "to mend ties", "to mend their ties")),
        ("add an article, a person and an old address", add_with_new_person),
        ("move a story in time", lambda: edit(budget, "date: 2024-12-19", "date: 2024-12-01")),
        # Putin's first page (his three newest) shows nothing else that changes: his timeline.
        (
            "move a story on a list's second page to another month",
            lambda: edit(stall, "date: 2024-11-20", "date: 2024-10-30"),
        ),
        (
            "correct an article",
            lambda: edit(
                macron,
                "added: 2025-02-21\n",
                "added: 2025-02-21\nupdated: 2025-03-01\ncorrections:\n"
                "- date: 2025-03-01\n  note: The meeting lasted three hours.\n",
            ),
        ),
        ("delete the only article of a month", lambda: budget.unlink()),
        ("give a translation its original", lambda: original.write_text(ORIGINAL, "utf-8")),
        ("edit the original", lambda: edit(original, "одну мову", "лише одну мову")),
        ("take the original away", lambda: original.unlink()),
        ("archive another version of a story", lambda: version.write_text(VERSION, "utf-8")),
        ("retitle a version", lambda: edit(version, "title: Starmer tells", "title: Starmer asks")),
        ("make it a story of its own", lambda: edit(version, f"same_story:\n- {STARMER}\n", "")),
        (
            "rename a topic",
            lambda: edit(data / "topics.yml", "label: Diplomacy", "label: Diplomacy and talks"),
        ),
        (
            "give a person a Wikidata id (their articles' ninjs show it)",
            lambda: edit(
                data / "people.yml",
                "  role: Chancellor of Germany\n",
                "  role: Chancellor of Germany\n  wikidata: Q61053\n",
            ),
        ),
        (
            "give a source a Wikidata id",
            lambda: edit(
                data / "sources.yml", "- name: Le Monde\n", "- name: Le Monde\n  wikidata: Q12461\n"
            ),
        ),
    ]


def test_every_step_updates_incrementally_to_what_a_full_build_makes(
    project: Path, tmp_path: Path
) -> None:
    preview = Preview(project, tmp_path / "preview")
    preview.build()
    total = len(tree(tmp_path / "preview"))
    for name, change in steps(tmp_path):
        change()
        update = preview.refresh()
        assert update.kind == "incremental", (name, update)
        assert 0 < update.pages < total / 2, (name, update)
        full = Preview(project, tmp_path / "full")
        full.build()
        incremental, built = tree(tmp_path / "preview"), tree(tmp_path / "full")
        differ = sorted(
            p for p in incremental.keys() | built.keys() if incremental.get(p) != built.get(p)
        )
        assert differ == [], name
        story = "stories/2025/03/starmer-urges-putin-to-accept-ceasefire/index.html"
        assert (story in built) == (
            name in {"archive another version of a story", "retitle a version"}
        ), name
        zelenskyy = incremental["articles/2025/03/zelenskyy-calls-for-sanctions/index.html"]
        assert (b"na-versions" in zelenskyy) == (
            name in {"give a translation its original", "edit the original"}
        ), name
    assert preview.refresh().kind == "none"


def test_a_change_it_cannot_reason_about_is_a_full_build(project: Path, tmp_path: Path) -> None:
    preview = Preview(project, tmp_path / "preview")
    preview.build()
    edit(tmp_path / "docs" / "about.md", "# About", "# About this archive")
    update = preview.refresh()
    assert update.kind == "full"
    assert update.reason == "docs/about.md changed, which only a full build can take in"
    about = (tmp_path / "preview" / "about" / "index.html").read_text(encoding="utf-8")
    assert "About this archive" in about


def test_touching_a_file_without_changing_it_renders_nothing(project: Path, tmp_path: Path) -> None:
    preview = Preview(project, tmp_path / "preview")
    preview.build()
    page = tmp_path / "docs" / "articles" / "2025/02/macron-meloni-meet-in-rome.md"
    page.write_bytes(page.read_bytes())  # a new time, the same content
    assert preview.refresh().kind == "none"


def test_without_mkdocs_one_page_steps_every_change_is_a_full_build(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An MkDocs upgrade that renames its private page steps slows the preview, nothing else."""
    monkeypatch.setattr(preview_module, "_MKDOCS_STEPS", ())
    preview = Preview(project, tmp_path / "preview")
    preview.build()
    page = tmp_path / "docs" / "articles" / "2025/02/macron-meloni-meet-in-rome.md"
    edit(page, "to mend ties", "to mend old ties")
    update = preview.refresh()
    assert update.kind == "full"
    assert "_populate_page/_build_page" in update.reason
    built = tmp_path / "preview" / "articles/2025/02/macron-meloni-meet-in-rome/index.html"
    assert "to mend old ties</h1>" in built.read_text(encoding="utf-8")
