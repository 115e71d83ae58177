"""The header of the benefits realisation plan (gevinstrealiseringsplan); the plan as the page
and the exports read it is `selectors.plan_data`."""

from __future__ import annotations

from django.db import transaction

from slik.core.audit import audit_log, snapshot
from slik.core.concurrency import EditConflict, save_versioned, subject_of

from ..models import BenefitsPlan

PLAN_FIELDS = ["rationale", "goals", "main_deliverables", "risks"]


@transaction.atomic
def benefits_plan_update(*, actor, case, values: dict, version: int | None = None):
    """Save the plan's header. `version` is the one the edit form was loaded from (1 for a
    plan not saved yet); a plan saved by someone else meanwhile is refused."""
    plan, _created = BenefitsPlan.objects.select_for_update().get_or_create(case=case)
    if version is not None and plan.version != version:
        raise EditConflict(plan)
    before = snapshot(plan, PLAN_FIELDS)
    for name in PLAN_FIELDS:
        setattr(plan, name, values.get(name, getattr(plan, name)))
    save_versioned(plan, PLAN_FIELDS)
    audit_log(
        actor=actor,
        action="benefits_plan.changed",
        obj=case,
        organisation=case.organisation,
        before=before,
        after=snapshot(plan, PLAN_FIELDS),
        data=subject_of(plan),
    )
    return plan
