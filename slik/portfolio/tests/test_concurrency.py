"""Board decisions raced by two members, or chosen for a case that moved on meanwhile: one
decision, one gate decision, a clear refusal – never a second phase change or a 500."""

from functools import partial

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_scopes import scope

from slik.cases.models import Case, CaseDecision, GateDecision, Phase
from slik.cases.services import case_gate_decide
from slik.cases.tests.factories import set_phase
from slik.core.models import AuditEvent
from slik.core.tests.edit_conflict import MANGLED, form_data, mangle
from slik.core.tests.threads import run_together

from ..models import AgendaItem, BoardMeeting
from ..services import board as services

pytestmark = pytest.mark.django_db(transaction=True)
D = AgendaItem.Decision


def _decide_url(item):
    org = item.meeting.organisation
    ids = {"meeting_id": item.meeting_id, "item_id": item.pk}
    return reverse("portfolio:agenda_decide", kwargs={"org_slug": org.slug, **ids})


def _signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def _loaded_form(client, item, **typed):
    form = client.get(_decide_url(item)).context["form"]
    hidden = {field.html_name: field.value() for field in form.hidden_fields()}
    values = {"decision": D.CONTINUE, "comment": "Videre", "confirm_warnings": "on"}
    return {**hidden, **values, **typed}


def _outcome(item):
    with scope(organisation=item.meeting.organisation_id):
        case = Case.objects.get(pk=item.case_id)
        return (
            case.phase,
            GateDecision.objects.filter(case=case).count(),
            CaseDecision.objects.filter(case=case).count(),
        )


@pytest.fixture
def insight_item(item):
    """On the agenda in Insight with insight recorded: «continue» is a plain «go»."""
    set_phase(item.case, Phase.TJENESTEUTVIKLING)
    return item


def test_two_members_recording_continue_at_once_give_one_decision(
    insight_item, leader, second_leader
):
    clients = [_signed_in(leader), _signed_in(second_leader)]
    posts = [_loaded_form(client, insight_item) for client in clients]
    responses = run_together(
        *(
            partial(c.post, _decide_url(insight_item), d)
            for c, d in zip(clients, posts, strict=True)
        )
    )
    # One is recorded; the other is refused – as stale (409) when it was checked while the
    # first was still deciding, or with «can no longer be decided» when it came in after.
    recorded = [r for r in responses if getattr(r, "url", "").endswith("#agenda")]
    refused = [r for r in responses if r not in recorded]
    assert len(recorded) == 1, responses
    assert refused[0].status_code == 409 or refused[0].url == recorded[0].url.split("#")[0]
    assert _outcome(insight_item) == (Phase.PILOTERING, 1, 1)


def test_decision_form_opened_before_a_gate_decision_is_refused(insight_item, leader):
    client = _signed_in(leader)
    stale = _loaded_form(client, insight_item, comment="Skrevet før fasebeslutningen")
    with scope(organisation=insight_item.meeting.organisation_id):
        case_gate_decide(
            actor=leader,
            case=insight_item.case,
            decision=GateDecision.Decision.GO,
            decided_by="Ledergruppen",
            decided_on=timezone.localdate(),
        )

    response = client.post(_decide_url(insight_item), stale)

    assert response.status_code == 409
    assert response.context["form"]["comment"].value() == "Skrevet før fasebeslutningen"
    assert _outcome(insight_item) == (Phase.PILOTERING, 1, 0)
    with scope(organisation=insight_item.meeting.organisation_id):
        assert AgendaItem.objects.get(pk=insight_item.pk).decision == ""


@pytest.mark.parametrize("how", MANGLED)
def test_decision_form_without_its_loaded_state_is_refused(how, insight_item, leader):
    client = _signed_in(leader)
    typed = _loaded_form(client, insight_item, comment="Uten skjulte felt")
    post = mangle(typed, ["expected_phase", "expected_status"], how)

    response = client.post(_decide_url(insight_item), post)

    assert response.status_code == 409
    form = response.context["form"]
    assert form["comment"].value() == "Uten skjulte felt"
    assert _outcome(insight_item) == (Phase.TJENESTEUTVIKLING, 0, 0)
    with scope(organisation=insight_item.meeting.organisation_id):
        assert AgendaItem.objects.get(pk=insight_item.pk).decision == ""
    # Shown again for the case as it is now: sending it is a deliberate decision.
    assert client.post(_decide_url(insight_item), form_data(form)).status_code == 302
    assert _outcome(insight_item) == (Phase.PILOTERING, 1, 1)


def test_approving_minutes_twice_logs_one_approval(meeting, leader):
    with scope(organisation=meeting.organisation_id):
        copies = [BoardMeeting.objects.get(pk=meeting.pk) for _ in range(2)]
    results = run_together(
        *(
            lambda m=m: _in_scope(m, lambda: services.board_meeting_close(actor=leader, meeting=m))
            for m in copies
        )
    )
    assert all(isinstance(r, BoardMeeting) for r in results), results
    with scope(organisation=meeting.organisation_id):
        closed = AuditEvent.objects.filter(action="portfolio.board.closed")
        assert closed.count() == 1


def _in_scope(meeting, call):
    with scope(organisation=meeting.organisation_id):
        return call()
