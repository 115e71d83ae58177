"""Shared pieces of SLIK's report builders: chart specs and plain-language helpers."""

from __future__ import annotations

from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from slik.cases.models import Phase
from slik.core.charts import VEGA_LITE_SCHEMA as SCHEMA
from slik.core.charts import count_axis


def person(user) -> str:
    # str(): the name, the e-mail without one, "Deleted user" for an anonymised account.
    return str(user) if user else ""


def today():
    return timezone.localdate()


def shorten(text, chars: int) -> str:
    """`text` on one line, cut at a word with "…" when longer than `chars`."""
    return Truncator(" ".join(str(text or "").split())).chars(chars)


def capped_list(items: list[str], most: int, separator: str = ", ") -> str:
    """The first `most` items joined, then «og 3 til» for the rest."""
    shown = separator.join(items[:most])
    more = len(items) - most
    if more > 0:
        return f"{shown}{separator}" + _("and %(n)s more") % {"n": more}
    return shown


def phase_label(value: int) -> str:
    return f"{value}. {Phase(value).label}"


def bar_chart(values: list[dict], *, category: str, amount: str, title: str) -> dict:
    """Horizontal bars of counts, one per category, in the order given; the data table is
    beside it."""
    axis, scale = count_axis(max((row["amount"] for row in values), default=0))
    return {
        "$schema": SCHEMA,
        "width": 420,
        "height": {"step": 26},
        "data": {"values": values},
        "mark": {"type": "bar", "color": "#1E5AA8"},
        "encoding": {
            "y": {"field": "category", "type": "nominal", "sort": None, "title": category},
            "x": {
                "field": "amount",
                "type": "quantitative",
                "title": amount,
                "axis": axis,
                "scale": scale,
            },
            "tooltip": [
                {"field": "category", "title": category},
                {"field": "amount", "title": amount},
            ],
        },
        "description": title,
    }


def grouped_bar_chart(values: list[dict], *, category: str, amount: str, series: str, title: str):
    """Bars side by side per category (e.g. planned and realised); light and dark so the two
    series can be told apart in black and white too."""
    return {
        "$schema": SCHEMA,
        "width": 420,
        "height": {"step": 16},
        "data": {"values": values},
        "mark": {"type": "bar", "stroke": "#111", "strokeWidth": 0.5},
        "encoding": {
            "y": {"field": "category", "type": "nominal", "sort": None, "title": category},
            "yOffset": {"field": "series", "sort": None},
            "x": {"field": "amount", "type": "quantitative", "title": amount},
            "color": {
                "field": "series",
                "type": "nominal",
                "sort": None,
                "title": series,
                "scale": {"range": ["#9DB9DE", "#1E3F6E"]},
            },
            "tooltip": [
                {"field": "category", "title": category},
                {"field": "series", "title": series},
                {"field": "amount", "title": amount},
            ],
        },
        "description": title,
    }
