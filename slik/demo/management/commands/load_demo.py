from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from slik.demo.accounts import DEMO_PASSWORD, DEMO_PEOPLE
from slik.demo.loader import load_demo


class Command(BaseCommand):
    """Prints in the default language (bokmål): management commands run with LANGUAGE_CODE."""

    help = "Load the demo municipalities, people, floker and cases (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force", action="store_true", help="load even when SLIK_DEMO is not set"
        )

    def handle(self, *args, force=False, **options):
        # The demo accounts share a published password: never by accident in production.
        if not (settings.SLIK_DEMO or force):
            raise CommandError(_("Set SLIK_DEMO=true (or pass --force) to load the demo data."))
        load_demo(write=self.stdout.write)
        width = max(len(person.email) for person in DEMO_PEOPLE)
        self.stdout.write("")
        self.stdout.write(_("Demo logins:"))
        for person in DEMO_PEOPLE:
            self.stdout.write(f"  {person.email:<{width}}  {DEMO_PASSWORD}  {person.label}")
