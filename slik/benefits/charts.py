"""Vega-Lite specs for an indicator, built in Python (screen via vega-embed, paper via
vl-convert). Values are inline; every chart has a table and a text summary beside it.

The time axis is chosen from the series and the measurement frequency: ticks at whole months
(or quarters, half-years, years) for monthly data, never a tick a week, and at most about
MAX_TIME_TICKS of them; numbers and dates take the Norwegian formats of the chart config
(slik.core.charts.chart_config)."""

from __future__ import annotations

import datetime

from django.utils.translation import gettext as _

from slik.core.charts import VEGA_LITE_SCHEMA as SCHEMA

from .truth import Truth, rule_labels

MAX_TIME_TICKS = 8
VALUE_TICKS = 6
DAYS_PER_MONTH = 30.4375
MONTH_STEPS = (1, 2, 3, 6, 12, 24, 60)


def time_axis(dates: list[str], frequency: str = "") -> dict:
    """Tick interval and label format for a time axis over `dates` (ISO strings)."""
    days = [datetime.date.fromisoformat(d) for d in dates] or [datetime.date.today()]
    span = (max(days) - min(days)).days
    if frequency == "weekly" and span <= 16 * 7:
        step = max(1, -(-span // (7 * MAX_TIME_TICKS)))
        return {"tickCount": {"interval": "week", "step": step}, "format": "%d.%m.%Y"}
    months = span / DAYS_PER_MONTH
    step = next((s for s in MONTH_STEPS if months / s <= MAX_TIME_TICKS), MONTH_STEPS[-1])
    if step >= 12:
        return {"tickCount": {"interval": "year", "step": step // 12}, "format": "%Y"}
    return {"tickCount": {"interval": "month", "step": step}, "format": "%b %Y"}


def _x(axis: dict | None = None):
    encoding = {"field": "date", "type": "temporal", "title": _("Date")}
    if axis:
        encoding["axis"] = {**axis, "labelOverlap": True}
    return encoding


def _y(unit: str, zero: bool = False, field: str = "value"):
    return {
        "field": field,
        "type": "quantitative",
        "title": unit,
        "scale": {"zero": zero},
        "axis": {"tickCount": VALUE_TICKS},
    }


def _rule(value: float, label: str, dash) -> list[dict]:
    """A horizontal reference line with its label. The layer carries one empty datum of its
    own: without data a layer draws nothing (the line chart's data is its own layer's)."""
    one = {"values": [{}]}
    return [
        {
            "data": one,
            "mark": {"type": "rule", "strokeDash": dash, "strokeWidth": 2, "aria": False},
            "encoding": {"y": {"datum": value}},
        },
        {
            "data": one,
            "mark": {"type": "text", "align": "left", "dx": 4, "dy": -6, "x": 0, "aria": False},
            "encoding": {"y": {"datum": value}, "text": {"value": label}},
        },
    ]


def indicator_chart_spec(indicator, truth: Truth) -> dict:
    """Measurements as a line, with the baseline and target as labelled reference lines."""
    values = [{"date": p["date"], "value": p["value"]} for p in truth.points]
    axis = time_axis([p["date"] for p in truth.points], indicator.frequency)
    layers = [
        {
            "data": {"values": values},
            "mark": {"type": "line", "point": True},
            "encoding": {
                "x": _x(axis),
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


def _limit_layers(unit: str, axis: dict) -> list[dict]:
    """Centre line and limits of every period, each a line over its own period's points, with
    labels at the start of the current period."""
    lines = (
        ("centre", _("Centre line"), [1, 0]),
        ("upper", _("Upper limit"), [6, 3]),
        ("lower", _("Lower limit"), [6, 3]),
    )
    layers = []
    for name, label, dash in lines:
        layers += [
            {
                "transform": [{"filter": f"datum.{name} != null"}],
                "mark": {"type": "line", "strokeDash": dash, "color": "#444", "aria": False},
                "encoding": {
                    "x": _x(axis),
                    "y": _y(unit, field=name),
                    "detail": {"field": "period", "type": "nominal"},
                },
            },
            {
                "transform": [{"filter": f"datum.label_here && datum.{name} != null"}],
                "mark": {"type": "text", "align": "left", "dx": 4, "dy": -6, "aria": False},
                "encoding": {
                    "x": _x(axis),
                    "y": _y(unit, field=name),
                    "text": {"value": label},
                },
            },
        ]
    return layers


def _period_layers(truth: Truth, axis: dict) -> list[dict]:
    """A vertical line where each period the user started begins."""
    starts = [
        {"date": s.starts_on.isoformat(), "label": _("New period")}
        for s in truth.segments
        if s.starts_on is not None
    ]
    if not starts:
        return []
    return [
        {
            "data": {"values": starts},
            "mark": {"type": "rule", "strokeDash": [2, 4], "strokeWidth": 2, "aria": False},
            "encoding": {"x": _x(axis)},
        },
        {
            "data": {"values": starts},
            "mark": {"type": "text", "align": "left", "dx": 4, "y": 8, "aria": False},
            "encoding": {"x": _x(axis), "text": {"field": "label"}},
        },
    ]


def xmr_chart_spec(indicator, truth: Truth) -> dict | None:
    """The XmR chart: points, centre line and noise limits of each period; flagged points get
    another shape as well as another colour, so the signal never depends on colour alone."""
    if not truth.has_limits:
        return None
    signal, noise = _("Signal"), _("Within noise")
    labels = rule_labels()
    current_start = truth.current.start
    values = [
        {
            "date": p["date"],
            "value": p["value"],
            "kind": signal if p["rules"] else noise,
            "rules": ", ".join(labels[code] for code in p["rules"]),
            "period": p.get("period", 0),
            "centre": p.get("centre"),
            "upper": p.get("upper"),
            "lower": p.get("lower"),
            "label_here": index == current_start,
        }
        for index, p in enumerate(truth.points)
    ]
    axis = time_axis([p["date"] for p in truth.points], indicator.frequency)
    point_encoding = {
        "x": _x(axis),
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
                "encoding": {"x": _x(axis), "y": _y(indicator.unit)},
            },
            {"mark": {"type": "point", "filled": True}, "encoding": point_encoding},
            *_limit_layers(indicator.unit, axis),
            *_period_layers(truth, axis),
        ],
    }
