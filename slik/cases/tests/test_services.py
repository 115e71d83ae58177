import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from django_scopes import scope

from slik.cases import services
from slik.cases.defaults import DEFAULT_ROADMAP_STEPS
from slik.cases.models import (
    Case,
    GateDecision,
    Hypothesis,
    Insight,
    Phase,
    PhasePeriod,
    RoadmapTemplate,
)
from slik.cases.phases import phase_days
from slik.core.models import AuditEvent

from .conftest import audit_actions, decide
from .factories import CaseFactory, set_phase

Decision = GateDecision.Decision
TODAY = timezone.localdate()


def test_new_organisation_gets_roadmap_version_one(org):
    with scope(organisation=org.pk):
        template = RoadmapTemplate.objects.get(organisation=org)
        assert template.version == 1
        texts = list(template.steps.filter(phase=Phase.FORANKRING).values_list("text", flat=True))
    assert texts == DEFAULT_ROADMAP_STEPS[Phase.FORANKRING]


def test_roadmap_defaults_are_idempotent(org):
    services.roadmap_template_ensure(org)
    with scope(organisation=org.pk):
        assert RoadmapTemplate.objects.filter(organisation=org).count() == 1


def test_create_case_opens_forankring_period_and_logs(case):
    with scope(organisation=case.organisation_id):
        periods = list(case.phase_periods.all())
    assert case.phase == Phase.FORANKRING and case.status == Case.Status.ACTIVE
    assert [(p.phase, p.ended_on) for p in periods] == [(Phase.FORANKRING, None)]
    assert "case.created" in audit_actions(case)


def test_sharing_other_than_private_is_refused(org):
    with pytest.raises(ValidationError) as refused:
        CaseFactory(organisation=org, sharing_level="public")
    assert list(refused.value.message_dict) == ["sharing_level"]
    with scope(organisation=org.pk):
        assert not Case.objects.exists()


def test_go_moves_to_next_phase_and_snapshots_checklist(case, leader):
    with scope(organisation=case.organisation_id):
        step = case.template.steps.filter(phase=Phase.FORANKRING).first()
        services.case_checklist_set(
            actor=leader, case=case, phase=case.phase, done_step_ids=[step.pk]
        )
    gate = decide(case, leader, Decision.GO)
    case.refresh_from_db()
    assert case.phase == Phase.INNSIKT
    assert gate.from_phase == Phase.FORANKRING and gate.to_phase == Phase.INNSIKT
    assert gate.checklist[0] == {"step": step.text, "done": True}
    assert len(gate.checklist) == len(DEFAULT_ROADMAP_STEPS[Phase.FORANKRING])
    with scope(organisation=case.organisation_id):
        periods = list(PhasePeriod.objects.filter(case=case).order_by("id"))
    assert [p.phase for p in periods] == [Phase.FORANKRING, Phase.INNSIKT]
    assert periods[0].ended_on == TODAY and periods[1].ended_on is None
    assert "case.gate.go" in audit_actions(case)


def test_go_from_innsikt_without_insight_needs_override(case, leader):
    decide(case, leader, Decision.GO)
    with scope(organisation=case.organisation_id):
        check = services.case_gate_check(case=case, decision=Decision.GO)
    assert check.requires_override and check.warnings and check.allowed
    with pytest.raises(ValidationError) as error:
        decide(case, leader, Decision.GO)
    assert "override_reason" in error.value.message_dict
    case.refresh_from_db()
    assert case.phase == Phase.INNSIKT
    gate = decide(case, leader, Decision.GO, override_reason="Vi har innsikt fra før")
    case.refresh_from_db()
    assert case.phase == Phase.TJENESTEUTVIKLING
    assert gate.override_reason == "Vi har innsikt fra før"


def test_go_from_innsikt_with_insight_needs_no_override(case, leader):
    decide(case, leader, Decision.GO)
    with scope(organisation=case.organisation_id):
        Insight.objects.create(case=case, kind="interview", title="15 ungdommer", recorded_on=TODAY)
        steps = case.template.steps.filter(phase=case.phase).values_list("pk", flat=True)
        services.case_checklist_set(actor=leader, case=case, phase=case.phase, done_step_ids=steps)
        check = services.case_gate_check(case=case, decision=Decision.GO)
    assert not check.requires_override and not check.warnings
    decide(case, leader, Decision.GO)
    case.refresh_from_db()
    assert case.phase == Phase.TJENESTEUTVIKLING


def test_back_requires_reason_and_earlier_phase(case, leader):
    decide(case, leader, Decision.GO)
    with pytest.raises(ValidationError) as error:
        decide(case, leader, Decision.BACK, to_phase=Phase.FORANKRING)
    assert "reason" in error.value.message_dict
    with pytest.raises(ValidationError):
        decide(case, leader, Decision.BACK, to_phase=Phase.PILOTERING, reason="x")
    gate = decide(case, leader, Decision.BACK, to_phase=Phase.FORANKRING, reason="Hypotesene falt")
    case.refresh_from_db()
    assert case.phase == Phase.FORANKRING and gate.to_phase == Phase.FORANKRING
    with scope(organisation=case.organisation_id):
        event = AuditEvent.objects.get(action="case.gate.back", object_id=case.pk)
    assert event.data["reason"] == "Hypotesene falt"


def test_stop_keeps_everything_and_blocks_further_decisions(case, leader):
    with scope(organisation=case.organisation_id):
        Hypothesis.objects.create(case=case, statement="Ungdom vil ikke inkluderes")
    decide(case, leader, Decision.STOP, reason="Ikke forankret")
    case.refresh_from_db()
    assert case.status == Case.Status.STOPPED
    with scope(organisation=case.organisation_id):
        assert case.hypotheses.count() == 1
        assert case.phase_periods.filter(ended_on__isnull=True).count() == 0
        check = services.case_gate_check(case=case, decision=Decision.GO)
    assert not check.allowed
    with pytest.raises(ValidationError):
        decide(case, leader, Decision.GO)


def test_postpone_then_go_reactivates(case, leader):
    decide(case, leader, Decision.POSTPONE)
    case.refresh_from_db()
    assert case.status == Case.Status.POSTPONED and case.phase == Phase.FORANKRING
    decide(case, leader, Decision.GO)
    case.refresh_from_db()
    assert case.status == Case.Status.ACTIVE and case.phase == Phase.INNSIKT


def test_adjust_stays_and_records_conditions(case, leader):
    gate = decide(case, leader, Decision.ADJUST, conditions="Involver frivilligsentralen")
    case.refresh_from_db()
    assert case.phase == Phase.FORANKRING and gate.conditions == "Involver frivilligsentralen"


def test_go_from_new_practice_is_rejected(case, leader):
    set_phase(case, Phase.NY_PRAKSIS)
    with pytest.raises(ValidationError) as error:
        decide(case, leader, Decision.GO)
    assert "__all__" in error.value.message_dict


def test_future_decision_date_is_rejected(case, leader):
    with pytest.raises(ValidationError) as error:
        decide(case, leader, Decision.GO, decided_on=TODAY + datetime.timedelta(days=1))
    assert "decided_on" in error.value.message_dict
    with scope(organisation=case.organisation_id):
        assert GateDecision.objects.count() == 0


def test_template_versioning_keeps_old_cases_steps(org, coordinator, case):
    with scope(organisation=org.pk):
        new = services.roadmap_template_save(
            actor=coordinator,
            organisation=org,
            steps_by_phase={Phase.FORANKRING: ["Nytt steg", "  ", "Definere problemet"]},
            note="Kortere",
        )
        assert new.version == 2
        assert list(new.steps.values_list("text", flat=True)) == [
            "Nytt steg",
            "Definere problemet",
        ]
        old_steps = list(case.template.steps.filter(phase=Phase.FORANKRING))
    assert case.template.version == 1
    assert len(old_steps) == len(DEFAULT_ROADMAP_STEPS[Phase.FORANKRING])
    newer = CaseFactory(organisation=org, actor=coordinator, title="Nytt case")
    assert newer.template_id == new.pk
    with scope(organisation=org.pk):
        assert AuditEvent.objects.filter(action="roadmap.version.created").exists()


def test_phase_days_sum_periods_and_open_period_runs_to_today():
    periods = [
        PhasePeriod(
            phase=1, started_on=datetime.date(2024, 1, 1), ended_on=datetime.date(2024, 1, 11)
        ),
        PhasePeriod(
            phase=2, started_on=datetime.date(2024, 1, 11), ended_on=datetime.date(2024, 1, 15)
        ),
        PhasePeriod(
            phase=1, started_on=datetime.date(2024, 1, 15), ended_on=datetime.date(2024, 1, 20)
        ),
        PhasePeriod(phase=2, started_on=datetime.date(2024, 1, 20), ended_on=None),
    ]
    days = phase_days(periods, today=datetime.date(2024, 2, 1))
    assert days[1] == 15 and days[2] == 4 + 12 and days[3] == 0


def test_checklist_set_logs_changes_against_case(case, project_leader):
    with scope(organisation=case.organisation_id):
        steps = list(case.template.steps.filter(phase=Phase.FORANKRING))
        changed = services.case_checklist_set(
            actor=project_leader, case=case, phase=1, done_step_ids=[steps[0].pk, steps[1].pk]
        )
        assert len(changed) == 2
        changed = services.case_checklist_set(
            actor=project_leader, case=case, phase=1, done_step_ids=[steps[1].pk]
        )
        assert changed == [steps[0].text]
        assert case.step_checks.filter(is_done=True).count() == 1
    assert audit_actions(case, "case.checklist") == ["case.checklist.changed"] * 2


@pytest.mark.parametrize(
    ("kind", "values"),
    [
        ("insight", {"kind": "need", "title": "Behov", "description": "", "recorded_on": TODAY}),
        ("hypothesis", {"statement": "H1", "test_method": "", "result": "open", "learning": ""}),
        ("decision", {"title": "B", "description": "", "decided_by": "RM", "decided_on": TODAY}),
        (
            "n3",
            {
                "need": 3,
                "solution": 1,
                "driving_force": 2,
                "team": 0,
                "anchoring": 3,
                "comment": "",
            },
        ),
        (
            "responsibility",
            {"user": None, "name": "Frivilligsentralen", "area": "Drift", "raci": "C"},
        ),
        (
            "stakeholder",
            {
                "name": "Ungdomsrådet",
                "group": "",
                "interest": 5,
                "influence": 2,
                "attitude": "positive",
                "strategy": "",
                "planned_involvement": "",
            },
        ),
    ],
)
def test_records_are_logged_against_the_case(case, leader, kind, values):
    with scope(organisation=case.organisation_id):
        record = services.case_record_create(actor=leader, case=case, kind=kind, values=values)
        services.case_record_update(actor=leader, record=record, values=values)
        services.case_record_delete(actor=leader, record=record)
    actions = audit_actions(case, f"case.{kind}.")
    assert actions == [f"case.{kind}.added", f"case.{kind}.changed", f"case.{kind}.deleted"]


@pytest.mark.parametrize(
    ("kind", "values", "field"),
    [
        (
            "decision",
            {"title": "x", "decided_by": "x", "decided_on": TODAY + datetime.timedelta(days=1)},
            "decided_on",
        ),
        ("responsibility", {"area": "Drift", "raci": "R"}, "name"),
    ],
)
def test_record_rules_are_the_services(case, project_leader, kind, values, field):
    assert field in services.case_record_check(kind=kind, values=values)
    with scope(organisation=case.organisation_id):
        with pytest.raises(ValidationError) as refused:
            services.case_record_create(actor=project_leader, case=case, kind=kind, values=values)
        assert field in refused.value.message_dict
        assert not services.RECORD_KINDS[kind].model.objects.exists()


def test_roadmap_step_longer_than_a_step_is_refused(org, coordinator):
    steps = {Phase.FORANKRING: ["x" * 301]}
    assert list(services.roadmap_template_save_check(steps)) == [Phase.FORANKRING]
    with scope(organisation=org.pk), pytest.raises(ValidationError):
        services.roadmap_template_save(actor=coordinator, organisation=org, steps_by_phase=steps)
    with scope(organisation=org.pk):
        assert RoadmapTemplate.objects.filter(organisation=org).count() == 1
