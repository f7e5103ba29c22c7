"""`newsarchive bench limits`: how fast, and in how much memory, each hostile input is settled.

Every input is generated in a scratch folder first, then read in a fresh interpreter
(`python -m newsarchive.bench.limits PATH`), so its peak memory is that input's own.
The child reports the interpreter's resident size before the read as well: the
difference is what the input itself cost.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .. import readers
from ..errors import InputError
from ..ingest import default_data_dir, normalise
from ..overrides import Overrides
from ..registry import load_registries

SENTENCE = "The minister said on Tuesday that the talks on the grain corridor would go on. "
FLAGS = Overrides(date=dt.date(2025, 3, 11), title="Talks go on")


@dataclass(frozen=True)
class Case:
    """One generated input: its name, file name and how to write it."""

    name: str
    file: str
    write: Callable[[Path], None]


@dataclass(frozen=True)
class LimitRun:
    """One input settled in a fresh process."""

    case: str
    input_bytes: int
    outcome: str
    seconds: float
    base_mib: float
    peak_mib: float


def _sparse(size: int) -> Callable[[Path], None]:
    def write(path: Path) -> None:
        with path.open("wb") as handle:
            handle.truncate(size)

    return write


def _text(make: Callable[[], str]) -> Callable[[Path], None]:
    return lambda path: path.write_text(make(), encoding="utf-8")


def _article(size: int) -> str:
    paragraph = SENTENCE * 8
    return "Talks go on\n\n" + "\n\n".join([paragraph] * (size // (len(paragraph) + 2)))


def _tags(count: int) -> str:
    return "<html><body>" + f"<p>{SENTENCE}</p>" * (count - 2) + "</body></html>"


def _nested_html(depth: int) -> str:
    return "<html><body>" + "<div>" * depth + f"<p>{SENTENCE}</p>" + "</div>" * depth + "</body>"


def _jsonld_page(depth: int) -> str:
    script = '<script type="application/ld+json">' + "[" * depth + "]" * depth + "</script>"
    return f"<html><head>{script}</head><body><article><p>{SENTENCE}</p></article></body></html>"


def _entity_bomb() -> str:
    entities = '<!ENTITY a "lol lol lol lol lol lol lol lol lol lol">' + "".join(
        f'<!ENTITY {c} "{f"&{p};" * 10}">' for p, c in zip("abcdefgh", "bcdefghi", strict=True)
    )
    return f"<!DOCTYPE html [{entities}]><html><body><p>&i; {SENTENCE}</p></body></html>"


def _alias_bomb() -> str:
    rows = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    rows += [
        f"{c}: &{c} [{','.join([f'*{p}'] * 9)}]"
        for p, c in zip("abcdefgh", "bcdefghi", strict=True)
    ]
    return "\n".join(rows) + "\n"


CASES = (
    Case("small article (baseline)", "small.txt", _text(lambda: _article(2_000))),
    Case("article just under 5 MiB", "largest.txt", _text(lambda: _article(5_000_000))),
    Case("text 1 byte over 5 MiB", "huge.txt", _sparse(readers.MAX_INPUT_BYTES + 1)),
    Case("page 1 byte over 5 MiB", "huge.html", _sparse(readers.MAX_INPUT_BYTES + 1)),
    Case("one line of 3M characters", "line.txt", _text(lambda: "Title\n\n" + "word " * 600_000)),
    Case("50,000 lines (at the cap)", "lines.txt", _text(lambda: "Title\n" + "a.\n" * 49_999)),
    Case("1.5M lines", "more_lines.txt", _text(lambda: "Title\n" + "a.\n" * 1_500_000)),
    Case("page of 30,000 tags (at the cap)", "tags.html", _text(lambda: _tags(30_000))),
    Case("page of 100,000 tags", "more_tags.html", _text(lambda: "<i>a</i>" * 100_000)),
    Case(
        "page paragraph of 2.5M chars",
        "paragraph.html",
        _text(lambda: f"<html><body><p>{'word ' * 500_000}.</p></body></html>"),
    ),
    Case("HTML nested 100,000 deep", "nested.html", _text(lambda: _nested_html(100_000))),
    Case("JSON-LD nested 100,000 deep", "jsonld.html", _text(lambda: _jsonld_page(100_000))),
    Case("XML entity bomb in a page", "entities.html", _text(_entity_bomb)),
    Case("named pipe", "pipe.txt", lambda path: os.mkfifo(path)),
    Case("YAML alias bomb sidecar", "bomb.meta.yml", _text(_alias_bomb)),
    Case(
        "sidecar nested 30,000 deep",
        "deep.meta.yml",
        _text(lambda: "[" * 30_000 + "]" * 30_000),
    ),
    Case(
        "sidecar 1 byte over 64 KiB",
        "big.meta.yml",
        _text(lambda: "#" * readers.MAX_SIDECAR_BYTES + "\n"),
    ),
)


def _peak_mib() -> float:
    # VmHWM, not ru_maxrss: Linux carries ru_maxrss over exec from the parent that
    # spawned us (the bench, which holds the generated inputs); VmHWM is this process's.
    for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def settle(path: Path) -> dict[str, object]:
    """Read one input as the ingest would (this process); its outcome, time and memory."""
    registries = load_registries(default_data_dir())
    base = _peak_mib()
    start = time.perf_counter()
    if path.name.endswith(readers.SIDECAR_SUFFIX):
        try:
            readers.read_sidecar(path)
            outcome = "read"
        except InputError as exc:
            outcome = f"refused: {exc.message}"
    else:
        item = normalise(path, FLAGS, registries)
        outcome = "archived" if item.error is None else f"refused: {item.error}"
        outcome = outcome.replace(f"{path}: ", "", 1)
    seconds = time.perf_counter() - start
    return {"outcome": outcome, "seconds": seconds, "base_mib": base, "peak_mib": _peak_mib()}


def measure_case(case: Case, folder: Path) -> LimitRun:
    """Write the case's input into `folder`, then settle it in a fresh interpreter."""
    path = folder / case.file
    case.write(path)
    size = path.stat().st_size
    command = [sys.executable, "-m", "newsarchive.bench.limits", str(path)]
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    return LimitRun(case=case.name, input_bytes=size, **json.loads(result.stdout))


def render(runs: list[LimitRun]) -> str:
    """The figures as a Markdown table."""
    lines = [
        "| input | bytes | ms | base MiB | peak MiB | outcome |",
        "| --- | ---: | ---: | ---: | ---: | --- |",
    ]
    for run in runs:
        lines.append(
            f"| {run.case} | {run.input_bytes:,} | {run.seconds * 1000:.1f} "
            f"| {run.base_mib:.0f} | {run.peak_mib:.0f} | {run.outcome} |"
        )
    return "\n".join(lines) + "\n"


def run_bench_limits() -> str:
    """Generate, settle and measure every case; the report."""
    with tempfile.TemporaryDirectory(prefix="newsarchive-limits-") as scratch:
        return render([measure_case(case, Path(scratch)) for case in CASES])


if __name__ == "__main__":
    print(json.dumps(settle(Path(sys.argv[1]))))
