"""Hostile content never runs in a reader's browser.

Every payload in tests/fixtures/hostile/payloads.yml would set window.__pwned if a browser
ran it. Each one goes into every field that holds text, three ways: raw inputs through the
real `newsarchive ingest`, pages committed by hand as a pull request would, and the same
pages through `newsarchive validate`, which must refuse them. The archive is then built
anyway (as if validate had been skipped), checked statically, and opened page by page in
headless Chromium with a trap on window.__pwned.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import html
import json
import mimetypes
import re
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup
from click.testing import CliRunner

from conftest import REPO_DATA
from newsarchive import frontmatter
from newsarchive.bench.browser import CHROMIUM, CHROMIUM_ARGS, serve
from newsarchive.cli import cli
from newsarchive.links import is_safe_url
from newsarchive.validate import safety

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[1]
HOSTILE = Path(__file__).parent / "fixtures" / "hostile"
INPUTS = HOSTILE / "inputs"
PAGES = HOSTILE / "pages"


@dataclass(frozen=True)
class Payload:
    """One injection: would run window.__pwned = id if a browser executed it."""

    id: str
    name: str
    how: str
    text: str
    inert: bool = False
    markdown: bool = False


PAYLOADS = [Payload(**item) for item in yaml.safe_load((HOSTILE / "payloads.yml").read_text())]
# Front-matter fields of a hand-written page that carry the payload (lists count once).
PAGE_FIELDS = ("title", "source", "agency", "url", "byline", "dateline", "people")
PAGE_FIELDS += ("organisations", "places", "topics", "summary", "copyright", "translator")
PAGE_FIELDS += ("original_title", "original_url", "body", "image.url", "image.caption")
PAGE_FIELDS += ("image.credit",)
SIDECAR_FIELDS = ("title", "source", "translator", "original_title")
SIDECAR_URL_FIELDS = ("url", "original_url")
# Raw inputs: where the payload sits in each (the page gets it in every <head> field too).
PASTE_FIELDS = ("headline", "byline", "body", "copyright")
HTML_FIELDS = ("title", "og:title", "og:site_name", "og:description", "og:url", "author")
HTML_FIELDS += ("jsonld.headline", "jsonld.author", "jsonld.publisher", "jsonld.description")
HTML_FIELDS += ("h1", "byline", "body text", "body markup", "h2", "og:image", "jsonld.image")


def fill(template: str, payload: Payload) -> str:
    """A fixture template with this payload in every slot, escaped for its context."""
    as_json = json.dumps(payload.text)[1:-1].replace("</", "<\\/")
    return (
        template.replace("@@PAYLOAD_TEXT@@", html.escape(payload.text))
        .replace("@@PAYLOAD_JSON@@", as_json)
        .replace("@@PAYLOAD@@", payload.text)
        .replace("@@ID@@", payload.id)
    )


def write_raw_inputs(inbox: Path) -> int:
    """Four raw inputs per payload, each with a sidecar; returns how many raw files."""
    paste = (INPUTS / "paste_payload_in_headline_byline_body.txt").read_text()
    page = (INPUTS / "page_payload_in_metadata_and_body.html").read_text()
    plain = (INPUTS / "plain_story_for_a_hostile_sidecar.txt").read_text()
    plain_facts = {"date": dt.date(2025, 4, 2), "from": "fr", "method": "machine"}
    for n, payload in enumerate(PAYLOADS):
        day = dt.date(2025, 4, n % 27 + 2)
        hostile_fields = {key: f"{payload.text} {payload.id}" for key in SIDECAR_FIELDS}
        hostile_urls = {**plain_facts, **{key: payload.text for key in SIDECAR_URL_FIELDS}}
        inputs = [
            (f"paste-{payload.id}.txt", fill(paste, payload), {**plain_facts, "date": day}),
            (f"page-{payload.id}.html", fill(page, payload), {"from": "de", "method": "human"}),
            (f"fields-{payload.id}.txt", fill(plain, payload), {**plain_facts, **hostile_fields}),
            # Other bytes than fields-*.txt, which ingest would count as already archived.
            (f"urls-{payload.id}.txt", fill(plain, payload) + "\nNo comment.\n", hostile_urls),
        ]
        for name, text, sidecar in inputs:
            (inbox / name).write_text(text, encoding="utf-8")
            stem = name.rsplit(".", 1)[0]
            (inbox / f"{stem}.meta.yml").write_text(yaml.safe_dump(sidecar), encoding="utf-8")
    return 4 * len(PAYLOADS)


def hand_written_page(payload: Payload, body: str) -> tuple[str, str]:
    """(relative path, page text): the payload in every string field and in the body."""
    text = payload.text
    slug = f"hostile-{payload.id}-{payload.name}"
    address = f"https://example.com/{payload.id}/{text}"
    front = {
        "title": f"{text} ({payload.id})",
        "slug": slug,
        "date": dt.date(2025, 5, 1),
        "added": dt.date(2025, 5, 2),
        "source": text,
        "url": address,
        "agency": text,
        "byline": [text, "Jane Doe"],
        "dateline": text,
        "language": "en",
        "translation": {
            "from": "fr",
            "method": "machine",
            "translator": text,
            "original_title": text,
            "original_url": address,
        },
        "people": [text],
        "organisations": [text],
        "places": [text],
        "topics": [text],
        "summary": text,
        "copyright": text,
        # One line each, as the model asks: the payload reaches the page, figure and metadata.
        "image": {
            "url": address.replace("\n", " "),
            "caption": text.replace("\n", " "),
            "credit": text.replace("\n", " "),
        },
    }
    return f"2025/05/{slug}.md", frontmatter.dumps(front, fill(body, payload))


@dataclass
class HostileArchive:
    """What ingest and validate said about the temp archive, and the built site."""

    raw_inputs: int
    ingest_output: str
    ingested: list[Path]
    hand_written: list[Path]
    validate_output: str
    validate_code: int
    site: Path


def write_hand_written(articles: Path) -> list[Path]:
    """One page per payload, plus the YAML-escapes page, committed as a pull request would."""
    body = (PAGES / "body_payload_in_every_block.md").read_text(encoding="utf-8")
    written = []
    for payload in PAYLOADS:
        relative, text = hand_written_page(payload, body)
        written.append(articles / relative)
        written[-1].parent.mkdir(parents=True, exist_ok=True)
        written[-1].write_text(text, encoding="utf-8")
    written.append(articles / "2025/04/yaml-escapes-decode-to-tags.md")
    written[-1].parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(PAGES / "yaml_escapes_decode_to_tags.md", written[-1])
    return written


def write_config(root: Path) -> Path:
    """The repo's mkdocs.yml with docs and data in the temp root (never the real docs/)."""
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    config["plugins"][0]["newsarchive"]["data_dir"] = str(root / "data")
    path = root / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return path


def invoke(*args: str) -> tuple[int, str]:
    """`newsarchive ARGS` through the CLI; returns (exit code, stderr or output)."""
    result = CliRunner().invoke(cli, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stderr or result.output


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> HostileArchive:
    """Ingest the raw inputs, commit the hand-written pages, validate, then build anyway."""
    root = tmp_path_factory.mktemp("hostile")
    data, articles, inbox = root / "data", root / "docs" / "articles", root / "inbox"
    shutil.copytree(REPO_DATA, data)  # ingest adds the people it finds
    articles.mkdir(parents=True)
    inbox.mkdir()
    shutil.copy(REPO / "docs" / "about.md", root / "docs" / "about.md")
    raw_inputs = write_raw_inputs(inbox)
    # One story carries every payload: each input is a near duplicate of the others.
    _, ingest_output = invoke(
        *("ingest", str(inbox), "--out", str(articles), "--data-dir", str(data), "--jobs", "1"),
        "--allow-duplicate",
    )
    ingested = sorted(articles.rglob("*.md"))
    hand_written = write_hand_written(articles)
    code, output = invoke(
        "validate", str(articles), "--archive", str(articles), "--data-dir", str(data)
    )
    # Built anyway, not strict: as if validate had been skipped.
    built, build_output = invoke(
        "build", "--config-file", str(write_config(root)), "--site-dir", str(root / "site")
    )
    assert built == 0, build_output
    return HostileArchive(
        raw_inputs, ingest_output, ingested, hand_written, output, code, root / "site"
    )


# --- the catalogue and the two fixes it found, tested with strings -------------------------


def test_catalogue_has_many_distinct_payloads_each_naming_its_id() -> None:
    assert len(PAYLOADS) >= 60
    assert len({p.id for p in PAYLOADS}) == len({p.text for p in PAYLOADS}) == len(PAYLOADS)
    assert [p.id for p in PAYLOADS if p.id not in p.text] == []


@pytest.mark.parametrize(
    "url",
    [
        "&#106;avascript:window.__pwned=1",
        "&#x6A;avascript:window.__pwned=1",
        "javascript&colon;window.__pwned=1",
        "java&#x09;script:window.__pwned=1",
        "&#100;ata:text/html,x",
    ],
)
def test_character_references_cannot_hide_a_scheme(url: str) -> None:
    # Python-Markdown's serializer keeps character references; browsers decode them.
    assert is_safe_url(url) is False


def test_character_references_in_safe_links_are_kept() -> None:
    assert is_safe_url("https://example.com/?a=1&amp;b=2") is True
    assert is_safe_url("&#109;&#97;&#105;&#108;&#116;&#111;&#58;a&#64;example.com") is True


def test_validate_names_event_handlers_in_values_and_attribute_lists() -> None:
    front = {"title": 'Headline" onmouseover="x()', "byline": ["' onFocus ='y()"]}
    assert list(safety.check_values(front)) == [
        (("title",), "title contains an event handler 'onmouseover='; remove it"),
        (("byline", 0), "byline item 1 contains an event handler 'onFocus='; remove it"),
    ]
    body = '[a](https://example.com){: onclick="x()" }\n\n## B { href="javascript:y()" }\n'
    assert list(safety.check_body(body, 10, "2025/05")) == [
        (10, 'attribute list {: onclick="x()" } can run a script; keep only #id and .class'),
        (12, 'attribute list { href="javascript:y()" } can run a script; keep only #id and .class'),
    ]
    assert list(safety.check_body("Prices went on { sale } today.\n", 1, "2025/05")) == []


# --- the hostile archive: ingest, hand-written pages, validate ------------------------------

# Every message validate/safety.py writes (registry misses and damage are not safety).
SAFETY_MESSAGE = re.compile(
    r"raw HTML|<script> element|can run code|address; remove it|event handler|can run a script"
)


def errors_by_page(output: str) -> dict[str, list[str]]:
    """validate's error lines (warnings left out), keyed by page file name."""
    found: dict[str, list[str]] = {}
    for line in output.splitlines():
        match = re.match(r"(.+?\.md):\d+: (?!warning: )(.*)", line)
        if match:
            found.setdefault(Path(match.group(1)).name, []).append(match.group(2))
    return found


def active_payloads_in(page: Path) -> list[str]:
    """Ids of payloads a page stores verbatim where they could run (Markdown only in the body)."""
    data, body = frontmatter.loads(page.read_text(encoding="utf-8"))
    values = "\n".join(_strings(data))
    return [
        p.id
        for p in PAYLOADS
        if not p.inert and (p.text in body or (not p.markdown and p.text in values))
    ]


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def test_ingest_refuses_only_addresses_and_pages_without_text(archive: HostileArchive) -> None:
    lines = archive.ingest_output.splitlines()
    refused = {Path(line.split(": ")[1]).name: line for line in lines if line.startswith("error: ")}
    print(f"\ningest: {archive.raw_inputs} raw inputs -> {lines[-1]}")
    # A url that is not a web address refuses the input; an unclosed '<!--' hides the article.
    not_web = {f"urls-{p.id}.meta.yml" for p in PAYLOADS if not p.text.startswith("https://")}
    comments = {f"page-{p.id}.html" for p in PAYLOADS if p.text.startswith("<!--<")}
    assert set(refused) == not_web | comments
    assert all(refused[name].endswith("must be an http:// or https:// address") for name in not_web)
    assert all(
        refused[name].endswith(
            "page has no article text; save the article page itself, "
            "or paste its text into a .txt file"
        )
        for name in comments
    )
    archived = archive.raw_inputs - len(refused)
    assert lines[-1] == f"{archived} archived, 0 already archived, {len(refused)} failed"
    assert len(archive.ingested) == archived


def test_validate_refuses_every_page_that_carries_a_payload(archive: HostileArchive) -> None:
    assert archive.validate_code == 1
    errors = errors_by_page(archive.validate_output)
    unsafe = {
        name for name, messages in errors.items() if any(map(SAFETY_MESSAGE.search, messages))
    }
    carrying = [
        page for page in archive.ingested + archive.hand_written if active_payloads_in(page)
    ]
    print(
        f"validate: {len(errors)} of {len(archive.ingested) + len(archive.hand_written)} pages "
        f"refused, {len(unsafe)} for safety; {len(carrying)} pages store an active payload"
    )
    assert [page.name for page in archive.hand_written if page.name not in errors] == []
    assert [page.name for page in carrying if page.name not in unsafe] == []
    assert len(carrying) >= len(archive.hand_written)


def test_hand_written_values_reach_the_page_as_the_same_text(archive: HostileArchive) -> None:
    for payload in PAYLOADS:
        page = archive.site / f"articles/2025/05/hostile-{payload.id}-{payload.name}/index.html"
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
        header = soup.select_one(".na-article__header")
        assert header.h1.get_text() == f"{payload.text} ({payload.id})", payload.id
        assert soup.title.get_text() == f"{payload.text} ({payload.id}) - newsarchive"
        assert soup.select_one(".na-copyright").get_text() == payload.text
        chips = [a.get_text() for a in header.select("a.na-chip")]
        assert chips == [payload.text, payload.text], payload.id
        one_line = payload.text.replace("\n", " ")
        caption = soup.select_one("figure.na-figure figcaption")
        words = " ".join(f"{one_line} Image: {one_line}".split())
        assert " ".join(caption.get_text().split()) == words, payload.id
        assert soup.select_one(".na-figure__credit").get_text() == f"Image: {one_line}"
        cited = soup.select_one("#na-cite-text").get_text()
        assert cited.startswith(f"{payload.text}, Jane Doe. “{payload.text} ({payload.id}).”")
    jinja = archive.site / "articles/2025/05/hostile-p53-jinja-expression/index.html"
    assert "{{ 7*7 }}" in jinja.read_text(encoding="utf-8")


# --- static scan of everything the build wrote ----------------------------------------------

SITE_SCRIPT = re.compile(
    r"(assets/javascripts/bundle\.[0-9a-f]+\.min\.js|assets/na-search\.js|assets/na-article\.js)$"
)
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "xlink:href", "data", "poster")
UNSAFE_SCHEME = re.compile(r"^(javascript|vbscript|data):")
# Elements no page of the site has of its own; from content they could load or run code.
FOREIGN = "iframe frame frameset object embed applet base math video audio textarea template"


def unsafe_url(value: str) -> bool:
    """Whether a browser would read this attribute value as a script or data: address."""
    return bool(UNSAFE_SCHEME.match(re.sub(r"[\x00-\x20\x7f]+", "", value).lower()))


def page_problems(text: str) -> list[str]:
    """Script, handler, address and element problems in one HTML page."""
    soup = BeautifulSoup(text, "lxml")
    problems = []
    for element in soup.find_all(True):
        handlers = [name for name in element.attrs if name.lower().startswith("on")]
        problems += [f"<{element.name} {name}=>" for name in handlers]
        for name in URL_ATTRIBUTES:
            if unsafe_url(str(element.get(name, ""))):
                problems.append(f"<{element.name} {name}={element.get(name)}>")
        if element.has_attr("srcdoc") or element.name in FOREIGN.split():
            problems.append(f"<{element.name}>")
    for script in soup.find_all("script"):
        if script.get("type") == "application/ld+json":
            json.loads(script.string)
            if "<" in script.string:
                problems.append("'<' inside JSON-LD")
        elif script.get("src"):
            if not SITE_SCRIPT.search(script["src"]):
                problems.append(f"<script src={script['src']}>")
        elif "pwned" in (script.string or ""):
            problems.append("inline script with a payload")
    problems += [f"<meta http-equiv={m['http-equiv']}>" for m in soup.select("meta[http-equiv]")]
    # Forms: our search box, and the theme's light/dark switch (radio buttons, sends nothing).
    problems += [
        f"<form {f.attrs}>"
        for f in soup.find_all("form")
        if f.get("class") != ["na-search-form"]
        and not (f.get("data-md-component") == "palette" and not f.has_attr("action"))
    ]
    # Parser differentials: lxml must see every '<script' a browser would.
    if len(re.findall(r"(?i)<script\b", text)) != len(soup.find_all("script")):
        problems.append("a <script> the parser did not see")
    return problems


def test_no_output_file_carries_a_script_a_handler_or_a_script_address(
    archive: HostileArchive,
) -> None:
    site = archive.site
    pages = sorted(site.rglob("*.html"))
    problems = {str(p.relative_to(site)): page_problems(p.read_text("utf-8")) for p in pages}
    assert {page: found for page, found in problems.items() if found} == {}
    feeds = sorted(site.rglob("*.xml"))
    base = "https://newsarchive.example.org/"
    for path in feeds:
        text = path.read_text(encoding="utf-8")
        assert "<?xml-stylesheet" not in text and "<!DOCTYPE" not in text, path
        root = ET.fromstring(text)
        namespaces = {element.tag.split("}")[0] for element in root.iter()}
        assert len(namespaces) == 1, (path, namespaces)  # Atom or sitemap only, no XHTML
        assert [e.get("type") for e in root.iter() if e.get("type")] == [], path
        addresses = [e.get("href") for e in root.iter() if e.get("href")]
        addresses += [e.text for e in root.iter() if e.tag.endswith("}loc")]
        assert [a for a in addresses if not a.startswith(base)] == [], path
    records = [
        json.loads(line) for line in (site / "archive.jsonl").read_text("utf-8").splitlines()
    ]
    titles = {record["title"] for record in records}
    assert {f"{p.text} ({p.id})" for p in PAYLOADS} <= titles  # data, kept exactly as data
    assert mimetypes.guess_type("archive.jsonl")[0] != "text/html"
    print(
        f"static scan: {len(pages)} HTML pages, {len(feeds)} feeds and sitemaps, "
        f"{len(records)} export records"
    )


# --- every page in headless Chromium, with a trap on window.__pwned --------------------------

# Runs before any page script, in every frame: any assignment to __pwned is recorded on the
# top window and reported to Python; dialogs are recorded; a click on a link or a form only
# records where it leads (a javascript: link is let through, so that it can run).
TRAP = """
(() => {
  const top = window.top;
  if (!Object.getOwnPropertyDescriptor(top, '__hostileHits')) {
    Object.defineProperty(top, '__hostileHits', {value: [], enumerable: false});
  }
  const hits = top.__hostileHits;
  Object.defineProperty(window, '__pwned', {
    configurable: false,
    get() { return undefined; },
    // Also straight to Python: a javascript: address that returns a string replaces the page.
    set(value) { hits.push(String(value)); window.__hostileReport(String(value)); },
  });
  for (const name of ['alert', 'confirm', 'prompt', 'print']) {
    window[name] = (message) => hits.push(name + ' ' + message);
  }
  const unsafe = (url) => /^(javascript|data|vbscript):/i.test(url || '');
  document.addEventListener('click', (event) => {
    const link = event.target.closest && event.target.closest('a[href], area[href]');
    if (link && unsafe(link.protocol)) { hits.push('navigation to ' + link.href); return; }
    event.preventDefault();
  }, true);
  document.addEventListener('submit', (event) => {
    const action = event.submitter && event.submitter.formAction || event.target.action;
    if (unsafe(action)) { hits.push('form to ' + action); }
    event.preventDefault();
  }, true);
})();
"""
# Fire the events an on* attribute could wait for on every element of the content and the
# header, click links and buttons, focus fields; then report handlers, unsafe addresses, meta
# refreshes and frames as the DOM (not lxml) sees them. Pagefind's own form is the one
# javascript: address the site has: it never navigates, its submit is handled in script.
EXERCISE = """
() => {
  const types = ['mouseover', 'mouseenter', 'pointerover', 'pointerenter', 'focus', 'focusin',
    'toggle', 'load', 'error', 'start', 'animationstart', 'dblclick'];
  const content = [...document.querySelectorAll('.md-main *, .md-header__title *')];
  for (const element of content) {
    for (const type of types) { element.dispatchEvent(new Event(type, {bubbles: true})); }
    if (element.matches('a, button, summary, [class*="chip"]')) { element.click(); }
    if (element.matches('input, textarea, select, a')) { element.focus(); }
  }
  const found = [];
  const all = document.querySelectorAll('*');
  for (const element of all) {
    for (const attribute of element.attributes) {
      const name = attribute.name.toLowerCase();
      const value = attribute.value.replace(/[\\x00-\\x20]/g, '');
      if (name.startsWith('on')) { found.push('handler ' + name + ' on ' + element.tagName); }
      if (/^(href|src|action|formaction|data|xlink:href)$/.test(name)
          && /^(javascript|data|vbscript):/i.test(value)) {
        found.push(name + '=' + attribute.value + ' on ' + element.tagName);
      }
    }
  }
  for (const meta of document.querySelectorAll('meta[http-equiv]')) { found.push('meta refresh'); }
  for (const frame of document.querySelectorAll('iframe, frame, object, embed')) {
    found.push('frame ' + frame.tagName);
  }
  const boxes = content
    .filter((e) => e.children.length === 0 && /pwned/.test(e.textContent))
    .map((e) => e.getBoundingClientRect())
    .filter((r) => r.width > 0 && r.height > 0 && r.top < innerHeight && r.left < innerWidth)
    .slice(0, 3).map((r) => [r.left + r.width / 2, r.top + r.height / 2]);
  return {found, boxes, elements: content.length};
}
"""


@pytest.fixture(scope="module")
def served(archive: HostileArchive) -> Iterator[str]:
    """The hostile site on 127.0.0.1, random port."""
    with serve(archive.site) as url:
        yield url


def site_urls(site: Path) -> list[str]:
    """Every HTML page and every feed, as paths relative to the site root."""
    pages = [p.relative_to(site).as_posix() for p in sorted(site.rglob("*.html"))]
    feeds = [p.relative_to(site).as_posix() for p in sorted(site.rglob("feed.xml"))]
    return [page.removesuffix("index.html") for page in pages] + feeds


@dataclass
class Visits:
    """What the browser saw: problems per page, pages opened, elements exercised."""

    problems: dict[str, list[str]]
    opened: int = 0
    elements: int = 0


async def visit(tab: Any, served: str, path: str, seen: Visits) -> None:
    """Open one page, exercise it (feeds are only opened), record anything that ran."""
    await tab.goto(served + path)
    found: list[str] = []
    if not path.endswith(".xml"):
        result = await tab.evaluate(EXERCISE)
        for x, y in result["boxes"]:  # real (trusted) mouse moves over payload text
            await tab.mouse.move(x, y)
        found, seen.elements = result["found"], seen.elements + result["elements"]
    hits = await tab.evaluate("window.top.__hostileHits || []")
    seen.opened += 1
    if found or hits or tab.url != served + path:
        seen.problems[path] = [*found, *hits, tab.url]


async def search(tab: Any, served: str, query: str, seen: Visits) -> None:
    """A search whose results, excerpts and filter labels show hostile text."""
    path = f"search/?q={query}"
    log: list[str] = []  # shown if no result appears
    tab.on("console", lambda message: log.append(message.text))
    tab.on("pageerror", lambda error: log.append(str(error)))
    tab.on("requestfailed", lambda request: log.append(f"failed {request.url}"))
    tab.on(
        "response",
        lambda response: (
            log.append(f"{response.status} {response.url}")
            if response.status >= 400 or "pagefind" in response.url
            else None
        ),
    )
    await tab.goto(served + path)
    try:
        await tab.wait_for_selector(".na-search__result-link", timeout=30_000)
    except Exception:
        pytest.fail(f"{path}: no search result in 30 s; browser said: {log}")
    for _ in range(3):  # more results, so more hostile titles and excerpts render
        more = tab.locator(".na-search__more:visible")
        if await more.count() == 0:
            break
        await more.first.click()
    for name in await tab.locator(".na-search__filter-name").all():
        await name.click()  # filter groups start closed
    shown = await tab.locator(".na-search__result-link").count()
    result = await tab.evaluate(EXERCISE)
    hits = await tab.evaluate("window.top.__hostileHits || []")
    seen.opened += 1
    if result["found"] or hits or shown < 10:
        seen.problems[path] = [*result["found"], *hits, f"{shown} results"]


async def browse(served: str, paths: list[str], tabs: int) -> tuple[Visits, list[str]]:
    """Every path in one browser and one context, `tabs` pages at a time."""
    from playwright.async_api import async_playwright

    seen, ran = Visits({}), []
    queue = list(reversed(paths))
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = await browser.new_context(viewport={"width": 1280, "height": 800})
        await context.expose_binding(
            "__hostileReport", lambda source, value: ran.append(f"{source['frame'].url}: {value}")
        )
        await context.add_init_script(TRAP)

        async def worker() -> None:
            tab = await context.new_page()
            tab.on("dialog", lambda dialog: ran.append(f"dialog {dialog.message}"))
            tab.on(
                "framenavigated",
                lambda frame: (
                    None if frame.url.startswith((served, "about:")) else ran.append(frame.url)
                ),
            )
            while queue:
                await visit(tab, served, queue.pop(), seen)
            await tab.wait_for_timeout(500)  # a late meta refresh or timer lands here
            if hits := await tab.evaluate("window.top.__hostileHits || []"):
                seen.problems["late"] = hits

        for query in ("pwned", "headline", "window"):
            await search(await context.new_page(), served, query, seen)
        await asyncio.gather(*(worker() for _ in range(tabs)))
        await browser.close()
    return seen, ran


@pytest.mark.browser
def test_no_payload_runs_in_chromium(archive: HostileArchive, served: str) -> None:
    pytest.importorskip("playwright.async_api")
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian chromium is not installed (make browser)")
    paths = site_urls(archive.site)
    seen, ran = asyncio.run(browse(served, paths, tabs=3))
    placements = len(PAYLOADS) * (len(PAGE_FIELDS) + len(PASTE_FIELDS) + len(HTML_FIELDS))
    placements += len(PAYLOADS) * (len(SIDECAR_FIELDS) + len(SIDECAR_URL_FIELDS))
    print(
        f"\nbrowser: {seen.opened} pages, feeds and searches opened, {seen.elements} elements "
        f"exercised; {len(PAYLOADS)} payloads x fields = {placements} placements"
    )
    assert seen.problems == {}
    assert ran == []
    assert seen.opened == len(paths) + 3
