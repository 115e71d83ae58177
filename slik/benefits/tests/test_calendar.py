import datetime

import pytest
from django.urls import reverse
from icalendar import Calendar

from slik.benefits.models import CalendarToken
from slik.benefits.tasks import send_measurement_reminders

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2024, 6, 10)


def feed_url(token):
    return reverse("calendar:feed", kwargs={"token": token})


def test_feed_lists_due_measurements_without_a_session(client, client_as, org, indicator, employee):
    send_measurement_reminders.call(organisation_id=org.pk, today=TODAY.isoformat())
    page = client_as(employee).get(reverse("benefits:calendar", kwargs={"org_slug": "hvaler"}))
    assert page.status_code == 200
    token = CalendarToken.objects.get(user=employee).token
    assert len(token) >= 32 and token in page.content.decode()
    client.logout()
    response = client.get(feed_url(token))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    [event] = [c for c in calendar.walk("VEVENT")]
    assert event.decoded("dtstart") == datetime.date(2024, 2, 1)
    assert event.decoded("dtend") == datetime.date(2024, 2, 2)
    summary = str(event["summary"])
    assert "Sykefravær" in summary and "Digitalt tilsyn" in summary


def test_regenerating_invalidates_the_old_address(client, client_as, employee, org):
    user_client = client_as(employee)
    user_client.get(reverse("benefits:calendar", kwargs={"org_slug": "hvaler"}))
    old = CalendarToken.objects.get(user=employee).token
    response = user_client.post(
        reverse("benefits:calendar_regenerate", kwargs={"org_slug": "hvaler"})
    )
    assert response.status_code == 302
    new = CalendarToken.objects.get(user=employee).token
    assert new != old
    client.logout()
    assert client.get(feed_url(old)).status_code == 404
    assert client.get(feed_url(new)).status_code == 200


@pytest.mark.parametrize("token", ["x", "a" * 40, "../../etc/passwd", "ø" * 40])
def test_unknown_token_is_404(client, token, db):
    assert client.get(f"/kalender/{token}.ics").status_code == 404


def test_regenerate_is_post_only(client_as, employee, org):
    url = reverse("benefits:calendar_regenerate", kwargs={"org_slug": "hvaler"})
    assert client_as(employee).get(url).status_code == 405


def test_outsider_calendar_page_404(client_as, outsider, org):
    assert (
        client_as(outsider)
        .get(reverse("benefits:calendar", kwargs={"org_slug": "hvaler"}))
        .status_code
        == 404
    )


def test_feed_address_and_events_link_to_the_configured_site(
    settings, client, client_as, org, indicator, employee
):
    settings.SITE_URL = "https://slik.example.no"
    send_measurement_reminders.call(organisation_id=org.pk, today=TODAY.isoformat())
    page = client_as(employee).get(reverse("benefits:calendar", kwargs={"org_slug": "hvaler"}))
    token = CalendarToken.objects.get(user=employee).token
    assert page.context["feed_url"] == f"https://slik.example.no{feed_url(token)}"
    [event] = Calendar.from_ical(client.get(feed_url(token)).content).walk("VEVENT")
    tasks = reverse("benefits:tasks", kwargs={"org_slug": "hvaler"})
    assert str(event["url"]) == f"https://slik.example.no{tasks}"
