"""Password reset requests are limited per e-mail address and per client address."""

from django.conf import settings
from django.core import mail
from django.urls import reverse

RESET = reverse("accounts:password_reset")
PER_EMAIL = getattr(settings, "PASSWORD_RESET_LIMIT_PER_EMAIL", 3)
PER_ADDRESS = getattr(settings, "PASSWORD_RESET_LIMIT_PER_ADDRESS", 20)


def _ask(client, email, address="10.0.0.1"):
    return client.post(RESET, {"email": email}, REMOTE_ADDR=address)


def test_twenty_requests_for_one_address_send_only_a_few_mails(client, employee):
    statuses = [_ask(client, employee.email).status_code for _ in range(20)]
    assert statuses.count(302) == PER_EMAIL
    assert len(mail.outbox) == PER_EMAIL


def test_refused_request_keeps_the_email_and_says_why(client, employee):
    for _ in range(PER_EMAIL):
        _ask(client, employee.email)
    response = _ask(client, employee.email)
    assert response.status_code == 429
    form = response.context["form"]
    assert [e.code for e in form.errors.as_data()["__all__"]] == ["throttled"]
    assert form["email"].value() == employee.email


def test_limit_per_email_holds_across_client_addresses(client, employee):
    for number in range(PER_EMAIL):
        _ask(client, employee.email, address=f"10.0.1.{number + 1}")
    assert _ask(client, employee.email, address="10.0.2.1").status_code == 429


def test_limit_per_email_ignores_case(client, employee):
    variants = [employee.email.upper(), employee.email, employee.email.title()]
    for email in variants[:PER_EMAIL]:
        _ask(client, email)
    assert _ask(client, employee.email).status_code == 429


def test_one_client_address_cannot_ask_for_many_accounts(client, db):
    for number in range(PER_ADDRESS):
        assert _ask(client, f"person{number}@hvaler.test", address="10.0.0.7").status_code == 302
    assert _ask(client, "enda-en@hvaler.test", address="10.0.0.7").status_code == 429
    assert _ask(client, "enda-en@hvaler.test", address="10.0.0.8").status_code == 302


def test_unknown_email_is_limited_the_same_way(client, employee):
    known = [_ask(client, employee.email).status_code for _ in range(PER_EMAIL + 1)]
    unknown = [_ask(client, "ukjent@hvaler.test").status_code for _ in range(PER_EMAIL + 1)]
    assert known == unknown == [302] * PER_EMAIL + [429]


def test_reset_mail_is_in_the_users_language(client, make_user):
    user = make_user("nynorsk@hvaler.test", "Nils Nynorsk", language="en")
    _ask(client, user.email)
    assert len(mail.outbox) == 1
    assert "Someone asked for a new password" in mail.outbox[0].body


def test_reset_link_uses_the_configured_site_address(client, employee, settings):
    settings.SITE_URL = "https://slik.example.no"
    _ask(client, employee.email)
    assert "https://slik.example.no/konto/nytt-passord/" in mail.outbox[0].body
    assert "testserver" not in mail.outbox[0].body
