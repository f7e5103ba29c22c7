"""`newsarchive ingest`: raw files in, archive pages out.

Workers read, clean and enrich in parallel; the main process alone writes pages and
registry entries, so slug clashes, duplicates and new people are settled in one place.
A raw file already archived is recognised by its digest before anything else is asked
of it; a new article that repeats an archived one (validate's duplicate rule) is refused.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import json
import multiprocessing
import os
from collections.abc import Hashable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from pydantic import ValidationError
from rich.console import Console
from rich.progress import Progress

from . import cleaner, duplicates, frontmatter, originals, readers, writer
from .enrich import Enriched, enrich
from .enrich.language import detect_language
from .errors import InputError, NewsarchiveError, PageError, one_line
from .explain import model_error
from .model import Article
from .overrides import Overrides, overrides_from
from .registry import (
    FILES,
    Entity,
    Registries,
    append_entities,
    default_data_dir,
    load_registries,
)


@dataclass(frozen=True)
class Normalised:
    """A worker's answer for one input: an enriched article or a one-line error."""

    source: Path
    enriched: Enriched | None = None
    digest: str = ""  # of the raw bytes; known once the file was read, even if it failed later
    error: str | None = None
    removed: tuple[str, ...] = ()  # what the cleaner took out, for a reviewer to check
    # The page body's fingerprint for the duplicate check, made here on a worker's core.
    fingerprint: duplicates.Fingerprint | None = None
    original: OriginalText | None = None  # the original-language text, when one was given


@dataclass(frozen=True)
class OriginalText:
    """The original of a translation, read and cleaned as the article was, ready to write."""

    front: originals.Original
    body: str

    def text(self) -> str:
        return originals.render(self.front, self.body)


def flag_of(key: str) -> str:
    """The ingest flag for a sidecar key: 'original_url' -> '--original-url'."""
    return "--" + key.replace("_", "-")


def parse_flags(facts: Mapping[str, object]) -> Overrides:
    """Check the command-line facts (by sidecar key); a bad one is an error naming the flag."""
    return overrides_from(facts, flag_of)


def is_raw_input(name: str) -> bool:
    """A file a folder walk takes as an article: a raw file's suffix, not hidden, and not the
    folder's README (inbox/README.md explains the folder)."""
    path = Path(name)
    return (
        path.suffix.lower() in readers.SUFFIXES
        and not path.name.startswith(".")
        and path.stem.upper() != "README"
    )


def collect_inputs(paths: Iterable[Path], out: Path) -> list[Path]:
    """The raw files named or found in folders; symlinks never lead out of a folder."""
    found: list[Path] = []
    out_resolved = out.resolve()
    for path in paths:
        if not path.is_dir():
            found.append(path)
            continue
        root = path.resolve()
        for folder, dirs, files in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                candidate = Path(folder) / name
                if not is_raw_input(name):
                    continue
                resolved = candidate.resolve()
                if not resolved.is_relative_to(root) or resolved.is_relative_to(out_resolved):
                    continue
                found.append(candidate)
    named = _originals_named(found)
    return [path for path in dict.fromkeys(found) if path.resolve() not in named]


def _originals_named(inputs: list[Path]) -> set[Path]:
    """The raw originals the inputs' sidecars name: read with their article, never alone."""
    named: set[Path] = set()
    for path in inputs:
        sidecar = readers.sidecar_for(path)
        if not sidecar.is_file():
            continue
        try:
            original = readers.read_sidecar(sidecar).original
        except NewsarchiveError:
            continue  # said when the article itself is read
        if original:
            named.add(Path(original).resolve())
    return named


_registries: Registries | None = None


def _init_worker(registries: Registries) -> None:
    global _registries
    _registries = registries


def normalise(
    path: Path, flags: Overrides, registries: Registries, added: dt.date | None = None
) -> Normalised:
    """Read, clean and enrich one raw file; errors come back as one line."""
    digest = ""
    try:
        raw = readers.read_file(path)
        digest = raw.digest
        sidecar = readers.sidecar_for(path)
        overrides = flags.over(readers.read_sidecar(sidecar)) if sidecar.is_file() else flags
        clean = cleaner.clean(raw, registries)
        enriched = enrich(clean, overrides, registries, added)
        original = None
        if overrides.original:
            original = _original(Path(overrides.original), enriched, registries)
    except NewsarchiveError as exc:
        return Normalised(path, digest=digest, error=str(exc))
    except Exception as exc:  # a bug must not stop the batch or show a traceback
        message = f"{path}: could not be read ({type(exc).__name__}: {exc}); please report this"
        return Normalised(path, digest=digest, error=message.splitlines()[0])
    fingerprint = duplicates.fingerprint(frontmatter.written_body(enriched.body))
    return Normalised(
        path, enriched, digest, removed=clean.removed, fingerprint=fingerprint, original=original
    )


def _original(path: Path, enriched: Enriched, registries: Registries) -> OriginalText:
    """The original-language file, read and cleaned like the article, in the language the
    translation says it came from."""
    translation = enriched.article.translation
    if translation is None:
        raise InputError(
            "an original is given, but the article is not a translation; "
            "give its language with --from (or 'from:' in the sidecar)",
            path,
        )
    raw = readers.read_file(path)
    clean = cleaner.clean(raw, registries)
    body = frontmatter.written_body(clean.body())
    sample = "\n".join(b.text for b in clean.blocks if b.kind == "paragraph")
    found = detect_language(sample, raw.language, registries.languages)
    if not body or found is None:
        raise InputError("no text found in the original; check that the file holds it", path)
    if found == enriched.article.language:
        raise InputError(
            f"the original reads as {registries.languages.name_of(found)}, the language of the "
            "translation itself; give the original-language file",
            path,
        )
    front = originals.Original(language=translation.from_, input_sha256=raw.digest)
    return OriginalText(front, body)


def _normalise_in_worker(job: tuple[Path, Overrides, dt.date]) -> Normalised:
    assert _registries is not None
    return normalise(job[0], job[1], _registries, job[2])


def normalise_all(
    inputs: list[Path], flags: Overrides, registries: Registries, jobs: int, added: dt.date
) -> Iterator[Normalised]:
    """Normalise every input, in input order, on `jobs` processes; all are `added` that day."""
    work = [(path, flags, added) for path in inputs]
    # Windows has no fork (workers would start without the registries): one process there.
    if jobs <= 1 or len(work) <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        yield from (normalise(path, flags, registries, added) for path, flags, added in work)
        return
    context = multiprocessing.get_context("fork")
    chunk = max(1, min(16, len(work) // (jobs * 8)))
    with context.Pool(jobs, initializer=_init_worker, initargs=(registries,)) as pool:
        yield from pool.imap(_normalise_in_worker, work, chunksize=chunk)


@dataclass
class Outcome:
    """What happened to one article."""

    status: str  # "archived" | "already archived" | "would archive" | "rewritten"
    path: Path
    article: Article | None  # None: archived before, and the raw file no longer reads as one
    body: str = ""
    original: Path | None = None  # where its original is (or would be) written


def duplicates_at_the_door(
    items: list[Normalised], out: Path, known: dict[str, Path], same_story: bool = False
) -> dict[int, InputError | Path | list[str]]:
    """Validate's duplicate rule, before anything is written: for each new article that
    repeats an archived page or an earlier article of this run, the refusal, or the page
    when it was made from the same raw file (another ingest archived it at the same time),
    or with `same_story` the addresses of the archived pages it is another version of.

    All of the run's articles are checked in one pass over the archive (duplicates.compare),
    so the archive's bodies are read once however many articles arrive.
    """
    bodies = {
        index: frontmatter.written_body(item.enriched.body)
        for index, item in enumerate(items)
        if item.enriched is not None and known.get(item.digest) is None
    }
    if not bodies:
        return {}
    pages = list(writer.iter_pages(out))

    def load(key: Hashable) -> str:
        return bodies[key] if isinstance(key, int) else writer.read_body(cast(Path, key))

    everything = itertools.chain(((page, writer.read_body(page)) for page in pages), bodies.items())
    found: dict[int, InputError | Path | list[str]] = {}
    known = {index: items[index].fingerprint for index in bodies if items[index].fingerprint}
    for index, matches in duplicates.compare(dict(bodies), everything, load, known).items():
        item = items[cast(int, index)]
        versions: list[str] = []
        for other, score, exact in matches:
            if isinstance(other, int):
                if other > index:
                    continue  # of two articles of the run, the later one is refused
                said = f"same story as {items[other].source} in this run"
            elif writer.read_digest(cast(Path, other)) == item.digest:
                found[cast(int, index)] = cast(Path, other)
                break
            elif same_story:
                versions.append(writer.address_of(cast(Path, other), out))
                continue
            else:
                said = f"already archived as {other}"
            how = "same text" if exact else f"near duplicate: {score:.0%} of word 3-grams shared"
            found[cast(int, index)] = InputError(
                f"{said} ({how}); nothing written; "
                "pass --allow-duplicate if it is a different story, or --same-story if it is "
                "another version of it (after the first, for two of one run)",
                item.source,
            )
            break
        else:
            if versions:
                found[cast(int, index)] = sorted(versions)
    return found


def _as_version(item: Normalised, addresses: list[str]) -> Normalised:
    """The article as another version of the story told by the pages at `addresses`."""
    assert item.enriched is not None
    article = item.enriched.article.model_copy(update={"same_story": addresses})
    return dataclasses.replace(item, enriched=dataclasses.replace(item.enriched, article=article))


# What --force keeps of the page it rewrites: the page's history, which a person recorded.
HISTORY = ("added", "updated", "corrections", "moved_from")


def _with_history(article: Article, page: Path, source: Path) -> Article:
    try:
        data = frontmatter.loads(page.read_text(encoding="utf-8-sig"))[0]
    except (PageError, UnicodeDecodeError) as exc:
        reason = exc.message if isinstance(exc, PageError) else "not UTF-8 text"
        raise InputError(
            f"--force keeps the history of {page}, which cannot be read ({reason}); fix it first",
            source,
        ) from None
    if "added" not in data:
        raise InputError(
            f"{page} has no 'added' line; run 'newsarchive migrate', then --force again", source
        )
    kept = {key: data[key] for key in HISTORY if key in data}
    try:
        return Article.model_validate({**article.model_dump(by_alias=True), **kept})
    except ValidationError as exc:
        raise InputError(
            f"--force keeps the history of {page}, but its "
            f"{model_error(exc.errors()[0], Article)}; fix it first",
            source,
        ) from None


def place(
    item: Normalised,
    out: Path,
    known: dict[str, Path],
    force: bool,
    dry_run: bool,
) -> Outcome:
    """Write one article, or find it already archived; never overwrite without --force."""
    digest = item.digest
    existing = known.get(digest) if digest else None
    if existing is not None and not force:  # before the article itself is required
        enriched = item.enriched
        return Outcome(
            "already archived",
            existing,
            enriched.article if enriched else None,
            frontmatter.written_body(enriched.body) if enriched else "",
        )
    if item.error is not None or item.enriched is None:
        raise InputError(item.error or "could not be read; please report this")
    article = item.enriched.article.model_copy(update={"input_sha256": digest})
    body = frontmatter.written_body(item.enriched.body)
    if existing is not None:
        article = _with_history(
            article.model_copy(update={"slug": existing.stem}), existing, item.source
        )
        if writer.path_for(article, out) != existing:
            raise InputError(
                f"--force would move the page from {existing} to a new date; "
                "edit that page by hand instead",
                item.source,
            )
        beside = None
        if item.original is not None:
            beside = originals.original_path(existing, item.original.front.language)
        if not dry_run:
            writer.replace(writer.render(article, body), existing, out)
            if item.original is not None and beside is not None and beside.exists():
                writer.replace(item.original.text(), beside, out)
            elif item.original is not None and beside is not None:
                writer.write_new(item.original.text(), beside, out)
        return Outcome("rewritten", existing, article, body, beside)
    original = item.original
    for candidate, path in writer.candidate_paths(article, out):
        beside = originals.original_path(path, original.front.language) if original else None
        if beside is not None and beside.exists() and not path.exists():
            continue  # a stray original holds the name: its translation goes elsewhere
        if dry_run:
            if not path.exists():
                return Outcome("would archive", path, candidate, body, beside)
            continue
        if writer.write_new(writer.render(candidate, body), path, out, sync_folder=False):
            known[digest] = path
            if original is not None and beside is not None:
                writer.write_new(original.text(), beside, out, sync_folder=False)
            return Outcome("archived", path, candidate, body, beside)
        if writer.read_digest(path) == digest:  # a parallel ingest wrote it first
            return Outcome("already archived", path, candidate, body)
    raise InputError("every numbered slug is taken; pass a different --title", out)


def _new_people(found: list[Enriched], registries: Registries) -> list[Entity]:
    # Already-archived pages count too: a run killed before this step left their people out.
    people: dict[str, Entity] = {}
    for enriched in found:
        for person in enriched.new_people:
            if person.name not in registries.people:
                people.setdefault(person.name, person)
    return list(people.values())


def _json_line(outcome: Outcome, removed: tuple[str, ...]) -> str:
    record = {
        "path": str(outcome.path),
        "status": outcome.status,
        "front_matter": outcome.article.front_matter() if outcome.article else None,
        "body": outcome.body,
        "removed": list(removed),
        "original": str(outcome.original) if outcome.original else None,
    }
    return json.dumps(record, ensure_ascii=False, default=str)


def run_ingest(
    paths: list[Path],
    *,
    facts: Mapping[str, object] | None = None,
    out: Path = Path("docs/articles"),
    data_dir: Path | None = None,
    dry_run: bool = False,
    as_json: bool = False,
    force: bool = False,
    allow_duplicate: bool = False,
    same_story: bool = False,
    jobs: int | None = None,
    show_removed: bool = False,
) -> int:
    """Ingest `paths`; returns the exit code (0 all archived, 1 any failed).

    `facts` are the contributor's flags by sidecar key (title, date, from, ...)."""
    today = dt.date.today()  # one clock: every article of the run is added the same day
    flags = parse_flags({key: value for key, value in (facts or {}).items() if value is not None})
    registries = load_registries(data_dir or default_data_dir())
    inputs = collect_inputs(paths, out)
    if flags.original:  # read with its article, never as one
        inputs = [path for path in inputs if path.resolve() != Path(flags.original).resolve()]
    if not inputs:
        raise NewsarchiveError("no .txt, .md, .html or .htm files found in the given paths")
    if (flags.title or flags.date or flags.url or flags.original) and len(inputs) > 1:
        raise NewsarchiveError(
            "--title, --date, --url and --original describe one article; "
            "give one file, or use sidecars"
        )
    console = Console(stderr=True, highlight=False, soft_wrap=True)
    show_bar = console.is_terminal and any(p.is_dir() for p in paths)
    writer.sweep_temp(out)
    known = writer.index_digests(out)
    done: list[Outcome] = []
    found: list[Enriched] = []
    failed = 0
    with Progress(console=console, transient=True, disable=not show_bar) as progress:
        task = progress.add_task("reading", total=len(inputs))
        items = []
        for item in normalise_all(inputs, flags, registries, jobs or os.cpu_count() or 1, today):
            progress.advance(task)
            items.append(item)
    refused = {} if allow_duplicate else duplicates_at_the_door(items, out, known, same_story)
    for index, item in enumerate(items):
        try:
            verdict = refused.get(index)
            if isinstance(verdict, InputError):
                raise verdict
            if isinstance(verdict, list):
                item = _as_version(item, verdict)
                verdict = None
            if verdict is not None:
                outcome = Outcome("already archived", verdict, None)
            else:
                outcome = place(item, out, known, force, dry_run)
        except NewsarchiveError as exc:
            failed += 1
            console.print(f"error: {exc}", markup=False)
            continue
        done.append(outcome)
        where = "at " if outcome.status == "already archived" else ""
        made = outcome.article.provisional if outcome.article else []  # a person confirms
        shown = "".join(f' [provisional {f}: "{getattr(outcome.article, f)}"]' for f in made)
        console.print(f"{outcome.status} {where}{outcome.path}{shown}", markup=False)
        if outcome.original is not None:
            console.print(f"  original: {outcome.original}", markup=False)
        if show_removed:  # each on its own line, so a lost sentence stands out
            for text in item.removed:
                console.print(f"  removed: {one_line(text)}", markup=False)
        if as_json:
            print(_json_line(outcome, item.removed), flush=True)
        if item.enriched is not None:
            found.append(item.enriched)
            for warning in item.enriched.warnings:
                console.print(f"warning: {item.source}: {warning}", markup=False)
    writer.fsync_folders({o.path.parent for o in done if o.status == "archived"})
    people = _new_people(found, registries)
    if people:
        people_file = registries.data_dir / FILES["people"]
        if not dry_run:
            people = append_entities(people_file, people)
        for person in people:
            role = f" ({person.role})" if person.role else ""
            verb = "would add" if dry_run else "added"
            console.print(
                f"{verb} {person.name}{role} to {people_file}; check it in your pull request",
                markup=False,
            )
    archived = sum(1 for o in done if o.status != "already archived")
    already = len(done) - archived
    console.print(f"{archived} archived, {already} already archived, {failed} failed", markup=False)
    return 1 if failed else 0
