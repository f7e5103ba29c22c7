"""The facts a contributor gives about one article: ingest's flags and a sidecar's keys.

One model checks both, so a flag and a sidecar key take the same values and are refused in
the same words; the flags (`newsarchive ingest --help`) and the sidecar's keys are its
fields. A bad value is a one-line error naming the flag or key, the value and the fix.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable, Mapping
from typing import Any, get_args

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from .errors import NewsarchiveError
from .model import LANG_PATTERN, Method

_SHOWN_MAX = 80
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
METHODS: tuple[str, ...] = get_args(Method)


class Overrides(BaseModel):
    """Facts given by the contributor (flags or sidecar). None means 'not given'."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    title: str | None = Field(None, description="Headline, when the text has none or a wrong one")
    date: dt.date | None = Field(None, description="Publication date, YYYY-MM-DD")
    source: str | None = Field(None, description="Publisher, e.g. 'The Canadian Press'")
    url: str | None = Field(None, description="Address of the published article")
    from_lang: str | None = Field(
        None, alias="from", description="ISO 639-1 code of the original's language"
    )
    method: Method | None = Field(None, description="How it was translated")
    translator: str | None = Field(None, description="Person or tool that translated")
    original_title: str | None = Field(None, description="Headline in the original")
    original_url: str | None = Field(None, description="Address of the original article")
    reviewed: bool | None = Field(
        None, description="A person checked the translation against the original"
    )
    original: str | None = Field(
        None,
        description="Raw file with the original-language text, kept beside the translation "
        "(in a sidecar: a file in the sidecar's folder)",
    )

    @field_validator("title", "source", "translator", "original_title", "original", mode="before")
    @classmethod
    def _visible(cls, value: Any) -> Any:
        if value is not None and not isinstance(value, str):
            raise ValueError("must be text; write it on one line, in quotes if needed")
        # Spaces, zero-width marks or control characters alone would make an invisible field.
        if value is not None and not any(ch.isprintable() and not ch.isspace() for ch in value):
            raise ValueError("has no visible text; give it in quotes")
        return value.strip() if value is not None else None

    @field_validator("date", mode="before")
    @classmethod
    def _day(cls, value: Any) -> Any:
        if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
            return value
        if isinstance(value, str) and _ISO_DAY.fullmatch(value.strip()):
            try:  # a quoted date, as yaml.safe_dump writes one, or a flag
                return dt.date.fromisoformat(value.strip())
            except ValueError:
                pass
        raise ValueError("is not YYYY-MM-DD; write it like 2025-03-15")

    @field_validator("url", "original_url", mode="before")
    @classmethod
    def _web(cls, value: Any) -> Any:
        if value is None:
            return None
        if not isinstance(value, str) or not value.strip().lower().startswith(
            ("http://", "https://")
        ):
            raise ValueError("must start with http:// or https://")
        return value.strip()

    @field_validator("from_lang", mode="before")
    @classmethod
    def _language(cls, value: Any) -> Any:
        if value is not None and not (isinstance(value, str) and re.fullmatch(LANG_PATTERN, value)):
            raise ValueError("is not a two-letter language code like fr or uk")
        return value

    @field_validator("method", mode="before")
    @classmethod
    def _method(cls, value: Any) -> Any:
        if value is not None and value not in METHODS:
            raise ValueError(f"is not one of: {', '.join(METHODS)}")
        return value

    @field_validator("reviewed", mode="before")
    @classmethod
    def _flag(cls, value: Any) -> Any:
        if value is not None and not isinstance(value, bool):
            raise ValueError("is not true or false; write true or false")
        return value

    def over(self, other: Overrides) -> Overrides:
        """These overrides, with gaps filled from `other` (self wins)."""
        return other.model_copy(update=self.model_dump(exclude_none=True))


# Each fact by the name a sidecar (and, with '--', a flag) gives it: its alias, else its name.
FACTS = {info.alias or name: info for name, info in Overrides.model_fields.items()}


def overrides_from(values: Mapping[str, Any], named: Callable[[str], str]) -> Overrides:
    """Check `values` (by sidecar key) into Overrides; `named` gives how the user wrote a key
    ('date' in a sidecar, '--date' on the command line). Raises NewsarchiveError in one line."""
    known = list(FACTS)
    for key in values:
        if key not in known:
            close = difflib.get_close_matches(str(key), known, n=1)
            hint = f"did you mean '{close[0]}'?" if close else "known keys: " + ", ".join(known)
            raise NewsarchiveError(f"unknown key '{shown(key)}'; {hint}")
    try:
        return Overrides.model_validate({k: v for k, v in values.items() if v is not None})
    except ValidationError as exc:
        error = exc.errors()[0]
        field = str(error["loc"][0])
        key = next(
            (k for k, info in FACTS.items() if info is Overrides.model_fields.get(field)), field
        )
        reason = str(error.get("ctx", {}).get("error", error["msg"]))
        value = values.get(key)
        said = "" if reason.startswith("must be text") else f" '{shown(value)}'"
        raise NewsarchiveError(f"{named(key)}{said} {reason}") from None


def shown(value: Any) -> str:
    """A contributor's value as quoted in a one-line error: what does not print escaped
    (line breaks, zero-width marks), long ones cut."""
    text = "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in str(value))
    return text if len(text) <= _SHOWN_MAX else text[: _SHOWN_MAX - 1] + "…"
