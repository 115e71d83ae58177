"""`manage.py restore ARCHIVE [--yes] [--database-url URL] [--media-root DIR]`.

Checks every checksum, the engine and the migration state first; asks before it replaces
anything. Stop the web server and the worker while restoring the live installation. See
docs/operations.md, "Backup and restore".
"""

import sys
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from slik.core.backup import BackupError
from slik.core.backup.database import describe, target_connection
from slik.core.backup.restore import apply_restore, prepare_restore

YES = ("yes", "ja")


class Command(BaseCommand):
    help = (
        "Restore a backup archive made by `manage.py backup`: replaces the database and the "
        "media files after checking the archive."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path)
        parser.add_argument("--yes", action="store_true", help="do not ask before replacing")
        parser.add_argument(
            "--database-url",
            help="restore into this database instead of the configured one (e.g. a scratch "
            "database to test a backup); the media files are then only restored with "
            "--media-root",
        )
        parser.add_argument(
            "--media-root", type=Path, help="restore the media files here instead of MEDIA_ROOT"
        )

    def handle(self, *args, archive, yes, database_url=None, media_root=None, **options):
        if not archive.is_file():
            raise CommandError(_("There is no file %(path)s.") % {"path": archive})
        if media_root is None and not database_url:
            media_root = Path(settings.MEDIA_ROOT)
        try:
            connection = target_connection(database_url)
            parent = (media_root or Path(settings.MEDIA_ROOT)).parent
            parent.mkdir(parents=True, exist_ok=True)
            with tempfile.TemporaryDirectory(dir=parent, prefix=".slik-restore-") as work:
                plan = prepare_restore(
                    archive=archive,
                    workdir=Path(work),
                    connection=connection,
                    media_root=media_root,
                )
                self._describe(plan)
                if not (yes or self._confirm()):
                    raise CommandError(_("Restore cancelled; nothing was changed."))
                apply_restore(plan)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        finally:
            if database_url:
                connection.close()
        self.stdout.write(_("Restore complete."))
        if plan.pending_migrations:
            self.stdout.write(_("The backup is older than this code: run `manage.py migrate` now."))

    def _describe(self, plan):
        manifest = plan.manifest
        release = manifest.get("slik") or {}
        self.stdout.write(
            _("Backup of %(created)s (SLIK %(version)s, commit %(commit)s), %(count)d files.")
            % {
                "created": manifest.get("created_at"),
                "version": release.get("version") or "?",
                "commit": (release.get("commit") or "?")[:12],
                "count": len(manifest["files"]),
            }
        )
        self.stdout.write(
            _("Every checksum matches. This replaces the database %(database)s.")
            % {"database": describe(plan.connection)}
        )
        if plan.media_root is None:
            self.stdout.write(_("The media files are not restored (no --media-root)."))
        else:
            self.stdout.write(
                _("It replaces the media files in %(path)s.") % {"path": plan.media_root}
            )

    def _confirm(self) -> bool:
        if not sys.stdin.isatty():
            raise CommandError(
                _("Add --yes to restore without a question (no terminal to ask on).")
            )
        answer = input(_("Type 'yes' to continue, anything else to cancel: "))
        return answer.strip().lower() in YES
