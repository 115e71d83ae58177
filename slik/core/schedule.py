"""Scheduled jobs: work that runs by itself on an interval, such as measurement reminders.

An app declares its job once, in its `AppConfig.ready()`:

    SCHEDULED_JOBS.register(job.key, job)   # job = ScheduledJob(key, task, interval)

`manage.py run_jobs` (started by `make run`; a service or cron in production) puts every job
that is due on the background queue, and the worker (`db_worker`) runs it. A job is due when it
has never been queued or was last queued an interval ago, and is not already waiting or running.
Both are read from the queue's own table when the queue is the database, so a restart never
queues a job again before its interval, and a slow run is never joined by a second one; other
backends (the immediate one in tests) fall back to what this process remembers. Run one
`run_jobs` per installation (a service, or cron with `--once`, not both): two loops looking in
the same second could both queue a job.

A job must still be idempotent, because a worker killed halfway may leave it half done and the
next run repeats it (the reminders create each task once and e-mail each task once).
A small loop over the registry rather than a scheduler library: see
docs/decisions/0012-scheduled-jobs.md.
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils import timezone

from .registry import SCHEDULED_JOBS

logger = logging.getLogger(__name__)

# How often the loop looks, at most, even when no job falls due sooner: a job queued by hand
# or a clock change is noticed within this.
MAX_SLEEP = datetime.timedelta(minutes=1)
# A job marked running longer than this was left by a worker that died; it no longer blocks.
STALE_AFTER = datetime.timedelta(hours=2)


@dataclass(frozen=True)
class ScheduledJob:
    """A django-tasks task without arguments, run every `interval`."""

    key: str
    task: object  # django_tasks.Task
    interval: datetime.timedelta
    description: str = ""

    def __post_init__(self):
        if self.interval <= datetime.timedelta(0):
            raise ValueError(f"{self.key}: the interval must be positive.")


def scheduled_job_register(job: ScheduledJob) -> ScheduledJob:
    return SCHEDULED_JOBS.register(job.key, job)


@dataclass(frozen=True)
class JobState:
    last_queued: datetime.datetime | None
    pending: bool  # waiting in the queue or running


def _database_state(job: ScheduledJob, now: datetime.datetime) -> JobState | None:
    """The job's state from django-tasks-db's table; None when the task's queue is elsewhere."""
    # Imported here: the models exist only once the apps are loaded.
    from django.db.models import Max, Q
    from django_tasks import TaskResultStatus
    from django_tasks_db.backend import DatabaseBackend
    from django_tasks_db.models import DBTaskResult

    backend = job.task.get_backend()
    if not isinstance(backend, DatabaseBackend):
        return None
    results = DBTaskResult.objects.filter(
        task_path=job.task.module_path, backend_name=backend.alias
    )
    pending = results.filter(
        Q(status=TaskResultStatus.READY)
        | Q(status=TaskResultStatus.RUNNING, started_at__gte=now - STALE_AFTER)
    ).exists()
    last = results.aggregate(last=Max("enqueued_at"))["last"]
    return JobState(last_queued=last, pending=pending)


class Scheduler:
    """Queues the registered jobs that are due. One instance per `run_jobs` process."""

    def __init__(self, jobs: Iterable[ScheduledJob] | None = None):
        self.jobs = tuple(jobs if jobs is not None else SCHEDULED_JOBS.values())
        self._queued_here: dict[str, datetime.datetime] = {}

    def state(self, job: ScheduledJob, now: datetime.datetime) -> JobState:
        state = _database_state(job, now)
        if state is not None:
            return state
        return JobState(last_queued=self._queued_here.get(job.key), pending=False)

    def next_run(self, job: ScheduledJob, now: datetime.datetime) -> datetime.datetime:
        """When the job falls due: now if it never ran, else an interval after it was queued;
        one still waiting or running is looked at again after MAX_SLEEP."""
        state = self.state(job, now)
        if state.pending:
            return now + MAX_SLEEP
        return now if state.last_queued is None else state.last_queued + job.interval

    def run_due(self, now: datetime.datetime | None = None) -> list[str]:
        """Queue every job that is due; returns their keys. A failing job never stops the rest."""
        now = now or timezone.now()
        queued = []
        for job in self.jobs:
            try:
                if self.next_run(job, now) > now:
                    continue
                self._queued_here[job.key] = now
                job.task.enqueue()
            except Exception:  # noqa: BLE001 – one job's failure must not stop the others
                logger.exception("Scheduled job %s could not be queued", job.key)
                continue
            queued.append(job.key)
        return queued

    def seconds_to_next(self, now: datetime.datetime | None = None) -> float:
        """How long the loop may sleep: until the first job falls due, at most MAX_SLEEP."""
        now = now or timezone.now()
        wait = MAX_SLEEP
        for job in self.jobs:
            try:
                wait = min(wait, self.next_run(job, now) - now)
            except Exception:  # noqa: BLE001 – the database may be briefly locked; look again
                logger.exception("Scheduled job %s: next run unknown", job.key)
        return max(wait.total_seconds(), 1.0)
