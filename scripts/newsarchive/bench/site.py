"""`newsarchive bench site`: our build against MkDocs' floor and Material's blog plugin.

For each size one synthetic archive is written, then three builds of the same articles
run one after another, each in a fresh interpreter measured from outside:
ours (`newsarchive build`, search index included), the floor (Material with no plugins,
articles out of the nav), Pagefind over the floor's output (so ours, which includes its
search index, is compared with the floor plus a search index) and the blog reference
(blog with categories = topics, tags for people, and search), as in
/work/shared/BENCHMARKS.md.
"""

from __future__ import annotations

import shutil
import sys
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

from .. import synthetic
from ..checkout import find_upward
from ..errors import NewsarchiveError
from ..slugs import slugify
from .measure import Measured, folder_bytes, measure

BUILDS = ("ours", "floor", "pagefind", "blog")
TOPIC_LABELS = dict(synthetic.TOPICS)


@dataclass(frozen=True)
class Build:
    """One measured build of one archive size."""

    size: int
    name: str
    measured: Measured | None  # None when skipped
    output_bytes: int


def write_project(root: Path, size: int, seed: int = 0, blog: bool = True) -> None:
    """The archive as our site sees it, plus the floor and (unless `blog` is false) blog
    configs over the same texts."""
    repo = find_upward("mkdocs.yml")
    if repo is None:
        raise NewsarchiveError("no mkdocs.yml here or above; run the benchmark in the checkout")
    docs = root / "docs"
    shutil.copytree(repo / "docs", docs, ignore=shutil.ignore_patterns("articles"))
    shutil.copy(repo / "mkdocs.yml", root / "mkdocs.yml")
    synthetic.write_registries(root / "data", seed)
    synthetic.write_archive(docs / "articles", size, seed)
    floor = root / "floor-docs"
    floor.mkdir()
    (floor / "index.md").write_text("# Archive\n", encoding="utf-8")
    (floor / "articles").symlink_to(docs / "articles")
    _dump(root / "floor.yml", _base("floor-docs", plugins=[], nav=["index.md"]))
    if not blog:
        return
    _write_blog(root / "blog-docs", size, seed)
    plugins = ["search", "tags", {"blog": {"blog_toc": True}}]
    _dump(root / "blog.yml", _base("blog-docs", plugins=plugins, nav=["index.md", "blog/index.md"]))


def _base(docs_dir: str, **settings: object) -> dict[str, object]:
    return {"site_name": "bench", "docs_dir": docs_dir, "theme": {"name": "material"}, **settings}


def _dump(path: Path, data: dict[str, object]) -> None:
    text = yaml.safe_dump(data, sort_keys=False)
    if data.get("nav") == ["index.md"]:
        text += "not_in_nav: |\n  /articles/\n"
    path.write_text(text, encoding="utf-8")


def _write_blog(docs: Path, size: int, seed: int) -> None:
    posts = docs / "blog" / "posts"
    posts.mkdir(parents=True)
    (docs / "index.md").write_text("# Archive\n", encoding="utf-8")
    (docs / "blog" / "index.md").write_text("# Blog\n", encoding="utf-8")
    for story in synthetic.make_stories(size, seed):
        meta = {
            "date": story.date,
            "categories": [TOPIC_LABELS[slug] for slug in story.topics],
            "tags": list(story.people),
        }
        head = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True)
        body = f"# {story.title}\n\n{synthetic.page_body(story)}\n"
        name = f"{slugify(story.title, 60)}-{story.index}.md"
        (posts / name).write_text(f"---\n{head}---\n\n{body}", encoding="utf-8")


def _command(name: str, site: Path) -> list[str]:
    if name == "ours":
        return [sys.executable, "-m", "newsarchive.cli", "build", "--site-dir", str(site)]
    if name == "pagefind":  # indexes the floor's output, as BENCHMARKS.md measures it
        return [sys.executable, "-m", "pagefind", "--site", str(site.parent / "site-floor")]
    config = f"{name}.yml"
    return [sys.executable, "-m", "mkdocs", "build", "-q", "-f", config, "-d", str(site)]


def run_build(root: Path, size: int, name: str) -> Build:
    """Build one site of the project at `root` and measure it."""
    site = root / f"site-{name}"
    measured = measure(_command(name, site), cwd=root)
    if name == "pagefind":
        site = root / "site-floor" / "pagefind"
    return Build(size, name, measured, folder_bytes(site) if site.is_dir() else 0)


def pick_words(size: int, seed: int = 0) -> tuple[str, str]:
    """(a word in the fewest articles, a word in the most), for the search download figure."""
    counts: Counter[str] = Counter()
    for story in synthetic.make_stories(size, seed):
        counts.update({w.lower() for w in synthetic.page_body(story).split() if w.isalpha()})
    words = sorted((n, w) for w, n in counts.items() if len(w) >= 5)
    return words[0][1], words[-1][1]


def _cell(build: Build, *others: Build | None) -> str:
    seconds = [o.measured.seconds for o in others if o is not None and o.measured is not None]
    if build.measured is None or len(seconds) < len(others):
        return "—"
    return f"{build.measured.seconds / sum(seconds):.2f}"


def render(builds: list[Build]) -> str:
    """The builds as a Markdown table, with ours/floor, ours/(floor + Pagefind) and blog/ours
    ratios per size."""
    lines = [
        "| size | build | seconds | peak MiB | output MB | ratio | status |",
        "| ---: | --- | ---: | ---: | ---: | --- | --- |",
    ]
    by_key = {(b.size, b.name): b for b in builds}
    for build in builds:
        ratio = ""
        if build.name == "ours":
            floor = by_key.get((build.size, "floor"))
            search = by_key.get((build.size, "pagefind"))
            ratio = (
                f"ours/floor {_cell(build, floor)}, "
                f"ours/(floor+pagefind) {_cell(build, floor, search)}"
            )
        elif build.name == "blog":
            ratio = f"blog/ours {_cell(build, by_key.get((build.size, 'ours')))}"
        if build.measured is None:
            lines.append(f"| {build.size} | {build.name} | skipped | | | | |")
            continue
        m = build.measured
        status = "ok" if m.returncode == 0 else f"exit {m.returncode}: {m.stderr_tail[-200:]}"
        status = " ".join(status.split()).replace("|", "/")
        lines.append(
            f"| {build.size} | {build.name} | {m.seconds:.1f} | {m.peak_mib:.0f} "
            f"| {build.output_bytes / 1e6:.1f} | {ratio} | {status} |"
        )
    return "\n".join(lines) + "\n"


def run_bench_site(
    sizes: list[int],
    skip_above: Mapping[str, int],
    scratch: Path,
    seed: int = 0,
    search: bool = True,
) -> str:
    """Write, build and measure each size in `scratch`; the report as Markdown. A build named
    in `skip_above` is skipped for larger sizes (the blog takes hours at 20k; one Pagefind
    pass over 100k pages needs more memory than the machine has)."""
    from .search import measure_queries

    builds: list[Build] = []
    for size in sizes:
        root = scratch / f"archive-{size}"
        write_project(root, size, seed, blog=size <= skip_above.get("blog", size))
        for name in BUILDS:
            if size > skip_above.get(name, size):
                builds.append(Build(size, name, None, 0))
                continue
            builds.append(run_build(root, size, name))
            # A long run (the blog at 20k takes tens of minutes) shows each row as it lands.
            print(render(builds[-1:]).splitlines()[-1], file=sys.stderr, flush=True)
    report = render(builds)
    largest = scratch / f"archive-{max(sizes)}" / "site-ours"
    if search and largest.is_dir():
        rare, common = pick_words(max(sizes), seed)
        report += f"\nsearch downloads at {max(sizes)} articles (empty cache, Chromium):\n\n"
        report += (
            "| word | page load kB | query kB | query requests |\n| --- | ---: | ---: | ---: |\n"
        )
        for figure in measure_queries(largest, [rare, common]):
            report += (
                f"| {figure.word} | {figure.page_bytes / 1000:.0f} "
                f"| {figure.query_bytes / 1000:.0f} | {figure.requests} |\n"
            )
    return report
