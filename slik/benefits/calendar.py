"""The personal calendar feed as iCalendar: one all-day event per due measurement task, across
the user's organisations (the tasks are read by `selectors.feed_tasks`)."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from slik.core.dates import add_days

from .services.reminders import tasks_page_url


def calendar_feed(tasks) -> bytes:
    """iCalendar text with the given measurement tasks."""
    cal = Calendar()
    cal.add("prodid", "-//SLIK//gevinstrealisering//NB")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", _("SLIK measurements"))
    stamp = timezone.now()
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
