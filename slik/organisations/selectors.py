"""Reads for the organisation pages; every selector is given the organisation and the actor."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q

from slik.core.models import AuditEvent
from slik.core.sorting import order_by_name

from .models import Invitation, Membership, Organisation, Sector

RECENT_EVENTS = 10


@dataclass
class CountRow:
    value: object
    label: str
    count: int


def _counts(queryset, field: str, choices) -> list[CountRow]:
    """One grouped query; every choice is listed, also those with no rows."""
    found = dict(queryset.values_list(field).annotate(n=Count("pk")).order_by())
    return [CountRow(value, label, found.get(value, 0)) for value, label in choices]


def overview_counts(*, organisation: Organisation, actor) -> dict:
    """Floker by status and cases by phase; politicians count only what is published to them."""
    from slik.cases.models import Case, Phase
    from slik.challenges.models import Challenge

    from .rules import is_staff_member

    challenges = Challenge.objects.filter(organisation=organisation)
    cases = Case.objects.filter(organisation=organisation)
    if not is_staff_member(actor, organisation):
        challenges = challenges.filter(is_published=True)
        cases = cases.filter(is_published=True)
    by_status = _counts(challenges, "status", Challenge.Status.choices)
    by_phase = _counts(cases.filter(status=Case.Status.ACTIVE), "phase", Phase.choices)
    return {
        "challenges_by_status": by_status,
        "challenges_total": sum(row.count for row in by_status),
        "cases_by_phase": by_phase,
        "cases_active_total": sum(row.count for row in by_phase),
    }


def recent_events(*, organisation: Organisation, actor, limit: int = RECENT_EVENTS):
    """The organisation's latest activity – staff only, politicians never see staff activity."""
    from .rules import is_staff_member

    if not is_staff_member(actor, organisation):
        return []
    return list(
        AuditEvent.objects.filter(organisation=organisation)
        .select_related("actor")
        .order_by("-created_at", "-id")[:limit]
    )


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
