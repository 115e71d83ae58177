"""Shared helpers of portfolio engineer A's tests (dashboard, capacity, status reports)."""

import datetime

from django_scopes import scope

from slik.cases import services as case_services
from slik.cases.models import PhasePeriod

from .. import services


def create_case(org, actor, title="Ungdom inn i arbeid", *, started_on=None, **fields):
    with scope(organisation=org.pk):
        return case_services.case_create(
            actor=actor, organisation=org, title=title, started_on=started_on, **fields
        )


def set_phase(case, phase, *, status="active", since=None):
    """Put a case in a phase directly (test set-up, not a gate decision)."""
    with scope(organisation=case.organisation_id):
        PhasePeriod.objects.filter(case=case).delete()
        PhasePeriod.objects.create(
            case=case, phase=phase, started_on=since or datetime.date.today()
        )
        case.phase, case.status = phase, status
        case.save(update_fields=["phase", "status"])
    return case


REPORT_VALUES = {
    "reported_on": datetime.date(2024, 5, 1),
    "overall": "on_plan",
    "overall_comment": "Går bra",
    "time": "minor_delays",
    "budget": "on_plan",
    "quality": "on_plan",
    "risk": "ahead",
    "benefits": "not_started",
}


def create_report(case, actor, *, publish=False, publisher=None, **fields):
    with scope(organisation=case.organisation_id):
        report = services.status_report_create(
            actor=actor, case=case, **{**REPORT_VALUES, **fields}
        )
        if publish:
            report = services.status_report_publish(actor=publisher or actor, report=report)
    return report


def owned_case(org, coordinator, project_leader):
    """The case most tests use: owned by the project leader, started on 1 January 2024."""
    return create_case(org, coordinator, owner=project_leader, started_on=datetime.date(2024, 1, 1))
