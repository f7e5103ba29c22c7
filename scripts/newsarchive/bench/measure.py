"""Wall time and peak memory of a command's whole process tree, measured from outside.

getrusage(RUSAGE_CHILDREN) reports only the largest single process, but a build may
run a search indexer beside MkDocs; so the tree's resident memory is sampled from /proc.
"""

from __future__ import annotations

import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

SAMPLE_SECONDS = 0.05
_PAGE_KIB = 4


@dataclass(frozen=True)
class Measured:
    """One finished command."""

    seconds: float
    peak_mib: float
    returncode: int
    stderr_tail: str


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found.extend(int(c) for c in (task / "children").read_text().split())
        except OSError:
            continue
    return found


def tree_rss_kib(pid: int) -> int:
    """Resident memory of `pid` and all its descendants, in KiB (0 once it is gone)."""
    total, pending = 0, [pid]
    while pending:
        current = pending.pop()
        try:
            total += int(Path(f"/proc/{current}/statm").read_text().split()[1]) * _PAGE_KIB
        except (OSError, IndexError, ValueError):
            continue
        pending.extend(_children(current))
    return total


def measure(command: list[str], cwd: Path | None = None) -> Measured:
    """Run `command` to the end; its wall seconds and sampled peak tree memory."""
    # stderr goes to a file: a chatty build must never block on a full pipe.
    with tempfile.TemporaryFile("w+", encoding="utf-8") as log:
        start = time.perf_counter()
        with subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=log) as process:
            peak = 0
            while process.poll() is None:
                peak = max(peak, tree_rss_kib(process.pid))
                time.sleep(SAMPLE_SECONDS)
            seconds = time.perf_counter() - start
        log.seek(0)
        tail = "\n".join(log.read().strip().splitlines()[-3:])
    return Measured(seconds, peak / 1024, process.returncode, tail)


def folder_bytes(folder: Path) -> int:
    """Total size of the files under `folder`."""
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
