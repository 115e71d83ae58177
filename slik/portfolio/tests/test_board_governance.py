"""The board's decisions hold: approved minutes make the case's entries final, stopping needs a
reason, and a decision is not dated before the case's latest gate decision."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django_scopes import scope

from slik.cases import services as case_services
from slik.cases.models import CaseDecision, GateDecision
from slik.core.tests.edit_conflict import loaded

from ..models import AgendaItem
from ..services import board as services
from .factories import AgendaItemFactory, BoardMeetingFactory

D = AgendaItem.Decision
TODAY = timezone.localdate()
pytestmark = pytest.mark.django_db


def decide(item, actor, decision, **extra):
    with scope(organisation=item.meeting.organisation_id):
        return services.agenda_item_decide(
            actor=actor, item=item, decision=decision, confirm_warnings=True, **extra
        )


def close(meeting, actor):
    with scope(organisation=meeting.organisation_id):
        services.board_meeting_close(actor=actor, meeting=meeting)


def decide_url(item):
    kwargs = {
        "org_slug": item.meeting.organisation.slug,
        "meeting_id": item.meeting_id,
        "item_id": item.pk,
    }
    return reverse("portfolio:agenda_decide", kwargs=kwargs)


def test_approved_minutes_lock_the_case_decision(item, leader, coordinator):
    decided = decide(item, leader, D.START, comment="Oppstart godkjent")
    log = decided.case_decision
    with scope(organisation=item.meeting.organisation_id):
        # Before approval the entry is still the board's draft.
        assert not CaseDecision.objects.get(pk=log.pk).is_locked
    close(item.meeting, leader)
    with scope(organisation=item.meeting.organisation_id):
        log = CaseDecision.objects.get(pk=log.pk)
        assert log.is_locked and item.meeting.title in log.locked_by
        with pytest.raises(case_services.RecordLocked):
            case_services.case_record_update(
                actor=coordinator, record=log, values={"title": "Endret"}
            )
        with pytest.raises(case_services.RecordLocked):
            case_services.case_record_delete(actor=coordinator, record=log)
        assert CaseDecision.objects.filter(pk=log.pk).exists()


def test_approved_minutes_decision_locked_on_the_case_page(client_as, item, leader, coordinator):
    decided = decide(item, leader, D.START, comment="Oppstart godkjent")
    org = item.meeting.organisation
    client = client_as(leader)
    close_url = reverse(
        "portfolio:board_close", kwargs={"org_slug": org.slug, "meeting_id": item.meeting_id}
    )
    assert client.post(close_url).status_code == 302
    case_kwargs = {"org_slug": org.slug, "case_id": item.case_id}
    edit = reverse(
        "cases:decision_edit", kwargs={**case_kwargs, "decision_id": decided.case_decision_id}
    )
    panel = client_as(coordinator).get(
        reverse("cases:panels", kwargs=case_kwargs), {"panel": "records"}
    )
    assert edit not in panel.content.decode()
    assert client_as(coordinator).get(edit).status_code == 409


def test_stop_needs_a_reason(item, leader):
    with pytest.raises(ValidationError) as refused:
        decide(item, leader, D.STOP, comment="  ")
    assert "comment" in refused.value.message_dict
    decide(item, leader, D.STOP, comment="Ingen effekt")
    item.case.refresh_from_db()
    assert item.case.status == "stopped"


def test_stop_form_asks_for_the_reason(client_as, item, leader):
    client = client_as(leader)
    address = decide_url(item)
    response = client.post(
        address, {**loaded(client, address), "decision": "stop", "confirm_warnings": "on"}
    )
    assert response.status_code == 200 and "comment" in response.context["form"].errors
    item.case.refresh_from_db()
    assert item.case.status == "active"


def test_board_decision_not_dated_before_the_latest_gate(org, leader, case, client_as):
    """A meeting held on the 27th, recorded after the case's gates of the 29th, cannot move
    the case: its gate decision would be dated before them."""
    with scope(organisation=org.pk):
        case_services.case_gate_decide(
            actor=leader,
            case=case,
            decision=GateDecision.Decision.ADJUST,
            decided_by="Ledergruppen",
            decided_on=TODAY,
        )
    earlier = BoardMeetingFactory(
        organisation=org, actor=leader, held_on=TODAY - datetime.timedelta(days=2)
    )
    item = AgendaItemFactory(meeting=earlier, case=case, actor=leader)
    with pytest.raises(ValidationError) as refused:
        decide(item, leader, D.CONTINUE, comment="Videre")
    assert "decision" in refused.value.message_dict
    case.refresh_from_db()
    assert case.phase == 1
    # The decide page shows why, next to the decision; the log-only decisions still work.
    page = client_as(leader).get(decide_url(item)).content.decode()
    row = page.split('id="check-continue"')[1].split("</tr>")[0]
    assert TODAY.strftime("%d.%m.%Y") in row
    decide(item, leader, D.SCALE, comment="Spres")


@pytest.mark.django_db(transaction=True)
def test_migration_locks_decisions_of_minutes_approved_before(item, leader):
    """Minutes approved before entries could be locked: the migration locks their decisions."""
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    decided = decide(item, leader, D.START, comment="Oppstart godkjent")
    close(item.meeting, leader)
    with scope(organisation=item.meeting.organisation_id):
        CaseDecision.objects.filter(pk=decided.case_decision_id).update(
            locked_at=None, locked_by=""
        )
    executor = MigrationExecutor(connection)
    executor.migrate([("portfolio", "0003_settings_version")])
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    with scope(organisation=item.meeting.organisation_id):
        log = CaseDecision.objects.get(pk=decided.case_decision_id)
    assert log.is_locked
    assert log.locked_by.startswith(f"Porteføljerådet: {item.meeting.title}")
