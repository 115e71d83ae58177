"""Measurement reminders: which indicators fall due, tasks for the benefit responsible, e-mail.

A measurement falls due one period after the latest measurement (or the baseline date), or on
each explicit date in `measurement_dates`. Tasks are created a few days ahead (the lead) so they
show in the calendar feed, once per indicator and due date (the unique constraint makes reruns
safe). A task counts as done once a measurement is recorded on or after its `covered_from`,
the due date less the lead, stored on the task so that no query does date arithmetic.
The lead must stay shorter than the period: with a 7-day lead a weekly indicator's previous
measurement already "covered" the next due date, so weekly tasks never stayed open.
Due dates outside the accepted range (an old row near year 9999) are skipped, not computed.
"""

from __future__ import annotations

import datetime
import logging
from collections import defaultdict

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from slik.core.audit import audit_log
from slik.core.dates import add_days, add_months, in_range
from slik.core.formats import format_date

from ..models import Benefit, Indicator, MeasurementTask
from ..selectors.tasks import covered_tasks, open_tasks

logger = logging.getLogger(__name__)

LOOKAHEAD_DAYS = 7
# Shorter than the period, so the previous measurement never counts for the next one.
LEAD_DAYS = {Indicator.Frequency.WEEKLY: 3}
PERIOD_MONTHS = {
    Indicator.Frequency.MONTHLY: 1,
    Indicator.Frequency.QUARTERLY: 3,
    Indicator.Frequency.YEARLY: 12,
}


def lead_days(frequency: str) -> int:
    return LEAD_DAYS.get(frequency, LOOKAHEAD_DAYS)


def add_period(day: datetime.date, frequency: str) -> datetime.date | None:
    if frequency == Indicator.Frequency.WEEKLY:
        return add_days(day, 7)
    months = PERIOD_MONTHS.get(frequency)
    if months is None:
        return None
    return add_months(day, months)


def next_due_dates(indicator, *, latest: datetime.date | None, today: datetime.date) -> list:
    """The due dates up to today + lead not yet covered by a measurement."""
    horizon = add_days(today, lead_days(indicator.frequency))
    if indicator.frequency == Indicator.Frequency.DATES:
        due_dates = [d for d in indicator.planned_dates() if latest is None or d > latest]
    else:
        anchor = latest or indicator.baseline_on
        due_dates = [add_period(anchor, indicator.frequency)] if anchor else []
    return [d for d in due_dates if d is not None and in_range(d) and d <= horizon]


def covered_from(indicator, due_on: datetime.date) -> datetime.date:
    """The first day a measurement counts for a task due on `due_on`: the lead before it, but
    never on or before the planned date before it (planned dates may lie closer together than
    the lead, and each needs its own measurement)."""
    start = add_days(due_on, -lead_days(indicator.frequency))
    if indicator.frequency == Indicator.Frequency.DATES:
        earlier = [d for d in indicator.planned_dates() if d < due_on]
        if earlier:
            start = max(start, add_days(earlier[-1], 1))
    return start


def _due_indicators(organisation_id):
    return (
        Indicator.objects.filter(
            benefit__organisation_id=organisation_id, benefit__status__in=Benefit.OPEN_STATUSES
        )
        .select_related("benefit")
        .annotate(latest=Max("measurements__measured_on"))
    )


@transaction.atomic
def measurement_tasks_create(*, organisation_id: int, today=None) -> list[MeasurementTask]:
    """Create the tasks that have fallen due in one organisation (call inside its scope)."""
    today = today or timezone.localdate()
    wanted = []
    for indicator in _due_indicators(organisation_id):
        for due_on in next_due_dates(indicator, latest=indicator.latest, today=today):
            wanted.append((indicator, due_on))
    if not wanted:
        return []
    existing = set(
        MeasurementTask.objects.filter(indicator__in=[i for i, _d in wanted]).values_list(
            "indicator_id", "due_on"
        )
    )
    created = []
    for indicator, due_on in wanted:
        if (indicator.pk, due_on) in existing:
            continue
        task = MeasurementTask.objects.create(
            indicator=indicator,
            due_on=due_on,
            covered_from=covered_from(indicator, due_on),
            assignee_id=indicator.benefit.responsible_id,
        )
        audit_log(
            actor=None,
            action="measurement_task.created",
            obj=indicator,
            organisation=indicator.benefit.organisation,
            data={"due_on": due_on, "assignee": indicator.benefit.responsible_id},
        )
        created.append(task)
    return created


def measurement_tasks_complete(*, indicator, measured_on: datetime.date) -> int:
    """Mark the indicator's open tasks done that a measurement on `measured_on` covers.

    Call it after recording a measurement; the task list also checks this lazily.
    """
    return MeasurementTask.objects.filter(
        indicator=indicator,
        status=MeasurementTask.Status.OPEN,
        covered_from__lte=measured_on,
    ).update(status=MeasurementTask.Status.DONE)


def measurement_tasks_sync(*, organisation_id: int) -> int:
    """Close open tasks already covered by a measurement (recorded by any path)."""
    tasks = MeasurementTask.objects.filter(indicator__benefit__organisation_id=organisation_id)
    return covered_tasks(tasks).update(status=MeasurementTask.Status.DONE)


def tasks_page_url(organisation) -> str:
    """Absolute: the e-mail is read outside SLIK, where a bare path leads nowhere."""
    return settings.SITE_URL + reverse("benefits:tasks", kwargs={"org_slug": organisation.slug})


def measurement_reminders_send(*, organisation) -> int:
    """E-mail each assignee once about their new tasks; returns the number of e-mails sent."""
    tasks = (
        open_tasks(MeasurementTask.objects.filter(indicator__benefit__organisation=organisation))
        .filter(notified_at__isnull=True, assignee__isnull=False)
        .exclude(assignee__email="")
        .select_related("assignee", "indicator__benefit__case")
        .order_by("assignee_id", "due_on", "id")
    )
    by_user = defaultdict(list)
    for task in tasks:
        by_user[task.assignee].append(task)
    sent = 0
    for user, user_tasks in by_user.items():
        with translation.override(getattr(user, "language", None) or settings.LANGUAGE_CODE):
            lines = [
                _("%(date)s: %(indicator)s (%(case)s)")
                % {
                    "date": format_date(task.due_on),
                    "indicator": task.indicator.name,
                    "case": task.indicator.benefit.case.title,
                }
                for task in user_tasks
            ]
            body = "\n".join(
                [_("These measurements are due:"), "", *lines, "", tasks_page_url(organisation)]
            )
            send_mail(_("Measurements due in SLIK"), body, None, [user.email])
        MeasurementTask.objects.filter(pk__in=[t.pk for t in user_tasks]).update(
            notified_at=timezone.now()
        )
        sent += 1
    return sent
