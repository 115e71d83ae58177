"""The gate decision form: what it shows, what it refuses (from the service's check)."""

import datetime

import pytest
from django_scopes import scope

from slik.cases import services
from slik.cases.models import GateDecision, Insight, Phase, RoadmapTemplate
from slik.core.tests.edit_conflict import loaded

from .conftest import TODAY, decide, url
from .factories import CaseFactory


def gate_data(**extra):
    data = {
        "decision": "go",
        "decided_by": "Ledergruppen",
        "decided_on": TODAY.isoformat(),
        "basis": "Prosjektskisse v2",
    }
    data.update(extra)
    return data


def test_gate_go(client_as, leader, case):
    client = client_as(leader)
    assert client.get(url("gate_create", case)).status_code == 200
    response = client.post(
        url("gate_create", case), {**loaded(client, url("gate_create", case)), **gate_data()}
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.phase == Phase.INNSIKT
    with scope(organisation=case.organisation_id):
        gate = case.gate_decisions.get()
    assert client.get(url("gate_detail", case, gate_id=gate.pk)).status_code == 200


def test_gate_needs_first_requires_override(client_as, leader, case):
    decide(case, leader, GateDecision.Decision.GO)
    client = client_as(leader)
    page = client.get(url("gate_create", case)).content.decode()
    assert 'id="gate-warnings"' in page
    state = loaded(client, url("gate_create", case))
    response = client.post(url("gate_create", case), {**state, **gate_data()})
    assert response.status_code == 200
    form = response.context["form"]
    assert "override" in form.errors and "override_reason" in form.errors
    assert "Prosjektskisse v2" in response.content.decode()
    assert 'aria-describedby="id_override_reason_error"' in response.content.decode()
    case.refresh_from_db()
    assert case.phase == Phase.INNSIKT
    response = client.post(
        url("gate_create", case),
        {**state, **gate_data(override="on", override_reason="Innsikt fra 2023")},
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.phase == Phase.TJENESTEUTVIKLING


@pytest.mark.parametrize(
    "extra",
    [
        {"decision": "back", "to_phase": "1"},  # no reason
        {"decision": "back", "reason": "x"},  # no phase
        {"decided_on": (TODAY + datetime.timedelta(days=3)).isoformat()},
        {"decided_on": "not a date"},
        {"decision": "jump"},
        {"decision": "back", "to_phase": "6", "reason": "x"},
    ],
)
def test_gate_bad_input_saves_nothing(client_as, leader, case, extra):
    decide(case, leader, GateDecision.Decision.GO)
    with scope(organisation=case.organisation_id):
        Insight.objects.create(case=case, kind="need", title="Behov", recorded_on=TODAY)
    client = client_as(leader)
    state = loaded(client, url("gate_create", case))
    response = client.post(url("gate_create", case), {**state, **gate_data(**extra)})
    assert response.status_code == 200
    assert response.context["form"].errors
    with scope(organisation=case.organisation_id):
        assert case.gate_decisions.count() == 1


def test_gate_back_with_reason(client_as, leader, case):
    decide(case, leader, GateDecision.Decision.GO)
    client = client_as(leader)
    response = client.post(
        url("gate_create", case),
        {
            **loaded(client, url("gate_create", case)),
            **gate_data(decision="back", to_phase="1", reason="Refusert"),
        },
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.phase == Phase.FORANKRING


def test_stopped_case_rejects_gate(client_as, leader, case):
    assert 'id="gate-link"' in client_as(leader).get(url("detail", case)).content.decode()
    decide(case, leader, GateDecision.Decision.STOP, reason="Ingen effekt")
    client = client_as(leader)
    assert 'id="gate-link"' not in client.get(url("detail", case)).content.decode()
    # The page says why and shows no form; a post (from a page opened before) is refused.
    page = client.get(url("gate_create", case))
    assert 'id="gate-form"' not in page.content.decode()
    assert 'id="gate-blockers"' in page.content.decode()
    state = {"expected_phase": case.phase, "expected_status": "active"}
    response = client.post(url("gate_create", case), {**state, **gate_data()})
    assert response.status_code == 409
    assert 'id="gate-form"' not in response.content.decode()
    with scope(organisation=case.organisation_id):
        assert case.gate_decisions.count() == 1


@pytest.mark.parametrize(
    "extra",
    [
        {"decision": "back", "to_phase": "", "reason": ""},
        {"decided_on": (TODAY + datetime.timedelta(days=1)).isoformat()},
        {"decision": "go", "override_reason": ""},
    ],
)
def test_gate_form_shows_what_the_service_refuses(client_as, leader, case, extra):
    """The form's errors come from the service's own check, field by field."""
    decide(case, leader, GateDecision.Decision.GO)
    client = client_as(leader)
    data = {**loaded(client, url("gate_create", case)), **gate_data(**extra)}
    form = client.post(url("gate_create", case), data).context["form"]
    case.refresh_from_db()
    with scope(organisation=case.organisation_id):
        check = services.case_gate_check(
            case=case, decision=data["decision"], to_phase=data.get("to_phase") or None
        )
        refused = services.case_gate_decide_check(
            check,
            decision=data["decision"],
            to_phase=data.get("to_phase") or None,
            decided_on=datetime.date.fromisoformat(data["decided_on"]),
            reason=data.get("reason", ""),
            override_reason=data.get("override_reason", ""),
        )
    assert refused
    for name, messages in refused.items():
        shown = form.non_field_errors() if name == "__all__" else form.errors[name]
        assert {str(message) for message in messages} <= set(shown), name
    with scope(organisation=case.organisation_id):
        assert case.gate_decisions.count() == 1


def test_gate_forbidden_for_project_leader(client_as, project_leader, case):
    assert client_as(project_leader).get(url("gate_create", case)).status_code == 403


def test_foreign_gate_and_template_are_404(client_as, coordinator, outsider, case, other_org):
    foreign_case = CaseFactory(organisation=other_org, actor=outsider, title="Råde-case")
    gate = decide(foreign_case, outsider, GateDecision.Decision.ADJUST)
    with scope(organisation=other_org.pk):
        template = RoadmapTemplate.objects.get(organisation=other_org)
    client = client_as(coordinator)
    assert client.get(url("gate_detail", case, gate_id=gate.pk)).status_code == 404
    assert client.get(url("roadmap_version", template_id=template.pk)).status_code == 404
    assert client.post(url("checklist", foreign_case)).status_code == 404
