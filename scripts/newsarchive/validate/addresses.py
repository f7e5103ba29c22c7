"""Addresses never break: an archived page keeps its address, or a redirect keeps it.

A page's address is its place in the archive, `YYYY/MM/slug`. A page that is moved or
deleted must leave its old address in `moved_from` of a page that is still there (the
site writes a redirect at each). An old address can redirect to one page only, and never
where a page lives (the redirect would hide it).
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..model import ADDRESS_PATTERN


def address_like(value: object) -> bool:
    """Whether a value is written as an address, YYYY/MM/slug (the model says when not)."""
    return isinstance(value, str) and re.fullmatch(ADDRESS_PATTERN, value) is not None


def address(relative: str) -> str | None:
    """'YYYY/MM/slug' of a page path relative to the archive, None for any other file."""
    if not relative.endswith(".md"):
        return None
    stem = relative.removesuffix(".md")
    return stem if re.fullmatch(ADDRESS_PATTERN, stem) else None


def claimed(data: Mapping[str, Any] | None) -> list[tuple[int, str]]:
    """(index, address) for each old address a page's front matter keeps."""
    values = data.get("moved_from") if data else None
    if not isinstance(values, list):
        return []
    return [(index, value) for index, value in enumerate(values) if isinstance(value, str)]


@dataclass
class Addresses:
    """Where every page of the archive lives, and which old addresses each one keeps."""

    root: Path
    shown: Callable[[Path], str]
    pages: dict[str, Path] = field(default_factory=dict)
    claims: dict[str, set[Path]] = field(default_factory=lambda: defaultdict(set))

    def relative(self, path: Path) -> str | None:
        """A resolved path relative to `root` ('2025/03/a.md'), None outside it."""
        # String work, not Path.relative_to: this runs once per archive page.
        prefix, text = f"{self.root}{os.sep}", str(path)
        return text[len(prefix) :].replace(os.sep, "/") if text.startswith(prefix) else None

    def add(self, path: Path, old_addresses: Iterable[str]) -> None:
        """Record a page (a resolved path) and the old addresses it keeps."""
        own = self.address_of(path)
        if own is not None:
            self.pages[own] = path
        for old in old_addresses:
            self.claims[old].add(path)

    def address_of(self, path: Path) -> str | None:
        """The address of a page, None outside `root`."""
        relative = self.relative(path)
        return address(relative) if relative is not None else None

    def gone(self, old: str, renamed: Path | None) -> str | None:
        """Why a page that was at `old` (relative to the archive) may not leave it, if so."""
        old_address = address(old)
        if old_address is None or self.claims.get(old_address) or old_address in self.pages:
            return None
        old_shown = self.shown(self.root / old)
        if renamed is None:
            return (
                f"{old_shown} was deleted; archived pages never change address: restore it, "
                f"or add 'moved_from: [{old_address}]' to the page that replaces it"
            )
        moved_to = self.relative(renamed) or self.shown(renamed)
        return (
            f"{old_shown} was moved to {moved_to}; archived pages never change address: "
            f"add 'moved_from: [{old_address}]' to {self.shown(renamed)}, or move it back"
        )

    def claim_problems(self, path: Path, old_addresses: list[str]) -> list[tuple[int, str]]:
        """(index in moved_from, message) for old addresses this page may not keep."""
        found = []
        for index, old in enumerate(old_addresses):
            there = self.pages.get(old)
            if there == path:
                found.append((index, f"moved_from '{old}' is this page's own address; remove it"))
            elif there is not None:
                found.append(
                    (
                        index,
                        f"moved_from '{old}' is the address of {self.shown(there)}, which a "
                        "redirect would hide; remove it from moved_from",
                    )
                )
            for other in sorted(self.claims.get(old, set()) - {path}):
                found.append(
                    (
                        index,
                        f"moved_from '{old}' is also kept by {self.shown(other)}; an old "
                        "address redirects to one page only: keep it in one of them",
                    )
                )
        return found

    def shadowing(self, path: Path, checked: Collection[Path]) -> list[str]:
        """Messages for a page that sits at an address other, unchecked pages keep."""
        own = self.address_of(path)
        keepers = sorted(self.claims.get(own, set()) - {path}) if own else []
        return [
            f"this page's address {own} is an old address of {self.shown(keeper)} (moved_from), "
            "which redirects it there; choose another slug and rename the file to match"
            for keeper in keepers
            if keeper not in checked
        ]

    def story_problems(self, path: Path, addresses: object) -> list[tuple[int, str]]:
        """(index in same_story, message) for addresses that name no other page."""
        found = []
        for index, value in enumerate(addresses if isinstance(addresses, list) else []):
            there = self.pages.get(value)
            if there == path:
                found.append((index, f"same_story '{value}' is this page's own address; remove it"))
            elif there is None and not self.claims.get(value) and address_like(value):
                found.append(
                    (
                        index,
                        f"same_story '{value}' is no page of the archive; give the address "
                        "(YYYY/MM/slug) of another version of this story",
                    )
                )
        return found
