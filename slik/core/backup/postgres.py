"""PostgreSQL through `pg_dump --format=custom` and `pg_restore`, with the connection settings
Django uses (host, port, user, password, TLS options) passed in the environment, never on the
command line where other users of the machine could read them."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.backends.postgresql.client import DatabaseClient
from django.utils.translation import gettext as _

from . import BackupError

# pg_dump holds one snapshot for the whole dump, so the copy is consistent while SLIK runs.
DUMP_ARGS = ("--format=custom", "--no-password")
# One transaction: a restore that fails half-way leaves the database as it was.
RESTORE_ARGS = (
    "--clean",
    "--if-exists",
    "--no-owner",
    "--no-privileges",
    "--single-transaction",
    "--exit-on-error",
    "--no-password",
)


def _environment(settings_dict: dict) -> dict[str, str]:
    _args, extra = DatabaseClient.settings_to_cmd_args_env(settings_dict, [])
    env = {**os.environ, **(extra or {})}
    for key, variable in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER")):
        if settings_dict.get(key):
            env[variable] = str(settings_dict[key])
    return env


def _run(program: str, args: list[str], settings_dict: dict | None = None) -> str:
    executable = shutil.which(program)
    if executable is None:
        raise BackupError(
            _("%(program)s was not found. Install the PostgreSQL client tools.")
            % {"program": program}
        )
    result = subprocess.run(
        [executable, *args],
        env=_environment(settings_dict) if settings_dict else None,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise BackupError(
            _("%(program)s failed: %(error)s")
            % {"program": program, "error": result.stderr.strip()[-2000:]}
        )
    return result.stdout


def dump(connection: BaseDatabaseWrapper, destination: Path) -> None:
    settings_dict = connection.settings_dict
    args = [*DUMP_ARGS, f"--file={destination}", f"--dbname={settings_dict['NAME']}"]
    _run("pg_dump", args, settings_dict)


def check_target(source: Path, connection: BaseDatabaseWrapper) -> None:
    """Refuse a target with tables the dump does not hold (a newer schema, another program's
    tables): `--clean` would leave them, and the restored database would not be the backup."""
    listed = set()
    for line in _run("pg_restore", ["--list", str(source)]).splitlines():
        parts = line.split()
        if not line.startswith(";") and "TABLE" in parts and "DATA" not in parts:
            listed.add(parts[-2])
    with connection.cursor() as cursor:
        extra = sorted(set(connection.introspection.table_names(cursor)) - listed)
    if extra:
        raise BackupError(
            _(
                "The target database has tables the backup does not (%(tables)s). Restore into "
                "an empty database (createdb) or the database the backup was made from."
            )
            % {"tables": ", ".join(extra[:5])}
        )


def restore(source: Path, connection: BaseDatabaseWrapper) -> None:
    settings_dict = connection.settings_dict
    # Our own open connection would hold locks the restore waits for.
    connection.close()
    args = [*RESTORE_ARGS, f"--dbname={settings_dict['NAME']}", str(source)]
    _run("pg_restore", args, settings_dict)
