"""The demo's portfolio steering and council report, played through the portfolio and reports
services so history, audit, gate decisions and the report file are real.

Runs inside Hvaler's scope, after the cases and benefits. Every part is idempotent on its own:
a demo loaded before the portfolio app existed gets the missing parts on the next `load_demo`,
and a second run adds nothing.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext_lazy

from slik.benefits.models import Benefit
from slik.cases import services as case_services
from slik.cases.models import Case
from slik.challenges.models import Challenge
from slik.portfolio import services as portfolio_services
from slik.portfolio.models import BoardMeeting, Commission, PlanGoal, StatusReport
from slik.portfolio.services import board as board_services
from slik.portfolio.services import goals as goal_services
from slik.portfolio.services.settings import portfolio_settings_for
from slik.reports import services as report_services
from slik.reports.models import ReportRun

from . import data_portfolio as data
from .data_floker import FLOKER

COUNCIL_REPORT = "council_report"


def build_portfolio(*, organisation, people) -> list[str]:
    """The parts that were missing and are now added (empty when all were there)."""
    demo = _Demo(organisation=organisation, people=people)
    # Named in the language load_demo prints in (the build itself runs in bokmål).
    parts = (
        (gettext_lazy("resources"), demo.resources),
        (gettext_lazy("capacity"), demo.capacity),
        (gettext_lazy("plan goals"), demo.goals),
        (gettext_lazy("commissions"), demo.commissions),
        (gettext_lazy("status reports"), demo.status_reports),
        (gettext_lazy("board meetings"), demo.meetings),
        (gettext_lazy("council report"), demo.council_report),
    )
    return [name for name, build in parts if build()]


def _day(today: datetime.date, days_ago: int) -> datetime.date:
    return today - datetime.timedelta(days=days_ago)


class _Demo:
    def __init__(self, *, organisation, people):
        self.org, self.people = organisation, people
        self.today = timezone.localdate()
        self.cases = {case.title: case for case in Case.objects.filter(organisation=organisation)}

    def _cases(self, titles) -> list[Case]:
        return [self.cases[title] for title in titles if title in self.cases]

    def resources(self) -> bool:
        changed = False
        for title, (budget, hours) in data.RESOURCES.items():
            case = self.cases.get(title)
            if case is not None and case.budget is None and case.hours is None:
                case_services.case_update(
                    actor=self.people["coordinator"], case=case, budget=Decimal(budget), hours=hours
                )
                changed = True
        return changed

    def capacity(self) -> bool:
        if portfolio_settings_for(self.org).wip_limit is not None:
            return False
        portfolio_services.portfolio_settings_update(
            actor=self.people["coordinator"],
            organisation=self.org,
            wip_limit=data.WIP_LIMIT,
            stuck_after_days=data.STUCK_AFTER_DAYS,
        )
        return True

    def goals(self) -> bool:
        if PlanGoal.objects.filter(organisation=self.org).exists():
            return False
        benefits = {b.title: b for b in Benefit.objects.filter(organisation=self.org)}
        for spec in data.PLAN_GOALS:
            goal_services.plan_goal_create(
                actor=self.people["coordinator"],
                organisation=self.org,
                source=spec["source"],
                title=spec["title"],
                description=spec["description"],
                year=self.today.year - spec["years_ago"],
                reference=spec["reference"],
                cases=self._cases(spec["cases"]),
                benefits=[benefits[title] for title in spec["benefits"] if title in benefits],
            )
        return True

    def commissions(self) -> bool:
        if Commission.objects.filter(organisation=self.org).exists():
            return False
        titles = {spec["key"]: spec["title"] for spec in FLOKER}
        floker = {c.title: c for c in Challenge.objects.filter(organisation=self.org)}
        goals = {g.title: g for g in PlanGoal.objects.filter(organisation=self.org)}
        coordinator = self.people["coordinator"]
        for spec in data.COMMISSIONS:
            decided_on = _day(self.today, spec["days"])
            commission = goal_services.commission_create(
                actor=coordinator,
                organisation=self.org,
                body=spec["body"],
                decided_on=decided_on,
                case_number=f"{decided_on.year % 100:02d}/{spec['number']}",
                title=spec["title"],
                text=spec["text"],
                challenges=[floker[titles[k]] for k in spec["floker"] if titles[k] in floker],
                plan_goals=[goals[title] for title in spec["goals"] if title in goals],
            )
            if spec["cases"]:
                goal_services.commission_link_cases(
                    actor=coordinator, commission=commission, cases=self._cases(spec["cases"])
                )
            if spec["status"] != commission.status:
                goal_services.commission_set_status(
                    actor=coordinator,
                    commission=commission,
                    status=spec["status"],
                    status_comment=spec["status_comment"],
                )
        return True

    def status_reports(self) -> bool:
        if StatusReport.objects.filter(case__organisation=self.org).exists():
            return False
        actor = self.people["project_leader"]
        for title, days_ago, published, levels in data.STATUS_REPORTS:
            case = self.cases.get(title)
            if case is None:
                continue
            fields = {"reported_on": _day(self.today, days_ago)}
            for dimension in data.STATUS_DIMENSIONS:
                fields[dimension], fields[f"{dimension}_comment"] = levels[dimension]
            report = portfolio_services.status_report_create(actor=actor, case=case, **fields)
            if published:
                portfolio_services.status_report_publish(actor=actor, report=report)
        return True

    def meetings(self) -> bool:
        if BoardMeeting.objects.filter(organisation=self.org).exists():
            return False
        self._held_meeting(data.HELD_MEETING)
        spec = data.UPCOMING_MEETING
        meeting = self._meeting(spec)
        for case in self._cases(spec["items"]):
            board_services.agenda_item_add(
                actor=self.people["coordinator"], meeting=meeting, case=case
            )
        return True

    def _meeting(self, spec) -> BoardMeeting:
        return board_services.board_meeting_create(
            actor=self.people["coordinator"],
            organisation=self.org,
            title=spec["title"],
            held_on=_day(self.today, spec["days"]),
            participants=spec["participants"],
            notes=spec["notes"],
        )

    def _held_meeting(self, spec) -> None:
        """Two decisions – one through a gate (continue), one adjusting – and closed minutes."""
        coordinator = self.people["coordinator"]
        meeting = self._meeting(spec)
        for title, decision, comment in spec["items"]:
            case = self.cases.get(title)
            if case is None:
                continue
            item = board_services.agenda_item_add(actor=coordinator, meeting=meeting, case=case)
            board_services.agenda_item_decide(
                actor=coordinator,
                item=item,
                decision=decision,
                comment=comment,
                confirm_warnings=True,
            )
        board_services.board_meeting_close(actor=coordinator, meeting=meeting)

    def council_report(self) -> bool:
        """Ordered, rendered here (not by the worker, so the file exists at once) and published."""
        if ReportRun.objects.filter(organisation=self.org, report=COUNCIL_REPORT).exists():
            return False
        leader = self.people["leader"]
        run = report_services.report_order(
            actor=leader,
            organisation=self.org,
            key=COUNCIL_REPORT,
            file_format="pdf",
            parameters={},
            language="nb",
        )
        run = report_services.report_run_execute(run_id=run.pk)
        if run.status != ReportRun.Status.DONE:
            raise RuntimeError(f"The demo's council report failed: {run.error}")
        report_services.report_publish(actor=leader, run=run)
        return True
