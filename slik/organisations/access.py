"""Fetching tenant objects: always inside the tenant in the query; one 404 for all misses."""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseNotAllowed


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


def access_in_tenant(
    request, queryset, *, view: str, perm: str | None = None, subject=None, **lookup
):
    """The one access helper: an object of the request's organisation that the user may see.

    Fetched with the tenant in the query (`organisation=` unless `lookup` names the path to it,
    e.g. `benefit__organisation=`); a foreign or missing id, and an object the user may not
    `view`, are the same 404; lacking `perm` is a 403. `subject(obj)` names what the
    permissions are asked about when it is not the object itself (an indicator → its benefit).
    """
    own = not any(key == "organisation" or key.endswith("__organisation") for key in lookup)
    if own:
        lookup["organisation"] = request.organisation
    try:
        obj = queryset.get(**lookup)
    except (queryset.model.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404 from exc
    if own:
        # The organisation it was fetched in: rules and templates read it without a join.
        obj.organisation = request.organisation
    target = subject(obj) if subject else obj
    if not request.user.has_perm(view, target):
        raise Http404
    if perm and perm != view:
        require(request.user, perm, target)
    return obj


def post_only(request):
    """405 for anything but POST. Called after the lookup, so a foreign id is still a 404 (a
    decorator such as require_POST would answer 405 first and tell a stranger the id exists)."""
    return None if request.method == "POST" else HttpResponseNotAllowed(["POST"])
