"""Board decisions: each mapping to the case's gate and decision log, blockers, atomicity."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from django_scopes import scope

from slik.benefits.models import BenefitSettings
from slik.cases.models import Case, CaseDecision, GateDecision, Insight, Phase
from slik.cases.tests.factories import CaseFactory, set_phase
from slik.core.models import AuditEvent

from ..models import AgendaItem
from ..services import board as services
from .factories import AgendaItemFactory, BoardMeetingFactory

D = AgendaItem.Decision

TODAY = timezone.localdate()
YESTERDAY = TODAY - datetime.timedelta(days=1)


def decide(item, actor, decision, **extra):
    with scope(organisation=item.meeting.organisation_id):
        return services.agenda_item_decide(actor=actor, item=item, decision=decision, **extra)


def counts(case):
    with scope(organisation=case.organisation_id):
        return (
            GateDecision.objects.filter(case=case).count(),
            CaseDecision.objects.filter(case=case).count(),
        )


def add_insight(case):
    with scope(organisation=case.organisation_id):
        Insight.objects.create(case=case, kind="need", title="Behov", recorded_on=YESTERDAY)


@pytest.mark.parametrize(
    ("decision", "phase", "gate", "to_phase", "status"),
    [
        (D.CONTINUE, Phase.FORANKRING, "go", Phase.INNSIKT, "active"),
        (D.ADJUST, Phase.INNSIKT, "adjust", Phase.INNSIKT, "active"),
        (D.PAUSE, Phase.INNSIKT, "postpone", Phase.INNSIKT, "postponed"),
        (D.STOP, Phase.TJENESTEUTVIKLING, "stop", Phase.TJENESTEUTVIKLING, "stopped"),
        (D.HAND_OVER, Phase.PILOTERING, "go", Phase.OVERGANG, "active"),
    ],
)
def test_gate_decisions_are_recorded_with_the_meeting(
    item, leader, decision, phase, gate, to_phase, status
):
    case = set_phase(item.case, phase)
    item.case = case
    # Going on with the phase's checklist not done is warned about; the board confirms.
    decided = decide(item, leader, decision, comment="Godt grunnlag", confirm_warnings=True)
    case.refresh_from_db()
    assert (case.phase, case.status) == (to_phase, status)
    with scope(organisation=case.organisation_id):
        gate_decision = decided.gate_decision
        log = decided.case_decision
        assert gate_decision.decision == gate
        assert gate_decision.decided_on == item.meeting.held_on
        assert item.meeting.title in gate_decision.decided_by
        assert log.decided_on == item.meeting.held_on
        assert item.meeting.title in log.decided_by
        assert log.description == "Godt grunnlag"
        stored = AgendaItem.objects.get(pk=item.pk)
    assert stored.decision == decision and stored.decided_at is not None
    assert stored.case_decision_id == log.pk and stored.gate_decision_id == gate_decision.pk


@pytest.mark.parametrize("decision", [D.START, D.SCALE])
def test_start_and_scale_write_the_decision_log_only(item, leader, decision):
    decided = decide(item, leader, decision, comment="Ja")
    item.case.refresh_from_db()
    assert item.case.phase == Phase.FORANKRING
    assert decided.gate_decision is None and decided.case_decision is not None
    assert counts(item.case) == (0, 1)


def test_hand_over_outside_piloting_is_logged_only(item, leader):
    set_phase(item.case, Phase.TJENESTEUTVIKLING)
    decided = decide(item, leader, D.HAND_OVER)
    item.case.refresh_from_db()
    assert item.case.phase == Phase.TJENESTEUTVIKLING
    assert decided.gate_decision is None
    assert counts(item.case) == (0, 1)


def test_blocker_prevents_recording(item, leader):
    set_phase(item.case, Phase.INNSIKT, status="stopped")
    with pytest.raises(ValidationError) as error:
        decide(item, leader, D.CONTINUE)
    assert "decision" in error.value.message_dict
    assert counts(item.case) == (0, 0)
    with scope(organisation=item.case.organisation_id):
        assert AgendaItem.objects.get(pk=item.pk).decision == ""


def test_benefit_blocker_from_gate_extension_is_respected(item, leader, org):
    set_phase(item.case, Phase.TJENESTEUTVIKLING)
    add_insight(item.case)
    with scope(organisation=org.pk):
        BenefitSettings.objects.filter(organisation=org).update(pilot_gate="block")
        check = services.agenda_decision_check(item=item, decision=D.CONTINUE)
    assert check.check.blockers
    with pytest.raises(ValidationError):
        decide(item, leader, D.CONTINUE, confirm_warnings=True)
    assert counts(item.case) == (0, 0)


def test_warnings_need_confirmation(item, leader):
    set_phase(item.case, Phase.TJENESTEUTVIKLING)  # no benefit: the pilot gate warns
    with pytest.raises(ValidationError) as error:
        decide(item, leader, D.CONTINUE)
    assert "confirm_warnings" in error.value.message_dict
    assert counts(item.case) == (0, 0)
    decided = decide(item, leader, D.CONTINUE, confirm_warnings=True)
    assert decided.gate_decision.to_phase == Phase.PILOTERING


def test_needs_first_override_reason_is_passed_on(item, leader):
    set_phase(item.case, Phase.INNSIKT)
    with pytest.raises(ValidationError) as error:
        decide(item, leader, D.CONTINUE, confirm_warnings=True)
    assert "override_reason" in error.value.message_dict
    decided = decide(item, leader, D.CONTINUE, confirm_warnings=True, override_reason="Kjent behov")
    assert decided.gate_decision.override_reason == "Kjent behov"


def test_failing_gate_decision_records_nothing(item, leader, monkeypatch):
    def broken(**kwargs):
        raise ValidationError("gate refused")

    monkeypatch.setattr(services, "case_gate_decide", broken)
    with pytest.raises(ValidationError):
        decide(item, leader, D.CONTINUE)
    assert counts(item.case) == (0, 0)
    with scope(organisation=item.case.organisation_id):
        assert AgendaItem.objects.get(pk=item.pk).decision == ""
        assert not AuditEvent.objects.filter(action="portfolio.board.decided").exists()


def test_failing_decision_log_rolls_back_the_gate_decision(item, leader, monkeypatch):
    def broken(**kwargs):
        raise ValidationError("log refused")

    monkeypatch.setattr(services, "case_record_create", broken)
    with pytest.raises(ValidationError):
        decide(item, leader, D.PAUSE)
    item.case.refresh_from_db()
    assert item.case.status == Case.Status.ACTIVE
    assert counts(item.case) == (0, 0)


def test_a_decision_is_recorded_once(item, leader):
    decide(item, leader, D.START)
    with pytest.raises(ValidationError):
        decide(item, leader, D.SCALE)
    assert counts(item.case) == (0, 1)


def test_future_meeting_takes_no_decisions(org, leader, case):
    future = BoardMeetingFactory(
        organisation=org, actor=leader, held_on=TODAY + datetime.timedelta(days=7)
    )
    item = AgendaItemFactory(meeting=future, case=case, actor=leader)
    with pytest.raises(ValidationError):
        decide(item, leader, D.START)


def test_invalid_decision_is_refused(item, leader):
    with pytest.raises(ValidationError):
        decide(item, leader, "promote")


def test_closed_minutes_freeze_the_meeting(item, leader, org, coordinator):
    with scope(organisation=org.pk):
        services.board_meeting_close(actor=leader, meeting=item.meeting)
    other = CaseFactory(organisation=org, actor=coordinator, title="Annen sak")
    with pytest.raises(ValidationError):
        AgendaItemFactory(meeting=item.meeting, case=other, actor=leader)
    with pytest.raises(ValidationError):
        decide(item, leader, D.START)
    with scope(organisation=org.pk), pytest.raises(ValidationError):
        services.board_meeting_update(actor=leader, meeting=item.meeting, title="Nytt")


def test_agenda_is_ordered_and_moves(meeting, leader, org, coordinator):
    cases = [CaseFactory(organisation=org, actor=coordinator, title=f"Sak {n}") for n in range(3)]
    items = [AgendaItemFactory(meeting=meeting, case=case, actor=leader) for case in cases]
    assert [i.order for i in items] == [0, 1, 2]
    with scope(organisation=org.pk):
        services.agenda_item_move(actor=leader, item=items[2], up=True)
        order = list(meeting.items.order_by("order").values_list("case__title", flat=True))
    assert order == ["Sak 0", "Sak 2", "Sak 1"]


def test_same_case_twice_and_foreign_case_are_refused(item, leader, other_org, outsider):
    with pytest.raises(ValidationError):
        AgendaItemFactory(meeting=item.meeting, case=item.case, actor=leader)
    foreign = CaseFactory(organisation=other_org, actor=outsider, title="Råde-sak")
    with pytest.raises(ValidationError):
        AgendaItemFactory(meeting=item.meeting, case=foreign, actor=leader)


def test_decided_items_cannot_be_removed_and_meeting_not_deleted(item, leader, org):
    decide(item, leader, D.START)
    with scope(organisation=org.pk):
        with pytest.raises(ValidationError):
            services.agenda_item_remove(actor=leader, item=item)
        with pytest.raises(ValidationError):
            services.board_meeting_delete(actor=leader, meeting=item.meeting)


def test_every_change_is_audit_logged(item, leader, org):
    decide(item, leader, D.START)
    with scope(organisation=org.pk):
        services.board_meeting_close(actor=leader, meeting=item.meeting)
        actions = set(AuditEvent.objects.filter(organisation=org).values_list("action", flat=True))
    assert {
        "portfolio.board.created",
        "portfolio.board.item_added",
        "portfolio.board.decided",
        "portfolio.board.closed",
        "case.decision.added",
    } <= actions
