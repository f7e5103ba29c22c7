"""The package works installed, away from this checkout: its own files are in the wheel,
and the archive's data is looked for around the current folder, not beside the code."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import REPO, REPO_DATA

STORY = (
    "Ministers agree on grain corridor\n\n"
    "The ministers of both countries agreed on Tuesday to keep the grain corridor open "
    "for another year, the foreign ministry said in a statement.\n"
)


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel, unpacked where Python finds it before the editable checkout."""
    dist = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", str(REPO), "-w", str(dist)],
        check=True,
        timeout=600,
    )
    (wheel,) = dist.glob("newsarchive-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        archive.extractall(dist / "site")
    assert {"newsarchive/languages.yml", "newsarchive/website/templates/main.html"} <= names
    assert any(name.endswith(".dist-info/licenses/LICENSE") for name in names)
    return dist / "site"


def run(installed: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(installed)}
    code = "import sys, newsarchive.cli as c; assert 'site' in c.__file__; sys.exit(c.cli())"
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.mark.slow
def test_installed_package_ingests_inside_an_archive_and_explains_outside(
    installed: Path, tmp_path: Path
) -> None:
    archive = tmp_path / "archive"
    shutil.copytree(REPO_DATA, archive / "data")
    (archive / "inbox").mkdir()
    (archive / "inbox" / "story.txt").write_text(STORY, encoding="utf-8")
    (archive / "inbox" / "story.meta.yml").write_text("date: 2025-03-11\n", encoding="utf-8")
    done = run(installed, archive, "ingest", "inbox", "--out", "docs/articles")
    assert done.returncode == 0, done.stderr
    page = archive / "docs/articles/2025/03/ministers-agree-on-grain-corridor.md"
    assert "title: Ministers agree on grain corridor" in page.read_text(encoding="utf-8")
    checked = run(installed, archive / "docs", "validate", "articles")
    assert checked.returncode == 0, checked.stdout + checked.stderr

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "story.txt").write_text(STORY, encoding="utf-8")
    lost = run(installed, elsewhere, "ingest", "story.txt", "--out", "out")
    assert lost.returncode != 0
    assert "no data/ folder (with people.yml) here or above" in lost.stderr
    assert not (elsewhere / "out").exists()
