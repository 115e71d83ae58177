"""Run calls at the same moment in threads, each on its own database connection.

For tests marked `django_db(transaction=True)`: what one thread writes the others must see
committed. PostgreSQL makes a second writer wait on the row lock. SQLite in production (a file
with `busy_timeout`) makes it wait for the write lock at `BEGIN IMMEDIATE`; the in-memory
database the tests share between threads (shared cache) cannot wait and answers "database table
is locked" at once. While the calls run, such a statement is tried again after a pause, which
is what the production database's waiting does – so a request still reads before it waits, as
it would in production.
"""

from __future__ import annotations

import threading
import time
from contextlib import contextmanager

from django.db import connection

WAIT_SECONDS = 20
PAUSE = 0.005


def _waiting(method):
    def wrapper(*args, **kwargs):
        deadline = time.monotonic() + WAIT_SECONDS
        while True:
            try:
                return method(*args, **kwargs)
            except Exception as exc:
                if "locked" not in str(exc) or time.monotonic() > deadline:
                    raise
                time.sleep(PAUSE)

    return wrapper


@contextmanager
def sqlite_waits_for_locks():
    """Make the shared-cache in-memory SQLite wait for a lock like a file database does."""
    if connection.vendor != "sqlite":
        yield
        return
    from django.db.backends.sqlite3 import base

    targets = [
        (base.SQLiteCursorWrapper, "execute"),
        (base.SQLiteCursorWrapper, "executemany"),
        (base.DatabaseWrapper, "_commit"),
    ]
    originals = [(cls, name, cls.__dict__.get(name)) for cls, name in targets]
    for cls, name in targets:
        setattr(cls, name, _waiting(getattr(cls, name)))
    try:
        yield
    finally:
        for cls, name, original in originals:
            if original is None:
                delattr(cls, name)
            else:
                setattr(cls, name, original)


def run_together(*calls) -> list:
    """Start every call at once; returns each call's result, or the exception it raised."""
    barrier = threading.Barrier(len(calls))
    results: list = [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait(timeout=30)
            results[index] = call()
        except BaseException as exc:  # noqa: BLE001 – handed to the test to assert on
            results[index] = exc
        finally:
            connection.close()

    with sqlite_waits_for_locks():
        threads = [threading.Thread(target=run, args=item) for item in enumerate(calls)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
    return results
