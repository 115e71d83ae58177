"""`manage.py benefits_remind` – create due measurement tasks and e-mail them, by hand.

The same job runs by itself every hour as the scheduled job `benefits.measurement_reminders`
(`manage.py run_jobs`, started by `make run`); this command is for running it at once.
"""

from django.core.management.base import BaseCommand, CommandError

from slik.organisations.models import Organisation

from ...tasks import send_measurement_reminders


class Command(BaseCommand):
    help = "Create measurement tasks that have fallen due and e-mail the benefit responsibles."

    def add_arguments(self, parser):
        parser.add_argument("--organisation", help="slug of one organisation (default: all)")
        parser.add_argument(
            "--now", action="store_true", help="run here instead of queueing for the worker"
        )

    def handle(self, *args, organisation=None, now=False, **options):
        organisation_id = None
        if organisation:
            found = Organisation.objects.filter(slug=organisation).values_list("pk", flat=True)
            if not found:
                raise CommandError(f"No organisation with slug {organisation!r}")
            organisation_id = found[0]
        if now:
            totals = send_measurement_reminders.call(organisation_id=organisation_id)
            self.stdout.write(f"Created {totals['tasks']} tasks, sent {totals['emails']} e-mails.")
            if totals["failed"]:
                # Every other organisation has been handled; the exit code tells cron to look.
                raise CommandError(
                    f"Reminders failed for {len(totals['failed'])} organisation(s): "
                    f"{', '.join(totals['failed'])} (details in the log)."
                )
        else:
            result = send_measurement_reminders.enqueue(organisation_id=organisation_id)
            self.stdout.write(f"Queued measurement reminders ({result.id}).")
