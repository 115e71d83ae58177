"""factory-boy factories for the portfolio, built through its services as the app builds them
(audited, validated). Cases come from the cases app's CaseFactory and `set_phase`."""

import datetime

import factory
from django.utils import timezone
from django_scopes import scope

from slik.cases.tests.factories import CaseFactory
from slik.organisations.models import Membership
from slik.organisations.tests.factories import OrganisationFactory, member

from ..models import AgendaItem, BoardMeeting, Commission, PlanGoal, StatusReport
from ..services import board as board_services
from ..services import goals as goal_services
from ..services import status as status_services


def yesterday() -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=1)


def _leader(organisation):
    return member(organisation, Membership.Role.LEADER)


class StatusReportFactory(factory.Factory):
    """A draft status report of a case; `publish=True` publishes it (by `publisher`, else by
    the author)."""

    class Meta:
        model = StatusReport

    case = factory.SubFactory(CaseFactory)
    actor = factory.LazyAttribute(lambda o: _leader(o.case.organisation))
    publish = False
    publisher = None
    reported_on = datetime.date(2024, 5, 1)
    overall = "on_plan"
    overall_comment = "Går bra"
    time = "minor_delays"
    budget = "on_plan"
    quality = "on_plan"
    risk = "ahead"
    benefits = "not_started"

    @classmethod
    def _create(cls, model_class, *, case, actor, publish, publisher, **fields):
        with scope(organisation=case.organisation_id):
            report = status_services.status_report_create(actor=actor, case=case, **fields)
            if publish:
                report = status_services.status_report_publish(
                    actor=publisher or actor, report=report
                )
        return report


class BoardMeetingFactory(factory.Factory):
    """A meeting held yesterday, so decisions can be recorded on it."""

    class Meta:
        model = BoardMeeting

    organisation = factory.SubFactory(OrganisationFactory)
    actor = factory.LazyAttribute(lambda o: _leader(o.organisation))
    title = "Porteføljerådet mars"
    held_on = factory.LazyFunction(yesterday)
    participants = "Lars Leder, kommunedirektør\nKari K."

    @classmethod
    def _create(cls, model_class, *, organisation, actor, **fields):
        with scope(organisation=organisation.pk):
            return board_services.board_meeting_create(
                actor=actor, organisation=organisation, **fields
            )


class AgendaItemFactory(factory.Factory):
    """A case of the meeting's organisation on its agenda, not decided yet."""

    class Meta:
        model = AgendaItem

    meeting = factory.SubFactory(BoardMeetingFactory)
    case = factory.SubFactory(
        CaseFactory, organisation=factory.SelfAttribute("..meeting.organisation")
    )
    actor = factory.LazyAttribute(lambda o: _leader(o.meeting.organisation))

    @classmethod
    def _create(cls, model_class, *, meeting, case, actor):
        with scope(organisation=meeting.organisation_id):
            return board_services.agenda_item_add(actor=actor, meeting=meeting, case=case)


class PlanGoalFactory(factory.Factory):
    class Meta:
        model = PlanGoal

    organisation = factory.SubFactory(OrganisationFactory)
    actor = factory.LazyAttribute(lambda o: _leader(o.organisation))
    title = "Flere unge i arbeid"
    source = PlanGoal.Source.COMMUNITY_PLAN
    year = 2025
    reference = "Kap. 3"

    @classmethod
    def _create(cls, model_class, *, organisation, actor, **fields):
        with scope(organisation=organisation.pk):
            return goal_services.plan_goal_create(actor=actor, organisation=organisation, **fields)


class CommissionFactory(factory.Factory):
    """A council decision that orders innovation."""

    class Meta:
        model = Commission

    organisation = factory.SubFactory(OrganisationFactory)
    actor = factory.LazyAttribute(lambda o: _leader(o.organisation))
    title = "Innovasjon i eldreomsorgen"
    body = "Kommunestyret"
    decided_on = datetime.date(2025, 2, 13)
    case_number = "25/123"
    text = "Kommunestyret ber kommunedirektøren om å prøve ut nye løsninger."

    @classmethod
    def _create(cls, model_class, *, organisation, actor, **fields):
        with scope(organisation=organisation.pk):
            return goal_services.commission_create(actor=actor, organisation=organisation, **fields)
