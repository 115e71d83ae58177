"""Fetching a case of the current tenant and checking the actor's permission on it."""

from django.http import Http404

from slik.organisations.access import access_in_tenant

from ..models import Case
from ..selectors import visible_cases


def access_case(request, case_id, perm: str = "cases.view_case") -> Case:
    """The case in this tenant that the actor may see, else 404; lacking `perm`, 403."""
    queryset = visible_cases(actor=request.user, organisation=request.organisation)
    return access_in_tenant(
        request, queryset.select_related("template"), view="cases.view_case", perm=perm, pk=case_id
    )


def require_view(user, case: Case) -> None:
    """404 for a case the actor may not see, as `access_case` answers (for a case read some
    other way inside the tenant)."""
    if not user.has_perm("cases.view_case", case):
        raise Http404


def access_child(related_manager, pk):
    """A record of the case, or 404 – a foreign or missing id look the same."""
    try:
        return related_manager.get(pk=pk)
    except (related_manager.model.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404 from exc
