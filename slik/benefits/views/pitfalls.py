"""The pitfall list: every pitfall of the organisation's open benefits, a page at a time."""

from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from slik.core.links import link_maker
from slik.core.pagination import paginate
from slik.organisations.access import require

from ..filters import PitfallFilterForm
from ..selectors import case_choices, organisation_pitfalls


@require_http_methods(["GET"])
def pitfall_list(request, org_slug):
    """The database finds the pitfalls; only the page shown is made into objects."""
    org = request.organisation
    require(request.user, "benefits.view_overview", org)
    filter_form = PitfallFilterForm(
        request.GET, cases=case_choices(actor=request.user, organisation=org)
    )
    filters = filter_form.filters()
    pitfalls = organisation_pitfalls(organisation=org, case=filters["case"], code=filters["code"])
    page = paginate(request, pitfalls)
    # The benefit links of the page's rows from one reverse().
    benefit_url = link_maker("benefits:benefit", id_name="benefit_id", org_slug=org.slug)
    rows = [(pitfall, benefit_url(pitfall.benefit.pk)) for pitfall in page.object_list]
    context = {"filter_form": filter_form, "page": page, "rows": rows}
    return render(request, "benefits/pitfalls.html", context)
