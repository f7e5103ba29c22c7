"""`newsarchive bench ingest`: the real ingest over synthetic pastes and HTML pages.

Each kind runs in a fresh interpreter (`python -m newsarchive.bench.ingest`), so its
peak memory is its own: RUSAGE_SELF plus RUSAGE_CHILDREN (the largest worker).
"""

from __future__ import annotations

import contextlib
import cProfile
import io
import json
import pstats
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from .. import synthetic
from ..ingest import default_data_dir, normalise, run_ingest
from ..overrides import Overrides
from ..registry import FILES, Entity, append_entities, load_registries

KINDS = ("text", "html")
# Targets on the project's 2-core machine (articles per second).
TARGETS = {"text": 100.0, "html": 50.0}
PROFILE_INPUTS = 200


@dataclass(frozen=True)
class IngestRun:
    """One timed ingest of one kind of input."""

    kind: str
    inputs: int
    archived: int
    failed: int
    seconds: float
    peak_mib: float
    first_error: str | None

    @property
    def rate(self) -> float:
        """Articles archived per second."""
        return self.archived / self.seconds if self.seconds else 0.0


def prepare_data(target: Path, seed: int = 0) -> Path:
    """The project's registries, plus every synthetic person, in a scratch folder."""
    shutil.copytree(default_data_dir(), target)
    people = [Entity(name=name) for name in synthetic.people_names(seed=seed)]
    append_entities(target / FILES["people"], people)
    return target


def _peak_mib() -> float:
    kib = sum(
        resource.getrusage(who).ru_maxrss
        for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
    )
    return kib / 1024


def time_ingest(folder: Path, out: Path, data: Path, jobs: int) -> dict[str, object]:
    """Run the real ingest on `folder` (this process); the figures as a JSON-able dict."""
    log = io.StringIO()
    start = time.perf_counter()
    with contextlib.redirect_stderr(log):
        run_ingest([folder], out=out, data_dir=data, jobs=jobs)
    seconds = time.perf_counter() - start
    lines = log.getvalue().splitlines()
    errors = [line for line in lines if line.startswith("error: ")]
    return {
        "archived": sum(1 for line in lines if line.startswith("archived ")),
        "failed": len(errors),
        "seconds": seconds,
        "peak_mib": _peak_mib(),
        "first_error": errors[0] if errors else None,
    }


def _run_kind(kind: str, root: Path, data: Path, count: int, jobs: int, seed: int) -> IngestRun:
    folder = root / kind
    synthetic.write_raw(folder, count, kind, seed)
    command = [
        sys.executable,
        "-m",
        "newsarchive.bench.ingest",
        str(folder),
        str(root / f"out-{kind}"),
        str(data),
        str(jobs),
    ]
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    figures = json.loads(result.stdout)
    return IngestRun(kind=kind, inputs=count, **figures)


def profile_kind(folder: Path, data: Path, limit: int = PROFILE_INPUTS) -> str:
    """The top costs of normalising `limit` inputs of `folder` on one core (cProfile)."""
    registries = load_registries(data)
    inputs = sorted(p for p in folder.iterdir() if p.suffix in {".txt", ".html"})[:limit]
    profiler = cProfile.Profile()
    profiler.enable()
    for path in inputs:
        normalise(path, Overrides(), registries)
    profiler.disable()
    text = io.StringIO()
    pstats.Stats(profiler, stream=text).sort_stats("cumulative").print_stats(25)
    return text.getvalue()


def render(runs: list[IngestRun], jobs: int) -> str:
    """The figures as a Markdown table."""
    lines = [
        f"jobs: {jobs}",
        "",
        "| input | n | archived | failed | seconds | articles/s | target/s | peak MiB |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for run in runs:
        lines.append(
            f"| {run.kind} | {run.inputs} | {run.archived} | {run.failed} | {run.seconds:.1f} "
            f"| {run.rate:.1f} | {TARGETS[run.kind]:.0f} | {run.peak_mib:.0f} |"
        )
    lines.extend(f"first error ({run.kind}): {run.first_error}" for run in runs if run.first_error)
    return "\n".join(lines) + "\n"


def run_bench_ingest(count: int, jobs: int, seed: int = 0, profile: bool = False) -> str:
    """Generate, ingest and measure both kinds; the report (and profiles if asked)."""
    with tempfile.TemporaryDirectory(prefix="newsarchive-bench-") as scratch:
        root = Path(scratch)
        data = prepare_data(root / "data", seed)
        runs = [_run_kind(kind, root, data, count, jobs, seed) for kind in KINDS]
        report = render(runs, jobs)
        if profile:
            for kind in KINDS:
                report += f"\n## profile: {kind}, {PROFILE_INPUTS} inputs, one core\n\n"
                report += profile_kind(root / kind, data)
    return report


if __name__ == "__main__":
    source, out, data_dir, workers = sys.argv[1:5]
    print(json.dumps(time_ingest(Path(source), Path(out), Path(data_dir), int(workers))))
