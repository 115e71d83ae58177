"""The database side of a backup: which engine, a connection to a target, migration state."""

from __future__ import annotations

import dj_database_url
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.migrations.loader import MigrationLoader
from django.db.utils import ConnectionHandler
from django.utils.translation import gettext as _

from . import BackupError

ENGINES = {"sqlite3": "sqlite", "postgresql": "postgresql", "postgis": "postgresql"}


def engine_of(connection: BaseDatabaseWrapper) -> str:
    """`sqlite` or `postgresql`; any other engine is refused with a clear message."""
    module = connection.settings_dict["ENGINE"].rsplit(".", 1)[-1]
    if module not in ENGINES:
        raise BackupError(
            _("Backup supports SQLite and PostgreSQL, not %(engine)s.")
            % {"engine": connection.settings_dict["ENGINE"]}
        )
    return ENGINES[module]


def target_connection(database_url: str | None = None) -> BaseDatabaseWrapper:
    """The configured database, or another one named by a URL (a scratch database to try a
    restore on), as a Django connection of its own."""
    if not database_url:
        return connections[DEFAULT_DB_ALIAS]
    try:
        settings_dict = dj_database_url.parse(database_url)
    except ValueError as exc:
        raise BackupError(
            _("%(url)s is not a database URL: %(error)s") % {"url": database_url, "error": exc}
        ) from exc
    return ConnectionHandler({DEFAULT_DB_ALIAS: settings_dict})[DEFAULT_DB_ALIAS]


def describe(connection: BaseDatabaseWrapper) -> str:
    """The database for the operator's eyes, without the password."""
    settings_dict = connection.settings_dict
    if engine_of(connection) == "sqlite":
        return f"SQLite {settings_dict['NAME']}"
    host = settings_dict.get("HOST") or "localhost"
    port = settings_dict.get("PORT") or 5432
    return f"PostgreSQL {settings_dict['NAME']} @ {host}:{port}"


def applied_migrations(connection: BaseDatabaseWrapper) -> dict[str, list[str]]:
    """The migrations recorded in the database, per app, in the order they were applied."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT app, name FROM django_migrations ORDER BY id")
        rows = cursor.fetchall()
    result: dict[str, list[str]] = {}
    for app, name in rows:
        result.setdefault(app, []).append(name)
    return dict(sorted(result.items()))


def code_migrations() -> set[tuple[str, str]]:
    """Every migration this version of SLIK ships (and the installed libraries)."""
    return set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)


def unknown_migrations(migrations: dict[str, list[str]]) -> list[str]:
    """Migrations applied in a backup that this code does not know: the backup is newer."""
    known = code_migrations()
    return [
        f"{app}.{name}"
        for app, names in migrations.items()
        for name in names
        if (app, name) not in known
    ]
