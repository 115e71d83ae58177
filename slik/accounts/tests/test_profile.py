"""The profile page and the language switch."""

from django.conf import settings
from django.urls import reverse
from django_scopes import scopes_disabled

from slik.core.models import AuditEvent

PROFILE = reverse("accounts:profile")
SET_LANGUAGE = reverse("accounts:set_language")


def test_profile_requires_login(client, db):
    response = client.get(PROFILE)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_profile_lists_memberships(client_as, employee, org):
    response = client_as(employee).get(PROFILE)
    assert response.status_code == 200
    assert [m.organisation for m in response.context["memberships"]] == [org]


def test_profile_save_with_language(client_as, employee):
    client = client_as(employee)
    response = client.post(PROFILE, {"full_name": "Anne Ansatt-Hansen", "language": "en"})
    assert response.status_code == 302
    employee.refresh_from_db()
    assert (employee.full_name, employee.language) == ("Anne Ansatt-Hansen", "en")
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    assert client.get(PROFILE)["Content-Language"] == "en"
    with scopes_disabled():
        event = AuditEvent.objects.get(action="user.profile.updated")
    before, after = event.changes["language"]  # display values, in the active language
    assert before != after
    assert event.actor == employee


def test_profile_rejects_bad_input_and_keeps_it(client_as, employee):
    response = client_as(employee).post(PROFILE, {"full_name": "", "language": "xx"})
    assert response.status_code == 200
    form = response.context["form"]
    assert {"full_name", "language"} <= set(form.errors)
    employee.refresh_from_db()
    assert employee.language == "nb"


def test_set_language_for_anonymous_uses_session_and_cookie(client, db):
    response = client.post(SET_LANGUAGE, {"language": "nn", "next": "/konto/logg-inn/"})
    assert response.status_code == 302
    assert response["Location"] == "/konto/logg-inn/"
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "nn"
    assert client.get(reverse("accounts:login"))["Content-Language"] == "nn"


def test_set_language_saves_profile(client_as, employee):
    client_as(employee).post(SET_LANGUAGE, {"language": "en", "next": "/"})
    employee.refresh_from_db()
    assert employee.language == "en"


def test_set_language_rejects_foreign_next(client, db):
    for evil in ["https://evil.example/", "//evil.example/", "http://evil.example/k/"]:
        response = client.post(SET_LANGUAGE, {"language": "en", "next": evil})
        assert response.status_code == 302
        assert response["Location"] == "/"


def test_set_language_ignores_unknown_language(client, db):
    response = client.post(SET_LANGUAGE, {"language": "sv", "next": "/konto/logg-inn/"})
    assert response.status_code == 302
    assert settings.LANGUAGE_COOKIE_NAME not in client.cookies


def test_set_language_is_post_only(client, db):
    assert client.get(SET_LANGUAGE).status_code == 405


def test_default_language_is_bokmal_whatever_the_browser_says(client, db):
    response = client.get(reverse("accounts:login"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response["Content-Language"] == "nb"


def test_every_page_offers_each_language_in_its_own_name_with_the_current_chosen(client, db):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "nn"
    page = client.get(reverse("accounts:login")).content.decode()
    assert '<option value="nb" lang="nb">norsk (bokmål)</option>' in page
    assert '<option value="nn" lang="nn" selected>norsk (nynorsk)</option>' in page
    assert '<option value="en" lang="en">English</option>' in page
