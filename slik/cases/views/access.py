"""Fetching a case of the current tenant and checking the actor's permission on it."""

from django.http import Http404

from slik.organisations.access import get_in_tenant, require

from ..models import Case
from ..selectors import visible_cases


def access_case(request, case_id, perm: str = "cases.view_case", *, queryset=None) -> Case:
    """The case in this tenant that the actor may see, else 404; lacking `perm`, 403."""
    if queryset is None:
        queryset = visible_cases(actor=request.user, organisation=request.organisation)
    case = get_in_tenant(queryset.select_related("template"), request.organisation, pk=case_id)
    require(request.user, perm, case)
    return case


def access_child(related_manager, pk):
    """A record of the case, or 404 – a foreign or missing id look the same."""
    try:
        return related_manager.get(pk=pk)
    except (related_manager.model.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404 from exc
