"""`newsarchive build` and `newsarchive serve`: MkDocs with our plugin, errors made one line."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import SiteError


class _Collect(logging.Handler):
    """Keeps the build's warnings (each names a file) and errors, for the failure message."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.warnings: list[str] = []
        self.errors: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        found = self.warnings if record.levelno == logging.WARNING else self.errors
        found.append(record.getMessage())


@contextmanager
def _mkdocs_logging(verbose: bool) -> Iterator[_Collect]:
    logger = logging.getLogger("mkdocs")
    collect, show = _Collect(), logging.StreamHandler()
    show.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    show.setLevel(logging.INFO if verbose else logging.WARNING)
    previous = logger.level
    logger.setLevel(logging.INFO)
    logger.addHandler(collect)
    logger.addHandler(show)
    try:
        yield collect
    finally:
        logger.removeHandler(collect)
        logger.removeHandler(show)
        logger.setLevel(previous)


def build_site(
    config_file: Path,
    *,
    site_dir: Path | None = None,
    strict: bool = False,
    verbose: bool = True,
    site_url: str | None = None,
) -> None:
    """Build the site (pages, feeds, export, search index) into site_dir; `site_url`, when
    given, replaces mkdocs.yml's (a fork's Pages address, from the Pages settings)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    overrides = {"site_dir": str(site_dir)} if site_dir is not None else {}
    if site_url is not None:
        overrides["site_url"] = site_url
    with _mkdocs_logging(verbose) as collect:
        try:
            config = load_config(str(config_file), strict=strict, **overrides)
            build(config)
        except ConfigurationError as exc:
            raise SiteError(f"invalid site configuration: {exc}", config_file) from exc
        except Abort as exc:
            first = next(iter(collect.warnings + collect.errors), str(exc))
            more = len(collect.warnings) - 1
            extra = f" (and {more} more, listed above)" if more > 0 else ""
            raise SiteError(f"build failed: {first}{extra}") from exc


def serve_site(config_file: Path, *, dev_addr: str | None = None) -> None:
    """Serve a live-reloading preview: each change renders again only what it touches."""
    from mkdocs.exceptions import Abort, ConfigurationError

    from .preview import serve_preview

    host, _, port = (dev_addr or "127.0.0.1:8000").rpartition(":")
    if not host or not port.isdigit():
        raise SiteError(f"--dev-addr {dev_addr!r} is not HOST:PORT; use e.g. 127.0.0.1:8000")
    with _mkdocs_logging(verbose=True):
        try:
            serve_preview(config_file, host, int(port))
        except (Abort, ConfigurationError) as exc:
            raise SiteError(f"cannot serve: {exc}", config_file) from exc
