"""Scheduled jobs (slik/core/schedule.py): declared once by their app, queued at start and then
on their interval, never beside a run still waiting or running, and the reminders they send are
sent once however often the job runs. The queue is the real database queue the worker reads."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from django_scopes import scopes_disabled
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from slik.benefits.apps import REMINDER_INTERVAL
from slik.benefits.models import MeasurementTask
from slik.benefits.tasks import send_measurement_reminders
from slik.benefits.tests.factories import BenefitFactory, IndicatorFactory
from slik.core.registry import SCHEDULED_JOBS
from slik.core.schedule import STALE_AFTER, ScheduledJob, Scheduler

KEY = "benefits.measurement_reminders"

pytestmark = pytest.mark.django_db


@pytest.fixture
def database_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def due_indicator(case, employee):
    """An indicator measured monthly from 1 January 2024 and never since: long overdue."""
    benefit = BenefitFactory(case=case, title="Færre sykedager", responsible=employee)
    return IndicatorFactory(benefit=benefit)


def _queued():
    return DBTaskResult.objects.filter(task_path=send_measurement_reminders.module_path)


def _work() -> int:
    """What `db_worker` does with each waiting task; returns how many ran."""
    worker = Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test",
        excluded_queue_names=[],
    )
    ran = 0
    for result in DBTaskResult.objects.ready():
        result.claim("test")
        worker.run_task(result)
        ran += 1
    return ran


def _open_tasks():
    with scopes_disabled():
        return MeasurementTask.objects.filter(status=MeasurementTask.Status.OPEN).count()


def test_benefits_declares_the_reminder_job():
    job = SCHEDULED_JOBS[KEY]
    assert job.task is send_measurement_reminders and job.interval == REMINDER_INTERVAL


def test_a_job_is_queued_at_start_then_once_per_interval(database_queue):
    scheduler, start = Scheduler([SCHEDULED_JOBS[KEY]]), timezone.now()
    assert scheduler.run_due(start) == [KEY]  # never ran: at once
    assert scheduler.run_due(start) == []  # still waiting for the worker
    _work()
    assert scheduler.run_due(start + REMINDER_INTERVAL / 2) == []
    # A second process (a restart of `make run`) reads the same queue: nothing before its time.
    assert Scheduler([SCHEDULED_JOBS[KEY]]).run_due(start + REMINDER_INTERVAL / 2) == []
    assert scheduler.seconds_to_next(start + REMINDER_INTERVAL / 2) == 60
    assert scheduler.run_due(timezone.now() + REMINDER_INTERVAL) == [KEY]
    assert _queued().count() == 2


def test_a_run_left_behind_by_a_dead_worker_blocks_only_for_a_while(database_queue):
    scheduler = Scheduler([SCHEDULED_JOBS[KEY]])
    scheduler.run_due()
    result = _queued().get()
    result.claim("died")  # marked running, never finished
    later = timezone.now() + REMINDER_INTERVAL * 2
    DBTaskResult.objects.filter(pk=result.pk).update(started_at=later - STALE_AFTER / 2)
    assert scheduler.run_due(later) == []
    DBTaskResult.objects.filter(pk=result.pk).update(started_at=later - STALE_AFTER * 2)
    assert scheduler.run_due(later) == [KEY]


def test_reminders_are_made_and_sent_once_however_often_the_job_runs(
    database_queue, due_indicator, employee
):
    scheduler = Scheduler([SCHEDULED_JOBS[KEY]])
    for hour in range(3):
        # The queue stamps each run with the real time: look a little after each interval.
        assert scheduler.run_due(timezone.now() + hour * REMINDER_INTERVAL * 1.1) == [KEY]
        assert _work() == 1
    assert _open_tasks() == 1
    assert [message.to for message in mail.outbox] == [[employee.email]]


def test_run_jobs_once_queues_what_is_due_for_the_worker(database_queue, due_indicator):
    call_command("run_jobs", "--once")
    call_command("run_jobs", "--once")
    assert _queued().count() == 1 and _open_tasks() == 0  # queued, not yet run
    _work()
    assert _open_tasks() == 1


def test_one_failing_job_does_not_stop_the_others(database_queue):
    class Broken:
        module_path = "nowhere.broken"

        def get_backend(self):
            raise RuntimeError("no backend")

    broken = ScheduledJob("test.broken", Broken(), datetime.timedelta(minutes=5))
    scheduler = Scheduler([broken, SCHEDULED_JOBS[KEY]])
    assert scheduler.run_due() == [KEY]


def test_an_interval_must_be_positive():
    with pytest.raises(ValueError):
        ScheduledJob("test.never", send_measurement_reminders, datetime.timedelta(0))
