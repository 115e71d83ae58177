"""Inviting a person by e-mail: nothing about an account is disclosed; only acceptance joins."""

import datetime
import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from django_scopes import scope

from slik.accounts.models import User
from slik.core.models import AuditEvent
from slik.organisations.models import Invitation, Membership
from slik.organisations.services import invitations

NEW_EMAIL = "ny.person@eksempel.test"
PASSWORD = "Et-langt-nok-passord-42"


def _url(name, org, **kwargs):
    return reverse(f"organisations:{name}", kwargs={"org_slug": org.slug, **kwargs})


def _invite(client, org, email, **extra):
    data = {"email": email, "role": "employee", "title": "Rådgiver", **extra}
    return client.post(_url("member_add", org), data)


def _link(message) -> str:
    return re.search(r"https?://[^/\s]+(/konto/invitasjon/\S+/)", message.body).group(1)


def _actions(org):
    with scope(organisation=org.pk):
        return list(
            AuditEvent.objects.filter(organisation=org)
            .order_by("id")
            .values_list("action", flat=True)
        )


@pytest.fixture
def invited(client_as, coordinator, org):
    """`invited(email)`: the coordinator invites the address; the invitation and its link."""

    def make(email):
        mail.outbox.clear()
        assert _invite(client_as(coordinator), org, email).status_code == 302
        return Invitation.objects.get(email=email.lower()), _link(mail.outbox[-1])

    return make


# --- The coordinator learns nothing about the address -------------------------------------


def _normalised(text: str, email: str) -> str:
    text = text.replace(email, "<email>")
    text = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "csrf", text)
    text = re.sub(r'"X-CSRFToken": "[^"]+"', "csrf", text)
    text = re.sub(r"invitasjoner/\d+/", "invitasjoner/<id>/", text)
    return re.sub(r'data-invitation-id="\d+"', "id", text)


def _invite_and_read(client, org, email) -> tuple[str, str, str]:
    mail.outbox.clear()
    response = _invite(client, org, email)
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    body = re.sub(r"/konto/invitasjon/\S+/", "<link>", mail.outbox[0].body)
    Invitation.objects.filter(email=email).delete()
    return response["Location"], _normalised(page, email), body.replace(email, "<email>")


def test_existing_and_new_address_get_the_same_answer(client_as, coordinator, org, outsider):
    client = client_as(coordinator)
    existing = _invite_and_read(client, org, outsider.email)
    new = _invite_and_read(client, org, NEW_EMAIL)
    assert existing == new
    assert outsider.full_name not in existing[1]
    assert outsider.full_name not in existing[2]


def test_invitation_makes_no_membership_and_no_account(client_as, coordinator, org, outsider):
    client = client_as(coordinator)
    _invite(client, org, outsider.email)
    _invite(client, org, NEW_EMAIL)
    assert not Membership.objects.filter(organisation=org, user=outsider).exists()
    assert not User.objects.filter(email=NEW_EMAIL).exists()
    assert Invitation.objects.filter(organisation=org).count() == 2
    assert _actions(org) == ["membership.invited", "membership.invited"]


def test_the_form_asks_no_name(client_as, coordinator, org):
    form = client_as(coordinator).get(_url("member_add", org)).context["form"]
    assert set(form.fields) == {"email", "role", "is_chief_executive", "title"}


def test_token_is_stored_hashed(invited):
    invitation, link = invited(NEW_EMAIL)
    token = link.rstrip("/").rsplit("/", 1)[1]
    assert len(token) >= 40
    assert token not in invitation.token_hash
    assert invitations.invitation_for_token(token) == invitation


def test_inviting_a_member_again_is_a_form_error(client_as, coordinator, employee, org):
    response = _invite(client_as(coordinator), org, employee.email.upper())
    assert response.status_code == 200
    assert "email" in response.context["form"].errors
    assert not Invitation.objects.exists()


def test_inviting_an_invited_address_again_is_a_form_error(client_as, coordinator, org):
    client = client_as(coordinator)
    _invite(client, org, NEW_EMAIL)
    response = _invite(client, org, NEW_EMAIL.upper())
    assert response.status_code == 200
    assert response.context["form"].has_error("email", "duplicate_invitation")
    assert Invitation.objects.count() == 1


def test_pending_invitation_is_listed_under_the_typed_address(
    client_as, coordinator, org, outsider
):
    client = client_as(coordinator)
    _invite(client, org, outsider.email)
    response = client.get(_url("members", org))
    (invitation,) = response.context["invitations"]
    assert invitation.email == outsider.email
    html = response.content.decode()
    assert outsider.email in html and outsider.full_name not in html


# --- Accepting -----------------------------------------------------------------------------


def test_existing_account_accepts_after_signing_in(invited, client, org, outsider):
    invitation, link = invited(outsider.email)
    client.logout()
    page = client.get(link)
    assert page.status_code == 200
    assert page.context["form"] is None  # an account in use signs in, it does not set a password
    assert "/konto/logg-inn/?next=" in page.content.decode()
    client.force_login(outsider)
    response = client.post(link, {"action": "accept"})
    assert response.status_code == 302
    membership = Membership.objects.get(organisation=org, user=outsider)
    assert (membership.role, membership.title) == ("employee", "Rådgiver")
    invitation.refresh_from_db()
    assert invitation.accepted_at is not None
    assert _actions(org)[-2:] == ["membership.added", "membership.invitation.accepted"]


def test_new_person_chooses_name_and_password_and_joins(invited, client, org):
    invitation, link = invited(NEW_EMAIL)
    client.logout()
    assert client.get(link).context["form"] is not None
    response = client.post(
        link,
        {
            "action": "accept",
            "full_name": "Nina Ny",
            "new_password1": PASSWORD,
            "new_password2": PASSWORD,
        },
    )
    assert response.status_code == 302
    user = User.objects.get(email=NEW_EMAIL)
    assert user.full_name == "Nina Ny" and user.check_password(PASSWORD)
    assert Membership.objects.filter(organisation=org, user=user, role="employee").exists()
    assert client.get(_url("overview", org)).status_code == 200  # signed in


def test_new_person_with_a_weak_password_keeps_what_they_typed(invited, client, org):
    _, link = invited(NEW_EMAIL)
    client.logout()
    data = {"action": "accept", "full_name": "Nina Ny", "new_password1": "1", "new_password2": "1"}
    response = client.post(link, data)
    assert response.status_code == 400
    assert response.context["form"]["full_name"].value() == "Nina Ny"
    assert "new_password2" in response.context["form"].errors
    assert not User.objects.filter(email=NEW_EMAIL).exists()


def test_the_link_works_once(invited, client, org, outsider):
    _, link = invited(outsider.email)
    client.force_login(outsider)
    assert client.post(link, {"action": "accept"}).status_code == 302
    again = client.post(link, {"action": "accept"})
    assert again.status_code == 410
    assert Membership.objects.filter(organisation=org, user=outsider).count() == 1


def test_another_account_is_refused(invited, client, org, outsider, employee):
    invitation, link = invited(outsider.email)
    client.force_login(employee)
    for response in (client.get(link), client.post(link, {"action": "accept"})):
        assert response.status_code == 403
    assert client.post(link, {"action": "decline"}).status_code == 403
    invitation.refresh_from_db()
    assert invitation.is_open
    assert not Membership.objects.filter(organisation=org, user=outsider).exists()


def test_an_account_in_use_cannot_be_taken_over_by_choosing_a_password(
    invited, client, org, outsider
):
    _, link = invited(outsider.email)
    client.logout()
    data = {
        "action": "accept",
        "full_name": "X",
        "new_password1": PASSWORD,
        "new_password2": PASSWORD,
    }
    assert client.post(link, data).status_code == 400
    outsider.refresh_from_db()
    assert not outsider.check_password(PASSWORD)
    assert not Membership.objects.filter(organisation=org, user=outsider).exists()


def test_expired_link_is_refused(invited, client, org, outsider):
    invitation, link = invited(outsider.email)
    Invitation.objects.filter(pk=invitation.pk).update(
        expires_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    client.force_login(outsider)
    assert client.post(link, {"action": "accept"}).status_code == 410
    assert not Membership.objects.filter(organisation=org, user=outsider).exists()


@pytest.mark.parametrize("token", ["x", "a" * 43, "a" * 5000])
def test_unknown_token_is_404(db, client, token):
    assert client.get(f"/konto/invitasjon/{token}/").status_code == 404


# --- Declining, withdrawing, sending again -------------------------------------------------


def test_declining_makes_no_membership(invited, client, org, outsider):
    invitation, link = invited(outsider.email)
    client.logout()
    response = client.post(link, {"action": "decline"})
    assert response.status_code == 200
    invitation.refresh_from_db()
    assert invitation.declined_at is not None
    assert not Membership.objects.filter(organisation=org, user=outsider).exists()
    assert client.get(link).status_code == 410
    assert _actions(org)[-1] == "membership.invitation.declined"


def test_withdraw_asks_first_then_the_link_stops_working(
    invited, client_as, coordinator, org, outsider
):
    invitation, link = invited(outsider.email)
    client = client_as(coordinator)
    url = _url("invitation_withdraw", org, invitation_id=invitation.pk)
    assert client.get(url).status_code == 200
    invitation.refresh_from_db()
    assert invitation.is_open
    assert client.post(url).status_code == 302
    invitation.refresh_from_db()
    assert invitation.withdrawn_at is not None
    client.force_login(outsider)
    assert client.post(link, {"action": "accept"}).status_code == 404
    assert not Membership.objects.filter(organisation=org, user=outsider).exists()
    assert _actions(org)[-1] == "membership.invitation.withdrawn"


def test_sending_again_replaces_the_link(invited, client_as, coordinator, org, outsider):
    invitation, old_link = invited(outsider.email)
    Invitation.objects.filter(pk=invitation.pk).update(
        expires_at=timezone.now() - datetime.timedelta(days=1)
    )
    client = client_as(coordinator)
    mail.outbox.clear()
    response = client.post(_url("invitation_resend", org, invitation_id=invitation.pk))
    assert response.status_code == 302
    new_link = _link(mail.outbox[0])
    assert new_link != old_link
    client.force_login(outsider)
    assert client.post(old_link, {"action": "accept"}).status_code == 404
    assert client.post(new_link, {"action": "accept"}).status_code == 302
    assert Membership.objects.filter(organisation=org, user=outsider).exists()


@pytest.mark.parametrize("role", ["leader", "project_leader", "employee", "politician", "observer"])
def test_only_a_coordinator_invites_resends_and_withdraws(invited, client_as, personas, org, role):
    invitation, _ = invited(NEW_EMAIL)
    client = client_as(personas[role])
    assert _invite(client, org, "annen@eksempel.test").status_code == 403
    resend = _url("invitation_resend", org, invitation_id=invitation.pk)
    withdraw = _url("invitation_withdraw", org, invitation_id=invitation.pk)
    assert client.post(resend).status_code == 403
    assert client.post(withdraw).status_code == 403
    invitation.refresh_from_db()
    assert invitation.is_open


def test_a_closed_invitation_cannot_be_withdrawn_or_resent(invited, client_as, coordinator, org):
    invitation, _ = invited(NEW_EMAIL)
    Invitation.objects.filter(pk=invitation.pk).update(declined_at=timezone.now())
    client = client_as(coordinator)
    assert (
        client.post(_url("invitation_resend", org, invitation_id=invitation.pk)).status_code == 404
    )
    assert (
        client.post(_url("invitation_withdraw", org, invitation_id=invitation.pk)).status_code
        == 404
    )
