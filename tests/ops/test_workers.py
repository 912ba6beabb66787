"""A background worker that dies loses no task and duplicates no effect, on RQ.

Real `manage.py rqworker --burst` processes run real tasks against the test's own database and a
Redis database of the tests' own (settings.RQ_QUEUES; the test empties it). A test-only hook in the
child blocks the task at a chosen call (inside a transaction, or after the work is done but before
the worker records it) until the test releases it or kills the worker; the test waits on files and
on the child's exit, never on a clock. A killed worker's job stays in RQ's started registry until
its heartbeat expires; the test cleans the registries as at that moment (as `queues_clean` does every
minute) and RQ puts the job back, by the retries every queue gives its jobs (lms/queue.py). Then a
second worker finishes the job, and the result is checked: every eligible person holds one
certificate with serial numbers without gap or repeat; a roster is imported once.
"""

import json
import os
import signal
import subprocess
import sys
import time
from datetime import timedelta

import pytest
from django.conf import settings as django_settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.dispatch import receiver
from django.utils import timezone
from django_rq import get_queue
from django_tasks import TaskResultStatus
from django_tasks.signals import task_finished
from rq.job import JobStatus

from accounts.factories import UserFactory
from accounts.roles import Role
from attendance import services as attendance
from attendance.factories import SessionFactory
from attendance.services import Mark
from certificates.models import Certificate, SerialCounter
from certificates.tasks import certificates_issue_task
from enrollment.factories import OfferingFactory, ParticipantFactory, UnitFactory
from enrollment.models import Enrollment, Offering, Participant, RosterImport
from enrollment.roster.tasks import roster_apply, roster_check
from lms.queue import Job

pytestmark = pytest.mark.django_db(transaction=True)  # the workers see only what is committed

PEOPLE = ["Nguyễn Thị Hồng Đào", "Trần Văn Đức", "Lê Thị Ánh Tuyết", "Phạm Quốc Bảo", "Hoàng Thị Lan Anh",
          "Vũ Đình Khôi"]  # fmt: skip
TIMEOUT = 180  # seconds; generous for a slow CI machine, never reached when things work

# The worker process: test settings with the RQ backend, an optional hook that blocks the N-th
# call of a function (TEST_WORKER_HOOK="module:attribute:N:before|after") until the file "release"
# appears in TEST_WORKER_GATE (it creates "blocked" there first), then django-rq's rqworker.
CHILD = """
import importlib, json, os, sys, time
from pathlib import Path
from django.conf import settings
settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": list(settings.TASK_QUEUES)}}
settings.MEDIA_ROOT = os.environ["TEST_MEDIA_ROOT"]
import django
django.setup()
for target, value in json.loads(os.environ.get("TEST_WORKER_SET", "{}")).items():
    module, name = target.rsplit(".", 1)
    setattr(importlib.import_module(module), name, value)
if os.environ.get("TEST_WORKER_HOOK"):
    module, attribute, number, when = os.environ["TEST_WORKER_HOOK"].split(":")
    owner = importlib.import_module(module)
    *path, name = attribute.split(".")
    for part in path:
        owner = getattr(owner, part)
    real, gate, calls = getattr(owner, name), Path(os.environ["TEST_WORKER_GATE"]), []

    def blocking(*args, **kwargs):
        calls.append(1)
        result = real(*args, **kwargs) if when == "after" else None
        if len(calls) == int(number):
            (gate / "blocked").touch()
            while not (gate / "release").exists():
                time.sleep(0.02)
        return result if when == "after" else real(*args, **kwargs)

    setattr(owner, name, blocking)
from django.core.management import execute_from_command_line
# SimpleWorker runs the job in this process: the hook above is in it (a forked work horse would
# inherit it too, but killing this process would then leave the horse running).
execute_from_command_line(["manage.py", "rqworker", "default", "imports", "--burst",
                           "--worker-class", "rq.worker.SimpleWorker", "--name", os.environ["TEST_WORKER_NAME"]])
"""


def _wait_for(condition, what, process=None, output=None):
    deadline = time.monotonic() + TIMEOUT
    while not condition():
        if process is not None and process.poll() is not None:
            pytest.fail(f"the worker exited ({process.returncode}) before {what}:\n{output.read_text()}")
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}" + (f":\n{output.read_text()}" if output else ""))
        time.sleep(0.05)


class Workers:
    """Starts worker processes and kills whatever is left of them at the end."""

    def __init__(self, database_url, media, tmp_path):
        self.database_url, self.media, self.tmp_path = database_url, media, tmp_path
        self.started = []

    def start(self, hook="", set_values=None):
        number = len(self.started) + 1
        gate = self.tmp_path / f"gate-{number}"
        gate.mkdir()
        output = self.tmp_path / f"worker-{number}.log"
        env = {
            **os.environ, "DJANGO_SETTINGS_MODULE": "lms.settings.test", "DATABASE_URL": self.database_url,
            "TEST_MEDIA_ROOT": str(self.media), "TEST_WORKER_HOOK": hook, "TEST_WORKER_GATE": str(gate),
            "TEST_WORKER_SET": json.dumps(set_values or {}), "PYTHONUNBUFFERED": "1", "TEST_WORKER_NAME": f"w{number}",
        }  # fmt: skip
        with output.open("wb") as sink:
            process = subprocess.Popen(
                [sys.executable, "-c", CHILD],
                cwd=django_settings.BASE_DIR,
                env=env,
                stdout=sink,
                stderr=subprocess.STDOUT,
            )
        process.gate, process.output = gate, output
        self.started.append(process)
        return process

    def wait_blocked(self, process):
        _wait_for((process.gate / "blocked").exists, "the task reached the hook", process, process.output)

    def finish(self, process):
        """Wait for a worker in --burst mode to run out of jobs; its exit code."""
        try:
            return process.wait(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            pytest.fail(f"the worker did not finish:\n{process.output.read_text()}")

    def kill(self, process):
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=TIMEOUT)  # reaped: no zombie left to look alive

    def stop_all(self):
        for process in self.started:
            if process.poll() is None:
                process.kill()
                process.wait(timeout=TIMEOUT)


@pytest.fixture
def worker_processes(database_url, media, rq_tasks, tmp_path):
    started = Workers(database_url, media, tmp_path)
    yield started
    started.stop_all()


def _abandoned_jobs_taken_back():
    """Clean the registries as they are cleaned once the killed worker's heartbeat has expired."""
    for name in django_settings.TASK_QUEUES:
        queue = get_queue(name)
        queue.started_job_registry.cleanup(timestamp=time.time() + 24 * 3600)


def _job(result):
    return Job.fetch(result.id, connection=get_queue("default").connection)


def _conference(names=PEOPLE, absent=()):
    """A one-session conference of the Hà Nội office, everybody present but `absent`, closed."""
    unit = UnitFactory(code="01", name="Hà Nội", level="province", type="city")
    held = timezone.localdate() - timedelta(days=30)
    offering = OfferingFactory(unit=unit, kind=Offering.Kind.CONFERENCE, starts_on=held, ends_on=held,
                               title="Hội nghị triển khai OCOP năm 2026")  # fmt: skip
    session = SessionFactory(offering=offering)
    enrollments = [
        Enrollment.objects.create(offering=offering, participant=ParticipantFactory(full_name=name)) for name in names
    ]
    marks = {e.pk: Mark("absent" if e.participant.full_name in absent else "present") for e in enrollments}
    attendance.attendance_save(session=session, marks=marks, by=None)
    attendance.session_close(session=session, by=None)
    return offering


def _assert_issued_once(offering, eligible):
    issued = Certificate.objects.filter(enrollment__offering=offering)
    assert sorted(issued.values_list("full_name", flat=True)) == sorted(eligible)  # one each, none twice
    assert all(issued.values_list("is_current", flat=True))
    numbers = sorted(int(serial.rsplit("-", 1)[1]) for serial in issued.values_list("serial", flat=True))
    assert numbers == list(range(1, len(eligible) + 1))  # no gap, no repeat
    assert SerialCounter.objects.get().last == len(eligible)  # the killed run's number was rolled back


def test_a_worker_killed_mid_batch_leaves_the_job_to_be_run_again_and_the_next_worker_issues_the_rest_once(
    worker_processes,
):
    organizer = UserFactory(role=Role.ORGANIZER)
    offering = _conference(absent={"Vũ Đình Khôi"})
    result = certificates_issue_task.enqueue(offering.pk, organizer.pk)
    assert _job(result).timeout == django_settings.TASK_QUEUES["default"]["timeout"]

    # Killed while the fourth certificate's transaction holds the serial counter, incremented.
    first = worker_processes.start(hook="certificates.services:_next_serial:4:after")
    worker_processes.wait_blocked(first)
    assert Certificate.objects.count() == 3
    worker_processes.kill(first)
    assert _job(result).get_status() == JobStatus.STARTED  # until its heartbeat expires

    _abandoned_jobs_taken_back()
    job = _job(result)
    assert job.get_status() == JobStatus.QUEUED or job.is_scheduled  # back, by its queue's retries
    assert job.retries_left == len(django_settings.TASK_QUEUES["default"]["retry"]) - 1

    second = worker_processes.start()
    if job.is_scheduled:  # the retry waits 30 seconds: run it now, as the scheduler will then
        get_queue("default").enqueue_job(job)
    assert worker_processes.finish(second) == 0
    assert certificates_issue_task.get_result(result.id).status == TaskResultStatus.SUCCESSFUL
    _assert_issued_once(offering, [name for name in PEOPLE if name != "Vũ Đình Khôi"])


def _stop_gracefully(worker):
    """SIGTERM, as systemctl stop sends it, and wait until the worker says it is shutting down."""
    worker.send_signal(signal.SIGTERM)
    _wait_for(lambda: "warm shut down requested" in worker.output.read_text(), "the worker took the signal",
              worker, worker.output)  # fmt: skip


def test_sigterm_lets_the_running_job_finish_before_the_worker_exits(worker_processes):
    offering = _conference()
    result = certificates_issue_task.enqueue(offering.pk, None)
    worker = worker_processes.start(hook="certificates.services:_next_serial:2:after")
    worker_processes.wait_blocked(worker)

    _stop_gracefully(worker)
    (worker.gate / "release").touch()
    assert worker_processes.finish(worker) == 0

    assert certificates_issue_task.get_result(result.id).status == TaskResultStatus.SUCCESSFUL
    _assert_issued_once(offering, PEOPLE)


KEYLESS = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em"]


def _roster_import(offering):
    """An upload that was checked and confirmed (as the admin leaves it): rows with a name only,
    which nothing could match a second time, so a second import would make second people."""
    content = "STT,Họ và tên\n" + "".join(f"{n},{name}\n" for n, name in enumerate(KEYLESS, start=1))
    return RosterImport.objects.create(
        offering=offering, file=SimpleUploadedFile("danh-sach.csv", content.encode()), original_name="danh-sach.csv",
        status=RosterImport.Status.IMPORTING,
    )  # fmt: skip


@pytest.mark.parametrize(
    "hook",
    [
        pytest.param("enrollment.roster.importer:_Importer.take:2:before", id="mid-import"),
        # the import committed, the worker not yet told: the task will run a second time
        pytest.param("enrollment.roster.tasks:_check_or_import:1:after", id="after-import-before-success"),
    ],
)
def test_a_roster_import_whose_worker_is_killed_is_imported_exactly_once(worker_processes, hook):
    offering = OfferingFactory()
    history = _roster_import(offering)
    result = roster_apply.enqueue(history.pk, {})
    job = _job(result)
    assert job.origin == "imports" and job.timeout == django_settings.TASK_QUEUES["imports"]["timeout"]

    first = worker_processes.start(hook=hook, set_values={"enrollment.roster.importer.CHUNK_ROWS": 2})
    worker_processes.wait_blocked(first)
    worker_processes.kill(first)
    _abandoned_jobs_taken_back()
    job = _job(result)
    history.refresh_from_db()
    assert history.status != RosterImport.Status.FAILED  # not reported failed: it will run again

    second = worker_processes.start()
    if job.is_scheduled:
        get_queue("imports").enqueue_job(job)
    assert worker_processes.finish(second) == 0
    assert roster_apply.get_result(result.id).status == TaskResultStatus.SUCCESSFUL

    history.refresh_from_db()
    assert history.status == RosterImport.Status.IMPORTED and history.report["created"] == len(KEYLESS)
    assert sorted(Participant.objects.values_list("full_name", flat=True)) == sorted(KEYLESS)
    assert offering.enrollments.count() == len(KEYLESS) and history.rows.count() == len(KEYLESS)


def test_a_task_that_fails_is_tried_again_and_reported_failed_once_only_when_its_tries_are_spent(
    rq_tasks, settings, media, monkeypatch
):
    """RQ calls the failure callback on every failed try; lms.queue.Job lets django.tasks' FAILED through
    only for the last, so a roster check is not marked failed while RQ will still run it."""
    from rq import SimpleWorker

    settings.TASK_QUEUES = {**settings.TASK_QUEUES, "imports": {"timeout": 60, "retry": [0, 0]}}
    offering = OfferingFactory()
    history = RosterImport.objects.create(
        offering=offering, file=SimpleUploadedFile("danh-sach.csv", "STT,Họ và tên\n1,Nguyễn Văn An\n".encode()),
        original_name="danh-sach.csv", status=RosterImport.Status.CHECKING,
    )  # fmt: skip
    tries = []

    def database_gone(**kwargs):
        tries.append(RosterImport.objects.get(pk=history.pk).status)
        raise ConnectionError("the database went away")

    monkeypatch.setattr("enrollment.roster.tasks.roster_import", database_gone)
    failed = []

    @receiver(task_finished, weak=False)
    def seen(sender, task_result, **kwargs):
        if task_result.status == TaskResultStatus.FAILED:
            failed.append(task_result.id)

    try:
        result = roster_check.enqueue(history.pk)
        queue = get_queue("imports")
        SimpleWorker([queue], connection=queue.connection, job_class=Job).work(burst=True)
    finally:
        task_finished.disconnect(seen)
    job = _job(result)
    assert job.get_status() == JobStatus.FAILED and job.retries_left == 0
    assert failed == [result.id]  # three tries, one report
    assert tries == [RosterImport.Status.CHECKING] * 3  # each try found the check still to do
    history.refresh_from_db()
    assert history.status == RosterImport.Status.FAILED
    assert result.id in queue.failed_job_registry.get_job_ids()


@pytest.mark.django_db  # no other process here: no need to commit
def test_a_roster_import_run_again_after_it_finished_does_nothing(media):
    offering = OfferingFactory()
    history = _roster_import(offering)
    roster_apply.call(history.pk, {})
    history.refresh_from_db()
    imported_at = history.imported_at
    roster_apply.call(history.pk, {})  # the same task, put back in the queue after its worker died
    history.refresh_from_db()
    assert history.status == RosterImport.Status.IMPORTED and history.imported_at == imported_at
    assert Participant.objects.count() == len(KEYLESS) and offering.enrollments.count() == len(KEYLESS)
