"""A background worker that dies does not lose its task.

Real `manage.py db_worker` processes (django-tasks-db, with ops' recovery at start) run real tasks
against the test's own database. A test-only hook in the child blocks the task at a chosen call
(inside a transaction, or after the work is done but before the worker records it) until the
test releases it or kills the worker; the test waits on files and on the child's exit, never on
a clock. Then a second worker finishes the job, and the result is checked: every eligible person
holds one certificate with serial numbers without gap or repeat; a roster is imported once.
"""

import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from accounts.factories import UserFactory
from accounts.roles import Role
from attendance import services as attendance
from attendance.factories import SessionFactory
from attendance.services import Mark
from certificates.models import Certificate, SerialCounter
from certificates.tasks import certificates_issue_task
from enrollment.factories import OfferingFactory, ParticipantFactory, UnitFactory
from enrollment.models import Enrollment, Offering, Participant, RosterImport
from enrollment.roster.tasks import roster_apply
from ops import workers
from ops.workers import MAX_ATTEMPTS, tasks_requeue, worker_alive, worker_id_new

pytestmark = pytest.mark.django_db(transaction=True)  # the workers see only what is committed

PEOPLE = ["Nguyễn Thị Hồng Đào", "Trần Văn Đức", "Lê Thị Ánh Tuyết", "Phạm Quốc Bảo", "Hoàng Thị Lan Anh",
          "Vũ Đình Khôi"]  # fmt: skip
TIMEOUT = 180  # seconds; generous for a slow CI machine, never reached when things work
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# The worker process: test settings with the database backend, an optional hook that blocks the
# N-th call of a function (TEST_WORKER_HOOK="module:attribute:N:before|after") until the file
# "release" appears in TEST_WORKER_GATE (it creates "blocked" there first), then our db_worker.
CHILD = """
import importlib, json, os, sys, time
from pathlib import Path
from django.conf import settings
settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
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
execute_from_command_line(["manage.py", "db_worker", "--batch", "--no-startup-delay", "--no-reload"])
"""


@pytest.fixture
def database_url(transactional_db, tmp_path):
    """A URL by which worker processes reach this test's database."""
    settings_dict = connection.settings_dict
    if connection.vendor == "postgresql":
        user = settings_dict.get("USER") or "postgres"
        password = f":{settings_dict['PASSWORD']}" if settings_dict.get("PASSWORD") else ""
        host, port = settings_dict.get("HOST") or "127.0.0.1", settings_dict.get("PORT") or 5432
        yield f"postgres://{user}{password}@{host}:{port}/{settings_dict['NAME']}"
        return
    if not connection.is_in_memory_db():
        yield f"sqlite:///{Path(settings_dict['NAME']).resolve()}"
        return
    # SQLite's test database lives in this process's memory, out of other processes' reach: copy
    # it (schema and all) to a file and point this process's connection at the file for the test.
    path = tmp_path / "test-database.sqlite3"
    connection.ensure_connection()
    memory, name = connection.connection, settings_dict["NAME"]
    copy = sqlite3.connect(path)
    memory.backup(copy)
    copy.close()
    connection.connection = None  # `memory` stays open: the in-memory database lives on
    settings_dict["NAME"] = str(path)
    try:
        yield f"sqlite:///{path}"
    finally:
        connection.close()
        settings_dict["NAME"] = name
        connection.connection = memory


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = DATABASE_TASKS


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
            "TEST_WORKER_SET": json.dumps(set_values or {}), "PYTHONUNBUFFERED": "1",
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
        """Wait for a worker in --batch mode to run out of tasks; its exit code."""
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
def worker_processes(database_url, media, database_tasks, tmp_path):
    started = Workers(database_url, media, tmp_path)
    yield started
    started.stop_all()


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


def test_a_worker_killed_mid_batch_leaves_the_task_running_and_the_next_worker_issues_the_rest_once(
    worker_processes,
):
    organizer = UserFactory(role=Role.ORGANIZER)
    offering = _conference(absent={"Vũ Đình Khôi"})
    result = certificates_issue_task.enqueue(offering.pk, organizer.pk)

    # Killed while the fourth certificate's transaction holds the serial counter, incremented.
    first = worker_processes.start(hook="certificates.services:_next_serial:4:after")
    worker_processes.wait_blocked(first)
    assert Certificate.objects.count() == 3
    worker_processes.kill(first)

    stuck = DBTaskResult.objects.get(pk=result.id)
    assert stuck.status == TaskResultStatus.RUNNING  # django-tasks-db alone would leave it so for ever
    assert stuck.worker_ids[0].split(":")[1] == str(first.pid) and worker_alive(stuck.worker_ids[0]) is False

    second = worker_processes.start()
    assert worker_processes.finish(second) == 0
    log = second.output.read_text()
    assert f"Đưa lại vào hàng đợi tác vụ {result.id}" in log

    done = DBTaskResult.objects.get(pk=result.id)
    assert done.status == TaskResultStatus.SUCCESSFUL and len(done.worker_ids) == 2
    _assert_issued_once(offering, [name for name in PEOPLE if name != "Vũ Đình Khôi"])


def _stop_gracefully(worker):
    """SIGTERM, as systemctl stop sends it, and wait until the worker says it is shutting down."""
    worker.send_signal(signal.SIGTERM)
    _wait_for(lambda: "shutting down gracefully" in worker.output.read_text(), "the worker took the signal",
              worker, worker.output)  # fmt: skip


def test_sigterm_lets_the_running_task_finish_before_the_worker_exits(worker_processes):
    offering = _conference()
    result = certificates_issue_task.enqueue(offering.pk, None)
    worker = worker_processes.start(hook="certificates.services:_next_serial:2:after")
    worker_processes.wait_blocked(worker)

    _stop_gracefully(worker)
    (worker.gate / "release").touch()
    assert worker_processes.finish(worker) == 0

    assert DBTaskResult.objects.get(pk=result.id).status == TaskResultStatus.SUCCESSFUL
    _assert_issued_once(offering, PEOPLE)


def test_a_second_sigterm_interrupts_the_task_and_the_next_worker_runs_it_again(worker_processes):
    offering = _conference()
    result = certificates_issue_task.enqueue(offering.pk, None)
    worker = worker_processes.start(hook="certificates.services:_next_serial:2:after")
    worker_processes.wait_blocked(worker)
    _stop_gracefully(worker)
    worker.send_signal(signal.SIGTERM)  # "press Ctrl+C again to force"
    worker_processes.finish(worker)
    interrupted = DBTaskResult.objects.get(pk=result.id)
    assert interrupted.status == TaskResultStatus.FAILED and interrupted.exception_class_path == "builtins.SystemExit"
    assert Certificate.objects.count() == 1  # the second one's transaction was rolled back

    second = worker_processes.start()
    assert worker_processes.finish(second) == 0
    assert DBTaskResult.objects.get(pk=result.id).status == TaskResultStatus.SUCCESSFUL
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

    first = worker_processes.start(hook=hook, set_values={"enrollment.roster.importer.CHUNK_ROWS": 2})
    worker_processes.wait_blocked(first)
    worker_processes.kill(first)
    assert DBTaskResult.objects.get(pk=result.id).status == TaskResultStatus.RUNNING

    second = worker_processes.start()
    assert worker_processes.finish(second) == 0
    assert DBTaskResult.objects.get(pk=result.id).status == TaskResultStatus.SUCCESSFUL

    history.refresh_from_db()
    assert history.status == RosterImport.Status.IMPORTED and history.report["created"] == len(KEYLESS)
    assert sorted(Participant.objects.values_list("full_name", flat=True)) == sorted(KEYLESS)
    assert offering.enrollments.count() == len(KEYLESS) and history.rows.count() == len(KEYLESS)


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


# --------------------------------------------------------------------------- requeue_stale_tasks


def _dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def _stuck(worker_ids, *, status=TaskResultStatus.RUNNING, started=None, exception=""):
    """A task result as a worker left it."""
    offering_id = OfferingFactory().pk
    result = certificates_issue_task.enqueue(offering_id, None)
    DBTaskResult.objects.filter(pk=result.id).update(
        status=status, worker_ids=worker_ids, started_at=started or timezone.now(), exception_class_path=exception,
        finished_at=timezone.now() if status == TaskResultStatus.FAILED else None,
    )  # fmt: skip
    return result.id


def _requeue(*args):
    out = io.StringIO()
    call_command("requeue_stale_tasks", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db  # no other process here: no need to commit
def test_requeue_puts_back_the_tasks_of_dead_workers_and_leaves_the_living_alone(database_tasks):
    here = worker_id_new()
    host = here.split(":")[0]
    dead = f"{host}:{_dead_pid()}:12345"
    reused = f"{host}:{os.getpid()}:{here.split(':')[2]}0"  # this process's pid, another start time
    ids = {
        "dead": _stuck([dead]),
        "reused pid": _stuck([reused]),
        "alive": _stuck([here]),
        "interrupted": _stuck([here], status=TaskResultStatus.FAILED, exception="builtins.SystemExit"),
        "failed": _stuck([dead], status=TaskResultStatus.FAILED, exception="builtins.ValueError"),
        "elsewhere": _stuck(["may-chu-khac:4242:777"]),
        "old elsewhere": _stuck(["8f3a9c"], started=timezone.now() - timedelta(hours=3)),
        "old alive": _stuck([here], started=timezone.now() - timedelta(hours=3)),
        "given up": _stuck([dead] * MAX_ATTEMPTS),
    }
    assert worker_alive(here) is True and worker_alive(dead) is False and worker_alive("8f3a9c") is None

    before = {name: DBTaskResult.objects.get(pk=pk).status for name, pk in ids.items()}
    listing = _requeue("--dry-run")
    assert "Sẽ đưa lại vào hàng đợi 3 tác vụ" in listing and "Còn 2 tác vụ đang chạy trên máy khác" in listing
    assert {name: DBTaskResult.objects.get(pk=pk).status for name, pk in ids.items()} == before

    output = _requeue()
    assert "Đã đưa lại vào hàng đợi 3 tác vụ" in output and "Đã đánh dấu thất bại 1 tác vụ" in output
    status = {name: DBTaskResult.objects.get(pk=pk) for name, pk in ids.items()}
    assert {name for name, result in status.items() if result.status == TaskResultStatus.READY} == {
        "dead", "reused pid", "interrupted",
    }  # fmt: skip
    assert status["interrupted"].exception_class_path == "" and status["interrupted"].finished_at is None
    assert status["alive"].status == status["elsewhere"].status == TaskResultStatus.RUNNING
    assert status["failed"].exception_class_path == "builtins.ValueError"  # a real failure stays one
    given_up = status["given up"].task_result
    assert given_up.status == TaskResultStatus.FAILED and given_up.errors[0].exception_class is workers.WorkerLostError

    assert "Đã đưa lại vào hàng đợi 1 tác vụ" in _requeue("--older-than", "60")  # started three hours ago
    assert DBTaskResult.objects.get(pk=ids["old elsewhere"]).status == TaskResultStatus.READY
    assert DBTaskResult.objects.get(pk=ids["elsewhere"]).status == TaskResultStatus.RUNNING  # one minute ago
    assert DBTaskResult.objects.get(pk=ids["old alive"]).status == TaskResultStatus.RUNNING  # a long task, here


@pytest.mark.django_db  # no other process here: no need to commit
def test_a_worker_started_with_the_id_of_a_dead_one_takes_its_task_back(database_tasks):
    pk = _stuck(["ocop-worker-1"])
    assert str(tasks_requeue(worker_id="ocop-worker-2").unknown[0].pk) == pk
    assert [str(result.pk) for result in tasks_requeue(worker_id="ocop-worker-1").requeued] == [pk]


@pytest.mark.django_db  # no other process here: no need to commit
def test_requeue_refuses_a_backend_that_is_not_the_database(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    with pytest.raises(CommandError, match="không phải backend cơ sở dữ liệu"):
        _requeue()


@pytest.mark.django_db  # no other process here: no need to commit
def test_a_roster_import_given_up_after_its_worker_died_too_often_says_it_failed(database_tasks, media):
    history = _roster_import(OfferingFactory())
    result = roster_apply.enqueue(history.pk, {})
    dead = f"{worker_id_new().split(':')[0]}:{_dead_pid()}:12345"
    DBTaskResult.objects.filter(pk=result.id).update(
        status=TaskResultStatus.RUNNING, worker_ids=[dead] * MAX_ATTEMPTS, started_at=timezone.now()
    )
    assert [str(r.pk) for r in tasks_requeue().given_up] == [result.id]
    history.refresh_from_db()
    assert history.status == RosterImport.Status.FAILED  # the progress page stops and says so
    assert not Participant.objects.exists()
