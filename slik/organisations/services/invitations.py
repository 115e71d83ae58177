"""Inviting a person to an organisation by e-mail; only their acceptance makes a membership.

Adding someone by address alone would tell the coordinator whether the address has an account
and whose it is, and attach a person without their consent. So every address gets the same
pending invitation, and the person behind it decides. The link's token is random, stored only
as its SHA-256, used once and expires; it is answered by the account with the invited address
(or, for an address without an account, by choosing a name and password on the link's page —
holding the link proves the address is theirs, as a password-reset link does).
"""

from __future__ import annotations

import datetime
import hashlib
import secrets

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from slik.core.audit import audit_log

from ..models import Invitation, Membership, Organisation
from ..selectors import open_invitations
from .memberships import membership_add

VALID_FOR = datetime.timedelta(days=14)
TOKEN_BYTES = 32


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _new_token() -> tuple[str, str]:
    token = secrets.token_urlsafe(TOKEN_BYTES)
    return token, _hash(token)


def normalise_email(email: str) -> str:
    return (email or "").strip().lower()


def _now():
    return timezone.now()


# --- Reads ----------------------------------------------------------------------------------


def invitation_for_token(token: str) -> Invitation | None:
    if not token or len(token) > 200:
        return None
    return (
        Invitation.objects.select_related("organisation", "invited_by")
        .filter(token_hash=_hash(token))
        .first()
    )


def email_matches(invitation: Invitation, user) -> bool:
    return normalise_email(user.email) == normalise_email(invitation.email)


def invitation_check(invitation: Invitation) -> None:
    """Whether the invitation can still be answered; the page shows the same check's message."""
    if invitation.withdrawn_at is not None:
        raise ValidationError(_("This invitation has been withdrawn."), code="withdrawn")
    if invitation.accepted_at is not None or invitation.declined_at is not None:
        raise ValidationError(_("This invitation has already been answered."), code="answered")
    if invitation.expires_at <= _now():
        raise ValidationError(
            _("This invitation has expired. Ask the person who invited you to send it again."),
            code="expired",
        )


def _refuse_wrong_account(invitation: Invitation, user) -> None:
    if not email_matches(invitation, user):
        raise ValidationError(
            _("This invitation is for another e-mail address than the one you use."),
            code="wrong_account",
        )


def _locked(invitation: Invitation) -> Invitation:
    return (
        Invitation.objects.select_for_update(of=("self",))
        .select_related("organisation", "invited_by")
        .get(pk=invitation.pk)
    )


# --- The coordinator's side -----------------------------------------------------------------


def _refuse_duplicates(organisation: Organisation, email: str) -> None:
    if Membership.objects.filter(organisation=organisation, user__email__iexact=email).exists():
        message = _("%(email)s is already a member of this organisation.")
        raise ValidationError(
            {"email": ValidationError(message % {"email": email}, code="duplicate")}
        )
    if open_invitations(organisation=organisation).filter(email__iexact=email).exists():
        message = _(
            "An invitation to %(email)s is waiting for an answer. You can send it again from "
            "the list of members."
        )
        raise ValidationError(
            {"email": ValidationError(message % {"email": email}, code="duplicate_invitation")}
        )


def _log(invitation: Invitation, step: str, *, actor) -> None:
    """An invitation's step in the organisation's history, under the invited address."""
    audit_log(
        actor=actor,
        action=f"membership.invitation.{step}",
        obj=invitation.organisation,
        organisation=invitation.organisation,
        data={"email": invitation.email},
    )


@transaction.atomic
def invitation_create(
    *,
    actor,
    organisation: Organisation,
    email: str,
    role: str,
    is_chief_executive: bool = False,
    title: str = "",
) -> tuple[Invitation, str]:
    """A pending invitation and its token (returned once, never stored), for the caller to
    e-mail once the transaction has succeeded. The same for every address."""
    email = normalise_email(email)
    _refuse_duplicates(organisation, email)
    token, token_hash = _new_token()
    now = _now()
    try:
        with transaction.atomic():
            invitation = Invitation.objects.create(
                organisation=organisation,
                email=email,
                role=role,
                is_chief_executive=is_chief_executive,
                title=title,
                invited_by=actor,
                token_hash=token_hash,
                sent_at=now,
                expires_at=now + VALID_FOR,
            )
    except IntegrityError as exc:  # the same address invited twice at the same moment
        _refuse_duplicates(organisation, email)
        raise ValidationError(_("The invitation could not be saved. Try again.")) from exc
    audit_log(
        actor=actor,
        action="membership.invited",
        obj=organisation,
        organisation=organisation,
        after={"role": invitation.get_role_display(), "title": title},
        data={"email": email},
    )
    return invitation, token


def _refuse_closed(invitation: Invitation) -> None:
    if not invitation.is_open:
        raise ValidationError(
            _("This invitation has already been answered or withdrawn."), code="closed"
        )


@transaction.atomic
def invitation_resend(*, actor, invitation: Invitation) -> tuple[Invitation, str]:
    """A new token and a new expiry; the link sent before stops working."""
    invitation = _locked(invitation)
    _refuse_closed(invitation)
    token, invitation.token_hash = _new_token()
    invitation.sent_at = _now()
    invitation.expires_at = invitation.sent_at + VALID_FOR
    invitation.save(update_fields=["token_hash", "sent_at", "expires_at"])
    _log(invitation, "resent", actor=actor)
    return invitation, token


@transaction.atomic
def invitation_withdraw(*, actor, invitation: Invitation) -> Invitation:
    invitation = _locked(invitation)
    _refuse_closed(invitation)
    invitation.withdrawn_at = _now()
    invitation.save(update_fields=["withdrawn_at"])
    _log(invitation, "withdrawn", actor=actor)
    return invitation


# --- The invited person's side --------------------------------------------------------------


@transaction.atomic
def invitation_accept(*, invitation: Invitation, user) -> Membership:
    """The signed-in person with the invited address joins with the invited role."""
    invitation = _locked(invitation)
    invitation_check(invitation)
    _refuse_wrong_account(invitation, user)
    membership = membership_add(
        actor=user,
        organisation=invitation.organisation,
        user=user,
        role=invitation.role,
        is_chief_executive=invitation.is_chief_executive,
        title=invitation.title,
    )
    invitation.accepted_at = _now()
    invitation.save(update_fields=["accepted_at"])
    _log(invitation, "accepted", actor=user)
    return membership


@transaction.atomic
def invitation_accept_new_account(
    *, invitation: Invitation, full_name: str, password: str
) -> Membership:
    """For an address without an account, or one never given a password: the person chose a
    name and password on the invitation's page. An account in use must sign in instead."""
    from slik.accounts.models import User

    invitation = _locked(invitation)
    invitation_check(invitation)
    user = User.objects.filter(email__iexact=invitation.email).first()
    if user is None:
        user = User.objects.create_user(
            email=invitation.email, password=password, full_name=full_name.strip()
        )
    elif user.has_usable_password():
        raise ValidationError(_("Sign in to answer the invitation."), code="has_account")
    else:
        user.set_password(password)
        user.full_name = full_name.strip() or user.full_name
        user.save(update_fields=["password", "full_name"])
    return invitation_accept(invitation=invitation, user=user)


@transaction.atomic
def invitation_decline(*, invitation: Invitation, user=None) -> Invitation:
    """Declined by the holder of the link; a signed-in person only for their own address."""
    invitation = _locked(invitation)
    invitation_check(invitation)
    if user is not None:
        _refuse_wrong_account(invitation, user)
    invitation.declined_at = _now()
    invitation.save(update_fields=["declined_at"])
    _log(invitation, "declined", actor=user)
    return invitation
