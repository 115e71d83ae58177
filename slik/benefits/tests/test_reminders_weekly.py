"""Reminders fall due for every frequency, and the e-mail links to the site's real address.

"Today" is passed to the job, never patched: the dates below are fixed.
"""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django_scopes import scope

from slik.benefits.models import Measurement, MeasurementTask
from slik.benefits.selectors import my_tasks
from slik.benefits.services import reminders
from slik.benefits.tasks import send_measurement_reminders

pytestmark = pytest.mark.django_db


def day(text):
    return datetime.date.fromisoformat(text)


def run(org, today):
    return send_measurement_reminders.call(organisation_id=org.pk, today=today)


def measure(indicator, on):
    with scope(organisation=indicator.benefit.organisation_id):
        Measurement.objects.create(indicator=indicator, measured_on=day(on), value=7)
        reminders.measurement_tasks_complete(indicator=indicator, measured_on=day(on))


def open_due_dates(org, user):
    with scope(organisation=org.pk):
        return [t.due_on for t in my_tasks(user=user, organisation_ids=[org.pk])]


@pytest.fixture
def weekly(make_indicator, benefit):
    return make_indicator(
        benefit,
        frequency="weekly",
        baseline_on=day("2024-06-03"),
        target_on=day("2024-12-30"),
    )


def test_weekly_indicator_gets_a_task_for_next_week(org, weekly, employee):
    measure(weekly, "2024-06-10")
    assert run(org, "2024-06-12")["tasks"] == 0  # too early to remind
    assert run(org, "2024-06-14")["tasks"] == 1
    assert open_due_dates(org, employee) == [day("2024-06-17")]
    assert len(mail.outbox) == 1 and "17.06.2024" in mail.outbox[0].body


def test_weekly_task_closes_with_the_measurement_and_the_next_follows(org, weekly, employee):
    measure(weekly, "2024-06-10")
    run(org, "2024-06-14")
    measure(weekly, "2024-06-17")
    assert open_due_dates(org, employee) == []
    with scope(organisation=org.pk):
        statuses = list(MeasurementTask.objects.values_list("due_on", "status"))
    assert statuses == [(day("2024-06-17"), "done")]
    run(org, "2024-06-21")
    assert open_due_dates(org, employee) == [day("2024-06-24")]


def test_monthly_indicator_gets_its_task_a_week_ahead(org, make_indicator, benefit, employee):
    monthly = make_indicator(benefit, frequency="monthly", baseline_on=day("2024-01-31"))
    measure(monthly, "2024-05-31")
    assert run(org, "2024-06-22")["tasks"] == 0
    assert run(org, "2024-06-23")["tasks"] == 1
    assert open_due_dates(org, employee) == [day("2024-06-30")]


def test_quarterly_indicator_gets_its_task_a_week_ahead(org, make_indicator, benefit, employee):
    quarterly = make_indicator(benefit, frequency="quarterly", baseline_on=day("2024-01-01"))
    measure(quarterly, "2024-03-31")
    assert run(org, "2024-06-22")["tasks"] == 0
    assert run(org, "2024-06-23")["tasks"] == 1
    assert open_due_dates(org, employee) == [day("2024-06-30")]


def test_reminder_email_links_to_the_configured_site(settings, org, weekly, employee):
    settings.SITE_URL = "https://slik.example.no"
    measure(weekly, "2024-06-10")
    run(org, "2024-06-14")
    path = reverse("benefits:tasks", kwargs={"org_slug": org.slug})
    assert f"https://slik.example.no{path}" in mail.outbox[0].body.split()


def test_planned_dates_close_together_each_get_their_own_task(
    org, make_indicator, benefit, employee
):
    """A measurement for the first of two planned dates three days apart must not count for
    the second as well (the lead is longer than the gap)."""
    planned = make_indicator(
        benefit,
        frequency="dates",
        baseline_on=day("2024-06-01"),
        measurement_dates=["2024-06-10", "2024-06-13"],
    )
    run(org, "2024-06-08")
    measure(planned, "2024-06-10")
    assert open_due_dates(org, employee) == [day("2024-06-13")]
