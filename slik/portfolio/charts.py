"""Vega-Lite specs of the portfolio dashboard, built in Python: the browser renders them with
vega-embed, paper with vl-convert (`paper(spec)` gives a fixed width), so both show the same
chart. Every chart has a table beside it on the page."""

from __future__ import annotations

from django.utils.translation import gettext as _

from slik.cases.models import Case
from slik.core.charts import PAPER_WIDTH, count_axis, paper_spec
from slik.core.charts import VEGA_LITE_SCHEMA as SCHEMA


def paper(spec: dict, width: int = PAPER_WIDTH) -> dict:
    """The same spec ready for print (see slik.core.charts.paper_spec)."""
    return paper_spec(spec, width)


def _base(values: list[dict], height: int) -> dict:
    return {
        "$schema": SCHEMA,
        "width": "container",
        "height": height,
        "data": {"values": values},
    }


def bar_spec(rows: list[dict], *, category_title: str, value_title: str) -> dict:
    """Horizontal bars, one per row ({"label", "count"}), in the order given."""
    values = [{"label": row["label"], "value": float(row["count"])} for row in rows]
    order = [row["label"] for row in rows]
    spec = _base(values, max(60, 28 * len(values)))
    spec["mark"] = {"type": "bar", "tooltip": True}
    axis, scale = count_axis(max((v["value"] for v in values), default=0))
    spec["encoding"] = {
        "y": {"field": "label", "type": "nominal", "title": category_title, "sort": order},
        "x": {
            "field": "value",
            "type": "quantitative",
            "title": value_title,
            "axis": axis,
            "scale": scale,
        },
    }
    return spec


def funnel_spec(rows: list[dict], statuses: list[tuple[str, str]]) -> dict:
    """Cases by phase (the funnel), bars stacked by status; statuses also differ in pattern
    of opacity, and the table beside the chart gives every number."""
    values = [
        {
            "phase": f"{row['key']}. {row['label']}",
            "status": str(label),
            "count": row["counts"][value],
        }
        for row in rows
        for value, label in statuses
    ]
    spec = _base(values, 6 * 34)
    spec["mark"] = {"type": "bar", "tooltip": True}
    # Bars are stacked: the axis reaches the fullest phase.
    axis, scale = count_axis(max((sum(row["counts"].values()) for row in rows), default=0))
    spec["encoding"] = {
        "y": {
            "field": "phase",
            "type": "nominal",
            "title": _("Phase"),
            "sort": [f"{row['key']}. {row['label']}" for row in rows],
        },
        "x": {
            "field": "count",
            "type": "quantitative",
            "title": _("Cases"),
            "stack": True,
            "axis": axis,
            "scale": scale,
        },
        "color": {
            "field": "status",
            "type": "nominal",
            "title": _("Status"),
            "sort": [str(label) for _value, label in statuses],
            "scale": {"range": ["#1e6fb4", "#c28a00", "#6b6b6b"]},
        },
        "order": {"field": "status", "sort": "ascending"},
    }
    return spec


def resources_spec(rows: list[dict], *, field: str, title: str) -> dict:
    values = [
        {"label": f"{row['key']}. {row['label']}", "value": float(row[field])} for row in rows
    ]
    spec = _base(values, 6 * 30)
    spec["mark"] = {"type": "bar", "tooltip": True}
    spec["encoding"] = {
        "y": {
            "field": "label",
            "type": "nominal",
            "title": _("Phase"),
            "sort": [v["label"] for v in values],
        },
        "x": {"field": "value", "type": "quantitative", "title": title},
    }
    return spec


def benefits_spec(categories: list) -> dict:
    """Planned against realised benefits in kroner, by category (grouped bars)."""
    planned, realised = _("Planned"), _("Realised")
    values = []
    for row in categories:
        label = row.name or _("No category")
        values.append({"category": label, "kind": planned, "value": float(row.planned_kr)})
        values.append({"category": label, "kind": realised, "value": float(row.realised_kr)})
    spec = _base(values, max(80, 50 * len(categories)))
    spec["mark"] = {"type": "bar", "tooltip": True}
    spec["encoding"] = {
        "y": {"field": "category", "type": "nominal", "title": _("Category")},
        "yOffset": {"field": "kind", "sort": [planned, realised]},
        "x": {"field": "value", "type": "quantitative", "title": _("Kroner")},
        "color": {
            "field": "kind",
            "type": "nominal",
            "title": _("Benefit"),
            "sort": [planned, realised],
            "scale": {"range": ["#9ab7d6", "#1e6fb4"]},
        },
    }
    return spec


def dashboard_specs(dashboard) -> dict[str, dict]:
    """The charts of the dashboard page, keyed by the id its container uses (the balance and
    the benefits are panels with their own: `balance_specs`, `benefits_spec`)."""
    return {
        "funnel": funnel_spec(dashboard.funnel, list(Case.Status.choices)),
        "budget": resources_spec(dashboard.resources, field="budget", title=_("Budget (NOK)")),
        "hours": resources_spec(dashboard.resources, field="hours", title=_("Hours")),
    }


def balance_specs(balance: dict[str, list[dict]]) -> dict[str, dict]:
    """The charts of the balance (`breakdowns.balance`), keyed like `dashboard_specs`."""
    cases = _("Cases")
    return {
        "challenge": bar_spec(balance["challenge"], category_title=_("Floke"), value_title=cases),
        "sector": bar_spec(balance["sector"], category_title=_("Sector"), value_title=cases),
        "innovation_type": bar_spec(
            balance["innovation_type"], category_title=_("Innovation type"), value_title=cases
        ),
        "oecd_facet": bar_spec(
            balance["oecd_facet"], category_title=_("OECD facet"), value_title=cases
        ),
    }
