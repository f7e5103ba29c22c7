"""Our forks of Material's partials are upstream plus a stored patch (website/forks/).

When a Material upgrade changes a partial we fork, this fails and shows the upstream
change: port our change to the new upstream file, then store the patch again with
`.venv/bin/python tests/test_forks.py`.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import material
import pytest

UPSTREAM = Path(material.__file__).parent / "templates"
OURS = Path(__file__).parents[1] / "scripts" / "newsarchive" / "website"
FORKED = (
    "partials/header.html",
    "partials/content.html",
    "partials/language.html",
    "partials/source.html",
)


def patch(name: str) -> str:
    """Material's partial to ours, as a unified diff."""
    upstream = (UPSTREAM / name).read_text(encoding="utf-8").splitlines(keepends=True)
    ours = (OURS / "templates" / name).read_text(encoding="utf-8").splitlines(keepends=True)
    diff = difflib.unified_diff(upstream, ours, f"material/{name}", f"newsarchive/{name}")
    return "".join(diff)


def stored(name: str) -> Path:
    return OURS / "forks" / f"{Path(name).name}.patch"


@pytest.mark.parametrize("name", FORKED)
def test_forked_partial_is_upstream_plus_its_stored_patch(name: str) -> None:
    assert patch(name) == stored(name).read_text(encoding="utf-8"), (
        f"Material's {name} or ours changed: port our change, then run tests/test_forks.py"
    )


def test_every_full_copy_of_a_material_template_is_a_known_fork() -> None:
    """A template of ours that shadows one of Material's, other than a thin wrapper, is listed."""
    templates = OURS / "templates"
    shadowing = {
        str(path.relative_to(templates))
        for path in templates.rglob("*.html")
        if (UPSTREAM / path.relative_to(templates)).is_file()
        and "theme/" + str(path.relative_to(templates)) not in path.read_text(encoding="utf-8")
    }
    assert shadowing - {"main.html"} == set(FORKED)


if __name__ == "__main__":
    for name in FORKED:
        stored(name).write_text(patch(name), encoding="utf-8")
        print(f"wrote {stored(name)}")
