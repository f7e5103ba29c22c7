"""`validate --changed-since` on a living archive: addresses, corrections, duplicate blame.

Each test works in a scratch git repository: main holds the archive, a branch changes it
as a pull request would, and validate compares the branch with main.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsarchive.cli import cli

FIXTURES = Path(__file__).parent / "fixtures" / "validate"
ARTICLES = Path("docs/articles")
TODAY = dt.date.today()
STORY = (
    "Dock workers in Marseille voted on Monday to end a nine-day strike over pensions, the "
    "union said, after the port authority agreed to reopen talks in April.\n\n"
    "Ships that had waited off the coast began to enter the harbour in the evening."
)
OTHER = (
    "The central bank left its main interest rate unchanged on Thursday and said inflation "
    "was slowing faster than it had expected in the spring."
)


def git(root: Path, *args: str, when: str | None = None) -> str:
    command = ["git", "-c", "user.name=Test", "-c", "user.email=t@example.org", *args]
    env = {**os.environ, "GIT_COMMITTER_DATE": when} if when else None
    return subprocess.run(
        command, cwd=root, check=True, capture_output=True, text=True, env=env
    ).stdout


def page(
    slug: str,
    body: str = STORY,
    *,
    title: str = "Marseille dockers end their strike",
    added: str = "2025-03-24",
    extra: str = "",
) -> str:
    return (
        f"---\ntitle: {title}\nslug: {slug}\ndate: 2025-03-23\nadded: {added}\n"
        f"language: en\n{extra}---\n\n{body}\n"
    )


def write(root: Path, address: str, text: str) -> Path:
    path = root / ARTICLES / f"{address}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def commit(root: Path, message: str = "change", when: str | None = None) -> None:
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message, when=when)


def validate(*args: str) -> tuple[int, list[str]]:
    result = CliRunner().invoke(cli, ["validate", "--data-dir", "data", *args])
    return result.exit_code, result.output.splitlines()


def changed() -> tuple[int, list[str]]:
    return validate("--changed-since", "main")


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """main: one archived page, 2025/03/dockers; then a branch for the pull request."""
    shutil.copytree(FIXTURES / "data", tmp_path / "data")
    write(tmp_path, "2025/03/dockers", page("dockers"))
    git(tmp_path, "init", "-q", "-b", "main")
    commit(tmp_path, "archive")
    git(tmp_path, "checkout", "-q", "-b", "change")
    monkeypatch.chdir(tmp_path)
    return tmp_path


# Addresses never break.


def test_git_mv_fails_with_one_line_and_passes_once_moved_from_keeps_the_address(
    repo: Path,
) -> None:
    git(repo, "mv", str(ARTICLES / "2025/03/dockers.md"), str(ARTICLES / "2025/03/strike.md"))
    write(repo, "2025/03/strike", page("strike"))
    commit(repo, "rename")
    assert "R0" in git(repo, "diff", "-M", "--name-status", "main", "HEAD")
    assert changed() == (
        1,
        [
            "docs/articles/2025/03/strike.md:3: docs/articles/2025/03/dockers.md was moved to "
            "2025/03/strike.md; archived pages never change address: add "
            "'moved_from: [2025/03/dockers]' to docs/articles/2025/03/strike.md, or move it back",
            "1 file checked: 1 error, 0 warnings",
        ],
    )
    write(repo, "2025/03/strike", page("strike", extra="moved_from:\n- 2025/03/dockers\n"))
    assert changed() == (0, ["1 file checked: 0 errors, 0 warnings"])


def test_git_mv_itself_is_caught_uncommitted(repo: Path) -> None:
    git(repo, "mv", str(ARTICLES / "2025/03/dockers.md"), str(ARTICLES / "2025/03/moved.md"))
    code, lines = changed()
    assert code == 1
    assert lines[1].startswith(
        "docs/articles/2025/03/moved.md:3: docs/articles/2025/03/dockers.md was moved to "
        "2025/03/moved.md; "
    )


def test_deleting_an_archived_page_fails_unless_another_page_keeps_its_address(
    repo: Path,
) -> None:
    git(repo, "rm", "-q", str(ARTICLES / "2025/03/dockers.md"))
    assert changed() == (
        1,
        [
            "docs/articles/2025/03/dockers.md:1: docs/articles/2025/03/dockers.md was deleted; "
            "archived pages never change address: restore it, or add "
            "'moved_from: [2025/03/dockers]' to the page that replaces it",
            "0 files checked: 1 error, 0 warnings",
        ],
    )
    write(repo, "2025/03/strike", page("strike", extra="moved_from: [2025/03/dockers]\n"))
    assert changed() == (0, ["1 file checked: 0 errors, 0 warnings"])


def test_a_new_page_keeping_a_deleted_address_keeps_its_history(repo: Path) -> None:
    # Deleted and written anew, too changed for git to see a rename: still the same page.
    (repo / ARTICLES / "2025/03/dockers.md").unlink()
    moved = "moved_from: [2025/03/dockers]\n"
    write(repo, "2025/03/rates", page("rates", OTHER, added=str(TODAY), extra=moved))
    assert changed() == (
        1,
        [
            "docs/articles/2025/03/rates.md:5: added is the day the page entered the archive "
            "and never changes; write added: 2025-03-24",
            f"docs/articles/2025/03/rates.md:10: body changed since main; add a correction: "
            f"corrections: [{{date: {TODAY}, note: what changed}}] (and updated: {TODAY}), "
            "or minor: true for a typo fix",
            "1 file checked: 2 errors, 0 warnings",
        ],
    )


def test_a_page_added_and_deleted_in_the_branch_is_no_archived_page(repo: Path) -> None:
    write(repo, "2025/03/rates", page("rates", OTHER))
    commit(repo)
    (repo / ARTICLES / "2025/03/rates.md").unlink()
    assert changed() == (0, ["0 files checked: 0 errors, 0 warnings"])


def test_moved_from_may_not_shadow_a_page_nor_be_kept_twice(repo: Path) -> None:
    write(repo, "2025/03/rates", page("rates", OTHER, extra="moved_from:\n- 2025/03/dockers\n"))
    code, lines = changed()
    assert (code, lines) == (
        1,
        [
            "docs/articles/2025/03/rates.md:8: moved_from '2025/03/dockers' is the address of "
            "docs/articles/2025/03/dockers.md, which a redirect would hide; remove it from "
            "moved_from",
            "1 file checked: 1 error, 0 warnings",
        ],
    )
    write(repo, "2025/03/rates", page("rates", OTHER, extra="moved_from: [2025/03/gone]\n"))
    write(repo, "2025/03/banks", page("banks", "Banks.", extra="moved_from: [2025/03/gone]\n"))
    _, lines = changed()
    assert lines == [
        "docs/articles/2025/03/banks.md:7: moved_from '2025/03/gone' is also kept by "
        "docs/articles/2025/03/rates.md; an old address redirects to one page only: "
        "keep it in one of them",
        "docs/articles/2025/03/rates.md:7: moved_from '2025/03/gone' is also kept by "
        "docs/articles/2025/03/banks.md; an old address redirects to one page only: "
        "keep it in one of them",
        "2 files checked: 2 errors, 0 warnings",
    ]


def test_a_new_page_at_an_address_an_archived_page_keeps_is_refused(repo: Path) -> None:
    write(repo, "2025/03/rates", page("rates", OTHER, extra="moved_from: [2025/03/banks]\n"))
    commit(repo)
    git(repo, "checkout", "-q", "-b", "later")
    write(repo, "2025/03/banks", page("banks", "Banks raised their fees."))
    assert validate("--changed-since", "change") == (
        1,
        [
            "docs/articles/2025/03/banks.md:3: this page's address 2025/03/banks is an old "
            "address of docs/articles/2025/03/rates.md (moved_from), which redirects it there; "
            "choose another slug and rename the file to match",
            "1 file checked: 1 error, 0 warnings",
        ],
    )


# Corrections are recorded.


def edit(repo: Path, text: str) -> None:
    write(repo, "2025/03/dockers", text)


def test_a_body_edit_needs_a_correction(repo: Path) -> None:
    edit(repo, page("dockers", STORY.replace("nine-day", "ten-day")))
    assert changed() == (
        1,
        [
            f"docs/articles/2025/03/dockers.md:9: body changed since main; add a correction: "
            f"corrections: [{{date: {TODAY}, note: what changed}}] (and updated: {TODAY}), "
            "or minor: true for a typo fix",
            "1 file checked: 1 error, 0 warnings",
        ],
    )
    noted = (
        f"updated: {TODAY}\ncorrections:\n- date: {TODAY}\n  note: The strike lasted ten days.\n"
    )
    edit(repo, page("dockers", STORY.replace("nine-day", "ten-day"), extra=noted))
    assert changed() == (0, ["1 file checked: 0 errors, 0 warnings"])


def test_a_typo_fix_passes_with_minor(repo: Path) -> None:
    typo = f"corrections:\n- date: {TODAY}\n  note: Spelling.\n  minor: true\n"
    edit(repo, page("dockers", STORY.replace("harbour", "harbor"), extra=typo))
    assert changed() == (0, ["1 file checked: 0 errors, 0 warnings"])


def test_whitespace_tags_and_a_confirmed_title_need_no_correction(repo: Path) -> None:
    edit(repo, page("dockers", STORY.replace(" ", "  ").replace("\n\n", "\n\n\n")))
    assert changed()[0] == 0
    edit(repo, page("dockers", extra="places:\n- Ukraine\n"))
    assert changed()[0] == 0
    edit(repo, page("dockers", extra="provisional:\n- title\n"))
    commit(repo)
    git(repo, "checkout", "-q", "-b", "confirm")
    edit(repo, page("dockers", title="Dockers vote to end Marseille strike"))
    assert validate("--changed-since", "change") == (0, ["1 file checked: 0 errors, 0 warnings"])


def test_a_fact_edit_needs_a_correction_on_the_facts_line(repo: Path) -> None:
    edit(repo, page("dockers", STORY + " More.", title="Marseille dockers end a strike"))
    code, lines = changed()
    assert code == 1
    assert lines[0].startswith(
        "docs/articles/2025/03/dockers.md:2: title and body changed since main; add a correction"
    )


def test_editing_added_fails(repo: Path) -> None:
    edit(repo, page("dockers", added=str(TODAY)))
    assert changed() == (
        1,
        [
            "docs/articles/2025/03/dockers.md:5: added is the day the page entered the archive "
            "and never changes; write added: 2025-03-24",
            "1 file checked: 1 error, 0 warnings",
        ],
    )


def test_old_corrections_stay_and_new_ones_are_dated_from_the_change(repo: Path) -> None:
    old = "updated: 2025-03-25\ncorrections:\n- date: 2025-03-25\n  note: The union's name.\n"
    edit(repo, page("dockers", extra=old))
    commit(repo)
    git(repo, "checkout", "-q", "-b", "later")
    edit(repo, page("dockers"))
    assert validate("--changed-since", "change") == (
        1,
        [
            "docs/articles/2025/03/dockers.md:1: the correction of 2025-03-25 was removed or "
            "changed; earlier corrections are the page's history: restore it as it was in change",
            "1 file checked: 1 error, 0 warnings",
        ],
    )
    backdated = old.replace("updated: 2025-03-25", "updated: 2025-03-26") + (
        "- date: 2025-03-26\n  note: The strike lasted ten days.\n"
    )
    edit(repo, page("dockers", STORY.replace("nine-day", "ten-day"), extra=backdated))
    assert validate("--changed-since", "change") == (
        1,
        [
            "docs/articles/2025/03/dockers.md:11: the new correction is dated before this change "
            f"(change is of {TODAY}); date it the day of the change: date: {TODAY}",
            "1 file checked: 1 error, 0 warnings",
        ],
    )


def test_updated_must_follow_the_corrections_at_its_line(repo: Path) -> None:
    edit(repo, page("dockers", extra=f"updated: {TODAY}\n"))
    assert changed() == (
        1,
        [
            "docs/articles/2025/03/dockers.md:7: updated must be the day of the last correction "
            "that is not minor; remove the 'updated' line",
            "1 file checked: 1 error, 0 warnings",
        ],
    )


# Duplicates blame the later page.


def test_a_folder_run_blames_the_page_added_later_whatever_its_path(repo: Path) -> None:
    write(repo, "2025/03/a-copy", page("a-copy", STORY.replace(" ", "  "), added="2025-04-02"))
    code, lines = validate("--archive", str(ARTICLES))
    assert (code, lines) == (
        1,
        [
            "docs/articles/2025/03/a-copy.md:9: same text as docs/articles/2025/03/dockers.md; "
            "the article is already in the archive: remove this page",
            "2 files checked: 1 error, 0 warnings",
        ],
    )


def test_same_added_day_falls_back_to_the_first_commit(repo: Path) -> None:
    write(repo, "2025/03/a-copy", page("a-copy", STORY + "\n"))
    commit(repo, "copy", when="2099-01-01T00:00:00Z")  # surely after the archive's commit
    _, lines = validate("--archive", str(ARTICLES))
    assert lines[0].startswith("docs/articles/2025/03/a-copy.md:9: same text as ")


def test_a_pull_request_adding_a_copy_is_blamed_even_with_an_earlier_added(repo: Path) -> None:
    write(repo, "2025/03/a-copy", page("a-copy", STORY, added="2025-01-01"))
    _, lines = changed()
    assert lines[0].startswith("docs/articles/2025/03/a-copy.md:9: same text as ")


def test_an_old_page_edited_into_a_copy_of_a_newer_one_blames_the_newer(repo: Path) -> None:
    write(repo, "2025/03/rates", page("rates", OTHER, added="2025-04-05"))
    commit(repo)
    git(repo, "checkout", "-q", "-b", "later")
    noted = f"corrections:\n- date: {TODAY}\n  note: Replaced.\n  minor: true\n"
    edit(repo, page("dockers", OTHER, extra=noted))
    code, lines = validate("--changed-since", "change")
    assert (code, lines) == (
        1,
        [
            "docs/articles/2025/03/rates.md:9: same text as docs/articles/2025/03/dockers.md; "
            "the article is already in the archive: remove this page",
            "1 file checked: 1 error, 0 warnings",
        ],
    )


def test_outside_git_a_tie_falls_back_to_the_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(FIXTURES / "data", tmp_path / "data")
    write(tmp_path, "2025/03/b-first", page("b-first"))
    write(tmp_path, "2025/03/c-second", page("c-second", STORY + "\n\n"))
    monkeypatch.chdir(tmp_path)
    _, lines = validate("--archive", str(ARTICLES))
    assert lines[0].startswith("docs/articles/2025/03/c-second.md:9: same text as ")
