"""The 'Submit an article' issue form and its workflow, run end to end in a scratch repository.

The workflow's own shell steps run here (bash, its env), with the git remote a local bare
repository and `gh` a recorder of what would be sent to GitHub; `newsarchive submit` is the
real command. Hostile answers must stay data: no shell runs them, no branch or file is left
by a refusal, and the comments show them only as code.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from markdown_it import MarkdownIt

from newsarchive.bench.browser import serve
from newsarchive.overrides import FACTS
from newsarchive.registry import load_registries
from newsarchive.submission import (
    FORM,
    LABEL,
    NOT_TRANSLATED,
    SubmissionError,
    expected_choices,
    load_form,
    parse_body,
    write_result,
)
from newsarchive.submission import submit as submit_form

pytestmark = pytest.mark.slow
# CommonMark with GFM's tables, raw HTML allowed (GitHub would also sanitise it; we need not).
GFM = MarkdownIt("commonmark").enable("table")

REPO = Path(__file__).resolve().parents[1]
WORKFLOW = yaml.safe_load((REPO / ".github/workflows/submit-article.yml").read_text())
RAW = (REPO / "tests/fixtures/ingest/wire_paste.txt").read_text(encoding="utf-8")
PAGE = "docs/articles/2025/05/moldova-and-poland-sign-energy-pact.md"
FIELDS = load_form(REPO / FORM)
LABELS = {field.id: field.label for field in FIELDS}
# Each would do something if a shell or a Markdown renderer ever read it as code.
HOSTILE = [
    "$(touch {mark})",
    "`touch {mark}`",
    "'; touch {mark}; echo '",
    "${{{{ github.token }}}} ${{{{ secrets.GITHUB_TOKEN }}}}",
    "<script>alert('{mark}')</script>",
    "[click](javascript:alert(1)) ![x](https://evil.example/{mark}.png) @everyone",
    "| a | b |\n### Check\n```\n</details>",
]


def body(answers: dict[str, str]) -> str:
    """An issue body as GitHub writes a filled form: '### Label', a blank line, the answer."""
    parts = []
    for field in FIELDS:
        value = answers.get(field.id, "")
        if field.kind == "checkboxes":
            value = "".join(f"- [X] {option}" for option in field.options)
        elif field.id == "text":
            value = f"```text\n{value}\n```"
        parts.append(f"### {field.label}\n\n{value or '_No response_'}")
    return "\r\n".join("\n\n".join(parts).split("\n"))  # GitHub stores CRLF


GOOD = {
    "url": "https://example.org/news/moldova-poland",
    "date": "2025-05-09",
    "from": "pl — Polish",
    "method": "machine",
    "translator": "DeepL",
    "text": RAW,
}


def test_the_forms_choices_are_the_values_ingest_takes() -> None:
    choices = {field.id: list(field.options) for field in FIELDS if field.kind == "dropdown"}
    assert choices == expected_choices(load_registries(REPO / "data").languages)
    assert choices["method"] == ["machine", "human", "post-edited"]
    assert choices["from"][:3] == [NOT_TRANSLATED, "en — English", "fr — French"]
    questions = {field.id for field in FIELDS} - {"text", "page", "rights"}
    assert questions <= set(FACTS)  # every other question is a sidecar key
    form = yaml.safe_load((REPO / FORM).read_text(encoding="utf-8"))
    assert form["labels"] == [LABEL]
    assert WORKFLOW["jobs"]["ingest"]["if"].count(f"'{LABEL}'") == 2  # the workflow's filter


def test_a_filled_form_gives_the_facts_and_the_text() -> None:
    answers = parse_body(body(GOOD), FIELDS)
    assert answers.facts == {
        "url": "https://example.org/news/moldova-poland",
        "date": "2025-05-09",
        "from": "pl",
        "method": "machine",
        "translator": "DeepL",
    }
    assert answers.text == RAW.rstrip("\n")


def test_text_posing_as_another_answer_stays_in_the_article() -> None:
    text = "Headline\n\n### Publication date\n\n1999-01-01\n\n### Check\n\nBody."
    answers = parse_body(body({**GOOD, "text": text}), FIELDS)
    assert (answers.text, answers.facts["date"]) == (text, "2025-05-09")


def test_an_answer_not_among_the_choices_is_refused() -> None:
    with pytest.raises(SubmissionError) as caught:
        parse_body(body({**GOOD, "from": "xx — $(reboot)"}), FIELDS)
    assert str(caught.value) == (
        "'Translated from' is 'xx — $(reboot)', not one of the form's choices; edit the issue "
        "and choose one from the list"
    )


def git(root: Path, *args: str) -> str:
    command = ["git", "-c", "user.name=Test", "-c", "user.email=t@example.org", *args]
    return subprocess.run(command, cwd=root, check=True, capture_output=True, text=True).stdout


GH = """#!/bin/sh
# Records what the workflow asks of GitHub; answers as GitHub would.
printf '%s\\n' "$*" >> "$GH_LOG"
case "$1 $2" in
  "pr list") echo "" ;;
  "pr create") echo "https://github.example/archive/pull/8" ;;
  "issue comment") cp "$5" "$GH_LOG.comment" ;;
esac
"""


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    """The archive on main, cloned from a bare 'origin', as a workflow's checkout is."""
    origin, root = tmp_path / "origin.git", tmp_path / "archive"
    for name in ("data", "docs", ".github"):
        shutil.copytree(REPO / name, root / name, ignore=shutil.ignore_patterns(".tmp"))
    for name in ("mkdocs.yml", ".gitignore"):
        shutil.copy(REPO / name, root / name)
    git(root.parent, "init", "-q", "--bare", "-b", "main", str(origin))
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "archive")
    git(root, "remote", "add", "origin", str(origin))
    git(root, "push", "-q", "origin", "main")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "gh").write_text(GH)
    (bin_dir / "gh").chmod(0o755)
    return root


def run_step(root: Path, job: str, name: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    """One of the workflow's `run:` steps, in bash as Actions runs it, with its env."""
    (step,) = [s for s in WORKFLOW["jobs"][job]["steps"] if s.get("name") == name]
    tmp = root.parent
    base = {
        # The recorder of GitHub first, then the installed newsarchive, as on the runner.
        "PATH": f"{tmp / 'bin'}:{Path(sys.executable).parent}:{os.environ['PATH']}",
        "PYTHONPATH": os.environ.get("PYTHONPATH", ""),
        "HOME": str(tmp),
        "RUNNER_TEMP": str(tmp / "runner"),
        "GITHUB_OUTPUT": str(tmp / f"{job}.outputs"),
        "GITHUB_EVENT_PATH": str(tmp / "event.json"),
        "GH_LOG": str(tmp / "gh.log"),
    }
    (tmp / "runner").mkdir(exist_ok=True)
    script = ["bash", "-e", "-c", step["run"]]
    return subprocess.run(script, cwd=root, env={**base, **env}, capture_output=True, text=True)


def outputs(root: Path, job: str) -> dict[str, str]:
    lines = (root.parent / f"{job}.outputs").read_text().splitlines()
    return dict(line.split("=", 1) for line in lines)


def submit(root: Path, answers: dict[str, str]) -> dict[str, str]:
    event = {"issue": {"number": 7, "body": body(answers), "user": {"login": "alice"}}}
    (root.parent / "event.json").write_text(json.dumps(event), encoding="utf-8")
    (root.parent / "ingest.outputs").unlink(missing_ok=True)  # each job has its own
    done = run_step(root, "ingest", "Turn the form into a page on a branch", {})
    assert done.returncode == 0, done.stderr
    return outputs(root, "ingest")


def comment(root: Path, pull_request: str) -> str:
    result = root.parent / "runner" / "submission"
    env = {"NUMBER": "7", "PULL_REQUEST": pull_request, "RESULT": str(result), "GH_REPO": "a/b"}
    done = run_step(root, "comment", "Comment the result or the refusal", env)
    assert done.returncode == 0, done.stderr
    return Path(f"{root.parent / 'gh.log'}.comment").read_text(encoding="utf-8")


def as_html(text: str) -> BeautifulSoup:
    return BeautifulSoup(GFM.render(text), "lxml")


def test_a_submission_becomes_a_branch_a_pull_request_and_a_comment(checkout: Path) -> None:
    assert submit(checkout, GOOD) == {
        "status": "opened",
        "issue": "7",
        "branch": "submission/issue-7",
    }
    assert git(checkout, "status", "--porcelain") == ""
    assert git(checkout, "diff", "--name-only", "main", "submission/issue-7").split() == [
        PAGE,
        "inbox/issue-7.meta.yml",
        "inbox/issue-7.txt",
    ]
    page = git(checkout, "show", f"submission/issue-7:{PAGE}")
    assert "url: https://example.org/news/moldova-poland\n" in page
    assert "  from: pl\n  method: machine\n  translator: DeepL\n" in page
    assert git(checkout, "log", "-1", "--format=%an%n%B", "submission/issue-7") == (
        "github-actions[bot]\nAdd: Moldova and Poland sign energy pact\n\n"
        "Submitted in issue #7 by alice.\n\n"
    )

    # The next job, in a fresh checkout of main: the bundle's branch is pushed, a PR opened.
    fresh = checkout.parent / "fresh"
    git(checkout.parent, "clone", "-q", str(checkout.parent / "origin.git"), str(fresh))
    env = {
        "BRANCH": "submission/issue-7",
        "BASE": "main",
        "RESULT": str(checkout.parent / "runner" / "submission"),
    }
    done = run_step(
        fresh, "pull-request", "Push the branch and open (or find) its pull request", env
    )
    assert done.returncode == 0, done.stderr
    assert page == git(checkout.parent / "origin.git", "show", f"submission/issue-7:{PAGE}")
    log = (checkout.parent / "gh.log").read_text().splitlines()
    assert log[0] == "auth setup-git"
    assert log[2].startswith(
        "pr create --base main --head submission/issue-7 "
        "--title Add: Moldova and Poland sign energy pact --body-file "
    )
    url = outputs(fresh, "pull-request")["url"]

    text = comment(checkout, url)
    assert text.startswith("<!-- newsarchive-submission -->\nThank you! Your article is now")
    assert "| `translation.method` | `machine` |" in text
    assert "WARSAW (AP) —" in text  # a line the cleaner removed, for the contributor to see
    assert text.endswith("\nPull request: https://github.example/archive/pull/8\n")


def test_hostile_answers_are_data(checkout: Path, tmp_path: Path) -> None:
    marks = [tmp_path / f"pwned{index}" for index in range(len(HOSTILE))]
    payloads = [p.format(mark=m) for p, m in zip(HOSTILE, marks, strict=True)]
    title = " ".join(payloads[index] for index in (0, 1, 3, 4))  # within the 300 characters
    text = "\n\n".join(["A ministry answered", *payloads, RAW.split("\n", 1)[1]])
    answers = {**GOOD, "title": title, "translator": payloads[0], "text": text}
    assert submit(checkout, answers)["status"] == "opened"
    said = comment(checkout, "https://github.example/archive/pull/8")

    assert not any(mark.exists() for mark in marks)  # no shell ran any of it
    (page,) = git(
        checkout, "diff", "--name-only", "main", "submission/issue-7", "--", "docs"
    ).split()
    front = yaml.safe_load(git(checkout, "show", f"submission/issue-7:{page}").split("---\n")[1])
    assert front["title"] == title
    assert front["translation"]["translator"] == payloads[0]
    html = as_html(said)
    assert html.find("script") is None and html.find("img") is None
    assert not [a for a in html.find_all("a") if "javascript" in a.get("href", "")]
    shown = html.get_text()
    assert payloads[3] in shown  # ${{ }} arrives as it was written, never expanded
    assert f"Add: {title}" in git(checkout, "log", "-1", "--format=%s", "submission/issue-7")


@pytest.mark.parametrize(
    ("answer", "reason"),
    [
        # The model's own words follow the form's label (overrides.py words them).
        ({"date": "$(touch {mark})"}, "'Publication date' "),
        ({"url": "javascript:alert(1)"}, "'Address of the article' "),
        (
            {"text": ""},
            "give the article once: paste it in 'Article text' or drop the saved page in "
            "'Saved page'",
        ),
        (
            {"page": "[x.html](https://evil.example/files/1/x.html)"},
            "give the article once: paste it in 'Article text' or drop the saved page in "
            "'Saved page', not both",
        ),
        ({"from": ""}, "'Translation method' is set but 'Translated from' says not translated"),
    ],
)
def test_a_refused_submission_leaves_only_its_comment(
    checkout: Path, tmp_path: Path, answer: dict[str, str], reason: str
) -> None:
    mark = tmp_path / "pwned"
    answers = {**GOOD, **{k: v.format(mark=mark) for k, v in answer.items()}}
    if answers["from"] == "":
        answers["from"] = NOT_TRANSLATED
    assert submit(checkout, answers) == {"status": "refused", "issue": "7"}
    said = comment(checkout, "")
    assert said.startswith("<!-- newsarchive-submission -->\nThis submission could not be")
    shown = as_html(said).find("code").get_text()
    assert shown.startswith(reason.format(mark=mark)), shown
    assert not mark.exists()
    assert git(checkout, "status", "--porcelain", "--ignored") == ""
    assert git(checkout, "branch", "--format=%(refname:short)").split() == ["main"]
    assert sorted(p.name for p in (tmp_path / "runner" / "submission").iterdir()) == [
        "comment.md",
        "outputs",
    ]
    assert "Pull request:" not in said


def test_a_duplicate_submission_is_refused_with_the_page_it_repeats(checkout: Path) -> None:
    assert submit(checkout, GOOD)["status"] == "opened"
    git(checkout, "switch", "-q", "main")
    git(checkout, "merge", "-q", "--ff-only", "submission/issue-7")
    assert submit(checkout, GOOD) == {"status": "refused", "issue": "7"}
    assert f"already archived at {PAGE}" in comment(checkout, "")


SAVED = REPO / "tests/fixtures/readers/html_jsonld_only_date.html"
UPLOADED = {"url": GOOD["url"], "date": "2024-11-03", "from": NOT_TRANSLATED}


@pytest.fixture
def uploads(tmp_path: Path) -> Iterator[str]:
    """GitHub's attachment store, played by a local server: its files/ address."""
    store = tmp_path / "store"
    (store / "files" / "123").mkdir(parents=True)
    shutil.copy(SAVED, store / "files" / "123" / "bridge.html")
    with serve(store) as url:
        yield f"{url}files/"


def test_an_attached_saved_page_is_downloaded_and_archived(checkout: Path, uploads: str) -> None:
    link = f"{uploads}123/bridge.html"
    answers = {**UPLOADED, "page": f"[bridge.html]({link})"}
    result = submit_form(body(answers), 7, "alice", checkout, FORM, attachments=uploads)
    write_result(result, checkout, checkout.parent / "runner" / "submission")
    assert (result.status, result.branch) == ("opened", "submission/issue-7")
    changed = git(checkout, "diff", "--name-only", "main", "submission/issue-7").split()
    assert changed[1:] == ["inbox/issue-7.html", "inbox/issue-7.meta.yml"]
    assert git(checkout, "show", "submission/issue-7:inbox/issue-7.html") == SAVED.read_text()
    assert changed[0].startswith("docs/articles/2024/11/bridge-reopens-after-two-years")


@pytest.mark.parametrize(
    "answer",
    [
        "[bridge.html](https://evil.example/files/123/bridge.html)",  # not GitHub's store
        "{uploads}123/bridge.html {uploads}123/other.html",  # two files
        "{uploads}123/bridge.exe",  # not a raw article
        "{uploads}123/missing.html",  # nothing there
    ],
)
def test_an_attachment_that_is_not_one_uploaded_page_is_refused(
    checkout: Path, uploads: str, answer: str
) -> None:
    answers = {**UPLOADED, "page": answer.format(uploads=uploads)}
    result = submit_form(body(answers), 7, "alice", checkout, FORM, attachments=uploads)
    assert result.status == "refused"
    reason = as_html(result.comment).find("code").get_text()
    if "missing" in answer:
        assert reason.startswith("'Saved page' could not be downloaded (HTTP Error 404")
    else:
        assert reason == (
            "'Saved page' must hold one .html or .txt file dropped into it (GitHub writes its "
            "link); drop the file again, or paste the text instead\n"
        )
    assert git(checkout, "status", "--porcelain") == ""


def test_when_the_ingest_job_itself_failed_the_issue_still_gets_an_answer(checkout: Path) -> None:
    env = {"NUMBER": "7", "PULL_REQUEST": "", "RESULT": str(checkout.parent / "nothing")}
    done = run_step(checkout, "comment", "Comment the result or the refusal", env)
    assert done.returncode == 0, done.stderr
    assert Path(f"{checkout.parent / 'gh.log'}.comment").read_text() == (
        "The submission could not be processed; a maintainer will look at the workflow run.\n"
    )
