"""Typed errors. Each carries one line for the user: file, what is wrong, how to fix it."""

from __future__ import annotations

from pathlib import Path


def one_line(text: str) -> str:
    """`text` with control characters escaped, so a message can never span two lines."""
    return "".join(ch if ch.isprintable() or ch == " " else repr(ch)[1:-1] for ch in text)


class NewsarchiveError(Exception):
    """An error with a one-line message meant for the user, never a traceback."""

    def __init__(self, message: str, path: Path | str | None = None) -> None:
        self.path = Path(path) if path is not None else None
        self.message = message
        text = f"{path}: {message}" if path is not None else message
        super().__init__(one_line(text))


class InputError(NewsarchiveError):
    """A raw input (article file or sidecar) cannot be archived as it is."""


class RegistryError(NewsarchiveError):
    """A vocabulary file in data/ is malformed."""


class SiteError(NewsarchiveError):
    """The archive site cannot be built or served."""


class PageError(NewsarchiveError):
    """An archive page cannot be parsed or does not match the model."""

    def __init__(self, message: str, path: Path | str | None = None, line: int = 1) -> None:
        self.line = line
        super().__init__(message, path)
