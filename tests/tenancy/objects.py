"""One object of every tenant kind for an organisation, keyed by the URL kwarg that names it.

Created straight through the models inside the tenant scope: the sweep must not depend on any
app's services or forms working.
"""

import datetime

from django.apps import apps
from django.core.files.base import ContentFile
from django.db.models import Max
from django.utils import timezone
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
    from slik.benefits.services.summaries import indicator_summaries_update

    category = BenefitCategory.objects.create(
        organisation=org, category_set="sweep", name=f"Sweep {case.pk}"
    )
    benefit = Benefit.objects.create(
        organisation=org, case=case, title="Less travel", category=category, owner=user
    )
    indicator = Indicator.objects.create(benefit=benefit, name="Hours", unit="h")
    measurement = Measurement.objects.create(indicator=indicator, measured_on=TODAY, value=1)
    indicator_summaries_update([indicator.pk])
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


def _portfolio_records(org, case, user, published):
    """Status report, board meeting with the case on its agenda, plan goal, commission."""
    if not apps.is_installed("slik.portfolio"):
        return {}
    from slik.portfolio.models import AgendaItem, BoardMeeting, Commission, PlanGoal, StatusReport

    levels = dict.fromkeys(StatusReport.DIMENSIONS, "on_plan")
    report = StatusReport.objects.create(
        case=case,
        reported_on=TODAY,
        published_at=timezone.now() if published else None,
        created_by=user,
        **levels,
    )
    meeting = BoardMeeting.objects.create(
        organisation=org, title=f"Board {case.title}", held_on=TODAY, created_by=user
    )
    item = AgendaItem.objects.create(meeting=meeting, case=case)
    goal = PlanGoal.objects.create(
        organisation=org, source="community_plan", title=f"Goal {case.title}", year=2025
    )
    goal.cases.add(case)
    commission = Commission.objects.create(
        organisation=org,
        body="Kommunestyret",
        decided_on=TODAY,
        case_number="25/1",
        title=f"Commission {case.title}",
        text="The council orders innovation.",
    )
    commission.cases.add(case)
    return {
        "report_id": report.pk,
        "meeting_id": meeting.pk,
        "item_id": item.pk,
        "goal_id": goal.pk,
        "commission_id": commission.pk,
    }


def _report_records(org, user, published):
    """A finished council report run with its (tiny) file, so the download is reachable."""
    if not apps.is_installed("slik.reports"):
        return {}
    from slik.reports.models import ReportRun

    run = ReportRun.objects.create(
        organisation=org,
        report="council_report",
        file_format="pdf",
        status=ReportRun.Status.DONE,
        progress=100,
        is_published=published,
        requested_by=user,
        finished_at=timezone.now(),
        filename="council.pdf",
    )
    run.file.save("council.pdf", ContentFile(b"%PDF-1.4 sweep"), save=True)
    return {"run_id": run.pk}


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
            **_portfolio_records(org, case, user, published),
            **_report_records(org, user, published),
            **_invitation_records(org, user, label),
        }
    return ids


def _invitation_records(org, user, label):
    """A pending invitation to join the organisation."""
    from slik.organisations.models import Invitation

    now = timezone.now()
    invitation = Invitation.objects.create(
        organisation=org,
        email=f"invited-{label}@{org.slug}.test",
        role="employee",
        invited_by=user,
        token_hash=f"{org.slug}-{label}".ljust(64, "0")[:64],
        sent_at=now,
        expires_at=now + datetime.timedelta(days=14),
    )
    return {"invitation_id": invitation.pk}


# --- Unpublished material with a marker in every text a politician must never read ----------


def _marked_member(org, marker):
    """A person who owns only unpublished things: their name is as hidden as those things."""
    user = User.objects.create_user(
        email=f"{marker.lower()}@{org.slug}.test", password="x", full_name=f"{marker} Person"
    )
    Membership.objects.create(user=user, organisation=org, role="employee")
    return user


def _marked_case_records(case, user, marker):
    GateDecision.objects.create(
        case=case,
        from_phase=1,
        to_phase=2,
        decision="go",
        decided_by=f"{marker} board",
        decided_on=TODAY,
        checklist=[],
        basis=f"{marker} basis",
    )
    Insight.objects.create(case=case, kind="need", title=f"{marker} insight", recorded_on=TODAY)
    Hypothesis.objects.create(case=case, statement=f"{marker} hypothesis")
    CaseDecision.objects.create(
        case=case, title=f"{marker} decision", decided_by="Leader group", decided_on=TODAY
    )
    Responsibility.objects.create(case=case, user=user, area=f"{marker} area", raci="R")


def _marked_benefits(org, case, user, marker, shown):
    """A benefit of the unpublished case (linked to the published plan goal)."""
    if not apps.is_installed("slik.benefits"):
        return {}
    from slik.benefits.models import Benefit, BenefitMapNode, Indicator, Measurement
    from slik.benefits.services.summaries import indicator_summaries_update

    benefit = Benefit.objects.create(
        organisation=org,
        case=case,
        title=f"{marker} benefit",
        description=f"{marker} description",
        owner=user,
        responsible=user,
    )
    indicator = Indicator.objects.create(benefit=benefit, name=f"{marker} indicator", unit="kr")
    Measurement.objects.create(indicator=indicator, measured_on=TODAY, value=1)
    indicator_summaries_update([indicator.pk])
    BenefitMapNode.objects.create(case=case, kind="benefit", label=f"{marker} node")
    if apps.is_installed("slik.portfolio"):
        from slik.portfolio.models import PlanGoal

        PlanGoal.objects.get(pk=shown["goal_id"]).benefits.add(benefit, shown["benefit_id"])
    return {"benefit_id": benefit.pk, "indicator_id": indicator.pk}


def _marked_portfolio(org, case, user, marker, shown):
    """A published status report of the unpublished case, a draft one of the published case,
    a board meeting about the published case, and links from the published goal and
    commission to the unpublished case and floke."""
    if not apps.is_installed("slik.portfolio"):
        return {}
    from slik.portfolio.models import AgendaItem, BoardMeeting, Commission, PlanGoal, StatusReport

    levels = dict.fromkeys(StatusReport.DIMENSIONS, "on_plan")
    comments = {f"{d}_comment": f"{marker} {d}" for d in StatusReport.DIMENSIONS}
    hidden_case_report = StatusReport.objects.create(
        case=case,
        reported_on=TODAY,
        published_at=timezone.now(),
        created_by=user,
        **levels,
        **comments,
    )
    draft = StatusReport.objects.create(
        case_id=shown["case_id"], reported_on=TODAY, created_by=user, **levels, **comments
    )
    meeting = BoardMeeting.objects.create(
        organisation=org,
        title=f"{marker} meeting",
        held_on=TODAY,
        participants=f"{marker} participant",
        notes=f"{marker} notes",
        created_by=user,
    )
    AgendaItem.objects.create(meeting=meeting, case_id=shown["case_id"], comment=marker)
    PlanGoal.objects.get(pk=shown["goal_id"]).cases.add(case)
    Commission.objects.get(pk=shown["commission_id"]).cases.add(case)
    return {
        "hidden_case_report_id": hidden_case_report.pk,
        "draft_report_id": draft.pk,
        "meeting_id": meeting.pk,
    }


def _marked_report_run(org, user, marker):
    if not apps.is_installed("slik.reports"):
        return {}
    from slik.reports.models import ReportRun

    run = ReportRun.objects.create(
        organisation=org,
        report="council_report",
        file_format="pdf",
        status=ReportRun.Status.DONE,
        progress=100,
        is_published=False,
        requested_by=user,
        finished_at=timezone.now(),
        filename=f"{marker}.pdf",
    )
    run.file.save(f"{marker}.pdf", ContentFile(f"%PDF-1.4 {marker}".encode()), save=True)
    return {"run_id": run.pk}


def build_marked_objects(org, *, shown: dict[str, int], marker: str) -> dict[str, int]:
    """Unpublished material of every kind whose every text carries `marker`, hung on the
    published objects `shown` (from `build_tenant_objects(..., published=True)`) wherever a
    published page could let it slip through: a published case linked to an unpublished floke,
    an unpublished case under a published floke, plan goal and commission, drafts of the
    published case, a board meeting about it. Returns the hidden objects' ids by URL kwarg."""
    user = _marked_member(org, marker)
    with scope(organisation=org.pk):
        challenge = Challenge.objects.create(
            organisation=org,
            title=f"{marker} floke",
            description=f"{marker} description",
            owner=user,
            created_by=user,
        )
        KeyFigure.objects.create(
            organisation=org, challenge=challenge, label=f"{marker} figure", value=7, year=2024
        )
        Stakeholder.objects.create(
            organisation=org,
            challenge=challenge,
            name=f"{marker} stakeholder",
            interest=3,
            influence=3,
            strategy="manage_closely",
        )
        case = Case.objects.create(
            organisation=org,
            title=f"{marker} case",
            summary=f"{marker} summary",
            template=RoadmapTemplate.objects.filter(organisation=org).latest("version"),
            created_by=user,
            owner=user,
            leader=user,
        )
        case.challenges.add(challenge, shown["challenge_id"])
        Case.objects.get(pk=shown["case_id"]).challenges.add(challenge)
        if apps.is_installed("slik.portfolio"):
            from slik.portfolio.models import Commission

            Commission.objects.get(pk=shown["commission_id"]).challenges.add(challenge)
        _marked_case_records(case, user, marker)
        return {
            "user_id": user.pk,
            "challenge_id": challenge.pk,
            "case_id": case.pk,
            **_marked_benefits(org, case, user, marker, shown),
            **_marked_portfolio(org, case, user, marker, shown),
            **_marked_report_run(org, user, marker),
        }
