"""The benefits realisation plan (gevinstrealiseringsplan): its header and the read model that
the plan page and the Excel/PDF exports share."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Prefetch

from slik.core.audit import audit_log, snapshot
from slik.core.concurrency import EditConflict, save_versioned, subject_of

from ..models import Benefit, BenefitsPlan, Indicator, Measurement

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


@dataclass
class PlanData:
    organisation: object
    case: object
    plan: BenefitsPlan
    benefits: list

    @property
    def indicator_count(self) -> int:
        return sum(len(b.indicator_list) for b in self.benefits)


def plan_data(*, organisation, case, with_measurements: bool = False) -> PlanData:
    """The plan header and every benefit with its indicators in a fixed number of queries."""
    plan = BenefitsPlan.objects.filter(case=case).first() or BenefitsPlan(case=case)
    indicators = Indicator.objects.order_by("-is_main", "id")
    if with_measurements:
        indicators = indicators.prefetch_related(
            Prefetch(
                "measurements",
                queryset=Measurement.objects.select_related("recorded_by").order_by(
                    "measured_on", "id"
                ),
            )
        )
    benefits = list(
        Benefit.objects.filter(organisation=organisation, case=case)
        .select_related("category", "responsible", "owner")
        .prefetch_related(Prefetch("indicators", queryset=indicators, to_attr="indicator_list"))
        .order_by("id")
    )
    return PlanData(organisation=organisation, case=case, plan=plan, benefits=benefits)
