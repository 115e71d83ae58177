"""Fetching tenant objects: always inside the tenant in the query; one 404 for all misses."""

from django.core.exceptions import PermissionDenied
from django.http import Http404


def get_in_tenant(queryset, organisation, **lookup):
    """One object of `organisation` or 404 – a foreign id and a missing id look the same."""
    try:
        return queryset.get(organisation=organisation, **lookup)
    except (queryset.model.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404 from exc


def require(user, perm: str, obj=None) -> None:
    """Raise 403 for a member who lacks `perm`. Strangers never get this far (404 earlier)."""
    if not user.has_perm(perm, obj):
        raise PermissionDenied
