"""Path safety: no title, sidecar value, flag or link can make the ingest write outside --out.

Each test works in tmp_path/work (inbox, out, data) beside tmp_path/outside, a folder
the ingest must never touch, and compares a snapshot of everything but --out before
and after the run.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import REPO_DATA
from newsarchive import writer
from newsarchive.cli import cli
from newsarchive.slugs import slugify

SENTENCE = "The minister said on Tuesday that the talks on the grain corridor would go on."
STORY = f"Talks go on\n\n{SENTENCE}\n"
PAGE = Path("out/2025/03/talks-go-on.md")


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """tmp_path/work with an inbox and registries, as cwd; tmp_path/outside holds a secret."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(f"Secret plans leak\n\n{SENTENCE}\n", encoding="utf-8")
    (outside / "secret.meta.yml").write_text("date: 2025-03-11\n", encoding="utf-8")
    work = tmp_path / "work"
    (work / "inbox").mkdir(parents=True)
    shutil.copytree(REPO_DATA, work / "data")
    monkeypatch.chdir(work)
    return work


def story(work: Path, text: str = STORY, sidecar: str = "date: 2025-03-11\n") -> Path:
    path = work / "inbox" / "story.txt"
    path.write_text(text, encoding="utf-8")
    (work / "inbox" / "story.meta.yml").write_text(sidecar, encoding="utf-8")
    return path


def snapshot(root: Path, skip: Path) -> dict[str, str]:
    """Every file and link under `root` but `skip`: its content digest or link target."""
    found = {}
    for folder, dirs, files in os.walk(root):
        for name in sorted(dirs + files):
            path = Path(folder) / name
            if path == skip or skip in path.parents:
                continue
            if path.is_symlink():
                found[str(path)] = f"-> {os.readlink(path)}"
            elif path.is_file():
                found[str(path)] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def ingest(*args: str, out: str = "out") -> tuple[int, list[str]]:
    command = ["ingest", *args, "--out", out, "--data-dir", "data", "--jobs", "1"]
    result = CliRunner().invoke(cli, command)
    assert isinstance(result.exception, SystemExit | None), result.exception
    return result.exit_code, result.stderr.splitlines()


def pages(out: Path) -> list[str]:
    return sorted(str(p.relative_to(out)) for p in out.rglob("*.md"))


# --- titles and sidecar values ---------------------------------------------------------------


TITLE_CASES = [
    ("../../etc/passwd", "etc-passwd"),
    ("/abs/path", "abs-path"),
    ("..", None),
    ("C:\\Windows\\win.ini", "c-windows-win-ini"),
    ("CON", "con-page"),
    ("nul", "nul-page"),
    ("LPT1", "lpt1-page"),
    ("a\x00b/../c", "a-b-c"),
    ("?!… — «»", None),
    ("مرحبا بالعالم", "mrhb-bllm"),  # other scripts are transliterated
    ("東京で会談", "dong-jing-de-hui-tan"),
    ("слово " * 40, "slovo-" * 12 + "slovo"),  # cut at a word within 80
]


@pytest.mark.parametrize(("title", "slug"), TITLE_CASES)
@pytest.mark.parametrize("given_in", ["sidecar", "flag"])
def test_a_hostile_title_gives_a_safe_slug_inside_out(
    work: Path, title: str, slug: str | None, given_in: str
) -> None:
    if given_in == "sidecar":
        quoted = title.replace("\\", "\\\\").replace('"', '\\"').replace("\x00", "\\0")
        story(work, sidecar=f'date: 2025-03-11\ntitle: "{quoted}"\n')
        flags: tuple[str, ...] = ("inbox",)
    else:
        story(work)
        flags = ("inbox/story.txt", "--title", title)
    before = snapshot(work.parent, skip=work / "out")
    code, lines = ingest(*flags)

    digest = hashlib.sha256(STORY.encode()).hexdigest()
    expected = f"2025/03/{slug or 'article-' + digest[:12]}.md"
    assert code == 0, lines
    assert lines[0] == f"archived out/{expected}"
    assert pages(work / "out") == [expected]
    assert snapshot(work.parent, skip=work / "out") == before


def test_slugify_never_returns_a_path_part() -> None:
    for title, _ in TITLE_CASES:
        assert slugify(title) not in {".", ".."} and "/" not in slugify(title)


def test_a_title_of_1000_characters_is_refused(work: Path) -> None:
    story(work)
    code, lines = ingest("inbox/story.txt", "--title", "Talks " * 200)
    assert code == 1
    assert lines[0] == (
        "error: inbox/story.txt: title is longer than 300 characters; shorten it, "
        "with the matching flag or in story.meta.yml"
    )
    assert not (work / "out").exists() or pages(work / "out") == []


@pytest.mark.parametrize("title", ["   ", "\u200b\u200f", "\x00"])
def test_an_invisible_title_flag_is_a_usage_error(work: Path, title: str) -> None:
    story(work)
    result = CliRunner().invoke(cli, ["ingest", "inbox/story.txt", "--title", title])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        f"Error: --title {title!r} has no visible text; give it in quotes"
    )


def test_a_sidecar_cannot_set_the_slug(work: Path) -> None:
    story(work, sidecar="date: 2025-03-11\nslug: ../../escape\n")
    code, lines = ingest("inbox")
    assert code == 1
    assert lines[0] == (
        "error: inbox/story.meta.yml: unknown field 'slug'; remove it or use one of: title, date, "
        "source, url, from, method, translator, original_title, original_url, reviewed, original"
    )
    assert not (work / "out").exists()


def test_a_year_before_1000_keeps_four_digits_and_is_found_again(work: Path) -> None:
    # strftime's %Y wrote '999/', a folder the digest index never reads: each rerun
    # archived the article again.
    story(work, sidecar="date: 0999-03-11\n")
    assert ingest("inbox")[1][0] == "archived out/0999/03/talks-go-on.md"
    assert ingest("inbox")[1][0] == "already archived at out/0999/03/talks-go-on.md"
    assert pages(work / "out") == ["0999/03/talks-go-on.md"]


# --- --out -------------------------------------------------------------------------------


def test_a_relative_out_with_dotdot_writes_only_where_it_points(work: Path) -> None:
    story(work)
    (work / "sub").mkdir()
    before = snapshot(work.parent, skip=work / "archive")
    code, lines = ingest("inbox", out="sub/../archive")
    assert code == 0, lines
    assert pages(work / "archive") == ["2025/03/talks-go-on.md"]
    assert snapshot(work.parent, skip=work / "archive") == before


# --- links in the input folder -----------------------------------------------------------------


def test_a_linked_file_pointing_out_of_the_input_folder_is_not_read(work: Path) -> None:
    story(work)
    (work / "inbox" / "leak.txt").symlink_to(work.parent / "outside" / "secret.txt")
    (work / "inbox" / "leak.meta.yml").write_text("date: 2025-03-11\n", encoding="utf-8")
    code, lines = ingest("inbox")
    assert code == 0
    assert lines == [f"archived {PAGE}", "1 archived, 0 already archived, 0 failed"]
    assert pages(work / "out") == ["2025/03/talks-go-on.md"]


def test_a_linked_folder_pointing_out_of_the_input_folder_is_not_followed(work: Path) -> None:
    story(work)
    (work / "inbox" / "more").symlink_to(work.parent / "outside", target_is_directory=True)
    code, lines = ingest("inbox")
    assert code == 0
    assert lines == [f"archived {PAGE}", "1 archived, 0 already archived, 0 failed"]


def test_a_sidecar_linked_out_of_its_folder_is_refused(work: Path) -> None:
    (work / "inbox" / "story.txt").write_text(STORY, encoding="utf-8")
    (work / "inbox" / "story.meta.yml").symlink_to(work.parent / "outside" / "secret.meta.yml")
    code, lines = ingest("inbox")
    assert code == 1
    assert lines[0] == (
        "error: inbox/story.meta.yml: sidecar links to a file in another folder; copy the file here"
    )
    assert not (work / "out").exists()


def test_a_link_within_the_input_folder_is_read(work: Path) -> None:
    (work / "inbox" / "originals").mkdir()
    (work / "inbox" / "originals" / "story.txt").write_text(STORY, encoding="utf-8")
    (work / "inbox" / "story.txt").symlink_to(work / "inbox" / "originals" / "story.txt")
    (work / "inbox" / "story.meta.yml").write_text("date: 2025-03-11\n", encoding="utf-8")
    code, lines = ingest("inbox/story.txt")
    assert (code, lines[0]) == (0, f"archived {PAGE}")


# --- links inside --out ------------------------------------------------------------------------


def test_a_link_at_the_page_path_is_never_written_through(work: Path) -> None:
    story(work)
    victim = work.parent / "outside" / "victim.md"
    victim.write_text("untouched\n", encoding="utf-8")
    (work / PAGE).parent.mkdir(parents=True)
    (work / PAGE).symlink_to(victim)
    before = snapshot(work.parent, skip=work / "out")
    code, lines = ingest("inbox")
    assert code == 1
    assert lines[0] == (
        f"error: {PAGE}: page path {PAGE} leads out of out through a link; remove it"
    )
    assert victim.read_text(encoding="utf-8") == "untouched\n"
    assert snapshot(work.parent, skip=work / "out") == before
    assert [p.name for p in (work / PAGE).parent.iterdir()] == ["talks-go-on.md"]


def test_a_linked_year_folder_is_never_written_through(work: Path) -> None:
    story(work)
    (work / "out").mkdir()
    (work / "out" / "2025").symlink_to(work.parent / "outside", target_is_directory=True)
    before = snapshot(work.parent, skip=work / "out")
    code, lines = ingest("inbox")
    assert code == 1
    assert lines[0] == (
        f"error: {PAGE}: page path {PAGE} leads out of out through a link; remove it"
    )
    assert snapshot(work.parent, skip=work / "out") == before


def test_a_linked_temp_folder_is_refused_and_not_swept(work: Path) -> None:
    # The sweep deletes old files in out/.tmp: through a link it would delete them anywhere.
    story(work)
    old = work.parent / "outside" / "old-notes.txt"
    old.write_text("keep me\n", encoding="utf-8")
    an_hour_ago = time.time() - 3600
    os.utime(old, (an_hour_ago, an_hour_ago))
    (work / "out").mkdir()
    (work / "out" / writer.TEMP_DIR).symlink_to(old.parent, target_is_directory=True)
    before = snapshot(work.parent, skip=work / "out")
    result = CliRunner().invoke(cli, ["ingest", "inbox", "--out", "out", "--data-dir", "data"])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        "Error: out/.tmp: .tmp is a link; remove it, the ingest recreates the folder"
    )
    assert old.read_text(encoding="utf-8") == "keep me\n"
    assert snapshot(work.parent, skip=work / "out") == before


def test_an_error_about_a_file_named_with_a_newline_stays_on_one_line(tmp_path: Path) -> None:
    from newsarchive.errors import InputError

    error = InputError("file is empty; paste the article text into it", tmp_path / "a\nb.txt")
    assert str(error) == f"{tmp_path}/a\\nb.txt: file is empty; paste the article text into it"
