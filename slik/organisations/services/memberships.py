"""Writes for memberships: who belongs to an organisation, in which role."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from slik.core.audit import audit_log, snapshot
from slik.core.concurrency import lock_version, save_versioned, subject_of

from ..models import Membership, Organisation
from ..tenancy import forget_memberships
from .organisations import organisation_ensure_defaults, organisation_lock

MEMBERSHIP_FIELDS = ("role", "is_chief_executive", "title")


@transaction.atomic
def membership_add(
    *, actor, organisation: Organisation, user, role: str, is_chief_executive=False, title=""
) -> Membership:
    organisation_lock(organisation.pk)  # two adds of one person at once: one member, one message
    if Membership.objects.filter(organisation=organisation, user=user).exists():
        raise ValidationError(
            _("%(email)s is already a member of this organisation.") % {"email": user.email},
            code="duplicate",
        )
    # Defaults are created with the first member, not for every organisation in the register.
    organisation_ensure_defaults(organisation=organisation)
    membership = Membership.objects.create(
        organisation=organisation,
        user=user,
        role=role,
        is_chief_executive=is_chief_executive,
        title=title,
    )
    forget_memberships(user)
    audit_log(
        actor=actor,
        action="membership.added",
        obj=organisation,
        organisation=organisation,
        after=snapshot(membership, MEMBERSHIP_FIELDS),
        data={"user": user.email},
    )
    return membership


def _coordinator_count(organisation_id) -> int:
    return Membership.objects.filter(
        organisation_id=organisation_id, role=Membership.Role.COORDINATOR
    ).count()


def membership_can_lose_coordinator(membership: Membership) -> bool:
    """Pre-check for the UI: False when this is the organisation's last coordinator."""
    if membership.role != Membership.Role.COORDINATOR:
        return True
    return _coordinator_count(membership.organisation_id) > 1


def _last_coordinator_error() -> ValidationError:
    return ValidationError(
        _(
            "An organisation must always have at least one innovation coordinator. "
            "Make someone else coordinator first."
        ),
        code="last_coordinator",
    )


@transaction.atomic
def membership_update(
    *,
    actor,
    membership: Membership,
    role: str,
    is_chief_executive: bool,
    title: str,
    version: int | None = None,
) -> Membership:
    """`version` is the one the edit form was loaded from (slik.core.concurrency)."""
    organisation_lock(membership.organisation_id)
    lock_version(membership, version)
    if role != Membership.Role.COORDINATOR and not membership_can_lose_coordinator(membership):
        raise ValidationError({"role": _last_coordinator_error()})
    before = snapshot(membership, MEMBERSHIP_FIELDS)
    membership.role = role
    membership.is_chief_executive = is_chief_executive
    membership.title = title
    save_versioned(membership, MEMBERSHIP_FIELDS)
    forget_memberships(membership.user)
    audit_log(
        actor=actor,
        action="membership.changed",
        obj=membership.organisation,
        organisation=membership.organisation,
        before=before,
        after=snapshot(membership, MEMBERSHIP_FIELDS),
        data={"user": membership.user.email, **subject_of(membership)},
    )
    return membership


@transaction.atomic
def membership_remove(*, actor, membership: Membership) -> None:
    if actor is not None and membership.user_id == actor.pk:
        raise ValidationError(
            _("You cannot remove yourself. Ask another coordinator to do it."), code="self"
        )
    organisation_lock(membership.organisation_id)
    current = Membership.objects.filter(pk=membership.pk).first()
    if current is None:  # removed a moment ago (a second click)
        return
    if not membership_can_lose_coordinator(current):
        raise _last_coordinator_error()
    organisation = membership.organisation
    audit_log(
        actor=actor,
        action="membership.removed",
        obj=organisation,
        organisation=organisation,
        before=snapshot(membership, MEMBERSHIP_FIELDS),
        data={"user": membership.user.email},
    )
    membership.delete()
    forget_memberships(membership.user)
