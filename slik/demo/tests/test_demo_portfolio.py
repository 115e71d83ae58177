"""The demo's portfolio steering: plan goals, commissions, capacity, status reports, board
meetings and a published council report the politician can read."""

import re

import pytest
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django_scopes import scope, scopes_disabled

from slik.cases.models import Case, CaseDecision, GateDecision, Phase
from slik.demo.accounts import DEMO_PASSWORD, HVALER
from slik.demo.data_cases import CONFERENCE_CASE, FAMILY_CASE, HOME_CARE_CASE, YOUTH_CASE
from slik.demo.data_portfolio import WIP_LIMIT
from slik.demo.tests.helpers import load
from slik.organisations.models import Organisation
from slik.portfolio.models import (
    AgendaItem,
    BoardMeeting,
    Commission,
    PlanGoal,
    PortfolioSettings,
    StatusReport,
)
from slik.portfolio.services.capacity import wip_status
from slik.reports.models import ReportRun

POLITICIAN = "politiker@hvaler.demo.slik.no"


def hvaler() -> Organisation:
    return Organisation.objects.get(kind="municipality", number=HVALER)


@pytest.mark.django_db
def test_demo_plan_goals_commissions_and_capacity(no_shared_data):
    load()
    org = hvaler()
    with scope(organisation=org.pk):
        goals = {goal.source: goal for goal in PlanGoal.objects.filter(organisation=org)}
        assert set(goals) == {"community_plan", "action_plan", "budget"}
        for goal in goals.values():
            assert goal.year and goal.reference
            assert goal.cases.exists() and goal.benefits.exists()
        commissions = list(Commission.objects.filter(organisation=org))
        assert {c.body for c in commissions} == {"Kommunestyret", "Formannskapet"}
        for commission in commissions:
            assert re.fullmatch(r"\d{2}/\d+", commission.case_number)
            assert commission.text and commission.challenges.exists()
            assert commission.plan_goals.exists()
        answered = [c for c in commissions if c.cases.exists()]
        assert len(answered) == 1 and answered[0].status == Commission.Status.IN_PROGRESS
        assert len({c.status for c in commissions}) == 2
        # Close to the limit: one more active case reaches it.
        settings = PortfolioSettings.objects.get(organisation=org)
        assert settings.wip_limit == WIP_LIMIT
        assert wip_status(org).count == WIP_LIMIT - 1
        assert not Case.objects.filter(organisation=org, budget__isnull=True).exists()


@pytest.mark.django_db
def test_demo_status_reports_and_board_meetings(no_shared_data):
    load()
    org = hvaler()
    today = timezone.localdate()
    with scope(organisation=org.pk):
        reports = {r.case.title: r for r in StatusReport.objects.select_related("case")}
        assert reports[FAMILY_CASE].published_at is not None
        assert reports[CONFERENCE_CASE].published_at is None

        held, upcoming = (
            BoardMeeting.objects.get(held_on__lte=today),
            BoardMeeting.objects.get(held_on__gt=today),
        )
        assert held.is_closed and not upcoming.is_closed
        items = {item.case.title: item for item in AgendaItem.objects.filter(meeting=held)}
        go, adjust = items[HOME_CARE_CASE], items[FAMILY_CASE]
        assert go.decision == AgendaItem.Decision.CONTINUE
        assert go.gate_decision.decision == GateDecision.Decision.GO
        assert go.case.phase == Phase.INNSIKT
        assert adjust.decision == AgendaItem.Decision.ADJUST
        assert adjust.gate_decision.decision == GateDecision.Decision.ADJUST
        for item in (go, adjust):
            assert CaseDecision.objects.filter(pk=item.case_decision_id, case=item.case).exists()
        planned = AgendaItem.objects.filter(meeting=upcoming)
        assert {item.case.title for item in planned} == {CONFERENCE_CASE, YOUTH_CASE}
        assert not planned.exclude(decision="").exists()


@pytest.mark.django_db
def test_politician_sees_the_published_council_report(no_shared_data, client):
    load()
    org = hvaler()
    with scopes_disabled():
        run = ReportRun.objects.get(organisation=org, report="council_report")
    assert run.status == ReportRun.Status.DONE and run.is_published
    assert run.file and run.file.size > 10_000 and run.worker_seconds

    assert client.login(request=HttpRequest(), username=POLITICIAN, password=DEMO_PASSWORD)
    slug = {"org_slug": org.slug}
    listing = client.get(reverse("reports:list", kwargs=slug))
    assert listing.status_code == 200
    assert reverse("reports:detail", kwargs={**slug, "run_id": run.pk}) in listing.text
    download = client.get(reverse("reports:download", kwargs={**slug, "run_id": run.pk}))
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content).startswith(b"%PDF")
    for name in ("portfolio:dashboard", "portfolio:commission_list"):
        assert client.get(reverse(name, kwargs=slug)).status_code == 200, name


@pytest.mark.django_db
def test_load_demo_adds_the_portfolio_to_a_demo_loaded_before_it(no_shared_data):
    load()
    with scopes_disabled():
        for model in (PlanGoal, Commission, PortfolioSettings, StatusReport, ReportRun):
            model.objects.all().delete()
    output = load()
    # In the active language (bokmål), as every line load_demo prints.
    assert gettext("plan goals") in output and gettext("council report") in output
    with scopes_disabled():
        assert PlanGoal.objects.count() == 3 and Commission.objects.count() == 2
        assert StatusReport.objects.count() == 2
        assert ReportRun.objects.filter(is_published=True).count() == 1
        # The board meetings were there already and are not made twice.
        assert BoardMeeting.objects.count() == 2
    assert gettext("The demo data is already loaded; nothing changed.") in load()
