"""The decision matrix's writes: its criteria, their weights and each leader's own scores."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from slik.core.audit import audit_log, snapshot
from slik.core.concurrency import StaleState, bump_version, lock_version, save_versioned, subject_of

from ..defaults import DEFAULT_CRITERIA
from ..models import Challenge, Criterion, CriterionScore
from .fields import assign_fields

CRITERION_FIELDS = ("name", "description", "weight", "is_active")
# The forms offer exactly what the services accept.
WEIGHTS = range(0, 11)
SCORES = range(1, 6)
# Only floker still to be chosen among are scored (and ranked).
SCORABLE_STATUSES = (Challenge.Status.CANDIDATE, Challenge.Status.PRIORITISED)


def criteria_ensure_defaults(organisation) -> None:
    """DEFAULT_PROVIDERS hook: the method's three criteria for an organisation without any."""
    if Criterion.objects.filter(organisation=organisation).exists():
        return
    Criterion.objects.bulk_create(
        Criterion(organisation=organisation, name=name, description=text, weight=1, order=i)
        for i, (name, text) in enumerate(DEFAULT_CRITERIA)
    )


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
    assign_fields(criterion, fields, CRITERION_FIELDS)
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
        if new not in WEIGHTS:
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


def challenge_score_check(*, challenge: Challenge) -> str:
    """Why `challenge` cannot be scored now, or "" when it can: the page offers scoring only
    where `challenge_score` would take it."""
    if challenge.status not in SCORABLE_STATUSES:
        return _("Only candidate and prioritised floker are scored.")
    return ""


@transaction.atomic
def challenge_score(*, actor, challenge: Challenge, scores: dict[int, int | None]) -> None:
    """Save `actor`'s own scores (criterion id → 1–5, None removes a score)."""
    if not actor.has_perm("challenges.score_challenge", challenge):
        raise PermissionDenied
    if refusal := challenge_score_check(challenge=challenge):
        raise ValidationError(refusal)
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
        if int(value) not in SCORES:
            raise ValidationError(_("A score must be between 1 and 5."), code="score")
        CriterionScore.objects.update_or_create(
            **lookup, defaults={"score": int(value), "organisation": challenge.organisation}
        )
    # The values stay private to the rater; the history only says that scoring happened.
    audit_log(actor=actor, action="challenge.scored", obj=challenge)
