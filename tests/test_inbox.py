"""inbox/: kept in the repository for its README, which ingest never takes for an article;
raw files there are ignored by git on a contributor's machine, but not its README."""

from __future__ import annotations

import multiprocessing
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import REPO
from newsarchive.cli import cli

RAW = REPO / "tests" / "fixtures" / "ingest" / "wire_paste.txt"


def test_ingesting_the_inbox_skips_its_readme(workdir: Path) -> None:
    inbox = workdir / "inbox"
    inbox.mkdir()
    shutil.copy(REPO / "inbox" / "README.md", inbox / "README.md")
    shutil.copy(RAW, inbox / "moldova.txt")
    result = CliRunner().invoke(cli, ["ingest", "inbox", "--dry-run", "--from", "pl"])
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines()[0] == (
        "would archive docs/articles/2025/05/moldova-and-poland-sign-energy-pact.md"
    )
    assert result.stderr.splitlines()[-1] == "1 archived, 0 already archived, 0 failed"


def test_git_keeps_the_readme_and_ignores_raw_files() -> None:
    names = ["inbox/README.md", "inbox/story.txt", "inbox/story.meta.yml", "inbox/page.html"]
    done = subprocess.run(
        ["git", "check-ignore", "--no-index", *names], cwd=REPO, capture_output=True, text=True
    )
    assert done.stdout.split() == names[1:]
    tracked = subprocess.run(
        ["git", "ls-files", "inbox"], cwd=REPO, capture_output=True, text=True, check=True
    )
    assert tracked.stdout.split() == ["inbox/README.md"]


def test_a_machine_without_fork_ingests_the_inbox_in_one_process(
    workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As on Windows, where multiprocessing has only 'spawn'.
    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    monkeypatch.setattr(multiprocessing, "get_context", None)  # never asked for a context
    inbox = workdir / "inbox"
    inbox.mkdir()
    shutil.copy(RAW, inbox / "moldova.txt")
    shutil.copy(REPO / "tests" / "fixtures" / "ingest" / "second_story.txt", inbox / "two.txt")
    result = CliRunner().invoke(cli, ["ingest", "inbox", "--dry-run", "--jobs", "2"])
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines()[-1] == "2 archived, 0 already archived, 0 failed"
