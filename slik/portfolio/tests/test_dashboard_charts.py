"""The dashboard's Vega-Lite specs render to SVG for paper (vl-convert) as in the browser."""

from decimal import Decimal

import vl_convert

from slik.benefits.rollup import CategoryTotals
from slik.cases.models import Case

from .. import charts

ROWS = [
    {
        "key": 1,
        "label": "Forankring",
        "count": 2,
        "counts": {"active": 1, "postponed": 1, "stopped": 0},
        "budget": Decimal(5000),
        "hours": 3,
    },
    {
        "key": 2,
        "label": "Innsikt",
        "count": 0,
        "counts": {"active": 0, "postponed": 0, "stopped": 0},
        "budget": Decimal(0),
        "hours": 0,
    },
]


def test_every_spec_renders_to_svg():
    specs = [
        charts.funnel_spec(ROWS, list(Case.Status.choices)),
        charts.bar_spec(ROWS, category_title="Fase", value_title="Saker"),
        charts.resources_spec(ROWS, field="budget", title="Budsjett"),
        charts.benefits_spec(
            [CategoryTotals(name="Tid", planned_kr=Decimal(10), realised_kr=Decimal(4))]
        ),
    ]
    for spec in specs:
        assert spec["width"] == "container"
        svg = vl_convert.vegalite_to_svg(charts.paper(spec))
        assert svg.lstrip().startswith("<svg")
        assert "Forankring" in svg or "Tid" in svg
