"""The case page and the case list keep a constant number of queries however much they show."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_scopes import scope

from slik.cases import services
from slik.cases.models import GateDecision

TODAY = datetime.date.today()


def fill(case, actor, n):
    values = {
        "insight": {"kind": "need", "title": "x", "recorded_on": TODAY},
        "hypothesis": {"statement": "x"},
        "decision": {"title": "x", "decided_by": "x", "decided_on": TODAY},
        "n3": {"need": 1, "solution": 2, "driving_force": 1, "team": 3, "anchoring": 1},
        "responsibility": {"user": actor, "area": "x", "raci": "R"},
        "stakeholder": {"name": "x", "interest": 4, "influence": 4},
    }
    with scope(organisation=case.organisation_id):
        for kind, data in values.items():
            for _ in range(n):
                services.case_record_create(actor=actor, case=case, kind=kind, values=data)
        steps = case.template.steps.filter(phase=case.phase).values_list("pk", flat=True)
        services.case_checklist_set(
            actor=actor, case=case, phase=case.phase, done_step_ids=list(steps)
        )
    for _ in range(n):
        services_decide(case, actor)


def services_decide(case, actor):
    with scope(organisation=case.organisation_id):
        services.case_gate_decide(
            actor=actor,
            case=case,
            decision=GateDecision.Decision.ADJUST,
            decided_by="Ledergruppen",
            decided_on=TODAY,
            basis="",
            conditions="c",
            reason="",
            override_reason="",
        )


def count_queries(client, path):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(path)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_case_page_query_count_is_constant(
    page_cache_off, client_as, leader, make_case, django_assert_num_queries
):
    small, large = make_case("Lite"), make_case("Stort")
    fill(small, leader, 2)
    fill(large, leader, 10)
    client = client_as(leader)
    detail = lambda case: reverse(  # noqa: E731
        "cases:detail", kwargs={"org_slug": "hvaler", "case_id": case.pk}
    )
    count_queries(client, detail(small))  # warm caches (content types, sessions)
    expected = count_queries(client, detail(small))
    with django_assert_num_queries(expected):
        assert client.get(detail(large)).status_code == 200


def test_case_list_query_count_is_constant(
    page_cache_off, client_as, coordinator, make_case, project_leader
):
    client = client_as(coordinator)
    path = reverse("cases:list", kwargs={"org_slug": "hvaler"})
    for n in range(2):
        make_case(f"Case {n}", owner=project_leader)
    count_queries(client, path)
    few = count_queries(client, path)
    for n in range(2, 10):
        make_case(f"Case {n}", owner=project_leader)
    assert count_queries(client, path) == few
