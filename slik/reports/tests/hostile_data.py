"""One organisation whose every printed field holds hostile text (see slik.core.tests.hostile):
names, the organisation's name, a case with its floke, gates, decisions, hypotheses and team,
a benefit with a category and indicator, a commission, a plan goal, a status report and a
board meeting. `noise` is appended to every text – control characters, for the exports."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone
from django_scopes import scope

TODAY = timezone.localdate()
# Characters XML cannot hold; a form takes them (only NUL is refused by Django).
CONTROL = "\x01\x1b"


@dataclass(frozen=True)
class Texts:
    probe: object
    noise: str = ""

    def short(self) -> str:
        return self.probe.short() + self.noise

    def text(self) -> str:
        return self.probe.text() + self.noise

    def long(self) -> str:
        return self.probe.long() + self.noise


def _people(org, t: Texts, users) -> None:
    from slik.accounts.models import User
    from slik.organisations.models import Organisation

    User.objects.filter(pk__in=[u.pk for u in users]).update(full_name=t.short())
    Organisation.objects.filter(pk=org.pk).update(name=t.text(), short_name=t.short())
    org.refresh_from_db()


def _case(org, actor, owner, t: Texts):
    from slik.cases.models import CaseDecision, GateDecision, Hypothesis, Responsibility
    from slik.cases.services import case_create
    from slik.challenges.models import Challenge

    floke = Challenge.objects.create(organisation=org, title=t.text())
    case = case_create(
        actor=actor, organisation=org, title=t.text(), challenges=[floke], owner=owner,
        leader=owner, summary=t.long(), units=t.text(), partners=t.text(),
        started_on=TODAY - datetime.timedelta(days=400), budget=Decimal(1000),
    )  # fmt: skip
    # Postponed, so the council report lists it under decisions; published, so the reports
    # for politicians show it at all.
    case.status, case.is_published = case.Status.POSTPONED, True
    case.save(update_fields=["status", "is_published"])
    GateDecision.objects.create(
        case=case, from_phase=1, to_phase=2, decision="go", decided_by=t.text(),
        decided_on=TODAY, conditions=t.long(),
    )  # fmt: skip
    CaseDecision.objects.create(case=case, title=t.text(), decided_by=t.text(), decided_on=TODAY)
    Hypothesis.objects.create(case=case, statement=t.long(), learning=t.long())
    Responsibility.objects.create(case=case, name=t.text(), area=t.text(), raci="R")
    Responsibility.objects.create(case=case, user=owner, area=t.text(), raci="A")
    return case


def _benefits(org, case, owner, t: Texts) -> None:
    from slik.benefits.models import Benefit, BenefitCategory, Indicator, Measurement
    from slik.benefits.services.summaries import indicator_summaries_update

    category = BenefitCategory.objects.create(
        organisation=org, category_set="hostile", name=t.short()
    )
    benefit = Benefit.objects.create(
        organisation=org, case=case, title=t.text(), description=t.long(),
        category=category, responsible=owner, owner=owner, status="partly_realised",
    )  # fmt: skip
    indicator = Indicator.objects.create(
        benefit=benefit, name=t.text(), unit=t.probe.image_url, direction="lower",
        baseline_value=Decimal(500), baseline_on=TODAY - datetime.timedelta(days=300),
        target_value=Decimal(300), target_on=TODAY + datetime.timedelta(days=300),
        data_source=t.text(), method=t.long(),
    )  # fmt: skip
    Measurement.objects.create(
        indicator=indicator, measured_on=TODAY, value=Decimal(400), comment=t.text()
    )
    indicator_summaries_update([indicator.pk])


def _portfolio(org, case, t: Texts):
    from slik.portfolio.models import AgendaItem, BoardMeeting, Commission, PlanGoal, StatusReport

    commission = Commission.objects.create(
        organisation=org, body=t.short(), decided_on=TODAY, case_number="24/1",
        title=t.text(), text=t.long(), status_comment=t.long(),
    )  # fmt: skip
    commission.cases.add(case)
    goal = PlanGoal.objects.create(
        organisation=org, source="community_plan", title=t.text(), year=TODAY.year
    )
    goal.cases.add(case)
    formula = PlanGoal.objects.create(
        organisation=org, source="community_plan", year=TODAY.year,
        title=f'{CONTROL}=HYPERLINK("{t.probe.image_url}","x")',
    )  # fmt: skip
    formula.cases.add(case)
    StatusReport.objects.create(
        case=case, reported_on=TODAY, overall="delayed", overall_comment=t.long(),
        risk="delayed", risk_comment=t.long(), published_at=datetime.datetime.now(datetime.UTC),
    )  # fmt: skip
    meeting = BoardMeeting.objects.create(
        organisation=org, title=t.text(), held_on=TODAY,
        participants=f"{t.text()}\n{t.short()}", notes=t.long(),
    )  # fmt: skip
    AgendaItem.objects.create(meeting=meeting, case=case, decision="adjust", comment=t.long())
    return meeting


def build_hostile(org, actor, people, probe, *, noise: str = "") -> dict:
    """The hostile organisation's data; returns the report parameters that point at it."""
    texts = Texts(probe, noise)
    assert len(texts.text()) <= 200 and len(texts.short()) <= 100
    _people(org, texts, people)
    with scope(organisation=org.pk):
        case = _case(org, actor, people[-1], texts)
        _benefits(org, case, people[-1], texts)
        meeting = _portfolio(org, case, texts)
    return {"case_id": case.pk, "meeting_id": meeting.pk, "year": TODAY.year}
