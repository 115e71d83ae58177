"""Measurement tasks as their assignee reads them: the task list and the calendar feed."""

from __future__ import annotations

import re

from django.db.models import Exists, F, OuterRef, Q
from django_scopes import scope

from slik.organisations.tenancy import memberships_of

from ..models import CalendarToken, Measurement, MeasurementTask

TOKEN_RE = re.compile(r"^[A-Za-z0-9_-]{32,64}$")


def _covering_measurements():
    """Measurements of the task's indicator that close it (a subquery)."""
    return Measurement.objects.filter(
        indicator=OuterRef("indicator"), measured_on__gte=OuterRef("covered_from")
    )


def open_tasks(queryset):
    """Open tasks not yet covered by a measurement (lazy completion for the list and feed)."""
    return queryset.filter(status=MeasurementTask.Status.OPEN).exclude(
        Exists(_covering_measurements())
    )


def covered_tasks(queryset):
    """Open tasks a measurement has covered since (recorded by any path)."""
    return queryset.filter(status=MeasurementTask.Status.OPEN).filter(
        Exists(_covering_measurements())
    )


def my_tasks(*, user, organisation_ids, include_done: bool = False):
    """The user's measurement tasks across the given organisations (call inside their scope)."""
    tasks = MeasurementTask.objects.filter(
        assignee=user, indicator__benefit__organisation_id__in=organisation_ids
    ).select_related("indicator__benefit__case", "indicator__benefit__organisation")
    if not include_done:
        tasks = open_tasks(tasks)
    return tasks.annotate(case_title=F("indicator__benefit__case__title")).order_by("due_on", "id")


def tasks_found(*, user, organisation_ids, filters: dict):
    """The task list: the user's tasks (open, or all with `vis=all`), searched by indicator and
    case, optionally in one organisation (call inside the organisations' scope)."""
    tasks = my_tasks(
        user=user, organisation_ids=organisation_ids, include_done=filters["vis"] == "all"
    )
    if query := filters["q"]:
        in_case = Q(indicator__benefit__case__title__icontains=query)
        tasks = tasks.filter(Q(indicator__name__icontains=query) | in_case)
    if filters["kommune"]:
        tasks = tasks.filter(indicator__benefit__organisation_id=filters["kommune"])
    return tasks


def feed_tasks(*, user) -> list[MeasurementTask]:
    """The user's open tasks in every organisation they belong to, for the calendar feed
    (which has no tenant of its own: it enters the scope of the user's organisations)."""
    organisation_ids = list(memberships_of(user))
    with scope(organisation=organisation_ids):
        return list(my_tasks(user=user, organisation_ids=organisation_ids))


def user_for_token(token: str):
    """The active user whose secret calendar address this is; None for any other token."""
    if not TOKEN_RE.match(token or ""):
        return None
    found = CalendarToken.objects.select_related("user").filter(token=token).first()
    if found is None or not found.user.is_active:
        return None
    return found.user
