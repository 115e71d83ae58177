"""Sign-in while another process holds SQLite's write lock: a friendly 503, not a 500.

The suite's SQLite database lives in memory (shared-cache mode, whose table locks behave
differently), so this test copies it to a file and points the requests at the copy while a
second, plain sqlite3 connection holds `BEGIN IMMEDIATE` — as the task worker or a long import
would. The copy waits 0.2 s for the lock instead of production's 5 s, only to keep the test quick.
"""

import re
import sqlite3

import pytest
from django.db import connection, connections
from django.test import Client
from django.urls import reverse

from conftest import PASSWORD

pytestmark = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="the write lock under test is SQLite's"
)
LOGIN = reverse("accounts:login")
EMAIL = "opptatt@hvaler.test"


@pytest.fixture
def file_database(transactional_db, tmp_path):
    """Every query of the test goes to a file copy of the test database."""
    path = tmp_path / "slik.sqlite3"
    memory = connections["default"]
    memory.ensure_connection()
    copy = sqlite3.connect(path)
    memory.connection.backup(copy)
    copy.close()
    options = dict(memory.settings_dict.get("OPTIONS", {}))
    options["init_command"] = "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=200;"
    on_file = memory.__class__({**memory.settings_dict, "NAME": str(path), "OPTIONS": options})
    connections["default"] = on_file
    try:
        from slik.accounts.models import User

        User.objects.create_user(email=EMAIL, password=PASSWORD, full_name="Opptatt")
        yield path
    finally:
        on_file.close()
        connections["default"] = memory


@pytest.fixture
def write_lock(file_database):
    """Another process holding the write lock, released by calling the fixture's value."""
    holder = sqlite3.connect(file_database, isolation_level=None, timeout=0)
    holder.execute("BEGIN IMMEDIATE")
    yield holder.rollback
    holder.close()


def test_sign_in_under_a_held_write_lock_is_busy_not_an_error(write_lock):
    client = Client(raise_request_exception=False)
    response = client.post(LOGIN, {"username": EMAIL, "password": PASSWORD})
    assert response.status_code == 503
    assert int(response["Retry-After"]) > 0
    assert not response.wsgi_request.user.is_authenticated


def test_busy_page_keeps_the_email_for_the_retry(write_lock):
    client = Client(raise_request_exception=False)
    content = client.post(LOGIN, {"username": EMAIL, "password": PASSWORD}).content.decode()
    assert PASSWORD not in content
    retry = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', content))
    assert retry["username"] == EMAIL

    write_lock()
    # "Send again" brings back the sign-in form with the e-mail filled in; only the password
    # (never kept) is asked for again.
    response = client.post(LOGIN, retry)
    assert response.status_code == 200
    assert response.context["form"]["username"].value() == EMAIL
    response = client.post(LOGIN, {**retry, "password": PASSWORD})
    assert response.status_code == 302
    assert client.get(reverse("accounts:profile")).status_code == 200
