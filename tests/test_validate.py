"""`newsarchive validate`: planted problems in fixture pages give exact lines and exit codes."""

from __future__ import annotations

import shutil
import subprocess
from collections import defaultdict
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from newsarchive.cli import cli

FIXTURES = Path(__file__).parent / "fixtures" / "validate"
EXPECTED = yaml.safe_load((FIXTURES / "archive.expected.yml").read_text(encoding="utf-8"))
ARGS = ["validate", "--archive", "archive", "--data-dir", "data"]


@pytest.fixture
def in_fixtures(monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run from the fixture folder, so reported paths are short and stable."""
    monkeypatch.chdir(FIXTURES)
    return FIXTURES


def run(*args: str) -> tuple[int, list[str]]:
    result = CliRunner().invoke(cli, [*ARGS, *args])
    return result.exit_code, result.output.splitlines()


def by_page(lines: list[str]) -> dict[str, list[str]]:
    pages: dict[str, list[str]] = defaultdict(list)
    for line in lines:
        path, _, rest = line.partition(":")
        pages[path.removeprefix("archive/")].append(rest)
    return pages


def test_every_fixture_page_is_in_the_table() -> None:
    pages = {p.relative_to(FIXTURES / "archive").as_posix() for p in FIXTURES.rglob("*.md")}
    assert pages == set(EXPECTED)


@pytest.mark.parametrize("page", sorted(EXPECTED))
def test_whole_archive_reports_exact_lines_per_page(in_fixtures: Path, page: str) -> None:
    code, lines = run()
    assert code == 1
    assert by_page(lines[:-1]).get(page, []) == EXPECTED[page]


def test_summary_line_counts_files_errors_and_warnings(in_fixtures: Path) -> None:
    _, lines = run()
    errors = sum(not line.split(": ", 1)[1].startswith("warning:") for line in lines[:-1])
    assert lines[-1] == f"21 files checked: {errors} errors, {len(lines) - 1 - errors} warnings"
    assert lines[-1] == "21 files checked: 44 errors, 8 warnings"


def test_clean_page_alone_passes_with_exit_0(in_fixtures: Path) -> None:
    code, lines = run("archive/2025/03/clean-page.md")
    assert (code, lines) == (0, ["1 file checked: 0 errors, 0 warnings"])


def test_warnings_alone_exit_0(in_fixtures: Path) -> None:
    code, lines = run("archive/2025/03/translation-damage.md")
    assert code == 0
    assert lines[-1] == "1 file checked: 0 errors, 7 warnings"


def test_a_folder_checks_only_the_pages_under_it(in_fixtures: Path) -> None:
    code, lines = run("archive/2025/04")
    assert code == 1
    assert lines == [
        "archive/2025/04/wrong-month.md:4: page is at 2025/04/wrong-month.md but its date says "
        "2025/03/wrong-month.md; move it to 2025/03/ (git mv) or correct the date",
        "1 file checked: 1 error, 0 warnings",
    ]


def test_a_given_page_is_still_compared_with_the_whole_archive(in_fixtures: Path) -> None:
    _, lines = run("archive/2025/05/reused-slug.md")
    assert lines[0] == (
        "archive/2025/05/reused-slug.md:3: slug 'reused-slug' is already used by "
        "archive/2025/03/reused-slug.md; choose another slug and rename the file to match"
    )


def test_github_format_prints_annotations(in_fixtures: Path) -> None:
    code, lines = run("--format", "github", "archive/2025/03/title-with-colon.md")
    assert code == 1
    assert lines == [
        "::error file=archive/2025/03/title-with-colon.md,line=2::the value of 'title' contains "
        "': ', which YAML reads as a new field; quote the whole value: "
        'title: "Starmer: the ball is in Russia\'s court"',
        "1 file checked: 1 error, 0 warnings",
    ]


def test_github_format_marks_warnings_and_escapes_percent(in_fixtures: Path) -> None:
    _, lines = run("--format", "github", "archive/2025/03/duplicate-near-second.md")
    assert lines[0] == (
        "::warning file=archive/2025/03/duplicate-near-second.md,line=13::near duplicate of "
        "archive/2025/03/duplicate-near-first.md (60%25 of word 3-grams shared); "
        "if it is the same story, keep one page, or keep both as its versions with "
        "'same_story: [2025/03/duplicate-near-first]'"
    )


def test_missing_path_is_one_line_error(in_fixtures: Path) -> None:
    code, lines = run("archive/2031")
    assert (code, lines) == (
        1,
        ["Error: archive/2031: no such file or folder; give pages or folders of pages"],
    )


# --changed-since: a scratch repository with a main branch and a feature branch.


def git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


@pytest.fixture
def scratch_repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """main holds a page with a planted error; the branch adds one page."""
    articles = tmp_path / "docs" / "articles" / "2025" / "03"
    articles.mkdir(parents=True)
    shutil.copytree(FIXTURES / "data", tmp_path / "data")
    shutil.copy(FIXTURES / "archive/2025/03/title-with-colon.md", articles)
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "archive")
    git(tmp_path, "checkout", "-q", "-b", "new-article")
    shutil.copy(FIXTURES / "archive/2025/03/language-no.md", articles)
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "add a page")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_changed_since_checks_only_the_new_page(scratch_repo: Path) -> None:
    result = CliRunner().invoke(cli, ["validate", "--changed-since", "main", "--data-dir", "data"])
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "docs/articles/2025/03/language-no.md:6: language: no is read as false "
        "(a YAML yes/no word); quote it: language: 'no'",
        "docs/articles/2025/03/language-no.md:8: translation.from: no is read as false "
        "(a YAML yes/no word); quote it: from: 'no'",
        "1 file checked: 2 errors, 0 warnings",
    ]


def test_changed_since_includes_uncommitted_pages(scratch_repo: Path) -> None:
    shutil.copy(FIXTURES / "archive/2025/03/clean-page.md", scratch_repo / "docs/articles/2025/03")
    result = CliRunner().invoke(cli, ["validate", "--changed-since", "main", "--data-dir", "data"])
    assert result.output.splitlines()[-1] == "2 files checked: 2 errors, 0 warnings"


def test_changed_since_nothing_changed_passes(scratch_repo: Path) -> None:
    result = CliRunner().invoke(cli, ["validate", "--changed-since", "HEAD", "--data-dir", "data"])
    assert (result.exit_code, result.output) == (0, "0 files checked: 0 errors, 0 warnings\n")


def test_changed_since_unknown_ref_says_to_fetch(scratch_repo: Path) -> None:
    result = CliRunner().invoke(
        cli, ["validate", "--changed-since", "origin/main", "--data-dir", "data"]
    )
    assert result.exit_code == 1
    assert result.output == (
        "Error: git cannot find 'origin/main'; fetch it first (git fetch origin main) "
        "or name another ref\n"
    )
