"""Reads for the organisation pages; every selector is given the organisation and the actor."""

from __future__ import annotations

from django.db.models import Q

from slik.core.compiled import CompiledRead
from slik.core.models import AuditEvent
from slik.core.sorting import order_by_name

from .models import Invitation, Membership, Organisation, Sector
from .pages import OVERVIEW_SECTIONS, CountCard
from .rules import is_staff_member
from .tenancy import memberships_of

RECENT_EVENTS = 10


def overview_cards(*, organisation: Organisation, actor) -> list[CountCard]:
    """The cards other apps show on the overview (floker by status, cases by phase), each
    counting only what the actor may see."""
    cards = (section(organisation=organisation, actor=actor) for section in OVERVIEW_SECTIONS)
    return [card for card in cards if card is not None]


def my_memberships(*, actor) -> list[Membership]:
    """The actor's memberships in the order of the organisations' names."""
    return sorted(memberships_of(actor).values(), key=lambda m: str(m.organisation))


def recent_events(*, organisation: Organisation, actor, limit: int = RECENT_EVENTS):
    """The organisation's latest activity – staff only, politicians never see staff activity."""
    if not is_staff_member(actor, organisation):
        return []
    if limit != RECENT_EVENTS:
        return list(_recent(organisation, limit))
    return _RECENT.objects(organisation.pk)


def _recent(organisation, limit: int):
    # Only what the list shows: not the events' changes and data (JSON decoded per row) nor
    # the actors' whole rows.
    shown = ("created_at", "action", "object_repr", "actor__full_name", "actor__email")
    return (
        AuditEvent.objects.filter(organisation=organisation)
        .select_related("actor")
        .only(*shown, "actor__anonymised_at")
        .order_by("-created_at", "-id")[:limit]
    )


# Compiled once (slik/core/compiled.py): building the read cost more than running it.
_RECENT = CompiledRead(lambda organisation_id: _recent(organisation_id, RECENT_EVENTS), -7_330_001)


def member_list(*, organisation: Organisation, actor, query: str = "", role: str = ""):
    """Members in Norwegian name order, optionally searched by name/e-mail and filtered by role."""
    members = Membership.objects.filter(organisation=organisation).select_related("user")
    if query:
        members = members.filter(
            Q(user__full_name__icontains=query) | Q(user__email__icontains=query)
        )
    if role:
        members = members.filter(role=role)
    return order_by_name(members, "user__full_name")


def open_invitations(*, organisation: Organisation):
    """Invitations still waiting for an answer, newest first (expired ones included: they can
    be sent again). Only what the coordinator typed is shown, never an account behind it."""
    return (
        Invitation.objects.filter(
            organisation=organisation,
            accepted_at__isnull=True,
            declined_at__isnull=True,
            withdrawn_at__isnull=True,
        )
        .select_related("invited_by")
        .order_by("-sent_at", "-id")
    )


def coordinator_ids(*, organisation: Organisation) -> set[int]:
    return set(
        Membership.objects.filter(
            organisation=organisation, role=Membership.Role.COORDINATOR
        ).values_list("pk", flat=True)
    )


def sector_list(*, organisation: Organisation, actor):
    return list(Sector.objects.filter(organisation=organisation).order_by("order", "name"))


def partnership_members(*, organisation: Organisation, actor):
    """The municipalities of a partnership (Norwegian order); empty for other kinds."""
    if organisation.kind != Organisation.Kind.PARTNERSHIP:
        return []
    return order_by_name(organisation.member_municipalities.select_related("county"), "short_name")
