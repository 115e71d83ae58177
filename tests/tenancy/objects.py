"""One object of every tenant kind for an organisation, keyed by the URL kwarg that names it.

Created straight through the models inside the tenant scope: the sweep must not depend on any
app's services or forms working.
"""

import datetime

from django.apps import apps
from django.db.models import Max
from django_scopes import scope

from slik.accounts.models import User
from slik.cases.models import (
    Case,
    CaseDecision,
    GateDecision,
    Hypothesis,
    Insight,
    N3Check,
    PhaseStep,
    Responsibility,
    RoadmapTemplate,
)
from slik.challenges.models import Challenge, Criterion, KeyFigure, Stakeholder
from slik.organisations.models import Membership, Sector

TODAY = datetime.date(2025, 3, 1)


def _template(org, label):
    with scope(organisation=org.pk):
        latest = RoadmapTemplate.objects.filter(organisation=org).aggregate(v=Max("version"))["v"]
        template = RoadmapTemplate.objects.create(
            organisation=org, version=(latest or 0) + 1, note=f"{label} sweep"
        )
        step = PhaseStep.objects.create(template=template, phase=1, order=99, text="Sweep step")
    return template, step


def _case_records(case, user):
    gate = GateDecision.objects.create(
        case=case,
        from_phase=1,
        to_phase=2,
        decision="go",
        decided_by="Leader group",
        decided_on=TODAY,
        checklist=[],
    )
    insight = Insight.objects.create(case=case, kind="need", title="A need", recorded_on=TODAY)
    hypothesis = Hypothesis.objects.create(case=case, statement="If we do X, Y happens")
    decision = CaseDecision.objects.create(
        case=case, title="A decision", decided_by="Leader group", decided_on=TODAY
    )
    n3 = N3Check.objects.create(
        case=case, need=1, solution=1, driving_force=1, team=1, anchoring=1, assessed_by=user
    )
    responsibility = Responsibility.objects.create(case=case, user=user, area="Test", raci="R")
    return {
        "gate_id": gate.pk,
        "insight_id": insight.pk,
        "hypothesis_id": hypothesis.pk,
        "decision_id": decision.pk,
        "n3_id": n3.pk,
        "responsibility_id": responsibility.pk,
    }


def _benefit_records(org, case, user):
    """Benefits (gevinster) of the case, when the benefits app is installed."""
    if not apps.is_installed("slik.benefits"):
        return {}
    from slik.benefits.models import (
        Benefit,
        BenefitCategory,
        BenefitMapEdge,
        BenefitMapNode,
        Indicator,
        Measurement,
    )

    category = BenefitCategory.objects.create(
        organisation=org, category_set="sweep", name=f"Sweep {case.pk}"
    )
    benefit = Benefit.objects.create(
        organisation=org, case=case, title="Less travel", category=category, owner=user
    )
    indicator = Indicator.objects.create(benefit=benefit, name="Hours", unit="h")
    measurement = Measurement.objects.create(indicator=indicator, measured_on=TODAY, value=1)
    node = BenefitMapNode.objects.create(case=case, kind="benefit", label="Less travel")
    goal = BenefitMapNode.objects.create(case=case, kind="goal", label="Better care")
    edge = BenefitMapEdge.objects.create(case=case, source=node, target=goal)
    return {
        "category_id": category.pk,
        "benefit_id": benefit.pk,
        "indicator_id": indicator.pk,
        "measurement_id": measurement.pk,
        "node_id": node.pk,
        "edge_id": edge.pk,
    }


def build_tenant_objects(org, user, *, published=False, label="") -> dict[str, int]:
    """Objects of every kind in `org`; returns {url kwarg: pk}. `user` is one of its members."""
    label = label or org.slug
    template, step = _template(org, label)
    member = User.objects.create_user(email=f"sweep-{label}@{org.slug}.test", password="x")
    membership = Membership.objects.create(user=member, organisation=org, role="employee")
    with scope(organisation=org.pk):
        sector = Sector.objects.create(organisation=org, name=f"Sweep {label}")
        challenge = Challenge.objects.create(
            organisation=org, title=f"Floke {label}", created_by=user, is_published=published
        )
        challenge.sectors.add(sector)
        figure = KeyFigure.objects.create(
            organisation=org, challenge=challenge, label="Figure", value=1, year=2024
        )
        criterion = Criterion.objects.create(organisation=org, name=f"Criterion {label}")
        case = Case.objects.create(
            organisation=org,
            title=f"Case {label}",
            template=template,
            created_by=user,
            owner=user,
            is_published=published,
        )
        case.challenges.add(challenge)
        stakeholder = Stakeholder.objects.create(
            organisation=org,
            challenge=challenge,
            case=case,
            name="Someone",
            interest=3,
            influence=3,
            strategy="manage_closely",
        )
        ids = {
            "challenge_id": challenge.pk,
            "figure_id": figure.pk,
            "criterion_id": criterion.pk,
            "stakeholder_id": stakeholder.pk,
            "case_id": case.pk,
            "template_id": template.pk,
            "step_id": step.pk,
            "member_id": membership.pk,
            "sector_id": sector.pk,
            **_case_records(case, user),
            **_benefit_records(org, case, user),
        }
    return ids
