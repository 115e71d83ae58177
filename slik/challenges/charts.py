"""Vega-Lite specs built in Python (screen via vega-embed, paper via vl-convert).

`stakeholder_grid_spec` is shared with the cases app for a case's stakeholder analysis.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from slik.core.charts import NUMBER_FORMAT
from slik.core.charts import VEGA_LITE_SCHEMA as SCHEMA

GRID_DOMAIN = [0.5, 5.5]


def stakeholder_grid_spec(stakeholders) -> dict:
    """The power/interest grid: x interest, y influence, quadrant lines at 3, name labels."""
    values = [
        {
            "name": s.name,
            "interest": s.interest,
            "influence": s.influence,
            "attitude": str(s.get_attitude_display()),
            "strategy": str(s.get_strategy_display()),
        }
        for s in stakeholders
    ]
    interest, influence = _("Interest"), _("Influence")
    x = {
        "field": "interest",
        "type": "quantitative",
        "title": interest,
        "scale": {"domain": GRID_DOMAIN},
        "axis": {"values": [1, 2, 3, 4, 5], "grid": False},
    }
    y = {
        "field": "influence",
        "type": "quantitative",
        "title": influence,
        "scale": {"domain": GRID_DOMAIN},
        "axis": {"values": [1, 2, 3, 4, 5], "grid": False},
    }
    tooltip = [
        {"field": "name", "title": _("Stakeholder")},
        {"field": "interest", "title": interest},
        {"field": "influence", "title": influence},
        {"field": "attitude", "title": _("Attitude")},
        {"field": "strategy", "title": _("Strategy")},
    ]
    return {
        "$schema": SCHEMA,
        "width": "container",
        "height": 320,
        "data": {"values": values},
        "layer": [
            {"mark": {"type": "rule", "strokeDash": [4, 4]}, "encoding": {"x": {"datum": 3}}},
            {"mark": {"type": "rule", "strokeDash": [4, 4]}, "encoding": {"y": {"datum": 3}}},
            {
                "mark": {"type": "point", "filled": True, "size": 90},
                "encoding": {
                    "x": x,
                    "y": y,
                    "shape": {"field": "attitude", "type": "nominal", "title": _("Attitude")},
                    "tooltip": tooltip,
                },
            },
            # Names on the left half run rightwards from their point, names on the right half
            # leftwards: a name next to a point at high interest ran past the chart's edge
            # and was cut off.
            {
                "transform": [{"filter": "datum.interest <= 3"}],
                "mark": {"type": "text", "align": "left", "dx": 8, "dy": -6},
                "encoding": {"x": x, "y": y, "text": {"field": "name"}},
            },
            {
                "transform": [{"filter": "datum.interest > 3"}],
                "mark": {"type": "text", "align": "right", "dx": -8, "dy": -6},
                "encoding": {"x": x, "y": y, "text": {"field": "name"}},
            },
        ],
    }


def population_share_spec(series: list[dict]) -> dict:
    """Share of the population aged 80+ per year, as a line."""
    return {
        "$schema": SCHEMA,
        "width": "container",
        "height": 220,
        "data": {"values": series},
        "mark": {"type": "line", "point": True},
        "encoding": {
            "x": {"field": "year", "type": "ordinal", "title": _("Year")},
            "y": {
                "field": "share_80",
                "type": "quantitative",
                "title": _("Share aged 80+ (%)"),
                "scale": {"zero": True},
            },
            "tooltip": [
                {"field": "year", "title": _("Year")},
                {"field": "share_80", "title": _("Share aged 80+ (%)"), "format": NUMBER_FORMAT},
            ],
        },
    }
