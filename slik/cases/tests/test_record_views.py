"""The records of a case (insight, hypotheses, decisions, N3, RACI, stakeholders)."""

import pytest
from django_scopes import scope

from slik.cases import services
from slik.core.tests.edit_conflict import loaded

from .conftest import TODAY, audit_actions, url
from .factories import CaseFactory

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
def test_foreign_record_ids_are_404(client_as, coordinator, outsider, case, other_org, kind):
    id_kwarg, data = RECORDS[kind]
    foreign_case = CaseFactory(organisation=other_org, actor=outsider, title="Råde-case")
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


@pytest.mark.parametrize(
    ("kind", "data", "field"),
    [
        (
            "decision",
            {"title": "Budsjett", "decided_by": "RM", "decided_on": "2999-01-01"},
            "decided_on",
        ),
        ("responsibility", {"name": " ", "area": "Drift", "raci": "C"}, "name"),
    ],
)
def test_record_form_shows_what_the_service_refuses(
    client_as, project_leader, case, kind, data, field
):
    response = client_as(project_leader).post(url(f"{kind}_add", case), data)
    assert response.status_code == 200
    assert field in response.context["form"].errors
    with scope(organisation=case.organisation_id):
        assert not services.RECORD_KINDS[kind].model.objects.exists()
