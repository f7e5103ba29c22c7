"""Pages on disk: <out>/YYYY/MM/<slug>.md, written atomically and never clobbered.

A page's path never changes once written, so it is a permanent address. A new
page is linked into place (os.link fails if the name is taken), so two ingests
running at once cannot overwrite each other.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from . import frontmatter
from .errors import InputError, PageError
from .model import SLUG_MAX, Article
from .originals import is_original

# The digest line is read without parsing YAML, so indexing a large archive stays cheap.
_DIGEST_RE = re.compile(r"^input_sha256: ([0-9a-f]{64})\s*$", re.MULTILINE)
_HEAD_BYTES = 8192
TEMP_DIR = ".tmp"
TEMP_MAX_AGE = 600.0  # seconds; a live write takes milliseconds


def path_for(article: Article, out: Path) -> Path:
    """Where the page for `article` lives under the archive folder `out`."""
    # Not strftime's %Y: it writes year 999 as '999', a folder the archive index never reads.
    return out / f"{article.date.year:04d}" / f"{article.date.month:02d}" / f"{article.slug}.md"


def address_of(page: Path, out: Path) -> str:
    """A page's address, YYYY/MM/slug, from its path under the archive folder `out`."""
    return page.relative_to(out).with_suffix("").as_posix()


def render(article: Article, body: str) -> str:
    """The page text exactly as it is written."""
    return frontmatter.dumps(article.front_matter(), body)


def iter_pages(out: Path) -> Iterator[Path]:
    """Every article page under the archive folder, in path order (originals are not)."""
    if out.is_dir():
        found = out.glob("[0-9][0-9][0-9][0-9]/[0-9][0-9]/*.md")
        yield from sorted(p for p in found if not is_original(p))


def read_digest(page: Path) -> str | None:
    """The raw-input digest recorded in a page's front matter, if any."""
    with page.open("rb") as handle:
        head = handle.read(_HEAD_BYTES).decode("utf-8", "replace")
    match = _DIGEST_RE.search(head.split("\n---", 1)[0])
    return match.group(1) if match else None


def read_body(page: Path) -> str:
    """A page's Markdown body as the duplicate check compares it (all of it if unparsable)."""
    text = page.read_text(encoding="utf-8-sig", errors="replace")
    try:
        return frontmatter.split(text)[1]
    except PageError:
        return text


def index_digests(out: Path) -> dict[str, Path]:
    """Map raw-input digest to page for every page of the archive."""
    index: dict[str, Path] = {}
    for page in iter_pages(out):
        digest = read_digest(page)
        if digest is not None:
            index.setdefault(digest, page)
    return index


def _numbered(slug: str, number: int) -> str:
    suffix = f"-{number}"
    return slug[: SLUG_MAX - len(suffix)].rstrip("-") + suffix


def candidate_paths(article: Article, out: Path) -> Iterator[tuple[Article, Path]]:
    """The article at its own slug, then at -2, -3, ... for when the name is taken."""
    yield article, path_for(article, out)
    for number in range(2, 1000):
        numbered = article.model_copy(update={"slug": _numbered(article.slug, number)})
        yield numbered, path_for(numbered, out)


def _check_inside(path: Path, out: Path) -> None:
    # The model's slug pattern already forbids separators; this guards the join itself,
    # and links planted inside the archive (resolve() follows them).
    if path.resolve().is_relative_to(out.resolve()):
        return
    if Path(os.path.abspath(path)).is_relative_to(os.path.abspath(out)):
        raise InputError(f"page path {path} leads out of {out} through a link; remove it", path)
    raise InputError(f"page path {path} would fall outside {out}; check --out", path)


def _temp_folder(out: Path) -> Path:
    folder = out / TEMP_DIR
    # Temp files are written and swept here: a link would take both outside the archive.
    if folder.is_symlink():
        raise InputError(
            f"{TEMP_DIR} is a link; remove it, the ingest recreates the folder", folder
        )
    return folder


def sweep_temp(out: Path, older_than: float = TEMP_MAX_AGE) -> None:
    """Remove temp files that a killed run left behind (old enough not to be in use)."""
    folder = _temp_folder(out)
    if not folder.is_dir():
        return
    limit = time.time() - older_than
    for leftover in folder.iterdir():
        with contextlib.suppress(FileNotFoundError):
            if leftover.stat().st_mtime < limit:
                leftover.unlink()


def _temp_file(text: str, out: Path) -> Path:
    # One hidden folder, never *.md: a file left by a killed run is never taken for a page.
    folder = _temp_folder(out)
    folder.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(suffix=".partial", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(name)
        raise
    return Path(name)


def write_new(text: str, path: Path, out: Path, sync_folder: bool = True) -> bool:
    """Write `text` to a new file at `path`; False (nothing written) if the name is taken.

    A batch passes sync_folder=False and calls fsync_folders once at the end: the page's
    own bytes are always synced before it is linked, so a crash can lose a page, never
    leave half of one.
    """
    _check_inside(path, out)
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = _temp_file(text, out)
    try:
        os.link(temp, path)
    except FileExistsError:
        return False
    finally:
        temp.unlink()
    if sync_folder:
        fsync_folders({path.parent})
    return True


def replace(text: str, path: Path, out: Path, sync_folder: bool = True) -> None:
    """Atomically replace the file at `path`, keeping its permissions (--force, migrate)."""
    _check_inside(path, out)
    mode = stat.S_IMODE(path.stat().st_mode)
    temp = _temp_file(text, out)
    try:
        os.chmod(temp, mode)  # the temp file is private (0600); the page keeps its own mode
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
        raise
    if sync_folder:
        fsync_folders({path.parent})


def fsync_folders(folders: Iterable[Path]) -> None:
    """Make new directory entries durable."""
    for folder in folders:
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
