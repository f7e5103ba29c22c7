"""The one command line: `newsarchive ingest|migrate|validate|build|serve|eval|schema|bench`,
and the workflows' `review-comment` and `submit`.

Commands parse options, call the library and turn its errors into one-line messages.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import click

from . import overrides
from .errors import NewsarchiveError


class UsageExit(click.UsageError):
    """Usage errors exit 2, as click's own do."""


def _fail(exc: NewsarchiveError) -> click.ClickException:
    return click.ClickException(str(exc))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="newsarchive")
def cli() -> None:
    """Turn raw translated news articles into a clean, citable static archive."""


def fact_options(command: Callable[..., None]) -> Callable[..., None]:
    """One option per contributor fact, made from the model a sidecar is read with too
    (overrides.py): the same names, values and checks."""
    for key, info in reversed(overrides.FACTS.items()):
        name, parameter = f"--{key.replace('_', '-')}", f"fact_{key}"
        if key == "method":  # the choices shown, the model's check: a sidecar's words
            option = click.option(name, parameter, metavar=f"[{'|'.join(overrides.METHODS)}]")
        elif key == "reviewed":
            option = click.option(name, parameter, is_flag=True, default=None)
        else:
            metavar = {"date": "YYYY-MM-DD", "from": "LANG", "original": "PATH"}.get(key, "TEXT")
            option = click.option(name, parameter, metavar=metavar)
        command = option(command)
        command.__click_params__[-1].help = f"{info.description}."  # type: ignore[attr-defined]
    return command


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@fact_options
@click.option(
    "--out", type=click.Path(path_type=Path), default=Path("docs/articles"), show_default=True
)
@click.option(
    "--data-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Registries folder [default: ./data].",
)
@click.option("--dry-run", is_flag=True, help="Write nothing.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per article.")
@click.option(
    "--show-removed", is_flag=True, help="List each line taken out of each article (furniture)."
)
@click.option(
    "--force",
    is_flag=True,
    help="Rewrite the page made from this input; its added, updated, corrections and "
    "moved_from are kept.",
)
@click.option(
    "--allow-duplicate",
    is_flag=True,
    help="Archive an article even if its text repeats an archived page (a different story).",
)
@click.option(
    "--same-story",
    is_flag=True,
    help="Archive an article whose text repeats archived pages as another version of their "
    "story (another agency's, a corrected paste): its same_story lists them.",
)
@click.option("--jobs", type=click.IntRange(min=1), help="Worker processes [default: all cores].")
def ingest(paths: tuple[Path, ...], **options: object) -> None:
    """Normalise raw articles (.txt, .md, .html) into archive pages.

    A sidecar NAME.meta.yml beside a raw file supplies the same fields as the flags;
    flags win over the sidecar, which wins over what is extracted. A raw file archived
    before is recognised by its bytes; an article whose text repeats an archived page
    (the same text, or most of its word 3-grams) is refused unless --allow-duplicate (a
    different story) or --same-story (another version of the same story).

    Example: newsarchive ingest inbox/ --from fr --method machine
    """
    from .ingest import run_ingest

    facts = {key: options.pop(f"fact_{key}") for key in overrides.FACTS}
    try:
        code = run_ingest(list(paths), facts=facts, **options)  # type: ignore[arg-type]
    except NewsarchiveError as exc:
        raise UsageExit(str(exc)) from exc
    sys.exit(code)


@cli.command()
@click.option(
    "--archive", type=click.Path(path_type=Path), default=Path("docs/articles"), show_default=True
)
@click.option("--verbose", "-v", is_flag=True, help="Print each page filled and its day.")
def migrate(archive: Path, verbose: bool) -> None:
    """Fill in 'added' on pages that predate it (one-off; a second run changes nothing).

    Each page gets the day of the commit that first added its file (renames followed),
    or today if no commit holds it yet. Run it inside the archive's git clone.

    Example: newsarchive migrate --archive docs/articles --verbose
    """
    import datetime as dt

    from .migrate import run_migrate

    def show(page: Path, day: dt.date) -> None:
        click.echo(f"{page}: added {day.isoformat()}")

    try:
        done = run_migrate(archive, dt.date.today(), show if verbose else None)
    except NewsarchiveError as exc:
        raise _fail(exc) from exc
    for error in done.errors:
        click.echo(f"error: {error}", err=True)
    click.echo(done.summary())
    sys.exit(1 if done.errors else 0)


@cli.command()
@click.option("--strict", is_flag=True, help="Fail on unknown people/topics, bad links or pages.")
@click.option("--site-dir", type=click.Path(path_type=Path), help="Output folder [default: site].")
@click.option(
    "--config-file", type=click.Path(path_type=Path), default=Path("mkdocs.yml"), show_default=True
)
@click.option(
    "--site-url",
    metavar="URL",
    help="The published address, instead of mkdocs.yml's site_url (canonical, feed, sitemap).",
)
def build(strict: bool, site_dir: Path | None, config_file: Path, site_url: str | None) -> None:
    """Build the archive site, its feeds, export and search index.

    Example: newsarchive build --strict --site-dir public
    """
    from .website.build import build_site

    if site_url is not None and not site_url.startswith(("https://", "http://")):
        raise UsageExit(f"--site-url {site_url!r} must start with https:// or http://")
    try:
        build_site(config_file, site_dir=site_dir, strict=strict, site_url=site_url)
    except NewsarchiveError as exc:
        raise _fail(exc) from exc


@cli.command()
@click.option(
    "--dev-addr", metavar="HOST:PORT", help="Address to serve on [default: 127.0.0.1:8000]."
)
@click.option(
    "--config-file", type=click.Path(path_type=Path), default=Path("mkdocs.yml"), show_default=True
)
def serve(dev_addr: str | None, config_file: Path) -> None:
    """Preview the site with live reload: a change renders again only what it touches.

    Articles and registries are taken in incrementally (a new article's page, its neighbours,
    related articles, the lists, feeds and home page it belongs to); a change to mkdocs.yml,
    a template or another page rebuilds the whole site and says so.

    Example: newsarchive serve --dev-addr 127.0.0.1:8001
    """
    from .website.build import serve_site

    try:
        serve_site(config_file, dev_addr=dev_addr)
    except NewsarchiveError as exc:
        raise _fail(exc) from exc


@cli.command()
@click.option("--markdown", is_flag=True, help="Print the field table for CONTRIBUTING.md.")
@click.option("--write", is_flag=True, help="Update docs/article.schema.json and CONTRIBUTING.md.")
def schema(markdown: bool, write: bool) -> None:
    """Print the JSON Schema of the front matter, generated from the model."""
    from .model import json_schema
    from .reference import field_table, write_reference

    if write:
        try:
            updated = write_reference()
        except NewsarchiveError as exc:
            raise _fail(exc) from exc
        click.echo("".join(f"updated {path}\n" for path in updated) or "up to date")
        return
    click.echo(field_table() if markdown else json_schema(), nl=False)


@cli.command("eval")
@click.option(
    "--corpus",
    required=True,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Corpus root holding html_articles/, messy_text/, translated_news/.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON, not a table.")
@click.option(
    "--baseline",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="JSON floors; exit 1 when a score drops below its floor.",
)
def eval_(corpus: Path, as_json: bool, baseline: Path | None) -> None:
    """Score the normaliser on an external corpus, beside trafilatura.

    Example: newsarchive eval --corpus ../shared/corpus --baseline tests/eval_baseline.json
    """
    from .evaluate import run_eval

    try:
        report, problems = run_eval(corpus, as_json, baseline)
    except NewsarchiveError as exc:
        raise _fail(exc) from exc
    click.echo(report, nl=False)
    for problem in problems:
        click.echo(f"error: {problem}", err=True)
    sys.exit(1 if problems else 0)


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--changed-since", metavar="REF", help="Only pages changed since this git ref.")
@click.option("--format", "style", type=click.Choice(["text", "github"]), default="text")
@click.option("--archive", type=click.Path(path_type=Path), default=Path("docs/articles"))
@click.option(
    "--data-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Registries folder [default: ./data].",
)
def validate(
    paths: tuple[Path, ...], changed_since: str | None, style: str, archive: Path, data_dir: Path
) -> None:
    """Check pages against the model, the registries and the site's safety rules.

    Prints FILE:LINE: problem; fix for every problem, then a summary; exits 1 on errors.

    Example: newsarchive validate --changed-since origin/main
    """
    from .registry import default_data_dir
    from .validate import render, validate_pages

    try:
        report = validate_pages(
            paths,
            archive=archive,
            changed_since=changed_since,
            data_dir=data_dir or default_data_dir(),
        )
    except NewsarchiveError as exc:
        raise _fail(exc) from exc
    click.echo("\n".join(render(report, style)))  # type: ignore[arg-type]
    sys.exit(1 if report.errors else 0)


@cli.command("review-comment")
@click.option("--changed-since", required=True, metavar="REF", help="The pull request's base.")
@click.option("--preview-url", metavar="URL", help="Where the built site can be downloaded.")
@click.option("--archive", type=click.Path(path_type=Path), default=Path("docs/articles"))
@click.option(
    "--data-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Registries folder [default: ./data].",
)
def review_comment(
    changed_since: str, preview_url: str | None, archive: Path, data_dir: Path | None
) -> None:
    """Print the pull request's review comment (Markdown): for each article added or changed,
    its front matter, provisional fields, what the cleaner removed and validation findings.

    Example: newsarchive review-comment --changed-since origin/main > comment.md
    """
    from .registry import default_data_dir
    from .review import review_comment as make

    try:
        text = make(
            changed_since,
            archive=archive,
            data_dir=data_dir or default_data_dir(),
            preview=preview_url,
        )
    except NewsarchiveError as exc:
        raise _fail(exc) from exc
    click.echo(text, nl=False)


@cli.command()
@click.option(
    "--event",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="The workflow's event file ($GITHUB_EVENT_PATH): the issue's body, number, author.",
)
@click.option(
    "--body-file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="The issue body, instead of --event.",
)
@click.option("--issue", type=click.IntRange(min=1), help="The issue number, with --body-file.")
@click.option("--author", default="a contributor", help="Who filled the form, with --body-file.")
@click.option(
    "--result",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help="Folder for comment.md, outputs, and for a page its bundle and pull-request text.",
)
def submit(
    event: Path | None, body_file: Path | None, issue: int | None, author: str, result: Path
) -> None:
    """Turn a filled 'Submit an article' issue form into a page committed on a new branch
    (submission/issue-N), or a one-line refusal; writes the issue comment either way.

    Example: newsarchive submit --event "$GITHUB_EVENT_PATH" --result "$RUNNER_TEMP/submission"
    """
    from .checkout import find_upward
    from .submission import FORM, read_event, write_result
    from .submission import submit as run

    if (event is None) == (body_file is None) or (body_file is not None and issue is None):
        raise UsageExit("give --event, or --body-file with --issue")
    root = find_upward(str(FORM))
    if root is None:
        raise UsageExit(f"no {FORM} here or above; run it in the archive's checkout")
    try:
        if event is not None:
            body, issue, author = read_event(event)
        else:
            assert body_file is not None and issue is not None
            body = body_file.read_text(encoding="utf-8", errors="replace")
        done = run(body, issue, author, root, FORM)
        write_result(done, root, result)
    except NewsarchiveError as exc:
        raise _fail(exc) from exc
    click.echo(f"{done.status}{' ' + done.branch if done.branch else ''}")


@cli.group()
def bench() -> None:
    """Benchmarks: speed and size figures, measured (never part of the tests)."""


@bench.command("validate")
@click.option("--pages", type=click.IntRange(min=2), default=20_000, show_default=True)
def bench_validate(pages: int) -> None:
    """Time validate on a synthetic archive: one changed page, then the whole archive."""
    from .bench.validate import run_bench

    for line in run_bench(pages):
        click.echo(line)


@bench.command("ingest")
@click.option("-n", "--count", default=2000, show_default=True, type=click.IntRange(min=1))
@click.option("--jobs", type=click.IntRange(min=1), help="Worker processes [default: all cores].")
@click.option("--seed", default=0, show_default=True, help="Seed of the synthetic articles.")
@click.option("--profile", is_flag=True, help="Also profile 200 inputs of each kind on one core.")
def bench_ingest(count: int, jobs: int | None, seed: int, profile: bool) -> None:
    """Ingest N synthetic pastes and N synthetic HTML pages; print articles/s and peak memory.

    Example: newsarchive bench ingest -n 2000 --profile
    """
    import os

    from .bench.ingest import run_bench_ingest

    click.echo(run_bench_ingest(count, jobs or os.cpu_count() or 1, seed, profile), nl=False)


@bench.command("limits")
def bench_limits() -> None:
    """Feed each hostile input to a fresh process; print its outcome, seconds and peak memory.

    Example: newsarchive bench limits
    """
    from .bench.limits import run_bench_limits

    click.echo(run_bench_limits(), nl=False)


@bench.command("preview")
@click.option("--sizes", default="1000,5000,20000", show_default=True, help="Archive sizes.")
@click.option("--seed", default=0, show_default=True, help="Seed of the synthetic archive.")
def bench_preview(sizes: str, seed: int) -> None:
    """Time the preview's update after an article is added, edited and deleted.

    Example: newsarchive bench preview --sizes 1000
    """
    from .bench.preview import run_bench_preview

    try:
        numbers = [int(size) for size in sizes.split(",")]
    except ValueError:
        raise UsageExit(f"--sizes {sizes!r} must be numbers separated by commas") from None
    click.echo(run_bench_preview(numbers, seed), nl=False)


@bench.command("site")
@click.option("--sizes", default="1000,5000,20000", show_default=True, help="Archive sizes.")
@click.option("--skip-blog-above", default=5000, show_default=True, help="Blog build size limit.")
@click.option(
    "--skip-pagefind-above",
    default=20000,
    show_default=True,
    help="Size limit of Pagefind over the floor (one pass holds every page in memory).",
)
@click.option("--seed", default=0, show_default=True, help="Seed of the synthetic archive.")
@click.option("--no-search", is_flag=True, help="Skip the Chromium search download figure.")
def bench_site(
    sizes: str, skip_blog_above: int, skip_pagefind_above: int, seed: int, no_search: bool
) -> None:
    """Build synthetic archives four ways (ours, floor, Pagefind over the floor, Material
    blog); time and size them.

    Example: newsarchive bench site --sizes 1000 --skip-blog-above 1000
    """
    import tempfile

    from .bench.site import run_bench_site

    try:
        numbers = [int(size) for size in sizes.split(",")]
    except ValueError:
        raise UsageExit(f"--sizes {sizes!r} must be numbers separated by commas") from None
    skip_above = {"blog": skip_blog_above, "pagefind": skip_pagefind_above}
    with tempfile.TemporaryDirectory(prefix="newsarchive-bench-") as scratch:
        click.echo(run_bench_site(numbers, skip_above, Path(scratch), seed, not no_search))


if __name__ == "__main__":
    cli()
