"""The search index in pieces: how records are cut, and the bundle a build writes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsarchive.errors import SiteError
from newsarchive.website.search import Record, SearchJob, build_index, split_pieces


def record(tmp_path: Path, name: str, date: str, body: str, **filters: list[str]) -> Record:
    page = tmp_path / f"{name}.md"
    page.write_text(f"---\ntitle: {name}\n---\n\n{body}\n", encoding="utf-8")
    return Record(str(page), f"/articles/{name}/", name.title(), date, filters)


def entry(folder: Path) -> dict:
    return json.loads((folder / "pagefind-entry.json").read_text(encoding="utf-8"))


def test_pieces_follow_dates_and_are_as_even_as_they_can_be(tmp_path: Path) -> None:
    dates = ["2024-05-01", "2020-01-01", "2024-05-01", "2022-03-01", "2021-07-01"]
    records = [record(tmp_path, f"r{i}", date, "x") for i, date in enumerate(dates)]
    pieces = split_pieces(records, 2)
    assert [[r.url for r in piece] for piece in pieces] == [
        ["/articles/r1/"],
        ["/articles/r4/", "/articles/r3/"],
        ["/articles/r0/", "/articles/r2/"],  # same day: by address
    ]
    assert [len(piece) for piece in split_pieces(records * 4, 7)] == [6, 7, 7]
    assert split_pieces(records, 5) == [sorted(records, key=lambda r: (r.date, r.url))]
    assert split_pieces([], 5) == []


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Five articles indexed two to a piece, over a stale bundle of an earlier build."""
    tmp_path = tmp_path_factory.mktemp("bundle")
    records = [
        record(tmp_path, "oldest", "2019-02-01", "Hydroponics in winter.", year=["2019"]),
        record(tmp_path, "old", "2020-06-01", "Ceasefire talks.", year=["2020"]),
        record(tmp_path, "middle", "2021-01-01", "Ceasefire again.", year=["2021"]),
        record(tmp_path, "new", "2024-01-01", "Budget talks.", year=["2024"], person=["<b>A"]),
        record(tmp_path, "newest", "2025-01-01", "Budget.", year=["2025"], person=["<b>A"]),
    ]
    out = tmp_path / "site" / "pagefind"
    out.mkdir(parents=True)
    (out / "stale.txt").write_text("from an earlier build", encoding="utf-8")
    assert build_index(records, str(out), "en", piece_size=2) == 5
    return out


def test_the_bundle_has_the_engine_a_router_and_the_pieces_and_nothing_else(
    bundle: Path,
) -> None:
    top = sorted(p.name for p in bundle.iterdir() if p.is_file())
    assert [name for name in top if not name.endswith(".pf_meta")] == [
        "filters.json",
        "pagefind-entry.json",
        "pagefind.js",
        "search.json",
        "wasm.en.pagefind",
    ]
    assert entry(bundle)["languages"]["en"]["page_count"] == 1  # the engine's anchor page
    assert entry(bundle / "router")["languages"]["en"]["page_count"] == 3
    counts = [entry(bundle / "pieces" / str(n))["languages"]["en"]["page_count"] for n in range(3)]
    assert counts == [1, 2, 2]
    # Pagefind's own UI files are written beside every index; no page loads them.
    assert not list(bundle.rglob("pagefind-ui*")) and not list(bundle.rglob("*worker*"))
    assert not (bundle / "stale.txt").exists()
    assert not bundle.with_name("pagefind.partial").exists()


def test_the_manifest_names_each_piece_with_its_dates(bundle: Path) -> None:
    manifest = json.loads((bundle / "search.json").read_text(encoding="utf-8"))
    assert manifest == {
        "filters": ["year", "person"],
        "pieces": [
            {"path": "pieces/0/", "first": "2019-02-01", "last": "2019-02-01", "articles": 1},
            {"path": "pieces/1/", "first": "2020-06-01", "last": "2021-01-01", "articles": 2},
            {"path": "pieces/2/", "first": "2024-01-01", "last": "2025-01-01", "articles": 2},
        ],
    }


def test_filter_values_are_counted_once_for_the_whole_archive_and_kept_inert(
    bundle: Path,
) -> None:
    filters = json.loads((bundle / "filters.json").read_text(encoding="utf-8"))
    assert filters["person"] == {"‹b›A": 2}
    assert filters["year"] == {"2019": 1, "2020": 1, "2021": 1, "2024": 1, "2025": 1}


def test_a_piece_size_below_one_fails_before_any_indexing(tmp_path: Path) -> None:
    with pytest.raises(SiteError, match=r"^search_piece_size is 0; set it to 1 or more"):
        SearchJob([record(tmp_path, "a", "2025-01-01", "x")], tmp_path / "out", "en", 0)
    assert not (tmp_path / "out").exists()
