"""SQLite through its online backup API: a consistent copy while the server keeps running
(in WAL mode readers and the copy never block the writers), and the same API for restoring."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from django.db.backends.base.base import BaseDatabaseWrapper
from django.utils.translation import gettext as _

from . import BackupError


def _raw(connection: BaseDatabaseWrapper) -> sqlite3.Connection:
    if connection.in_atomic_block:
        raise BackupError(_("A backup or restore cannot run inside a database transaction."))
    connection.ensure_connection()
    return connection.connection


def dump(connection: BaseDatabaseWrapper, destination: Path) -> None:
    target = sqlite3.connect(destination)
    try:
        _raw(connection).backup(target)
        # The copy is one self-contained file, whatever journal mode the live database uses.
        target.execute("PRAGMA journal_mode=DELETE")
    except sqlite3.Error as exc:
        raise BackupError(_("The SQLite backup failed: %(error)s") % {"error": exc}) from exc
    finally:
        target.close()


def restore(source: Path, connection: BaseDatabaseWrapper) -> None:
    """Replace the whole database with `source`, page by page, in one step: other connections
    wait for the lock and then see either the old or the restored database, never a mix."""
    origin = sqlite3.connect(source)
    try:
        origin.backup(_raw(connection))
    except sqlite3.Error as exc:
        raise BackupError(_("The SQLite restore failed: %(error)s") % {"error": exc}) from exc
    finally:
        origin.close()
