"""The benefits realisation plan as PDF (WeasyPrint from an HTML template)."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from ..graph import map_svg
from ..services.map import benefit_map_for


def plan_pdf(data, *, base_url: str = "") -> bytes:
    """`data` from `plan_data`; the benefit map is drawn with the same SVG the page shows."""
    from weasyprint import HTML  # heavy import, only when a PDF is asked for

    benefit_map = benefit_map_for(organisation=data.organisation, case=data.case)
    html = render_to_string(
        "benefits/plan_pdf.html",
        {
            "data": data,
            "case": data.case,
            "plan": data.plan,
            "municipality": data.organisation,
            "today": timezone.localdate(),
            "map_svg": map_svg(benefit_map, title=_("Benefit map for %s") % data.case.title),
            "benefit_map": benefit_map,
        },
    )
    return HTML(string=html, base_url=base_url or None).write_pdf()
