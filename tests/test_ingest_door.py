"""What ingest checks at the door: the day added, --force keeping history, archived raw
files recognised by digest, and duplicates of archived pages refused (validate's rule)."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsarchive import duplicates, frontmatter, writer
from newsarchive.cli import cli
from newsarchive.model import Article

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
PAGE = Path("articles/2025/05/moldova-and-poland-sign-energy-pact.md")
REFUSED = (
    "nothing written; pass --allow-duplicate if it is a different story, or --same-story if it "
    "is another version of it (after the first, for two of one run)"
)


def ingest(*args: str) -> tuple[int, list[str]]:
    result = CliRunner().invoke(cli, ["ingest", "--out", "articles", "--jobs", "1", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stderr.splitlines()


def raw(workdir: Path, name: str = "wire_paste.txt", text: str | None = None) -> Path:
    target = workdir / "inbox" / name
    target.parent.mkdir(exist_ok=True)
    source = (FIXTURES / "wire_paste.txt").read_text(encoding="utf-8")
    target.write_text(source if text is None else text, encoding="utf-8")
    return target


def read_page(path: Path) -> tuple[Article, str]:
    data, body = frontmatter.loads(path.read_text(encoding="utf-8"))
    return Article.model_validate(data), body


def pages(workdir: Path) -> list[str]:
    return sorted(str(p.relative_to(workdir)) for p in (workdir / "articles").rglob("*.md"))


def test_ingest_sets_added_to_today_for_every_article_of_the_run(workdir: Path) -> None:
    raw(workdir)
    shutil.copy(FIXTURES / "second_story.txt", workdir / "inbox" / "second.txt")
    code, lines = ingest("inbox")
    assert code == 0, lines
    articles = [read_page(workdir / page)[0] for page in pages(workdir)]
    assert {article.added for article in articles} == {dt.date.today()}
    # The publication dates stay their own.
    assert {article.date for article in articles} == {dt.date(2025, 5, 9), dt.date(2025, 5, 10)}


def test_force_rewrites_the_text_but_keeps_the_pages_history(workdir: Path) -> None:
    source = raw(workdir)
    assert ingest(str(source))[0] == 0
    page = workdir / PAGE
    history = (
        "added: 2025-05-10\nupdated: 2025-06-02\n"
        "corrections:\n- date: 2025-06-02\n  note: The pact was signed in Warsaw, not Chisinau.\n"
        "moved_from:\n- 2025/05/moldova-poland-energy-pact\n"
    )
    text = page.read_text(encoding="utf-8")
    text = re.sub(r"^added: .*\n", "", text, flags=re.MULTILINE)
    text = text.replace("\nlanguage:", "\n" + history + "language:", 1)
    page.write_text(text.replace("signed an energy", "signed a new energy"), encoding="utf-8")

    code, lines = ingest(str(source), "--force")

    assert (code, lines[0]) == (0, f"rewritten {PAGE}")
    article, body = read_page(page)
    assert "signed an energy" in body  # the text comes from the raw file again
    assert article.added == dt.date(2025, 5, 10)
    assert article.updated == dt.date(2025, 6, 2)
    assert [(c.date, c.note) for c in article.corrections] == [
        (dt.date(2025, 6, 2), "The pact was signed in Warsaw, not Chisinau.")
    ]
    assert article.moved_from == ["2025/05/moldova-poland-energy-pact"]


def test_force_on_a_page_without_added_asks_for_the_migration(workdir: Path) -> None:
    source = raw(workdir)
    assert ingest(str(source))[0] == 0
    page = workdir / PAGE
    before = re.sub(r"^added: .*\n", "", page.read_text(encoding="utf-8"), flags=re.MULTILINE)
    page.write_text(before, encoding="utf-8")
    code, lines = ingest(str(source), "--force")
    assert code == 1
    assert lines[0] == (
        f"error: {source}: {PAGE} has no 'added' line; run 'newsarchive migrate', "
        "then --force again"
    )
    assert page.read_text(encoding="utf-8") == before


def test_archived_raw_files_are_recognised_before_a_date_or_headline_is_asked(
    workdir: Path,
) -> None:
    dateless = (FIXTURES / "no_date.txt").read_text(encoding="utf-8")
    source = raw(workdir, "no_date.txt", dateless)
    code, lines = ingest(str(source), "--date", "2025-05-09", "--title", "Border talks resume")
    assert code == 0, lines
    written = Path(lines[0].removeprefix("archived "))

    code, lines = ingest("inbox")  # a folder run: no flags, the file gives no date

    assert code == 0
    assert lines == [f"already archived at {written}", "0 archived, 1 already archived, 0 failed"]


def test_the_same_article_with_other_whitespace_writes_nothing_and_names_the_page(
    workdir: Path,
) -> None:
    assert ingest(str(raw(workdir)))[0] == 0
    before = (workdir / PAGE).read_bytes()
    text = (FIXTURES / "wire_paste.txt").read_text(encoding="utf-8")
    again = raw(workdir, "again.txt", text.replace(". ", ".  ").replace("\n\n", "\n\n\n") + "\n")

    code, lines = ingest(str(again))

    assert code == 1
    assert lines == [
        f"error: {again}: already archived as {PAGE} (same text); {REFUSED}",
        "0 archived, 0 already archived, 1 failed",
    ]
    assert pages(workdir) == [str(PAGE)] and (workdir / PAGE).read_bytes() == before

    code, lines = ingest(str(again), "--allow-duplicate")
    assert (code, lines[0]) == (0, f"archived {PAGE.with_name(PAGE.stem + '-2.md')}")


def test_a_near_duplicate_is_refused_with_the_share_of_3_grams(workdir: Path) -> None:
    assert ingest(str(raw(workdir)))[0] == 0
    text = (FIXTURES / "wire_paste.txt").read_text(encoding="utf-8")
    edited = text.replace("signed an energy", "signed a long-awaited energy").replace(
        "Tusk added that Poland would support", "Tusk said Poland would keep supporting"
    )
    variant = raw(workdir, "variant.txt", edited)
    dry = ["--out", "articles", "--dry-run", "--json", "--allow-duplicate", str(variant)]
    new_body = json.loads(CliRunner().invoke(cli, ["ingest", *dry]).stdout)["body"]
    score = duplicates.containment(
        duplicates.shingles(new_body), duplicates.shingles(read_page(workdir / PAGE)[1])
    )
    assert duplicates.NEAR <= score < 1

    code, lines = ingest(str(variant))

    assert code == 1
    assert lines[0] == (
        f"error: {variant}: already archived as {PAGE} "
        f"(near duplicate: {score:.0%} of word 3-grams shared); {REFUSED}"
    )
    assert pages(workdir) == [str(PAGE)]


def test_duplicates_within_one_run_are_refused_after_the_first(workdir: Path) -> None:
    first = raw(workdir, "a.txt")
    text = first.read_text(encoding="utf-8")
    second = raw(workdir, "b.txt", text.replace("\n\n", "\n\n\n"))
    for flags in (["--dry-run"], []):
        code, lines = ingest("inbox", *flags)
        assert code == 1
        verb = "would archive" if flags else "archived"
        assert lines[0] == f"{verb} {PAGE}"
        # Checked before anything is written: the earlier input of the run is named.
        assert lines[1] == (
            f"error: inbox/{second.name}: same story as inbox/{first.name} in this run "
            f"(same text); {REFUSED}"
        )
    assert pages(workdir) == [str(PAGE)]


def test_the_archive_is_read_once_per_run_not_once_per_article(
    workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert ingest(str(raw(workdir)))[0] == 0
    shutil.copy(FIXTURES / "second_story.txt", workdir / "inbox" / "second.txt")
    shutil.copy(FIXTURES / "sidecar_story.txt", workdir / "inbox" / "sidecar_story.txt")
    shutil.copy(FIXTURES / "sidecar_story.meta.yml", workdir / "inbox" / "sidecar_story.meta.yml")
    (workdir / "inbox" / "wire_paste.txt").unlink()
    walks = []
    real = writer.iter_pages
    monkeypatch.setattr(writer, "iter_pages", lambda out: walks.append(out) or real(out))
    code, lines = ingest("inbox")
    assert (code, lines[-1]) == (0, "2 archived, 0 already archived, 0 failed")
    # One walk for the digest index, one for the duplicate index: none per article.
    assert walks == [Path("articles"), Path("articles")]
