"""Pure parts of the site, tested with strings: escaping, links, URLs, related, notices."""

from __future__ import annotations

import datetime as dt
import json
import time
from pathlib import Path

import markdown
import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import get_files
from mkdocs.structure.pages import Page

from newsarchive.errors import SiteError
from newsarchive.links import is_safe_url
from newsarchive.model import Article
from newsarchive.registry import load_registries
from newsarchive.validate.safety import link_problem
from newsarchive.website import converter as converter_module
from newsarchive.website.archive import contributing_markdown
from newsarchive.website.article_page import ArticlePage
from newsarchive.website.article_view import translation_notice
from newsarchive.website.catalog import Catalog, Entry
from newsarchive.website.converter import ConvertedPage, Converter
from newsarchive.website.jsonld import script_json
from newsarchive.website.pages import escape_md, pager, rel
from newsarchive.website.search import Record, SearchJob, plain_text
from newsarchive.words import words_for


def entry(slug: str, day: int, people: list[str], topics: list[str]) -> Entry:
    article = Article(
        title=slug,
        slug=slug,
        date=dt.date(2025, 1, day),
        added=dt.date(2025, 1, day),
        language="en",
        people=people,
        topics=topics,
    )
    return Entry(article, f"articles/2025/01/{slug}.md", f"articles/2025/01/{slug}/")


@pytest.mark.parametrize(
    ("url", "safe"),
    [
        ("https://example.com/a", True),
        ("mailto:a@example.com", True),
        ("../x.md#part", True),
        ("#fn:1", True),
        ("javascript:alert(1)", False),
        ("JavaScript:alert(1)", False),
        (" java\tscript:alert(1)", False),
        ("data:text/html;base64,PHA+", False),
        ("vbscript:msgbox(1)", False),
        ("file:///etc/passwd", False),
    ],
)
def test_is_safe_url(url: str, safe: bool) -> None:
    assert is_safe_url(url) is safe


def test_plugin_puts_safe_markdown_last_even_when_mkdocs_yml_leaves_it_out(tmp_path) -> None:
    line = "  - newsarchive.website.safe_markdown\n"
    left_out = Path("mkdocs.yml").read_text(encoding="utf-8").replace(line, "")
    too_early = left_out.replace("  - attr_list\n", "  - attr_list\n" + line)
    for text in (left_out, too_early):
        (tmp_path / "mkdocs.yml").write_text(text, encoding="utf-8")
        config = load_config(str(tmp_path / "mkdocs.yml"), docs_dir=str(Path("docs").resolve()))
        config = config.plugins["newsarchive"].on_config(config)
        assert config.markdown_extensions[-1] == "newsarchive.website.safe_markdown"
        assert config.markdown_extensions.count("newsarchive.website.safe_markdown") == 1


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("https://example.com/a", None),
        ("mailto:a@example.com", None),
        (
            "tel:+3212345",
            "tel: link, which the site does not keep (only http, https, mailto); "
            "link to a web page",
        ),
        (
            "ftp://example.com/f",
            "ftp: link, which the site does not keep (only http, https, "
            "mailto); link to a web page",
        ),
        (
            "java&#115;cript:alert(1)",
            "javascript: link, which can run code in a reader's browser; remove it",
        ),
        (
            "C:\\Users\\a.doc",
            "link to a local file 'C:\\Users\\a.doc'; link to the published web page instead",
        ),
    ],
)
def test_validate_refuses_exactly_the_links_the_site_drops(url: str, problem: str | None) -> None:
    assert link_problem(url, "articles/2025/01") == problem
    assert is_safe_url(url) is (problem is None)


def test_safe_markdown_escapes_html_and_filters_attributes() -> None:
    md = markdown.Markdown(extensions=["attr_list", "newsarchive.website.safe_markdown"])
    html = md.convert(
        '<script>x()</script>\n\n[a](java\tscript:x){ onclick="y" .c } <b onmouseover=z>b</b>'
    )
    assert html == (
        "<p>&lt;script&gt;x()&lt;/script&gt;</p>\n"
        '<p><a class="c">a</a> &lt;b onmouseover=z&gt;b&lt;/b&gt;</p>'
    )


def test_escape_md_keeps_text_literal() -> None:
    assert (
        escape_md("A [link](x) *and*\n<b> & #1") == r"A \[link\]\(x\) \*and\* &lt;b&gt; &amp; \#1"
    )


def test_rel_and_pager_links() -> None:
    assert rel("articles/2025/01/a.md", "people/ada/index.md") == "../../articles/2025/01/a.md"
    english = words_for("en")
    assert pager("people/ada", 2, 3, english) == (
        "Page 2 of 3 · [← Newer](../index.md) · [Older →](3.md)"
    )
    assert pager("people/ada", 1, 1, english) == ""


def test_related_prefers_most_shared_then_newest_within_window() -> None:
    me = entry("me", 10, ["Ada", "Bo"], ["t"])
    two_old = entry("two-old", 1, ["Ada"], ["t"])
    two_new = entry("two-new", 9, ["Bo"], ["t"])
    one = entry("one", 20, ["Ada"], [])
    none = entry("none", 5, ["Cy"], ["u"])
    catalog = Catalog.from_entries([me, two_old, two_new, one, none])
    assert [e.article.slug for e in catalog.related(me, 5, 10)] == ["two-new", "two-old", "one"]
    # A window of 2 per facet keeps only the neighbours nearest in date.
    assert [e.article.slug for e in catalog.related(me, 5, 2)] == ["two-new", "one"]
    assert [e.article.slug if e else None for e in catalog.neighbours(me)] == ["two-new", "one"]


def test_translation_notice() -> None:
    data = {
        "title": "t",
        "slug": "t",
        "date": "2025-01-01",
        "added": "2025-01-02",
        "language": "en",
    }
    machine = Article.model_validate({**data, "translation": {"from": "fr", "method": "machine"}})
    edited = Article.model_validate(
        {**data, "translation": {"from": "xx", "method": "post-edited", "reviewed": True}}
    )
    languages = load_registries().languages  # names from languages.yml
    english, french = words_for("en"), words_for("fr")
    assert translation_notice(machine, languages, english) == (
        "Machine-translated from French · not reviewed"
    )
    assert translation_notice(edited, languages, english) == (
        "Machine-translated from xx and post-edited · reviewed"
    )
    assert translation_notice(machine, languages, french) == (
        "Traduction automatique (original : français) · non relu"
    )
    assert translation_notice(Article.model_validate(data), languages, english) is None


def test_script_json_cannot_close_the_script_element() -> None:
    text = script_json({"headline": "</script><!-- & >"})
    assert text == '{"headline": "\\u003c/script\\u003e\\u003c!-- \\u0026 \\u003e"}'


def test_contributing_links_point_at_the_repository() -> None:
    text = "See [README](README.md), [site](https://x.org) and [here](#part)."
    assert contributing_markdown(text, "https://github.com/o/r/") == (
        "See [README](https://github.com/o/r/blob/HEAD/README.md), [site](https://x.org) "
        "and [here](#part)."
    )
    assert (
        contributing_markdown(text, None) == "See README, [site](https://x.org) and [here](#part)."
    )
    assert contributing_markdown(None, None).startswith("# Contributing\n")


def test_search_text_drops_markdown_and_keeps_markup_inert() -> None:
    body = "## Head\n\nA [link](https://x.org){ .c } and **bold** <img src=x>"
    assert plain_text(body) == "Head\n\nA link and bold ‹img src=x›"


def test_article_page_holds_its_text_only_while_it_is_written(tmp_path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text(
        "---\ntitle: A\n---\n\n## Part one\n\nBody [x](https://x.org).\n", encoding="utf-8"
    )
    (tmp_path / "mkdocs.yml").write_text("site_name: t\n", encoding="utf-8")
    config = load_config(str(tmp_path / "mkdocs.yml"))
    files = get_files(config)
    page = ArticlePage(files.get_file_from_path("a.md"), config, Converter(config))
    page.read_source(config)
    page.render(config, files)
    assert (page.markdown, page.content) == ("", "")
    page.render_now(config, files)
    assert (
        page.content
        == '<h2 id="part-one">Part one</h2>\n<p>Body <a href="https://x.org">x</a>.</p>'
    )
    assert [item.title for item in page.toc] == ["Part one"]
    page.release()
    assert (page.markdown, page.content, list(page.toc)) == (None, None, [])


SOURCES = {
    "a.md": "# Alpha\n\n## One {: #first }\n\nSee [b](b.md#two), [c][ref] and [gone](nope.md).\n\n"
    "[ref]: https://example.org/c\n\n| x | y |\n| - | - |\n| 1 | 2 |\n",
    "b.md": "Text <b id=raw>raw</b> and <script>x()</script>\n\n## Two\n\n### Three\n",
    "c.md": "No headings, one [reference][ref] that a.md defined.\n",
}


@pytest.mark.parametrize("mkdocs_names", ["present", "renamed"])
def test_shared_converter_renders_as_mkdocs_does_page_after_page(
    tmp_path, monkeypatch, caplog, mkdocs_names
) -> None:
    """One converter reused across pages gives what MkDocs' own per-page render gives; if
    an upgrade renamed MkDocs' private steps, each page is rendered the stock way, said once."""
    if mkdocs_names == "renamed":
        monkeypatch.setattr(converter_module, "SHARED", False)
        monkeypatch.setattr(converter_module, "_STEPS", (None, None, None))
    (tmp_path / "docs").mkdir()
    for name, text in SOURCES.items():
        (tmp_path / "docs" / name).write_text(text, encoding="utf-8")
    repo = load_config("mkdocs.yml")
    (tmp_path / "mkdocs.yml").write_text("site_name: t\n", encoding="utf-8")
    config = load_config(str(tmp_path / "mkdocs.yml"))
    config.markdown_extensions, config.mdx_configs = repo.markdown_extensions, repo.mdx_configs
    files = get_files(config)
    with caplog.at_level("INFO", logger="mkdocs.plugins.newsarchive"):
        converter = Converter(config)
    warned = [r.levelname for r in caplog.records if "new names" in r.message]
    assert warned == (["WARNING"] if mkdocs_names == "renamed" else [])
    for name in [*SOURCES, *SOURCES]:  # twice over: nothing may carry over between pages
        file = files.get_file_from_path(name)
        ours, theirs = ConvertedPage(file, config, converter), Page(None, file, config)
        for page in (ours, theirs):
            page.read_source(config)
            page.render(config, files)
        assert ours.content == theirs.content
        assert [(i.title, i.id, len(i.children)) for i in ours.toc] == [
            (i.title, i.id, len(i.children)) for i in theirs.toc
        ]
        assert ours._title_from_render == theirs._title_from_render
        # MkDocs also counts ids inside raw HTML, which safe_markdown shows as text.
        raw = {"raw"} if mkdocs_names == "present" else set()
        assert ours.present_anchor_ids == theirs.present_anchor_ids - raw
        assert 'id="raw"' not in ours.content
        assert ours.links_to_anchors == theirs.links_to_anchors
    assert "example.org/c" not in ours.content  # c.md cannot use a.md's reference


def test_search_job_indexes_then_a_cancelled_one_writes_nothing_later(tmp_path) -> None:
    page = tmp_path / "a.md"
    page.write_text("---\ntitle: A\n---\n\n" + "ceasefire talks " * 500, encoding="utf-8")
    records = [Record(str(page), f"/a{i}/", "A", "2025-01-01", {}) for i in range(500)]
    done = SearchJob(records[:3], tmp_path / "done", "en")
    assert done.wait() == 3
    assert (tmp_path / "done" / "pagefind-entry.json").is_file()
    cancelled = SearchJob(records, tmp_path / "cancelled", "en")
    cancelled.cancel()
    time.sleep(3)  # a worker left running would have written its index by now
    assert not (tmp_path / "cancelled").exists()


def test_search_job_whose_worker_dies_fails_with_one_line(tmp_path) -> None:
    page = tmp_path / "a.md"
    page.write_text("---\ntitle: A\n---\n\nText.\n", encoding="utf-8")
    job = SearchJob([Record(str(page), "/a/", "A", "2025-01-01", {})], tmp_path / "x", "en")
    job._process.kill()
    with pytest.raises(SiteError, match=r"indexing process stopped \(exit code -9\)"):
        job.wait()


def test_citation_escapes_bibtex_and_keeps_text_and_json_exact() -> None:
    from newsarchive.website.citation import cite

    title = r"Costs rise 5% & {brace} \end{document} $x^2_y~ #1"
    article = Article.model_validate(
        {
            "title": title,
            "slug": "costs-rise",
            "date": "2025-03-15",
            "added": "2025-03-16",
            "language": "en",
            "byline": ["Smith, John", "Ben and Jerry", "Ana Ruiz"],
            "source": "The {Daily} Times",
            "url": "https://example.com/a path/{x}\\y",
        }
    )
    citation = cite(
        article, "https://archive.example/a/", "Archive", load_registries(), words_for("en")
    )
    assert (
        r"  title = {{Costs rise 5\% \& \{brace\} \textbackslash{}end\{document\} "
        r"\$x\^{}2\_y\~{} \#1}},"
    ) in citation.bibtex
    assert "  author = {{Smith, John} and {Ben and Jerry} and Ana Ruiz},\n" in citation.bibtex
    assert "  howpublished = {The \\{Daily\\} Times},\n" in citation.bibtex
    assert "  url = {https://example.com/a%20path/%7Bx%7D%5Cy},\n" in citation.bibtex
    # Braces balance: nothing a contributor writes can end a field or the entry early.
    depth = 0
    for index, char in enumerate(citation.bibtex):
        escaped = index and citation.bibtex[index - 1] == "\\"
        depth += 0 if escaped else {"{": 1, "}": -1}.get(char, 0)
        assert depth >= 0
    assert depth == 0
    assert citation.text.startswith(
        f"Smith, John, Ben and Jerry, Ana Ruiz. “{title}.” The {{Daily}}"
    )
    assert json.loads(citation.csl_json)[0]["title"] == title
