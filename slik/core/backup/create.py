"""`backup`: the database and the media files into one archive with a manifest."""

from __future__ import annotations

import tempfile
from pathlib import Path

from django.conf import settings
from django.db.backends.base.base import BaseDatabaseWrapper
from django.utils import timezone

from . import postgres, sqlite
from .archive import write_archive
from .database import applied_migrations, engine_of

DUMPERS = {"sqlite": sqlite.dump, "postgresql": postgres.dump}


def default_name() -> str:
    return f"slik-backup-{timezone.localtime():%Y%m%d-%H%M%S}.tar.gz"


def archive_path(output: Path | None) -> Path:
    """`output` as given, a new archive name inside it when it is a folder, or one in
    `var/backups/` when nothing is given."""
    if output is None:
        output = Path(settings.VAR_DIR) / "backups"
        output.mkdir(parents=True, exist_ok=True)
    return output / default_name() if output.is_dir() else output


def create_backup(*, connection: BaseDatabaseWrapper, output: Path, media_root: Path) -> dict:
    """Write the archive to `output`; the manifest."""
    engine = engine_of(connection)
    started = timezone.now()  # the database is copied as it is now
    migrations = applied_migrations(connection)
    with tempfile.TemporaryDirectory(dir=output.parent, prefix=".slik-backup-") as work:
        database_file = Path(work) / "database"
        DUMPERS[engine](connection, database_file)
        return write_archive(
            output,
            created_at=started,
            engine=engine,
            database_file=database_file,
            media_root=media_root,
            migrations=migrations,
        )
