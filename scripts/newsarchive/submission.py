"""An article sent with the 'Submit an article' issue form, turned into a branch with its page.

GitHub writes a filled form into the issue body as one `### Label` heading per field, then the
answer. The form file is the one list of fields: their labels are read from it, and their ids
are the sidecar's keys (overrides.FACTS), so the answers are checked by the same model, in the
same words, as `newsarchive ingest`'s flags. Everything in the body is a stranger's text: it is
written to files and passed to git and ingest as arguments, never to a shell, and every value
quoted back in a comment is inside code (ghmarkdown).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from . import ghmarkdown, review
from .errors import NewsarchiveError, one_line
from .ingest import is_raw_input
from .overrides import FACTS, METHODS, overrides_from
from .readers import MAX_INPUT_BYTES
from .registry import Languages

FORM = Path(".github/ISSUE_TEMPLATE/submit-article.yml")
LABEL = "article submission"  # the form's label; the workflow runs only for issues with it
NOT_TRANSLATED = "not translated"
NO_RESPONSE = "_No response_"  # what GitHub writes for an optional field left empty
TEXT_ID = "text"  # the textarea holding the article; the form's last field
PAGE_ID = "page"  # the textarea where GitHub writes the link of an attached saved page
# Only files GitHub itself stored for the issue are downloaded, never an address a stranger
# typed: a link GitHub writes when a file is dropped into the form.
ATTACHMENTS = "https://github.com/user-attachments/files/"
_LINK = re.compile(r"https?://[^\s()<>\[\]]+")
RESULT_FILES = ("comment.md", "outputs", "submission.bundle", "pull-request.md", "title.txt")
BOT = ("github-actions[bot]", "41898282+github-actions[bot]@users.noreply.github.com")


class SubmissionError(NewsarchiveError):
    """A submission that cannot become a page; the message says what to fix in the form."""


def language_choice(code: str, name: str) -> str:
    """How the form offers a language: 'fr — French' (the code is what ingest takes)."""
    return f"{code} — {name}"


def expected_choices(languages: Languages) -> dict[str, list[str]]:
    """The form's dropdowns as the code defines them: ingest's methods and languages.yml."""
    return {
        "from": [NOT_TRANSLATED, *(language_choice(x.code, x.name) for x in languages.languages)],
        "method": list(METHODS),
    }


@dataclass(frozen=True)
class FormField:
    """One question of the issue form."""

    id: str
    label: str
    kind: str  # input | dropdown | textarea | checkboxes
    options: tuple[str, ...] = ()


def load_form(path: Path) -> list[FormField]:
    """The form's questions, in order (its markdown notes are not questions)."""
    try:
        form = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise NewsarchiveError(f"cannot read the issue form ({exc}); restore it", path) from exc
    fields = []
    for item in form["body"]:
        if item["type"] == "markdown":
            continue
        options = [
            o["label"] if isinstance(o, dict) else o for o in item["attributes"].get("options", [])
        ]
        fields.append(
            FormField(item["id"], item["attributes"]["label"], item["type"], tuple(options))
        )
    if not fields or fields[-1].id != TEXT_ID:
        raise NewsarchiveError(f"the form's last field must be '{TEXT_ID}' (the article)", path)
    return fields


@dataclass
class Answers:
    """A parsed form: the facts by sidecar key (None: not given) and the article text."""

    facts: dict[str, str] = field(default_factory=dict)
    text: str = ""
    page: str = ""  # the attachment answer: GitHub's link to the uploaded file


def _unfence(value: str) -> str:
    # A textarea with `render:` arrives inside a ``` fence GitHub added around it.
    lines = value.split("\n")
    if len(lines) >= 2 and lines[0].startswith("```") and lines[-1].strip() == "```":
        return "\n".join(lines[1:-1])
    return value


def parse_body(body: str, fields: list[FormField]) -> Answers:
    """The answers of a filled form. Questions are found in form order; the article, asked
    last, is everything after its heading, so no text in it can pose as another answer."""
    text = "\n" + body.replace("\r\n", "\n").replace("\r", "\n")
    starts = []
    position = 0
    for question in fields:
        heading = f"\n### {question.label}\n"
        found = text.find(heading, position)
        if found < 0:
            raise SubmissionError(
                f"the issue has no '{question.label}' answer; open a new issue with the "
                "'Submit an article' form and fill it in without editing its headings"
            )
        starts.append((found, found + len(heading)))
        position = found + len(heading)
    answers = Answers()
    for index, question in enumerate(fields):
        end = starts[index + 1][0] if index + 1 < len(fields) else len(text)
        value = text[starts[index][1] : end].strip("\n")
        if question.kind == "textarea":
            value = _unfence(value.strip("\n")).strip("\n")
        value = "" if value.strip() == NO_RESPONSE else value
        if question.id == TEXT_ID:
            answers.text = value
        elif question.id == PAGE_ID:
            answers.page = value.strip()
        elif question.kind == "dropdown":
            answers.facts[question.id] = _choice(question, value.strip())
        elif question.id in FACTS:
            answers.facts[question.id] = value.strip()
    answers.facts = {key: value for key, value in answers.facts.items() if value}
    return answers


def _choice(question: FormField, value: str) -> str:
    if value and value not in question.options:
        raise SubmissionError(
            f"'{question.label}' is '{one_line(value)}', not one of the form's "
            "choices; edit the issue and choose one from the list"
        )
    if question.id == "from":
        return "" if value == NOT_TRANSLATED else value.split(" — ")[0]
    return value


@dataclass
class Result:
    """What became of a submission: the comment for the issue, and a branch when it worked."""

    issue: int
    status: str  # "opened" (a branch with the page) | "refused"
    comment: str
    branch: str = ""
    title: str = ""  # of the pull request
    body: str = ""  # of the pull request
    base: str = ""  # the commit the branch starts from


def _git(root: Path, *args: str) -> str:
    command = ["git", "-c", f"user.name={BOT[0]}", "-c", f"user.email={BOT[1]}", *args]
    done = subprocess.run(command, cwd=root, capture_output=True, text=True, encoding="utf-8")
    if done.returncode != 0:
        reason = (done.stderr.strip().splitlines() or ["git failed"])[-1]
        raise NewsarchiveError(f"git {args[0]} failed ({reason})", root)
    return done.stdout


def attachment_link(answer: str, label: str, attachments: str = ATTACHMENTS) -> str:
    """The one file link GitHub wrote into the attachment answer; refused otherwise."""
    links = _LINK.findall(answer)
    name = links[0].rsplit("/", 1)[-1] if len(links) == 1 else ""
    if len(links) != 1 or not links[0].startswith(attachments) or not is_raw_input(name):
        raise SubmissionError(
            f"'{label}' must hold one .html or .txt file dropped into it (GitHub writes its "
            "link); drop the file again, or paste the text instead"
        )
    return links[0]


def download(link: str, label: str) -> bytes:
    """The attached file, at most the size ingest reads."""
    try:
        with urllib.request.urlopen(link, timeout=60) as response:
            data = response.read(MAX_INPUT_BYTES + 1)
    except (OSError, ValueError) as exc:
        raise SubmissionError(
            f"'{label}' could not be downloaded ({exc}); drop the file into the form again"
        ) from None
    if len(data) > MAX_INPUT_BYTES:
        raise SubmissionError(f"'{label}' is over 5 MiB; save only the article, not a whole site")
    return data


def _write_inputs(
    root: Path, issue: int, answers: Answers, upload: tuple[str, bytes] | None
) -> Path:
    inbox = root / "inbox"
    inbox.mkdir(exist_ok=True)
    if upload is not None:
        raw = inbox / f"issue-{issue}{Path(upload[0]).suffix.lower()}"
        raw.write_bytes(upload[1])
    else:
        page_source = answers.text.lstrip().lower().startswith(("<!doctype html", "<html"))
        raw = inbox / f"issue-{issue}{'.html' if page_source else '.txt'}"
        raw.write_text(answers.text + "\n", encoding="utf-8")
    sidecar = inbox / f"issue-{issue}.meta.yml"
    sidecar.write_text(
        yaml.safe_dump(answers.facts, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    return raw


def _ingest(root: Path, raw: Path) -> tuple[int, list[dict], list[str]]:
    """`newsarchive ingest` on the raw file, as a contributor would run it; its JSON records
    and its message lines."""
    command = [sys.executable, "-m", "newsarchive.cli", "ingest", str(raw.relative_to(root))]
    done = subprocess.run(
        [*command, "--json", "--jobs", "1"],
        cwd=root,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "COLUMNS": "10000"},  # rich must not wrap a message line
    )
    records = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    return done.returncode, records, done.stderr.splitlines()


def _refusal(issue: int, reason: str) -> Result:
    comment = (
        f"{review.MARKER_SUBMISSION}\n"
        "This submission could not be archived:\n\n"
        f"{ghmarkdown.code_block(one_line(reason))}\n\n"
        "Edit the issue (⋯ → Edit) to fix the answer named above; the submission is "
        "checked again when you save it.\n"
    )
    return Result(issue, "refused", comment)


def submit(
    body: str, issue: int, author: str, root: Path, form: Path, attachments: str = ATTACHMENTS
) -> Result:
    """Turn a filled form into a page on branch submission/issue-N, committed; or refuse it,
    leaving the checkout as it was. An attached page is downloaded only from `attachments`."""
    fields = load_form(root / form)
    labels = {question.id: question.label for question in fields}
    upload = None
    try:
        answers = parse_body(body, fields)
        text, page = labels[TEXT_ID], labels.get(PAGE_ID, PAGE_ID)
        if bool(answers.text.strip()) == bool(answers.page):
            raise SubmissionError(
                f"give the article once: paste it in '{text}' or drop the saved page in "
                f"'{page}'" + (", not both" if answers.page else "")
            )
        overrides_from(answers.facts, lambda key: f"'{labels.get(key, key)}'")
        if "method" in answers.facts and "from" not in answers.facts:
            raise SubmissionError(
                f"'{labels['method']}' is set but '{labels['from']}' says {NOT_TRANSLATED}; "
                "choose the original's language or set the method to None"
            )
        if answers.page:
            link = attachment_link(answers.page, page, attachments)
            upload = (link.rsplit("/", 1)[-1], download(link, page))
    except NewsarchiveError as exc:
        return _refusal(issue, exc.message if exc.path is None else str(exc))
    branch = f"submission/issue-{issue}"
    base = _git(root, "rev-parse", "HEAD").strip()
    raw = _write_inputs(root, issue, answers, upload)
    sidecar = f"inbox/issue-{issue}.meta.yml"
    code, records, messages = _ingest(root, raw)
    errors = [line.removeprefix("error: ") for line in messages if line.startswith("error: ")]
    if code != 0 or not records or records[0]["status"] != "archived":
        for written in (raw, root / sidecar):
            written.unlink(missing_ok=True)
        if records and records[0]["status"] == "already archived":
            errors = [f"this article is already archived at {records[0]['path']}"]
        return _refusal(issue, errors[0] if errors else "ingest failed; a maintainer will look")
    record = records[0]
    page = Path(record["path"])
    title = str(record["front_matter"]["title"])
    _git(root, "switch", "-q", "-C", branch)
    # The raw file and answers go with the page, for the review; inbox/ is ignored locally.
    _git(root, "add", "-f", "--", str(page), "data", str(raw.relative_to(root)), sidecar)
    message = f"Add: {one_line(title)}\n\nSubmitted in issue #{issue} by {one_line(author)}.\n"
    _git(root, "commit", "-q", "-m", message)
    details = review.article_section(root, page, removed=record["removed"])
    # What ingest said (registry entries it added, warnings), for the reviewer to check.
    said = "\n".join(line for line in messages if not line.startswith("archived "))
    details += f"\n**Ingest said:**\n\n{ghmarkdown.code_block(said)}\n"
    comment = (
        f"{review.MARKER_SUBMISSION}\n"
        f"Thank you! Your article is now the page {ghmarkdown.code_span(page.as_posix())} on "
        f"branch {ghmarkdown.code_span(branch)}; a pull request links back to this issue, "
        "and a maintainer reviews it there.\n\n" + details
    )
    pull_body = (
        f"Submitted in #{issue} with the 'Submit an article' form.\n\n"
        f"The raw text and the form's answers are in `inbox/issue-{issue}.*`: delete them "
        "once the page is reviewed (before merging). GitHub runs no checks on a pull request "
        "a workflow opened: close and reopen it to run them.\n\n" + details
    )
    return Result(issue, "opened", comment, branch, f"Add: {one_line(title)}", pull_body, base)


def write_result(result: Result, root: Path, out: Path) -> None:
    """The files the workflow's later jobs use: comment.md, and for a branch its bundle,
    pull-request.md, title.txt; `outputs` holds status= and branch= lines."""
    out.mkdir(parents=True, exist_ok=True)
    for name in RESULT_FILES:  # a refusal must not leave an earlier run's branch behind
        (out / name).unlink(missing_ok=True)
    (out / "comment.md").write_text(result.comment, encoding="utf-8")
    lines = [f"status={result.status}", f"issue={result.issue}"]
    if result.status == "opened":
        bundle = str(out / "submission.bundle")
        _git(root, "bundle", "create", "-q", bundle, f"{result.base}..{result.branch}")
        (out / "pull-request.md").write_text(result.body, encoding="utf-8")
        (out / "title.txt").write_text(result.title, encoding="utf-8")
        lines.append(f"branch={result.branch}")
    (out / "outputs").write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")


def read_event(path: Path) -> tuple[str, int, str]:
    """The issue's body, number and author from the event file GitHub gives a workflow."""
    try:
        issue = json.loads(path.read_text(encoding="utf-8"))["issue"]
        return issue.get("body") or "", int(issue["number"]), str(issue["user"]["login"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise NewsarchiveError(
            f"not an issue event ({exc}); pass the issue's event file", path
        ) from exc
