import datetime
import smtplib

import pytest
from django.core import mail
from django.core.mail.backends import locmem
from django.core.management import CommandError, call_command
from django.urls import reverse
from django_scopes import scope

from slik.benefits.models import Indicator, Measurement, MeasurementTask
from slik.benefits.selectors import my_tasks
from slik.benefits.services import reminders
from slik.benefits.tasks import send_measurement_reminders

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2024, 6, 10)


def tasks_of(indicator):
    with scope(organisation=indicator.benefit.organisation_id):
        return list(MeasurementTask.objects.filter(indicator=indicator).order_by("due_on"))


def test_add_period_clamps_month_ends():
    assert reminders.add_period(datetime.date(2024, 1, 31), "monthly") == datetime.date(2024, 2, 29)
    assert reminders.add_period(datetime.date(2024, 11, 30), "quarterly") == datetime.date(
        2025, 2, 28
    )
    assert reminders.add_period(datetime.date(2024, 1, 1), "weekly") == datetime.date(2024, 1, 8)
    assert reminders.add_period(datetime.date(2024, 1, 1), "dates") is None


def test_due_from_latest_measurement_or_baseline():
    indicator = Indicator(frequency="monthly", baseline_on=datetime.date(2024, 5, 1))
    assert reminders.next_due_dates(indicator, latest=None, today=TODAY) == [
        datetime.date(2024, 6, 1)
    ]
    assert reminders.next_due_dates(indicator, latest=datetime.date(2024, 6, 1), today=TODAY) == []
    assert reminders.next_due_dates(indicator, latest=datetime.date(2024, 5, 15), today=TODAY) == [
        datetime.date(2024, 6, 15)
    ]  # within the look-ahead


def test_explicit_dates_after_latest_measurement():
    indicator = Indicator(
        frequency="dates", measurement_dates=["2024-03-01", "2024-06-01", "2024-12-01", "bad"]
    )
    assert reminders.next_due_dates(indicator, latest=datetime.date(2024, 3, 2), today=TODAY) == [
        datetime.date(2024, 6, 1)
    ]


def test_task_run_creates_tasks_once_and_mails_once(org, indicator, employee):
    result = send_measurement_reminders.call(organisation_id=org.pk, today=TODAY.isoformat())
    assert result == {"tasks": 1, "emails": 1, "failed": []}
    [task] = tasks_of(indicator)
    assert task.assignee == employee and task.notified_at is not None
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [employee.email]
    assert "Sykefravær" in mail.outbox[0].body
    again = send_measurement_reminders.call(organisation_id=org.pk, today=TODAY.isoformat())
    assert again == {"tasks": 0, "emails": 0, "failed": []}
    assert len(tasks_of(indicator)) == 1 and len(mail.outbox) == 1


def test_measurement_marks_task_done(org, indicator):
    send_measurement_reminders.call(organisation_id=org.pk, today=TODAY.isoformat())
    [task] = tasks_of(indicator)
    with scope(organisation=org.pk):
        assert (
            reminders.measurement_tasks_complete(indicator=indicator, measured_on=task.due_on) == 1
        )
    assert tasks_of(indicator)[0].status == "done"


def test_lazy_completion_hides_covered_tasks(org, indicator, employee):
    send_measurement_reminders.call(organisation_id=org.pk, today=TODAY.isoformat())
    [task] = tasks_of(indicator)
    with scope(organisation=org.pk):
        Measurement.objects.create(indicator=indicator, measured_on=task.due_on, value=7)
        assert list(my_tasks(user=employee, organisation_ids=[org.pk])) == []
        assert reminders.measurement_tasks_sync(organisation_id=org.pk) == 1


def test_closed_benefits_get_no_tasks(org, indicator):
    with scope(organisation=org.pk):
        indicator.benefit.status = "cancelled"
        indicator.benefit.save(update_fields=["status"])
    send_measurement_reminders.call(organisation_id=org.pk, today=TODAY.isoformat())
    assert tasks_of(indicator) == []


def test_management_command_runs_the_task(org, indicator):
    call_command("benefits_remind")  # immediate backend in tests
    call_command("benefits_remind", "--now", "--organisation", "hvaler")
    assert len(tasks_of(indicator)) == 1


def test_task_list_shows_my_open_tasks(client_as, org, indicator, employee, coordinator):
    send_measurement_reminders.call(organisation_id=org.pk, today=TODAY.isoformat())
    url = reverse("benefits:tasks", kwargs={"org_slug": "hvaler"})
    response = client_as(employee).get(url)
    assert response.status_code == 200
    assert len(response.context["tasks"]) == 1
    assert client_as(employee).get(url, {"q": "finnes ikke"}).context["tasks"] == []
    assert (
        client_as(employee).get(url, {"vis": "all", "side": "x", "kommune": "abc"}).status_code
        == 200
    )
    assert client_as(coordinator).get(url).context["tasks"] == []


def test_task_list_spans_organisations(
    client_as, org, other_org, indicator, employee, make_benefit, make_indicator, other_case
):
    from slik.organisations.models import Membership

    Membership.objects.create(user=employee, organisation=other_org, role="employee")
    theirs = make_indicator(
        make_benefit(other_case, title="Råde-gevinst", responsible=employee), name="Råde-måling"
    )
    send_measurement_reminders.call(today=TODAY.isoformat())
    response = client_as(employee).get(reverse("benefits:tasks", kwargs={"org_slug": "hvaler"}))
    names = {t.indicator.name for t in response.context["tasks"]}
    assert names == {"Sykefravær", "Råde-måling"}
    assert len(mail.outbox) == 2  # one per organisation
    assert tasks_of(theirs)


@pytest.mark.parametrize(
    "role", ["coordinator", "leader", "project_leader", "employee", "politician", "observer"]
)
def test_task_list_permission_matrix(client_as, personas, role):
    assert (
        client_as(personas[role])
        .get(reverse("benefits:tasks", kwargs={"org_slug": "hvaler"}))
        .status_code
        == 200
    )


def test_task_list_outsider_404(client_as, outsider, org):
    assert (
        client_as(outsider)
        .get(reverse("benefits:tasks", kwargs={"org_slug": "hvaler"}))
        .status_code
        == 404
    )


class RefusingMailServer(locmem.EmailBackend):
    """A mail server that refuses every Hvaler address, as a real one may refuse a domain."""

    def send_messages(self, messages):
        for message in messages:
            if any(address.endswith("@hvaler.test") for address in message.to):
                raise smtplib.SMTPRecipientsRefused({message.to[0]: (550, b"refused")})
        return super().send_messages(messages)


def test_one_failing_organisation_does_not_stop_the_others(
    settings, org, indicator, other_case, make_benefit, make_indicator, outsider
):
    settings.EMAIL_BACKEND = f"{__name__}.RefusingMailServer"
    theirs = make_indicator(make_benefit(other_case, title="Råde-gevinst", responsible=outsider))
    assert org.pk < theirs.benefit.organisation_id  # the failing one comes first
    with pytest.raises(CommandError, match="1 organisation.*hvaler"):
        call_command("benefits_remind", "--now")
    assert [message.to for message in mail.outbox] == [[outsider.email]]
    assert tasks_of(theirs)[0].notified_at is not None
    assert tasks_of(indicator)[0].notified_at is None  # tried again on the next run
