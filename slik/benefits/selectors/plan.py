"""The benefits realisation plan as the plan page and the Excel/PDF exports read it."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch

from ..models import Benefit, BenefitsPlan, Indicator, Measurement


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
