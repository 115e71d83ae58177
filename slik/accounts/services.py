from dataclasses import dataclass, field

from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from slik.core.audit import audit_log, snapshot
from slik.organisations.models import Membership

from .anonymise import delete_personal_rows, delete_sessions, personal_names, scrub_everywhere
from .models import User

PROFILE_FIELDS = ("full_name", "language")


@transaction.atomic
def user_update_profile(*, actor: User, full_name: str, language: str) -> User:
    before = snapshot(actor, PROFILE_FIELDS)
    actor.full_name = full_name
    actor.language = language
    actor.save(update_fields=["full_name", "language"])
    audit_log(
        actor=actor,
        action="user.profile.updated",
        obj=actor,
        organisation=None,
        before=before,
        after=snapshot(actor, PROFILE_FIELDS),
    )
    return actor


def user_sign_in_record(*, user: User) -> None:
    audit_log(actor=user, action="account.signed_in", obj=user, organisation=None)


def user_sign_in_failure_record(*, email: str, locked_out: bool) -> None:
    """A failed sign-in is logged against the account the e-mail belongs to. An unknown e-mail
    gets no row here (nor a user); axes' failure log keeps every attempt, with the e-mail."""
    user = User.objects.filter(email__iexact=email.strip()).first() if email else None
    if user is not None:
        audit_log(
            actor=None,
            action="account.sign_in_failed",
            obj=user,
            organisation=None,
            data={"locked_out": locked_out},
        )


def user_sign_out_record(*, user: User, reason: str = "") -> None:
    """`reason` is "idle" or "expired" when the session timed out, empty when they chose to."""
    audit_log(
        actor=user,
        action="account.signed_out",
        obj=user,
        organisation=None,
        data={"reason": reason} if reason else None,
    )


@transaction.atomic
def user_password_change(*, user: User, password: str) -> User:
    user.set_password(password)
    user.save(update_fields=["password"])
    audit_log(actor=user, action="account.password_changed", obj=user, organisation=None)
    return user


@transaction.atomic
def user_password_reset(*, user: User, password: str) -> User:
    """A new password through the e-mailed link. Proving the mailbox also lifts a sign-in
    lockout on the account (the lockout page points here)."""
    user.set_password(password)
    user.save(update_fields=["password"])
    AxesProxyHandler.reset_attempts(username=user.email.lower())
    audit_log(actor=None, action="account.password_reset", obj=user, organisation=None)
    return user


@dataclass
class AnonymiseResult:
    rows_scrubbed: int = 0
    # Organisations the person was the only innovation coordinator of: appoint a new one.
    without_coordinator: list[str] = field(default_factory=list)


def _sole_coordinator_of(user: User) -> list[str]:
    coordinator = Membership.Role.COORDINATOR
    return [
        str(m.organisation)
        for m in user.memberships.filter(role=coordinator).select_related("organisation")
        if not m.organisation.memberships.filter(role=coordinator).exclude(user=user).exists()
    ]


@transaction.atomic
def user_anonymise(*, actor, user: User) -> AnonymiseResult:
    """Delete an account on request without deleting the organisations' records.

    The row stays, so scores, measurements, decisions and cases keep an author, shown as
    "Deleted user". The e-mail becomes a unique address that cannot receive mail, the name is
    cleared, the password unusable and the account inactive; memberships, calendar tokens and
    sessions go; the e-mail and every name the account has had are replaced in every text of
    every table, the audit log included (see `anonymise.py`). Anonymising twice changes nothing.
    """
    user = User.objects.select_for_update().get(pk=user.pk)
    if user.anonymised_at is not None:
        return AnonymiseResult()
    result = AnonymiseResult(without_coordinator=_sole_coordinator_of(user))
    with translation.override(settings.LANGUAGE_CODE):  # stored text is in the default language
        placeholder = str(_("Deleted user"))
    new_email = f"deleted-{user.pk}@anonymised.invalid"  # .invalid never routes (RFC 2606)
    replacements = dict.fromkeys(personal_names(user), placeholder) | {user.email: new_email}
    delete_personal_rows(user)
    delete_sessions(user)
    result.rows_scrubbed = scrub_everywhere(user=user, replacements=replacements)
    user.email = new_email
    user.full_name = ""
    user.set_unusable_password()
    user.is_active = user.is_staff = user.is_superuser = False
    user.last_login = None
    user.anonymised_at = timezone.now()
    user.save()
    user.groups.clear()
    user.user_permissions.clear()
    audit_log(
        actor=actor,
        action="user.anonymised",
        obj=user,
        organisation=None,
        data={"rows_scrubbed": result.rows_scrubbed},
    )
    return result
