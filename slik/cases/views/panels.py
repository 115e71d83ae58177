"""The sections loaded after the case page: the case's own (views/sections.py) and those other
apps add (CASE_PAGE_PANELS)."""

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_vary_headers

from .. import selectors
from ..panels import CASE_PAGE_PANELS, render_panels
from .access import access_case, require_view
from .sections import SECTIONS


def _all_sections(request, case) -> list[str]:
    """Every section in the order of the case page: the records and the team, the other apps'
    panels, the stakeholders and the history."""
    own = {key: section(request, case) for key, section in SECTIONS.items()}
    middle = render_panels(request, case)
    ordered = (own["records"], own["team"], *middle, own["stakeholders"], own["history"])
    return [html for html in ordered if html]


def case_panels(request, org_slug, case_id):
    """`?panel=<key>`: that section alone, as htmx swaps it into the case page. Without htmx
    (or without a key, the link for a browser without JavaScript) a page of its own."""
    key = request.GET.get("panel")
    if key in SECTIONS:
        # The case's own sections read only the case's fields they and the rules use.
        case = selectors.case_for_sections(
            actor=request.user, organisation=request.organisation, case_id=case_id
        )
        require_view(request.user, case)
    else:
        case = access_case(request, case_id)
    if key is None:
        panels = _all_sections(request, case)
    elif key in SECTIONS:
        panels = [html for html in [SECTIONS[key](request, case)] if html]
    elif key in CASE_PAGE_PANELS:
        panels = render_panels(request, case, [key])
    else:
        raise Http404
    if request.htmx and not request.htmx.boosted:
        response = HttpResponse("".join(panels))
    else:
        response = render(request, "cases/case_panels.html", {"case": case, "panels": panels})
    patch_vary_headers(response, ["HX-Request"])  # the panel and the page share one URL
    return response
