"""`newsarchive ingest` as a contributor runs it: exit codes, messages, files on disk."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from newsarchive import frontmatter
from newsarchive.cli import cli
from newsarchive.model import Article
from newsarchive.overrides import FACTS

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
PAGE = Path("articles/2025/05/moldova-and-poland-sign-energy-pact.md")


def ingest(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["ingest", "--out", "articles", "--jobs", "1", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def copy(name: str, to: Path) -> Path:
    target = to / name
    shutil.copy(FIXTURES / name, target)
    return target


def read_page(path: Path) -> tuple[Article, str]:
    data, body = frontmatter.loads(path.read_text(encoding="utf-8"))
    return Article.model_validate(data), body


def test_ingest_writes_one_clean_page(workdir: Path) -> None:
    raw = copy("wire_paste.txt", workdir)
    code, _, err = ingest(str(raw), "--from", "pl", "--method", "machine")
    assert code == 0, err
    assert err.splitlines()[0] == f"archived {PAGE}"
    assert err.splitlines()[-1] == "1 archived, 0 already archived, 0 failed"
    article, body = read_page(workdir / PAGE)
    assert article.title == "Moldova and Poland sign energy pact"
    assert str(article.date) == "2025-05-09"
    assert (article.dateline, article.agency) == ("Warsaw", "The Associated Press")
    assert article.byline == ["Anna Kowalska", "Ion Rusu"]
    assert article.translation is not None and article.translation.from_ == "pl"
    assert article.language == "en"
    assert article.copyright == "© 2025 The Associated Press"
    assert "Donald Tusk" in article.people and "Dorin Recean" in article.people
    assert "## Gas flows" in body
    assert "Advertisement" not in body and "All rights reserved" not in body
    assert body.startswith("Polish Prime Minister Donald Tusk")


def test_reingest_reports_already_archived_and_keeps_hand_edits(workdir: Path) -> None:
    raw = copy("wire_paste.txt", workdir)
    assert ingest(str(raw))[0] == 0
    page = workdir / PAGE
    edited = page.read_text(encoding="utf-8").replace("signed an energy", "signed a new energy")
    page.write_text(edited, encoding="utf-8")

    code, _, err = ingest(str(raw))
    assert code == 0
    assert err.splitlines() == [
        f"already archived at {PAGE}",
        "0 archived, 1 already archived, 0 failed",
    ]
    assert page.read_text(encoding="utf-8") == edited

    code, _, err = ingest(str(raw), "--force")
    assert code == 0 and err.splitlines()[0] == f"rewritten {PAGE}"
    assert "signed a new energy" not in page.read_text(encoding="utf-8")


def test_a_different_article_with_the_same_title_gets_its_own_slug(workdir: Path) -> None:
    assert ingest(str(copy("wire_paste.txt", workdir)))[0] == 0
    code, _, err = ingest(str(copy("second_story.txt", workdir)))
    assert code == 0, err
    second = PAGE.with_name("moldova-and-poland-sign-energy-pact-2.md")
    assert err.splitlines()[0] == f"archived {second}"
    assert read_page(workdir / second)[0].slug == second.stem
    assert "Tusk" in (workdir / PAGE).read_text(encoding="utf-8")


def test_dry_run_json_prints_the_page_and_writes_nothing(workdir: Path) -> None:
    raw = copy("wire_paste.txt", workdir)
    people_before = (workdir / "data" / "people.yml").read_text(encoding="utf-8")
    code, out, err = ingest(str(raw), "--dry-run", "--json")
    assert code == 0, err
    record = json.loads(out)
    assert record["path"] == str(PAGE)
    assert record["front_matter"]["slug"] == "moldova-and-poland-sign-energy-pact"
    assert record["body"].startswith("Polish Prime Minister") and record["body"].endswith("\n")
    assert not (workdir / "articles").exists()
    assert (workdir / "data" / "people.yml").read_text(encoding="utf-8") == people_before

    assert ingest(str(raw))[0] == 0
    _, written_body = read_page(workdir / PAGE)
    assert written_body == record["body"]


def test_no_date_is_refused_with_a_hint_and_nothing_written(workdir: Path) -> None:
    raw = copy("no_date.txt", workdir)
    code, out, err = ingest(str(raw))
    assert code == 1 and out == ""
    first = err.splitlines()[0]
    assert first.startswith(f"error: {raw}: ") and "--date" in first
    assert err.splitlines()[-1] == "0 archived, 0 already archived, 1 failed"
    assert not (workdir / "articles").exists()


def test_a_folder_goes_on_past_a_bad_file(workdir: Path) -> None:
    inbox = workdir / "inbox"
    inbox.mkdir()
    for name in ("wire_paste.txt", "no_date.txt", "sidecar_story.txt", "sidecar_story.meta.yml"):
        copy(name, inbox)
    (inbox / "empty.txt").write_text("  \n", encoding="utf-8")
    code, _, err = ingest(str(inbox))
    assert code == 1
    assert err.splitlines()[-1] == "2 archived, 0 already archived, 2 failed"
    errors = [line for line in err.splitlines() if line.startswith("error: ")]
    assert sorted(line.split(":")[1].strip() for line in errors) == [
        str(inbox / "empty.txt"),
        str(inbox / "no_date.txt"),
    ]


def test_flags_beat_the_sidecar_which_beats_the_text(workdir: Path) -> None:
    raw = copy("sidecar_story.txt", workdir)
    copy("sidecar_story.meta.yml", workdir)
    code, out, err = ingest(str(raw), "--dry-run", "--json", "--source", "Reuters")
    assert code == 0, err
    front = json.loads(out)["front_matter"]
    assert front["title"] == "Sidecar title: wins over the text"  # sidecar over the text
    assert front["source"] == "Reuters"  # flag over the sidecar
    assert front["translation"] == {"from": "pl", "method": "machine"}


@pytest.mark.parametrize(
    ("flag", "value", "message"),
    [
        ("--date", "15/03/2025", "--date '15/03/2025' is not YYYY-MM-DD; write 2025-03-15"),
        (
            "--from",
            "French",
            "--from 'French' is not a two-letter ISO 639-1 code such as en, fr, de, uk",
        ),
        ("--url", "javascript:alert(1)", "--url 'javascript:alert(1)' must be an http"),
    ],
)
def test_bad_flags_are_usage_errors(workdir: Path, flag: str, value: str, message: str) -> None:
    raw = copy("wire_paste.txt", workdir)
    code, _, err = ingest(str(raw), flag, value)
    assert code == 2
    assert message in err
    assert not (workdir / "articles").exists()


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("date", "15/03/2025"),
        ("from", "French"),
        ("original_url", "ftp://example.org/a"),
        ("title", "\u200b"),
        ("translator", " "),
        ("method", "automatic"),
    ],
)
def test_a_flag_and_a_sidecar_key_are_refused_in_the_same_words(
    workdir: Path, key: str, value: str
) -> None:
    raw = copy("wire_paste.txt", workdir)
    flag = "--" + key.replace("_", "-")
    code, _, flag_err = ingest(str(raw), flag, value)
    assert code == 2
    sidecar = raw.with_name("wire_paste.meta.yml")
    sidecar.write_text(yaml.safe_dump({key: value}, allow_unicode=True), encoding="utf-8")
    code, _, sidecar_err = ingest(str(raw))
    assert code == 1
    said = sidecar_err.splitlines()[0].removeprefix(f"error: {sidecar}: ")
    # "--original-url '…' must start with …" on the command line, "original_url '…' …" beside it
    assert flag_err.strip().splitlines()[-1] == f"Error: {flag}{said.removeprefix(key)}"
    assert not (workdir / "articles").exists()


def test_every_sidecar_key_has_a_flag() -> None:
    options = {o for p in cli.commands["ingest"].params for o in p.opts}
    assert {"--" + key.replace("_", "-") for key in FACTS} <= options


def test_new_people_introduced_by_role_are_added_for_review(workdir: Path) -> None:
    people_file = workdir / "data" / "people.yml"
    known = {p["name"] for p in yaml.safe_load(people_file.read_text(encoding="utf-8"))}
    raw = copy("wire_paste.txt", workdir)
    code, _, err = ingest(str(raw))
    assert code == 0, err
    added = {p["name"] for p in yaml.safe_load(people_file.read_text(encoding="utf-8"))} - known
    for name in added:
        assert f"added {name}" in err
    assert added <= {"Donald Tusk", "Dorin Recean"}
