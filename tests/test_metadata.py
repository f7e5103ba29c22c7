"""pyproject.toml describes the package for an index: where it lives, what it is (an MkDocs
plugin among others), and dependency ranges that `make lock` pins."""

from __future__ import annotations

import re
import tomllib

import yaml

from conftest import REPO

PROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def test_the_package_says_where_it_lives_as_mkdocs_yml_does() -> None:
    repo = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))["repo_url"]
    assert PROJECT["urls"]["Repository"] == repo.rstrip("/")
    assert PROJECT["urls"]["Issues"] == f"{repo.rstrip('/')}/issues"


def test_classifiers_name_mkdocs_and_the_pythons_it_needs() -> None:
    assert "Framework :: MkDocs" in PROJECT["classifiers"]
    assert PROJECT["requires-python"] == ">=3.11"
    assert "Programming Language :: Python :: 3.11" in PROJECT["classifiers"]
    assert not [c for c in PROJECT["classifiers"] if c.startswith("License ::")]  # PEP 639


def test_every_dependency_has_a_range_and_the_sites_an_upper_bound() -> None:
    for requirement in PROJECT["dependencies"]:
        assert re.search(r">=[\d.]+,<[\d.]+$", requirement), requirement
    for requirement in PROJECT["optional-dependencies"]["dev"]:
        assert re.search(r">=[\d.]+", requirement), requirement
