"""The plan system: plan goals and commissions from politicians (innovasjonsoppdrag).

Linked cases, benefits, floker and goals must belong to the same organisation; a link to
another municipality's object is refused here as well as in the forms.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from slik.core.audit import audit_log, snapshot
from slik.core.concurrency import StaleState, lock, lock_version, save_versioned
from slik.core.dates import validate_model_dates, validate_year

from ..models import Commission, PlanGoal

GOAL_FIELDS = ("source", "title", "description", "year", "reference")
COMMISSION_FIELDS = ("body", "decided_on", "case_number", "title", "text")
STATUS_FIELDS = ("status", "status_comment")


def _same_tenant(organisation, field: str, objects) -> list:
    objects = list(objects or [])
    if any(obj.organisation_id != organisation.pk for obj in objects):
        raise ValidationError({field: _("Choose only objects of this municipality.")})
    return objects


def _titles(objects) -> list[str]:
    return sorted(str(obj) for obj in objects)


def _links(instance, names) -> dict:
    return {name: _titles(getattr(instance, name).all()) for name in names}


def _set_links(instance, organisation, links: dict) -> None:
    for name, objects in links.items():
        if objects is not None:
            getattr(instance, name).set(_same_tenant(organisation, name, objects))


# Plan goals ------------------------------------------------------------------------------


@transaction.atomic
def plan_goal_create(*, actor, organisation, cases=None, benefits=None, **values) -> PlanGoal:
    goal = PlanGoal(organisation=organisation, **{k: values[k] for k in GOAL_FIELDS if k in values})
    validate_year(goal.year, field="year")
    goal.full_clean()
    goal.save()
    _set_links(goal, organisation, {"cases": cases, "benefits": benefits})
    audit_log(
        actor=actor,
        action="portfolio.goal.created",
        obj=goal,
        after=snapshot(goal, GOAL_FIELDS) | _links(goal, ("cases", "benefits")),
    )
    return goal


@transaction.atomic
def plan_goal_update(
    *, actor, goal: PlanGoal, cases=None, benefits=None, version: int | None = None, **values
) -> PlanGoal:
    """`version` is the one the edit form was loaded from (slik.core.concurrency)."""
    lock_version(goal, version)
    organisation = goal.organisation
    before = snapshot(goal, GOAL_FIELDS) | _links(goal, ("cases", "benefits"))
    for name in GOAL_FIELDS:
        if name in values:
            setattr(goal, name, values[name])
    validate_year(goal.year, field="year")
    goal.full_clean()
    save_versioned(goal, [name for name in GOAL_FIELDS if name in values])
    _set_links(goal, organisation, {"cases": cases, "benefits": benefits})
    after = snapshot(goal, GOAL_FIELDS) | _links(goal, ("cases", "benefits"))
    audit_log(actor=actor, action="portfolio.goal.changed", obj=goal, before=before, after=after)
    return goal


@transaction.atomic
def plan_goal_delete(*, actor, goal: PlanGoal) -> None:
    audit_log(
        actor=actor, action="portfolio.goal.deleted", obj=goal, before=snapshot(goal, GOAL_FIELDS)
    )
    goal.delete()


# Commissions -----------------------------------------------------------------------------


@transaction.atomic
def commission_create(
    *, actor, organisation, challenges=None, plan_goals=None, **values
) -> Commission:
    commission = Commission(
        organisation=organisation, **{k: values[k] for k in COMMISSION_FIELDS if k in values}
    )
    validate_model_dates(commission)
    commission.full_clean()
    commission.save()
    _set_links(commission, organisation, {"challenges": challenges, "plan_goals": plan_goals})
    audit_log(
        actor=actor,
        action="portfolio.commission.created",
        obj=commission,
        after=snapshot(commission, COMMISSION_FIELDS)
        | _links(commission, ("challenges", "plan_goals")),
    )
    return commission


@transaction.atomic
def commission_update(
    *,
    actor,
    commission: Commission,
    challenges=None,
    plan_goals=None,
    version: int | None = None,
    **values,
) -> Commission:
    """`version` is the one the edit form was loaded from (slik.core.concurrency)."""
    lock_version(commission, version)
    names = ("challenges", "plan_goals")
    before = snapshot(commission, COMMISSION_FIELDS) | _links(commission, names)
    for name in COMMISSION_FIELDS:
        if name in values:
            setattr(commission, name, values[name])
    validate_model_dates(commission)
    commission.full_clean()
    save_versioned(commission, [name for name in COMMISSION_FIELDS if name in values])
    _set_links(
        commission, commission.organisation, {"challenges": challenges, "plan_goals": plan_goals}
    )
    after = snapshot(commission, COMMISSION_FIELDS) | _links(commission, names)
    audit_log(
        actor=actor,
        action="portfolio.commission.changed",
        obj=commission,
        before=before,
        after=after,
    )
    return commission


@transaction.atomic
def commission_link_cases(*, actor, commission: Commission, cases, loaded=None) -> Commission:
    """The administration's answer: the cases that carry out the commission. `loaded` is the
    set of case ids the form was opened with: an answer someone else changed meanwhile is not
    replaced unseen (None: not checked, for scripts)."""
    lock(commission)
    cases = list(cases or [])
    linked = set(commission.cases.values_list("pk", flat=True))
    if linked == {case.pk for case in cases}:
        return commission  # the same answer again (a second click)
    if loaded is not None and linked != set(loaded):
        raise StaleState(
            _("The cases answering the commission have changed since you opened the page.")
        )
    before = _links(commission, ("cases",))
    commission.cases.set(_same_tenant(commission.organisation, "cases", cases))
    audit_log(
        actor=actor,
        action="portfolio.commission.cases_linked",
        obj=commission,
        before=before,
        after=_links(commission, ("cases",)),
    )
    return commission


@transaction.atomic
def commission_set_status(
    *, actor, commission: Commission, status: str, status_comment: str = "", expected_status=None
) -> Commission:
    """Set the status and its comment. `expected_status` is the status the form was opened
    with: the same values again (a second click) change nothing; a status someone else
    changed meanwhile is not overwritten without seeing it."""
    lock(commission)
    if (commission.status, commission.status_comment) == (status, status_comment):
        return commission
    if expected_status and commission.status != expected_status:
        raise StaleState(
            _("The status has changed to %(status)s since you opened the page.")
            % {"status": commission.get_status_display()}
        )
    before = snapshot(commission, STATUS_FIELDS)
    commission.status, commission.status_comment = status, status_comment
    commission.full_clean()
    commission.save(update_fields=["status", "status_comment"])
    audit_log(
        actor=actor,
        action="portfolio.commission.status_changed",
        obj=commission,
        before=before,
        after=snapshot(commission, STATUS_FIELDS),
    )
    return commission


@transaction.atomic
def commission_delete(*, actor, commission: Commission) -> None:
    audit_log(
        actor=actor,
        action="portfolio.commission.deleted",
        obj=commission,
        before=snapshot(commission, COMMISSION_FIELDS),
    )
    commission.delete()
