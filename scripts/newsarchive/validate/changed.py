"""Pages added, modified or renamed since a git ref (what a pull request changes)."""

from __future__ import annotations

import subprocess
from pathlib import Path

from ..errors import NewsarchiveError


def _git(args: list[str], cwd: Path) -> str:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True)
    except FileNotFoundError as exc:
        raise NewsarchiveError("git is not installed; install git or name the pages") from exc
    except subprocess.CalledProcessError as exc:
        reason = (exc.stderr.strip().splitlines() or ["git failed"])[-1]
        raise NewsarchiveError(f"git {args[0]} failed ({reason})", cwd) from exc
    return done.stdout


def changed_pages(ref: str, archive: Path) -> list[Path]:
    """Pages under `archive` changed since `ref`: committed, uncommitted or untracked."""
    where = archive if archive.is_dir() else Path.cwd()
    top = Path(_git(["rev-parse", "--show-toplevel"], where).strip())
    try:
        base = _git(["merge-base", ref, "HEAD"], top).strip()
    except NewsarchiveError as exc:
        raise NewsarchiveError(
            f"git cannot find '{ref}'; fetch it first (git fetch origin main) or name another ref"
        ) from exc
    scope = str(archive.resolve())
    names = _git(["diff", "--name-only", "-z", "--diff-filter=AMR", base, "--", scope], top)
    names += _git(["ls-files", "--others", "--exclude-standard", "-z", "--", scope], top)
    pages = {top / name for name in names.split("\0") if name.endswith(".md")}
    return sorted(page for page in pages if page.is_file())
