"""Resolving the tenant and the actor's membership.

Memberships of the signed-in user are loaded once per request and cached on the user object,
so rules predicates (which only get `user` and `obj`) answer without further queries.
"""

from __future__ import annotations

from django.http import Http404

from slik.core.compiled import CompiledRead

from .models import Membership, Organisation

_CACHE_ATTR = "_slik_memberships"

# Read on every signed-in request: compiled once (slik/core/compiled.py).
_MEMBERSHIPS = CompiledRead(
    lambda user_id: Membership.objects.filter(user_id=user_id).select_related("organisation"),
    -7_300_001,
)


def memberships_of(user) -> dict[int, Membership]:
    if not getattr(user, "is_authenticated", False):
        return {}
    cached = getattr(user, _CACHE_ATTR, None)
    if cached is None:
        cached = {m.organisation_id: m for m in _MEMBERSHIPS.objects(user.pk)}
        setattr(user, _CACHE_ATTR, cached)
    return cached


def forget_memberships(user) -> None:
    if hasattr(user, _CACHE_ATTR):
        delattr(user, _CACHE_ATTR)


def organisation_id_of(obj) -> int | None:
    """The owning organisation's id of a tenant object, an organisation, or None."""
    if obj is None:
        return None
    if isinstance(obj, Organisation):
        return obj.pk
    return getattr(obj, "organisation_id", None)


def membership_for(user, obj) -> Membership | None:
    org_id = organisation_id_of(obj)
    if org_id is None:
        return None
    return memberships_of(user).get(org_id)


def resolve_tenant(user, slug: str) -> tuple[Organisation, Membership]:
    """The organisation behind `slug` and the user's membership; 404 for strangers.

    A missing organisation and one the user does not belong to give the same 404.
    """
    for membership in memberships_of(user).values():
        if membership.organisation.slug == slug:
            return membership.organisation, membership
    raise Http404("No such organisation")
