"""One mistake reads the same wherever it is made: a page, a sidecar, a registry, a flag.

Each consumer adds where (file and line, or the flag's name); what is wrong and how to fix
it come from newsarchive.explain alone.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import REPO_DATA
from newsarchive import frontmatter
from newsarchive.cli import cli
from newsarchive.errors import NewsarchiveError, PageError
from newsarchive.readers.sidecar import read_sidecar
from newsarchive.registry import load_registries

COLON = (
    "the value of 'title' contains ': ', which YAML reads as a new field; "
    "quote the whole value: title: 'Breaking: talks resume'"
)
TAB = "tab in the indentation; YAML allows only spaces: replace the tab with spaces"
NOT_A_DAY = "2025-02-30 is not a real calendar date; write the publication date as YYYY-MM-DD"


def error_of(action) -> str:
    with pytest.raises(NewsarchiveError) as caught:
        action()
    return str(caught.value)


def page_error(yaml_text: str) -> PageError:
    with pytest.raises(PageError) as caught:
        frontmatter.loads(f"---\n{yaml_text}---\n\nBody.\n")
    return caught.value


@pytest.mark.parametrize(
    ("yaml_text", "line", "message"),
    [
        ("date: 2025-03-01\ntitle: Breaking: talks resume\n", 3, COLON),
        ("date: 2025-03-01\ntranslation:\n\tfrom: fr\n", 4, TAB),
    ],
)
def test_yaml_mistakes_read_alike_in_a_page_a_sidecar_and_a_registry(
    tmp_path: Path, yaml_text: str, line: int, message: str
) -> None:
    error = page_error(yaml_text)
    assert (error.message, error.line) == (f"front matter: {message}", line)

    sidecar = tmp_path / "story.meta.yml"
    sidecar.write_text(yaml_text, encoding="utf-8")
    assert error_of(lambda: read_sidecar(sidecar)) == f"{sidecar}: line {line - 1}: {message}"

    data = tmp_path / "data"
    shutil.copytree(REPO_DATA, data)
    people = data / "people.yml"
    people.write_text(
        "- name: Ada Lovelace\n" + "".join(f"  {row}\n" for row in yaml_text.splitlines()),
        encoding="utf-8",
    )
    explained = error_of(lambda: load_registries(data))
    assert explained == f"{people}: line {line}: {message}"


def test_an_impossible_date_reads_alike_as_a_sidecar_key_a_flag_and_a_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sidecar = tmp_path / "story.meta.yml"
    sidecar.write_text("date: 2025-02-30\n", encoding="utf-8")
    assert error_of(lambda: read_sidecar(sidecar)) == f"{sidecar}: date {NOT_A_DAY}"

    monkeypatch.chdir(tmp_path)
    (tmp_path / "story.txt").write_text("Talks resume\n\nThe talks resumed.\n", "utf-8")
    result = CliRunner().invoke(cli, ["ingest", "story.txt", "--date", "2025-02-30"])
    assert result.exit_code == 2
    assert f"--date {NOT_A_DAY}" in result.output
