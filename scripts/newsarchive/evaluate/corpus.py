"""The evaluation corpus on disk: each set's manifest.json, read into items with their truth.

The corpus is only ever read. Its layout (see its README.md): html_articles/ and
messy_text/ list one input and one truth file per item; translated_news/ lists one
document JSON per item, with its source, reference and machine translations beside it
as one-segment-per-line text files. Any other folder with a manifest.json in the same
one-input-one-truth form (topics_dev/, a held-out topics set) is read after them.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError

SETS = ("html_articles", "messy_text", "translated_news")


@dataclass(frozen=True)
class Item:
    """One input to score, and what the corpus says it should give."""

    subset: str  # the corpus folder: trafilatura_eval, reuters21578, wmt23_uk-en, ...
    path: Path
    language: str | None
    truth: dict[str, Any]


def _load_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError("is missing; point --corpus at the corpus root folder", path) from None
    except json.JSONDecodeError as exc:
        raise InputError(f"is not valid JSON (line {exc.lineno}); restore it", path) from None


def iter_items(corpus: Path) -> Iterator[Item]:
    """Every scorable item of the corpus, set by set, in manifest order."""
    others = sorted(
        path.parent.name for path in corpus.glob("*/manifest.json") if path.parent.name not in SETS
    )
    names = [name for name in [*SETS, *others] if (corpus / name / "manifest.json").is_file()]
    if not names:
        raise InputError(
            "has no html_articles/, messy_text/ or translated_news/ manifest.json; "
            "pass the corpus root folder",
            corpus,
        )
    for name in names:
        for entry in _load_json(corpus / name / "manifest.json")["files"]:
            if name == "translated_news":
                yield from _translations(corpus / name / entry["file"])
            else:
                yield _item(corpus / name, entry)


def _item(folder: Path, entry: dict[str, Any]) -> Item:
    truth = _load_json(folder / entry["truth"]).get("ground_truth", {})
    # 'subset/file' in a set with subsets; a flat set is its own subset.
    subset = entry["file"].split("/")[0] if "/" in entry["file"] else folder.name
    return Item(subset, folder / entry["file"], entry.get("language"), truth)


def _translations(document: Path) -> Iterator[Item]:
    """One item per text of a WMT document: 'source', 'reference' and 'mt' roles."""
    data = _load_json(document)
    stem = document.name.removesuffix(".json")
    for path in sorted(document.parent.glob(f"{stem}.*.txt")):
        role, language = path.name.removeprefix(stem + ".").removesuffix(".txt").rsplit(".", 1)
        role = role.split("-", 1)[0]
        lines = path.read_text(encoding="utf-8").splitlines()
        truth = {"role": role, "title": lines[0] if lines else "", "docid": data["docid"]}
        yield Item(document.parent.name, path, language, truth)
