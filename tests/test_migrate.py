"""`newsarchive migrate`: `added` from the first commit of each page, in a real git repository."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsarchive.cli import cli
from newsarchive.migrate import with_added


def page(slug: str, date: str = "2023-06-01", extra: str = "") -> str:
    return (
        f"---\ntitle: 'Story {slug}'\nslug: {slug}\ndate: {date}\n{extra}language: en\n---\n\n"
        f"The text of {slug}.\n"
    )


def git(root: Path, *args: str, day: str | None = None) -> None:
    env = dict(os.environ)
    if day is not None:  # the commit's day, as a pull request merged that day would have it
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = f"{day}T12:00:00+00:00"
    command = ["git", "-c", "user.name=Test", "-c", "user.email=t@example.org", *args]
    subprocess.run(command, cwd=root, check=True, capture_output=True, env=env)


def write(root: Path, relative: str, text: str) -> Path:
    path = root / "docs" / "articles" / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8"))
    return path


def migrate(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["migrate", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Pages committed on three days, one renamed with git mv, one never committed."""
    git(tmp_path, "init", "-q", "-b", "main")
    write(tmp_path, "2023/06/first.md", page("first"))
    write(tmp_path, "2023/06/old-slug.md", page("old-slug"))
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "two pages", day="2024-01-10")
    write(tmp_path, "2023/07/second.md", page("second", "2023-07-02"))
    # CRLF line ends and a BOM: the migration must keep every byte it does not add.
    write(
        tmp_path,
        "2023/07/windows.md",
        "\ufeff" + page("windows", "2023-07-03").replace("\n", "\r\n"),
    )
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "two more", day="2024-02-20")
    git(tmp_path, "mv", "docs/articles/2023/06/old-slug.md", "docs/articles/2023/06/new-slug.md")
    write(tmp_path, "2023/06/new-slug.md", page("old-slug").replace("slug: old", "slug: new"))
    write(tmp_path, "2023/06/first.md", page("first").replace("The text", "The edited text"))
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "rename and edit", day="2024-03-05")
    write(tmp_path, "2023/08/untracked.md", page("untracked", "2023-08-04"))
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_migrate_fills_added_from_the_first_commit_following_renames(repo: Path) -> None:
    archive = repo / "docs" / "articles"
    before = {path: path.read_bytes() for path in archive.rglob("*.md")}
    today = dt.date.today()

    code, out, err = migrate("--verbose")

    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[-1] == "filled added on 5 pages; 0 already had it"
    days = dict(line.rsplit(": added ", 1) for line in lines[:-1])
    assert days == {
        "docs/articles/2023/06/first.md": "2024-01-10",  # edited later: the first commit counts
        "docs/articles/2023/06/new-slug.md": "2024-01-10",  # git mv keeps the old page's day
        "docs/articles/2023/07/second.md": "2024-02-20",
        "docs/articles/2023/07/windows.md": "2024-02-20",
        "docs/articles/2023/08/untracked.md": today.isoformat(),
    }
    for path, old in before.items():  # one line inserted after date:, nothing else changed
        day = days[str(path.relative_to(repo))]
        newline = b"\r\n" if b"\r\n" in old else b"\n"
        date_line = next(line for line in old.split(newline) if line.startswith(b"date: "))
        expected = old.replace(
            date_line + newline, date_line + newline + b"added: " + day.encode() + newline
        )
        assert path.read_bytes() == expected
    assert (archive / "2023" / "07" / "windows.md").read_bytes().startswith(b"\xef\xbb\xbf---\r\n")

    migrated = {path: path.read_bytes() for path in archive.rglob("*.md")}
    code, out, err = migrate("--verbose")
    assert (code, out, err) == (0, "filled added on 0 pages; 5 already had it\n", "")
    assert {path: path.read_bytes() for path in archive.rglob("*.md")} == migrated


def test_migrate_keeps_page_permissions_and_leaves_no_temp_files(repo: Path) -> None:
    page_path = repo / "docs" / "articles" / "2023" / "06" / "first.md"
    page_path.chmod(0o644)
    assert migrate()[0] == 0
    assert page_path.stat().st_mode & 0o777 == 0o644
    assert list((repo / "docs" / "articles" / ".tmp").iterdir()) == []


def test_an_unreadable_page_is_reported_in_one_line_and_left_alone(repo: Path) -> None:
    broken = write(repo, "2023/06/no-front-matter.md", "Just text, no front matter.\n")
    latin1 = repo / "docs" / "articles" / "2023" / "06" / "latin1.md"
    latin1.write_bytes(page("latin1").replace("text", "t\xe9xt").encode("latin-1"))
    undated = write(repo, "2023/06/undated.md", page("undated").replace("date: 2023-06-01\n", ""))
    originals = {path: path.read_bytes() for path in (broken, latin1, undated)}

    code, out, err = migrate()

    assert code == 1
    assert out == "filled added on 5 pages; 0 already had it; 3 could not be read\n"
    assert err.splitlines() == [
        "error: docs/articles/2023/06/latin1.md: is not UTF-8 text; "
        "save it as UTF-8, then run migrate again",
        "error: docs/articles/2023/06/no-front-matter.md: no front matter; "
        "start the file with a line '---', the fields, then '---'",
        "error: docs/articles/2023/06/undated.md: no 'date: YYYY-MM-DD' line in the front "
        "matter to put 'added' after; add the date, then run migrate again",
    ]
    assert {path: path.read_bytes() for path in originals} == originals


def test_a_folder_outside_git_is_refused_with_nothing_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    path = write(tmp_path, "2023/06/first.md", page("first"))
    code, _, err = migrate()
    assert code == 1
    assert err.startswith("Error: docs/articles: git cannot read the history (fatal: not a git")
    assert err.rstrip().endswith("run migrate inside the archive's clone")
    assert path.read_text(encoding="utf-8") == page("first")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            page("a"),
            page("a").replace("date: 2023-06-01\n", "date: 2023-06-01\nadded: 2024-05-06\n"),
        ),
        (page("a", extra="added: 2024-01-01\n"), None),
        # Only a top-level date line counts, never one nested or in the body.
        (
            "---\ntranslation:\n  date: 2020-01-01\ndate: '2023-06-01'  # quoted\n---\n\ndate: x\n",
            "---\ntranslation:\n  date: 2020-01-01\ndate: '2023-06-01'  # quoted\n"
            "added: 2024-05-06\n---\n\ndate: x\n",
        ),
    ],
)
def test_with_added_inserts_one_line_after_the_date(text: str, expected: str | None) -> None:
    assert with_added(text, dt.date(2024, 5, 6)) == expected
