"""`newsarchive ingest --show-removed` and `--json`: what the cleaner took out, for review."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from test_ingest_cli import ingest

FIXTURES = Path(__file__).parent / "fixtures" / "furniture"
PASTE = "ad_marker_joined_to_widget.txt"
REMOVED = [
    "Sponsored · continue reading below",
    "- ADVERTISEMENT -",
    "Advertisement:",
    "Anzeige | Story continues below",
]


def paste(workdir: Path, extra: str = "") -> Path:
    target = workdir / PASTE
    text = (FIXTURES / PASTE).read_text(encoding="utf-8")
    target.write_text(text + extra, encoding="utf-8")
    return target


def test_show_removed_lists_each_line_under_its_article(workdir: Path) -> None:
    code, _, err = ingest(str(paste(workdir)), "--date", "2025-02-06", "--show-removed")
    assert code == 0, err
    lines = err.splitlines()
    status = lines[0]
    assert status.startswith("archived articles/2025/02/regional-council-approves-budget")
    assert lines[1 : 1 + len(REMOVED)] == [f"  removed: {text}" for text in REMOVED]
    assert lines[-1] == "1 archived, 0 already archived, 0 failed"


def test_removed_lines_are_not_listed_without_the_flag(workdir: Path) -> None:
    code, _, err = ingest(str(paste(workdir)), "--date", "2025-02-06")
    assert code == 0, err
    assert not [line for line in err.splitlines() if "removed:" in line]


def test_a_removed_line_cannot_hide_or_break_the_listing(workdir: Path) -> None:
    # A right-to-left override would reorder what the reviewer sees: it is shown escaped.
    raw = paste(workdir, "\nPhoto: Anna \u202eSchmidt/Reuters\n")
    code, _, err = ingest(str(raw), "--date", "2025-02-06", "--show-removed")
    assert code == 0, err
    assert "  removed: Photo: Anna \\u202eSchmidt/Reuters" in err.splitlines()
    assert "\u202e" not in err


def test_json_records_carry_the_removed_lines(workdir: Path) -> None:
    code, out, err = ingest(str(paste(workdir)), "--date", "2025-02-06", "--json", "--dry-run")
    assert code == 0, err
    record = json.loads(out.splitlines()[0])
    assert record["status"] == "would archive"
    assert record["removed"] == REMOVED
    assert not any(text in record["body"] for text in REMOVED)


def test_json_removed_is_an_empty_list_when_nothing_was_taken_out(workdir: Path) -> None:
    raw = workdir / "plain.txt"
    shutil.copy(FIXTURES / "furniture_words_in_sentences.txt", raw)
    code, out, err = ingest(str(raw), "--date", "2025-02-06", "--json", "--dry-run")
    assert code == 0, err
    assert json.loads(out)["removed"] == []


def test_a_second_run_lists_the_removed_lines_of_an_archived_page(workdir: Path) -> None:
    raw = paste(workdir)
    assert ingest(str(raw), "--date", "2025-02-06")[0] == 0
    code, _, err = ingest(str(raw), "--date", "2025-02-06", "--dry-run", "--show-removed")
    assert code == 0, err
    lines = err.splitlines()
    assert lines[0].startswith("already archived at articles/2025/02/")
    assert lines[1:5] == [f"  removed: {text}" for text in REMOVED]
