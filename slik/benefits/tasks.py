"""Background work for benefits: measurement reminders (run daily by `benefits_remind`)."""

from __future__ import annotations

import datetime

from django_scopes import scope
from django_tasks import task

from slik.organisations.models import Organisation


@task()
def send_measurement_reminders(organisation_id: int | None = None, today: str | None = None):
    """Create due measurement tasks and e-mail each assignee once, per organisation.

    Takes ids only and enters each tenant's scope itself, so no stale object or tenant leaks.
    """
    from .services.reminders import (
        measurement_reminders_send,
        measurement_tasks_create,
        measurement_tasks_sync,
    )

    day = datetime.date.fromisoformat(today) if today else None
    organisations = Organisation.objects.order_by("id")
    if organisation_id is not None:
        organisations = organisations.filter(pk=organisation_id)
    totals = {"tasks": 0, "emails": 0}
    for organisation in organisations:
        with scope(organisation=organisation.pk):
            measurement_tasks_sync(organisation_id=organisation.pk)
            totals["tasks"] += len(
                measurement_tasks_create(organisation_id=organisation.pk, today=day)
            )
            totals["emails"] += measurement_reminders_send(organisation=organisation)
    return totals
