"""The periodic jobs of ops/schedule.py, as RQ's cron scheduler loads and enqueues them, run by a worker:
Wagtail's scheduled publishing needs no cron line."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django_rq import get_queue
from django_rq.cron import DjangoCronScheduler
from rq import SimpleWorker

from courses.factories import CourseFactory
from lms.queue import Job

pytestmark = pytest.mark.django_db


def test_the_scheduler_enqueues_scheduled_publishing_and_a_worker_publishes_the_page(rq_tasks, settings):
    scheduler = DjangoCronScheduler()
    scheduler.load_config_from_file("ops.schedule")
    jobs = {f"{job.func.__module__}.{job.func.__name__}": job for job in scheduler.get_jobs()}
    assert sorted(jobs) == ["ops.tasks.pages_publish_scheduled", "ops.tasks.queues_clean"]
    assert {job.interval for job in jobs.values()} == {settings.SCHEDULE_SECONDS}

    course = CourseFactory(title="Thiết kế nhãn hàng hóa sản phẩm OCOP")
    course.unpublish()
    revision = course.save_revision()
    revision.approved_go_live_at = timezone.now() - timedelta(minutes=1)  # its go-live time has come
    revision.save()

    jobs["ops.tasks.pages_publish_scheduled"].enqueue(rq_tasks)
    queue = get_queue("default")
    SimpleWorker([queue], connection=queue.connection, job_class=Job).work(burst=True)

    course.refresh_from_db()
    assert course.live
    assert queue.count == 0 and queue.failed_job_registry.count == 0


def test_a_task_enqueued_to_run_later_waits_in_the_scheduled_registry(rq_tasks):
    from certificates.tasks import certificates_issue_task

    later = timezone.now() + timedelta(hours=12)
    result = certificates_issue_task.using(run_after=later).enqueue(1, None)
    queue = get_queue("default")
    assert queue.count == 0  # not before its time: the worker started --with-scheduler queues it then
    registry = queue.scheduled_job_registry
    assert result.id in registry.get_job_ids()
    assert abs(registry.get_scheduled_time(result.id).timestamp() - later.timestamp()) < 1
