"""`manage.py organisation_export <slug> <folder>`: everything an organisation owns, for a GDPR
request (access, portability) or before `organisation_erase`. See docs/operations.md."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from slik.organisations.export import organisation_export
from slik.organisations.models import Organisation


class Command(BaseCommand):
    help = (
        "Export every row and file that belongs to an organisation into a new folder: data.json, "
        "one CSV per kind of data, the files, and a README."
    )

    def add_arguments(self, parser):
        parser.add_argument("slug", help="the organisation's address, as in /k/<slug>/")
        parser.add_argument("folder", type=Path, help="a folder that does not exist yet")

    def handle(self, *args, slug, folder, **options):
        organisation = Organisation.objects.filter(slug=slug).first()
        if organisation is None:
            raise CommandError(
                _("There is no organisation with the address %(slug)s.") % {"slug": slug}
            )
        if folder.exists():
            raise CommandError(_("%(path)s already exists; give a new folder.") % {"path": folder})
        if not folder.parent.is_dir():
            raise CommandError(_("The folder %(path)s does not exist.") % {"path": folder.parent})
        summary = organisation_export(actor=None, organisation=organisation, destination=folder)
        self.stdout.write(
            _("Exported %(rows)d rows and %(files)d files of %(name)s to %(path)s.")
            % {
                "rows": sum(summary.rows.values()),
                "files": summary.files,
                "name": organisation,
                "path": folder,
            }
        )
