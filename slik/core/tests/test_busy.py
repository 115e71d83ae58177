"""A locked database gives a friendly "busy, try again" page, never a bare 500.

The real lock (a second connection holding SQLite's write lock during a sign-in) is in
slik/accounts/tests/test_sign_in_busy.py; these tests cover the page and the error handler.
"""

from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.backends.db import SessionStore
from django.db import OperationalError
from django.test import RequestFactory

from slik.core.busy import DatabaseBusyMiddleware, server_error

LOCKED = OperationalError("database is locked")


def _request(method="get", path="/k/hvaler/case/ny/", data=None):
    request = getattr(RequestFactory(), method)(path, data or {})
    request.user = AnonymousUser()
    request.session = SessionStore()
    return request


def _middleware():
    return DatabaseBusyMiddleware(lambda request: None)


def test_locked_database_gives_503_with_retry_after(db):
    response = _middleware().process_exception(_request(), LOCKED)
    assert response.status_code == 503
    assert int(response["Retry-After"]) > 0
    assert 'lang="nb"' in response.content.decode()


def test_busy_page_offers_to_reload_the_same_address(db):
    content = _middleware().process_exception(_request(), LOCKED).content.decode()
    assert 'href="/k/hvaler/case/ny/"' in content


def test_busy_page_sends_the_typed_form_again_but_no_password(db):
    data = {
        "title": "Min lange tekst",
        "password": "hemmelig-passord",
        "new_password1": "hemmelig-nytt",
        "csrfmiddlewaretoken": "gammel",
    }
    request = _request("post", data=data)
    content = _middleware().process_exception(request, LOCKED).content.decode()
    assert 'action="/k/hvaler/case/ny/"' in content
    assert 'name="title" value="Min lange tekst"' in content
    assert "hemmelig" not in content
    assert "gammel" not in content
    assert 'name="csrfmiddlewaretoken"' in content


def test_postgresql_lock_timeout_is_busy_too(db):
    error = OperationalError("canceling statement due to lock timeout")
    error.__cause__ = type("LockNotAvailable", (Exception,), {"sqlstate": "55P03"})()
    assert _middleware().process_exception(_request(), error).status_code == 503


def test_other_database_errors_are_not_hidden(db):
    error = OperationalError("no such table: cases_case")
    assert _middleware().process_exception(_request(), error) is None


def test_error_handler_turns_a_lock_into_the_busy_page(db):
    """A lock met while saving the session (after the view) reaches only the 500 handler."""
    try:
        raise LOCKED
    except OperationalError:
        response = server_error(_request())
    assert response.status_code == 503
    assert "Retry-After" in response


def test_error_handler_otherwise_gives_the_usual_500(db):
    try:
        raise ValueError("boom")
    except ValueError:
        response = server_error(_request())
    assert response.status_code == 500
