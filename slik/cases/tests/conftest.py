import datetime

import pytest
from django_scopes import scope

from slik.cases import services


@pytest.fixture
def make_case(org, coordinator):
    def make(
        title="Ungdom inn i arbeid", *, organisation=None, actor=None, started_on=None, **fields
    ):
        organisation = organisation or org
        with scope(organisation=organisation.pk):
            return services.case_create(
                actor=actor or coordinator,
                organisation=organisation,
                title=title,
                started_on=started_on,
                **fields,
            )

    return make


@pytest.fixture
def case(make_case, project_leader):
    return make_case(owner=project_leader, started_on=datetime.date(2024, 1, 1))


def decide(case, actor, decision, **extra):
    values = {
        "decided_by": "Ledergruppen",
        "decided_on": datetime.date.today(),
        "basis": "",
        "conditions": "",
        "reason": "",
        "override_reason": "",
    }
    values.update(extra)
    with scope(organisation=case.organisation_id):
        return services.case_gate_decide(actor=actor, case=case, decision=decision, **values)


def audit_actions(case, prefix=""):
    from slik.core.models import AuditEvent

    with scope(organisation=case.organisation_id):
        return list(
            AuditEvent.objects.filter(
                organisation_id=case.organisation_id,
                object_id=case.pk,
                action__startswith=prefix,
            )
            .order_by("id")
            .values_list("action", flat=True)
        )
