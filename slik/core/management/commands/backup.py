"""`manage.py backup [--output PATH]`: the database and the media files in one archive.

Safe while SLIK runs: SQLite is copied with its online backup API, PostgreSQL with pg_dump
(one snapshot). See docs/operations.md, "Backup and restore".
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from slik.core.backup import BackupError
from slik.core.backup.create import archive_path, create_backup
from slik.core.backup.database import describe, target_connection


class Command(BaseCommand):
    help = (
        "Write a backup archive (.tar.gz) with the database, the media files and a manifest "
        "with checksums. Default: var/backups/slik-backup-<time>.tar.gz."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output", "-o", type=Path, help="the archive file, or a folder to write it in"
        )

    def handle(self, *args, output=None, **options):
        connection = target_connection()
        path = archive_path(output)
        if not path.parent.is_dir():
            raise CommandError(_("The folder %(path)s does not exist.") % {"path": path.parent})
        try:
            manifest = create_backup(
                connection=connection, output=path, media_root=Path(settings.MEDIA_ROOT)
            )
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        size = sum(entry["size"] for entry in manifest["files"])
        self.stdout.write(
            _("Backup of %(database)s written to %(path)s: %(count)d files, %(size)s bytes.")
            % {
                "database": describe(connection),
                "path": path,
                "count": len(manifest["files"]),
                "size": size,
            }
        )
