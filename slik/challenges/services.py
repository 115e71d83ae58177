"""Writes of the challenges app: keyword-only, atomic, every state change audit-logged."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from slik.core.audit import audit_log, snapshot
from slik.core.concurrency import (
    StaleState,
    bump_version,
    lock,
    lock_version,
    save_versioned,
    subject_of,
)

from .defaults import DEFAULT_CRITERIA
from .models import Challenge, Criterion, CriterionScore, KeyFigure, Stakeholder

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
SCORABLE_STATUSES = (Status.CANDIDATE, Status.PRIORITISED)


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


def _assign(obj, fields: dict, allowed: tuple[str, ...]) -> None:
    """Set the fields an update service accepts; anything else is a programming error."""
    for name, value in fields.items():
        if name not in allowed:
            raise TypeError(name)
        setattr(obj, name, value)


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


# --- Decision matrix --------------------------------------------------------------------------


def criteria_ensure_defaults(organisation) -> None:
    """DEFAULT_PROVIDERS hook: the method's three criteria for an organisation without any."""
    if Criterion.objects.filter(organisation=organisation).exists():
        return
    Criterion.objects.bulk_create(
        Criterion(organisation=organisation, name=name, description=text, weight=1, order=i)
        for i, (name, text) in enumerate(DEFAULT_CRITERIA)
    )


CRITERION_FIELDS = ("name", "description", "weight", "is_active")


@transaction.atomic
def criterion_create(*, actor, organisation, name: str, description: str = "", weight: int = 1):
    order = Criterion.objects.filter(organisation=organisation).count()
    criterion = Criterion.objects.create(
        organisation=organisation, name=name, description=description, weight=weight, order=order
    )
    audit_log(
        actor=actor,
        action="criterion.added",
        obj=organisation,
        organisation=organisation,
        after=snapshot(criterion, CRITERION_FIELDS),
    )
    return criterion


@transaction.atomic
def criterion_update(
    *, actor, criterion: Criterion, version: int | None = None, **fields
) -> Criterion:
    lock_version(criterion, version)
    if all(getattr(criterion, name) == value for name, value in fields.items()):
        return criterion  # a second click on "take out of use", say
    before = snapshot(criterion, CRITERION_FIELDS)
    _assign(criterion, fields, CRITERION_FIELDS)
    criterion.full_clean(exclude=["organisation"])
    save_versioned(criterion, fields)
    audit_log(
        actor=actor,
        action="criterion.changed",
        obj=criterion.organisation,
        organisation=criterion.organisation,
        before=before,
        after=snapshot(criterion, CRITERION_FIELDS),
        data={"criterion": criterion.name, **subject_of(criterion)},
    )
    return criterion


def _weights_changed_meanwhile(criteria, weights, loaded) -> None:
    """Refuse weights changed from a value someone else has changed since (a lost update);
    a weight the sender did not change, or set to what is saved now, is no conflict."""
    if loaded is None:  # not from the matrix page: not checked
        return
    taken = [c for c in criteria if loaded.get(c.pk) != c.weight and int(weights[c.pk]) != c.weight]
    if taken:
        raise StaleState(
            _(
                "Someone else has changed these weights since you opened the page: "
                "%(weights)s. Nothing was saved; what you typed is kept. Save again to "
                "replace them."
            )
            % {"weights": ", ".join(f"{c.name}: {c.weight}" for c in taken)}
        )


@transaction.atomic
def criteria_set_weights(
    *, actor, organisation, weights: dict[int, int], loaded: dict[int, int] | None = None
) -> dict[int, int]:
    """Set several weights at once (the matrix page); ids outside the organisation are ignored.
    `loaded` is the weight each was changed from (the page's); returns the weights saved now."""
    criteria = list(
        Criterion.objects.select_for_update()
        .filter(organisation=organisation, pk__in=list(weights))
        .order_by("pk")
    )
    _weights_changed_meanwhile(criteria, weights, loaded)
    before, after, changed = {}, {}, []
    for criterion in criteria:
        new = int(weights[criterion.pk])
        if not 0 <= new <= 10:
            raise ValidationError(_("A weight must be between 0 and 10."), code="weight")
        if criterion.weight != new:
            before[criterion.name], after[criterion.name] = criterion.weight, new
            criterion.weight = new
            changed.append(criterion)
    if changed:
        Criterion.objects.bulk_update(changed, ["weight"])
        # An edit form of a criterion opened before this must not write the old weight back.
        bump_version(Criterion.objects.filter(pk__in=[c.pk for c in changed]))
        audit_log(
            actor=actor,
            action="criterion.weights.changed",
            obj=organisation,
            organisation=organisation,
            before=before,
            after=after,
        )
    return {criterion.pk: criterion.weight for criterion in criteria}


@transaction.atomic
def challenge_score(*, actor, challenge: Challenge, scores: dict[int, int | None]) -> None:
    """Save `actor`'s own scores (criterion id → 1–5, None removes a score)."""
    if not actor.has_perm("challenges.score_challenge", challenge):
        raise PermissionDenied
    if challenge.status not in SCORABLE_STATUSES:
        raise ValidationError(_("Only candidate and prioritised floker are scored."))
    criteria = {
        c.pk: c
        for c in Criterion.objects.filter(
            organisation=challenge.organisation, is_active=True, pk__in=list(scores)
        )
    }
    for criterion_id, value in scores.items():
        criterion = criteria.get(criterion_id)
        if criterion is None:
            continue
        lookup = {"criterion": criterion, "challenge": challenge, "rater": actor}
        if value is None:
            CriterionScore.objects.filter(**lookup).delete()
            continue
        if not 1 <= int(value) <= 5:
            raise ValidationError(_("A score must be between 1 and 5."), code="score")
        CriterionScore.objects.update_or_create(
            **lookup, defaults={"score": int(value), "organisation": challenge.organisation}
        )
    # The values stay private to the rater; the history only says that scoring happened.
    audit_log(actor=actor, action="challenge.scored", obj=challenge)


# --- Thought-provoking figures ----------------------------------------------------------------

FIGURE_FIELDS = ("label", "value", "unit", "year", "source", "comment")


def _figure_anchor(figure: KeyFigure):
    """Figures of a floke appear in the floke's history; others in the organisation's."""
    return figure.challenge if figure.challenge_id else figure.organisation


@transaction.atomic
def key_figure_create(*, actor, organisation, challenge=None, computed_code="", **fields):
    figure = KeyFigure(
        organisation=organisation, challenge=challenge, computed_code=computed_code, **fields
    )
    figure.full_clean(exclude=["organisation", "challenge"])
    figure.save()
    audit_log(
        actor=actor,
        action="key_figure.added",
        obj=_figure_anchor(figure),
        organisation=organisation,
        after=snapshot(figure, FIGURE_FIELDS),
    )
    return figure


@transaction.atomic
def key_figure_update(
    *, actor, figure: KeyFigure, version: int | None = None, **fields
) -> KeyFigure:
    lock_version(figure, version)
    before = snapshot(figure, FIGURE_FIELDS)
    _assign(figure, fields, FIGURE_FIELDS)
    figure.full_clean(exclude=["organisation", "challenge"])
    save_versioned(figure, fields)
    audit_log(
        actor=actor,
        action="key_figure.changed",
        obj=_figure_anchor(figure),
        organisation=figure.organisation,
        before=before,
        after=snapshot(figure, FIGURE_FIELDS),
        data=subject_of(figure),
    )
    return figure


@transaction.atomic
def key_figure_delete(*, actor, figure: KeyFigure) -> None:
    audit_log(
        actor=actor,
        action="key_figure.deleted",
        obj=_figure_anchor(figure),
        organisation=figure.organisation,
        before=snapshot(figure, FIGURE_FIELDS),
    )
    figure.delete()


# --- Stakeholder analysis ---------------------------------------------------------------------

STAKEHOLDER_FIELDS = (
    "name",
    "group",
    "interest",
    "influence",
    "attitude",
    "strategy",
    "planned_involvement",
)


def _stakeholder_anchor(stakeholder: Stakeholder):
    return stakeholder.challenge or stakeholder.case


@transaction.atomic
def stakeholder_create(*, actor, organisation, challenge=None, case=None, **fields):
    stakeholder = Stakeholder(organisation=organisation, challenge=challenge, case=case, **fields)
    stakeholder.fill_default_strategy()
    stakeholder.full_clean(exclude=["organisation", "challenge", "case"])
    stakeholder.save()
    audit_log(
        actor=actor,
        action="stakeholder.added",
        obj=_stakeholder_anchor(stakeholder),
        organisation=organisation,
        after=snapshot(stakeholder, STAKEHOLDER_FIELDS),
    )
    return stakeholder


@transaction.atomic
def stakeholder_update(
    *, actor, stakeholder: Stakeholder, version: int | None = None, **fields
) -> Stakeholder:
    lock_version(stakeholder, version)
    before = snapshot(stakeholder, STAKEHOLDER_FIELDS)
    _assign(stakeholder, fields, STAKEHOLDER_FIELDS)
    stakeholder.fill_default_strategy()
    stakeholder.full_clean(exclude=["organisation", "challenge", "case"])
    save_versioned(stakeholder, STAKEHOLDER_FIELDS)
    audit_log(
        actor=actor,
        action="stakeholder.changed",
        obj=_stakeholder_anchor(stakeholder),
        organisation=stakeholder.organisation,
        before=before,
        after=snapshot(stakeholder, STAKEHOLDER_FIELDS),
        data=subject_of(stakeholder),
    )
    return stakeholder


@transaction.atomic
def stakeholder_delete(*, actor, stakeholder: Stakeholder) -> None:
    audit_log(
        actor=actor,
        action="stakeholder.deleted",
        obj=_stakeholder_anchor(stakeholder),
        organisation=stakeholder.organisation,
        before=snapshot(stakeholder, STAKEHOLDER_FIELDS),
    )
    stakeholder.delete()
