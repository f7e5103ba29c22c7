"""The contributor's whole path, as CONTRIBUTING.md gives it: ingest, validate, strict build.

Runs in a scratch git repository laid out like this one, on a branch, as a pull request would.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from newsarchive.cli import cli

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[1]
RAW = REPO / "tests" / "fixtures" / "ingest" / "wire_paste.txt"
PAGE = "docs/articles/2025/05/moldova-and-poland-sign-energy-pact.md"


def git(root: Path, *args: str) -> str:
    command = ["git", "-c", "user.name=Test", "-c", "user.email=t@example.org", *args]
    return subprocess.run(command, cwd=root, check=True, capture_output=True, text=True).stdout


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def checkout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A clone-like archive: mkdocs.yml, docs/, data/, CONTRIBUTING.md, committed on main."""
    root = tmp_path / "archive"
    for name in ("data", "docs"):
        shutil.copytree(REPO / name, root / name, ignore=shutil.ignore_patterns(".tmp"))
    for name in ("mkdocs.yml", "CONTRIBUTING.md"):
        shutil.copy(REPO / name, root / name)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "archive")
    git(root, "checkout", "-q", "-b", "add-article")
    monkeypatch.chdir(root)
    return root


def test_ingest_validate_and_strict_build_of_a_new_article(checkout: Path) -> None:
    shutil.copy(RAW, checkout / "article.txt")
    code, _, err = run("ingest", "article.txt", "--from", "pl", "--method", "machine")
    assert code == 0, err
    assert f"archived {PAGE}" in err.splitlines()

    people = yaml.safe_load((checkout / "data" / "people.yml").read_text(encoding="utf-8"))
    added = [line for line in err.splitlines() if line.startswith("added ")]
    for line in added:  # every person the ingest added is now in the registry, for review
        assert any(line.startswith(f"added {p['name']} ") for p in people)

    (checkout / "article.txt").unlink()
    git(checkout, "add", "-A")
    git(checkout, "commit", "-q", "-m", "Add an article")

    code, out, _ = run("validate", "--changed-since", "main")
    assert code == 0, out
    assert out.splitlines()[-1] == "1 file checked: 0 errors, 0 warnings"

    code, out, _ = run("build", "--strict", "--site-dir", "public")
    assert code == 0, out
    html = checkout / "public" / PAGE.removeprefix("docs/").removesuffix(".md") / "index.html"
    text = html.read_text(encoding="utf-8")
    assert "Moldova and Poland sign energy pact" in text
    assert "Machine-translated from Polish" in text
    assert (checkout / "public" / "people" / "donald-tusk" / "index.html").is_file()


def test_a_broken_page_fails_validate_and_the_strict_build(checkout: Path) -> None:
    page = checkout / "docs" / "articles" / "2025" / "05" / "broken.md"
    page.parent.mkdir(parents=True)
    page.write_text(
        "---\ntitle: Broken\nslug: broken\ndate: 2025-05-09\nadded: 2025-05-10\nlanguage: en\n"
        "people:\n- Nobody Known\n---\n\nText.\n",
        encoding="utf-8",
    )
    git(checkout, "add", "-A")
    git(checkout, "commit", "-q", "-m", "Add a broken page")

    code, out, _ = run("validate", "--changed-since", "main")
    assert code == 1
    assert out.splitlines()[0].startswith("docs/articles/2025/05/broken.md:8: ")
    assert "Nobody Known" in out.splitlines()[0]

    code, _, err = run("build", "--strict", "--site-dir", "public")
    assert code == 1
    last = err.splitlines()[-1]  # after MkDocs' own progress lines
    assert last.startswith("Error: build failed: ")
    assert "broken.md: unknown person 'Nobody Known'" in last


SLUG = "starmer-says-allies-will-keep-up-pressure-on-putin-and-plan-a-peacekeeping-force"
ARCHIVED = f"docs/articles/2025/03/{SLUG}.md"


def test_moving_an_archived_page_fails_until_moved_from_keeps_its_old_address(
    checkout: Path,
) -> None:
    moved = "docs/articles/2025/03/starmer-peacekeeping-force.md"
    git(checkout, "mv", ARCHIVED, moved)
    page = checkout / moved
    text = page.read_text(encoding="utf-8").replace(
        f"slug: {SLUG}\n", "slug: starmer-peacekeeping-force\n"
    )
    page.write_text(text, encoding="utf-8")
    git(checkout, "commit", "-q", "-am", "Shorter address")

    code, out, _ = run("validate", "--changed-since", "main")
    assert code == 1
    lines = out.splitlines()
    assert lines[0] == (
        f"{moved}:3: {ARCHIVED} was moved to 2025/03/starmer-peacekeeping-force.md; archived "
        f"pages never change address: add 'moved_from: [2025/03/{SLUG}]' to {moved}, or move "
        "it back"
    )
    assert lines[-1] == "1 file checked: 1 error, 1 warning"  # a quote the original lost

    page.write_text(
        text.replace("---\n\n", f"moved_from:\n- 2025/03/{SLUG}\n---\n\n", 1), encoding="utf-8"
    )
    code, out, _ = run("validate", "--changed-since", "main")
    assert (code, out.splitlines()[-1]) == (0, "1 file checked: 0 errors, 1 warning")
