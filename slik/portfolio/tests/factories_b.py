"""Shared helpers of portfolio engineer B's tests (board meetings, plan goals, commissions)."""

import datetime

import pytest
from django_scopes import scope

from slik.cases import services as case_services
from slik.cases.models import PhasePeriod

from ..services import board as board_services
from ..services import goals as goal_services

TODAY = datetime.date.today()
YESTERDAY = TODAY - datetime.timedelta(days=1)


def make_case(org, actor, title="Ungdom inn i arbeid", **fields):
    with scope(organisation=org.pk):
        return case_services.case_create(actor=actor, organisation=org, title=title, **fields)


def put_in_phase(case, phase, status="active"):
    """Set-up only: put a case in a phase without a gate decision."""
    with scope(organisation=case.organisation_id):
        PhasePeriod.objects.filter(case=case).delete()
        PhasePeriod.objects.create(case=case, phase=phase, started_on=YESTERDAY)
        case.phase, case.status = phase, status
        case.save(update_fields=["phase", "status"])
    return case


def make_meeting(org, actor, title="Porteføljerådet mars", held_on=YESTERDAY, **extra):
    with scope(organisation=org.pk):
        return board_services.board_meeting_create(
            actor=actor,
            organisation=org,
            title=title,
            held_on=held_on,
            participants=extra.pop("participants", "Lars Leder, kommunedirektør\nKari K."),
            **extra,
        )


def add_item(meeting, case, actor):
    with scope(organisation=meeting.organisation_id):
        return board_services.agenda_item_add(actor=actor, meeting=meeting, case=case)


def make_goal(org, actor, title="Flere unge i arbeid", **extra):
    values = {"source": "community_plan", "year": 2025, "reference": "Kap. 3"}
    values.update(extra)
    with scope(organisation=org.pk):
        return goal_services.plan_goal_create(actor=actor, organisation=org, title=title, **values)


def make_commission(org, actor, title="Innovasjon i eldreomsorgen", **extra):
    values = {
        "body": "Kommunestyret",
        "decided_on": datetime.date(2025, 2, 13),
        "case_number": "25/123",
        "text": "Kommunestyret ber kommunedirektøren om å prøve ut nye løsninger.",
    }
    values.update(extra)
    with scope(organisation=org.pk):
        return goal_services.commission_create(actor=actor, organisation=org, title=title, **values)


@pytest.fixture
def board_case(org, coordinator, project_leader):
    return make_case(org, coordinator, owner=project_leader)


@pytest.fixture
def meeting(org, leader):
    return make_meeting(org, leader)


@pytest.fixture
def item(meeting, board_case, leader):
    return add_item(meeting, board_case, leader)
