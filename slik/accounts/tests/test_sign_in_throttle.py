"""Repeated wrong passwords lock the sign-in (app and admin), per account and per address."""

from django.conf import settings
from django.urls import reverse

from conftest import PASSWORD

LOGIN = reverse("accounts:login")
ADMIN_LOGIN = reverse("admin:login")
PER_ACCOUNT_AND_ADDRESS = settings.AXES_FAILURE_LIMIT
PER_ACCOUNT = settings.SIGN_IN_LIMIT_PER_ACCOUNT
PER_ADDRESS = settings.SIGN_IN_LIMIT_PER_ADDRESS


def _fail(client, email, times, address="10.0.0.1", url=LOGIN):
    for _ in range(times):
        response = client.post(
            url, {"username": email, "password": "feil-passord"}, REMOTE_ADDR=address
        )
    return response


def _sign_in(client, email, address="10.0.0.1", url=LOGIN):
    return client.post(url, {"username": email, "password": PASSWORD}, REMOTE_ADDR=address)


def test_wrong_passwords_lock_the_account_even_for_the_right_password(client, employee):
    _fail(client, employee.email, PER_ACCOUNT_AND_ADDRESS)
    response = _sign_in(client, employee.email)
    assert response.status_code == 429
    assert not response.wsgi_request.user.is_authenticated


def test_failures_below_the_limit_still_let_the_right_password_in(client, employee):
    _fail(client, employee.email, PER_ACCOUNT_AND_ADDRESS - 1)
    assert _sign_in(client, employee.email).status_code == 302


def test_lockout_page_says_when_to_try_again_and_how_to_reset(client, employee):
    response = _fail(client, employee.email, PER_ACCOUNT_AND_ADDRESS)
    assert response.status_code == 429
    assert "accounts/locked_out.html" in [t.name for t in response.templates]
    assert "base.html" in [t.name for t in response.templates]
    minutes = response.context["cooloff_minutes"]
    assert minutes == settings.AXES_COOLOFF_TIME.total_seconds() // 60
    assert int(response["Retry-After"]) == minutes * 60
    assert reverse("accounts:password_reset") in response.content.decode()


def test_many_failures_of_150_wrong_passwords_are_not_all_answered(client, employee):
    statuses = [_fail(client, employee.email, 1).status_code for _ in range(150)]
    assert statuses.count(200) == PER_ACCOUNT_AND_ADDRESS - 1
    assert _sign_in(client, employee.email).status_code == 429


def test_unknown_email_is_locked_out_the_same_way(client, employee):
    known = _fail(client, employee.email, PER_ACCOUNT_AND_ADDRESS, address="10.0.0.1")
    unknown = _fail(client, "ingen@hvaler.test", PER_ACCOUNT_AND_ADDRESS, address="10.0.0.2")
    assert known.status_code == unknown.status_code == 429
    assert known.context["cooloff_minutes"] == unknown.context["cooloff_minutes"]


def test_account_is_locked_against_guesses_from_many_addresses(client, employee):
    for number in range(PER_ACCOUNT):
        _fail(client, employee.email, 1, address=f"10.1.{number // 250}.{number % 250 + 1}")
    assert _sign_in(client, employee.email, address="10.2.0.1").status_code == 429


def test_an_account_locked_from_one_address_opens_from_another(client, employee):
    _fail(client, employee.email, PER_ACCOUNT_AND_ADDRESS, address="10.0.0.1")
    assert _sign_in(client, employee.email, address="10.0.0.2").status_code == 302


def test_address_is_locked_after_guessing_many_accounts(client, employee):
    for number in range(PER_ADDRESS):
        _fail(client, f"gjett{number}@hvaler.test", 1, address="10.0.0.9")
    assert _sign_in(client, employee.email, address="10.0.0.9").status_code == 429
    assert _sign_in(client, employee.email, address="10.0.0.10").status_code == 302


def test_email_case_does_not_give_extra_attempts(client, employee):
    variants = [employee.email.upper(), employee.email.title(), employee.email]
    for number in range(PER_ACCOUNT_AND_ADDRESS):
        _fail(client, variants[number % len(variants)], 1)
    assert _sign_in(client, employee.email).status_code == 429


def test_successful_sign_in_forgets_own_earlier_failures(client, employee):
    _fail(client, employee.email, PER_ACCOUNT_AND_ADDRESS - 1)
    assert _sign_in(client, employee.email).status_code == 302
    client.logout()
    _fail(client, employee.email, PER_ACCOUNT_AND_ADDRESS - 1)
    assert _sign_in(client, employee.email).status_code == 302


def test_admin_sign_in_is_locked_too(client, make_user):
    admin = make_user("drift@slik.test", "Drift", is_staff=True, is_superuser=True)
    _fail(client, admin.email, PER_ACCOUNT_AND_ADDRESS, url=ADMIN_LOGIN)
    response = _sign_in(client, admin.email, url=ADMIN_LOGIN)
    assert response.status_code == 429
    assert not response.wsgi_request.user.is_authenticated


def test_completed_password_reset_lifts_the_lockout(client, employee):
    from slik.accounts.services import user_password_reset

    _fail(client, employee.email, PER_ACCOUNT_AND_ADDRESS)
    user_password_reset(user=employee, password="et-nytt-og-langt-passord-42")
    response = client.post(
        LOGIN,
        {"username": employee.email, "password": "et-nytt-og-langt-passord-42"},
        REMOTE_ADDR="10.0.0.1",
    )
    assert response.status_code == 302
