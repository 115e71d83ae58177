"""Sessions end after a quiet spell (idle timeout) and some hours after sign-in (absolute)."""

from django.conf import settings
from django.urls import reverse
from django_scopes import scopes_disabled

from conftest import PASSWORD
from slik.core.models import AuditEvent

PROFILE = reverse("accounts:profile")
SEEN = "slik_seen_at"
SIGNED_IN = "slik_signed_in_at"


def _shift(client, key, seconds):
    """Pretend the stamp was written `seconds` earlier."""
    session = client.session
    session[key] = session[key] - seconds
    session.save()


def _idle_seconds():
    return getattr(settings, "SESSION_IDLE_TIMEOUT", 30) * 60


def _absolute_seconds():
    return getattr(settings, "SESSION_ABSOLUTE_TIMEOUT", 12) * 3600


def test_signed_in_session_carries_both_stamps(client, employee):
    client.post(reverse("accounts:login"), {"username": employee.email, "password": PASSWORD})
    assert {SEEN, SIGNED_IN} <= set(client.session.keys())


def test_idle_session_is_signed_out_on_the_next_request(client_as, employee):
    client = client_as(employee)
    assert client.get(PROFILE).status_code == 200
    _shift(client, SEEN, _idle_seconds() + 1)
    response = client.get(PROFILE)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    assert not response.wsgi_request.user.is_authenticated
    with scopes_disabled():
        event = AuditEvent.objects.get(action="account.signed_out")
    assert event.data == {"reason": "idle"}


def test_activity_keeps_the_session_alive(client_as, employee):
    client = client_as(employee)
    for _ in range(3):
        _shift(client, SEEN, _idle_seconds() - 60)
        _shift(client, SIGNED_IN, _idle_seconds() - 60)
        assert client.get(PROFILE).status_code == 200


def test_last_seen_is_written_at_most_once_a_minute(client_as, employee):
    client = client_as(employee)
    client.get(PROFILE)
    seen = client.session[SEEN]
    client.get(PROFILE)
    assert client.session[SEEN] == seen
    _shift(client, SEEN, 61)
    client.get(PROFILE)
    assert client.session[SEEN] > seen - 61


def test_active_session_ends_at_the_absolute_timeout(client_as, employee):
    client = client_as(employee)
    _shift(client, SIGNED_IN, _absolute_seconds() + 1)
    response = client.get(PROFILE)
    assert response.status_code == 302
    assert not response.wsgi_request.user.is_authenticated
    with scopes_disabled():
        event = AuditEvent.objects.get(action="account.signed_out")
    assert event.data == {"reason": "expired"}


def test_timeouts_come_from_settings(client_as, employee, settings):
    settings.SESSION_IDLE_TIMEOUT = 5
    client = client_as(employee)
    _shift(client, SEEN, 5 * 60 + 1)
    assert client.get(PROFILE).status_code == 302


def test_signed_out_person_is_told_why(client_as, employee):
    client = client_as(employee)
    _shift(client, SEEN, _idle_seconds() + 1)
    response = client.get(PROFILE, follow=True)
    assert [m.level_tag for m in response.context["messages"]] == ["info"]


def test_session_without_stamps_gets_them_and_stays(client_as, employee):
    """Sessions from before the timeouts existed are not thrown out on the first request."""
    client = client_as(employee)
    session = client.session
    del session[SEEN], session[SIGNED_IN]
    session.save()
    assert client.get(PROFILE).status_code == 200
    assert {SEEN, SIGNED_IN} <= set(client.session.keys())


def test_timed_out_htmx_request_sends_the_whole_page_to_sign_in(client_as, employee):
    """Not the sign-in form swapped into a corner of the page."""
    client = client_as(employee)
    _shift(client, SEEN, _idle_seconds() + 1)
    response = client.get(PROFILE, HTTP_HX_REQUEST="true")
    assert response.status_code == 204
    assert response["HX-Redirect"].startswith(reverse("accounts:login"))
    assert "next=" in response["HX-Redirect"]
