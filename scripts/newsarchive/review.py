"""The review comment of a pull request: for each article it adds or changes, what a reviewer
must look at (front matter, provisional fields, what the cleaner removed, validation findings
and the built page), as Markdown that the workflow posts once and then edits in place.

Everything taken from a page or a raw file is put in code (ghmarkdown): a hostile title or
text shows as text in the comment.
"""

from __future__ import annotations

import tempfile
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

from . import readers, writer
from .cleaner import clean
from .errors import NewsarchiveError
from .frontmatter import loads
from .ghmarkdown import code_block, code_span
from .ingest import is_raw_input, normalise
from .overrides import Overrides
from .registry import Registries, load_registries
from .validate import validate_pages
from .validate.changed import changes_since, git
from .validate.problems import Problem, shown
from .validate.run import check_page

# The first line of the bot's comments: how the workflow finds its own comment to edit.
MARKER = "<!-- newsarchive-review -->"
MARKER_SUBMISSION = "<!-- newsarchive-submission -->"
INBOX = Path("inbox")
# GitHub refuses comments over 65,536 characters; the end of a longer one is cut with a note.
MAX_COMMENT = 60_000
MAX_REMOVED_LINES = 200


def _rows(front: dict[str, Any], prefix: str = "") -> Iterable[tuple[str, object]]:
    for key, value in front.items():
        if isinstance(value, dict):
            yield from _rows(value, f"{prefix}{key}.")
        elif isinstance(value, list):
            yield f"{prefix}{key}", "; ".join(str(item) for item in value)
        else:
            yield f"{prefix}{key}", value


def front_matter_table(front: dict[str, Any]) -> str:
    """The front matter as a two-column table, every key and value in code."""
    rows = [f"| {code_span(key)} | {code_span(value)} |" for key, value in _rows(front)]
    return "\n".join(["| field | value |", "| --- | --- |", *rows])


def _removed(removed: list[str] | None, edited: bool = False) -> str:
    if edited:
        return "**Removed by the cleaner:** nothing, this page was archived before: an edit."
    if removed is None:
        return (
            "**Removed by the cleaner:** not known, the raw file is not in this pull request. "
            "Add it under `inbox/` (unchanged) to list here what ingest took out, or run "
            "`newsarchive ingest FILE --dry-run --show-removed` and check no sentence of the "
            "article is among its lines."
        )
    if not removed:
        return "**Removed by the cleaner:** nothing."
    shown_lines = removed[:MAX_REMOVED_LINES]
    more = len(removed) - len(shown_lines)
    cut = f"\n\n…and {more} more; run ingest with `--dry-run --show-removed`." if more else ""
    return (
        f"**Removed by the cleaner** ({len(removed)} lines; check that no sentence of the "
        "article is among them):\n\n<details><summary>lines removed</summary>\n\n"
        f"{code_block(chr(10).join(shown_lines))}{cut}\n\n</details>"
    )


def _findings(problems: list[Problem], warnings: Iterable[str] = ()) -> str:
    lines = [
        f"- {problem.severity} at line {problem.line}: {code_span(problem.message)}"
        for problem in problems
    ]
    lines += [f"- warning: {code_span(warning)}" for warning in warnings]
    if not lines:
        return "**Validation:** no errors, no warnings."
    return "**Validation** (errors must be fixed; warnings need a look):\n\n" + "\n".join(lines)


def article_section(
    root: Path,
    page: Path,
    *,
    removed: list[str] | None,
    edited: bool = False,
    problems: list[Problem] | None = None,
    preview: str | None = None,
) -> str:
    """One article's part of a comment: `page` (relative to `root`), checked here unless
    `problems` are given."""
    if problems is None:
        report = validate_pages(
            [root / page], archive=root / "docs" / "articles", data_dir=root / "data"
        )
        problems = report.sorted()
    parts = [f"### {code_span(page.as_posix())}"]
    try:
        front, _ = loads((root / page).read_text(encoding="utf-8-sig"))
    except (NewsarchiveError, OSError, UnicodeDecodeError):
        front = None
    if front is None:
        parts.append("The front matter cannot be read; the validation findings say why.")
    else:
        parts.append(front_matter_table(front))
        provisional = front.get("provisional") or []
        if provisional:
            fields = ", ".join(code_span(name) for name in provisional)
            parts.append(
                f"**Provisional** (made by newsarchive; confirm or edit each, then remove it "
                f"from `provisional`): {fields}"
            )
    refused = [p for p in problems if p.severity == "error"]
    if refused:
        parts.append(f"**Refused:** {len(refused)} error(s) below; the check fails until fixed.")
    parts.append(_removed(removed, edited))
    parts.append(_findings(problems))
    if preview:
        address = page.relative_to("docs").with_suffix("").as_posix() + "/index.html"
        parts.append(
            f"**Preview:** [the built site]({preview}) (download it, open {code_span(address)})."
        )
    return "\n\n".join(parts) + "\n"


def _changed_inbox(ref: str, top: Path, base: str) -> list[Path]:
    def names(*args: str) -> list[str]:
        return [name for name in git(list(args), top).split("\0") if name]

    found = names("diff", "--name-only", "--diff-filter=AMR", "-z", base, "--", str(INBOX))
    found += names("ls-files", "--others", "--exclude-standard", "-z", "--", str(INBOX))
    return sorted({top / name for name in found if is_raw_input(name)})


def _raw_by_digest(files: Iterable[Path]) -> dict[str, Path]:
    found = {}
    for path in files:
        try:
            found[readers.read_file(path).digest] = path
        except NewsarchiveError:
            continue  # shown as refused, with its reason, among the raw files
    return found


def _raw_section(root: Path, path: Path, registries: Registries) -> str:
    """What ingest would make of a raw file that has no page yet, checked as validate would
    check that page (written to a scratch archive, never into the checkout)."""
    item = normalise(path, Overrides(), registries)
    name = path.relative_to(root).as_posix()
    if item.enriched is None:
        return (
            f"### {code_span(name)}\n\nIngest refuses this raw file:\n\n"
            f"{code_block(item.error or 'unreadable')}\n"
        )
    article = item.enriched.article
    with tempfile.TemporaryDirectory(prefix="newsarchive-review-") as scratch:
        page = writer.path_for(article, Path(scratch))
        page.parent.mkdir(parents=True)
        page.write_text(writer.render(article, item.enriched.body), encoding="utf-8")
        problems = check_page(page, registries, Path(scratch)).problems
    problems = [replace(problem, path=name) for problem in problems]
    return (
        "\n\n".join(
            [
                f"### {code_span(name)} (raw file, not a page yet)",
                "Ingest would make this page from it; run `newsarchive ingest` on it, commit the "
                "page and delete the raw file.",
                front_matter_table(article.front_matter()),
                _removed(list(item.removed)),
                _findings(problems, item.enriched.warnings),
            ]
        )
        + "\n"
    )


def review_comment(
    changed_since: str,
    *,
    archive: Path = Path("docs/articles"),
    data_dir: Path,
    preview: str | None = None,
) -> str:
    """The whole comment for the pull request's changes since `changed_since`."""
    changes = changes_since(changed_since, archive)
    root = changes.top
    report = validate_pages(archive=archive, changed_since=changed_since, data_dir=data_dir)
    by_file: dict[str, list[Problem]] = defaultdict(list)
    for problem in report.sorted():
        by_file[problem.path].append(problem)
    inbox = _changed_inbox(changed_since, root, changes.base)
    raws = _raw_by_digest(inbox)
    registries = load_registries(data_dir)
    used: set[Path] = set()
    sections = []
    for page in changes.pages:
        try:
            digest = loads(page.read_text(encoding="utf-8-sig"))[0].get("input_sha256")
        except (NewsarchiveError, OSError, UnicodeDecodeError):
            digest = None
        raw = raws.get(str(digest)) if digest else None
        removed = None
        if raw is not None:
            used.add(raw)
            removed = list(clean(readers.read_file(raw), registries).removed)
        relative = page.relative_to(root)
        sections.append(
            article_section(
                root,
                relative,
                removed=removed,
                edited=raw is None and page in changes.before,
                problems=by_file.get(shown(page), []),
                preview=preview,
            )
        )
    for raw in inbox:
        if raw not in used:
            sections.append(_raw_section(root, raw, registries))
    for raw in sorted(used):
        sections.append(
            f"Raw file {code_span(raw.relative_to(root).as_posix())} is here for this review; "
            "delete it before merging.\n"
        )
    elsewhere = [p for p in report.sorted() if p.path not in {shown(x) for x in changes.pages}]
    if elsewhere:  # pages deleted or moved away, clashes with pages this change left alone
        sections.append(
            "**Elsewhere in the archive:**\n\n"
            + "\n".join(
                f"- {p.severity} in {code_span(p.path)} at line {p.line}: {code_span(p.message)}"
                for p in elsewhere
            )
            + "\n"
        )
    head = f"{MARKER}\n## Articles in this pull request\n\n"
    if not sections:
        return head + "No article or raw file is added or changed.\n"
    summary = f"{len(changes.pages)} page(s), {len(inbox)} raw file(s). {_summary(report)}\n\n"
    return head + summary + _within_limit(sections, MAX_COMMENT - len(head + summary))


def _within_limit(sections: list[str], room: int) -> str:
    """As many whole sections as GitHub takes in one comment, then how to see the rest."""
    kept: list[str] = []
    for section in sections:
        if sum(map(len, kept)) + len(section) + len(kept) > room - 200:  # room for the note
            left = len(sections) - len(kept)
            return "\n".join(kept) + (
                f"\n…and {left} more section(s), too long for one comment: run "
                "`newsarchive review-comment --changed-since` with this pull request's base.\n"
            )
        kept.append(section)
    return "\n".join(kept)


def _summary(report: Any) -> str:
    return f"Validation: {report.errors} error(s), {report.warnings} warning(s)."
