"""`newsarchive eval`: score the normaliser on an external corpus, beside trafilatura.

Each (set, field) pair is one row: how many items carry that truth, the share we get
right, the share trafilatura gets right on the same saved pages, and notes that say
where a miss is the annotation's rather than the extractor's. `--baseline` turns the
scores into a gate, like trafilatura's own tests/eval_gate.py.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import tempfile
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..registry import Registries, Topic, load_registries
from .corpus import Item, iter_items
from .run import Extraction, run_ours, run_trafilatura
from .score import (
    as_list,
    contains,
    paragraphs_found,
    person_matches,
    same_place,
    same_title,
    split_names,
    token_overlap,
)
from .topics import wanted_topics, write_lead_copy

# What a field's score means, where the number alone would mislead.
FIELD_NOTES = {
    "byline": "names compared as a set, case-folded; agency credits set aside",
    "date": "refused = no date found, so ingest would ask for --date",
    "people_recall": "truth 'james-baker' matches a name holding every token",
    "people_precision": "truth tags only the story's subjects; quoted people count as misses",
    "dateline": "place only; the city alone also counts",
    "body_f1": "token bag F1 of our body vs articleBody (mean per page)",
    "paragraphs_found": "truth paragraphs whose words appear in order in our body",
    "title_is_segment_1": "WMT segment 1 is the headline",
    "handled_whole": "not refused (date given: WMT has none), language right, >= 95% of the "
    "headline's and sentences' words in title + body, first sentence in the body",
    "topic_match": "an assigned topic (at most 3) files the labelled category",
    "lead_topic_match": "the same, from the headline and a 30-60 word lead only",
    "topics_per_article": "mean number of topics assigned (not a share)",
    "lead_topics_per_article": "mean number of topics assigned (not a share)",
}


@dataclass
class Row:
    """One table row: sums of per-unit scores, divided only when shown."""

    n: int = 0
    ours: float = 0.0
    theirs: float | None = None
    notes: Counter[str] = field(default_factory=Counter)

    def add(self, ours: float, theirs: float | None = None, *notes: str) -> None:
        """Count one scored unit (an item, a snippet, a person)."""
        self.n += 1
        self.ours += ours
        if theirs is not None:
            self.theirs = (self.theirs or 0.0) + theirs
        self.notes.update(note for note in notes if note)

    def count(self, hits: int, units: int) -> None:
        """Count `units` scored units at once, `hits` of them right (ours only)."""
        self.n += units
        self.ours += hits


class Board:
    """All rows, keyed 'set.field', in the order they were first scored."""

    def __init__(self) -> None:
        self.rows: dict[str, Row] = {}

    def row(self, subset: str, name: str) -> Row:
        """The row for `name` on `subset`, created empty on first use."""
        return self.rows.setdefault(f"{subset}.{name}", Row())

    def scores(self) -> dict[str, dict[str, Any]]:
        """Every row as plain numbers: n, ours, trafilatura (None if it has no answer), notes."""
        result = {}
        for key, row in self.rows.items():
            theirs = round(row.theirs / row.n, 3) if row.theirs is not None and row.n else None
            result[key] = {
                "n": row.n,
                "ours": round(row.ours / row.n, 3) if row.n else None,
                "trafilatura": theirs,
                "notes": _notes(key, row.notes),
            }
        return result


def _notes(key: str, counts: Counter[str]) -> str:
    parts = [f"{count} {note}" for note, count in sorted(counts.items())]
    static = FIELD_NOTES.get(key.split(".", 1)[1])
    return "; ".join([*parts, *([static] if static else [])])


def _title_note(ours: Extraction, truth: str = "") -> str:
    if ours.title is None:
        return "" if ours.error else "no headline found"
    if not truth or same_title(ours.title, truth):
        return ""
    # A kicker ("Brexit: ...") or site suffix on one side only: the same headline, still a miss.
    inside = contains(ours.title, truth) or contains(truth, ours.title)
    return "differ only by kicker or site name" if inside else ""


def _date_outcome(ours: Extraction, truth: dt.date) -> tuple[float, str]:
    if ours.date is None:
        return 0.0, "refused" if ours.error is None else "error"
    return (1.0, "") if ours.date == truth else (0.0, "wrong date")


def _byline(
    board: Board, subset: str, value: object, ours: Extraction, theirs: Extraction | None
) -> None:
    truth, credited = split_names(as_list(value))
    row = board.row(subset, "byline")
    if not truth and credited:
        row.notes["agency-only annotations not scored"] += 1
        return
    hit = float(split_names(ours.byline)[0] == truth)
    other = float(split_names(theirs.byline)[0] == truth) if theirs else None
    row.add(hit, other, "missed" if not hit else "")


def score_html(board: Board, item: Item, ours: Extraction, theirs: Extraction) -> None:
    """Saved pages: metadata fields, body snippets and language, ours beside trafilatura."""
    truth, subset = item.truth, item.subset
    if truth.get("title"):
        title = truth["title"]
        hit, other = same_title(ours.title, title), same_title(theirs.title, title)
        board.row(subset, "title").add(float(hit), float(other), _title_note(ours, title))
    if truth.get("date"):
        want = dt.date.fromisoformat(truth["date"])
        hit, note = _date_outcome(ours, want)
        board.row(subset, "date").add(hit, float(theirs.date == want), note)
    if "author" in truth:
        _byline(board, subset, truth["author"], ours, theirs)
    if item.language:
        board.row(subset, "language").add(float(ours.language == item.language))
    for snippet in truth.get("body_must_contain", []):
        hit, other = contains(ours.body, snippet), contains(theirs.body, snippet)
        board.row(subset, "body_has_snippets").add(float(hit), float(other))
    for snippet in truth.get("body_must_not_contain", []):
        hit, other = contains(ours.body, snippet), contains(theirs.body, snippet)
        board.row(subset, "body_lacks_snippets").add(float(not hit), float(not other))


def score_paste(board: Board, item: Item, ours: Extraction) -> None:
    """Whole-page pastes: how much of the cleaned body is the article, and all of it."""
    truth = item.truth["articleBody"]
    overlap = token_overlap(ours.body, truth)
    board.row(item.subset, "body_precision").add(overlap.precision)
    board.row(item.subset, "body_recall").add(overlap.recall)
    board.row(item.subset, "body_f1").add(overlap.f1)
    found, total = paragraphs_found(ours.body, truth)
    board.row(item.subset, "paragraphs_found").count(found, total)
    if item.language:
        board.row(item.subset, "language").add(float(ours.language == item.language))


def score_wire(board: Board, item: Item, ours: Extraction) -> None:
    """Reuters wire copy: title, byline, dateline, date, people and language."""
    truth, subset = item.truth, item.subset
    hit = same_title(ours.title, truth["title"])
    board.row(subset, "title").add(float(hit), None, _title_note(ours))
    _byline(board, subset, truth.get("author_raw"), ours, None)
    dateline_hit = same_place(ours.dateline, truth["dateline_raw"])
    board.row(subset, "dateline").add(float(dateline_hit), None, "" if dateline_hit else "missed")
    want = dt.datetime.strptime(truth["date_raw"].split()[0], "%d-%b-%Y").date()
    hit, note = _date_outcome(ours, want)
    board.row(subset, "date").add(hit, None, note)
    for person in truth.get("people", []):
        hit = any(person_matches(name, person) for name in ours.people)
        board.row(subset, "people_recall").add(float(hit))
    for name in ours.people:
        matched = any(person_matches(name, person) for person in truth.get("people", []))
        board.row(subset, "people_precision").add(float(matched))
    if item.language:
        board.row(subset, "language").add(float(ours.language == item.language))


def score_translation(board: Board, item: Item, ours: Extraction) -> None:
    """WMT texts: detected language per role; for machine translations, whether the title
    is the headline and whether the document came through whole."""
    role = item.truth["role"]
    board.row(item.subset, f"language_{role}").add(float(ours.language == item.language))
    if role == "mt":
        hit = same_title(ours.title, item.truth["title"])
        # A headline made from the lead is no headline found, unless it is the headline.
        note = "no headline found" if ours.title_provisional and not hit else _title_note(ours)
        board.row(item.subset, "title_is_segment_1").add(float(hit), None, note)
        lost = _lost_in_translation(item, ours)
        board.row(item.subset, "handled_whole").add(float(not lost), None, lost)


# A document is handled whole when this share of its article's words is in title and body.
WORDS_KEPT = 0.95
# WMT documents are whole pages, one segment a line: the article's sentences end like one
# and hold a few lowercase words ("Photo by NAME Reuters." does not); a short label and a
# colon opens a cross-reference ("Read also: ..."), which is furniture, not the article.
_SENTENCE_END = re.compile(r"[.!?…]['\"”’»)]*$")
_LOWERCASE_WORDS = 3
_CROSS_REFERENCE = re.compile(r"^\W*\w+(?:\s+\w+)?\s*:\s")
# "PARIS (Reuters) - ...": a dateline the cleaner moves into the front matter.
_DATELINE = re.compile(r"^(?:\S+\s+){0,4}\S+\s+[-–—]\s+")


def _lost_in_translation(item: Item, ours: Extraction) -> str:
    """What keeps a machine translation from being handled whole ('' when nothing does)."""
    if ours.error is not None:
        return "refused"
    if ours.language != item.language:
        return "wrong language"
    headline, *rest = item.path.read_text(encoding="utf-8").splitlines() or [""]
    sentences = [s.strip() for s in rest if _article_sentence(s.strip())]
    kept = f"{ours.title}\n{ours.body}"
    if token_overlap(kept, "\n".join([headline, *sentences])).recall < WORDS_KEPT:
        return "words lost"
    lead = sentences[0] if sentences else ""
    if lead and not (contains(ours.body, lead) or contains(ours.body, _DATELINE.sub("", lead))):
        return "lead lost"
    return ""


def _article_sentence(segment: str) -> bool:
    words = segment.split()
    lowercase = sum(word[:1].islower() for word in words)
    return (
        bool(_SENTENCE_END.search(segment))
        and lowercase >= _LOWERCASE_WORDS
        and not _CROSS_REFERENCE.match(segment)
    )


def score_topic(
    board: Board, item: Item, whole: Extraction, lead: Extraction, topics: Mapping[str, Topic]
) -> None:
    """A labelled article: does an assigned topic file its category, whole and from its lead."""
    label = str(item.truth["topic"])
    wanted = wanted_topics(label, topics)
    note = "" if wanted else f"label '{label}' files under no topic"
    for prefix, ours in (("", whole), ("lead_", lead)):
        hit = float(bool(wanted & set(ours.topics)))
        board.row(item.subset, f"{prefix}topic_match").add(hit, None, note)
        board.row(item.subset, f"{prefix}topic_match_{label.casefold()}").add(hit)
        board.row(item.subset, f"{prefix}topics_any").add(float(bool(ours.topics)))
        board.row(item.subset, f"{prefix}topics_per_article").add(float(len(ours.topics)))


def evaluate(corpus: Path, registries: Registries) -> dict[str, dict[str, Any]]:
    """Score every corpus item; returns the rows by 'set.field'."""
    board = Board()
    with tempfile.TemporaryDirectory(prefix="newsarchive-eval-") as scratch:
        for item in iter_items(corpus):
            _score_item(board, item, registries, Path(scratch))
    return board.scores()


def _score_item(board: Board, item: Item, registries: Registries, scratch: Path) -> None:
    ours = run_ours(item.path, registries)
    board.row(item.subset, "inputs_normalised").add(
        float(ours.error is None), None, "failed" if ours.error else ""
    )
    if item.path.suffix == ".html":
        score_html(board, item, ours, run_trafilatura(item.path))
    elif "articleBody" in item.truth:
        score_paste(board, item, ours)
    elif "dateline_raw" in item.truth:
        score_wire(board, item, ours)
    elif "role" in item.truth:
        score_translation(board, item, ours)
    elif "topic" in item.truth:
        lead = run_ours(write_lead_copy(item.path, scratch), registries)
        score_topic(board, item, ours, lead, registries.topics)


def _cell(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def render_table(scores: dict[str, dict[str, Any]]) -> str:
    """The scores as a Markdown table."""
    lines = ["| field | n | ours | trafilatura | notes |", "| --- | ---: | ---: | ---: | --- |"]
    for key, row in scores.items():
        ours, theirs = _cell(row["ours"]), _cell(row["trafilatura"])
        lines.append(f"| {key} | {row['n']} | {ours} | {theirs} | {row['notes']} |")
    return "\n".join(lines) + "\n"


def load_baseline(path: Path) -> dict[str, float]:
    """Floors by 'set.field' from a JSON file."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise InputError(f"cannot be read as JSON ({exc}); fix or regenerate it", path) from None
    floors = data.get("floors") if isinstance(data, dict) else None
    if not isinstance(floors, dict) or not all(isinstance(v, int | float) for v in floors.values()):
        raise InputError('must hold {"floors": {"set.field": number, ...}}', path)
    return {str(key): float(value) for key, value in floors.items()}


def below_floors(
    scores: dict[str, dict[str, Any]], floors: dict[str, float], baseline: Path
) -> list[str]:
    """One line per score that dropped below its floor (or is missing)."""
    problems = []
    for key, floor in floors.items():
        value = scores.get(key, {}).get("ours")
        if value is None:
            problems.append(f"{baseline}: {key} was not measured; check --corpus")
        elif value < floor:
            problems.append(f"{baseline}: {key} is {value:.3f}, below its floor {floor:.3f}")
    return problems


def run_eval(corpus: Path, as_json: bool, baseline: Path | None) -> tuple[str, list[str]]:
    """The report (table or JSON) and the floors broken, for `newsarchive eval`."""
    from ..registry import default_data_dir

    floors = load_baseline(baseline) if baseline is not None else {}
    scores = evaluate(corpus, load_registries(default_data_dir()))
    report = json.dumps(scores, indent=2) + "\n" if as_json else render_table(scores)
    return report, below_floors(scores, floors, baseline) if baseline is not None else []
