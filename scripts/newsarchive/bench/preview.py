"""`newsarchive bench preview`: how long the preview takes to show a change.

For each size a synthetic archive is built once by the preview (a full build), then three
changes are made as a contributor would: a new article (a story of the archive's own
kind, dated in its busiest year), an edit of its headline, and its deletion. Each is timed
from the moment the file is written until the preview has written every page, list, feed
and map that shows it (`Preview.refresh`); the file watcher's own poll (MkDocs' live
reload: 0.5 s) comes on top.
"""

from __future__ import annotations

import dataclasses
import tempfile
from pathlib import Path

import yaml

from .. import frontmatter, synthetic, writer
from ..slugs import slugify
from ..website.preview import Preview, Update
from .site import write_project


@dataclasses.dataclass(frozen=True)
class Row:
    """One size: the full build, then each change."""

    size: int
    full: float
    changes: list[tuple[str, Update]]


def _project(root: Path, size: int, seed: int) -> Path:
    write_project(root, size, seed)
    config = root / "mkdocs.yml"
    data = yaml.safe_load(config.read_text(encoding="utf-8"))
    data["plugins"][0]["newsarchive"]["search"] = False  # pages only: the index is apart
    config.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return config


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
        config = _project(root, size, seed)
        preview = Preview(config, root / "site")
        full = preview.build().seconds
        changes = []
        page = _new_article(root / "docs" / "articles", size, seed)
        changes.append(("add an article", preview.refresh()))
        front, body = frontmatter.loads(page.read_text(encoding="utf-8"))
        front["title"] = f"Update: {front['title']}"
        page.write_text(frontmatter.dumps(front, body), encoding="utf-8")
        changes.append(("edit its headline", preview.refresh()))
        page.unlink()
        changes.append(("delete it", preview.refresh()))
    return Row(size, full, changes)


def render(rows: list[Row]) -> str:
    """The figures as a Markdown table."""
    lines = [
        "| articles | full build s | change | kind | seconds | pages rendered |",
        "| ---: | ---: | --- | --- | ---: | ---: |",
    ]
    for row in rows:
        for name, update in row.changes:
            lines.append(
                f"| {row.size} | {row.full:.1f} | {name} | {update.kind} | "
                f"{update.seconds:.2f} | {update.pages} |"
            )
    return "\n".join(lines) + "\n"


def run_bench_preview(sizes: list[int], seed: int = 0) -> str:
    """Measure each size; the table."""
    return render([measure_size(size, seed) for size in sizes])
