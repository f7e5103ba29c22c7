"""Everything validate reads from git: what a pull request changed, and when pages arrived.

One `git diff --name-status -M` against the merge base says which pages were added,
modified, renamed or deleted; old contents are read (`git show BASE:path`) only for the
pages that existed at the base and are still there, the ones whose history is checked.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import NewsarchiveError

# Paths per `git log` call when asking when files arrived (well under any argv limit).
_BATCH = 500


def git(args: list[str], cwd: Path) -> str:
    """git's output for `args` in `cwd`; a missing git or a failure is one NewsarchiveError."""
    try:
        done = subprocess.run(
            ["git", "-c", "core.quotepath=off", *args],
            cwd=cwd,
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=True,
        )
    except FileNotFoundError as exc:
        raise NewsarchiveError("git is not installed; install git or name the pages") from exc
    except subprocess.CalledProcessError as exc:
        reason = (exc.stderr.strip().splitlines() or ["git failed"])[-1]
        raise NewsarchiveError(f"git {args[0]} failed ({reason})", cwd) from exc
    return done.stdout


def _top(archive: Path) -> Path:
    where = archive if archive.is_dir() else Path.cwd()
    return Path(git(["rev-parse", "--show-toplevel"], where).strip()).resolve()


@dataclass
class Changes:
    """The archive's pages as a pull request leaves them, against the merge base with `ref`."""

    ref: str
    base: str
    base_day: dt.date
    top: Path
    # Pages to check (added, modified or renamed), as files in the working tree.
    pages: list[Path] = field(default_factory=list)
    # Page -> its path at the base (relative to `top`), for every page that was already there.
    before: dict[Path, str] = field(default_factory=dict)
    # Path at the base (relative to `top`) -> where git saw it renamed to, or None if deleted.
    gone: dict[str, Path | None] = field(default_factory=dict)

    def old_text(self, page: Path) -> str:
        """The page as it was at the merge base (only for pages in `before`)."""
        return git(["show", f"{self.base}:{self.before[page]}"], self.top).removeprefix("\ufeff")


def _pairs(status: str) -> Iterable[tuple[str, str, str | None]]:
    # -z output: 'M\0path\0', 'R097\0old\0new\0'; yields (letter, path, new path or None).
    fields = iter(status.split("\0"))
    for code in fields:
        if not code:
            continue
        path = next(fields)
        yield code[0], path, next(fields) if code[0] in "RC" else None


def changes_since(ref: str, archive: Path) -> Changes:
    """What changed under `archive` since `ref`: committed, uncommitted or untracked."""
    top = _top(archive)
    try:
        base = git(["merge-base", ref, "HEAD"], top).strip()
    except NewsarchiveError as exc:
        raise NewsarchiveError(
            f"git cannot find '{ref}'; fetch it first (git fetch origin main) or name another ref"
        ) from exc
    day = dt.datetime.fromisoformat(git(["show", "-s", "--format=%cI", base], top).strip())
    changes = Changes(ref=ref, base=base, base_day=day.date(), top=top)
    scope = str(archive.resolve())
    status = git(["diff", "--name-status", "-M", "-z", base, "--", scope], top)
    pages: set[Path] = set()
    for letter, path, renamed in _pairs(status):
        was, now = path.endswith(".md"), (renamed or path).endswith(".md")
        if was and (letter == "D" or not now):
            changes.gone[path] = None
        elif was and letter == "R" and renamed is not None:
            changes.gone[path] = top / renamed
            changes.before[top / renamed] = path
            pages.add(top / renamed)
        elif was and letter not in "AC":  # modified, or its type changed
            changes.before[top / path] = path
            pages.add(top / path)
        elif now and letter != "D":  # added, copied, or renamed from another kind of file
            pages.add(top / (renamed or path))
    untracked = git(["ls-files", "--others", "--exclude-standard", "-z", "--", scope], top)
    pages.update(top / name for name in untracked.split("\0") if name.endswith(".md"))
    changes.pages = sorted(page for page in pages if page.is_file())
    return changes


def first_commits(paths: Iterable[Path]) -> dict[Path, int]:
    """Unix time of the commit that first added each file; files git never saw are left out.

    Outside a git repository (or without git) nothing is known and the result is empty:
    this only breaks ties, so validate still runs on a plain folder.
    """
    wanted = sorted({path.resolve() for path in paths})
    if not wanted:
        return {}
    try:
        top = _top(wanted[0].parent)
    except NewsarchiveError:
        return {}
    found: dict[Path, int] = {}
    for start in range(0, len(wanted), _BATCH):
        names = [str(path) for path in wanted[start : start + _BATCH]]
        try:
            log = git(
                ["log", "--diff-filter=A", "--format=%x01%ct", "--name-only", "--", *names], top
            )
        except NewsarchiveError:
            return {}
        for commit in log.split("\x01")[1:]:
            when, *files = commit.split("\n")
            for name in filter(None, files):
                # The log runs newest first: the last time seen is the first commit.
                found[top / name] = int(when)
    return found
