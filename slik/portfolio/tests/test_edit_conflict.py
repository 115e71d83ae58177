"""Lost updates on the portfolio's edit forms (board meeting, plan goal, commission, status
report), and its other changes asked twice or from a page opened before someone else's."""

import datetime

import pytest
from django.urls import reverse
from django_scopes import scope, scopes_disabled

from slik.cases.tests.factories import CaseFactory
from slik.core.models import AuditEvent
from slik.core.tests.edit_conflict import (
    MANGLED,
    assert_second_save_is_refused_then_deliberate,
    assert_unreadable_version_is_refused,
    form_data,
    mangle,
    signed_in,
)
from slik.organisations.models import Membership

from ..models import BoardMeeting, Commission, PlanGoal, PortfolioSettings, StatusReport
from ..services import status_report_delete, status_report_publish
from ..services.goals import commission_link_cases, commission_set_status
from .factories import BoardMeetingFactory, CommissionFactory, PlanGoalFactory, StatusReportFactory


def _url(name, **kwargs):
    return reverse(f"portfolio:{name}", kwargs={"org_slug": "hvaler", **kwargs})


def _saved(model, pk, field):
    def read():
        with scopes_disabled():
            return getattr(model.objects.get(pk=pk), field)

    return read


def _meeting(org, actor, coordinator, project_leader):
    meeting = BoardMeetingFactory(organisation=org, actor=actor)
    return _url("board_edit", meeting_id=meeting.pk), "title", BoardMeeting, meeting.pk


def _goal(org, actor, coordinator, project_leader):
    goal = PlanGoalFactory(organisation=org, actor=actor)
    return _url("goal_edit", goal_id=goal.pk), "title", PlanGoal, goal.pk


def _commission(org, actor, coordinator, project_leader):
    commission = CommissionFactory(organisation=org, actor=actor)
    return _url("commission_edit", commission_id=commission.pk), "title", Commission, commission.pk


def _report(org, actor, coordinator, project_leader):
    case = CaseFactory(
        organisation=org,
        actor=coordinator,
        owner=project_leader,
        started_on=datetime.date(2024, 1, 1),
    )
    report = StatusReportFactory(case=case, actor=actor)
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


@pytest.mark.parametrize("how", MANGLED)
@pytest.mark.parametrize("name", sorted(EDITS))
def test_edit_without_a_readable_version_is_refused(
    name, how, org, leader, coordinator, project_leader
):
    url, field, model, pk = EDITS[name](org, leader, coordinator, project_leader)
    assert_unreadable_version_is_refused(
        url=url,
        field=field,
        client=signed_in(coordinator),
        saved=_saved(model, pk, field),
        how=how,
    )


def _settings_days(org):
    def read():
        with scopes_disabled():
            found = PortfolioSettings.objects.filter(organisation=org).first()
            return found.stuck_after_days if found else None

    return read


@pytest.mark.parametrize("saved_before", [True, False], ids=["saved settings", "defaults"])
def test_settings_edit_keeps_the_first_save(saved_before, org, coordinator, make_user):
    if not saved_before:
        with scopes_disabled():
            PortfolioSettings.objects.filter(organisation=org).delete()
    other = make_user("koordinator2@hvaler.test", "Kim Koordinator")
    Membership.objects.create(user=other, organisation=org, role="coordinator")
    assert_second_save_is_refused_then_deliberate(
        url=_url("settings"),
        field="stuck_after_days",
        values=("90", "120"),
        first=(coordinator, signed_in(coordinator)),
        second=(other, signed_in(other)),
        saved=_settings_days(org),
    )


@pytest.mark.parametrize("how", MANGLED)
def test_settings_edit_without_a_readable_version_is_refused(how, org, coordinator):
    assert_unreadable_version_is_refused(
        url=_url("settings"),
        field="stuck_after_days",
        value="90",
        client=signed_in(coordinator),
        saved=_settings_days(org),
        how=how,
    )


def test_publishing_a_draft_twice_is_answered_as_done(org, leader, case):
    draft = StatusReportFactory(
        case=case, actor=leader
    )  # the page both clicks were sent from showed a draft
    with scope(organisation=org.pk):
        first = status_report_publish(actor=leader, report=draft)
        second = status_report_publish(actor=leader, report=draft)
        assert second.published_at == first.published_at
        assert AuditEvent.objects.filter(action="portfolio.status_report.published").count() == 1


def test_deleting_a_draft_report_twice_is_answered_as_done(org, leader, case):
    report = StatusReportFactory(case=case, actor=leader)
    with scope(organisation=org.pk):
        status_report_delete(actor=leader, report=report)
        status_report_delete(actor=leader, report=report)  # the second click
        assert AuditEvent.objects.filter(action="portfolio.status_report.deleted").count() == 1


def test_commission_status_from_a_page_opened_before_a_change_is_refused(org, leader):
    commission = CommissionFactory(organisation=org, actor=leader)
    client = signed_in(leader)
    detail = client.get(_url("commission_detail", commission_id=commission.pk))
    hidden = {"expected_status": detail.context["status_form"]["expected_status"].value()}
    with scope(organisation=org.pk):
        commission_set_status(actor=leader, commission=commission, status="answered")
    response = client.post(
        _url("commission_status", commission_id=commission.pk),
        {**hidden, "status": "closed", "status_comment": "Ikke aktuelt"},
    )
    assert response.status_code == 409
    assert response.context["status_form"].non_field_errors()
    with scope(organisation=org.pk):
        assert Commission.objects.get(pk=commission.pk).status == "answered"


@pytest.mark.parametrize("how", MANGLED)
def test_commission_status_without_a_readable_status_is_refused(how, org, leader):
    commission = CommissionFactory(organisation=org, actor=leader)
    client = signed_in(leader)
    url = _url("commission_status", commission_id=commission.pk)
    post = mangle({"status": "answered", "status_comment": "Svart ut"}, ["expected_status"], how)

    response = client.post(url, post)

    assert response.status_code == 409
    form = response.context["status_form"]
    assert [e.code for e in form.non_field_errors().as_data()] == ["stale"]
    assert form["status_comment"].value() == "Svart ut"
    with scope(organisation=org.pk):
        assert Commission.objects.get(pk=commission.pk).status != "answered"
    assert client.post(url, form_data(form)).status_code == 302
    with scope(organisation=org.pk):
        assert Commission.objects.get(pk=commission.pk).status == "answered"


def _linked(commission):
    with scopes_disabled():
        return set(Commission.objects.get(pk=commission.pk).cases.values_list("title", flat=True))


def test_commission_cases_from_a_page_opened_before_another_answer_are_refused(
    org, coordinator, leader
):
    """Someone linked «Nattilsyn» meanwhile; a page opened before, which did not show it
    ticked, must not quietly unlink it."""
    commission = CommissionFactory(organisation=org, actor=leader)
    night = CaseFactory(organisation=org, actor=coordinator, title="Nattilsyn")
    youth = CaseFactory(organisation=org, actor=coordinator, title="Ungdom inn i arbeid")
    client = signed_in(leader)
    detail = client.get(_url("commission_detail", commission_id=commission.pk))
    shown = form_data(detail.context["cases_form"])
    with scope(organisation=org.pk):
        commission_link_cases(actor=coordinator, commission=commission, cases=[night])
    url = _url("commission_cases", commission_id=commission.pk)
    response = client.post(url, {**shown, "cases": [youth.pk]})
    assert response.status_code == 409
    form = response.context["cases_form"]
    assert [e.code for e in form.non_field_errors().as_data()] == ["stale"]
    assert form["cases"].value() == [str(youth.pk)]  # the choice made is kept
    assert _linked(commission) == {"Nattilsyn"}
    assert client.post(url, form_data(form)).status_code == 302  # now a deliberate choice
    assert _linked(commission) == {"Ungdom inn i arbeid"}


@pytest.mark.parametrize("how", MANGLED)
def test_commission_cases_without_the_loaded_cases_are_refused(how, org, coordinator, leader):
    commission = CommissionFactory(organisation=org, actor=leader)
    case = CaseFactory(organisation=org, actor=coordinator)
    post = mangle({"cases": [case.pk]}, ["loaded_cases"], how)
    response = signed_in(leader).post(_url("commission_cases", commission_id=commission.pk), post)
    assert response.status_code == 409
    assert _linked(commission) == set()
