"""The sections other apps add to the case page (CASE_PAGE_PANELS), loaded after the page."""

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_vary_headers

from ..panels import CASE_PAGE_PANELS, render_panels
from .access import access_case


def case_panels(request, org_slug, case_id):
    """`?panel=<key>`: that panel alone, as htmx swaps it into the case page. Without htmx (or
    without a key, the link for a browser without JavaScript) a page of its own."""
    case = access_case(request, case_id)
    key = request.GET.get("panel")
    if key is not None and key not in CASE_PAGE_PANELS:
        raise Http404
    panels = render_panels(request, case, None if key is None else [key])
    if request.htmx and not request.htmx.boosted:
        response = HttpResponse("".join(panels))
    else:
        response = render(request, "cases/case_panels.html", {"case": case, "panels": panels})
    patch_vary_headers(response, ["HX-Request"])  # the panel and the page share one URL
    return response
