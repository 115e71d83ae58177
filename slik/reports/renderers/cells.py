"""Cell values as text for paper (PDF and Word), in Norwegian number and date style.

Spreadsheets get the typed values themselves; only paper needs them written out.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext as _

NBSP = "\u00a0"
EMPTY = "–"
LANGUAGE_TAGS = {"nb": "nb-NO", "nn": "nn-NO", "en": "en-GB"}


def language_tag(language: str) -> str:
    return LANGUAGE_TAGS.get(language, language or "nb-NO")


def is_number(value) -> bool:
    return isinstance(value, int | float | Decimal) and not isinstance(value, bool)


def format_number(value) -> str:
    """1234567.5 → "1 234 567,5" (non-breaking spaces, decimal comma, at most two decimals)."""
    if isinstance(value, int):
        return f"{value:,}".replace(",", NBSP)
    number = float(value)
    text = f"{number:,.2f}".rstrip("0").rstrip(".")
    return text.replace(",", NBSP).replace(".", ",")


def format_cell(value) -> str:
    if value is None or value == "":
        return EMPTY
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if is_number(value):
        return format_number(value)
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.strftime("%d.%m.%Y %H:%M")
    if isinstance(value, datetime.date):
        return value.strftime("%d.%m.%Y")
    return str(value)
