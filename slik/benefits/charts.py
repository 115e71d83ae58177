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


def _time_axis(dates: list[str], frequency: str) -> dict:
    """`time_axis` of the series: it depends on the first and the last date only (the points
    are in date order), so the 500 others need not be parsed."""
    return time_axis([dates[0], dates[-1]] if dates else [], frequency)


def _columns(dates: list[str], **columns: list) -> dict:
    """The points as one row of parallel columns (ISO dates and more), unnested in the browser
    (`flatten`): the same rows as a dict per point, at a fraction of the size and of the cost
    of writing the JSON (500 points: 0.1 against 0.5 ms, a third of the bytes). The dates are
    parsed after the unnesting, as Vega-Lite parses a temporal field of rows (`toDate`)."""
    return {
        "data": {"values": [{"date": dates, **columns}]},
        "transform": [
            {"flatten": ["date", *columns]},
            {"calculate": "toDate(datum.date)", "as": "date"},
        ],
    }


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
    axis = _time_axis(truth.point_dates, indicator.frequency)
    layers = [
        {
            **_columns(truth.point_dates, value=truth.point_values),
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


def _limit_rows(truth: Truth) -> list[dict]:
    """The centre line and limits of each period that has them, as two rows (its first and
    its last date): a level line needs no more, where a row per point made the spec of 500
    measurements five times larger. The current period's first row carries the labels."""
    current = truth.current
    rows = []
    for number, segment in enumerate(truth.segments):
        limits = segment.limits
        if limits is None:
            continue
        for index in (segment.start, segment.end - 1):
            rows.append(
                {
                    "date": truth.point_dates[index],
                    "period": number,
                    "centre": limits.centre,
                    "upper": limits.upper,
                    "lower": limits.lower,
                    "label_here": segment is current and index == segment.start,
                }
            )
    return rows


def _limit_layers(truth: Truth, unit: str, axis: dict) -> list[dict]:
    """Centre line and limits of every period, each a line over its own period, with labels
    at the start of the current period: one layer with its own (small) data."""
    lines = (
        ("centre", _("Centre line"), [1, 0]),
        ("upper", _("Upper limit"), [6, 3]),
        ("lower", _("Lower limit"), [6, 3]),
    )
    layers = []
    for name, label, dash in lines:
        layers += [
            {
                "mark": {"type": "line", "strokeDash": dash, "color": "#444", "aria": False},
                "encoding": {
                    "x": _x(axis),
                    "y": _y(unit, field=name),
                    "detail": {"field": "period", "type": "nominal"},
                },
            },
            {
                "transform": [{"filter": "datum.label_here"}],
                "mark": {"type": "text", "align": "left", "dx": 4, "dy": -6, "aria": False},
                "encoding": {
                    "x": _x(axis),
                    "y": _y(unit, field=name),
                    "text": {"value": label},
                },
            },
        ]
    return [{"data": {"values": _limit_rows(truth)}, "layer": layers}]


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
    fired = truth.point_rules
    columns = _columns(
        truth.point_dates,
        value=truth.point_values,
        kind=[signal if codes else noise for codes in fired],
        # Most points fire no rule: their empty text needs no join.
        rules=[", ".join([labels[code] for code in codes]) if codes else "" for codes in fired],
    )
    axis = _time_axis(truth.point_dates, indicator.frequency)
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
        "layer": [
            {
                **columns,
                "layer": [
                    {
                        "mark": {"type": "line", "color": "#6b6b6b"},
                        "encoding": {"x": _x(axis), "y": _y(indicator.unit)},
                    },
                    {"mark": {"type": "point", "filled": True}, "encoding": point_encoding},
                ],
            },
            *_limit_layers(truth, indicator.unit, axis),
            *_period_layers(truth, axis),
        ],
    }
