"""`manage.py import_municipalities [PATH ...] [--shared]` – counties and municipalities.

Operator messages are Norwegian: this is run from a terminal by Norwegian operators.
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from slik.organisations.register import RegisterError, current_entries, parse_register_file
from slik.organisations.services import organisation_import_register

SHARED_FILES = ("fylker_2024.csv", "kommuner_2024.csv")


class Command(BaseCommand):
    help = (
        "Importerer fylker og kommuner fra SLIKs referansefiler (--shared) eller fra SSB KLASS "
        "(CSV eller JSON, klassifikasjon 104 og 131). Kan kjøres på nytt: oppdaterer, "
        "dupliserer ikke."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", help="CSV- eller JSON-filer")
        parser.add_argument(
            "--shared",
            action="store_true",
            help="bruk fylker_2024.csv og kommuner_2024.csv i SHARED_DATA_DIR",
        )

    def handle(self, *args, paths, shared, **options):
        files = [Path(p) for p in paths]
        if shared:
            files += [Path(settings.SHARED_DATA_DIR) / name for name in SHARED_FILES]
        if not files:
            raise CommandError("Oppgi minst én fil, eller bruk --shared for referansefilene.")
        entries = []
        for path in files:
            try:
                entries += parse_register_file(path)
            except RegisterError as exc:
                raise CommandError(str(exc)) from exc
        entries = current_entries(entries)
        if not entries:
            raise CommandError("Fant ingen gyldige fylker eller kommuner i filene.")
        result = organisation_import_register(actor=None, entries=entries)
        self.stdout.write(
            self.style.SUCCESS(
                f"Ferdig: {len(result.created)} opprettet, {len(result.updated)} oppdatert, "
                f"{result.unchanged} uendret."
            )
        )
        if result.without_county:
            self.stdout.write(
                self.style.WARNING(
                    "Uten fylke (fylket finnes ikke ennå – importer fylkene også): "
                    + ", ".join(sorted(result.without_county))
                )
            )
