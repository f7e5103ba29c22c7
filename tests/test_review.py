"""`newsarchive review-comment`: the pull request's comment, from a scratch repository's branch.

The branch adds a page ingested from a raw file kept in inbox/, a raw file with no page (the
web editor's way), and edits an archived page without a correction; a hostile title shows
as text once the comment is rendered.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from click.testing import CliRunner
from markdown_it import MarkdownIt

from newsarchive import review
from newsarchive.cli import cli
from newsarchive.ghmarkdown import code_block, code_span
from newsarchive.review import MARKER

pytestmark = pytest.mark.slow
# CommonMark with GFM's tables, raw HTML allowed (GitHub would also sanitise it; we need not).
GFM = MarkdownIt("commonmark").enable("table")

REPO = Path(__file__).resolve().parents[1]
RAW = REPO / "tests" / "fixtures" / "ingest" / "wire_paste.txt"
PAGE = "docs/articles/2025/05/moldova-and-poland-sign-energy-pact.md"
SLUG = "starmer-says-allies-will-keep-up-pressure-on-putin-and-plan-a-peacekeeping-force"
ARCHIVED = f"docs/articles/2025/03/{SLUG}.md"
HOSTILE = "<script>alert(1)</script> | `tick` [x](javascript:alert(1)) @everyone"


def git(root: Path, *args: str) -> str:
    command = ["git", "-c", "user.name=Test", "-c", "user.email=t@example.org", *args]
    return subprocess.run(command, cwd=root, check=True, capture_output=True, text=True).stdout


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def branch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "archive"
    for name in ("data", "docs", "inbox"):
        shutil.copytree(REPO / name, root / name, ignore=shutil.ignore_patterns(".tmp"))
    for name in ("mkdocs.yml", ".gitignore"):
        shutil.copy(REPO / name, root / name)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "archive")
    git(root, "checkout", "-q", "-b", "add-article")
    monkeypatch.chdir(root)

    shutil.copy(RAW, root / "inbox" / "moldova.txt")
    code, _, err = run("ingest", "inbox/moldova.txt", "--from", "pl", "--method", "machine")
    assert code == 0, err
    # The web editor's way: a raw file (here one made up) and its sidecar, no page.
    (root / "inbox" / "hostile.txt").write_text(
        f"{HOSTILE}\n\nBRUSSELS — The ministers met on Monday to agree a text on grain "
        "exports, officials said.\n\nThey will meet again in June.\n\nAdvertisement\n",
        encoding="utf-8",
    )
    (root / "inbox" / "hostile.meta.yml").write_text("date: 2025-06-02\n", encoding="utf-8")
    archived = root / ARCHIVED
    archived.write_text(
        archived.read_text(encoding="utf-8").replace("\ntitle: ", f"\ntitle: '{HOSTILE}' # ", 1),
        encoding="utf-8",
    )
    git(root, "add", "-A")
    git(root, "add", "-f", "inbox")
    git(root, "commit", "-q", "-m", "Add an article")
    return root


def test_the_comment_shows_each_article_for_review(branch: Path) -> None:
    preview = "https://github.example/archive/actions/runs/5#artifacts"
    code, text, err = run("review-comment", "--changed-since", "main", "--preview-url", preview)
    assert code == 0, err
    head, *sections = text.split("\n### ")
    assert head == (
        f"{MARKER}\n## Articles in this pull request\n\n"
        "2 page(s), 2 raw file(s). Validation: 3 error(s), 1 warning(s).\n"
    )
    edited, ingested, raw_only = sections
    assert edited.startswith(f"{code_span(ARCHIVED)}\n\n")
    assert ingested.startswith(f"{code_span(PAGE)}\n\n")

    # The ingested page: front matter, what the cleaner removed (from its raw file), preview.
    assert "\n\n| field | value |\n| --- | --- |\n| `title` | `Moldova and Poland" in ingested
    assert "| `translation.from` | `pl` |\n| `translation.method` | `machine` |" in ingested
    assert "**Removed by the cleaner** (5 lines;" in ingested
    assert (
        code_block(
            "© 2025 The Associated Press. All rights reserved.\nAdvertisement\n"
            "Published on 9 May 2025 at 14:32\nBy Anna Kowalska and Ion Rusu\nWARSAW (AP) —"
        )
        in ingested
    )
    assert "**Validation:** no errors, no warnings." in ingested
    assert (
        f"**Preview:** [the built site]({preview}) (download it, open "
        "`articles/2025/05/moldova-and-poland-sign-energy-pact/index.html`)."
    ) in ingested

    # The archived page edited without a correction: refused, with validate's words.
    assert f"| `title` | {code_span(HOSTILE)} |" in edited
    assert "**Refused:** 3 error(s) below; the check fails until fixed." in edited
    assert "- error at line 2: `title contains raw HTML <script>; remove the tag`" in edited
    assert "- error at line 2: `title changed since main; add a correction:" in edited
    assert "**Removed by the cleaner:** nothing, this page was archived before: an edit." in edited

    # The raw file with no page: what ingest would make of it.
    assert raw_only.startswith(f"{code_span('inbox/hostile.txt')} (raw file, not a page yet)")
    assert "| `date` | `2025-06-02` |" in raw_only
    assert code_block("Advertisement\nBRUSSELS —") in raw_only
    # The page it would make is checked as validate checks pages: the title is refused.
    assert "- error at line 2: `title contains raw HTML <script>; remove the tag`" in raw_only
    assert text.endswith(
        "\nRaw file `inbox/moldova.txt` is here for this review; delete it before merging.\n"
    )


def test_hostile_text_is_shown_never_run(branch: Path) -> None:
    _, text, _ = run("review-comment", "--changed-since", "main")
    html = BeautifulSoup(GFM.render(text), "lxml")
    assert html.find("script") is None
    assert not [a for a in html.find_all("a") if "javascript" in a.get("href", "")]
    cells = [td.get_text() for td in html.find_all("td")]
    assert HOSTILE in cells  # one table cell, the '|' kept inside it


def test_a_page_without_its_raw_file_says_how_to_see_what_was_removed(branch: Path) -> None:
    git(branch, "rm", "-q", "--cached", "inbox/moldova.txt")
    (branch / "inbox" / "moldova.txt").unlink()
    _, text, _ = run("review-comment", "--changed-since", "main")
    assert (
        "**Removed by the cleaner:** not known, the raw file is not in this pull request." in text
    )


def test_no_article_changed(branch: Path) -> None:
    git(branch, "checkout", "-q", "main")
    assert run("review-comment", "--changed-since", "main")[1] == (
        f"{MARKER}\n## Articles in this pull request\n\n"
        "No article or raw file is added or changed.\n"
    )


@pytest.mark.parametrize(
    ("value", "span"),
    [
        ("plain", "`plain`"),
        ("a`b", "``a`b``"),
        ("`edge``", "``` `edge`` ```"),
        ("a | b", "`a \\| b`"),
        ("two\nlines", "`two\\nlines`"),
        ("  ", "(empty)"),
    ],
)
def test_a_code_span_holds_any_value_on_one_line(value: str, span: str) -> None:
    assert code_span(value) == span


def test_a_code_block_is_longer_than_any_fence_inside() -> None:
    assert code_block("a\n```\n````b") == "`````text\na\n```\n````b\n`````"


def test_a_comment_too_long_for_github_keeps_whole_sections(
    branch: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, whole, _ = run("review-comment", "--changed-since", "main")
    monkeypatch.setattr(review, "MAX_COMMENT", len(whole) - 500)
    _, text, _ = run("review-comment", "--changed-since", "main")
    assert len(text) < len(whole) - 500
    assert text.count("\n### ") == 2 and text.count("```") % 2 == 0
    assert text.endswith(
        "\n…and 2 more section(s), too long for one comment: run `newsarchive review-comment "
        "--changed-since` with this pull request's base.\n"
    )


POSTER = yaml.safe_load((REPO / ".github/workflows/review-comment.yml").read_text())
GH = """#!/bin/sh
# Plays GitHub for the posting step: records each call, answers from the environment.
printf '%s\\n' "$*" >> "$GH_LOG"
case "$1 $2" in
  "pr view") echo "$GH_HEAD" ;;
  "api repos/"*) echo "$GH_EXISTING" ;;
esac
"""


@pytest.mark.parametrize(
    ("number", "head", "existing", "calls"),
    [
        ("12", "abc", "", ["pr view 12 --json headRefOid --jq .headRefOid", "api", "pr comment"]),
        ("12", "abc", "991", ["pr view 12", "api", "api --method PATCH"]),
        ("12", "old", "991", ["pr view 12"]),  # a newer run of the pull request comments
        ("12; rm -rf /", "abc", "", []),  # the artifact is data: a number or nothing
    ],
)
def test_the_posting_step_edits_its_own_comment_in_place(
    tmp_path: Path, number: str, head: str, existing: str, calls: list[str]
) -> None:
    review_dir = tmp_path / "review"
    review_dir.mkdir()
    (review_dir / "number").write_text(f"{number}\n")
    (review_dir / "comment.md").write_text(f"{MARKER}\n## Articles\n")
    (tmp_path / "gh").write_text(GH)
    (tmp_path / "gh").chmod(0o755)
    env = {
        "PATH": f"{tmp_path}:/usr/bin:/bin",
        "GH_LOG": str(tmp_path / "log"),
        "GH_HEAD": head,
        "GH_EXISTING": existing,
        "HEAD_SHA": "abc",
        "GH_REPO": "owner/archive",
        "REVIEW": str(review_dir),
    }
    (step,) = [s for s in POSTER["jobs"]["comment"]["steps"] if "run" in s]
    done = subprocess.run(
        ["bash", "-e", "-c", step["run"]], env=env, capture_output=True, text=True
    )
    log = (tmp_path / "log").read_text().splitlines() if (tmp_path / "log").exists() else []
    assert len(log) == len(calls)
    for made, expected in zip(log, calls, strict=True):
        assert made.startswith(expected)
    if len(calls) > 1:  # only the bot's own comment, found by its marker, is edited
        assert log[1] == (
            "api repos/owner/archive/issues/12/comments --paginate --jq .[] | "
            'select(.user.login == "github-actions[bot]") | '
            f'select(.body | startswith("{MARKER}")) | .id'
        )
    if calls and calls[-1] == "pr comment":
        assert log[-1] == f"pr comment 12 --body-file {review_dir}/comment.md"
    if calls and calls[-1].endswith("PATCH"):
        assert log[-1] == (
            f"api --method PATCH repos/owner/archive/issues/comments/991 "
            f"-F body=@{review_dir}/comment.md"
        )
    assert done.returncode == (1 if ";" in number else 0), done.stderr


def test_a_deleted_page_is_named_with_its_finding(branch: Path) -> None:
    git(branch, "rm", "-q", ARCHIVED)
    git(branch, "commit", "-q", "-m", "Delete an archived page")
    _, text, _ = run("review-comment", "--changed-since", "main")
    elsewhere = text.split("**Elsewhere in the archive:**\n\n")[1].splitlines()[0]
    assert elsewhere.startswith(f"- error in {code_span(ARCHIVED)} at line ")
    assert "was deleted" in elsewhere
