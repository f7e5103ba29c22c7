"""The facts a contributor gives about one article: ingest's flags and a sidecar's keys.

One model checks both, so a flag and a sidecar key take the same values and are refused in
the same words; the flags (`newsarchive ingest --help`) and the sidecar's keys are its
fields. A bad value is a one-line error naming the flag or key, the value and the fix.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from typing import Any, get_args

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from .errors import NewsarchiveError
from .explain import date_problem, model_error
from .model import LANG_PATTERN, Method, check_http_url

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
        None,
        alias="from",
        pattern=LANG_PATTERN,
        description="ISO 639-1 code of the original's language",
    )
    method: Method | None = Field(None, description="How it was translated")
    translator: str | None = Field(None, description="Person or tool that translated")
    original_title: str | None = Field(None, description="Headline in the original")
    original_url: str | None = Field(None, description="Address of the original article")
    reviewed: bool | None = Field(
        None, strict=True, description="A person checked the translation against the original"
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
        raise ValueError(date_problem(value, "the publication date"))

    @field_validator("url", "original_url", mode="before")
    @classmethod
    def _web(cls, value: Any) -> Any:
        if value is not None and not isinstance(value, str):
            raise ValueError("must be an http:// or https:// address")
        return check_http_url(value.strip() if value is not None else None)

    def over(self, other: Overrides) -> Overrides:
        """These overrides, with gaps filled from `other` (self wins)."""
        return other.model_copy(update=self.model_dump(exclude_none=True))


# Each fact by the name a sidecar (and, with '--', a flag) gives it: its alias, else its name.
FACTS = {info.alias or name: info for name, info in Overrides.model_fields.items()}


def overrides_from(values: Mapping[str, Any], named: Callable[[str], str]) -> Overrides:
    """Check `values` (by sidecar key) into Overrides; `named` gives how the user wrote a key
    ('date' in a sidecar, '--date' on the command line). Raises NewsarchiveError in one line."""
    try:
        return Overrides.model_validate({k: v for k, v in values.items() if v is not None})
    except ValidationError as exc:
        error = exc.errors()[0]
        key = str(error["loc"][0]) if error["loc"] else ""
        raise NewsarchiveError(model_error(error, Overrides, name=named(key))) from None
