"""The personal calendar feed: one all-day event per due measurement, across organisations."""

from __future__ import annotations

import re

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_scopes import scope
from icalendar import Calendar, Event

from slik.core.audit import audit_log
from slik.core.dates import add_days
from slik.organisations.tenancy import memberships_of

from .models import CalendarToken
from .models.calendar import new_calendar_token
from .services.reminders import my_tasks, tasks_page_url

TOKEN_RE = re.compile(r"^[A-Za-z0-9_-]{32,64}$")


def calendar_token_for(*, user) -> CalendarToken:
    token, _created = CalendarToken.objects.get_or_create(user=user)
    return token


@transaction.atomic
def calendar_token_regenerate(*, actor) -> CalendarToken:
    """A new secret address; the old one stops working at once."""
    token, created = CalendarToken.objects.select_for_update().get_or_create(user=actor)
    if not created:
        token.token = new_calendar_token()
        token.created_at = timezone.now()
        token.save(update_fields=["token", "created_at"])
    audit_log(actor=actor, action="calendar_token.regenerated", obj=token, organisation=None)
    return token


def user_for_token(token: str):
    if not TOKEN_RE.match(token or ""):
        return None
    found = CalendarToken.objects.select_related("user").filter(token=token).first()
    if found is None or not found.user.is_active:
        return None
    return found.user


def calendar_feed(*, user) -> bytes:
    """iCalendar text with the user's open measurement tasks in every organisation."""
    organisation_ids = list(memberships_of(user))
    cal = Calendar()
    cal.add("prodid", "-//SLIK//gevinstrealisering//NB")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", _("SLIK measurements"))
    stamp = timezone.now()
    with scope(organisation=organisation_ids):
        tasks = list(my_tasks(user=user, organisation_ids=organisation_ids))
    for task in tasks:
        indicator = task.indicator
        event = Event()
        event.add("uid", f"measurement-task-{task.pk}@slik")
        event.add("dtstamp", stamp)
        event.add("dtstart", task.due_on)
        event.add("dtend", add_days(task.due_on, 1))  # an old row near year 9999 must not break
        event.add(
            "summary",
            _("Measure %(indicator)s – %(case)s")
            % {"indicator": indicator.name, "case": indicator.benefit.case.title},
        )
        event.add("description", str(indicator.benefit.organisation))
        event.add("url", tasks_page_url(indicator.benefit.organisation))
        event.add("transp", "TRANSPARENT")
        cal.add_component(event)
    return cal.to_ical()
