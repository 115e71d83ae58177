"""The innovation cases working on a floke, a section of the floke's page.

The challenges app sits below this one and shows the section through its
CHALLENGE_PAGE_PANELS registry (registered in CasesConfig.ready).
"""

from django.template.loader import render_to_string

from .. import selectors


def challenge_cases_panel(request, challenge) -> str:
    cases = selectors.challenge_cases(challenge=challenge, actor=request.user)
    context = {
        "challenge": challenge,
        "cases": cases,
        "organisation": request.organisation,
        "may_add": request.user.has_perm("cases.add_case", request.organisation),
    }
    return render_to_string("cases/includes/challenge_cases.html", context, request=request)
