"""The demo's benefits, played through the benefits app's services so history and audit are real.

Runs inside Hvaler's scope. `build_benefits` is idempotent on its own: a demo loaded before the
benefits app existed gets its benefits on the next `load_demo`, and a second run adds nothing.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.utils import timezone

from slik.benefits import services as benefit_services
from slik.benefits.models import Benefit, BenefitCategory, BenefitMapNode
from slik.benefits.services.map import map_edge_create, map_node_create
from slik.benefits.services.plan import benefits_plan_update
from slik.cases.models import Case

from .data_benefits import BENEFITS, MAP_EDGES, MAP_NODES, PLAN
from .data_cases import FAMILY_CASE

INDICATOR_FIELDS = ("name", "unit", "direction", "data_source", "method", "frequency")
OPTIONAL_FIELDS = ("cost_of_measuring",)


def month_start(today: datetime.date, months_ago: int) -> datetime.date:
    """The first day of the month `months_ago` months before today's (negative: ahead)."""
    index = today.year * 12 + today.month - 1 - months_ago
    return datetime.date(index // 12, index % 12 + 1, 1)


def benefits_exist(organisation) -> bool:
    return Benefit.objects.filter(organisation=organisation).exists()


def build_benefits(*, organisation, people) -> None:
    if benefits_exist(organisation):
        return
    benefit_services.benefit_defaults_ensure(organisation)
    builder = _Builder(organisation=organisation, people=people)
    cases = {case.title: case for case in Case.objects.filter(organisation=organisation)}
    for title, specs in BENEFITS.items():
        if title in cases:
            for spec in specs:
                builder.benefit(cases[title], spec)
    family = cases.get(FAMILY_CASE)
    if family is not None:
        actor = people["project_leader"]
        benefits_plan_update(actor=actor, case=family, values=PLAN[FAMILY_CASE])
        _build_map(actor=actor, case=family, benefits=builder.created)


class _Builder:
    def __init__(self, *, organisation, people):
        self.organisation, self.people = organisation, people
        self.today = timezone.localdate()
        self.categories = {
            (c.category_set, c.name): c
            for c in BenefitCategory.objects.filter(organisation=organisation)
        }
        self.created: dict[str, Benefit] = {}

    def benefit(self, case, spec) -> Benefit:
        actor = self.people["project_leader"]
        benefit = benefit_services.benefit_create(
            actor=actor,
            case=case,
            title=spec["title"],
            description=spec.get("description", ""),
            category=self.categories.get(spec["category"]),
            beneficiary=spec.get("beneficiary", ""),
            prerequisites=spec.get("prerequisites", ""),
            realisation=spec["realisation"],
            reallocation_to=spec.get("reallocation_to", ""),
            calculation_basis=spec.get("calculation_basis", ""),
            uncertainty=spec["uncertainty"],
            priority=spec["priority"],
            responsible=self.people[spec["responsible"]],
            owner=self.people[spec["owner"]],
            planned_realisation_on=month_start(self.today, -spec["realisation_months"]),
        )
        for indicator_spec in spec["indicators"]:
            self.indicator(benefit, indicator_spec)
        status, progress = spec["status"]
        if (status, progress) != (benefit.status, benefit.progress):
            benefit_services.benefit_set_status(
                actor=self.people[spec["owner"]], benefit=benefit, status=status, progress=progress
            )
        self.created[benefit.title] = benefit
        return benefit

    def indicator(self, benefit, spec) -> None:
        baseline_value, baseline_months = spec["baseline"]
        target_value, target_months = spec["target"]
        indicator = benefit_services.indicator_create(
            actor=self.people["project_leader"],
            benefit=benefit,
            **{name: spec.get(name, "") for name in INDICATOR_FIELDS + OPTIONAL_FIELDS},
            baseline_value=Decimal(str(baseline_value)),
            baseline_on=month_start(self.today, baseline_months),
            target_value=Decimal(str(target_value)),
            target_on=month_start(self.today, target_months),
        )
        # The benefit responsible in the line records the measurements.
        recorder = benefit.responsible
        for months_ago, value in spec["series"]:
            benefit_services.measurement_record(
                actor=recorder,
                indicator=indicator,
                measured_on=month_start(self.today, months_ago),
                value=Decimal(str(value)),
            )


def _build_map(*, actor, case, benefits: dict[str, Benefit]) -> None:
    if BenefitMapNode.objects.filter(case=case).exists():
        return
    nodes = {}
    for key, kind, label in MAP_NODES:
        benefit = benefits.get(label) if kind == "benefit" else None
        nodes[key] = map_node_create(
            actor=actor, case=case, kind=kind, label=label, benefit=benefit
        )
    for source, target in MAP_EDGES:
        map_edge_create(actor=actor, case=case, source=nodes[source], target=nodes[target])
