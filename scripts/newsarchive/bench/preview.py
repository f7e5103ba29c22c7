"""`newsarchive bench preview`: how long the preview takes to show a change.

For each size a synthetic archive is built once by the preview (a full build), then three
changes are made as a contributor would: a new article (a story of the archive's own
kind, dated in its busiest year), an edit of its headline, and its deletion. Each is timed
from the moment the file is written until the preview has written every page, list, feed
and map that shows it (`Preview.refresh`); the file watcher's own poll (MkDocs' live
reload: 0.5 s) comes on top. "searchable" is the time until its background delta index is
written too (the pages are served before it).
"""

from __future__ import annotations

import dataclasses
import tempfile
import time
from pathlib import Path

from .. import frontmatter, synthetic, writer
from ..slugs import slugify
from ..website.preview import Preview, Update
from .site import write_project


@dataclasses.dataclass(frozen=True)
class Row:
    """One size: the full build, then each change."""

    size: int
    full: float
    changes: list[tuple[str, Update, float]]  # (change, pages updated, searchable after s)


def _refresh(preview: Preview) -> tuple[Update, float]:
    start = time.perf_counter()
    update = preview.refresh()
    preview.wait_for_search()
    return update, time.perf_counter() - start


def _new_article(docs: Path, size: int, seed: int) -> Path:
    """One more story of the same generator, written where ingest would put it."""
    story = synthetic.make_stories(size + 1, seed)[-1]
    article = synthetic.to_article(story, slugify(story.title, 70))
    _, path = next((a, p) for a, p in writer.candidate_paths(article, docs) if not p.exists())
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(writer.render(article, synthetic.page_body(story)), encoding="utf-8")
    return path


def measure_size(size: int, seed: int = 0) -> Row:
    """Build one archive in a preview and time three changes to it."""
    with tempfile.TemporaryDirectory(prefix="newsarchive-bench-") as scratch:
        root = Path(scratch)
        write_project(root, size, seed)
        preview = Preview(root / "mkdocs.yml", root / "site")
        full = preview.build().seconds
        changes = []
        page = _new_article(root / "docs" / "articles", size, seed)
        changes.append(("add an article", *_refresh(preview)))
        front, body = frontmatter.loads(page.read_text(encoding="utf-8"))
        front["title"] = f"Update: {front['title']}"
        page.write_text(frontmatter.dumps(front, body), encoding="utf-8")
        changes.append(("edit its headline", *_refresh(preview)))
        page.unlink()
        changes.append(("delete it", *_refresh(preview)))
    return Row(size, full, changes)


def render(rows: list[Row]) -> str:
    """The figures as a Markdown table."""
    lines = [
        "| articles | full build s | change | kind | pages s | pages rendered | searchable s |",
        "| ---: | ---: | --- | --- | ---: | ---: | ---: |",
    ]
    for row in rows:
        for name, update, searchable in row.changes:
            lines.append(
                f"| {row.size} | {row.full:.1f} | {name} | {update.kind} | "
                f"{update.seconds:.2f} | {update.pages} | {searchable:.2f} |"
            )
    return "\n".join(lines) + "\n"


def run_bench_preview(sizes: list[int], seed: int = 0) -> str:
    """Measure each size; the table."""
    return render([measure_size(size, seed) for size in sizes])
