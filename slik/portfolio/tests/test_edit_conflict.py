"""Lost updates on the portfolio's edit forms (board meeting, plan goal, commission, status
report), and its other changes asked twice or from a page opened before someone else's."""
# ruff: noqa: F811 - pytest fixtures imported from factories_b are redefined as arguments

import pytest
from django.urls import reverse
from django_scopes import scope, scopes_disabled

from slik.core.models import AuditEvent
from slik.core.tests.edit_conflict import (
    assert_second_save_is_refused_then_deliberate,
    signed_in,
)

from ..models import BoardMeeting, Commission, PlanGoal, StatusReport
from ..services import status_report_delete, status_report_publish
from ..services.goals import commission_set_status
from .factories_a import create_report, owned_case
from .factories_b import make_commission, make_goal, make_meeting


def _url(name, **kwargs):
    return reverse(f"portfolio:{name}", kwargs={"org_slug": "hvaler", **kwargs})


def _saved(model, pk, field):
    def read():
        with scopes_disabled():
            return getattr(model.objects.get(pk=pk), field)

    return read


def _meeting(org, actor, coordinator, project_leader):
    meeting = make_meeting(org, actor)
    return _url("board_edit", meeting_id=meeting.pk), "title", BoardMeeting, meeting.pk


def _goal(org, actor, coordinator, project_leader):
    goal = make_goal(org, actor)
    return _url("goal_edit", goal_id=goal.pk), "title", PlanGoal, goal.pk


def _commission(org, actor, coordinator, project_leader):
    commission = make_commission(org, actor)
    return _url("commission_edit", commission_id=commission.pk), "title", Commission, commission.pk


def _report(org, actor, coordinator, project_leader):
    case = owned_case(org, coordinator, project_leader)
    report = create_report(case, actor)
    url = _url("status_edit", case_id=case.pk, report_id=report.pk)
    return url, "overall_comment", StatusReport, report.pk


EDITS = {"meeting": _meeting, "goal": _goal, "commission": _commission, "report": _report}


@pytest.mark.parametrize("name", sorted(EDITS))
def test_edit_keeps_the_first_save_and_shows_it_to_the_second(
    name, org, leader, coordinator, project_leader
):
    url, field, model, pk = EDITS[name](org, leader, coordinator, project_leader)
    assert_second_save_is_refused_then_deliberate(
        url=url,
        field=field,
        first=(leader, signed_in(leader)),
        second=(coordinator, signed_in(coordinator)),
        saved=_saved(model, pk, field),
    )


def test_publishing_a_draft_twice_is_answered_as_done(org, leader, coordinator, project_leader):
    case = owned_case(org, coordinator, project_leader)
    draft = create_report(case, leader)  # the page both clicks were sent from showed a draft
    with scope(organisation=org.pk):
        first = status_report_publish(actor=leader, report=draft)
        second = status_report_publish(actor=leader, report=draft)
        assert second.published_at == first.published_at
        assert AuditEvent.objects.filter(action="portfolio.status_report.published").count() == 1


def test_deleting_a_draft_report_twice_is_answered_as_done(
    org, leader, coordinator, project_leader
):
    case = owned_case(org, coordinator, project_leader)
    report = create_report(case, leader)
    with scope(organisation=org.pk):
        status_report_delete(actor=leader, report=report)
        status_report_delete(actor=leader, report=report)  # the second click
        assert AuditEvent.objects.filter(action="portfolio.status_report.deleted").count() == 1


def test_commission_status_from_a_page_opened_before_a_change_is_refused(org, leader):
    commission = make_commission(org, leader)
    client = signed_in(leader)
    detail = client.get(_url("commission_detail", commission_id=commission.pk))
    hidden = {"expected_status": detail.context["status_form"]["expected_status"].value()}
    with scope(organisation=org.pk):
        commission_set_status(actor=leader, commission=commission, status="answered")
    response = client.post(
        _url("commission_status", commission_id=commission.pk),
        {**hidden, "status": "closed", "status_comment": "Ikke aktuelt"},
    )
    assert response.status_code == 200
    assert response.context["status_form"].non_field_errors()
    with scope(organisation=org.pk):
        assert Commission.objects.get(pk=commission.pk).status == "answered"
