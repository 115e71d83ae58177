"""Shared pieces of SLIK's report builders: chart specs and plain-language helpers."""

from __future__ import annotations

from django.utils import timezone

from slik.cases.models import Phase
from slik.core.charts import COUNT_FORMAT
from slik.core.charts import VEGA_LITE_SCHEMA as SCHEMA


def person(user) -> str:
    # str(): the name, the e-mail without one, "Deleted user" for an anonymised account.
    return str(user) if user else ""


def today():
    return timezone.localdate()


def phase_label(value: int) -> str:
    return f"{value}. {Phase(value).label}"


def bar_chart(values: list[dict], *, category: str, amount: str, title: str) -> dict:
    """Horizontal bars, one per category, in the order given; the data table is beside it."""
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
                # Counts: whole-number ticks only.
                "axis": {"tickMinStep": 1, "format": COUNT_FORMAT},
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
