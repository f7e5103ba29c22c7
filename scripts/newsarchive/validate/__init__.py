"""`newsarchive validate`: check archive pages before they are merged and published."""

from .problems import Problem, Report, format_summary, render
from .run import check_page, validate_pages

__all__ = ["Problem", "Report", "check_page", "format_summary", "render", "validate_pages"]
