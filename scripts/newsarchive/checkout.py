"""Where the archive is: the checkout around the current folder, never this package's own
location (an installed newsarchive lives in site-packages, far from any archive)."""

from __future__ import annotations

from pathlib import Path


def find_upward(marker: str, start: Path | None = None) -> Path | None:
    """The nearest folder, from `start` (the current folder) up, that holds `marker`."""
    here = (start or Path.cwd()).resolve()
    return next((folder for folder in (here, *here.parents) if (folder / marker).exists()), None)
