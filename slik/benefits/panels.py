"""The benefits' sections on the case page (registered in `slik.cases.panels`)."""

from django.template.loader import render_to_string


def case_benefits_panel(request, case) -> str | None:
    if not request.user.has_perm("benefits.view_benefit", case):
        return None
    from .graph import benefit_map_for_page
    from .selectors import benefits_for_case

    context = {
        "case": case,
        "case_benefits": benefits_for_case(organisation=request.organisation, case=case),
        # The drawn map lives on its own page: running Graphviz on every case view is too slow.
        **benefit_map_for_page(organisation=request.organisation, case=case),
    }
    return render_to_string("benefits/includes/case_panel.html", context, request=request)
