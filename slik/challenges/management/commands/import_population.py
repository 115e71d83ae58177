import time

from django.core.management.base import BaseCommand, CommandError

from slik.challenges.population import (
    PopulationFileError,
    default_population_path,
    population_import,
)


class Command(BaseCommand):
    help = "Load SSB population by municipality, year and age group (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", help="CSV file (default: the shared data file)")

    def handle(self, *args, path=None, **options):
        path = path or default_population_path()
        started = time.monotonic()
        try:
            count = population_import(path=path)
        except FileNotFoundError as exc:
            raise CommandError(f"No such file: {path}") from exc
        except PopulationFileError as exc:
            raise CommandError(f"{path}: {exc}") from exc
        self.stdout.write(
            f"Imported {count} rows from {path} in {time.monotonic() - started:.1f} s"
        )
