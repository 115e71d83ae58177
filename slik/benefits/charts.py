"""Vega-Lite specs for an indicator, built in Python (screen via vega-embed, paper via
vl-convert). Values are inline; every chart has a table and a text summary beside it."""

from __future__ import annotations

from django.utils.translation import gettext as _

from slik.core.charts import VEGA_LITE_SCHEMA as SCHEMA

from .truth import Truth, rule_labels


def _x():
    return {"field": "date", "type": "temporal", "title": _("Date")}


def _y(unit: str, zero: bool = False):
    return {
        "field": "value",
        "type": "quantitative",
        "title": unit,
        "scale": {"zero": zero},
    }


def _rule(value: float, label: str, dash) -> list[dict]:
    return [
        {
            "mark": {"type": "rule", "strokeDash": dash, "strokeWidth": 2, "aria": False},
            "encoding": {"y": {"datum": value}},
        },
        {
            "mark": {"type": "text", "align": "left", "dx": 4, "dy": -6, "x": 0, "aria": False},
            "encoding": {"y": {"datum": value}, "text": {"value": label}},
        },
    ]


def indicator_chart_spec(indicator, truth: Truth) -> dict:
    """Measurements as a line, with the baseline and target as labelled reference lines."""
    values = [{"date": p["date"], "value": p["value"]} for p in truth.points]
    layers = [
        {
            "data": {"values": values},
            "mark": {"type": "line", "point": True},
            "encoding": {
                "x": _x(),
                "y": _y(indicator.unit),
                "tooltip": [
                    {"field": "date", "type": "temporal", "title": _("Date")},
                    {"field": "value", "type": "quantitative", "title": _("Value")},
                ],
            },
        }
    ]
    if indicator.baseline_value is not None:
        layers += _rule(float(indicator.baseline_value), _("Baseline"), [2, 2])
    if indicator.target_value is not None:
        layers += _rule(float(indicator.target_value), _("Target"), [8, 4])
    return {
        "$schema": SCHEMA,
        "width": "container",
        "height": 280,
        "layer": layers,
    }


def xmr_chart_spec(indicator, truth: Truth) -> dict | None:
    """The XmR chart: points, centre line and noise limits; flagged points get another shape
    as well as another colour, so the signal never depends on colour alone."""
    if truth.limits is None:
        return None
    signal, noise = _("Signal"), _("Within noise")
    labels = rule_labels()
    values = [
        {
            "date": p["date"],
            "value": p["value"],
            "kind": signal if p["rules"] else noise,
            "rules": ", ".join(labels[code] for code in p["rules"]),
        }
        for p in truth.points
    ]
    limits = truth.limits
    point_encoding = {
        "x": _x(),
        "y": _y(indicator.unit),
        "shape": {
            "field": "kind",
            "type": "nominal",
            "title": _("Point"),
            "scale": {"domain": [noise, signal], "range": ["circle", "diamond"]},
        },
        "color": {
            "field": "kind",
            "type": "nominal",
            "title": _("Point"),
            "scale": {"domain": [noise, signal], "range": ["#1e6fb4", "#c01b1b"]},
        },
        "size": {"value": 70},
        "tooltip": [
            {"field": "date", "type": "temporal", "title": _("Date")},
            {"field": "value", "type": "quantitative", "title": _("Value")},
            {"field": "rules", "title": _("Rule")},
        ],
    }
    return {
        "$schema": SCHEMA,
        "width": "container",
        "height": 280,
        "data": {"values": values},
        "layer": [
            {
                "mark": {"type": "line", "color": "#6b6b6b"},
                "encoding": {"x": _x(), "y": _y(indicator.unit)},
            },
            {"mark": {"type": "point", "filled": True}, "encoding": point_encoding},
            *_rule(limits.centre, _("Centre line"), [1, 0]),
            *_rule(limits.upper, _("Upper limit"), [6, 3]),
            *_rule(limits.lower, _("Lower limit"), [6, 3]),
        ],
    }
