"""Background work through RQ: 1,000 trivial tasks, and 100 certificate batches, each enqueued and
run by two `manage.py rqworker` processes (the production command, forking a work horse per job),
against the same work run inline in this process. What the queue costs: the ratio is the price of
taking work out of the request and onto any number of machines.

Needs Redis (the tests' database, settings.RQ_QUEUES, emptied here); the certificate batches also
need PostgreSQL (DATABASE_URL), since the workers write beside each other. Without them the
scenario says why and is left out.
"""

import os
import shutil
import signal
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.test.utils import override_settings
from django.utils import timezone
from django_rq import get_connection, get_queue

from attendance import services as attendance
from attendance.factories import SessionFactory
from attendance.services import Mark
from bench.harness import Scenario
from bench.tasks import trivial
from certificates.models import Certificate, SerialCounter
from certificates.services import certificates_issue_offering
from certificates.tasks import certificates_issue_task
from enrollment.factories import OfferingFactory, ParticipantFactory, UnitFactory
from enrollment.models import Enrollment, Offering

TRIVIAL = 1_000
BATCHES = 100
PEOPLE_PER_BATCH = 5
RQ_TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default", "imports", "messages"]}}


def _database_url() -> str | None:
    settings_dict = connection.settings_dict
    if connection.vendor != "postgresql":
        return None
    user = settings_dict.get("USER") or "postgres"
    password = f":{settings_dict['PASSWORD']}" if settings_dict.get("PASSWORD") else ""
    host, port = settings_dict.get("HOST") or "127.0.0.1", settings_dict.get("PORT") or 5432
    return f"postgres://{user}{password}@{host}:{port}/{settings_dict['NAME']}"


class _Workers:
    def __init__(self, database_url):
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings"}
        if database_url:
            env["DATABASE_URL"] = database_url
        self.processes = [
            subprocess.Popen([sys.executable, "manage.py", "rqworker", "default", "--name", f"bench-{n}"],
                             cwd=settings.BASE_DIR, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            for n in (1, 2)
        ]  # fmt: skip

    def stop(self):
        for process in self.processes:
            process.send_signal(signal.SIGTERM)
        for process in self.processes:
            process.wait(timeout=60)


def _drained():
    queue = get_queue("default")
    while queue.count or queue.started_job_registry.count:
        time.sleep(0.005)


def _through_rq(enqueue):
    def run():
        with override_settings(TASKS=RQ_TASKS):
            enqueue()
        _drained()

    return run


def _batches():
    unit = UnitFactory(code="01", name="Hà Nội", level="province", type="city")
    held = timezone.localdate() - timedelta(days=20)
    offerings = []
    for number in range(BATCHES):
        offering = OfferingFactory(unit=unit, kind=Offering.Kind.CONFERENCE, starts_on=held, ends_on=held,
                                   code=f"BENCH-Q-{number}")  # fmt: skip
        session = SessionFactory(offering=offering, date=held)
        enrollments = [Enrollment.objects.create(offering=offering, participant=ParticipantFactory())
                       for _ in range(PEOPLE_PER_BATCH)]  # fmt: skip
        attendance.attendance_save(session=session, marks={e.pk: Mark("present") for e in enrollments}, by=None)
        attendance.session_close(session=session, by=None)
        offerings.append(offering.pk)
    return offerings


def _forget_certificates():
    Certificate.objects.all().delete()
    SerialCounter.objects.all().delete()
    shutil.rmtree(Path(settings.MEDIA_ROOT) / "certificates", ignore_errors=True)


def scenarios():
    redis = get_connection("default")
    try:
        redis.ping()
    except Exception as error:  # no Redis: nothing to measure
        print(f"  queue_throughput: no Redis at {settings.RQ_REDIS_URL} ({error}); left out", file=sys.stderr)
        return []
    redis.flushdb()
    database_url = _database_url()
    workers = _Workers(database_url)
    found = []

    def trivial_rq():
        for n in range(TRIVIAL):
            trivial.enqueue(n)

    def trivial_inline():
        for n in range(TRIVIAL):
            trivial.call(n)

    found.append(Scenario("tasks through two RQ workers", f"{TRIVIAL:,} trivial", _through_rq(trivial_rq),
                          "the same, run inline", trivial_inline, runs=3, warmup=1))  # fmt: skip
    if database_url is None:
        print("  queue_throughput: certificate batches need PostgreSQL (DATABASE_URL); left out", file=sys.stderr)
    else:
        offerings = _batches()

        def batches_rq():
            for pk in offerings:
                certificates_issue_task.enqueue(pk, None)

        def batches_then_forget():
            _through_rq(batches_rq)()
            assert Certificate.objects.count() == BATCHES * PEOPLE_PER_BATCH
            _forget_certificates()

        def batches_inline():
            # The work a worker does (drawing included: certificates.tasks draws on a worker only).
            for offering in Offering.objects.filter(pk__in=offerings).select_related("course", "unit"):
                certificates_issue_offering(offering=offering, draw=True)
            assert Certificate.objects.count() == BATCHES * PEOPLE_PER_BATCH
            _forget_certificates()

        found.append(Scenario("certificate batches through two RQ workers",
                              f"{BATCHES} × {PEOPLE_PER_BATCH} people", batches_then_forget,
                              "the same, run inline", batches_inline, runs=3, warmup=1))  # fmt: skip
    _running.append((workers, redis))
    return found


_running = []


def teardown():
    """Called by bench/__main__.py before the test database goes: the workers hold connections to it."""
    while _running:
        workers, redis = _running.pop()
        workers.stop()
        redis.flushdb()
