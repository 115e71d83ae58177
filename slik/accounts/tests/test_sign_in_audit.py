"""Sign-in, failed sign-in, sign-out and password changes are in the audit log."""

import json

from django.contrib.auth import get_user_model
from django.urls import reverse
from django_scopes import scopes_disabled

from conftest import PASSWORD
from slik.core.audit import action_label
from slik.core.models import AuditEvent

LOGIN = reverse("accounts:login")
WRONG = "feil-passord-som-ikke-skal-lagres"


def _events(action):
    with scopes_disabled():
        return list(AuditEvent.objects.filter(action=action).select_related("actor"))


def test_sign_in_is_logged_against_the_user(client, employee):
    client.post(LOGIN, {"username": employee.email, "password": PASSWORD})
    [event] = _events("account.signed_in")
    assert (event.actor, event.object_id, event.organisation) == (employee, employee.pk, None)


def test_admin_sign_in_is_logged(client, make_user):
    admin = make_user("drift@slik.test", "Drift", is_staff=True, is_superuser=True)
    client.post(reverse("admin:login"), {"username": admin.email, "password": PASSWORD})
    assert [e.actor for e in _events("account.signed_in")] == [admin]


def test_failed_sign_in_is_logged_without_the_password(client, employee):
    client.post(LOGIN, {"username": employee.email, "password": WRONG})
    [event] = _events("account.sign_in_failed")
    assert event.object_id == employee.pk
    assert event.actor is None
    assert WRONG not in json.dumps([event.changes, event.data, event.object_repr])


def test_failed_sign_in_for_unknown_email_creates_no_user_and_is_kept(client, db):
    from axes.models import AccessFailureLog

    client.post(LOGIN, {"username": "ingen@hvaler.test", "password": WRONG})
    assert not get_user_model().objects.filter(email="ingen@hvaler.test").exists()
    assert _events("account.sign_in_failed") == []
    [failure] = AccessFailureLog.objects.all()
    assert failure.username == "ingen@hvaler.test"
    assert WRONG not in json.dumps(
        [getattr(failure, f.attname) for f in failure._meta.fields], default=str
    )


def test_sign_out_is_logged(client, employee):
    client.post(LOGIN, {"username": employee.email, "password": PASSWORD})
    client.post(reverse("accounts:logout"))
    [event] = _events("account.signed_out")
    assert (event.actor, event.object_id) == (employee, employee.pk)


def test_password_change_is_logged(client_as, employee):
    new = "et-nytt-og-langt-passord-42"
    client = client_as(employee)
    response = client.post(
        reverse("accounts:password_change"),
        {"old_password": PASSWORD, "new_password1": new, "new_password2": new},
    )
    assert response.status_code == 302
    employee.refresh_from_db()
    assert employee.check_password(new)
    [event] = _events("account.password_changed")
    assert event.actor == employee
    assert new not in json.dumps([event.changes, event.data])
    # Still signed in after the change.
    assert client.get(reverse("accounts:profile")).status_code == 200


def test_password_reset_is_logged(employee):
    from slik.accounts.services import user_password_reset

    user_password_reset(user=employee, password="et-nytt-og-langt-passord-42")
    [event] = _events("account.password_reset")
    assert event.object_id == employee.pk


def test_account_actions_have_labels(db):
    for code in (
        "account.signed_in",
        "account.sign_in_failed",
        "account.signed_out",
        "account.password_changed",
        "account.password_reset",
    ):
        assert action_label(code) != code
