"""Cell values as text for paper (PDF and Word): what the screen shows, through
`slik.core.formats` (decimal comma, no-break spaces, dates as 29.11.2026, times in Norwegian time).

Spreadsheets get the typed values themselves (see xlsx.py); CSV writes the same text, but an
empty cell stays empty there (csv.py).
"""

from __future__ import annotations

from slik.core.formats import EMPTY, format_value, is_number

LANGUAGE_TAGS = {"nb": "nb-NO", "nn": "nn-NO", "en": "en-GB"}

__all__ = ["format_cell", "is_number", "language_tag"]


def language_tag(language: str) -> str:
    return LANGUAGE_TAGS.get(language, language or "nb-NO")


def format_cell(value) -> str:
    return format_value(value, empty=EMPTY)
