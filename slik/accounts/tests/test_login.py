"""Signing in with e-mail, and the password reset round trip."""

import re

from django.conf import settings
from django.core import mail
from django.urls import reverse

from conftest import PASSWORD

LOGIN = reverse("accounts:login")


def test_login_with_email(client, employee):
    response = client.post(LOGIN, {"username": employee.email, "password": PASSWORD})
    assert response.status_code == 302
    assert response.wsgi_request.user == employee


def test_login_email_is_case_insensitive_in_address(client, employee):
    # The user manager stores e-mails in lower case; the login form accepts what people type.
    response = client.post(LOGIN, {"username": f" {employee.email.upper()} ", "password": PASSWORD})
    assert response.status_code == 302
    assert response.wsgi_request.user == employee


def test_wrong_password_gives_form_error_and_keeps_email(client, employee):
    response = client.post(LOGIN, {"username": employee.email, "password": "feil"})
    assert response.status_code == 200
    form = response.context["form"]
    assert form.non_field_errors()
    assert [e.code for e in form.errors.as_data()["__all__"]] == ["invalid_login"]
    assert form["username"].value() == employee.email
    assert not response.wsgi_request.user.is_authenticated


def test_login_remembers_the_users_language(client, make_user):
    user = make_user("nynorsk@hvaler.test", "Nils Nynorsk", language="nn")
    client.post(LOGIN, {"username": user.email, "password": PASSWORD})
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "nn"
    response = client.get(reverse("accounts:profile"))
    assert response["Content-Language"] == "nn"


def test_login_page_redirects_signed_in_user(client_as, employee):
    assert client_as(employee).get(LOGIN).status_code == 302


def test_password_reset_sends_mail_and_link_works(client, employee):
    response = client.post(reverse("accounts:password_reset"), {"email": employee.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [employee.email]
    path = re.search(r"https?://[^/\s]+(/\S+)", mail.outbox[0].body).group(1)
    response = client.get(path, follow=True)
    assert response.status_code == 200
    assert response.context["validlink"]
    set_url = response.redirect_chain[-1][0]
    new_password = "et-nytt-og-langt-passord-42"
    response = client.post(set_url, {"new_password1": new_password, "new_password2": new_password})
    assert response.status_code == 302
    employee.refresh_from_db()
    assert employee.check_password(new_password)


def test_password_reset_for_unknown_email_sends_nothing_but_looks_the_same(client, db):
    response = client.post(reverse("accounts:password_reset"), {"email": "ukjent@example.test"})
    assert response.status_code == 302
    assert mail.outbox == []


def test_password_reset_link_with_bad_token_is_invalid(client, employee):
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    uid = urlsafe_base64_encode(force_bytes(employee.pk))
    url = reverse("accounts:password_reset_confirm", kwargs={"uidb64": uid, "token": "x-y"})
    response = client.get(url)
    assert response.status_code == 200
    assert not response.context["validlink"]
