"""Background work for benefits: measurement reminders (run daily by `benefits_remind`)."""

from __future__ import annotations

import datetime
import logging

from django.db import transaction
from django_scopes import scope
from django_tasks import task

from slik.organisations.models import Organisation

logger = logging.getLogger(__name__)


@task()
def send_measurement_reminders(organisation_id: int | None = None, today: str | None = None):
    """Create due measurement tasks and e-mail each assignee once, per organisation.

    Takes ids only and enters each tenant's scope itself, so no stale object or tenant leaks.
    Each organisation is handled on its own: a failure in one (a bad row, a mail server that
    refuses an address) is logged and named in `failed`, and the others still get their tasks.
    """
    day = datetime.date.fromisoformat(today) if today else None
    organisations = Organisation.objects.order_by("id")
    if organisation_id is not None:
        organisations = organisations.filter(pk=organisation_id)
    totals = {"tasks": 0, "emails": 0, "failed": []}
    for organisation in organisations:
        try:
            tasks, emails = _remind_organisation(organisation, day)
        except Exception:  # noqa: BLE001 – one organisation must never stop the others
            logger.exception("Measurement reminders failed for organisation %s", organisation.slug)
            totals["failed"].append(organisation.slug)
            continue
        totals["tasks"] += tasks
        totals["emails"] += emails
    return totals


def _remind_organisation(organisation, day) -> tuple[int, int]:
    from .services.reminders import (
        measurement_reminders_send,
        measurement_tasks_create,
        measurement_tasks_sync,
    )

    with scope(organisation=organisation.pk):
        # A savepoint, so a database error here leaves the connection usable for the next one.
        with transaction.atomic():
            measurement_tasks_sync(organisation_id=organisation.pk)
            tasks = len(measurement_tasks_create(organisation_id=organisation.pk, today=day))
        # Sent outside the savepoint: each e-mail marks its tasks notified as it goes, so a
        # refusal halfway never makes the next run send the same e-mail twice.
        return tasks, measurement_reminders_send(organisation=organisation)
