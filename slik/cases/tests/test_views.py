import datetime

import pytest
from django.urls import reverse
from django_scopes import scope

from slik.cases import services
from slik.cases.models import Case, GateDecision, Insight, Phase, RoadmapTemplate
from slik.core.tests.edit_conflict import loaded

from .conftest import audit_actions, decide

TODAY = datetime.date.today()


def url(name, case=None, **kwargs):
    if case is not None:
        kwargs["case_id"] = case.pk
    return reverse(f"cases:{name}", kwargs={"org_slug": "hvaler", **kwargs})


def test_list_filters_and_paginates(client_as, coordinator, make_case, org):
    make_case("Ensomhet blant eldre")
    make_case("Frafall i skolen", innovation_type="radical")
    client = client_as(coordinator)
    response = client.get(url("list"))
    assert response.status_code == 200
    assert len(response.context["cases"]) == 2
    response = client.get(url("list"), {"q": "frafall", "innovation_type": "radical"})
    assert [c.title for c in response.context["cases"]] == ["Frafall i skolen"]
    response = client.get(url("list"), {"phase": "x", "status": "nope", "side": "99"})
    assert response.status_code == 200


def test_politician_lists_only_published(client_as, politician, make_case, leader):
    make_case("Hemmelig")
    published = make_case("Åpen")
    with scope(organisation=published.organisation_id):
        services.case_publish(actor=leader, case=published, is_published=True)
    client = client_as(politician)
    response = client.get(url("list"))
    assert [c.title for c in response.context["cases"]] == ["Åpen"]
    assert client.get(url("detail", published)).status_code == 200


def test_create_case(client_as, project_leader, org):
    client = client_as(project_leader)
    assert client.get(url("create")).status_code == 200
    response = client.post(
        url("create"),
        {
            "title": "Én dør inn",
            "summary": "**Familier**",
            "innovation_type": "incremental",
            "sharing_level": "private",
            "owner": project_leader.pk,
        },
    )
    assert response.status_code == 302
    with scope(organisation=org.pk):
        case = Case.objects.get(title="Én dør inn")
        assert case.phase_periods.get().phase == Phase.FORANKRING
    assert case.owner == project_leader
    assert "case.created" in audit_actions(case)


@pytest.mark.parametrize(
    "data",
    [
        {"title": "", "summary": "Beholdes"},
        {"title": "T", "summary": "Beholdes", "sharing_level": "public"},
        {"title": "T", "summary": "Beholdes", "owner": "999999", "innovation_type": "bogus"},
        {"title": "T" * 500, "summary": "Beholdes", "challenges": ["abc"]},
    ],
)
def test_create_bad_input_keeps_typed_data(client_as, coordinator, org, data):
    response = client_as(coordinator).post(url("create"), data)
    assert response.status_code == 200
    assert "Beholdes" in response.content.decode()
    with scope(organisation=org.pk):
        assert not Case.objects.exists()


def test_employee_cannot_create(client_as, employee):
    assert client_as(employee).get(url("create")).status_code == 403


def test_edit_case(client_as, project_leader, case):
    client = client_as(project_leader)  # the owner
    assert client.get(url("edit", case)).status_code == 200
    response = client.post(
        url("edit", case),
        {
            **loaded(client, url("edit", case)),
            "title": "Nytt navn",
            "innovation_type": "radical",
            "sharing_level": "private",
        },
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.title == "Nytt navn"
    assert "case.changed" in audit_actions(case)


def test_detail_page_for_roles(client_as, personas, case):
    for role, user in personas.items():
        status = client_as(user).get(url("detail", case)).status_code
        assert status == (404 if role == "politician" else 200), role


def test_case_page_marks_current_phase(client_as, coordinator, case):
    content = client_as(coordinator).get(url("detail", case)).content.decode()
    assert 'aria-current="step"' in content and 'id="phase-track"' in content


def test_outsider_gets_404(client_as, outsider, case):
    assert client_as(outsider).get(url("detail", case)).status_code == 404


def test_publish(client_as, leader, project_leader, case):
    assert client_as(project_leader).post(url("publish", case), {"publish": "1"}).status_code == 403
    client = client_as(leader)
    assert client.get(url("publish", case)).status_code == 200
    assert client.post(url("publish", case), {"publish": "1"}).status_code == 302
    case.refresh_from_db()
    assert case.is_published


def test_checklist_toggle_without_and_with_htmx(client_as, project_leader, case):
    with scope(organisation=case.organisation_id):
        steps = list(case.template.steps.filter(phase=Phase.FORANKRING))
    client = client_as(project_leader)
    shown = [step.pk for step in steps]
    response = client.post(url("checklist", case), {"shown": shown, "done": [steps[0].pk, "x"]})
    assert response.status_code == 302
    response = client.post(
        url("checklist", case), {"shown": steps[1].pk, "done": steps[1].pk}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert steps[1].text in content and "<html" not in content
    with scope(organisation=case.organisation_id):
        assert case.step_checks.filter(is_done=True).count() == 2


def test_checklist_post_naming_no_step_changes_none(client_as, project_leader, case):
    """An old or hand-made page that does not say which steps it showed must not set the whole
    phase (and untick what others ticked meanwhile)."""
    with scope(organisation=case.organisation_id):
        steps = list(case.template.steps.filter(phase=Phase.FORANKRING))
    client = client_as(project_leader)
    client.post(url("checklist", case), {"shown": steps[0].pk, "done": steps[0].pk})
    client.post(url("checklist", case), {"done": [steps[1].pk]})
    with scope(organisation=case.organisation_id):
        done = set(case.step_checks.filter(is_done=True).values_list("step_id", flat=True))
    assert done == {steps[0].pk}


def test_checklist_ignores_steps_of_other_templates(client_as, coordinator, case, other_org):
    with scope(organisation=other_org.pk):
        foreign = RoadmapTemplate.objects.get(organisation=other_org).steps.first()
    client_as(coordinator).post(url("checklist", case), {"shown": foreign.pk, "done": foreign.pk})
    with scope(organisation=case.organisation_id):
        assert not case.step_checks.exists()


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
    decide(case, leader, GateDecision.Decision.STOP)
    client = client_as(leader)
    state = loaded(client, url("gate_create", case))
    response = client.post(url("gate_create", case), {**state, **gate_data()})
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()


def test_gate_forbidden_for_project_leader(client_as, project_leader, case):
    assert client_as(project_leader).get(url("gate_create", case)).status_code == 403


RECORDS = {
    "insight": (
        "insight_id",
        {
            "kind": "interview",
            "title": "Intervju",
            "description": "",
            "recorded_on": TODAY.isoformat(),
        },
    ),
    "hypothesis": ("hypothesis_id", {"statement": "Ungdom vil", "result": "open"}),
    "decision": (
        "decision_id",
        {"title": "Budsjett", "decided_by": "RM", "decided_on": TODAY.isoformat()},
    ),
    "n3": (
        "n3_id",
        {"need": "3", "solution": "2", "driving_force": "1", "team": "0", "anchoring": "3"},
    ),
    "responsibility": ("responsibility_id", {"name": "NAV", "area": "Drift", "raci": "C"}),
    "stakeholder": (
        "stakeholder_id",
        {"name": "Elevrådet", "interest": "4", "influence": "2", "attitude": "positive"},
    ),
}


@pytest.mark.parametrize("kind", sorted(RECORDS))
def test_record_add_edit_delete(client_as, project_leader, case, kind):
    id_kwarg, data = RECORDS[kind]
    client = client_as(project_leader)
    assert client.get(url(f"{kind}_add", case)).status_code == 200
    assert client.post(url(f"{kind}_add", case), data).status_code == 302
    with scope(organisation=case.organisation_id):
        record = services.RECORD_KINDS[kind].model.objects.get()
    ids = {id_kwarg: record.pk}
    state = loaded(client, url(f"{kind}_edit", case, **ids))
    assert client.post(url(f"{kind}_edit", case, **ids), {**state, **data}).status_code == 302
    assert client.get(url(f"{kind}_delete", case, **ids)).status_code == 200
    assert client.post(url(f"{kind}_delete", case, **ids)).status_code == 302
    assert audit_actions(case, f"case.{kind}.") == [
        f"case.{kind}.added",
        f"case.{kind}.changed",
        f"case.{kind}.deleted",
    ]
    page = client.get(url("detail", case)).content.decode()
    assert page.count("<h1") == 1


@pytest.mark.parametrize("kind", sorted(RECORDS))
def test_record_bad_input_keeps_data(client_as, project_leader, case, kind):
    response = client_as(project_leader).post(
        url(f"{kind}_add", case),
        {
            "description": "Typed",
            "comment": "Typed",
            "group": "Typed",
            "test_method": "Typed",
            "area": "Typed",
            "raci": "Z",
            "need": "7",
        },
    )
    assert response.status_code == 200
    assert "Typed" in response.content.decode()


@pytest.mark.parametrize("kind", sorted(RECORDS))
def test_foreign_record_ids_are_404(
    client_as, coordinator, outsider, case, make_case, other_org, kind
):
    id_kwarg, data = RECORDS[kind]
    foreign_case = make_case("Råde-case", organisation=other_org, actor=outsider)
    values = {
        "insight": {"kind": "need", "title": "x", "recorded_on": TODAY},
        "hypothesis": {"statement": "x"},
        "decision": {"title": "x", "decided_by": "x", "decided_on": TODAY},
        "n3": {"need": 1, "solution": 1, "driving_force": 1, "team": 1, "anchoring": 1},
        "responsibility": {"name": "x", "area": "x", "raci": "R"},
        "stakeholder": {"name": "x", "interest": 1, "influence": 1},
    }[kind]
    with scope(organisation=other_org.pk):
        record = services.case_record_create(
            actor=outsider, case=foreign_case, kind=kind, values=values
        )
    client = client_as(coordinator)
    ids = {id_kwarg: record.pk}
    assert client.get(url(f"{kind}_edit", case, **ids)).status_code == 404
    assert client.post(url(f"{kind}_delete", case, **ids)).status_code == 404
    assert client.get(url(f"{kind}_add", foreign_case)).status_code == 404
    assert client.get(url("detail", foreign_case)).status_code == 404


def test_foreign_gate_and_template_are_404(
    client_as, coordinator, outsider, case, make_case, other_org
):
    foreign_case = make_case("Råde-case", organisation=other_org, actor=outsider)
    gate = decide(foreign_case, outsider, GateDecision.Decision.ADJUST)
    with scope(organisation=other_org.pk):
        template = RoadmapTemplate.objects.get(organisation=other_org)
    client = client_as(coordinator)
    assert client.get(url("gate_detail", case, gate_id=gate.pk)).status_code == 404
    assert client.get(url("roadmap_version", template_id=template.pk)).status_code == 404
    assert client.post(url("checklist", foreign_case)).status_code == 404


def test_roadmap_edit_creates_version(client_as, coordinator, leader, case, org):
    assert client_as(leader).get(url("roadmap")).status_code == 200
    assert client_as(leader).get(url("roadmap_edit")).status_code == 403
    client = client_as(coordinator)
    state = loaded(client, url("roadmap_edit"))
    data = {f"phase_{p}": "Steg A\nSteg B" for p in Phase.values}
    response = client.post(url("roadmap_edit"), {**state, **data, "note": "Enklere"})
    assert response.status_code == 302
    with scope(organisation=org.pk):
        latest = RoadmapTemplate.objects.filter(organisation=org).first()
        assert latest.version == 2 and latest.steps.count() == 12
    assert client.get(url("roadmap_version", template_id=latest.pk)).status_code == 200
    case.refresh_from_db()
    assert case.template.version == 1
    state = loaded(client, url("roadmap_edit"))
    response = client.post(url("roadmap_edit"), {**state, "phase_1": "x" * 400, "note": "Lang"})
    assert response.status_code == 200
