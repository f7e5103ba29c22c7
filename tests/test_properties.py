"""Properties of the readers and cleaners on generated input: any bytes, any Unicode, any YAML.

Every input ends in one of two ways: a page that validates and round-trips byte for
byte, or one line naming the file (no traceback, no newline). Each example records its
outcome as a hypothesis event: `pytest tests/test_properties.py --hypothesis-show-statistics`
prints how many inputs each property tried and how they ended.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import tempfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from conftest import REPO_DATA
from newsarchive import frontmatter, writer
from newsarchive.cleaner import clean
from newsarchive.cli import cli
from newsarchive.errors import InputError, NewsarchiveError
from newsarchive.ingest import flag_of, normalise
from newsarchive.model import Article
from newsarchive.overrides import Overrides, overrides_from
from newsarchive.readers import read_sidecar
from newsarchive.records import RawArticle
from newsarchive.registry import Furniture, Registries, load_registries

# Hypothesis runs these in one process on a shared 2-core machine; the budgets keep the
# whole file near half a minute while still reaching every branch named in the docstrings.
FAST = settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
CLI = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])

SENTENCE = "The minister said on Tuesday that the talks would resume next week in Geneva."
FLAGS = Overrides(date=dt.date(2025, 3, 15), title="Generated headline")

# Characters that break naive text handling: RTL marks and overrides, zero-width joiners,
# combining marks, BOM, NUL and C0 controls, line and paragraph separators, CR.
HOSTILE = (
    "\u200f\u202e\u2066\u200b\u200d\u2060\ufeff\u0301\u0308\x00\x01\x0b\x0c\x1c\x85\u2028\u2029\r"
)
WORDS = (
    "minister", "said", "talks", "border", "energy", "Kyiv", "Ukraine", "Reuters", "By",
    "Advertisement", "©", "2025", "—", "(AP)", "LONDON", "«", "»", "## ", "-", ",", ".", "“",
    "<script>", "javascript:", "---", "&amp;", "مرحبا", "שלום", "Привіт", "日本語",
)  # fmt: skip

any_char = st.characters(exclude_categories=["Cs"])
word = st.one_of(st.sampled_from(WORDS), st.text(any_char, min_size=1, max_size=8))
line = st.lists(word, min_size=1, max_size=25).map(" ".join)
# Paragraph lines with generated words, hostile characters and sentence ends, so that
# many inputs get past the readers and exercise the cleaner and enricher.
article_text = st.builds(
    lambda title, paras, noise: f"{title}\n\n" + "\n\n".join(p + "." for p in paras) + noise,
    line,
    st.lists(line, min_size=0, max_size=6),
    st.text(st.sampled_from(HOSTILE), max_size=4),
)
any_text = st.one_of(article_text, st.text(st.one_of(any_char, st.sampled_from(HOSTILE))))


@st.composite
def html_page(draw: st.DrawFn) -> str:
    """A saved page: article paragraphs in random tags, with generated junk between them."""
    tags = draw(st.lists(st.sampled_from(["div", "p", "span", "b", "article", "td", "li"])))
    paras = draw(st.lists(line, max_size=6))
    inner = "".join(f"<p>{text}.</p>" for text in paras)
    for tag in tags:
        inner = f"<{tag}>{inner}</{tag}>"
    junk = draw(st.text(any_char, max_size=40))
    head = draw(st.sampled_from(["", "<title>T</title>", '<meta name="author" content="By A">']))
    return f"<html><head>{head}</head><body>{junk}{inner}{junk}</body></html>"


any_bytes = st.one_of(
    st.binary(max_size=2000),
    st.builds(lambda t, c: t.encode(c, errors="replace"), any_text, st.sampled_from(
        ["utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1"]
    )),
    st.builds(lambda t, b: t.encode("utf-8") + b, article_text, st.binary(max_size=20)),
)  # fmt: skip


@pytest.fixture(scope="module")
def registries() -> Registries:
    return load_registries(REPO_DATA)


@pytest.fixture(scope="module")
def furniture(registries: Registries) -> Furniture:
    return registries.furniture


@pytest.fixture(scope="module")
def scratch() -> Iterator[Path]:
    # Module-scoped, so hypothesis can reuse it: each example overwrites the same file.
    folder = Path(tempfile.mkdtemp(prefix="newsarchive-props-"))
    yield folder
    shutil.rmtree(folder)


def check_outcome(path: Path, registries: Registries, flags: Overrides = FLAGS) -> str:
    """Normalise `path`; assert a valid round-tripping page or one error line. Says which."""
    item = normalise(path, flags, registries)
    if item.error is not None:
        assert item.enriched is None
        assert item.error.startswith(f"{path}: "), item.error
        assert "\n" not in item.error and "\r" not in item.error, item.error
        assert "Traceback" not in item.error and "please report this" not in item.error
        return "refused"
    assert item.enriched is not None
    article = item.enriched.article.model_copy(update={"input_sha256": item.digest})
    page = writer.render(article, item.enriched.body)
    data, body = frontmatter.loads(page)
    again = Article.model_validate(data)
    assert again == article
    assert writer.render(again, body) == page
    return "archived"


@FAST
@given(data=any_bytes, suffix=st.sampled_from([".txt", ".md", ".html"]))
def test_any_bytes_give_a_page_or_one_line(
    data: bytes, suffix: str, registries: Registries, scratch: Path
) -> None:
    path = scratch / f"input{suffix}"
    path.write_bytes(data)
    event(f"bytes {check_outcome(path, registries)}")


@FAST
@given(text=any_text, title=st.one_of(st.none(), line))
def test_any_unicode_text_gives_a_page_or_one_line(
    text: str, title: str | None, registries: Registries, scratch: Path
) -> None:
    path = scratch / "input.txt"
    path.write_text(text, encoding="utf-8", newline="")
    try:  # as the command line checks a --title
        flags = overrides_from({"date": FLAGS.date, "title": title}, flag_of)
    except NewsarchiveError as exc:
        assert "\n" not in str(exc) and str(exc).startswith("--title ")
        event("unicode title refused")
        return
    event(f"unicode {check_outcome(path, registries, flags)}")


@SLOW
@given(page=html_page())
def test_any_saved_page_gives_a_page_or_one_line(
    page: str, registries: Registries, scratch: Path
) -> None:
    path = scratch / "input.html"
    path.write_text(page, encoding="utf-8", newline="")
    event(f"html {check_outcome(path, registries)}")


def squeeze(text: str) -> str:
    """Text with the spacing the cleaner may repair taken out: whitespace and zero-width marks."""
    return re.sub(r"[\s\u200b\u2060\ufeff]+", "", text)


def unmarked(text: str) -> str:
    """The input with Markdown heading marks ('## Title ##') read as markup, not words."""
    rows = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(re.sub(r"^#{1,6}\s+(.+?)\s*#*$", r"\1", row.strip()) for row in rows)


@FAST
@given(text=any_text)
# A headline repeated with a full stop was dropped without landing in `removed`.
@example(text="Big news today\n\nBig news today.\n\nThe minister said many things today.")
@example(text="(AP) ---\n\n")  # a dateline cut splits the dashes: still all kept
@example(
    text=f"Talks resume.\n\nTalks resume.\n\n{SENTENCE}"
)  # a headline taken first, then repeated
def test_the_cleaner_never_invents_or_reorders_text(text: str, registries: Registries) -> None:
    raw = RawArticle(path=Path("generated.txt"), kind="text", text=text, digest="0" * 64)
    result = clean(raw, registries)
    # The cleaner only drops lines and repairs spacing: each block, spaces aside, is a run
    # of the input, and the blocks come in input order.
    source, position = squeeze(unmarked(text)), 0
    for block in result.blocks:
        assert block.text and block.text == block.text.strip()
        found = source.find(squeeze(block.text), position)
        assert found >= 0, (block.text, text)
        position = found + len(squeeze(block.text))
    # Nothing disappears unseen: every character of the input (spacing aside) is in a
    # block, the title or `removed`, as often as the input has it. Characters, not words:
    # a dateline cut may split a word between `removed` and the first paragraph.
    parts = [*(b.text for b in result.blocks), *result.removed, result.title or ""]
    missing = Counter(squeeze(unmarked(text))) - Counter(squeeze("".join(parts)))
    assert not missing, (missing, text)
    event("cleaner")


scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(any_char),
    st.dates(), st.datetimes(), st.sampled_from(["machine", "fr", "https://a.org/", "2025-03-15"]),
)  # fmt: skip
known_keys = st.sampled_from(
    ["title", "date", "source", "url", "from", "method", "reviewed", "translator",
     "original_title", "original_url"]
)  # fmt: skip
sidecar_keys = st.one_of(known_keys, st.text(any_char, max_size=10))
yaml_values = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(sidecar_keys, children, max_size=4)
    ),
    max_leaves=12,
)
sidecar_text = st.one_of(
    st.text(st.one_of(any_char, st.sampled_from(":-&*!|>{}[]#'\"\n "))),
    st.dictionaries(sidecar_keys, yaml_values, max_size=6).map(
        lambda d: yaml.safe_dump(d, allow_unicode=True)
    ),
    yaml_values.map(lambda v: yaml.safe_dump(v, allow_unicode=True)),
    st.dictionaries(known_keys, scalars).map(lambda d: yaml.safe_dump(d, allow_unicode=True)),
    st.fixed_dictionaries(
        {},
        optional={
            "title": st.text(any_char), "date": st.dates(), "source": st.text(any_char),
            "url": st.text(any_char).map("https://example.org/".__add__),
            "from": st.sampled_from(["fr", "uk", "en", "de"]), "reviewed": st.booleans(),
            "method": st.sampled_from(["machine", "human", "post-edited"]),
        },
    ).map(lambda d: yaml.safe_dump(d, allow_unicode=True)),
)  # fmt: skip


@FAST
@given(text=sidecar_text)
# Keys and values with line breaks were quoted raw, splitting the error over lines.
@example(text='"ti\\rtle": x\n')
@example(text='method: "machine\\nx"\n')
def test_any_sidecar_gives_overrides_or_one_line(text: str, scratch: Path) -> None:
    path = scratch / "input.meta.yml"
    path.write_text(text, encoding="utf-8", newline="")
    try:
        overrides = read_sidecar(path)
    except InputError as exc:
        assert exc.path == path
        assert str(exc).startswith(f"{path}: ")
        assert "\n" not in str(exc) and "\r" not in str(exc), str(exc)
        event("sidecar refused")
        return
    assert isinstance(overrides, Overrides)
    assert overrides.date is None or type(overrides.date) is dt.date
    for value in (overrides.title, overrides.source, overrides.url, overrides.translator):
        assert value is None or (isinstance(value, str) and value == value.strip() and value)
    event("sidecar read")


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


@CLI
# Half the stories get a plain dated sidecar, so that both exit codes are seen.
@given(text=any_text, sidecar=sidecar_text, dated=st.booleans())
def test_the_cli_exits_0_or_1_and_writes_only_archived_pages(
    text: str, sidecar: str, dated: bool, scratch: Path
) -> None:
    root = Path(tempfile.mkdtemp(dir=scratch))
    inbox, out = root / "inbox", root / "out"
    inbox.mkdir()
    (inbox / "story.txt").write_text(text, encoding="utf-8", newline="")
    (inbox / "other.txt").write_text(
        "Harbour reopens after storm\n\nThe harbour of the town reopened on Monday after "
        "the storm of last week, the port authority said.\n",
        encoding="utf-8",
    )
    (inbox / "other.meta.yml").write_text("date: 2025-03-10\n", encoding="utf-8")
    sidecar = "date: 2025-03-15\n" if dated else sidecar
    (inbox / "story.meta.yml").write_text(sidecar, encoding="utf-8", newline="")
    shutil.copytree(REPO_DATA, root / "data")
    args = ["ingest", str(inbox), "--out", str(out), "--data-dir", str(root / "data")]
    result = CliRunner().invoke(cli, [*args, "--jobs", "1"])

    assert result.exit_code in (0, 1), result.output
    assert isinstance(result.exception, SystemExit | None)
    assert "Traceback" not in result.output
    lines = result.stderr.splitlines()
    pages = sorted(writer.iter_pages(out))
    # Only pages are left under --out: no partial file of a refused input.
    assert sorted(p for p in out.rglob("*") if p.is_file()) == pages
    errors = [line for line in lines if line.startswith("error: ")]
    if result.exit_code == 1:
        assert lines[-1] == "1 archived, 0 already archived, 1 failed"
        assert len(errors) == 1 and errors[0].startswith(f"error: {inbox / 'story.'}")
        assert [p.stem for p in pages] == ["harbour-reopens-after-storm"]
    else:
        assert lines[-1] == "2 archived, 0 already archived, 0 failed"
        assert errors == [] and len(pages) == 2
        # A story with no headline gets a provisional one, shown after its path.
        shown = {line.split(" [provisional ")[0] for line in lines}
        assert all(f"archived {page}" in shown for page in pages)
    event(f"cli exit {result.exit_code}")


@pytest.mark.parametrize(
    ("sidecar", "message"),
    [
        ('"ti\\rtle": x\n', "unknown field 'ti\\rtle'; did you mean 'title'?"),
        (
            'method: "machine\\nx"\n',
            "method 'machine\\nx' is not one of machine, human, post-edited; "
            "pick the one that fits",
        ),
        (
            'from: "f\\u2028r"\n',
            "from 'f\\u2028r' is not a two-letter ISO 639-1 code such as en, fr, de, uk",
        ),
        (
            f"url: {'x' * 200}\n",
            f"url '{'x' * 79}…' must be an http:// or https:// address",
        ),
    ],
)
def test_sidecar_values_are_quoted_on_one_line(sidecar: str, message: str, tmp_path: Path) -> None:
    path = tmp_path / "story.meta.yml"
    path.write_text(sidecar, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_sidecar(path)
    assert str(caught.value) == f"{path}: {message}"
