"""Sign-in events in the audit log.

STYLE.md keeps audit calls in services, never in signals. Signing in, failing to and signing
out happen inside django.contrib.auth — our sign-in form, the admin's, the session timeout,
the test client — and its signals are the framework's only hook that sees all of them. The
receivers below therefore only hand over to the services in `services.py`, which log. The
sign-in receiver also starts the session's clock for the timeouts (slik.accounts.middleware),
for the same reason: it is the one place every sign-in passes.
"""

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.utils.translation import gettext_lazy as _

from . import services
from .middleware import start_session_clock

ACTION_LABELS = {
    "account.signed_in": _("Signed in"),
    "account.sign_in_failed": _("Failed sign-in"),
    "account.signed_out": _("Signed out"),
    "account.password_changed": _("Password changed"),
    "account.password_reset": _("New password chosen through the e-mailed link"),
    "user.anonymised": _("Account deleted (anonymised)"),
}


def _signed_in(sender, request, user, **kwargs):
    if getattr(request, "session", None) is not None:
        start_session_clock(request.session)
    services.user_sign_in_record(user=user)


def _sign_in_failed(sender, credentials, request=None, **kwargs):
    # Django has already masked the password in `credentials`; only the e-mail is used.
    services.user_sign_in_failure_record(
        email=str(credentials.get("username") or ""),
        locked_out=bool(getattr(request, "axes_locked_out", False)),
    )


def _signed_out(sender, request, user, **kwargs):
    if user is not None:
        reason = getattr(request, "slik_sign_out_reason", "")
        services.user_sign_out_record(user=user, reason=reason)


def connect_sign_in_events() -> None:
    user_logged_in.connect(_signed_in, dispatch_uid="slik.accounts.signed_in")
    user_login_failed.connect(_sign_in_failed, dispatch_uid="slik.accounts.sign_in_failed")
    user_logged_out.connect(_signed_out, dispatch_uid="slik.accounts.signed_out")
