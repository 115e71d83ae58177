"""`manage.py run_jobs` – queue the scheduled jobs (slik/core/schedule.py) when they fall due.

Runs until stopped (SIGINT or SIGTERM end it between two looks); `make run` starts it beside the
web server and the worker. `--once` queues what is due and exits, for cron or a systemd timer.
The worker (`manage.py db_worker`) runs what is queued.
"""

import signal
import threading

from django.core.management.base import BaseCommand
from django.db import close_old_connections
from django.utils.translation import gettext as _

from slik.core.schedule import Scheduler


class Command(BaseCommand):
    help = "Queue the scheduled jobs (measurement reminders) when they fall due."

    def add_arguments(self, parser):
        parser.add_argument(
            "--once", action="store_true", help="queue the jobs that are due, then exit (cron)"
        )

    def handle(self, *args, once=False, **options):
        scheduler = Scheduler()
        if once:
            self._report(scheduler.run_due())
            return
        stop = threading.Event()
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, lambda *_args: stop.set())
        jobs = ", ".join(
            _("%(job)s every %(minutes)s minutes")
            % {"job": job.key, "minutes": int(job.interval.total_seconds() // 60)}
            for job in scheduler.jobs
        )
        self.stdout.write(_("Scheduled jobs: %(jobs)s.") % {"jobs": jobs or "–"})
        while not stop.is_set():
            close_old_connections()  # a database restarted overnight must not stop the loop
            self._report(scheduler.run_due())
            stop.wait(scheduler.seconds_to_next())

    def _report(self, queued):
        for key in queued:
            self.stdout.write(_("Queued the scheduled job %(job)s.") % {"job": key})
