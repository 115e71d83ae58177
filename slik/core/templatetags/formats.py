"""Template filters for numbers, money, percentages and dates, from `slik.core.formats`, so a
page shows a value exactly as the PDF, Word, Excel and CSV files and the charts do.

`{{ value|number }}` (at most two decimals), `{{ value|number:0 }}`, `{{ amount|money }}`,
`{{ share|percent }}`, `{{ day|short_date }}`, `{{ day|long_date }}`,
`{{ moment|short_datetime }}` – in every template without a {% load %}, since the builtin
`slik` library takes them in. Like `floatformat`, a filter shows "" for None or what is not a
number, so `|default:"–"` can follow it.
`{% chart_config %}` writes the chart config for slik.js (see slik.core.charts).
"""

from __future__ import annotations

import datetime
import decimal
from functools import lru_cache

from django import template
from django.utils.html import json_script
from django.utils.translation import get_language

from slik.core import charts, formats

register = template.Library()


def _number(value):
    """The value as a finite number, or None (None, "", text that is no number, NaN)."""
    if isinstance(value, str):
        try:
            value = decimal.Decimal(value.strip())
        except decimal.InvalidOperation:
            return None
    return value if formats.is_finite(value) else None


def _decimals(arg, default: int) -> int:
    try:
        return int(arg)
    except (TypeError, ValueError):
        return default


@register.filter
def number(value, decimals=2):
    """ "1 234 567,5": at most `decimals` decimals (default two), trailing zeros dropped."""
    value = _number(value)
    return "" if value is None else formats.format_number(value, _decimals(decimals, 2))


@register.filter
def money(value, decimals=0):
    """ "1 200 000 kr": whole kroner unless `decimals`."""
    value = _number(value)
    return "" if value is None else formats.format_money(value, _decimals(decimals, 0))


@register.filter
def percent(value, decimals=1):
    """ "12,5 %" for 12.5 (a value in per cent, not a fraction)."""
    value = _number(value)
    return "" if value is None else formats.format_percent(value, _decimals(decimals, 1))


@register.filter
def short_date(value):
    """ "29.11.2026" (a datetime: its date in Norwegian time)."""
    return formats.format_date(value) if isinstance(value, datetime.date) else ""


@register.filter
def long_date(value):
    """ "29. november 2026" (English "29 November 2026"), for a date in running text."""
    return formats.format_long_date(value) if isinstance(value, datetime.date) else ""


@register.filter
def short_datetime(value):
    """ "29.11.2026 kl. 10.15", in Norwegian time."""
    return formats.format_datetime(value) if isinstance(value, datetime.date) else ""


@register.simple_tag
def chart_config():
    """The charts' locale and formats for the active language, as the JSON slik.js reads."""
    return _chart_config_script(get_language())


@lru_cache(maxsize=8)
def _chart_config_script(language: str):
    # Written once per language: the locale and formats are the same on every page (building
    # the d3 locale through gettext was ≈ 0.15 ms on each page with a chart).
    return json_script(charts.chart_config(language), charts.CHART_CONFIG_ID)
