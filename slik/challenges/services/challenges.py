"""A floke's life: creating and editing it, its status, publishing and deletion."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from slik.core.audit import audit_log, snapshot
from slik.core.concurrency import StaleState, lock, lock_version, save_versioned

from ..models import Challenge

Status = Challenge.Status

CHALLENGE_FIELDS = ("title", "description", "external_actors", "owner")

# The lifecycle of a floke. Moving into or out of "prioritised" is the leader group's choice.
TRANSITIONS: dict[str, tuple[str, ...]] = {
    Status.CANDIDATE: (Status.PRIORITISED, Status.SET_ASIDE),
    Status.PRIORITISED: (Status.IN_WORK, Status.CANDIDATE, Status.SET_ASIDE),
    Status.IN_WORK: (Status.RESOLVED, Status.SET_ASIDE),
    Status.RESOLVED: (Status.IN_WORK,),
    Status.SET_ASIDE: (Status.CANDIDATE,),
}


def challenge_status_needs_prioritise(*, source: str, target: str) -> bool:
    return Status.PRIORITISED in (source, target)


def challenge_allowed_statuses(*, actor, challenge: Challenge) -> list[str]:
    """The statuses `actor` may move `challenge` to – the buttons and the rule agree."""
    if not actor.has_perm("challenges.change_challenge", challenge):
        return []
    may_prioritise = actor.has_perm("challenges.prioritise_challenge", challenge)
    return [
        target
        for target in TRANSITIONS.get(challenge.status, ())
        if may_prioritise
        or not challenge_status_needs_prioritise(source=challenge.status, target=target)
    ]


def _challenge_snapshot(challenge: Challenge) -> dict:
    data = snapshot(challenge, CHALLENGE_FIELDS)
    data["sectors"] = sorted(s.name for s in challenge.sectors.all()) if challenge.pk else []
    data["external_actors"] = challenge.get_external_actors_display()
    return data


@transaction.atomic
def challenge_create(
    *,
    actor,
    organisation,
    title: str,
    description: str = "",
    sectors=(),
    external_actors=(),
    owner=None,
) -> Challenge:
    challenge = Challenge.objects.create(
        organisation=organisation,
        title=title,
        description=description,
        external_actors=list(external_actors),
        owner=owner,
        created_by=actor,
    )
    challenge.sectors.set(sectors)
    audit_log(
        actor=actor,
        action="challenge.created",
        obj=challenge,
        after=_challenge_snapshot(challenge),
    )
    return challenge


@transaction.atomic
def challenge_update(
    *,
    actor,
    challenge: Challenge,
    title,
    description,
    sectors,
    external_actors,
    owner,
    version: int | None = None,
) -> Challenge:
    """`version` is the one the edit form was loaded from (slik.core.concurrency)."""
    lock_version(challenge, version)
    before = _challenge_snapshot(challenge)
    challenge.title = title
    challenge.description = description
    challenge.external_actors = list(external_actors)
    challenge.owner = owner
    save_versioned(challenge, ("title", "description", "external_actors", "owner"))
    challenge.sectors.set(sectors)
    audit_log(
        actor=actor,
        action="challenge.changed",
        obj=challenge,
        before=before,
        after=_challenge_snapshot(challenge),
    )
    return challenge


def challenge_status_stale(*, challenge: Challenge, expected_status) -> str:
    """Why a status change chosen when the floke had `expected_status` no longer fits, or ""."""
    if not expected_status or challenge.status == expected_status:
        return ""
    return _("The floke's status has changed to %(status)s since you opened the form.") % {
        "status": challenge.get_status_display()
    }


@transaction.atomic
def challenge_set_status(
    *, actor, challenge: Challenge, status: str, reason: str = "", expected_status=None
):
    """Move the floke to `status`. `expected_status` is the status the form was opened for:
    asking again for the status it already has (a second click) changes nothing; a floke
    someone moved elsewhere meanwhile is refused."""
    lock(challenge)
    if challenge.status == status:
        return challenge
    if stale := challenge_status_stale(challenge=challenge, expected_status=expected_status):
        raise StaleState(stale)
    if status not in challenge_allowed_statuses(actor=actor, challenge=challenge):
        if status in TRANSITIONS.get(challenge.status, ()):
            raise PermissionDenied
        raise ValidationError(_("This status change is not possible."), code="transition")
    before = snapshot(challenge, ("status",))
    challenge.status = status
    challenge.save(update_fields=["status", "updated_at"])
    audit_log(
        actor=actor,
        action="challenge.status.changed",
        obj=challenge,
        before=before,
        after=snapshot(challenge, ("status",)),
        data={"reason": reason} if reason else None,
    )
    return challenge


@transaction.atomic
def challenge_set_published(*, actor, challenge: Challenge, is_published: bool) -> Challenge:
    if lock(challenge).is_published == is_published:
        return challenge
    challenge.is_published = is_published
    challenge.save(update_fields=["is_published", "updated_at"])
    audit_log(
        actor=actor,
        action="challenge.published" if is_published else "challenge.unpublished",
        obj=challenge,
    )
    return challenge


@transaction.atomic
def challenge_delete(*, actor, challenge: Challenge) -> None:
    audit_log(
        actor=actor,
        action="challenge.deleted",
        obj=challenge,
        before=_challenge_snapshot(challenge),
    )
    challenge.delete()
