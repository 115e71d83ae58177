"""Helpers of the backup tests: every table's rows as a fingerprint, archives to tamper with."""

from __future__ import annotations

import hashlib
import io
import sqlite3
import tarfile
from pathlib import Path

import psycopg
from django_tasks import task


@task()
def backup_probe() -> None:
    """A task for the task queue's table to hold a row in the backup."""


def _digest(rows: list[str]) -> tuple[int, str]:
    return len(rows), hashlib.sha256("\n".join(sorted(rows)).encode()).hexdigest()


def sqlite_fingerprint(name: str) -> dict[str, tuple[int, str]]:
    """Row count and a checksum of every row of every table, read as stored (no converters)."""
    connection = sqlite3.connect(name, uri=name.startswith("file:"))
    try:
        tables = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_stat%'"
            )
        ]
        return {
            table: _digest([repr(row) for row in connection.execute(f'SELECT * FROM "{table}"')])
            for table in tables
        }
    finally:
        connection.close()


def postgres_conninfo(settings_dict: dict, name: str | None = None) -> dict:
    info = {
        "dbname": name or settings_dict["NAME"],
        "user": settings_dict.get("USER") or None,
        "password": settings_dict.get("PASSWORD") or None,
        "host": settings_dict.get("HOST") or None,
        "port": settings_dict.get("PORT") or None,
    }
    return {key: value for key, value in info.items() if value}


def postgres_fingerprint(conninfo: dict) -> dict[str, tuple[int, str]]:
    """Row count and a checksum of every row (its text form) of every table."""
    with psycopg.connect(**conninfo) as connection:
        tables = [
            row[0]
            for row in connection.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
            )
        ]
        return {
            table: _digest(
                [row[0] for row in connection.execute(f'SELECT t::text FROM "{table}" AS t')]
            )
            for table in tables
        }


def postgres_create(conninfo: dict, name: str) -> None:
    with psycopg.connect(**{**conninfo, "dbname": "postgres"}, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')


def postgres_drop(conninfo: dict, name: str) -> None:
    with psycopg.connect(**{**conninfo, "dbname": "postgres"}, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def rewrite_archive(path: Path, change) -> None:
    """Rewrite the archive, passing each member's name and bytes through `change`, which
    returns the (name, bytes) to keep or None to drop; `change(None, None)` may add members."""
    with tarfile.open(path, "r:gz") as tar:
        members = [(m.name, tar.extractfile(m).read()) for m in tar.getmembers()]
    kept = [change(name, data) for name, data in members] + [change(None, None)]
    with tarfile.open(path, "w:gz") as tar:
        for item in kept:
            if item is None:
                continue
            name, data = item
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
