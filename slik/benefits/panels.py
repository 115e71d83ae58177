"""The benefits' sections on the case page (registered in `slik.cases.panels`)."""

from django.template.loader import render_to_string

from .selectors import benefit_map_for, benefits_for_case


def case_benefits_panel(request, case) -> str | None:
    if not request.user.has_perm("benefits.view_benefit", case):
        return None
    benefits = benefits_for_case(organisation=request.organisation, case=case)
    context = {
        "case": case,
        "case_benefits": benefits,
        # The map for its miracle flag; the drawing lives on the map page (running Graphviz on
        # every case view is too slow).
        "benefit_map": benefit_map_for(
            organisation=request.organisation, case=case, benefits=benefits
        ),
    }
    return render_to_string("benefits/includes/case_panel.html", context, request=request)
