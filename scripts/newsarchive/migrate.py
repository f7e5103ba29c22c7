"""`newsarchive migrate`: fill in `added` on pages that predate it, from git history.

A page's `added` is the day of the commit that first added its file, renames followed,
or today for a page no commit holds yet. One `git log` pass reads the whole history,
so the cost does not grow with one git call per page. The line is inserted after the
page's `date:` line as a text edit: every other byte of the page stays as it was, and a
page that already has `added` is never touched, so a second run changes nothing.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from . import frontmatter, writer
from .errors import NewsarchiveError, PageError

_ADDED_RE = re.compile(r"^added[ \t]*:", re.MULTILINE)
# The value must sit on the line itself: after a block scalar the new line would land inside it.
_DATE_LINE_RE = re.compile(r"^date[ \t]*:[^\S\r\n]*[^\s#][^\r\n]*(\r?\n)", re.MULTILINE)
_BOM = "\ufeff"


@dataclass
class Migration:
    """What one run did: pages filled (with their day), pages left alone, pages unreadable."""

    filled: list[tuple[Path, dt.date]] = field(default_factory=list)
    had_added: int = 0
    errors: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """The closing line of the command."""
        text = f"filled added on {len(self.filled)} pages; {self.had_added} already had it"
        return text + (f"; {len(self.errors)} could not be read" if self.errors else "")


def _git(archive: Path, *args: str) -> bytes:
    try:
        result = subprocess.run(["git", "-C", str(archive), *args], capture_output=True)
    except FileNotFoundError:
        raise NewsarchiveError(
            "git is not installed; migrate reads the archive's history"
        ) from None
    if result.returncode != 0:
        reason = result.stderr.decode("utf-8", "replace").strip().splitlines() or ["failed"]
        raise NewsarchiveError(
            f"git cannot read the history ({reason[0]}); run migrate inside the archive's clone",
            archive,
        )
    return result.stdout


def first_commit_days(archive: Path) -> dict[str, dt.date]:
    """Day of the commit that first added each file (path relative to `archive`)."""
    if _git(archive, "rev-parse", "--is-shallow-repository").strip() == b"true":
        raise NewsarchiveError(
            "this clone is shallow, so the first commit of older pages is unknown; "
            "run 'git fetch --unshallow', then migrate again",
            archive,
        )
    # Oldest first, parents before children, so a rename finds its old path already dated.
    log = _git(
        archive,
        *("log", "-z", "--date-order", "--reverse", "--relative", "--name-status", "-M"),
        *("--format=%x01%cs", "--", "."),
    )
    days: dict[str, dt.date] = {}
    day = dt.date.min
    fields = iter(log.split(b"\0"))
    for token in fields:
        token = token.lstrip(b"\n")
        if token.startswith(b"\x01"):
            day = dt.date.fromisoformat(token[1:].decode())
        elif token[:1] in (b"R", b"C"):  # R100 old new: the page keeps its first day
            old, new = os.fsdecode(next(fields)), os.fsdecode(next(fields))
            first = days.get(old, day)
            if token[:1] == b"R":
                days.pop(old, None)
            days.setdefault(new, first)
        elif token:  # A, M, D, T: only the first sighting of a path counts
            days.setdefault(os.fsdecode(next(fields)), day)
    return days


def with_added(text: str, day: dt.date) -> str | None:
    """The page text with `added: DAY` after its date line; None if it has `added` already."""
    bom = _BOM if text.startswith(_BOM) else ""
    yaml_text = frontmatter.split(text[len(bom) :])[0]
    start = len(bom) + text[len(bom) :].index("\n") + 1  # the line after the opening ---
    if _ADDED_RE.search(yaml_text):
        return None
    date_line = _DATE_LINE_RE.search(yaml_text)
    if date_line is None:
        raise PageError(
            "no 'date: YYYY-MM-DD' line in the front matter to put 'added' after; "
            "add the date, then run migrate again"
        )
    at = start + date_line.end()
    return f"{text[:at]}added: {day.isoformat()}{date_line.group(1)}{text[at:]}"


def _read(page: Path) -> str:
    try:
        return page.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        raise PageError("is not UTF-8 text; save it as UTF-8, then run migrate again") from None
    except OSError as exc:
        raise PageError(f"cannot be read ({exc.strerror}); fix it, then migrate again") from None


def run_migrate(
    archive: Path,
    today: dt.date,
    on_filled: Callable[[Path, dt.date], None] | None = None,
) -> Migration:
    """Fill `added` on every page of `archive` that has none; report what was done."""
    if not archive.is_dir():
        raise NewsarchiveError("is not a folder; give the archive with --archive", archive)
    days = first_commit_days(archive)
    writer.sweep_temp(archive)
    done = Migration()
    for page in writer.iter_pages(archive):
        day = days.get(page.relative_to(archive).as_posix(), today)
        try:
            text = with_added(_read(page), day)
            if text is None:
                done.had_added += 1
                continue
            writer.replace(text, page, archive, sync_folder=False)
        except NewsarchiveError as exc:
            done.errors.append(f"{page}: {exc.message}")
            continue
        done.filled.append((page, day))
        if on_filled is not None:
            on_filled(page, day)
    writer.fsync_folders({page.parent for page, _ in done.filled})
    return done
