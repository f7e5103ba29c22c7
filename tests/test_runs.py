"""Nothing lost: killed runs, concurrent runs, and the archive's byte-exact round trip."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from conftest import REPO_DATA
from newsarchive import frontmatter, writer
from newsarchive.model import Article

pytestmark = pytest.mark.slow

WORDS = [
    "minister",
    "talks",
    "border",
    "energy",
    "grid",
    "winter",
    "harbour",
    "council",
    "vote",
    "budget",
    "court",
    "ruling",
    "drought",
    "harvest",
    "river",
    "bridge",
    "railway",
    "strike",
    "museum",
    "festival",
    "election",
    "coalition",
]


def make_inbox(folder: Path, count: int, seed: int = 7) -> list[Path]:
    """`count` distinct raw pastes, each with a sidecar giving its date."""
    rng = random.Random(seed)
    folder.mkdir(parents=True)
    paths = []
    for number in range(count):
        words = rng.sample(WORDS, 6)
        title = f"Story {number}: {' '.join(words[:3])}"
        paragraphs = [
            " ".join(rng.choice(WORDS) for _ in range(40)).capitalize() + f" (item {number})."
            for _ in range(4)
        ]
        raw = folder / f"story-{number:03d}.txt"
        raw.write_text(title + "\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
        (folder / f"story-{number:03d}.meta.yml").write_text(
            f"date: 2024-{1 + number % 12:02d}-{1 + number % 28:02d}\n", encoding="utf-8"
        )
        paths.append(raw)
    return paths


def ingest_process(inbox: Path, out: Path, data: Path) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "newsarchive.cli", "ingest", str(inbox), "--out", str(out)]
    return subprocess.Popen(
        [*command, "--data-dir", str(data), "--jobs", "2"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )


def check_archive(out: Path) -> list[Article]:
    """Every page parses, validates and has a body; no raw input is archived twice."""
    articles = []
    for page in writer.iter_pages(out):
        data, body = frontmatter.loads(page.read_text(encoding="utf-8"))
        article = Article.model_validate(data)
        assert body.strip(), page
        assert writer.path_for(article, out) == page
        articles.append(article)
    repeats = Counter(a.input_sha256 for a in articles)
    assert [d for d, n in repeats.items() if n > 1] == []
    return articles


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    import shutil

    shutil.copytree(REPO_DATA, tmp_path / "data")
    return tmp_path / "data"


def wait_for_pages(process: subprocess.Popen[bytes], out: Path, count: int) -> None:
    """Return once `count` pages exist or the run ended (polling: kills land mid-batch)."""
    deadline = time.monotonic() + 120
    while process.poll() is None and time.monotonic() < deadline:
        if sum(1 for _ in writer.iter_pages(out)) >= count:
            return
        time.sleep(0.005)


def test_killed_runs_leave_no_partial_page_and_a_rerun_completes(
    tmp_path: Path, data_dir: Path
) -> None:
    rounds = int(os.environ.get("NEWSARCHIVE_KILL_ROUNDS", "10"))  # raise it for a soak run
    inputs = make_inbox(tmp_path / "inbox", 12 * rounds)  # enough that no round finishes it
    out = tmp_path / "archive"
    rng = random.Random(2026)
    kills = 0
    for _ in range(rounds):
        already = sum(1 for _ in writer.iter_pages(out))
        process = ingest_process(tmp_path / "inbox", out, data_dir)
        wait_for_pages(process, out, already + rng.randint(1, 12))
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            kills += 1
        process.wait()
        check_archive(out)
    assert kills >= rounds // 2  # most runs were really cut short, mid-batch
    print(f"\n{kills} SIGKILLs in {rounds} rounds over {len(inputs)} inputs")

    final = ingest_process(tmp_path / "inbox", out, data_dir)
    _, err = final.communicate(timeout=300)
    assert final.returncode == 0, err.decode()
    assert err.decode().splitlines()[-1].endswith("already archived, 0 failed")
    assert len(check_archive(out)) == len(inputs)


def test_two_ingests_of_overlapping_folders_archive_each_article_once(
    tmp_path: Path, data_dir: Path
) -> None:
    inputs = make_inbox(tmp_path / "all", 40)
    left, right = tmp_path / "left", tmp_path / "right"
    left.mkdir()
    right.mkdir()
    for number, raw in enumerate(inputs):
        targets = [left] if number < 15 else [right] if number >= 25 else [left, right]
        for target in targets:
            for path in (raw, raw.with_suffix(".meta.yml")):
                (target / path.name).write_bytes(path.read_bytes())
    out = tmp_path / "archive"
    first = ingest_process(left, out, data_dir)
    second = ingest_process(right, out, data_dir)
    for process in (first, second):
        _, err = process.communicate(timeout=300)
        assert process.returncode == 0, err.decode()
    assert len(check_archive(out)) == len(inputs)


def test_every_page_of_the_archive_round_trips_byte_for_byte() -> None:
    pages = list(writer.iter_pages(Path(__file__).parents[1] / "docs" / "articles"))
    fixtures = Path(__file__).parent / "fixtures"
    pages += sorted(fixtures.glob("website/**/articles/[0-9]*/[0-9]*/*.md"))
    assert pages, "the archive has no pages"
    for page in pages:
        text = page.read_text(encoding="utf-8")
        data, body = frontmatter.loads(text)
        assert writer.render(Article.model_validate(data), body) == text, page
