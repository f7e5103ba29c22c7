"""Lead images: read from a saved page's JSON-LD, lead figure or og:image, kept in the front
matter by ingest with what the page says of caption and credit, and never guessed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import html
from pydantic import ValidationError

from newsarchive.cli import cli
from newsarchive.model import UNCREDITED_IMAGE, Article, Image
from newsarchive.readers import read_file
from newsarchive.readers.images import lead_image
from newsarchive.readers.metadata import page_metadata
from newsarchive.records import ImageFacts

FIXTURE = Path(__file__).parent / "fixtures" / "readers" / "html_lead_figure_with_credit.html"
PAGE = "https://news.example/2025/story"


def image_of(head: str, body: str = "") -> ImageFacts | None:
    tree = html.fromstring(f"<html><head>{head}</head><body>{body}<p>Text.</p></body></html>")
    return lead_image(tree, page_metadata(tree).get("jsonld_image"), PAGE)


def jsonld(image: str) -> str:
    return (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "H", '
        f'"image": {image}}}</script>'
    )


def figure(src: str, caption: str) -> str:
    return (
        f'<article><figure><img src="{src}"><figcaption>{caption}</figcaption></figure></article>'
    )


OG = '<meta property="og:image" content="https://cdn.news.example/og/card.jpg">'


@pytest.mark.parametrize(
    ("head", "body", "expected"),
    [
        # og:image alone: an address, nothing said of caption or credit.
        (OG, "", ImageFacts("https://cdn.news.example/og/card.jpg")),
        # JSON-LD's ImageObject with caption and credit wins over og:image.
        (
            OG
            + jsonld(
                '{"@type": "ImageObject", "url": "https://cdn.news.example/a.jpg", '
                '"caption": "Rescuers at work.", "creditText": "Reuters/Ann Lee"}'
            ),
            "",
            ImageFacts("https://cdn.news.example/a.jpg", "Rescuers at work.", "Reuters/Ann Lee"),
        ),
        # A credit element inside the caption; a relative src resolved against the page.
        (
            OG,
            figure("/img/b.jpg", 'Flooded streets. <span class="credit">Photo: Kim Ito</span>'),
            ImageFacts("https://news.example/img/b.jpg", "Flooded streets.", "Kim Ito"),
        ),
        # A wire credit written at the end of the caption.
        (
            "",
            figure("https://x.example/c.jpg", "Leaders meet in Kyiv. (AP Photo/Efrem Lukatsky)"),
            ImageFacts(
                "https://x.example/c.jpg", "Leaders meet in Kyiv.", "AP Photo/Efrem Lukatsky"
            ),
        ),
        (
            "",
            figure("https://x.example/d.jpg", "A crowd in the square. © AFP"),
            ImageFacts("https://x.example/d.jpg", "A crowd in the square.", "© AFP"),
        ),
        # The same file at another size: JSON-LD's address, the figure's caption and credit.
        (
            jsonld('"https://cdn.news.example/1200/e.jpg"'),
            figure("https://cdn.news.example/600/e.jpg", "Harvest. Foto: Jan Novak"),
            ImageFacts("https://cdn.news.example/1200/e.jpg", "Harvest.", "Jan Novak"),
        ),
        # Only http(s): a data: or javascript: image is no image.
        ('<meta property="og:image" content="javascript:alert(1)">', "", None),
        ("", figure("data:image/png;base64,AAAA", "A caption. Photo: X"), None),
    ],
)
def test_lead_image_cascade(head: str, body: str, expected: ImageFacts | None) -> None:
    assert image_of(head, body) == expected


def test_a_saved_page_gives_its_lead_figure() -> None:
    raw = read_file(FIXTURE)
    assert raw.image == ImageFacts(
        "https://herald.example/images/2025/06/ferry-1200.jpg",
        "The ferry Nordlys leaves the harbour on its first crossing since January.",
        "Jonas Lind",
    )


def test_ingest_keeps_the_lead_image_in_the_front_matter(workdir: Path) -> None:
    shutil.copy(FIXTURE, workdir / FIXTURE.name)
    result = CliRunner().invoke(
        cli, ["ingest", "--out", "articles", "--jobs", "1", str(workdir / FIXTURE.name)]
    )
    assert result.exit_code == 0, result.output
    [page] = (workdir / "articles").rglob("*.md")
    text = page.read_text(encoding="utf-8")
    assert (
        "image:\n"
        "  url: https://herald.example/images/2025/06/ferry-1200.jpg\n"
        "  caption: The ferry Nordlys leaves the harbour on its first crossing since January.\n"
        "  credit: Jonas Lind\n"
    ) in text
    assert UNCREDITED_IMAGE not in result.output


def test_an_image_without_credit_is_kept_and_ingest_says_it_will_not_show(
    workdir: Path,
) -> None:
    text = FIXTURE.read_text(encoding="utf-8").replace(
        '<span class="credit">Photo: Jonas Lind</span>', ""
    )
    (workdir / "ferry.html").write_text(text, encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["ingest", "--out", "articles", "--jobs", "1", str(workdir / "ferry.html")]
    )
    assert result.exit_code == 0, result.output
    assert UNCREDITED_IMAGE in " ".join(result.output.split())
    [page] = (workdir / "articles").rglob("*.md")
    assert "  url: https://herald.example/images/2025/06/ferry-1200.jpg\n" in page.read_text()
    assert "credit:" not in page.read_text()


@pytest.mark.parametrize(
    ("image", "message"),
    [
        ({"url": "javascript:alert(1)", "credit": "X"}, "must be an http:// or https:// address"),
        ({"url": "data:image/png;base64,AAAA", "credit": "X"}, "must be an http://"),
        ({"url": "https://x.example/a.jpg", "credit": "A\nB"}, "String should match pattern"),
        ({"url": "https://x.example/a.jpg", "size": 3}, "Extra inputs are not permitted"),
    ],
)
def test_the_model_holds_an_image_to_the_link_policy(image: dict, message: str) -> None:
    with pytest.raises(ValidationError) as caught:
        Image.model_validate(image)
    assert message in str(caught.value)


def test_the_image_is_written_after_copyright_and_read_back() -> None:
    article = Article.model_validate(
        {
            "title": "T",
            "slug": "t",
            "date": "2025-01-01",
            "added": "2025-01-02",
            "language": "en",
            "copyright": "© 2025 X",
            "image": {"url": "https://x.example/a.jpg", "credit": "Jane Doe"},
        }
    )
    front = article.front_matter()
    assert list(front)[-2:] == ["copyright", "image"]
    assert front["image"] == {"url": "https://x.example/a.jpg", "credit": "Jane Doe"}


def test_validate_warns_at_an_image_without_credit(tmp_path: Path) -> None:
    from newsarchive.registry import load_registries
    from newsarchive.validate.run import check_page

    page = tmp_path / "2025" / "01" / "t.md"
    page.parent.mkdir(parents=True)
    page.write_text(
        "---\ntitle: T\nslug: t\ndate: 2025-01-01\nadded: 2025-01-02\nlanguage: en\n"
        "image:\n  url: https://x.example/a.jpg\n  caption: A harbour.\n---\n\nText.\n",
        encoding="utf-8",
    )
    checked = check_page(page, load_registries(), tmp_path)
    found = [(p.line, p.severity, p.message) for p in checked.problems]
    assert found == [(7, "warning", UNCREDITED_IMAGE)]
