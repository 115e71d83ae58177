import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponse
from django.utils import translation
from django.utils.translation import ngettext

LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}


class UserLanguageMiddleware:
    """Bokmål unless the person chose otherwise (profile, or the switch before signing in).

    The browser's Accept-Language is ignored on purpose: municipal PCs often run English
    Windows, and SLIK is Norwegian-first.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = request.session.get("slik_language")
        if language not in LANGUAGE_CODES:
            language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if language not in LANGUAGE_CODES:
            language = settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response


SIGNED_IN_AT = "slik_signed_in_at"
SEEN_AT = "slik_seen_at"
# The last-seen stamp is rewritten at most this often: a session save is a database write,
# which SQLite serialises, so not one per request (as SESSION_SAVE_EVERY_REQUEST would do).
SEEN_RESOLUTION_SECONDS = 60


def start_session_clock(session, now: float | None = None) -> None:
    now = time.time() if now is None else now
    session[SIGNED_IN_AT] = now
    session[SEEN_AT] = now


def _timed_out(session, now: float) -> str:
    """Why the session ends now: "expired", "idle", or "" when it may go on."""
    if now - session[SIGNED_IN_AT] > settings.SESSION_ABSOLUTE_TIMEOUT * 3600:
        return "expired"
    if now - session[SEEN_AT] > settings.SESSION_IDLE_TIMEOUT * 60:
        return "idle"
    return ""


def _explain(request, reason: str) -> None:
    if reason == "idle":
        minutes = settings.SESSION_IDLE_TIMEOUT
        text = ngettext(
            "You were signed out after %(count)d minute without activity. Sign in again to go on.",
            "You were signed out after %(count)d minutes without activity. Sign in again to go on.",
            minutes,
        ) % {"count": minutes}
    else:
        hours = settings.SESSION_ABSOLUTE_TIMEOUT
        text = ngettext(
            "You were signed out %(count)d hour after signing in. Sign in again to go on.",
            "You were signed out %(count)d hours after signing in. Sign in again to go on.",
            hours,
        ) % {"count": hours}
    messages.info(request, text)


class SessionTimeoutMiddleware:
    """Ends a session after SESSION_IDLE_TIMEOUT minutes without a request, and
    SESSION_ABSOLUTE_TIMEOUT hours after signing in however active it is.

    The stamps are set at sign-in (slik.accounts.audit); a session from before they existed
    gets them on its next request instead of being thrown out.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            signed_out = self._check(request)
            if signed_out and request.headers.get("HX-Request"):
                # An htmx fragment would swap the sign-in page into a corner of the page.
                response = HttpResponse(status=204)
                response["HX-Redirect"] = redirect_to_login(request.get_full_path()).url
                return response
        return self.get_response(request)

    def _check(self, request) -> bool:
        session, now = request.session, time.time()
        if SIGNED_IN_AT not in session or SEEN_AT not in session:
            start_session_clock(session, now)
            return False
        reason = _timed_out(session, now)
        if not reason:
            if now - session[SEEN_AT] >= SEEN_RESOLUTION_SECONDS:
                session[SEEN_AT] = now
            return False
        request.slik_sign_out_reason = reason  # for the audit log's sign-out event
        logout(request)
        _explain(request, reason)
        return True
