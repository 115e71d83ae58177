"""Throttling of sign-in (django-axes, configured in settings) and of password reset requests.

Why the pieces are as they are: docs/decisions/0004-sign-in-throttling-and-csp.md.
"""

from __future__ import annotations

import ipaddress
import math
from hashlib import sha256

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_cool_off, get_lockout_parameters
from django.conf import settings
from django.core.cache import caches
from django.db.models import Sum
from django.shortcuts import render
from django.utils import timezone

RESET_WINDOW_SECONDS = 3600


def client_address(request) -> str | None:
    """The client's IP address. Behind our own proxy (SLIK_BEHIND_PROXY) that is the last
    X-Forwarded-For entry, the one the proxy appended; earlier entries the client may forge."""
    if settings.SLIK_BEHIND_PROXY:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")[-1].strip()
        try:
            return str(ipaddress.ip_address(forwarded))
        except ValueError:
            pass
    return request.META.get("REMOTE_ADDR")


def attempted_email(request, credentials: dict | None = None) -> str:
    """The e-mail a sign-in was tried with, as the counters key it: case and spaces do not
    buy extra attempts."""
    data = credentials if credentials else getattr(request, "POST", {})
    return str(data.get(settings.AXES_USERNAME_FORM_FIELD) or "").strip().lower()[:255]


def _limit(parameter) -> int:
    if parameter == "username":
        return settings.SIGN_IN_LIMIT_PER_ACCOUNT
    if parameter == "ip_address":
        return settings.SIGN_IN_LIMIT_PER_ADDRESS
    return settings.AXES_FAILURE_LIMIT


class SignInAttempts(AxesDatabaseHandler):
    """Axes' database handler with a limit of its own for each lockout parameter set.

    Axes compares the largest failure count of any set with one limit (AXES_FAILURE_LIMIT).
    The counts of the looser sets (the e-mail from any address, the address for any e-mail)
    are scaled to that limit, so each set locks exactly at its own limit.
    """

    def get_failures(self, request, credentials: dict | None = None) -> int:
        base = settings.AXES_FAILURE_LIMIT
        parameters = get_lockout_parameters(request, credentials)
        attempts = self.get_user_attempts(request, credentials)
        scaled = [
            (queryset.aggregate(n=Sum("failures_since_start"))["n"] or 0) * base // _limit(p)
            for p, queryset in zip(parameters, attempts, strict=True)
        ]
        return max(scaled, default=0)

    def user_logged_in(self, sender, request, user, **kwargs):
        """A person who gets their password right forgets their own earlier failures from
        this address, and only those: other accounts' failures from the address still count,
        so signing in with one's own account cannot reset an attacker's tally."""
        super().user_logged_in(sender, request, user, **kwargs)
        address = getattr(request, "axes_ip_address", None)
        if address:
            self.reset_attempts(
                ip_address=address, username=get_client_username(request, {"username": user.email})
            )


def lockout_response(request, original_response=None, credentials=None):
    """The page axes shows once sign-in is locked: when to try again, and the way out."""
    cool_off = get_cool_off(request)
    context = {
        "cooloff_minutes": math.ceil(cool_off.total_seconds() / 60),
        "retry_at": timezone.now() + cool_off,
    }
    response = render(request, "accounts/locked_out.html", context, status=429)
    response["Retry-After"] = str(int(cool_off.total_seconds()))
    return response


def _count(key: str) -> int:
    store = caches["throttle"]
    store.add(key, 0, RESET_WINDOW_SECONDS)
    try:
        return store.incr(key)
    except ValueError:  # expired between add() and incr()
        store.set(key, 1, RESET_WINDOW_SECONDS)
        return 1


def _key(kind: str, value: str) -> str:
    return f"password-reset:{kind}:{sha256(value.encode()).hexdigest()}"


def password_reset_allowed(request, email: str) -> bool:
    """Count this request; False while the client address or the e-mail is over its hourly
    limit. The same for addresses with and without an account, so it reveals nothing.

    A request refused for its client address is not counted against the e-mail, so one noisy
    client cannot block a person's own reset from elsewhere.
    """
    address = client_address(request) or ""
    if _count(_key("address", address)) > settings.PASSWORD_RESET_LIMIT_PER_ADDRESS:
        return False
    email_key = _key("email", email.strip().lower())
    return _count(email_key) <= settings.PASSWORD_RESET_LIMIT_PER_EMAIL
