"""Frames (website/frames.py): a page filled from its kind's frame equals its full render."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from jinja2 import DictLoader, Environment

from newsarchive.website.frames import Frames, Kind

TEMPLATES = {
    "partials/language.html": "{% macro t(key) %}{{ key }}{% endmacro %}",
    "theme/partials/toc.html": "<nav>{% for i in page.toc %}{{ i.title }}{% endfor %}</nav>",
    "page.html": "<title>{{ page.title | e }}</title><a href='{{ page.canonical_url }}'>"
    "{% if page.toc | first is defined %}<a href='{{ (page.toc | first).url }}'>{% endif %}"
    "{{ na_toc }}<main>{{ na_body }}</main>",
    "body.html": "<h1>{{ page.title | e }}</h1>",
}
KIND = Kind("page.html", head=None, body="body.html")


def page(name: str, site_url: str | None = "https://example.org/") -> SimpleNamespace:
    heading = SimpleNamespace(title=f"About {name}", url=f"#{name}")
    return SimpleNamespace(
        title=f"{name} & co",
        canonical_url=f"{site_url}people/{name}/" if site_url else None,
        url=f"people/{name}/",
        toc=[heading],
        edit_url=None,
        secret=f"secret of {name}",
        file=SimpleNamespace(
            inclusion=SimpleNamespace(is_in_nav=lambda: False), src_uri=f"people/{name}.md"
        ),
    )


def render_all(extra: str, site_url: str | None = "https://example.org/"):
    """Four pages of one kind; `extra` is more theme template for the page."""
    env = Environment(loader=DictLoader({**TEMPLATES, "page.html": TEMPLATES["page.html"] + extra}))
    frames = Frames(env, nav_depth=1)
    made, full = [], []
    for name in ("ada", "bo", "cy", "di"):
        context = {"page": page(name, site_url)}
        made.append(frames.render(KIND, context["page"], context))
        full.append(env.get_template("page.html").render(context))
    return made, full, frames


def test_pages_filled_from_one_frame_equal_full_renders() -> None:
    made, full, frames = render_all("")
    assert made == full
    assert "<title>bo &amp; co</title>" in made[1] and "<nav>About bo</nav>" in made[1]
    assert "href='#bo'" in made[1] and "people/bo/" in made[1]
    assert frames.counts == {"filled": 4}


def test_a_site_without_site_url_is_framed_too() -> None:
    made, full, frames = render_all("{% if page.canonical_url %}<link>{% endif %}", None)
    assert made == full and "<link>" not in made[0]
    assert frames.counts == {"filled": 4}


@pytest.mark.parametrize(
    ("extra", "counts"),
    [
        ("{{ page.secret }}", {"full": 4}),  # noticed while the frame renders
        ("{{ page.url }}", {"filled": 1, "full": 3}),  # noticed by the second page's check
    ],
)
def test_a_page_value_the_frame_does_not_carry_means_full_renders(extra, counts, caplog) -> None:
    with caplog.at_level("INFO", logger="mkdocs.plugins.newsarchive"):
        made, full, frames = render_all(extra)
    # A warning, not info: a theme upgrade that costs every page its frame is worth seeing.
    assert [r.levelname for r in caplog.records if "rendered in full" in r.message] == ["WARNING"]
    assert made == full
    assert "people/di/" in made[3]
    assert frames.counts == counts


@pytest.mark.slow
def test_every_framed_page_of_the_fixture_site_equals_its_full_render(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, build_variant
) -> None:
    monkeypatch.setattr(Frames, "CHECKS", 10**9)  # check every page, not the first two
    site = tmp_path / "out"
    code, output = build_variant({})
    assert code == 0, output
    filled, full = map(int, re.search(r"shared frames: (\d+), in full: (\d+)", output).groups())
    # Nav pages are never framed: home, archive, people, topics, sources, search, about,
    # contributing; people, topics and sources are listings rendered in full. One more
    # index.html is no page at all: the redirect at a moved article's old address.
    assert full == 3
    assert filled == len(list(site.rglob("index.html"))) - 8 - 1 > 30
