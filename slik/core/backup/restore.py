"""`restore`: check an archive completely, then replace the database and the media files."""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.db.backends.base.base import BaseDatabaseWrapper
from django.utils.translation import gettext as _

from . import BackupError, postgres, sqlite
from .archive import extract_archive
from .database import applied_migrations, code_migrations, engine_of, unknown_migrations
from .manifest import MEDIA_PREFIX

RESTORERS = {"sqlite": sqlite.restore, "postgresql": postgres.restore}
# SQLite's backup API replaces the whole file; pg_restore only replaces what the dump holds.
TARGET_CHECKS = {"postgresql": postgres.check_target}


@dataclass(frozen=True)
class RestorePlan:
    manifest: dict
    workdir: Path  # the unpacked and checked archive
    connection: BaseDatabaseWrapper
    media_root: Path | None  # None: the media files are checked but not restored

    @property
    def pending_migrations(self) -> int:
        """Migrations this code has that the backup's database lacks: run `migrate` after."""
        applied = {
            (app, name) for app, names in self.manifest["migrations"].items() for name in names
        }
        return len(code_migrations() - applied)


def prepare_restore(
    *, archive: Path, workdir: Path, connection: BaseDatabaseWrapper, media_root: Path | None
) -> RestorePlan:
    """Unpack and check everything; nothing in the installation is touched yet."""
    if connection.in_atomic_block:
        raise BackupError(_("A backup or restore cannot run inside a database transaction."))
    manifest = extract_archive(archive, workdir)
    engine, archived = engine_of(connection), manifest["database"]["engine"]
    if archived != engine:
        raise BackupError(
            _(
                "The backup holds a %(archived)s database, but the target is %(engine)s. "
                "Restore it into a %(archived)s database."
            )
            % {"archived": archived, "engine": engine}
        )
    unknown = unknown_migrations(manifest["migrations"])
    if unknown:
        raise BackupError(
            _(
                "The backup was made by a newer version of SLIK (migrations unknown here: "
                "%(migrations)s). Restore it with that version or a later one."
            )
            % {"migrations": ", ".join(unknown[:5])}
        )
    if engine in TARGET_CHECKS:
        TARGET_CHECKS[engine](workdir / manifest["database"]["file"], connection)
    return RestorePlan(manifest, workdir, connection, media_root)


def apply_restore(plan: RestorePlan) -> None:
    manifest = plan.manifest
    engine = manifest["database"]["engine"]
    RESTORERS[engine](plan.workdir / manifest["database"]["file"], plan.connection)
    if applied_migrations(plan.connection) != manifest["migrations"]:
        raise BackupError(
            _(
                "After the restore the database's migration state differs from the backup's. "
                "Restore into an empty database."
            )
        )
    if plan.media_root is not None:
        replace_folder(plan.workdir / MEDIA_PREFIX.rstrip("/"), plan.media_root)


def replace_folder(source: Path, target: Path) -> None:
    """Put `source` where `target` is; the old folder is kept aside until the new one is in."""
    source.mkdir(exist_ok=True)  # an archive without media files restores an empty folder
    target.parent.mkdir(parents=True, exist_ok=True)
    aside = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}-before-restore-"))
    old = aside / target.name
    if target.exists():
        target.rename(old)
    try:
        shutil.move(source, target)
    except OSError as exc:
        shutil.rmtree(target, ignore_errors=True)
        if old.exists():
            old.rename(target)
        raise BackupError(
            _("The media files could not be restored: %(error)s") % {"error": exc}
        ) from exc
    shutil.rmtree(aside)
