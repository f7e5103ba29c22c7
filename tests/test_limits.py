"""Every documented limit: its exact one-line refusal, and the input just inside it passing.

The hostile inputs are generated here (a few MB at most); how fast each is refused and
with how much memory is measured by `newsarchive bench limits`, not asserted.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import REPO_DATA
from newsarchive import readers
from newsarchive.bench import limits
from newsarchive.cli import cli
from newsarchive.errors import InputError
from newsarchive.ingest import normalise
from newsarchive.overrides import Overrides
from newsarchive.readers import read_file, read_sidecar
from newsarchive.registry import load_registries

REPO = Path(__file__).resolve().parents[1]
SENTENCE = "The minister said on Tuesday that the talks on the grain corridor would go on."
FLAGS = Overrides(date=dt.date(2025, 3, 15), title="Talks go on")


def refusal(call: Callable[[Path], object], path: Path) -> str:
    with pytest.raises(InputError) as caught:
        call(path)
    assert caught.value.path == path
    return str(caught.value)


def sparse(path: Path, size: int) -> Path:
    """A file of `size` zero bytes that takes no disk space."""
    with path.open("wb") as handle:
        handle.truncate(size)
    return path


def page(body: str, head: str = "") -> str:
    return f"<html><head>{head}</head><body>{body}</body></html>"


def nested(depth: int) -> str:
    """A page whose article paragraph sits `depth` tags below the document root."""
    divs = depth - 3  # html, body and the paragraph itself
    return page("<div>" * divs + f"<p>{SENTENCE}</p>" + "</div>" * divs)


# --- article files ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["huge.txt", "huge.html"])
def test_a_file_one_byte_over_the_size_cap_is_refused(tmp_path: Path, name: str) -> None:
    path = sparse(tmp_path / name, readers.MAX_INPUT_BYTES + 1)
    assert refusal(read_file, path) == (
        f"{path}: file is larger than 5 MiB (5,242,881 bytes); "
        "save only the article, not a whole site"
    )


def test_a_file_at_the_size_cap_is_read(tmp_path: Path) -> None:
    # Read, then refused for what it holds (zeros): the size check let it through.
    path = sparse(tmp_path / "full.txt", readers.MAX_INPUT_BYTES)
    assert refusal(read_file, path) == (
        f"{path}: file is binary, not text; save the article as .txt or .html"
    )


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("A title\n\n" + "word " * 600_000, 3),  # 3 million characters on one line
        ("Заголовок\n" + "слово " * 400_000, 2),  # 2.4 million, 4.4 MB of UTF-8
        ("x" * (readers.MAX_LINE_CHARS + 1), 1),
    ],
)
def test_a_line_of_millions_of_characters_is_refused(tmp_path: Path, text: str, line: int) -> None:
    path = tmp_path / "one_line.txt"
    path.write_text(text, encoding="utf-8")
    assert refusal(read_file, path) == (
        f"{path}: line {line} is longer than 200,000 characters; "
        "this is not article text, save the article on its own"
    )


def test_a_line_at_the_length_cap_is_read(tmp_path: Path) -> None:
    path = tmp_path / "long_line.txt"
    line = ("word " * (readers.MAX_LINE_CHARS // 5))[: readers.MAX_LINE_CHARS]
    path.write_text(f"A title\n{line}\n", encoding="utf-8")
    assert read_file(path).text.splitlines()[1] == line


def test_a_file_of_more_lines_than_the_cap_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "many_lines.txt"
    path.write_text("A title\n" + "a.\n" * readers.MAX_LINES, encoding="utf-8")
    assert refusal(read_file, path) == (
        f"{path}: file has more than 50,000 lines; this is not one article, "
        "save the article on its own"
    )


def test_a_file_of_as_many_lines_as_the_cap_is_read(tmp_path: Path) -> None:
    path = tmp_path / "many_lines.txt"
    path.write_text("A title\n" + "a.\n" * (readers.MAX_LINES - 1), encoding="utf-8")
    assert len(read_file(path).text.splitlines()) == readers.MAX_LINES


def tags(count: int) -> str:
    """A page of exactly `count` elements: html, body and paragraphs."""
    return page(f"<p>{SENTENCE}</p>" * (count - 2))


def test_a_page_of_more_tags_than_the_cap_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "many_tags.html"
    path.write_text(tags(readers.MAX_HTML_ELEMENTS + 1), encoding="utf-8")
    assert refusal(read_file, path) == (
        f"{path}: page has more than 30,000 tags; this is not one article, "
        "paste the article text into a .txt file"
    )


def test_a_saved_page_with_a_paragraph_of_millions_of_characters_is_refused(
    tmp_path: Path,
) -> None:
    # Pages skip the line check (their scripts are minified onto one line); the paragraph
    # the extractor finds is what must not be endless.
    path = tmp_path / "one_paragraph.html"
    path.write_text(page(f"<p>{SENTENCE}</p><p>{'word ' * 500_000}.</p>"), encoding="utf-8")
    assert refusal(read_file, path) == (
        f"{path}: paragraph 2 is longer than 200,000 characters; "
        "this is not article text, save the article on its own"
    )


@pytest.mark.parametrize("depth", [readers.MAX_HTML_DEPTH + 1, 100_000])
def test_html_nested_deeper_than_the_cap_is_refused(tmp_path: Path, depth: int) -> None:
    # Below 255 levels libxml2 drops the rest of the page without a word; refuse instead.
    path = tmp_path / "nested.html"
    path.write_text(nested(depth), encoding="utf-8")
    assert refusal(read_file, path) == (
        f"{path}: page nests its tags more than 200 levels deep; "
        "paste the article text into a .txt file"
    )


def test_html_nested_to_the_cap_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "nested.html"
    path.write_text(nested(readers.MAX_HTML_DEPTH), encoding="utf-8")
    assert read_file(path).text == SENTENCE


def test_json_ld_nested_100k_deep_is_skipped_and_the_page_read(tmp_path: Path) -> None:
    script = '<script type="application/ld+json">' + "[" * 100_000 + "]" * 100_000 + "</script>"
    path = tmp_path / "deep_jsonld.html"
    path.write_text(page(f"<article><p>{SENTENCE}</p></article>", head=script), encoding="utf-8")
    item = normalise(path, FLAGS, load_registries(REPO_DATA))
    assert item.error is None
    assert item.enriched is not None and item.enriched.body == SENTENCE


def test_an_entity_bomb_in_a_saved_page_is_not_expanded(tmp_path: Path) -> None:
    entities = '<!ENTITY a "lol lol lol lol lol lol lol lol lol lol">' + "".join(
        f'<!ENTITY {c} "{f"&{p};" * 10}">' for p, c in zip("abcdefgh", "bcdefghi", strict=True)
    )
    path = tmp_path / "lol.html"
    path.write_text(
        f"<!DOCTYPE html [{entities}]>" + page(f"<article><p>&i; {SENTENCE}</p></article>"),
        encoding="utf-8",
    )
    # HTML parsers ignore an internal DTD subset: its tail is stray text, never expanded.
    assert read_file(path).text == f"]> &i; {SENTENCE}"


def test_a_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)
    assert refusal(read_file, path) == (
        f"{path}: is a pipe or device, not a file; name the article file"
    )


def test_a_link_to_an_endless_device_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "zero.txt"
    path.symlink_to("/dev/zero")
    assert refusal(read_file, path) == (
        f"{path}: is a pipe or device, not a file; name the article file"
    )


# --- sidecars --------------------------------------------------------------------------------


def test_a_yaml_alias_bomb_sidecar_is_refused_before_expansion(tmp_path: Path) -> None:
    rows = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    rows += [
        f"{c}: &{c} [{','.join([f'*{p}'] * 9)}]"
        for p, c in zip("abcdefgh", "bcdefghi", strict=True)
    ]
    path = tmp_path / "bomb.meta.yml"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    assert refusal(read_sidecar, path) == (
        f"{path}: line 1 uses a YAML anchor or alias; write each value out in full"
    )


def test_a_sidecar_one_byte_over_its_cap_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.meta.yml"
    path.write_text("# " + "x" * (readers.MAX_SIDECAR_BYTES - 2) + "\n", encoding="utf-8")
    assert refusal(read_sidecar, path) == (
        f"{path}: file is larger than 64 KiB (65,537 bytes); keep only the article's fields"
    )


def test_a_sidecar_at_its_cap_is_read(tmp_path: Path) -> None:
    path = tmp_path / "full.meta.yml"
    head = "date: 2025-03-15\n"
    path.write_text(head + "#" * (readers.MAX_SIDECAR_BYTES - len(head)), encoding="utf-8")
    assert read_sidecar(path) == Overrides(date=dt.date(2025, 3, 15))


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("[" * 30_000 + "]" * 30_000, 1),  # recursion in PyYAML's composer, unchecked
        ("title:\n" + "".join("  " * i + "-\n" for i in range(11)), 11),
    ],
)
def test_a_sidecar_nested_deeper_than_its_cap_is_refused(
    tmp_path: Path, text: str, line: int
) -> None:
    path = tmp_path / "deep.meta.yml"
    path.write_text(text, encoding="utf-8")
    assert refusal(read_sidecar, path) == (
        f"{path}: line {line} nests values more than 10 deep; write one 'key: value' line per field"
    )


def test_a_sidecar_nested_to_its_cap_gets_the_value_error(tmp_path: Path) -> None:
    path = tmp_path / "deep.meta.yml"
    path.write_text("title: " + "[" * 9 + "]" * 9 + "\n", encoding="utf-8")
    assert refusal(read_sidecar, path) == (
        f"{path}: title must be text; write it on one line, in quotes if needed"
    )


# --- what the contributor sees ---------------------------------------------------------------


def test_the_cli_reports_a_refused_input_on_one_line_and_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "deep.html").write_text(nested(100_000), encoding="utf-8")
    (inbox / "good.txt").write_text(f"Talks go on\n\n{SENTENCE}\n", encoding="utf-8")
    (inbox / "good.meta.yml").write_text("date: 2025-03-11\n", encoding="utf-8")
    shutil.copytree(REPO_DATA, tmp_path / "data")  # an ingest may add people to it
    monkeypatch.chdir(tmp_path)
    args = ["ingest", "inbox", "--out", "out", "--data-dir", "data", "--jobs", "1"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "error: inbox/deep.html: page nests its tags more than 200 levels deep; "
        "paste the article text into a .txt file",
        "archived out/2025/03/talks-go-on.md",
        "1 archived, 0 already archived, 1 failed",
    ]
    assert sorted(p.name for p in (tmp_path / "out").rglob("*.md")) == ["talks-go-on.md"]


def test_contributing_states_each_limit() -> None:
    guide = " ".join((REPO / "CONTRIBUTING.md").read_text(encoding="utf-8").split())
    assert (
        f"files over {readers.MAX_INPUT_BYTES // 2**20} MiB or {readers.MAX_LINES:,} lines, "
        f"a line or paragraph over {readers.MAX_LINE_CHARS:,} characters, "
        f"pages of more than {readers.MAX_HTML_ELEMENTS:,} tags or whose tags nest more "
        f"than {readers.MAX_HTML_DEPTH} deep, "
        f"and sidecars over {readers.MAX_SIDECAR_BYTES // 2**10} KiB, "
        f"nested more than {readers.MAX_SIDECAR_DEPTH} deep or using YAML anchors"
    ) in guide


# --- the benchmark's plumbing ------------------------------------------------------------------


def test_the_benchmark_settles_a_case_as_the_ingest_would(tmp_path: Path) -> None:
    case = next(c for c in limits.CASES if c.file == "nested.html")
    case.write(tmp_path / case.file)
    figures = limits.settle(tmp_path / case.file)
    assert figures["outcome"] == (
        "refused: page nests its tags more than 200 levels deep; "
        "paste the article text into a .txt file"
    )
    assert figures["peak_mib"] >= figures["base_mib"] > 0


def test_the_benchmark_report_is_a_table_of_outcomes() -> None:
    runs = [limits.LimitRun("named pipe", 0, "refused: is a pipe", 0.00012, 60.2, 61.7)]
    assert limits.render(runs).splitlines() == [
        "| input | bytes | ms | base MiB | peak MiB | outcome |",
        "| --- | ---: | ---: | ---: | ---: | --- |",
        "| named pipe | 0 | 0.1 | 60 | 62 | refused: is a pipe |",
    ]
