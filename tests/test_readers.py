"""Readers: raw files and sidecars from tests/fixtures/readers, named for what they prove."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from newsarchive import readers
from newsarchive.errors import InputError
from newsarchive.names import split_names
from newsarchive.overrides import Overrides
from newsarchive.punctuation import ends_sentence
from newsarchive.readers import read_file, read_sidecar, sidecar_for
from newsarchive.readers.blocks import is_prose, text_blocks
from newsarchive.sitenames import is_site_name, site_keys, strip_site_suffix

FIXTURES = Path(__file__).parent / "fixtures" / "readers"


def fixture(name: str) -> Path:
    return FIXTURES / name


def error_of(call: Callable[[Path], object], path: Path) -> str:
    with pytest.raises(InputError) as caught:
        call(path)
    assert caught.value.path == path
    return str(caught.value)


class TestPastedText:
    def test_utf8_bom_is_dropped_and_newlines_normalised(self) -> None:
        raw = read_file(fixture("utf8_bom.txt"))
        assert raw.kind == "text"
        assert raw.text == (
            "Kyiv’s mayor said the bridge would reopen on Monday.\n"
            "Traffic will be limited to buses.\n"
        )

    def test_cp1252_paste_is_decoded_with_curly_quotes_kept(self) -> None:
        raw = read_file(fixture("cp1252_paste.txt"))
        assert raw.text == "The minister’s “final offer” was rejected in Orléans – again.\n"

    def test_mojibake_is_repaired(self) -> None:
        raw = read_file(fixture("mojibake.txt"))
        assert raw.text == 'Ukraine’s president visited Zürich on "Sunday".\n'

    def test_utf16_with_bom_is_text_not_binary(self) -> None:
        raw = read_file(fixture("utf16_notepad.txt"))
        assert raw.text == "Der Bürgermeister sagte, die Brücke öffne am Montag.\n"

    def test_digest_is_sha256_of_the_raw_bytes(self) -> None:
        path = fixture("cp1252_paste.txt")
        assert read_file(path).digest == hashlib.sha256(path.read_bytes()).hexdigest()


class TestRefusedInputs:
    def test_binary(self) -> None:
        path = fixture("binary.txt")
        assert error_of(read_file, path) == (
            f"{path}: file is binary, not text; save the article as .txt or .html"
        )

    def test_whitespace_only(self) -> None:
        path = fixture("whitespace_only.txt")
        assert error_of(read_file, path) == f"{path}: file is empty; paste the article text into it"

    def test_page_without_article_text(self) -> None:
        path = fixture("html_no_article.html")
        assert error_of(read_file, path) == (
            f"{path}: page has no article text; save the article page itself, "
            "or paste its text into a .txt file"
        )

    def test_unsupported_suffix(self, tmp_path: Path) -> None:
        path = tmp_path / "article.pdf"
        path.write_bytes(b"%PDF-1.7")
        assert error_of(read_file, path) == (
            f"{path}: unsupported file type '.pdf'; use .txt, .md, .html or .htm"
        )

    def test_missing_file(self, tmp_path: Path) -> None:
        path = tmp_path / "gone.txt"
        assert error_of(read_file, path) == f"{path}: file not found; check the path"

    def test_file_over_the_size_cap_is_refused_before_reading(self, tmp_path: Path) -> None:
        path = tmp_path / "huge.txt"
        with path.open("wb") as handle:  # sparse: nothing is written, the size is what counts
            handle.truncate(readers.MAX_INPUT_BYTES + 1)
        assert error_of(read_file, path) == (
            f"{path}: file is larger than 5 MiB (5,242,881 bytes); "
            "save only the article, not a whole site"
        )

    def test_line_over_the_length_cap(self, tmp_path: Path) -> None:
        path = tmp_path / "one_line.txt"
        path.write_text("A title\n" + "word " * (readers.MAX_LINE_CHARS // 5 + 1), encoding="utf-8")
        assert error_of(read_file, path) == (
            f"{path}: line 2 is longer than 200,000 characters; "
            "this is not article text, save the article on its own"
        )


class TestSavedPages:
    def test_jsonld_wins_over_opengraph_and_gives_the_only_date(self) -> None:
        raw = read_file(fixture("html_jsonld_only_date.html"))
        assert raw.kind == "html"
        assert raw.title == "Bridge reopens after two years of repairs"
        assert raw.date == dt.date(2024, 11, 3)
        assert raw.byline == ("Ana Ruiz", "Tom Berg")
        assert raw.source == "Riverside Gazette Ltd"
        assert raw.url == "https://gazette.example/news/bridge-reopens"
        assert raw.language == "en"

    def test_headings_and_paragraphs_from_the_article_only(self) -> None:
        text = read_file(fixture("html_jsonld_only_date.html")).text
        blocks = text.split("\n\n")
        assert blocks[0] == "## Bridge reopens after two years of repairs"
        assert "## Buses first" in blocks
        assert blocks[-1].startswith("Shop owners on both banks said trade had fallen")
        assert "Contact us" not in text
        assert "Sport" not in text

    def test_meta_date_wins_over_time_element(self) -> None:
        raw = read_file(fixture("html_meta_over_time.html"))
        assert raw.date == dt.date(2023, 6, 14)
        assert raw.title == "Le marché couvert rouvre ses portes"
        assert raw.byline == ("Claire Martin", "Paul Durand")
        assert raw.source == "Journal du Quartier"
        assert raw.url == "https://quartier.example/marche"
        assert raw.language == "fr"
        assert raw.description == (
            "Après un an de travaux, le marché accueille de nouveau les commerçants."
        )

    def test_time_element_is_the_last_resort(self) -> None:
        raw = read_file(fixture("html_time_only_date.html"))
        assert raw.date == dt.date(2022, 2, 7)
        assert raw.title == "Library extends opening hours"
        assert raw.language is None

    def test_the_site_is_never_the_author_and_leaves_the_title(self) -> None:
        raw = read_file(fixture("html_site_name_as_author.html"))
        assert raw.title == "Ferry fares rise on the island routes"
        assert raw.byline == ()
        assert raw.source == "HT.EXAMPLE"

    def test_a_front_page_link_names_the_site_in_a_cjk_title(self) -> None:
        raw = read_file(fixture("html_home_link_names_site.html"))
        assert raw.title == "港口新起重机今天抵达"


SITE = site_keys(["Harbour Times (www.ht.example)", "MDR.DE"], ["https://www.tagesschau.de/a/b"])


@pytest.mark.parametrize(
    ("name", "is_site"),
    [
        ("Tagesschau De", True),  # trafilatura's reading of the domain
        ("tagesschau", True),
        ("Mdr De", True),
        ("Harbour Times", True),
        ("HARBOUR TIMES", True),
        ("Anna Schmidt", False),
        ("Tages", False),
    ],
)
def test_site_names(name: str, is_site: bool) -> None:
    assert is_site_name(name, SITE) is is_site


@pytest.mark.parametrize(
    ("title", "stripped"),
    [
        ("Ferry fares rise | Harbour Times", "Ferry fares rise"),
        ("Ferry fares rise | MDR.DE | 23.05.2011", "Ferry fares rise"),
        ("Ferry fares rise - tagesschau.de", "Ferry fares rise"),
        # a tail that is not the site stays: a second headline, a kicker, a hyphenated word
        ("Ferry fares rise - Commuters spared", "Ferry fares rise - Commuters spared"),
        ("Covid-19 cases rise in Harbour", "Covid-19 cases rise in Harbour"),
        ("Harbour Times", "Harbour Times"),
    ],
)
def test_site_suffix_is_cut_from_titles(title: str, stripped: str) -> None:
    assert strip_site_suffix(title, SITE) == stripped


@pytest.mark.parametrize("placeholder", ["anónimo", "Anonymous", "Unknown", "No author"])
def test_placeholders_are_not_names(placeholder: str) -> None:
    assert split_names(f"{placeholder}, Ana Ruiz") == ("Ana Ruiz",)


class TestSidecars:
    def test_sidecar_sits_next_to_the_raw_file(self) -> None:
        assert sidecar_for(Path("inbox/bridge.txt")) == Path("inbox/bridge.meta.yml")
        assert sidecar_for(Path("inbox/bridge.html")) == Path("inbox/bridge.meta.yml")

    def test_every_key_is_read(self) -> None:
        assert read_sidecar(fixture("sidecar_valid.meta.yml")) == Overrides(
            title="Bridge reopens",
            date=dt.date(2024, 11, 3),
            source="Riverside Gazette",
            url="https://gazette.example/news/bridge-reopens",
            from_lang="uk",
            method="post-edited",
            translator="DeepL",
            original_title="Міст знову відкрито",
            original_url="https://gazette.example/uk/mist",
            reviewed=True,
        )

    @pytest.mark.parametrize(("text", "ok"), [("'2025-04-02'", True), ("'2025-02-30'", False)])
    def test_a_quoted_date_is_read_when_it_is_a_real_day(
        self, tmp_path: Path, text: str, ok: bool
    ) -> None:
        path = tmp_path / "a.meta.yml"
        path.write_text(f"date: {text}\n", encoding="utf-8")
        if ok:
            assert read_sidecar(path) == Overrides(date=dt.date(2025, 4, 2))
        else:
            assert error_of(read_sidecar, path) == (
                f"{path}: date 2025-02-30 is not a real calendar date; "
                "write the publication date as YYYY-MM-DD"
            )

    def test_empty_sidecar_gives_nothing(self, tmp_path: Path) -> None:
        path = tmp_path / "a.meta.yml"
        path.write_text("# nothing yet\n", encoding="utf-8")
        assert read_sidecar(path) == Overrides()

    @pytest.mark.parametrize(
        ("name", "message"),
        [
            ("sidecar_unknown_key.meta.yml", "unknown field 'tittle'; did you mean 'title'?"),
            (
                "sidecar_bad_date.meta.yml",
                "date '03/11/2024' is not YYYY-MM-DD; write 2024-11-03 or 2024-03-11, "
                "whichever the original means",
            ),
            (
                "sidecar_alias.meta.yml",
                "line 1 uses a YAML anchor or alias; write each value out in full",
            ),
            ("sidecar_not_mapping.meta.yml", "sidecar must be a mapping of 'key: value' lines"),
            (
                "sidecar_yaml_error.meta.yml",
                "line 3: not valid YAML (expected ',' or ']', but got '<stream end>'); "
                "check the quoting and indentation",
            ),
            (
                "sidecar_bad_method.meta.yml",
                "method 'automatic' is not one of machine, human, post-edited; "
                "pick the one that fits",
            ),
        ],
    )
    def test_bad_sidecars(self, name: str, message: str) -> None:
        path = fixture(name)
        assert error_of(read_sidecar, path) == f"{path}: {message}"

    def test_alias_bomb_is_refused_without_expanding(self, tmp_path: Path) -> None:
        rows = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
        rows += [
            f"{c}: &{c} [*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p}]"
            for p, c in zip("abcdefgh", "bcdefghi", strict=True)
        ]
        path = tmp_path / "bomb.meta.yml"
        path.write_text("\n".join(rows) + "\n", encoding="utf-8")
        assert error_of(read_sidecar, path).endswith(
            "line 1 uses a YAML anchor or alias; write each value out in full"
        )

    def test_oversized_sidecar(self, tmp_path: Path) -> None:
        path = tmp_path / "big.meta.yml"
        shutil.copy(fixture("sidecar_valid.meta.yml"), path)
        with path.open("a", encoding="utf-8") as handle:
            handle.write("# " + "x" * readers.MAX_SIDECAR_BYTES + "\n")
        assert ": file is larger than 64 KiB (" in error_of(read_sidecar, path)


def blocks_of(name: str) -> list[str]:
    return read_file(fixture(name)).text.split("\n\n")


class TestPageBodies:
    """Every piece of a page's article text lands in a block, in order, on any layout."""

    def test_thai_paragraphs_without_full_stops_are_article_text(self) -> None:
        assert blocks_of("html_thai_no_full_stops.html") == [
            "## น้ำท่วมฉับพลันในเชียงใหม่ ชาวบ้านกว่าพันครัวเรือนได้รับผลกระทบ",
            "เจ้าหน้าที่ป้องกันและบรรเทาสาธารณภัยจังหวัดเชียงใหม่รายงานว่า "
            "ฝนที่ตกหนักต่อเนื่องตลอดคืนทำให้เกิดน้ำท่วมฉับพลันในหลายอำเภอ "
            "โดยเฉพาะอำเภอแม่ริมและอำเภอสะเมิง",
            "ผู้ว่าราชการจังหวัดกล่าวว่า "
            "ทางจังหวัดได้ส่งเรือและรถบรรทุกทหารเข้าไปช่วยเหลือประชาชนที่ติดอยู่ในบ้าน "
            "พร้อมทั้งเปิดศูนย์พักพิงชั่วคราวในโรงเรียนและวัดใกล้เคียง",
            "กรมอุตุนิยมวิทยาคาดการณ์ว่าฝนจะยังตกต่อเนื่องไปอีกอย่างน้อยสามวัน "
            "และเตือนให้ประชาชนที่อาศัยอยู่ริมแม่น้ำปิงเตรียมพร้อมขนย้ายสิ่งของไปไว้ในที่สูง",
        ]

    def test_list_items_without_full_stops_nested_list_flattened_in_order(self) -> None:
        assert blocks_of("html_list_items_without_full_stops.html") == [
            "## What changes for drivers from 1 July",
            "Several new rules for drivers take effect on 1 July, and the ministry has "
            "published the list",
            "Speed limits near schools drop to 30 km/h between seven in the morning and six "
            "in the evening",
            "Fines for using a phone while driving rise from 150 to 250 euros",
            "Repeat offenders lose their licence for a month",
            "Hands-free kits remain allowed",
            "Electric cars no longer park free of charge in city centres",
            "The ministry said the changes were meant to cut the number of accidents near "
            "schools, which rose by a fifth last year",
        ]

    def test_loose_text_that_formatting_mode_drops_is_kept(self) -> None:
        # trafilatura with <b> kept as elements loses the loose third paragraph; its plain
        # extraction holds every word of ours and more, so it is taken.
        blocks = blocks_of("html_loose_text_beside_bold_paragraph.html")
        assert blocks[1:4] == [
            "Work will start in the spring and is expected to take three years, the council said.",
            "The new walls will be a metre higher than the old ones and will protect about "
            "four thousand homes and most of the shops in the old town.",
            "Shop owners welcomed the decision but asked the council to keep the main street "
            "open while the builders are at work on the river bank.",
        ]
        assert len(blocks) == 7

    def test_quote_attribution_line_breaks_and_split_words(self) -> None:
        assert blocks_of("html_quote_attribution_and_line_breaks.html") == [
            "## La mairie défend son budget",
            "La maire a défendu mardi un budget qui ferme deux bibliothèques, la ville étant "
            "passée de la 12e à la 31e place du classement des finances locales.",
            "Nous avons étudié toutes les autres solutions.",
            # The attribution after a quote's paragraphs stays with the quote.
            "Personne ne voulait fermer une bibliothèque. — la maire, devant le conseil municipal",
            "Le conseil votera jeudi.",
            "Les syndicats appellent à manifester devant l'hôtel de ville le jour du vote.",
        ]

    def test_article_laid_out_in_a_table_keeps_its_paragraphs_apart(self) -> None:
        blocks = blocks_of("html_article_in_layout_table.html")
        # The menu cells stay separate lines for the cleaner to drop; the article is whole.
        assert blocks[:6] == [
            "Coastal Courier | News | Sport | Weather",
            "Local",
            "Region",
            "Letters",
            "Archive",
            "Harbour council approves new ferry timetable",
        ]
        assert blocks[6].startswith("The harbour council voted on Tuesday evening")
        assert blocks[9] == (
            "The new timetable will be reviewed in October, when the council will decide "
            "whether to keep the early sailings through the winter months."
        )
        assert blocks[10:] == ["Copyright Coastal Courier. All rights reserved."]

    def test_data_table_rows_are_lines_in_place(self) -> None:
        assert blocks_of("html_data_table_in_article.html")[3:7] == [
            "Party | Seats | Change",
            "Harbour party | 9 | -2",
            "Independents | 4 | +2",
            "The new council meets for the first time next week, when it will elect a chair "
            "and set up a committee on transport.",
        ]

    def test_full_text_only_in_jsonld_replaces_a_standfirst(self) -> None:
        blocks = blocks_of("html_full_text_only_in_jsonld.html")
        assert len(blocks) == 6
        assert blocks[0] == "The five-day strike at the container terminal is over."
        assert blocks[-1] == (
            "Talks on working hours, which the two sides left aside during the strike, are "
            "due to start again next month."
        )
        assert "Subscribe to read the full article" not in blocks


@pytest.mark.parametrize(
    "sentence",
    [
        "सरकार ने मंगलवार को किसानों के लिए नई सिंचाई योजना की घोषणा की।",
        "هل ستوافق الحكومة على الميزانية الجديدة قبل نهاية الشهر؟",
        "Կառավարությունը երեքշաբթի օրը հաստատեց նոր բյուջեն։",
        "መንግሥት አዲሱን የመንገድ ግንባታ በጀት ማክሰኞ ዕለት አጸደቀ።",
        "រដ្ឋាភិបាលបានអនុម័តថវិកាថ្មីសម្រាប់សាងសង់ផ្លូវកាលពីថ្ងៃអង្គារ។",
        "အစိုးရသည် လမ်းဆောက်လုပ်ရေး ဘတ်ဂျက်အသစ်ကို အင်္ဂါနေ့တွင် အတည်ပြုခဲ့သည်။",
        "港口的两台新起重机今天上午运抵码头，工人们将在下周开始安装，预计五月投入使用。",
        "「新しいクレーン二台が今朝、港に到着し、来週から設置作業を始める」と市が発表した。",
        "Ο δήμαρχος ρώτησε: ποιος θα πληρώσει για τη νέα γέφυρα;",
        "The mayor said the bridge would reopen on Monday.”",
    ],
)
def test_sentences_end_in_every_script(sentence: str) -> None:
    assert ends_sentence(sentence)
    assert is_prose(sentence)


@pytest.mark.parametrize(
    ("block", "prose"),
    [
        # Lao, like Thai, ends a paragraph with no mark: a long run of text is prose.
        (
            "ລັດຖະບານໄດ້ອະນຸມັດງົບປະມານໃໝ່ໃນວັນອັງຄານ ເພື່ອສ້າງຖະໜົນ ແລະ ໂຮງຮຽນໃນແຂວງພາກເໜືອ "
            "ຫຼັງຈາກນ້ຳຖ້ວມໃຫຍ່ໃນປີກາຍນີ້ ເຊິ່ງໄດ້ທຳລາຍຂົວຫຼາຍແຫ່ງ",
            True,
        ),
        ("Fines for using a phone while driving rise from 150 to 250 euros", True),
        ("Home", False),
        ("หน้าแรก", False),
        ("Watch: the evening news, 12 May", False),
        ("## A heading is never the article's prose.", False),
    ],
)
def test_prose_without_punctuation_is_a_long_run(block: str, prose: bool) -> None:
    assert is_prose(block) is prose


def test_html_in_a_text_field_is_split_at_its_blocks() -> None:
    html_body = "<p>First paragraph of the story.</p><p>Second one<br>with a break.</p>"
    assert text_blocks(html_body) == [
        "First paragraph of the story.",
        "Second one",
        "with a break.",
    ]
    assert text_blocks("One line.\n\nAnother line.\n") == ["One line.", "Another line."]
