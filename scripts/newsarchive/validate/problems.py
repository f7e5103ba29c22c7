"""What validation finds, and the two ways of printing it (terminal and GitHub)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Problem:
    """One finding: where it is, how bad it is, and 'what is wrong; how to fix it'."""

    path: str
    line: int
    severity: Severity
    message: str


@dataclass
class Report:
    """Every problem in every checked file, and how many files were checked."""

    problems: list[Problem] = field(default_factory=list)
    files_checked: int = 0

    @property
    def errors(self) -> int:
        """Number of errors (any error fails the check)."""
        return sum(problem.severity == "error" for problem in self.problems)

    @property
    def warnings(self) -> int:
        """Number of warnings (worth a human look, never a failure)."""
        return len(self.problems) - self.errors

    def sorted(self) -> list[Problem]:
        """Problems by file then line; within a line, in the order they were found."""
        return sorted(self.problems, key=lambda problem: (problem.path, problem.line))


def shown(path: Path) -> str:
    """A file as problems name it: relative to the working folder where possible."""
    try:
        return Path(os.path.relpath(path)).as_posix()
    except ValueError:  # another drive on Windows
        return path.as_posix()


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def format_summary(report: Report) -> str:
    """The closing line: 'N files checked: E errors, W warnings'."""
    return (
        f"{_plural(report.files_checked, 'file')} checked: "
        f"{_plural(report.errors, 'error')}, {_plural(report.warnings, 'warning')}"
    )


def format_text(problem: Problem) -> str:
    """FILE:LINE: what is wrong; how to fix it (warnings say so after the line)."""
    label = "warning: " if problem.severity == "warning" else ""
    return f"{problem.path}:{problem.line}: {label}{problem.message}"


def _escape(value: str, *, is_property: bool = False) -> str:
    # GitHub's workflow-command escaping; properties also escape their separators.
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return value.replace(":", "%3A").replace(",", "%2C") if is_property else value


def format_github(problem: Problem) -> str:
    """A GitHub Actions annotation shown on the pull request's changed line."""
    file = _escape(problem.path, is_property=True)
    return f"::{problem.severity} file={file},line={problem.line}::{_escape(problem.message)}"


def render(report: Report, style: Literal["text", "github"] = "text") -> list[str]:
    """All output lines: one per problem, then the summary."""
    formatter = format_github if style == "github" else format_text
    return [*(formatter(problem) for problem in report.sorted()), format_summary(report)]
