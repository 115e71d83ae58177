"""Measurement reminders: which indicators fall due, tasks for the benefit responsible, e-mail.

A measurement falls due one period after the latest measurement (or the baseline date), or on
each explicit date in `measurement_dates`. Tasks are created a few days ahead so they show in
the calendar feed, once per indicator and due date (the unique constraint makes reruns safe).
A task counts as done once a measurement is recorded on or after (due date − look-ahead).
"""

from __future__ import annotations

import calendar
import datetime
import logging
from collections import defaultdict

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Exists, F, Max, OuterRef
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from slik.core.audit import audit_log

from ..models import Benefit, Indicator, Measurement, MeasurementTask

logger = logging.getLogger(__name__)

LOOKAHEAD_DAYS = 7
PERIOD_MONTHS = {
    Indicator.Frequency.MONTHLY: 1,
    Indicator.Frequency.QUARTERLY: 3,
    Indicator.Frequency.YEARLY: 12,
}


def add_period(day: datetime.date, frequency: str) -> datetime.date | None:
    if frequency == Indicator.Frequency.WEEKLY:
        return day + datetime.timedelta(weeks=1)
    months = PERIOD_MONTHS.get(frequency)
    if months is None:
        return None
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def _explicit_dates(indicator) -> list[datetime.date]:
    dates = []
    for value in indicator.measurement_dates or []:
        try:
            dates.append(datetime.date.fromisoformat(str(value)))
        except ValueError:
            continue
    return sorted(dates)


def next_due_dates(indicator, *, latest: datetime.date | None, today: datetime.date) -> list:
    """The due dates up to today + look-ahead not yet covered by a measurement."""
    horizon = today + datetime.timedelta(days=LOOKAHEAD_DAYS)
    if indicator.frequency == Indicator.Frequency.DATES:
        return [
            d for d in _explicit_dates(indicator) if (latest is None or d > latest) and d <= horizon
        ]
    anchor = latest or indicator.baseline_on
    due = add_period(anchor, indicator.frequency) if anchor else None
    return [due] if due is not None and due <= horizon else []


def is_covered(due_on: datetime.date, measured_on: datetime.date) -> bool:
    return measured_on >= due_on - datetime.timedelta(days=LOOKAHEAD_DAYS)


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
            indicator=indicator, due_on=due_on, assignee_id=indicator.benefit.responsible_id
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
        due_on__lte=measured_on + datetime.timedelta(days=LOOKAHEAD_DAYS),
    ).update(status=MeasurementTask.Status.DONE)


def measurement_tasks_sync(*, organisation_id: int) -> int:
    """Close open tasks already covered by a measurement (recorded by any path)."""
    covering = Measurement.objects.filter(
        indicator=OuterRef("indicator"),
        measured_on__gte=OuterRef("due_on") - datetime.timedelta(days=LOOKAHEAD_DAYS),
    )
    return (
        MeasurementTask.objects.filter(
            indicator__benefit__organisation_id=organisation_id, status=MeasurementTask.Status.OPEN
        )
        .filter(Exists(covering))
        .update(status=MeasurementTask.Status.DONE)
    )


def open_tasks(queryset):
    """Open tasks not yet covered by a measurement (lazy completion for the list and feed)."""
    covering = Measurement.objects.filter(
        indicator=OuterRef("indicator"),
        measured_on__gte=OuterRef("due_on") - datetime.timedelta(days=LOOKAHEAD_DAYS),
    )
    return queryset.filter(status=MeasurementTask.Status.OPEN).exclude(Exists(covering))


def _tasks_page_url(organisation) -> str:
    path = reverse("benefits:tasks", kwargs={"org_slug": organisation.slug})
    return getattr(settings, "SLIK_BASE_URL", "").rstrip("/") + path


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
                    "date": task.due_on.strftime("%d.%m.%Y"),
                    "indicator": task.indicator.name,
                    "case": task.indicator.benefit.case.title,
                }
                for task in user_tasks
            ]
            body = "\n".join(
                [_("These measurements are due:"), "", *lines, "", _tasks_page_url(organisation)]
            )
            send_mail(_("Measurements due in SLIK"), body, None, [user.email])
        MeasurementTask.objects.filter(pk__in=[t.pk for t in user_tasks]).update(
            notified_at=timezone.now()
        )
        sent += 1
    return sent


def my_tasks(*, user, organisation_ids, include_done: bool = False):
    """The user's measurement tasks across the given organisations (call inside their scope)."""
    tasks = MeasurementTask.objects.filter(
        assignee=user, indicator__benefit__organisation_id__in=organisation_ids
    ).select_related("indicator__benefit__case", "indicator__benefit__organisation")
    if not include_done:
        tasks = open_tasks(tasks)
    return tasks.annotate(case_title=F("indicator__benefit__case__title")).order_by("due_on", "id")
