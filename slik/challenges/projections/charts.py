"""The projection's chart: persons aged 80+ per year, with the same numbers in a table."""

from __future__ import annotations

from django.utils.translation import gettext as _

from slik.core.charts import COUNT_FORMAT, VEGA_LITE_SCHEMA


def projection_spec(rows: list[dict]) -> dict:
    values = [{"year": str(row["year"]), "old": row["old"]} for row in rows]
    title = _("Persons aged 80 or over")
    return {
        "$schema": VEGA_LITE_SCHEMA,
        "width": "container",
        "height": 240,
        "data": {"values": values},
        "mark": {"type": "line", "point": True},
        "encoding": {
            "x": {
                "field": "year",
                "type": "ordinal",
                "title": _("Year"),
                # One label every five years: 27 years of labels do not fit a phone.
                "axis": {"labelExpr": "toNumber(datum.value) % 5 == 0 ? datum.value : ''"},
            },
            "y": {
                "field": "old",
                "type": "quantitative",
                "title": title,
                "scale": {"zero": True},
                "axis": {"tickCount": 5, "format": COUNT_FORMAT},
            },
            "tooltip": [
                {"field": "year", "title": _("Year")},
                {"field": "old", "title": title, "format": COUNT_FORMAT},
            ],
        },
    }
