"""A friendly "busy, try again in a moment" page when the database is locked.

SQLite lets one writer in at a time; a request that waits longer than `busy_timeout` (5 s, see
config/settings/base.py) for the write lock gets `OperationalError: database is locked`.
PostgreSQL says the same with `lock_not_available` (SQLSTATE 55P03) once a lock_timeout is set.
Either is a moment's congestion, not a bug: the person gets 503 with Retry-After, and a POST
comes back as a form that sends what they typed again (passwords and files excepted).

The middleware handles a lock met in a view. A lock met after the view — SessionMiddleware
saving the session — reaches only the error handler, so `server_error` is `handler500`.
"""

from __future__ import annotations

import logging
import re
import sys

from django.db import OperationalError
from django.http import HttpResponse
from django.shortcuts import render
from django.views import defaults

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 5
LOCK_MESSAGES = ("database is locked", "database table is locked")
LOCK_NOT_AVAILABLE = "55P03"
# Never echoed back into a page: passwords, and the old CSRF token (the page has a fresh one).
SECRET_FIELD = re.compile(r"pass|secret|token", re.IGNORECASE)
PLAIN_PAGE = (
    '<!DOCTYPE html><html lang="nb"><head><meta charset="utf-8"><title>Opptatt – SLIK</title>'
    "</head><body><main><h1>SLIK er opptatt akkurat nå</h1>"
    "<p>Prøv igjen om noen sekunder.</p></main></body></html>"
)


def is_lock_error(error: BaseException | None) -> bool:
    if not isinstance(error, OperationalError):
        return False
    if any(message in str(error) for message in LOCK_MESSAGES):
        return True
    return getattr(error.__cause__, "sqlstate", None) == LOCK_NOT_AVAILABLE


def _kept_fields(request) -> list[tuple[str, str]]:
    if request.method != "POST":
        return []
    return [
        (name, value)
        for name, values in request.POST.lists()
        if not SECRET_FIELD.search(name)
        for value in values
    ]


def busy_response(request) -> HttpResponse:
    context = {
        "retry_after": RETRY_AFTER_SECONDS,
        "action": request.get_full_path(),
        "kept": _kept_fields(request),
        "left_out_secrets": any(SECRET_FIELD.search(name) for name in request.POST),
        "left_out_files": bool(request.FILES) if request.method == "POST" else False,
    }
    try:
        response = render(request, "busy.html", context, status=503)
    except Exception:
        # The last resort of an error path must not fail in turn (the layout reads the
        # database for the menu); a plain page still tells the person what to do.
        logger.exception("The busy page could not be rendered")
        response = HttpResponse(PLAIN_PAGE, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


class DatabaseBusyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not is_lock_error(exception):
            return None
        logger.warning("Database busy: %s %s (%s)", request.method, request.path, exception)
        return busy_response(request)


def server_error(request):
    """handler500: the busy page when the uncaught error is a lock, else Django's 500 page."""
    if is_lock_error(sys.exc_info()[1]):
        logger.warning("Database busy after the view: %s %s", request.method, request.path)
        return busy_response(request)
    return defaults.server_error(request)
