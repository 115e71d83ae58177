from dataclasses import dataclass, field

from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from slik.core.audit import audit_log, snapshot

from .anonymise import sources
from .anonymise.platform import delete_personal_rows, platform_rows, session_keys
from .anonymise.scan import Findings, scan, write
from .anonymise.terms import Scrubber, personal_names, scrubbable_names
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
    # What whoever anonymises should hear (a municipality left without a coordinator).
    notices: list[str] = field(default_factory=list)
    # The rows that hold the name or e-mail (a dry run stops here).
    findings: Findings = field(default_factory=Findings)


def _scrubber(user: User) -> Scrubber:
    with translation.override(settings.LANGUAGE_CODE):  # stored text is in the default language
        placeholder = str(_("Deleted user"))
    reserved = {name for source in sources() for name in source.reserved_names()}
    return Scrubber(
        email=user.email,
        new_email=f"deleted-{user.pk}@anonymised.invalid",  # .invalid never routes (RFC 2606)
        names=scrubbable_names(personal_names(user), reserved),
        placeholder=placeholder,
    )


def _where_personal_data(user: User):
    yield from platform_rows(user)
    for source in sources():
        yield from source.rows(user)


def user_anonymise(*, actor, user: User, dry_run: bool = False) -> AnonymiseResult:
    """Delete an account on request without deleting the organisations' records.

    The row stays, so scores, measurements, decisions and cases keep an author, shown as
    "Deleted user". The e-mail becomes a unique address that cannot receive mail, the name is
    cleared, the password unusable and the account inactive; memberships, calendar tokens and
    sessions go; the e-mail and the person's names are replaced where their data can be (see
    `anonymise/`). Anonymising twice changes nothing.

    Not one transaction from end to end, on purpose: the rows are found first, reading only
    (on SQLite a write transaction would block every other writer for the whole search); then
    the account and exactly those rows are written in one short transaction. `dry_run` stops
    after the search and reports what would change.
    """
    if user.anonymised_at is not None:
        return AnonymiseResult()
    scrubber = _scrubber(user)
    result = AnonymiseResult(
        notices=[notice for source in sources() for notice in source.notices(user)],
        findings=scan(_where_personal_data(user), scrubber, skip={User}),
    )
    if not dry_run:
        result.rows_scrubbed = _anonymise(
            actor=actor,
            user=user,
            scrubber=scrubber,
            findings=result.findings,
            sessions=session_keys(user),
        )
    return result


@transaction.atomic
def _anonymise(*, actor, user: User, scrubber: Scrubber, findings: Findings, sessions) -> int:
    user = User.objects.select_for_update().get(pk=user.pk)
    if user.anonymised_at is not None:  # anonymised meanwhile by someone else
        return 0
    delete_personal_rows(user)
    Session.objects.filter(pk__in=sessions).delete()
    rows = write(findings, scrubber)
    user.email = scrubber.new_email
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
        data={"rows_scrubbed": rows},
    )
    return rows
