"""Sidecars: NAME.meta.yml beside a raw file, the contributor's facts (the ingest flags' fields)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from ..errors import InputError, NewsarchiveError
from ..explain import shown, yaml_error
from ..frontmatter import Loader
from ..overrides import Overrides, overrides_from
from .limits import MAX_SIDECAR_BYTES, MAX_SIDECAR_DEPTH, read_bytes

SIDECAR_SUFFIX = ".meta.yml"


def sidecar_for(path: Path) -> Path:
    """The sidecar of a raw file: NAME.meta.yml next to NAME.txt or NAME.html."""
    return path.with_name(path.stem + SIDECAR_SUFFIX)


def read_sidecar(path: Path) -> Overrides:
    """Read a sidecar of contributor-given facts (the same fields as the ingest flags)."""
    # The facts must come from beside the article: a link out of its folder is not followed.
    if path.resolve().parent != path.parent.resolve():
        raise InputError("sidecar links to a file in another folder; copy the file here", path)
    text = read_bytes(path, MAX_SIDECAR_BYTES, "64 KiB", "keep only the article's fields")
    data = _load_sidecar_yaml(path, text.decode("utf-8-sig", errors="replace"))
    if data is None:
        return Overrides()
    if not isinstance(data, dict):
        raise InputError("sidecar must be a mapping of 'key: value' lines", path)
    try:
        found = overrides_from(data, str)
    except NewsarchiveError as exc:
        raise InputError(exc.message, path) from None
    if found.original is None:
        return found
    # Named from beside the article, like the sidecar itself: never a file elsewhere.
    original = path.parent / found.original
    if original.resolve().parent != path.parent.resolve():
        raise InputError(
            f"original '{shown(found.original)}' is not a file in this folder; "
            "put the original-language file beside the article and give its name",
            path,
        )
    return found.model_copy(update={"original": str(original)})


def _load_sidecar_yaml(path: Path, text: str) -> Any:
    try:
        # Refuse anchors, aliases and deep nesting before composing, so an alias bomb is
        # never expanded and PyYAML's recursive composer never runs out of stack.
        depth = 0
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            line = event.start_mark.line + 1
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                raise InputError(
                    f"line {line} uses a YAML anchor or alias; write each value out in full", path
                )
            depth += isinstance(event, yaml.CollectionStartEvent)
            depth -= isinstance(event, yaml.CollectionEndEvent)
            if depth > MAX_SIDECAR_DEPTH:
                raise InputError(
                    f"line {line} nests values more than {MAX_SIDECAR_DEPTH} deep; "
                    "write one 'key: value' line per field",
                    path,
                )
        # The pages' loader: an impossible date stays text, for Overrides to explain.
        return yaml.load(text, Loader=Loader)
    except yaml.YAMLError as exc:
        line, message = yaml_error(exc, text)
        raise InputError(f"line {line}: {message}", path) from exc
