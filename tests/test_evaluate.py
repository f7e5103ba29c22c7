"""`newsarchive eval`: field scoring, corpus reading, the table and the baseline gate.

Every corpus here is a tiny made-up folder in the real corpus layout, written in
tmp_path; the external corpus itself is never needed.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsarchive.cli import cli
from newsarchive.errors import InputError
from newsarchive.evaluate import (
    Board,
    below_floors,
    evaluate,
    load_baseline,
    render_table,
    score_translation,
)
from newsarchive.evaluate.corpus import Item, iter_items
from newsarchive.evaluate.run import Extraction
from newsarchive.evaluate.score import (
    contains,
    dateline_place,
    paragraphs_found,
    person_matches,
    same_place,
    same_title,
    split_names,
    token_overlap,
)
from newsarchive.registry import load_registries
from newsarchive.synthetic import write_registries

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Harbour reopens after storm | Coastal Daily</title>
<meta property="og:title" content="Harbour reopens after storm">
<meta name="author" content="Mira Holm">
<meta property="article:published_time" content="2024-05-06T08:00:00Z">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<article><h1>Harbour reopens after storm</h1>
<p>The harbour at Brenna reopened on Monday after a storm closed it for three days,
the port authority said in a statement issued in the morning.</p>
<p>Fishing boats returned to their moorings by noon, and the ferry to the islands will
run on its usual timetable from Tuesday, officials said.</p>
<p>Repairs to the northern breakwater are expected to take several more weeks.</p>
</article>
<footer><p>Subscribe to our newsletter for daily updates</p></footer>
</body></html>
"""

PASTE = """Home
News
Sport
Harbour reopens after storm
The harbour at Brenna reopened on Monday after a storm closed it for three days, the port authority said in a statement.
Fishing boats returned to their moorings by noon, and the ferry to the islands will run on its usual timetable from Tuesday.
Subscribe to our newsletter
"""  # noqa: E501

WIRE = """HARBOUR REOPENS AFTER STORM
By Mira Holm, Reuters
BRENNA, Feb 26 - The harbour at Brenna reopened on Monday after a
storm closed it for three days, port director Jonas Berg said.
    Fishing boats returned to their moorings by noon, and the ferry to
the islands will run on its usual timetable from Tuesday, Berg said.
 Reuter
"""


def write_json(path: Path, data: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def make_corpus(root: Path) -> Path:
    """A corpus with one item per set, each in the layout of the real one."""
    html_dir = root / "html_articles" / "trafilatura_eval"
    html_dir.mkdir(parents=True)
    (html_dir / "harbour.html").write_text(PAGE, encoding="utf-8")
    write_json(
        html_dir / "harbour.truth.json",
        {
            "ground_truth": {
                "title": "Harbour reopens after storm",
                "author": "Mira Holm",
                "date": "2024-05-06",
                "body_must_contain": ["the port authority said"],
                "body_must_not_contain": ["Subscribe to our newsletter"],
            }
        },
    )
    write_json(
        root / "html_articles" / "manifest.json",
        {
            "files": [
                {
                    "file": "trafilatura_eval/harbour.html",
                    "truth": "trafilatura_eval/harbour.truth.json",
                    "language": "en",
                }
            ]
        },
    )
    messy = root / "messy_text"
    (messy / "fullpage_paste").mkdir(parents=True)
    (messy / "fullpage_paste" / "harbour.page.txt").write_text(PASTE, encoding="utf-8")
    body = "\n\n".join(PASTE.splitlines()[4:6])
    write_json(
        messy / "fullpage_paste" / "harbour.truth.json", {"ground_truth": {"articleBody": body}}
    )
    (messy / "reuters21578").mkdir()
    (messy / "reuters21578" / "7.txt").write_text(WIRE, encoding="utf-8")
    write_json(
        messy / "reuters21578" / "7.truth.json",
        {
            "ground_truth": {
                "title": "HARBOUR REOPENS AFTER STORM",
                "author_raw": "By Mira Holm, Reuters",
                "dateline_raw": "BRENNA, Feb 26 -",
                "date_raw": "26-FEB-1987 15:01:01.79",
                "people": ["berg"],
            }
        },
    )
    write_json(
        messy / "manifest.json",
        {
            "files": [
                {
                    "file": "fullpage_paste/harbour.page.txt",
                    "truth": "fullpage_paste/harbour.truth.json",
                    "language": "en",
                },
                {
                    "file": "reuters21578/7.txt",
                    "truth": "reuters21578/7.truth.json",
                    "language": "en",
                },
            ]
        },
    )
    wmt = root / "translated_news" / "wmt_xx"
    wmt.mkdir(parents=True)
    write_json(wmt / "daily.1.json", {"docid": "daily.1"})
    (wmt / "daily.1.mt-SysA.en.txt").write_text(
        "Harbour reopens after storm\nThe harbour at Brenna reopened on Monday after a storm "
        "closed it for three days, the port authority said.\nFishing boats returned by noon.\n",
        encoding="utf-8",
    )
    write_json(
        root / "translated_news" / "manifest.json", {"files": [{"file": "wmt_xx/daily.1.json"}]}
    )
    return root


# --- field scoring ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("values", "names", "credited"),
    [
        (["Richard Adams"], {"richard adams"}, False),
        (["ALLY MUTNICK"], {"ally mutnick"}, False),
        (["Benjamin Fischer und Marcus Theurer"], {"benjamin fischer", "marcus theurer"}, False),
        (["By Janie Gabbett, Reuters"], {"janie gabbett"}, True),
        (["dpa/lno"], set(), True),
        (["FR mit dpa"], set(), True),
        (["Agencia EFE"], set(), True),
        (["red, wien.ORF.at/Agenturen"], set(), True),
        (
            ["Volkmar Kabisch", "Jan Lukas Strozyk", "NDR"],
            {"volkmar kabisch", "jan lukas strozyk"},
            True,
        ),
        ([], set(), False),
    ],
)
def test_split_names_sets_agency_credits_aside(
    values: list[str], names: set[str], credited: bool
) -> None:
    assert split_names(values) == (frozenset(names), credited)


def test_same_title_ignores_case_quotes_and_trailing_punctuation() -> None:
    assert same_title("“Parasite” scores historic upset.", '"PARASITE" SCORES HISTORIC UPSET')
    assert not same_title("Parasite scores upset", "Parasite scores historic upset")
    assert not same_title(None, "Parasite")


def test_token_overlap_counts_repeated_words() -> None:
    overlap = token_overlap("the cat the cat sat", "the cat sat on the mat")
    # common bag: the x2, cat x1, sat x1 = 4 of 5 ours and 4 of 6 truth
    assert (overlap.precision, round(overlap.recall, 3), round(overlap.f1, 3)) == (
        0.8,
        0.667,
        0.727,
    )
    assert token_overlap("", "anything").f1 == 0.0


def test_contains_needs_whole_words_in_order() -> None:
    body = "It calls on the government.\n\n## But a spokesperson for the union said no."
    assert contains(body, "It calls on the")
    assert contains(body, "But a spokesperson for")
    assert not contains(body, "calls the")
    assert not contains(body, "It call")


def test_paragraphs_found_counts_whole_truth_paragraphs() -> None:
    truth = "First paragraph here.\n\nSecond one, quoted “here”.\n\nThird never extracted."
    ours = 'First paragraph here.\n\nSecond one, quoted "here".'
    assert paragraphs_found(ours, truth) == (2, 3)


@pytest.mark.parametrize(
    ("ours", "truth", "matches"),
    [
        ("Ronald Reagan", "reagan", True),
        ("James Baker", "james-baker", True),
        ("James A. Baker", "james-baker", True),
        ("Jacques Chirac", "reagan", False),
        ("Baker", "james-baker", False),
        ("Ernesto Zedillo Ponce de León", "leon", True),
    ],
)
def test_person_matches_by_every_truth_token(ours: str, truth: str, matches: bool) -> None:
    assert person_matches(ours, truth) is matches


def test_dateline_place_drops_the_date_and_dash() -> None:
    assert dateline_place("TAMPA, Fla., March 2 -") == "tampa, fla."
    assert dateline_place("LOS ANGELES, Feb 26 -") == "los angeles"
    assert same_place("Tampa", "TAMPA, Fla., March 2 -")
    assert same_place("Tampa, Fla.", "TAMPA, Fla., March 2 -")
    assert not same_place("Miami", "TAMPA, Fla., March 2 -")
    assert not same_place(None, "TAMPA, Fla., March 2 -")


# --- corpus, table and gate ------------------------------------------------------------------


def test_iter_items_reads_each_set_in_manifest_order(tmp_path: Path) -> None:
    items = list(iter_items(make_corpus(tmp_path)))
    assert [(i.subset, i.path.name, i.language) for i in items] == [
        ("trafilatura_eval", "harbour.html", "en"),
        ("fullpage_paste", "harbour.page.txt", "en"),
        ("reuters21578", "7.txt", "en"),
        ("wmt_xx", "daily.1.mt-SysA.en.txt", "en"),
    ]
    assert items[3].truth == {
        "role": "mt",
        "title": "Harbour reopens after storm",
        "docid": "daily.1",
    }


def test_iter_items_refuses_a_folder_that_is_not_the_corpus(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        list(iter_items(tmp_path))
    assert str(caught.value) == (
        f"{tmp_path}: has no html_articles/, messy_text/ or translated_news/ manifest.json; "
        "pass the corpus root folder"
    )


def test_handled_whole_needs_language_words_and_lead(tmp_path: Path) -> None:
    # A whole page: a photo credit and a cross-reference are not the article's sentences.
    document = tmp_path / "daily.2.mt-SysA.en.txt"
    document.write_text(
        "Harbour reopens\nPhoto by Ana Lund Reuters.\n"
        "The harbour at Brenna reopened on Monday after a storm.\n"
        "Fishing boats returned by noon.\nRead also: Storm hits the coast.\n",
        encoding="utf-8",
    )
    item = Item("wmt_xx", document, "en", {"role": "mt", "title": "Harbour reopens", "docid": "d"})
    lead, rest = (
        "The harbour at Brenna reopened on Monday after a storm.",
        "Fishing boats returned by noon.",
    )
    board = Board()
    for ours in (
        Extraction(title="Harbour reopens", language="en", body=f"{lead}\n\n{rest}"),
        # The lead made the title: every word is kept, the lead is not in the body.
        Extraction(
            title=lead, title_provisional=True, language="en", body=f"Harbour reopens\n{rest}"
        ),
        Extraction(title="Harbour reopens", language="en", body=lead),
        Extraction(title="Harbour reopens", language="de", body=f"{lead}\n\n{rest}"),
        Extraction(error="refused"),
    ):
        score_translation(board, item, ours)
    scores = board.scores()
    whole = scores["wmt_xx.handled_whole"]
    assert (whole["n"], whole["ours"]) == (5, 0.2)
    assert whole["notes"].startswith("1 lead lost; 1 refused; 1 words lost; 1 wrong language;")
    # A headline made from the lead is no headline found.
    assert scores["wmt_xx.title_is_segment_1"]["notes"].startswith("1 no headline found;")


def test_board_divides_and_notes() -> None:
    board = Board()
    board.row("wire", "date").add(1.0, None)
    board.row("wire", "date").add(0.0, None, "refused")
    board.row("pages", "title").add(1.0, 0.0)
    board.row("pages", "title").add(1.0, 1.0)
    scores = board.scores()
    assert scores["wire.date"] == {
        "n": 2,
        "ours": 0.5,
        "trafilatura": None,
        "notes": "1 refused; refused = no date found, so ingest would ask for --date",
    }
    assert scores["pages.title"]["trafilatura"] == 0.5
    assert render_table(scores).splitlines()[2:] == [
        "| wire.date | 2 | 0.500 | — | 1 refused; refused = no date found, so ingest would ask "
        "for --date |",
        "| pages.title | 2 | 1.000 | 0.500 |  |",
    ]


def test_below_floors_names_each_drop_and_missing_score(tmp_path: Path) -> None:
    baseline = tmp_path / "floors.json"
    scores = {"a.title": {"ours": 0.5}, "a.date": {"ours": 0.9}}
    floors = {"a.title": 0.6, "a.date": 0.8, "b.byline": 0.1}
    assert below_floors(scores, floors, baseline) == [
        f"{baseline}: a.title is 0.500, below its floor 0.600",
        f"{baseline}: b.byline was not measured; check --corpus",
    ]


def test_load_baseline_rejects_a_file_without_floors(tmp_path: Path) -> None:
    baseline = tmp_path / "floors.json"
    baseline.write_text('{"title": 0.5}', encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_baseline(baseline)
    assert str(caught.value) == (
        f'{baseline}: must hold {{"floors": {{"set.field": number, ...}}}}'
    )


def test_committed_baseline_floors_are_fractions() -> None:
    floors = load_baseline(Path(__file__).parent / "eval_baseline.json")
    assert floors and all(0.0 <= value <= 1.0 for value in floors.values())


# --- the whole command on a tiny corpus ------------------------------------------------------


@pytest.fixture(scope="module")
def scores(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, object]]:
    corpus = make_corpus(tmp_path_factory.mktemp("corpus"))
    data = tmp_path_factory.mktemp("data")
    write_registries(data)
    return evaluate(corpus, load_registries(data))


def test_evaluate_scores_a_clean_page_fully_for_both_extractors(
    scores: dict[str, dict[str, object]],
) -> None:
    for field in ("title", "date", "byline", "body_has_snippets"):
        row = scores[f"trafilatura_eval.{field}"]
        assert (row["n"], row["ours"], row["trafilatura"]) == (1, 1.0, 1.0), field
    assert scores["trafilatura_eval.language"]["ours"] == 1.0


def test_evaluate_scores_wire_copy_fields(scores: dict[str, dict[str, object]]) -> None:
    assert scores["reuters21578.title"]["ours"] == 1.0
    assert scores["reuters21578.byline"]["ours"] == 1.0
    assert scores["reuters21578.dateline"]["ours"] == 1.0
    # The paste has no year, so the date is refused rather than guessed.
    assert scores["reuters21578.date"]["ours"] == 0.0
    assert scores["reuters21578.date"]["notes"].startswith("1 refused")


def test_evaluate_scores_paste_body_and_translation(scores: dict[str, dict[str, object]]) -> None:
    assert scores["fullpage_paste.paragraphs_found"]["n"] == 2
    assert scores["fullpage_paste.body_recall"]["ours"] == 1.0
    assert scores["wmt_xx.language_mt"]["ours"] == 1.0
    assert scores["wmt_xx.title_is_segment_1"]["ours"] == 1.0


def test_eval_command_exits_1_below_a_floor(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    baseline = tmp_path / "floors.json"
    baseline.write_text('{"floors": {"wmt_xx.language_mt": 1.0, "wmt_xx.title_is_segment_1": 2}}')
    result = CliRunner().invoke(cli, ["eval", "--corpus", str(corpus), "--baseline", str(baseline)])
    assert result.exit_code == 1
    assert result.output.startswith("| field | n | ours | trafilatura | notes |\n")
    assert f"error: {baseline}: wmt_xx.title_is_segment_1 is 1.000, below its floor 2.000" in (
        result.output
    )
