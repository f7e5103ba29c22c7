"""`newsarchive bench validate`: a contribution's checks on a synthetic 20,000-page archive.

The archive is generated (seeded, so every run measures the same pages) in a temporary
git repository; one page is then added, as a pull request would, and validate is timed
with --changed-since and on the whole archive; last, one raw article is ingested into it
(ingest reads the whole archive too: raw digests and the duplicate check).
"""

from __future__ import annotations

import datetime as dt
import random
import subprocess
import tempfile
import time
from pathlib import Path

from ..frontmatter import dumps
from ..ingest import run_ingest
from ..validate.run import validate_pages

SEED = 20_000
_SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "de", "po", "an", "el", "is", "or"]
_REGISTRIES = {
    "people.yml": "- name: Keir Starmer\n",
    "organisations.yml": "- name: NATO\n",
    "places.yml": "- name: Ukraine\n",
    "topics.yml": "- slug: politics\n  label: Politics\n  description: Government.\n",
    "sources.yml": "- name: The Canadian Press\n",
    "furniture.yml": "lines: [Get daily national news]\npatterns: ['^Share this article']\n",
}


def _page(number: int, rng: random.Random, words: list[str]) -> tuple[Path, str]:
    date = dt.date(2000, 1, 1) + dt.timedelta(days=number % 9000)
    slug = f"story-{number:06d}"
    paragraphs = [
        " ".join(rng.choice(words) for _ in range(rng.randint(30, 70))).capitalize() + "."
        for _ in range(rng.randint(4, 9))
    ]
    front = {
        "title": f"Story number {number}",
        "slug": slug,
        "date": date,
        "added": date + dt.timedelta(days=number % 3),
        "source": "The Canadian Press",
        "language": "en",
        "translation": {"from": "fr", "method": "machine"},
        "people": ["Keir Starmer"],
        "topics": ["politics"],
    }
    return Path(f"{date:%Y}/{date:%m}/{slug}.md"), dumps(front, "\n\n".join(paragraphs))


def _raw_story(rng: random.Random, words: list[str]) -> str:
    """A paste in the archive's words: headline, date line, paragraphs."""
    paragraphs = [
        " ".join(rng.choice(words) for _ in range(rng.randint(30, 70))).capitalize() + "."
        for _ in range(5)
    ]
    return "Harbour strike ends after nine days\n\n4 May 2020\n\n" + "\n\n".join(paragraphs)


def _git(root: Path, *args: str) -> None:
    identity = ["-c", "user.name=bench", "-c", "user.email=bench@example.org"]
    subprocess.run(["git", *identity, *args], cwd=root, check=True, capture_output=True)


def _timed(pages: list[Path], archive: Path, data: Path, ref: str | None) -> tuple[float, str]:
    start = time.perf_counter()
    report = validate_pages(pages, archive=archive, changed_since=ref, data_dir=data)
    seconds = time.perf_counter() - start
    return seconds, f"{report.files_checked} checked, {report.errors} errors"


def run_bench(pages: int = 20_000) -> list[str]:
    """Generate the archive, time validate twice, and return the figures as lines."""
    rng = random.Random(SEED)
    words = sorted({"".join(rng.choices(_SYLLABLES, k=rng.randint(1, 4))) for _ in range(6000)})
    with tempfile.TemporaryDirectory(prefix="newsarchive-bench-") as tmp:
        root = Path(tmp)
        data, archive = root / "data", root / "docs" / "articles"
        data.mkdir()
        for name, text in _REGISTRIES.items():
            (data / name).write_text(text, encoding="utf-8")
        start = time.perf_counter()
        for number in range(pages - 1):
            relative, text = _page(number, rng, words)
            (archive / relative).parent.mkdir(parents=True, exist_ok=True)
            (archive / relative).write_text(text, encoding="utf-8")
        _git(root, "init", "-q")
        _git(root, "add", ".")
        _git(root, "commit", "-q", "-m", "archive")
        written = time.perf_counter() - start
        relative, text = _page(pages - 1, rng, words)
        (archive / relative).parent.mkdir(parents=True, exist_ok=True)
        (archive / relative).write_text(text, encoding="utf-8")
        size = sum(path.stat().st_size for path in archive.rglob("*.md")) / 1e6
        changed = _timed([], archive, data, "HEAD")
        full = _timed([], archive, data, None)
        raw = root / "story.txt"
        raw.write_text(_raw_story(rng, words), encoding="utf-8")
        start = time.perf_counter()
        code = run_ingest([raw], out=archive, data_dir=data, jobs=1)
        ingested = time.perf_counter() - start
    return [
        f"synthetic archive: {pages} pages, {size:.1f} MB (written, committed: {written:.1f} s)",
        f"validate --changed-since HEAD (1 new page): {changed[0]:.2f} s ({changed[1]})",
        f"validate (whole archive): {full[0]:.2f} s ({full[1]})",
        f"ingest of one article into the archive: {ingested:.2f} s (exit code {code})",
    ]
