"""Synthetic news for benchmarks: raw pastes, raw HTML pages and whole archives.

Everything comes from one seeded generator, so a seed and a size always give the same
files. The shape follows the reference benchmark (/work/shared/BENCHMARKS.md): 500-700
words, 2-3 `##` subheadings, 1-4 of 400 Zipf-distributed people, 1-3 of 17 topics,
dates 2015-2025. Most stories enter the archive within a week of publication, some much
later, so the order by day added differs from the order by publication date.
"""

from __future__ import annotations

import datetime as dt
import html
import itertools
import json
import random
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from . import writer
from .model import Article
from .slugs import slugify

PEOPLE_COUNT = 400
WORDS = (500, 700)
FIRST_DAY = dt.date(2015, 1, 1)
LAST_DAY = dt.date(2025, 12, 31)
LATE_SHARE = 0.15  # stories archived long after publication (up to LATE_DAYS)
LATE_DAYS = 1000


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


_FIRST = _words(
    "Anna Olena Maria Jean Pierre Klaus Sofia Ivan Marta Luis Elena Tomas Ingrid Ahmed Yuki "
    "Carlos Petra Oleksandr Natalia Giorgia Emmanuel Rachel David Fatima Lars Amira Pavel "
    "Chiara Dmytro Helena Mateo Irina Jonas Leila Viktor Camille Hugo Aisha Milan Nadia"
)
_LAST = _words(
    "Kovalenko Dubois Schmidt Rossi Novak Garcia Lindqvist Tanaka Haddad Moreau Petrenko "
    "Fischer Bianchi Horvat Silva Jensen Sato Mansour Lefebvre Shevchenko Wagner Romano Kral "
    "Santos Berg Kimura Nasser Girard Bondarenko Weber Ricci Dvorak Costa Nilsson Ito Khalil "
    "Laurent Melnyk Becker Greco"
)

# (slug, label): the size of the reference vocabulary, not the project's topics.yml.
TOPICS = (
    ("war-in-ukraine", "War in Ukraine"), ("diplomacy", "Diplomacy"),
    ("elections", "Elections"), ("economy", "Economy"), ("energy", "Energy"),
    ("climate", "Climate"), ("health", "Health"), ("migration", "Migration"),
    ("technology", "Technology"), ("justice", "Justice"), ("defence", "Defence"),
    ("culture", "Culture"), ("sport", "Sport"), ("education", "Education"),
    ("agriculture", "Agriculture"), ("transport", "Transport"), ("human-rights", "Human rights"),
)  # fmt: skip

_SOURCES = (
    ("The Canadian Press", "The Canadian Press", "CP"),
    ("Associated Press", "The Associated Press", "AP"),
    ("Reuters", "Reuters", "Reuters"),
    ("Agence France-Presse", "AFP", "AFP"),
    ("Ukrinform", "Ukrinform", None),
    ("Le Monde", "Le Monde", None),
)
_PLACES = (
    ("KYIV", "Ukraine"), ("LONDON", None), ("PARIS", None), ("WASHINGTON", None),
    ("BERLIN", None), ("OTTAWA", None), ("WARSAW", "Poland"), ("ODESA", "Ukraine"),
    ("BRUSSELS", None), ("TORONTO", None), ("ROME", None), ("GENEVA", None),
)  # fmt: skip
_LANGS = ("fr", "uk", "de", "es", "it", "pl")

# Each story draws its own few templates and words from these (see _Lexicon): two stories
# share few word 3-grams, as real ones do, so the duplicate check at ingest lets them in.
_NOUNS = _words(
    "government ministry agreement proposal budget report parliament council committee plan "
    "ceasefire election court company union market border treaty programme investigation "
    "reform pipeline tariff subsidy pension strike coalition mandate referendum inquiry "
    "contract loan grant deficit harvest drought shortage vaccine hospital school railway "
    "airport bridge port factory mine refinery network satellite embargo delegation summit "
    "blockade amendment charter census audit levy quota corridor regulator watchdog tribunal"
)
_ADJS = _words(
    "new final national regional European public military economic former joint draft "
    "interim annual northern southern eastern western rural urban federal local provisional "
    "controversial ambitious costly modest revised temporary lengthy binding emergency "
    "bilateral independent municipal coastal industrial digital"
)
_VERBS = _words(
    "support delay approve review reject extend announce finance present discuss block revise "
    "suspend challenge endorse postpone defend criticise expand cancel renew restore reduce "
    "raise question welcome examine fund oppose accept sign propose replace simplify publish "
    "negotiate halt launch scrap rethink tighten loosen freeze unblock ratify veto amend "
    "overhaul scrutinise rescue shelve revive abandon adopt back bolster curb target trim "
    "underwrite outline unveil contest dispute overturn uphold secure settle streamline "
    "subsidise tax ban"
)
_WEEKDAYS = _words("Monday Tuesday Wednesday Thursday Friday Saturday Sunday")
_MONTHS = _words(
    "January February March April May June July August September October November December"
)
# "[a|b|c]" is resolved once per story: each story has its own wording of a template.
_SENTENCES = (
    "{person} [said|stated|insisted|claimed] on {weekday} that {det} {adj} {noun} [would|could|"
    "might] {verb} {det} {noun2} [before the end of the year|by the end of {month}|within a year"
    "|before winter|this spring].",
    "[Officials|Diplomats|Ministers|Advisers] in {place} [told reporters|said privately|"
    "conceded] that {det} {noun} had [not yet decided|yet to decide|still not agreed] whether to "
    "{verb} {det} {adj} {noun2}.",
    "The {adj} {noun} is [expected|likely|due|set] to {verb} {det} {noun2} after [talks|"
    "negotiations|meetings|a session] that lasted [more than|nearly|almost|over] {num} hours.",
    "[According to|In the view of|As reported by] {person}, [about|roughly|some|nearly] {num} "
    "[people|voters|farmers|workers|families] have already [signed|backed|joined] the {adj} "
    "{noun}.",
    "{person} [told|reminded|warned] the {noun} that it was [time|high time|the moment] to "
    "{verb} {det} {noun2} and [move on|look ahead|start again].",
    "[Critics|Opponents|Sceptics] [argue|say|believe] that {det} {noun} will do [little|nothing|"
    "not enough] to {verb} {det} {adj} {noun2} in {place}.",
    "The {noun} said in a [statement|short statement|letter|post] that it [would|will|intends "
    "to] {verb} {det} {noun2} within {num} days.",
    "[Analysts|Observers|Economists] in {place} [noted|pointed out|observed] that {det} {adj} "
    "{noun} had [changed little|barely moved|hardly changed] since [last spring|the autumn|"
    "{month}].",
    "“We will {verb} {det} {noun} because [people expect it|voters demand it|it is right|"
    "we promised],” {person} [said|told supporters|added].",
    "The [decision|vote|move|announcement] follows [months|weeks|years] of [debate|dispute|"
    "argument] over the {adj} {noun2} and its [cost|timing|scope].",
    "[Supporters|Members|Hundreds] of the {noun} [gathered|marched|rallied] in {place} on "
    "{weekday} to {verb} {det} {adj} {noun2}.",
    "{person} [declined|refused] to [say|predict|confirm] when the {noun2} [might|would|could] "
    "{verb} {det} {adj} {noun}.",
    "By {month}, the {adj} {noun} had [cost|absorbed|consumed] [roughly|about|almost] {num} "
    "million [euros|dollars|pounds].",
    "[Few|Not many|Hardly anyone] expected the {noun} to {verb} a {adj} {noun2} so [quickly|"
    "soon|readily].",
    "A {adj} {noun} in {place} [could|may|might] {verb} up to {num} jobs, {person} [warned|"
    "cautioned|estimated].",
    "[Opposition members|Some deputies|Several senators] want the {noun2} to {verb} every {adj} "
    "{noun} first.",
    "{person} called the {adj} {noun} a [mistake|blunder|gamble] and [urged|asked|encouraged] "
    "voters to {verb} it.",
    "[Lawyers|Attorneys|Advisers] for the {noun} [plan|intend|hope] to {verb} {det} [ruling|"
    "verdict|decision] before {month}.",
    "In {month}, {num} [residents|citizens|traders] of {place} [asked|petitioned|urged] the "
    "{noun} to {verb} its {noun2}.",
    "Whether the {noun2} can {verb} {det} {adj} {noun} remains [unclear|uncertain|an open "
    "question], {person} [admitted|conceded|said].",
    "[Talks|Contacts|Discussions] between the {noun} and the {adj} {noun2} [resume|continue|"
    "restart] on {weekday}.",
    "{person} spent {num} minutes [defending|explaining|justifying] the {adj} {noun} before the "
    "{noun2}.",
    "[Two|Three|Several] {adj} {noun2} [reports|studies|reviews] now [urge|advise|push] {place} "
    "to {verb} {det} {noun}.",
    "[Nobody|No one|Nobody at all] from the {noun} would {verb} {det} [figures|numbers|data] "
    "[published|released|leaked] on {weekday}.",
    "Under the {adj} {noun}, every {noun2} must {verb} its [accounts|plans|budget] by {month}.",
    "[Residents|Neighbours|Families] near the {noun} fear the {adj} {noun2} will {verb} "
    "[little|nothing|too much].",
    "{person} later [wrote|argued|posted] that {det} {noun2} should {verb} a {adj} {noun} "
    "[instead|first|at once].",
    "Since {month}, {num} [firms|companies|charities] in {place} have [tried|sought|attempted] "
    "to {verb} {det} {noun}.",
    "[Protesters|Demonstrators|Crowds] outside the {noun2} [demanded|insisted|asked] that "
    "officials {verb} {det} {adj} {noun}.",
    "[Economists|Experts|Auditors] put the [price|cost|bill] of the {adj} {noun} at {num} "
    "[billion|million].",
    "[Questions|Doubts|Worries] about the {noun2} [dominated|overshadowed|marked] a {adj} "
    "[hearing|debate|session] on {weekday}.",
    "{person} [hopes|expects|believes] a {adj} {noun} can {verb} {det} {noun2} within {num} "
    "[weeks|months|days].",
)
_CHOICE_RE = re.compile(r"\[([^\]]*)\]")
_DETERMINER = "[the|this|its|their]"  # for {det}: "to block the" is not every story's
# How many of each a story draws: its own voice and subject matter.
_LEXICON = {"sentences": 16, "nouns": 10, "adjs": 8, "verbs": 8}


@dataclass(frozen=True)
class _Lexicon:
    """The templates and words one story is written with."""

    sentences: tuple[str, ...]
    nouns: tuple[str, ...]
    adjs: tuple[str, ...]
    verbs: tuple[str, ...]


def _lexicon(rng: random.Random) -> _Lexicon:
    pools = {"sentences": _SENTENCES, "nouns": _NOUNS, "adjs": _ADJS, "verbs": _VERBS}
    words = {key: tuple(rng.sample(pool, _LEXICON[key])) for key, pool in pools.items()}
    words["sentences"] = tuple(
        _CHOICE_RE.sub(
            lambda m: rng.choice(m.group(1).split("|")), template.replace("{det}", _DETERMINER)
        )
        for template in words["sentences"]
    )
    return _Lexicon(**words)


_FURNITURE = (
    "Home", "News", "World", "Sport", "Opinion", "Subscribe", "SUBSCRIBE NOW", "Trending",
    "Share this:", "Click to share on Facebook (Opens in new window)",
    "Click to share on Twitter (Opens in new window)", "Advertisement", "Read more:",
    "Get daily national news", "Sign up for our newsletter", "Most read",
    "We use cookies to improve your experience. Accept all",
)  # fmt: skip


@dataclass(frozen=True)
class Story:
    """One made-up article, before it is rendered as a paste, an HTML page or a page."""

    index: int
    title: str
    date: dt.date
    added: dt.date  # the day it entered the archive: on or after `date`
    source: str
    holder: str
    agency: str | None
    byline: tuple[str, ...]
    dateline: tuple[str, str | None]
    people: tuple[str, ...]
    topics: tuple[str, ...]
    from_lang: str
    blocks: tuple[tuple[str, str], ...]  # ("p" | "h", text)

    @property
    def lead(self) -> str:
        """The first paragraph."""
        return next(text for kind, text in self.blocks if kind == "p")


def people_names(count: int = PEOPLE_COUNT, seed: int = 0) -> list[str]:
    """`count` distinct made-up full names, most frequent first (Zipf rank order)."""
    names = [f"{first} {last}" for first, last in itertools.product(_FIRST, _LAST)]
    random.Random(seed).shuffle(names)
    return names[:count]


def _zipf_weights(count: int) -> list[float]:
    return list(itertools.accumulate(1.0 / rank for rank in range(1, count + 1)))


def _pick_distinct(
    rng: random.Random, items: Sequence[str], k: int, cum: list[float] | None
) -> tuple[str, ...]:
    chosen: list[str] = []
    while len(chosen) < k:
        item = rng.choices(items, cum_weights=cum)[0] if cum else rng.choice(items)
        if item not in chosen:
            chosen.append(item)
    return tuple(chosen)


def _sentence(rng: random.Random, words: _Lexicon, people: Sequence[str], place: str) -> str:
    nouns = rng.sample(words.nouns, 2)
    return rng.choice(words.sentences).format(
        person=rng.choice(people),
        place=place.title(),
        weekday=rng.choice(_WEEKDAYS),
        month=rng.choice(_MONTHS),
        adj=rng.choice(words.adjs),
        noun=nouns[0],
        noun2=nouns[1],
        verb=rng.choice(words.verbs),
        num=rng.randint(2, 900),
    )


def _blocks(rng: random.Random, people: Sequence[str], place: str) -> tuple[tuple[str, str], ...]:
    words = _lexicon(rng)
    target = rng.randint(*WORDS)
    headings = rng.randint(2, 3)
    paragraphs: list[str] = []
    count = 0
    while count < target:
        text = " ".join(_sentence(rng, words, people, place) for _ in range(rng.randint(2, 4)))
        paragraphs.append(text)
        count += len(text.split())
    # Headings go after the lead and are spread evenly through the rest.
    step = max(1, (len(paragraphs) - 1) // (headings + 1))
    blocks: list[tuple[str, str]] = []
    for number, text in enumerate(paragraphs):
        if number and number % step == 0 and headings:
            heading = f"The {rng.choice(words.adjs)} {rng.choice(words.nouns)} in question"
            blocks.append(("h", heading))
            headings -= 1
        blocks.append(("p", text))
    return tuple(blocks)


def make_stories(count: int, seed: int = 0) -> list[Story]:
    """`count` stories; the same seed gives the same stories."""
    rng = random.Random(seed)
    names = people_names(seed=seed)
    cum = _zipf_weights(len(names))
    slugs = [slug for slug, _ in TOPICS]
    span = (LAST_DAY - FIRST_DAY).days
    # Its own generator: the other fields stay what they were before stories had this one.
    delays = random.Random(f"added-{seed}")
    stories = []
    for index in range(count):
        people = _pick_distinct(rng, names, rng.randint(1, 4), cum)
        source, holder, agency = rng.choice(_SOURCES)
        place = rng.choice(_PLACES)
        byline = _pick_distinct(rng, names, rng.choice((0, 1, 1, 1, 2)), None)
        surname = people[0].split()[-1]
        what = f"the {rng.choice(_ADJS)} {rng.choice(_NOUNS)} will {rng.choice(_VERBS)} talks"
        date = FIRST_DAY + dt.timedelta(days=rng.randint(0, span))
        late = delays.random() < LATE_SHARE
        delay = dt.timedelta(days=delays.randint(7, LATE_DAYS) if late else delays.randint(0, 6))
        stories.append(
            Story(
                index=index,
                title=f"{surname} says {what}",
                date=date,
                added=min(date + delay, max(date, LAST_DAY)),
                source=source,
                holder=holder,
                agency=agency,
                byline=byline,
                dateline=place,
                people=people,
                topics=_pick_distinct(rng, slugs, rng.randint(1, 3), None),
                from_lang=rng.choice(_LANGS),
                blocks=_blocks(rng, people, place[0]),
            )
        )
    return stories


def _dateline_text(story: Story, rng: random.Random) -> str:
    city, country = story.dateline
    where = f"{city}, {country}" if country and rng.random() < 0.5 else city
    credit = f" ({story.agency})" if story.agency and rng.random() < 0.7 else ""
    return f"{where}{credit} {rng.choice(('—', '–', '-'))} "


def _byline_text(story: Story, rng: random.Random) -> str | None:
    if not story.byline:
        return None
    names = " and ".join(story.byline)
    return rng.choice((f"By {names}", f"{names}, {story.holder}", f"By {names} | {story.holder}"))


def _copyright_text(story: Story, rng: random.Random) -> str:
    year = story.date.year
    return rng.choice(
        (
            f"© {year} {story.holder}",
            f"Copyright {year} {story.holder}. All rights reserved.",
            f"(c) {year} {story.holder}",
            f"& Copy {year} {story.holder.lower()}",  # the seed's mangled ©
        )
    )


def render_paste(story: Story, seed: int = 0) -> str:
    """The story as a person would paste it: furniture, title, byline, body, copyright."""
    rng = random.Random(seed * 1_000_003 + story.index)
    lines = rng.sample(_FURNITURE, rng.randint(0, 6))
    lines.append(story.title)
    byline = _byline_text(story, rng)
    if byline:
        lines.append(byline)
    box_at = rng.randint(2, len(story.blocks) - 1)
    for number, (_kind, text) in enumerate(story.blocks):
        if number == 0:
            text = _dateline_text(story, rng) + text
        if number == box_at:
            lines.extend(rng.sample(_FURNITURE, 2))
        lines.append(text)
    lines.append(_copyright_text(story, rng))
    return "\n".join(lines) + "\n"


def render_html(story: Story, seed: int = 0, with_date: bool = True) -> str:
    """The story as a saved news page: head metadata, navigation, article, footer."""
    rng = random.Random(seed * 1_000_003 + story.index + 7)
    esc = html.escape
    head = [f"<title>{esc(story.title)} | {esc(story.source)}</title>"]
    head.append(f'<meta property="og:title" content="{esc(story.title)}">')
    if story.byline:
        head.append(f'<meta name="author" content="{esc(", ".join(story.byline))}">')
    if with_date:
        # The publisher's own offset: a UTC time near midnight would leave its day uncertain.
        stamp = f"{story.date.isoformat()}T{rng.randint(0, 23):02d}:15:00+01:00"
        head.append(f'<meta property="article:published_time" content="{stamp}">')
    if rng.random() < 0.5:
        ld = {"@type": "NewsArticle", "headline": story.title, "publisher": story.source}
        head.append(f'<script type="application/ld+json">{json.dumps(ld)}</script>')
    nav = "".join(f"<li><a href='/{i}'>{esc(item)}</a></li>" for i, item in enumerate(_FURNITURE))
    body = [f"<h1>{esc(story.title)}</h1>"]
    byline = _byline_text(story, rng)
    if byline:
        body.append(f'<p class="byline">{esc(byline)}</p>')
    for number, (kind, text) in enumerate(story.blocks):
        if number == 0:
            text = _dateline_text(story, rng) + text
        body.append(f"<h2>{esc(text)}</h2>" if kind == "h" else f"<p>{esc(text)}</p>")
    related = "".join(f"<li>{esc(t)}</li>" for t in rng.sample(_FURNITURE, 4))
    return (
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">{"".join(head)}</head>\n'
        f"<body><nav><ul>{nav}</ul></nav>\n<main><article>{''.join(body)}</article>\n"
        f"<aside><h3>Related</h3><ul>{related}</ul></aside></main>\n"
        f"<footer><p>{esc(_copyright_text(story, rng))}</p></footer>"
        "<script>window.tracker = 1;</script></body></html>\n"
    )


def render_sidecar(story: Story) -> str:
    """The contributor's NAME.meta.yml: the date, and how the text was translated."""
    return yaml.safe_dump(
        {"date": story.date, "from": story.from_lang, "method": "machine"},
        sort_keys=False,
    )


def write_raw(folder: Path, count: int, kind: str, seed: int = 0) -> list[Path]:
    """Write `count` raw inputs of `kind` ("text" or "html") with sidecars; returns the inputs."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for story in make_stories(count, seed):
        if kind == "text":
            path = folder / f"{story.index:05d}.txt"
            path.write_text(render_paste(story, seed), encoding="utf-8")
            needs_sidecar = True
        else:
            path = folder / f"{story.index:05d}.html"
            # A third of the pages carry no date of their own: the sidecar supplies it.
            needs_sidecar = story.index % 3 == 0
            path.write_text(render_html(story, seed, not needs_sidecar), encoding="utf-8")
        if needs_sidecar:
            (folder / f"{path.stem}.meta.yml").write_text(render_sidecar(story), encoding="utf-8")
        written.append(path)
    return written


def to_article(story: Story, slug: str) -> Article:
    """The front matter the archive would hold for `story`."""
    city, _ = story.dateline
    return Article.model_validate(
        {
            "title": story.title,
            "slug": slug,
            "date": story.date,
            "added": story.added,
            "source": story.source,
            "agency": story.agency,
            "byline": list(story.byline),
            "dateline": city.title(),
            "language": "en",
            "translation": {"from": story.from_lang, "method": "machine"},
            "people": list(story.people),
            "topics": list(story.topics),
            "summary": story.lead,
            "copyright": f"© {story.date.year} {story.holder}",
        }
    )


def page_body(story: Story) -> str:
    """The Markdown body of the story's archive page."""
    return "\n\n".join(f"## {text}" if kind == "h" else text for kind, text in story.blocks)


def write_archive(docs: Path, count: int, seed: int = 0) -> list[Path]:
    """Write `count` archive pages under `docs` (YYYY/MM/slug.md); returns their paths."""
    written = []
    for story in make_stories(count, seed):
        base = to_article(story, slugify(story.title, 70))
        for article, path in writer.candidate_paths(base, docs):
            if not path.exists():
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(writer.render(article, page_body(story)), encoding="utf-8")
                written.append(path)
                break
    return written


def write_registries(data: Path, seed: int = 0) -> None:
    """Vocabularies that cover every synthetic name: people, topics and sources."""
    data.mkdir(parents=True, exist_ok=True)
    people = [{"name": name} for name in people_names(seed=seed)]
    topics = [
        {"slug": slug, "label": label, "description": f"News about {label.lower()}."}
        for slug, label in TOPICS
    ]
    sources = [
        {"name": name, "kind": "agency" if name == holder and agency else "publisher"}
        for name, holder, agency in _SOURCES
    ]
    files = {
        "people.yml": people,
        "topics.yml": topics,
        "sources.yml": sources,
        "organisations.yml": [],
        "places.yml": [],
        "furniture.yml": {"lines": list(_FURNITURE), "patterns": []},
    }
    for name, value in files.items():
        text = yaml.safe_dump(value, sort_keys=False, allow_unicode=True)
        (data / name).write_text(text, encoding="utf-8")
