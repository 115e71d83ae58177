"""The case page and the case list keep a constant number of queries however much they show."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django_scopes import scope

from slik.cases import services
from slik.cases.models import GateDecision

from .factories import CaseFactory

TODAY = timezone.localdate()


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


def test_case_page_query_count_is_constant(client_as, org, leader, django_assert_num_queries):
    small, large = (
        CaseFactory(organisation=org, title="Lite"),
        CaseFactory(organisation=org, title="Stort"),
    )
    fill(small, leader, 2)
    fill(large, leader, 10)
    client = client_as(leader)
    detail = lambda case: reverse(  # noqa: E731
        "cases:detail", kwargs={"org_slug": "hvaler", "case_id": case.pk}
    )
    count_queries(client, detail(small))  # warm caches (content types, sessions)
    # Session, user, membership; the case (with its owner's and leader's names, its roadmap
    # version and whether it has stakeholders); its phase periods, the steps of its phase
    # (with whether each is ticked), its floker. The records, the team, the stakeholders, the
    # history and other apps' panels load after the page.
    assert count_queries(client, detail(small)) == 7
    with django_assert_num_queries(7):
        assert client.get(detail(large)).status_code == 200


# Session, user, membership and the case, then each section's own reads.
SECTION_QUERIES = {
    "records": 4 + 4,  # gate decisions, insight, hypotheses, decisions
    "team": 4 + 2,  # N3 assessments, responsibilities with their users
    "stakeholders": 4 + 1,
    "history": 4 + 1,  # the events with their actors (the content type is cached)
}


@pytest.mark.parametrize("key", SECTION_QUERIES)
def test_case_section_query_count_is_constant(client_as, org, leader, key):
    small, large = (
        CaseFactory(organisation=org, title="Lite"),
        CaseFactory(organisation=org, title="Stort"),
    )
    fill(small, leader, 2)
    fill(large, leader, 10)
    client = client_as(leader)
    path = reverse("cases:panels", kwargs={"org_slug": "hvaler", "case_id": small.pk})
    count_queries(client, f"{path}?panel={key}")
    assert count_queries(client, f"{path}?panel={key}") == SECTION_QUERIES[key]
    path = reverse("cases:panels", kwargs={"org_slug": "hvaler", "case_id": large.pk})
    assert count_queries(client, f"{path}?panel={key}") == SECTION_QUERIES[key]


def test_case_panels_query_count_is_constant(client_as, org, leader):
    """The panels' own queries are their apps' (and tested there); the case adds none."""
    small, large = (
        CaseFactory(organisation=org, title="Lite"),
        CaseFactory(organisation=org, title="Stort"),
    )
    fill(small, leader, 1)
    fill(large, leader, 10)
    client = client_as(leader)
    panels = lambda case: reverse(  # noqa: E731
        "cases:panels", kwargs={"org_slug": "hvaler", "case_id": case.pk}
    )
    count_queries(client, panels(small))
    assert count_queries(client, panels(small)) == count_queries(client, panels(large))


def test_case_list_query_count_is_constant(client_as, org, coordinator, project_leader):
    client = client_as(coordinator)
    path = reverse("cases:list", kwargs={"org_slug": "hvaler"})
    for n in range(2):
        CaseFactory(organisation=org, actor=coordinator, title=f"Case {n}", owner=project_leader)
    count_queries(client, path)
    # Session, user, membership; the filter's owners and floker; the page, which carries the
    # count (COUNT(*) OVER ()).
    assert count_queries(client, path) == 6
    for n in range(2, 40):
        CaseFactory(organisation=org, actor=coordinator, title=f"Case {n}", owner=project_leader)
    assert count_queries(client, path) == 6
    assert count_queries(client, f"{path}?side=2") == 6
