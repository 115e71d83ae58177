"""The benefits realisation plan as a tagged PDF (WeasyPrint from an HTML template)."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from slik.core.formats import format_date
from slik.core.pdf import css_string, html_to_pdf, page_counter_css

from ..graph import draw_map
from ..selectors import benefit_map_for

HEADER_TITLE_CHARS = 80


def _page_margins(data, today) -> dict:
    """The running header and footer, as CSS strings: user text never reaches CSS raw."""
    return {
        "organisation": css_string(data.organisation.name),
        "title": css_string(Truncator(data.case.title).chars(HEADER_TITLE_CHARS)),
        "date": css_string(format_date(today)),
        "pages": page_counter_css(),
    }


def plan_pdf(data) -> bytes:
    """`data` from `plan_data`; the benefit map is drawn with the same SVG the page shows."""
    benefit_map = benefit_map_for(organisation=data.organisation, case=data.case)
    drawing = draw_map(benefit_map, title=_("Benefit map for %s") % data.case.title)
    today = timezone.localdate()
    html = render_to_string(
        "benefits/plan_pdf.html",
        {
            "data": data,
            "case": data.case,
            "plan": data.plan,
            "municipality": data.organisation,
            "today": today,
            "css": _page_margins(data, today),
            "map_svg": drawing.svg,
            "map_problem": drawing.problem,
            "benefit_map": benefit_map,
        },
    )
    # Tagged (PDF/UA-1) like every other PDF: headings, tables and the map reach screen readers.
    return html_to_pdf(html, tagged=True)
